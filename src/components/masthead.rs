//! The story's header.

use super::listen_control::ListenControl;
use crate::story::{title_lines, STORY};
use leptos::prelude::*;

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
