//! Compact navigation between the article's three sections.

use super::replay_button::ReplayButton;
use crate::browser;
use crate::story::STORY;
use leptos::prelude::*;

/// The short name of a section heading: its first phrase ("民生优先 基础设施先行" → "民生优先").
pub fn short_heading(heading: &str) -> &str {
    heading.split_whitespace().next().unwrap_or(heading)
}

/// A sticky bar with a deep link (`#id`) to each section with a heading, and the replay control.
/// Plain links: the browser records each jump in its history, so "back" returns to the same place.
/// In an iframe they ask the host page to scroll instead (pym.js `scrollToChildPos`).
#[component]
pub fn SectionNav() -> impl IntoView {
    view! {
        <nav class="section-nav" aria-label="章节">
            <ul>
                {STORY
                    .sections
                    .iter()
                    .filter_map(|s| s.heading.map(|h| (s.id, h)))
                    .map(|(id, heading)| {
                        view! {
                            <li>
                                <a
                                    href=format!("#{id}")
                                    title=heading
                                    on:click=move |ev| {
                                        if browser::scroll_parent_to(id) {
                                            ev.prevent_default();
                                        }
                                    }
                                >
                                    {short_heading(heading)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ReplayButton/>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_heading_is_the_first_phrase() {
        assert_eq!(super::short_heading("民生优先 基础设施先行"), "民生优先");
        assert_eq!(super::short_heading("数说新城"), "数说新城");
    }
}
