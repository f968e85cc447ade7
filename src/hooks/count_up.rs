//! `use_count_up`: a number that counts up when the reader reaches it.

use crate::browser::{self, Visibility};
use crate::easing;
use crate::format::NumberFormat;
use crate::motion::Motion;
use leptos::html;
use leptos::prelude::*;

/// Where a counter is in its run (the `data-state` attribute of the DOM contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountState {
    /// At 0, waiting for the reader.
    Idle,
    /// Counting.
    Running,
    /// Showing the final value.
    Done,
}

impl CountState {
    /// The attribute value: `idle`, `running` or `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Running => "running",
            Self::Done => "done",
        }
    }
}

/// Where a counter is, as its visibility observer sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Showing the final value of the server's HTML: the observer's first report after hydration.
    Prerendered,
    /// At 0, waiting for the reader.
    Waiting,
    /// At least half visible, about to count: if it stays so for [`DWELL_MS`].
    Due,
    /// Counting.
    Counting,
}

/// How long a counter must stay at least half visible before it counts (ms). A reader flinging
/// the page past it does not read it (at 7 500 px/s, a phone's viewport goes by in 110 ms): it
/// waits at 0, and counts when the reader comes back to it, instead of costing a relayout and
/// repaint every frame for a count nobody sees. At a reading pace it starts at once to the eye.
pub const DWELL_MS: u32 = 150;

/// What a counter does with a visibility report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Keep waiting (for the reader, or for the count to end).
    Wait,
    /// Out of sight with its final value (prerendered): go back to 0 and wait, unseen.
    Reset,
    /// At least half visible: count after [`DWELL_MS`], watching on.
    Start,
    /// Less than half visible before the count started: wait again, at 0.
    Cancel,
    /// Already in view with its final value when the app took over: keep it, stop watching.
    Keep,
    /// Out of sight while counting (a reader flinging past it): show the final value at once and
    /// stop, so that no frame is spent on a figure nobody sees.
    Finish,
}

/// The counter's decision on a visibility report in `phase`.
pub fn decide(phase: Phase, seen: Visibility) -> Action {
    match (phase, seen.intersecting) {
        (Phase::Prerendered, true) => Action::Keep,
        (Phase::Prerendered, false) => Action::Reset,
        (Phase::Waiting, true) if seen.ratio >= 0.5 => Action::Start,
        (Phase::Due, _) if !seen.intersecting || seen.ratio < 0.5 => Action::Cancel,
        (Phase::Counting, false) => Action::Finish,
        _ => Action::Wait,
    }
}

/// Counts `format`'s number up from 0 over `duration_ms` once at least half of `node` has been
/// visible for [`DWELL_MS`], and ends on the exact final digits; a counter that leaves the
/// viewport while counting ends there at once. Returns the digits to show (padded to the final's
/// width) and the state.
///
/// - Reduced motion: the final value at once, nothing observed.
/// - Prerendered (hydrating server HTML with finals): in view at take-over, the final stays (no
///   flash); out of sight, back to 0 unseen, counting when reached.
/// - Each bump of `motion.replays` starts over from 0.
///
/// Everything it starts stops when the calling component unmounts.
pub fn use_count_up(
    node: NodeRef<html::Span>,
    format: NumberFormat,
    duration_ms: f64,
    motion: Motion,
) -> (Signal<String>, Signal<CountState>) {
    let starts_final = motion.reduced || motion.prerendered;
    let digits = RwSignal::new(if starts_final {
        format.final_digits()
    } else {
        format.padded_digits(0.0)
    });
    let state = RwSignal::new(if starts_final {
        CountState::Done
    } else {
        CountState::Idle
    });
    let reset = move || {
        digits.try_set(format.padded_digits(0.0));
        state.try_set(CountState::Idle);
    };
    let count = move |animator: &browser::Animator| {
        state.try_set(CountState::Running);
        let step = move |elapsed| {
            let value = easing::value_at(format.target, elapsed, duration_ms);
            let text = format.padded_digits(value);
            if digits.try_with_untracked(|d| *d != text) == Some(true) {
                digits.try_set(text);
            }
        };
        let finish = move || {
            digits.try_set(format.final_digits());
            state.try_set(CountState::Done);
        };
        animator.start(duration_ms, step, finish);
    };

    // Runs again on each replay: the observer and animation of the run before stop first.
    browser::effect(move || {
        let replay = motion.replays.get() > 0;
        let Some(el) = node.get() else { return };
        if motion.reduced {
            return;
        }
        let mut phase = if motion.prerendered && !replay {
            Phase::Prerendered
        } else {
            reset();
            Phase::Waiting
        };
        let animator = browser::use_animator();
        // The dwell before a count.
        let due = browser::use_next_frame();
        browser::use_visibility(&el, move |seen| {
            // Counting since the dwell ended.
            if phase == Phase::Due && state.get_untracked() != CountState::Idle {
                phase = Phase::Counting;
            }
            if state.get_untracked() == CountState::Done && phase == Phase::Counting {
                return false;
            }
            match decide(phase, seen) {
                Action::Wait => true,
                Action::Reset => {
                    reset();
                    phase = Phase::Waiting;
                    true
                }
                Action::Start => {
                    let animator = animator.clone();
                    due.write_after(DWELL_MS, move || count(&animator));
                    phase = Phase::Due;
                    true
                }
                Action::Cancel => {
                    due.cancel();
                    phase = Phase::Waiting;
                    true
                }
                Action::Keep => false,
                Action::Finish => {
                    animator.complete();
                    false
                }
            }
        });
    });
    (digits.into(), state.into())
}

#[cfg(test)]
mod tests {
    use super::{decide, Action, Phase, Visibility};

    const HIDDEN: Visibility = Visibility::HIDDEN;
    const EDGE: Visibility = Visibility {
        intersecting: true,
        ratio: 0.2,
    };
    const HALF: Visibility = Visibility {
        intersecting: true,
        ratio: 0.5,
    };
    const ALL: Visibility = Visibility {
        intersecting: true,
        ratio: 1.0,
    };

    #[test]
    fn counters_start_at_half_visibility() {
        assert_eq!(decide(Phase::Waiting, HIDDEN), Action::Wait);
        assert_eq!(decide(Phase::Waiting, EDGE), Action::Wait);
        assert_eq!(decide(Phase::Waiting, HALF), Action::Start);
        assert_eq!(decide(Phase::Waiting, ALL), Action::Start);
    }

    #[test]
    fn prerendered_counters_in_view_keep_their_final_and_others_reset_unseen() {
        assert_eq!(decide(Phase::Prerendered, HALF), Action::Keep);
        assert_eq!(
            decide(Phase::Prerendered, EDGE),
            Action::Keep,
            "even partly visible: no flash to 0"
        );
        assert_eq!(decide(Phase::Prerendered, HIDDEN), Action::Reset);
    }

    #[test]
    fn a_counter_counts_only_if_it_stays_half_visible() {
        assert_eq!(decide(Phase::Due, HALF), Action::Wait, "still half visible");
        assert_eq!(decide(Phase::Due, ALL), Action::Wait);
        assert_eq!(decide(Phase::Due, EDGE), Action::Cancel, "flung past");
        assert_eq!(decide(Phase::Due, HIDDEN), Action::Cancel);
    }

    #[test]
    fn a_counter_left_behind_while_counting_ends_at_once() {
        assert_eq!(decide(Phase::Counting, EDGE), Action::Wait, "still in view");
        assert_eq!(decide(Phase::Counting, ALL), Action::Wait);
        assert_eq!(decide(Phase::Counting, HIDDEN), Action::Finish);
    }
}
