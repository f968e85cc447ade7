//! An animated figure of the article, and the motion settings all counters share.

use crate::browser;
use crate::easing;
use crate::format::NumberFormat;
use crate::story::{Counter as CounterData, Value};
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;

/// Motion settings shared by every counter (provided by the app, or by a test).
#[derive(Clone, Copy, Debug)]
pub struct Motion {
    /// `prefers-reduced-motion: reduce`: counters show their final values at once, no ticking.
    pub reduced: bool,
    /// Bumped by the replay control: every counter goes back to 0 and counts again when seen.
    pub replays: RwSignal<u32>,
}

impl Motion {
    /// Settings from the reader's browser.
    pub fn from_browser() -> Self {
        Self {
            reduced: browser::prefers_reduced_motion(),
            replays: RwSignal::new(0),
        }
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
    let initial = if motion.reduced {
        final_digits.clone()
    } else {
        format.padded_digits(0.0)
    };
    let digits = RwSignal::new(initial);
    let state = RwSignal::new(if motion.reduced { "done" } else { "idle" });
    let node = NodeRef::<html::Span>::new();
    let duration = easing::duration_ms(format.steps());

    Effect::new(move |_| {
        motion.replays.track();
        let Some(el) = node.get() else { return };
        if motion.reduced {
            return;
        }
        digits.set(format.padded_digits(0.0));
        state.set("idle");
        let running: Rc<RefCell<Option<browser::Animation>>> = Rc::default();
        let watch = browser::when_half_visible(&el, {
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
        });
        let handles = SendWrapper::new((watch, running));
        on_cleanup(move || drop(handles));
    });

    view! {
        <span class="counter" data-counter=counter.id data-state=move || state.get() node_ref=node>
            <span class="sr-only">{final_text}</span>
            <span class="counter-face" aria-hidden="true">
                {counter.before}
                <span class="num" data-final=final_digits>{move || digits.get()}</span>
                {format.scale.suffix()}
                {counter.after}
            </span>
        </span>
    }
    .into_any()
}
