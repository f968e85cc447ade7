//! A short edition's link to the story it is drawn from.

use crate::story::FullStory;
use leptos::prelude::*;

/// 「阅读全文《…》」: one link, the interface's words ([`crate::ui_text::FULL_STORY`]) and the full
/// story's title. Static markup (no island): it works with no script, in print and in embed mode
/// (where it opens in the frame, which then shows the full story embedded).
#[component]
pub fn FullStoryLink(
    /// The full story's URL and title.
    link: &'static FullStory,
) -> impl IntoView {
    view! {
        <p class="full-story">
            <a href=link.href>
                <span class="full-story-label">{crate::ui_text::FULL_STORY}</span>
                <cite>{format!("《{}》", link.title)}</cite>
            </a>
        </p>
    }
}
