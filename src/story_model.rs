//! The story data file (`src/story.toml`) as serde reads it, and its validation.
//!
//! `build.rs` includes this file with `#[path]`, parses the data, validates it and turns it into
//! static Rust data (`story_data.rs` in `OUT_DIR`), so nothing is parsed or fetched at run time.
//! The crate's native unit tests include it as well, to check that the validation catches mistakes.

use serde::Deserialize;
use std::collections::HashSet;

/// The illustrations `src/components/illustration.rs` can draw; a figure's `art` must be one of them.
pub const ART_KINDS: &[&str] = &[
    "road-upgrade",
    "road-works",
    "park",
    "housing",
    "groundbreaking",
    "toll-station",
    "cranes",
    "workshop",
    "embroidery-park",
];

/// The whole data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    /// Headline of the story.
    pub title: String,
    /// "文/图 …" line.
    pub byline: String,
    /// A sentence of the article for `<meta name="description">` and sharing cards.
    pub description: String,
    /// The "数说新城" block of headline counters.
    pub summary: SummarySpec,
    /// Every figure of the article: animated counters and highlighted facts.
    pub counters: Vec<CounterSpec>,
    /// The sections in reading order.
    pub sections: Vec<SectionSpec>,
}

/// The headline-figures block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummarySpec {
    /// Heading shown above the big counters.
    pub heading: String,
    /// The counters shown large, with a label each.
    pub items: Vec<SummaryItemSpec>,
}

/// One big counter of the summary block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryItemSpec {
    /// Id of a counter with a `value`.
    pub counter: String,
    /// Words from the figure's sentence that say what is counted.
    pub label: String,
}

/// A figure of the article. Exactly one of `value` (an animated counter) or `text` (a highlighted fact).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounterSpec {
    /// Stable id: the `data-counter` attribute and the `{id}` placeholder in paragraphs.
    pub id: String,
    /// Qualifier before the number ("近", "第").
    #[serde(default)]
    pub before: String,
    /// Final value in plain units (2000000000 for 20亿).
    pub value: Option<f64>,
    /// Decimals shown, in the 万/亿 scale the value is shown in.
    #[serde(default)]
    pub decimals: u8,
    /// Unit and qualifier after the number ("公里", "余棵", "元").
    #[serde(default)]
    pub after: String,
    /// A fact shown highlighted but not counted ("AA级").
    pub text: Option<String>,
}

/// A `<section>` of the page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// The element id, for `#id` deep links.
    pub id: String,
    /// Section heading from the article; sections without one are not in the navigation.
    pub heading: Option<String>,
    /// Paragraphs, figures and the summary block, in reading order.
    pub blocks: Vec<BlockSpec>,
}

/// One block: exactly one of its fields is set.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockSpec {
    /// A paragraph, verbatim, with `{counter-id}` placeholders.
    pub p: Option<String>,
    /// A photo caption with its illustration or image.
    pub figure: Option<FigureSpec>,
    /// `summary = true` places the summary block here.
    pub summary: Option<bool>,
}

/// A figure: the caption of one of the article's photos.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The caption, verbatim.
    pub caption: String,
    /// Which inline illustration to draw (one of [`ART_KINDS`]).
    pub art: String,
    /// A real photo in `public/`, shown instead of the illustration.
    pub image: Option<ImageSpec>,
}

/// A photo file shipped in `public/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageSpec {
    /// Path relative to `public/` (no leading `/`, no other origin).
    pub src: String,
    /// Intrinsic width in pixels, so the page reserves its space.
    pub width: u32,
    /// Intrinsic height in pixels.
    pub height: u32,
}

/// A piece of paragraph text: plain words or a counter placeholder.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Words shown as they are.
    Text(&'a str),
    /// `{id}`: the counter with that id.
    Counter(&'a str),
}

/// Splits a paragraph into text and `{counter-id}` placeholders.
pub fn segments(p: &str) -> Result<Vec<Segment<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = p;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!(
                "a `}}` without `{{` near \"{}\"",
                snippet(&rest[open..])
            ));
        }
        let close = rest[open + 1..].find(['{', '}']);
        let Some(len) = close.filter(|&len| rest[open + 1 + len..].starts_with('}')) else {
            return Err(format!(
                "a `{{` without `}}` near \"{}\"",
                snippet(&rest[open..])
            ));
        };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        out.push(Segment::Counter(&rest[open + 1..open + 1 + len]));
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    Ok(out)
}

