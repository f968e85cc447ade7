//! An animated figure of the article, and the motion settings all counters share.

use crate::browser::{self, Visibility};
use crate::easing;
use crate::format::NumberFormat;
use crate::story::{Counter as CounterData, Value};
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;

/// Motion settings shared by every counter (provided by the app, the prerenderer or a test).
#[derive(Clone, Copy, Debug)]
pub struct Motion {
    /// `prefers-reduced-motion: reduce`: counters show their final values, no ticking.
    pub reduced: bool,
    /// The page came as prerendered HTML with final values: counters already in view when the app
    /// takes over keep them (no flash); the others go back to 0 out of sight and count when seen.
    pub prerendered: bool,
    /// Bumped by the replay control: every counter goes back to 0 and counts again when seen.
    pub replays: RwSignal<u32>,
}

impl Motion {
    /// Settings for a page drawn on the server: finals everywhere, nothing moves.
    pub fn server() -> Self {
        Self {
            reduced: false,
            prerendered: true,
            replays: RwSignal::new(0),
        }
    }

    /// Settings from the reader's browser; `prerendered` when the app hydrates server HTML.
    pub fn from_browser() -> Self {
        Self {
            reduced: browser::prefers_reduced_motion(),
            prerendered: cfg!(feature = "hydrate"),
            replays: RwSignal::new(0),
        }
    }
}

/// What a counter does with a visibility report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Keep waiting for the reader.
    Wait,
    /// Out of sight with its final value (prerendered): go back to 0 and wait, unseen.
    Reset,
    /// At least half visible: count now, and stop watching.
    Start,
    /// Already in view with its final value when the app took over: keep it, stop watching.
    Keep,
}

/// The counter's decision. `shows_final` is true while a prerendered counter still shows its
/// final value from the server HTML, i.e. only for the observer's first report after hydration.
pub fn decide(shows_final: bool, seen: Visibility) -> Action {
    match (shows_final, seen.intersecting) {
        (true, true) => Action::Keep,
        (true, false) => Action::Reset,
        (false, true) if seen.ratio >= 0.5 => Action::Start,
        (false, _) => Action::Wait,
    }
}

/// A figure of the article: counts from 0 to its final value once at least half of it is visible,
/// easing out over 1.5–2.5 s, and always ends on the exact text the article prints. Facts (`AA级`)
/// are highlighted, not counted.
///
/// DOM contract: `data-counter="<id>"`, `data-state="idle|running|done"`; the ticking digits are
/// `aria-hidden` and keep the final's width; a visually hidden copy of the final text ("近20亿元")
/// is what screen readers read.
#[component]
pub fn Counter(
    /// The figure to show.
    counter: &'static CounterData,
) -> impl IntoView {
    let final_text = counter.final_text();
    let Value::Number { value, decimals } = counter.value else {
        return view! { <strong class="fact" data-fact=counter.id>{final_text}</strong> }
            .into_any();
    };
    let motion = use_context::<Motion>().unwrap_or_else(Motion::from_browser);
    let format = NumberFormat::new(value, decimals);
    let final_digits = format.final_digits();
    let starts_final = motion.reduced || motion.prerendered;
    let digits = RwSignal::new(if starts_final {
        final_digits.clone()
    } else {
        format.padded_digits(0.0)
    });
    let state = RwSignal::new(if starts_final { "done" } else { "idle" });
    let node = NodeRef::<html::Span>::new();
    let duration = easing::duration_ms(format.steps());
    let unit = format!("{}{}", format.scale.suffix(), counter.after);

    // Back to 0, waiting for the reader.
    let reset = move || {
        digits.try_set(format.padded_digits(0.0));
        state.try_set("idle");
    };

    Effect::new(move |_| {
        let replay = motion.replays.get() > 0;
        let Some(el) = node.get() else { return };
        if motion.reduced {
            return;
        }
        let mut shows_final = motion.prerendered && !replay;
        if !shows_final {
            reset();
        }
        let running: Rc<RefCell<Option<browser::Animation>>> = Rc::default();
        let start = {
            let running = running.clone();
            move || {
                state.try_set("running");
                let step = move |elapsed| {
                    let text = format.padded_digits(easing::value_at(value, elapsed, duration));
                    if digits.try_with_untracked(|d| *d != text) == Some(true) {
                        digits.try_set(text);
                    }
                };
                let finish = move || {
                    digits.try_set(format.final_digits());
                    state.try_set("done");
                };
                *running.borrow_mut() = Some(browser::animate(duration, step, finish));
            }
        };
        let watch = browser::watch_visibility(&el, move |seen| {
            let action = decide(shows_final, seen);
            shows_final = false;
            match action {
                Action::Wait => true,
                Action::Reset => {
                    reset();
                    true
                }
                Action::Start => {
                    start();
                    false
                }
                Action::Keep => false,
            }
        });
        let handles = SendWrapper::new((watch, running));
        on_cleanup(move || drop(handles));
    });

    view! {
        <span class="counter" data-counter=counter.id data-state=move || state.get() node_ref=node>
            <span class="sr-only">{final_text}</span>
            <span class="counter-face" aria-hidden="true">
                {non_empty(counter.before)}
                <span class="num" data-final=final_digits>{move || digits.get()}</span>
                {non_empty(unit)}
            </span>
        </span>
    }
    .into_any()
}

/// `None` for an empty string: the server renders an empty text node as a space, which would show
/// as a gap in Chinese text.
pub fn non_empty<T: AsRef<str>>(text: T) -> Option<T> {
    (!text.as_ref().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::{decide, Action, Visibility};

    const HIDDEN: Visibility = Visibility {
        intersecting: false,
        ratio: 0.0,
    };
    const EDGE: Visibility = Visibility {
        intersecting: true,
        ratio: 0.2,
    };
    const HALF: Visibility = Visibility {
        intersecting: true,
        ratio: 0.5,
    };

    #[test]
    fn counters_start_at_half_visibility() {
        assert_eq!(decide(false, HIDDEN), Action::Wait);
        assert_eq!(decide(false, EDGE), Action::Wait);
        assert_eq!(decide(false, HALF), Action::Start);
        assert_eq!(
            decide(
                false,
                Visibility {
                    intersecting: true,
                    ratio: 1.0
                }
            ),
            Action::Start
        );
    }

    #[test]
    fn prerendered_counters_in_view_keep_their_final_and_others_reset_unseen() {
        assert_eq!(decide(true, HALF), Action::Keep);
        assert_eq!(
            decide(true, EDGE),
            Action::Keep,
            "even partly visible: no flash to 0"
        );
        assert_eq!(decide(true, HIDDEN), Action::Reset);
    }
}
