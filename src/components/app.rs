//! The whole story page.

use super::masthead::Masthead;
use super::progress_bar::ProgressBar;
use super::section_nav::SectionNav;
use super::story_section::StorySection;
use crate::motion::Motion;
use crate::story::STORY;
use crate::{browser, embed};
use leptos::prelude::*;

/// Whether the page is in embed mode (provided by [`App`]): scenes lay out flat there, since a
/// self-sizing frame never scrolls and nothing in it can stick.
#[derive(Clone, Copy, Debug)]
pub struct EmbedMode(pub RwSignal<bool>);

/// The story page: progress bar, title, section navigation and every section of the article.
/// Provides the [`Motion`] settings to all counters unless a parent (the prerenderer, a test)
/// already did.
///
/// Embed mode drops what a host page already has: the progress bar and the visible title (it
/// stays for screen readers), and the section bar no longer sticks. It is on from the first paint
/// in the prerendered `embed.html`, and switched on by the app for `?embed=1` or any framed page.
/// When framed, the page tells its parent its height (pym.js protocol, see [`browser::use_pym_child`]).
#[component]
pub fn App(
    /// Start in embed mode (the prerendered `embed.html`).
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    if use_context::<Motion>().is_none() {
        provide_context(Motion::from_browser());
    }
    let embedded = RwSignal::new(embedded);
    provide_context(EmbedMode(embedded));
    // Browser-only set-up, after the first render (effects never run on the server).
    Effect::new(move |_| {
        // The page is drawn after the browser looked for `#id`: go there now that it exists.
        browser::scroll_to_hash();
        let framed = browser::is_framed();
        if framed || browser::query_param("embed").as_deref() == Some("1") {
            embedded.set(true);
        }
        if framed {
            let param = browser::query_param("childId");
            let announced = param.is_some();
            let child_id = embed::child_id(param.as_deref()).unwrap_or_else(|why| {
                browser::warn(&format!(
                    "ruzhou-story: {why}; using `{}`",
                    embed::DEFAULT_CHILD_ID
                ));
                embed::DEFAULT_CHILD_ID.to_owned()
            });
            browser::use_pym_child(child_id, announced);
        }
    });
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