fn snippet(s: &str) -> String {
    s.chars().take(12).collect()
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl StoryFile {
    /// Parses the TOML text; serde's message names the missing or unknown field and its line.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The counter with this id.
    pub fn counter(&self, id: &str) -> Option<&CounterSpec> {
        self.counters.iter().find(|c| c.id == id)
    }

    /// Checks everything serde cannot: ids, placeholders, empty text, figures. Each error names its place.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let mut err = |place: String, what: &str| errors.push(format!("{place}: {what}"));
        if blank(&self.title) {
            err("title".into(), "is empty");
        }
        if blank(&self.byline) {
            err("byline".into(), "is empty");
        }
        if blank(&self.description) {
            err("description".into(), "is empty");
        }

        let mut ids = HashSet::new();
        for (i, c) in self.counters.iter().enumerate() {
            let place = format!("counters[{i}] (id `{}`)", c.id);
            if !is_slug(&c.id) {
                err(
                    place.clone(),
                    "id must be lower-case letters, digits and `-`",
                );
            }
            if !ids.insert(c.id.as_str()) {
                err(place.clone(), "id is used by an earlier counter");
            }
            match (c.value, &c.text) {
                (Some(v), None) => {
                    if !v.is_finite() || v < 0.0 {
                        err(format!("{place}.value"), "must be a finite number ≥ 0");
                    }
                    if c.decimals > 3 {
                        err(format!("{place}.decimals"), "must be 0 to 3");
                    }
                }
                (None, Some(t)) => {
                    if blank(t) {
                        err(format!("{place}.text"), "is empty");
                    }
                }
                _ => err(
                    place,
                    "needs exactly one of `value` (a counter) or `text` (a fact)",
                ),
            }
        }

        let mut used = HashSet::new();
        let mut summary_blocks = 0;
        let mut section_ids = HashSet::new();
        if self.sections.is_empty() {
            err("sections".into(), "there are none");
        }
        for (s, section) in self.sections.iter().enumerate() {
            let place = format!("sections[{s}] (id `{}`)", section.id);
            if !is_slug(&section.id) {
                err(
                    place.clone(),
                    "id must be lower-case letters, digits and `-`",
                );
            }
            if !section_ids.insert(section.id.as_str()) {
                err(place.clone(), "id is used by an earlier section");
            }
            if section.heading.as_deref().is_some_and(blank) {
                err(format!("{place}.heading"), "is empty");
            }
            if section.blocks.is_empty() {
                err(format!("{place}.blocks"), "there are none");
            }
            for (b, block) in section.blocks.iter().enumerate() {
                let place = format!("{place}.blocks[{b}]");
                let set = [
                    block.p.is_some(),
                    block.figure.is_some(),
                    block.summary.is_some(),
                ];
                if set.iter().filter(|x| **x).count() != 1 {
                    err(
                        place.clone(),
                        "needs exactly one of `p`, `figure` or `summary`",
                    );
                }
                if let Some(p) = &block.p {
                    if blank(p) {
                        err(format!("{place}.p"), "paragraph is empty");
                    }
                    match segments(p) {
                        Err(e) => err(format!("{place}.p"), &e),
                        Ok(segs) => {
                            for seg in segs {
                                if let Segment::Counter(id) = seg {
                                    if self.counter(id).is_none() {
                                        err(
                                            format!("{place}.p"),
                                            &format!("unknown counter id `{id}`"),
                                        );
                                    } else if !used.insert(id) {
                                        err(
                                            format!("{place}.p"),
                                            &format!("counter `{id}` is placed twice"),
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
                if let Some(f) = &block.figure {
                    if blank(&f.caption) {
                        err(format!("{place}.figure.caption"), "is empty");
                    }
                    if !ART_KINDS.contains(&f.art.as_str()) {
                        err(
                            format!("{place}.figure.art"),
                            &format!(
                                "unknown illustration `{}` (known: {})",
                                f.art,
                                ART_KINDS.join(", ")
                            ),
                        );
                    }
                    if let Some(img) = &f.image {
                        if img.src.starts_with('/')
                            || img.src.contains("://")
                            || img.src.starts_with("//")
                            || blank(&img.src)
                        {
                            err(
                                format!("{place}.figure.image.src"),
                                "must be a path inside public/, without a leading `/`",
                            );
                        }
                        if img.width == 0 || img.height == 0 {
                            err(
                                format!("{place}.figure.image"),
                                "width and height must be > 0",
                            );
                        }
                    }
                }
                match block.summary {
                    Some(true) => summary_blocks += 1,
                    Some(false) => err(
                        format!("{place}.summary"),
                        "write `summary = true` or leave the block out",
                    ),
                    None => {}
                }
            }
        }
        if summary_blocks != 1 {
            err(
                "sections".into(),
                "place the summary block exactly once (`summary = true`)",
            );
        }

        if blank(&self.summary.heading) {
            err("summary.heading".into(), "is empty");
        }
        if self.summary.items.is_empty() {
            err("summary.items".into(), "there are none");
        }
        for (i, item) in self.summary.items.iter().enumerate() {
            let place = format!("summary.items[{i}]");
            match self.counter(&item.counter) {
                None => err(
                    place.clone(),
                    &format!("unknown counter id `{}`", item.counter),
                ),
                Some(c) if c.value.is_none() => err(
                    place.clone(),
                    &format!("`{}` is a fact, not a counter", item.counter),
                ),
                Some(_) => {}
            }
            if blank(&item.label) {
                err(format!("{place}.label"), "is empty");
            }
        }
        for c in &self.counters {
            if !used.contains(c.id.as_str()) {
                err(
                    format!("counters (id `{}`)", c.id),
                    "is never placed in a paragraph",
                );
            }
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
