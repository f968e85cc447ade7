//! A light drawing standing in for one of the article's photos.

use crate::art::Art;
use leptos::prelude::*;

/// A drawing for a figure without a photo, tagged 「示意图」 so that no reader takes it for the
/// reporter's photo. The drawing is an image (its light or, on a dark screen, its dark file:
/// [`crate::art_paint`]), fetched when it nears the screen, its box sized from the first paint; it
/// is decorative (`alt=""`): the figure's caption says what the photo showed.
#[component]
pub fn Illustration(
    /// The drawing (linked from the data file at build time).
    art: &'static Art,
) -> impl IntoView {
    view! {
        <div class="art">
            <picture>
                <source media="(prefers-color-scheme: dark)" srcset=art.dark.path/>
                <img
                    src=art.light.path
                    width=art.width
                    height=art.height
                    alt=""
                    loading="lazy"
                    decoding="async"
                />
            </picture>
            <span class="schematic">{crate::ui_text::SCHEMATIC}</span>
        </div>
    }
}
