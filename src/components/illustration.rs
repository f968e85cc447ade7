//! A light inline-SVG drawing standing in for one of the article's photos.

use crate::art::Art;
use leptos::prelude::*;

/// A drawing for a figure without a photo, tagged 「示意图」 so that no reader takes it for the
/// reporter's photo. The drawing itself is hidden from screen readers: the figure's caption says
/// what the photo showed.
#[component]
pub fn Illustration(
    /// The drawing (linked from the data file at build time).
    art: &'static Art,
) -> impl IntoView {
    view! {
        <div class="art">
            <div class="art-svg" aria-hidden="true" inner_html=art.svg></div>
            <span class="schematic">{crate::ui_text::SCHEMATIC}</span>
        </div>
    }
}
