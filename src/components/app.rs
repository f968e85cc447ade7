//! The whole story page.

use super::counter::Motion;
use super::masthead::Masthead;
use super::progress_bar::ProgressBar;
use super::section_nav::SectionNav;
use super::story_section::StorySection;
use crate::browser;
use crate::story::STORY;
use leptos::prelude::*;

/// The story page: progress bar, title, section navigation and every section of the article.
/// Provides the [`Motion`] settings to all counters unless a parent (a test) already did.
#[component]
pub fn App() -> impl IntoView {
    if use_context::<Motion>().is_none() {
        provide_context(Motion::from_browser());
    }
    // The page is drawn after the browser looked for `#id`: go there now that it exists.
    Effect::new(|_| browser::scroll_to_hash());
    view! {
        <ProgressBar/>
        <main>
            <article class="story">
                <Masthead/>
                <SectionNav/>
                {STORY
                    .sections
                    .iter()
                    .map(|section| view! { <StorySection section=section/> })
                    .collect_view()}
            </article>
        </main>
    }
}
