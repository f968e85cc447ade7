//! One `<section>` of the article.

use super::data_table::DataTable;
use super::full_story_link::FullStoryLink;
use super::gallery::Gallery;
use super::paragraph::Paragraph;
use super::story_figure::StoryFigure;
use super::story_scene::StoryScene;
use super::summary::Summary;
use crate::story::{Block, Section};
use leptos::prelude::*;

/// A section with a stable `id` (so `#id` deep-links to it), its heading if it has one, and its
/// paragraphs, scenes (a data graphic's followed by its table), figures, galleries and a link to
/// the full story, and (in the opening) the summary block, in reading order.
#[component]
pub fn StorySection(
    /// The section's data.
    section: &'static Section,
) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = section.heading.map(|_| heading_id.clone());
    view! {
        <section id=section.id class="story-section" aria-labelledby=labelled_by>
            {section.heading.map(|h| view! { <h2 id=heading_id>{h}</h2> })}
            {section
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Paragraph(inlines) => view! { <Paragraph inlines=inlines/> }.into_any(),
                    Block::Figure(figure) => view! { <StoryFigure figure=figure/> }.into_any(),
                    Block::Summary => view! { <Summary/> }.into_any(),
                    Block::Scene(scene) => view! {
                        <StoryScene scene=scene/>
                        {(!scene.schematic).then(|| view! { <DataTable scene=scene/> })}
                    }
                    .into_any(),
                    Block::Gallery(figures) => view! { <Gallery figures=figures/> }.into_any(),
                    Block::FullStory(link) => view! { <FullStoryLink link=link/> }.into_any(),
                })
                .collect_view()}
        </section>
    }
}
