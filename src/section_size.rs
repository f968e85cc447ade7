//! How tall each section and scene of the story will be before the browser lays it out: the
//! height one far from the viewport holds (`contain-intrinsic-size`) while `content-visibility:
//! auto` skips it (scenes everywhere, sections on phones: public/style.css), so that the page is
//! about as long from the first paint as once it is all laid out (the progress bar and the
//! scrollbar barely move back when one is first laid out). Plain functions of the story's data,
//! for a 390 × 844 phone at 100 % text (most readers; a desktop's scenes come out within a quarter
//! of it, tests/e2e/sections.test.mjs). Once one was laid out the browser keeps the height it had
//! (`auto`).

use crate::story::{Block, Inline, Scene, Section, Story};

/// The text column's width in characters of the body text on a phone (350 px of 17 px text).
const CHARS_PER_LINE: usize = 20;
/// A line of body text (17 px × 1.8), px.
const LINE_PX: u32 = 31;
/// A paragraph's bottom margin (1.2 em), px.
const PARAGRAPH_GAP_PX: u32 = 20;
/// A section heading with its margins, px.
const HEADING_PX: u32 = 86;
/// A scene's own height beside its steps (margins, paddings, the graphic's first screen), px.
const SCENE_PX: u32 = 120;
/// Each step of a scene: its card and the room after it (55 % of an 844 px screen), px.
const STEP_PX: u32 = 640;
/// A data graphic's table, closed, px.
const TABLE_PX: u32 = 103;
/// A figure (photo or drawing with its caption), px.
const FIGURE_PX: u32 = 287;
/// A gallery of photos (a strip on phones), px.
const GALLERY_PX: u32 = 264;
/// The headline-figures block, px.
const SUMMARY_PX: u32 = 470;
/// A link to the full story, px.
const FULL_STORY_PX: u32 = 80;

/// The characters of a run of inlines as the page prints them.
fn chars(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.chars().count(),
            Inline::Counter(counter) => counter.final_text().chars().count(),
            Inline::Gap => 2,
        })
        .sum()
}

/// A paragraph of `chars` characters, px.
fn paragraph_px(chars: usize) -> u32 {
    chars.div_ceil(CHARS_PER_LINE) as u32 * LINE_PX + PARAGRAPH_GAP_PX
}

/// A scene's estimated height on a phone (its table after it not included), px.
pub fn scene_px(scene: &Scene) -> u32 {
    SCENE_PX + STEP_PX * scene.steps.len() as u32
}

/// A section's estimated height on a phone, px.
pub fn estimate_px(section: &Section) -> u32 {
    let heading = section.heading.map_or(0, |_| HEADING_PX);
    let blocks: u32 = section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => paragraph_px(chars(inlines)),
            Block::Figure(_) => FIGURE_PX,
            Block::Summary => SUMMARY_PX,
            Block::Scene(scene) => {
                let table = if scene.schematic { 0 } else { TABLE_PX };
                scene_px(scene) + table
            }
            Block::Gallery(_) => GALLERY_PX,
            Block::FullStory(_) => FULL_STORY_PX,
        })
        .sum();
    heading + blocks
}

/// The stylesheet's rules giving each section of `story` but the first (the first is never
/// skipped) and each scene (skipped on its own until the reader nears it, even in a section laid
/// out) its estimated height until it is first laid out.
pub fn rules(story: &Story) -> String {
    let sections = story
        .sections
        .iter()
        .skip(1)
        .map(|s| (s.id, estimate_px(s)));
    let scenes = story
        .sections
        .iter()
        .flat_map(|s| s.blocks)
        .filter_map(|b| match b {
            Block::Scene(scene) => Some((scene.name, scene_px(scene))),
            _ => None,
        });
    let sections = sections.map(|(id, px)| format!("#{id}{{contain-intrinsic-size:auto {px}px}}"));
    let scenes =
        scenes.map(|(name, px)| format!("#scene-{name}{{contain-intrinsic-size:auto {px}px}}"));
    sections.chain(scenes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

    #[test]
    fn paragraphs_take_whole_lines() {
        assert_eq!(paragraph_px(1), LINE_PX + PARAGRAPH_GAP_PX);
        assert_eq!(paragraph_px(20), LINE_PX + PARAGRAPH_GAP_PX);
        assert_eq!(paragraph_px(21), 2 * LINE_PX + PARAGRAPH_GAP_PX);
    }

    #[test]
    fn each_section_but_the_first_gets_its_estimate() {
        let css = rules(&STORY);
        let sections =
            css.matches("contain-intrinsic-size:auto ").count() - css.matches("#scene-").count();
        assert_eq!(sections, STORY.sections.len() - 1);
        assert!(!css.contains(&format!("#{}{{", STORY.sections[0].id)));
        for s in &STORY.sections[1..] {
            let rule = format!(
                "#{}{{contain-intrinsic-size:auto {}px}}",
                s.id,
                estimate_px(s)
            );
            assert!(css.contains(&rule), "{rule}");
            assert!(estimate_px(s) > 0, "{}", s.id);
        }
        let scenes = crate::story::scenes().count();
        assert!(scenes > 0);
        assert_eq!(css.matches("#scene-").count(), scenes);
    }
}
