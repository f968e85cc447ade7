//! The page's own set-up: motion settings, embed mode, the deep link and the pym.js child.

use crate::motion::Motion;
use crate::{browser, embed};
use leptos::prelude::*;

/// Whether the page is in embed mode (provided by [`use_page`]): scenes lay out flat there, since a
/// self-sizing frame never scrolls and nothing in it can stick.
#[derive(Clone, Copy, Debug)]
pub struct EmbedMode(pub RwSignal<bool>);

/// Provides the [`Motion`] settings ([`provide_motion`]) and [`EmbedMode`], starting in embed mode
/// when `embedded`; then, in the browser, goes to the deep link's `#id` (a prerendered page:
/// only where the browser could not reach it), marks the page as running (`<html data-app>`), switches embed mode on for `?embed=1` or
/// any framed page, and when framed tells the parent its height (pym.js protocol, see
/// [`browser::use_pym_child`]). Returns the embed-mode signal. Used by
/// the page ([`crate::App`]) and by the hydrated page's islands (`crate::islands`).
pub fn use_page(embedded: bool) -> RwSignal<bool> {
    provide_motion();
    let embedded = RwSignal::new(embedded);
    provide_context(EmbedMode(embedded));
    // Browser-only set-up, after the first render (effects never run on the server).
    browser::effect(move || {
        // A page drawn in the browser (`csr`) did not exist when the browser looked for `#id`: go
        // there now. A prerendered page had it, and the reader may have scrolled on since: only
        // where the browser could not reach it (in a part it had not laid out) is it reached now.
        if cfg!(feature = "hydrate") {
            browser::use_hash_reveal();
        } else {
            browser::scroll_to_hash();
        }
        browser::mark_running();
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
    embedded
}

/// Provides the reader's [`Motion`] settings ([`Motion::from_browser`]) unless a parent — the
/// prerenderer, a test, the islands' first step — already did.
pub fn provide_motion() {
    if use_context::<Motion>().is_none() {
        provide_context(Motion::from_browser());
    }
}
