//! The whole story page.

use super::masthead::Masthead;
use super::progress_bar::ProgressBar;
use super::section_nav::SectionNav;
use super::story_section::StorySection;
use crate::hooks::page::use_page;
use crate::story::STORY;
use leptos::prelude::*;

/// The story page: progress bar, title, section navigation and every section of the article.
/// Provides the [`crate::Motion`] settings to all counters unless a parent (the prerenderer, a
/// test) already did ([`use_page`]).
///
/// Embed mode drops what a host page already has: the progress bar and the visible title (it
/// stays for screen readers), and the section bar no longer sticks. It is on from the first paint
/// in the prerendered `embed.html`, and switched on by the app for `?embed=1` or any framed page.
/// When framed, the page tells its parent its height (pym.js protocol, see
/// [`crate::browser::use_pym_child`]).
#[component]
pub fn App(
    /// Start in embed mode (the prerendered `embed.html`).
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let embedded = use_page(embedded);
    view! {
        <div class="page" class:embed=move || embedded.get()>
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
        </div>
    }
}
