//! A photo caption of the article with its drawing (or a real photo).

use super::illustration::Illustration;
use crate::story::Figure;
use leptos::prelude::*;

/// A `<figure>` with the article's caption. Without a photo it shows a light inline-SVG drawing
/// (decorative, hidden from screen readers); with `image` in the data file it shows that file,
/// loaded lazily with its width and height set so nothing jumps.
#[component]
pub fn StoryFigure(
    /// The figure's data.
    figure: &'static Figure,
) -> impl IntoView {
    let picture = match &figure.image {
        Some(image) => view! {
            <img
                src=image.src
                width=image.width
                height=image.height
                alt=figure.caption
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
        None => view! { <Illustration art=figure.art()/> }.into_any(),
    };
    view! {
        <figure class="story-figure" data-art=figure.art().name>
            {picture}
            <figcaption>{figure.caption}</figcaption>
        </figure>
    }
}
