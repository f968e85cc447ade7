//! The "数说新城" block: the headline figures, large.

use super::story_counter::StoryCounter;
use crate::story::STORY;
use leptos::prelude::*;

/// The headline counters (road length, trees, funds) shown large near the top, each with the
/// article's words for what it counts.
#[component]
pub fn Summary() -> impl IntoView {
    view! {
        <aside class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{STORY.summary_heading}</h2>
            <ul>
                {STORY
                    .summary
                    .iter()
                    .map(|item| {
                        view! {
                            <li>
                                <span class="summary-label">{item.label}</span>
                                <StoryCounter counter=item.counter/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </aside>
    }
}
