//! The hydrated page, island by island (the `hydrate` build's entry, called by `main.rs`).
//!
//! The server renders the whole page ([`crate::App`]); most of it — the words, the photos, the
//! drawings — never changes. So the browser does not walk all of it, nor carry it in the wasm: only
//! the parts that move are hydrated, each from its own root element, by the same component that
//! rendered it there (so the markup and the component cannot disagree):
//!
//! | root element | component |
//! |---|---|
//! | `.progress` | [`ProgressBar`] |
//! | `.section-nav` | [`SectionNav`] (with the replay button) |
//! | `.scene[data-scene]` | [`Scene`] (its steps' sentences stay the server's) |
//! | `[data-counter]` | [`Counter`] (in paragraphs, scene steps and the summary) |
//!
//! They share one reactive owner, so they share the context [`use_page`] provides (motion
//! settings, embed mode) and the replay signal. Each island's props are found from its root's
//! `data-` attribute in the story data; nothing is serialised into the page. The words of the
//! story are left out of this build's data (`build.rs`): none of these components reads them.

use crate::browser;
use crate::components::progress_bar::ProgressBar;
use crate::components::scene::Scene;
use crate::components::section_nav::SectionNav;
use crate::graphics;
use crate::hooks::page::use_page;
use crate::story;
use crate::Counter;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, RenderHtml};
use web_sys::Element;

/// Hydrates every island of the prerendered page under one root owner, kept for the page's life.
pub fn hydrate() {
    // Effects and tasks run on wasm-bindgen-futures (an `Err` means it already was set up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new_root(None);
    owner.with(|| {
        let embedded = use_page(browser::prerendered_embed());
        for page in browser::query_all(".page") {
            browser::use_class(page, "embed", move || embedded.get());
        }
        for root in browser::query_all(".progress") {
            island(root, || view! { <ProgressBar/> });
        }
        for root in browser::query_all(".section-nav") {
            island(root, || view! { <SectionNav/> });
        }
        for root in browser::query_all(".scene[data-scene]") {
            let scene = root
                .get_attribute("data-scene")
                .and_then(|name| graphics::by_name(&name))
                .and_then(|spec| story::scene(spec.graphic));
            if let Some(scene) = scene {
                island(root, move || view! { <Scene scene=scene/> });
            }
        }
        for root in browser::query_all("[data-counter]") {
            if let Some(counter) = root
                .get_attribute("data-counter")
                .and_then(|id| story::find_counter(&id))
            {
                island(root, move || view! { <Counter counter=counter/> });
            }
        }
    });
    std::mem::forget(owner);
}

/// Hydrates the view `f` renders onto `root`, the element the server rendered it as, and keeps it
/// (its reactive parts live as long as the owner).
fn island<V: IntoView>(root: Element, f: impl FnOnce() -> V) {
    let cursor = Cursor::new(root);
    let state = f()
        .into_view()
        .hydrate::<true>(&cursor, &PositionState::new(Position::Current));
    std::mem::forget(state);
}
