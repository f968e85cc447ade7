//! A figure that counts up.

use crate::easing;
use crate::format::NumberFormat;
use crate::hooks::count_up::use_count_up;
use crate::motion::Motion;
use crate::story::{Counter, Value};
use leptos::html;
use leptos::prelude::*;

/// A figure that counts from 0 to its final value once at least half of it is visible, easing out
/// over 1.5–2.5 s, and always ends on the exact text the article prints (see [`use_count_up`]).
/// What the hydrated page's counter islands are (`crate::islands`). Needs the [`Motion`] context.
///
/// DOM contract: `data-counter="<id>"`, `data-state="idle|running|done"`; the ticking digits are
/// `aria-hidden`, in a box the final's digits size (the digits themselves are positioned over it,
/// so a new digit lays out nothing around them); a visually hidden copy of the final text
/// ("近20亿元") is what screen readers read.
#[component]
pub fn CountUp(
    /// The figure to count (one with a value that counts).
    counter: &'static Counter,
) -> impl IntoView {
    let (value, decimals) = match counter.value {
        Value::Number { value, decimals } => (value, decimals),
        Value::Fact(_) => (0.0, 0),
    };
    let format = NumberFormat::new(value, decimals);
    let node = NodeRef::<html::Span>::new();
    let duration = easing::duration_ms(format.steps());
    let (digits, state) = use_count_up(node, format, duration, expect_context::<Motion>());
    let unit = format!("{}{}", format.scale.suffix(), counter.after);
    view! {
        <span class="counter" data-counter=counter.id data-state=move || state.get().as_str() node_ref=node>
            <span class="sr-only">{counter.final_text()}</span>
            <span class="counter-face" aria-hidden="true">
                {non_empty(counter.before)}
                <span class="num" data-final=format.final_digits()>
                    <span class="digits">{digits}</span>
                </span>
                {non_empty(unit)}
            </span>
        </span>
    }
}

/// `None` for an empty string: the server renders an empty text node as a space, which would show
/// as a gap in Chinese text.
pub fn non_empty<T: AsRef<str>>(text: T) -> Option<T> {
    (!text.as_ref().is_empty()).then_some(text)
}
