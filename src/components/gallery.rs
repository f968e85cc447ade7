//! Photos that stand together in the article, shown as one gallery.

use super::story_figure::StoryFigure;
use crate::story::Figure;
use leptos::prelude::*;

/// A gallery of figures: a 2 × 2 grid on wide screens, a horizontal strip that snaps from photo
/// to photo on phones. The strip can be scrolled with the keyboard (it takes focus) and is a
/// named region; each figure keeps its exact caption.
#[component]
pub fn Gallery(
    /// The figures, in the article's order.
    figures: &'static [Figure],
) -> impl IntoView {
    view! {
        <div class="gallery" role="region" aria-label=crate::ui_text::GALLERY tabindex="0">
            {figures
                .iter()
                .map(|figure| view! { <StoryFigure figure=figure in_gallery=true/> })
                .collect_view()}
        </div>
    }
}
