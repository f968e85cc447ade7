//! A photo caption of the article with its drawing (or a real photo).

use super::illustration::Illustration;
use crate::photos::{self, Format};
use crate::story::{Figure, STORY};
use leptos::prelude::*;

/// A `<figure>` with the article's caption. Without a photo it shows a light inline-SVG drawing
/// (decorative, hidden from screen readers); with `image` in the data file it shows that photo
/// as a `<picture>`: WebP (and JPEG for the rest) in the widths the prerender step made of it
/// ([`crate::photos`]), so that each screen takes the smallest that is sharp on it; its width and
/// height set, so nothing moves when it comes; a blurred placeholder behind it until then (a
/// class the stylesheet sets); fetched lazily unless it opens the story.
#[component]
pub fn StoryFigure(
    /// The figure's data.
    figure: &'static Figure,
    /// In a gallery (narrower on every screen: `sizes` says so).
    #[prop(optional)]
    in_gallery: bool,
) -> impl IntoView {
    let picture = match &figure.image {
        Some(image) => {
            let sizes = if in_gallery {
                photos::GALLERY_SIZES
            } else {
                photos::FIGURE_SIZES
            };
            let lead = photos::is_lead(&STORY, figure);
            view! {
                <picture>
                    <source
                        type=Format::Webp.mime()
                        srcset=photos::srcset(image, Format::Webp)
                        sizes=sizes
                    />
                    <img
                        class=format!("photo {}", photos::placeholder_class(image))
                        src=photos::fallback_src(image)
                        srcset=photos::srcset(image, Format::Jpeg)
                        sizes=sizes
                        width=image.width
                        height=image.height
                        alt=figure.caption
                        loading=if lead { "eager" } else { "lazy" }
                        fetchpriority=lead.then_some("high")
                        decoding="async"
                    />
                </picture>
            }
            .into_any()
        }
        None => view! { <Illustration art=figure.art()/> }.into_any(),
    };
    view! {
        <figure class="story-figure" data-art=figure.art().name>
            {picture}
            <figcaption>{figure.caption}</figcaption>
        </figure>
    }
}
