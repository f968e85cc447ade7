//! The story's header.

use crate::story::STORY;
use leptos::prelude::*;

/// Title and byline of the story.
#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>{STORY.title}</h1>
            <p class="byline">{STORY.byline}</p>
        </header>
    }
}
