//! The whole story page.

use super::counter::Motion;
use super::masthead::Masthead;
use super::progress_bar::ProgressBar;
use super::section_nav::SectionNav;
use super::story_section::StorySection;
use crate::story::STORY;
use crate::{browser, embed};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The story page: progress bar, title, section navigation and every section of the article.
/// Provides the [`Motion`] settings to all counters unless a parent (a test) already did.
///
/// Embed mode (`?embed=1`, or whenever the page is framed) drops what the host page already has:
/// the progress bar and the visible title (it stays for screen readers), and the navigation
/// no longer sticks. When framed, the page tells its parent its height (pym.js protocol).
#[component]
pub fn App() -> impl IntoView {
    if use_context::<Motion>().is_none() {
        provide_context(Motion::from_browser());
    }
    // The page is drawn after the browser looked for `#id`: go there now that it exists.
    Effect::new(|_| browser::scroll_to_hash());
    let framed = browser::is_framed();
    let embedded = framed || browser::query_param("embed").as_deref() == Some("1");
    if framed {
        let child_id = browser::query_param("childId")
            .filter(|id| embed::valid_child_id(id))
            .unwrap_or_else(|| embed::DEFAULT_CHILD_ID.to_owned());
        let pym = SendWrapper::new(browser::PymChild::start(child_id));
        on_cleanup(move || drop(pym));
    }
    view! {
        {(!embedded).then(|| view! { <ProgressBar/> })}
        <main class:embed=embedded>
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
