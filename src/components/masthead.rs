//! The story's header.

use super::listen_control::ListenControl;
use crate::story::STORY;
use leptos::prelude::*;

/// The title's lines: it breaks after "：" (kept on the first line), never inside a phrase.
pub fn title_lines(title: &str) -> impl Iterator<Item = &str> {
    title.split_inclusive('：')
}

/// Title and byline of the story, and the read-aloud control ([`ListenControl`]). Each part of the
/// title ("汝州市产业集聚区：", "一座新城的崛起") wraps as a whole where it can.
#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>{title_lines(STORY.title).map(|line| view! { <span>{line}</span> }).collect_view()}</h1>
            <p class="byline">{STORY.byline}</p>
            <ListenControl/>
        </header>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_title_breaks_after_its_colon() {
        let lines: Vec<&str> = super::title_lines("汝州市产业集聚区：一座新城的崛起").collect();
        assert_eq!(lines, ["汝州市产业集聚区：", "一座新城的崛起"]);
        assert_eq!(super::title_lines("数说新城").count(), 1);
    }
}
