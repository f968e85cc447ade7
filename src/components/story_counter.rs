//! A figure of the article, counted or highlighted.

use super::count_up::CountUp;
use crate::story::{Counter, Value};
use leptos::prelude::*;

/// A figure of the article: counted up ([`CountUp`]) or, for facts (`AA级`, and places, ranks,
/// frequencies and parts of a whole, such as `第18位`), highlighted and not counted. Needs the
/// [`Motion`](crate::motion::Motion) context.
#[component]
pub fn StoryCounter(
    /// The figure to show.
    counter: &'static Counter,
) -> impl IntoView {
    match (&counter.value, counter.counts) {
        (Value::Number { .. }, true) => view! { <CountUp counter=counter/> }.into_any(),
        _ => view! { <strong class="fact" data-fact=counter.id>{counter.final_text()}</strong> }
            .into_any(),
    }
}
