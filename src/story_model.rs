//! The story data file (`src/story.toml`) as serde reads it, and its validation.
//!
//! `build.rs` includes this file with `#[path]`, parses the data, validates it and turns it into
//! static Rust data (`story_data.rs` in `OUT_DIR`), so nothing is parsed or fetched at run time.
//! The crate's native unit tests include it as well, to check that the validation catches mistakes.

use serde::Deserialize;
use std::collections::HashSet;

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
    /// The people in the byline, with their roles as the byline gives them (for JSON-LD).
    pub authors: Vec<AuthorSpec>,
    /// The "数说新城" block of headline counters.
    pub summary: SummarySpec,
    /// Every figure of the article: animated counters and highlighted facts.
    pub counters: Vec<CounterSpec>,
    /// The sections in reading order.
    pub sections: Vec<SectionSpec>,
}

/// A person named in the byline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorSpec {
    /// Name, as in the byline.
    pub name: String,
    /// Role, as in the byline ("融媒体中心记者").
    pub role: String,
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
    /// With `value`: shown as a fact, never counted up (ranks and frequencies: "第18位" must not pass
    /// through 第1位 … 第17位, values the article does not give); graphics still read the value.
    #[serde(default)]
    pub fact: bool,
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

/// One block: exactly one of `p`, `figure`, `summary`, `scene` (with `steps`) or `gallery`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockSpec {
    /// A paragraph, verbatim, with `{counter-id}` placeholders.
    pub p: Option<String>,
    /// A photo caption with its illustration or image.
    pub figure: Option<FigureSpec>,
    /// `summary = true` places the summary block here.
    pub summary: Option<bool>,
    /// A scene: the name of a graphic (`src/graphics.rs`) pinned while its steps pass.
    pub scene: Option<String>,
    /// The scene's steps in reading order: consecutive whole sentences of the article.
    pub steps: Option<Vec<StepSpec>>,
    /// Names the scene's graphic shows (institutions, departments); each must be in its text.
    pub labels: Option<Vec<String>>,
    /// Photo figures shown together as one gallery.
    pub gallery: Option<Vec<FigureSpec>>,
}

/// A step of a scene: sentences of the article and the graphic's state while they are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// A state of the scene's graphic (its names are in `src/graphics.rs`).
    pub state: String,
    /// Whole sentences, verbatim, with `{counter-id}` placeholders.
    pub text: String,
}

/// A figure: the caption of one of the article's photos.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The caption, verbatim.
    pub caption: String,
    /// Which inline drawing to show (a name in `src/art.rs`).
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
    /// `{gap}`: words missing from the source, shown as 「……」 and marked as a gap.
    Gap,
}

/// The placeholder for words missing from the source.
pub const GAP: &str = "gap";

/// Characters a step may end with: the end of a sentence (closing quotes may follow it).
const SENTENCE_END: &[char] = &['。', '！', '？', '”', '…'];

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
        let id = &rest[open + 1..open + 1 + len];
        out.push(if id == GAP {
            Segment::Gap
        } else {
            Segment::Counter(id)
        });
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

/// Validation errors, each naming its place in the data file.
#[derive(Default)]
struct Errors(Vec<String>);

impl Errors {
    fn add(&mut self, place: impl std::fmt::Display, what: impl std::fmt::Display) {
        self.0.push(format!("{place}: {what}"));
    }

    /// Adds "is empty" when `text` is blank.
    fn not_blank(&mut self, place: impl std::fmt::Display, text: &str) {
        if blank(text) {
            self.add(place, "is empty");
        }
    }

    /// Adds an error when `id` is not a slug or was seen before (`seen` collects the ids).
    fn id<'a>(&mut self, place: &str, id: &'a str, seen: &mut HashSet<&'a str>, kind: &str) {
        if !is_slug(id) {
            self.add(place, "id must be lower-case letters, digits and `-`");
        }
        if !seen.insert(id) {
            self.add(place, format_args!("id is used by an earlier {kind}"));
        }
    }
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
        let mut errors = Errors::default();
        errors.not_blank("title", &self.title);
        errors.not_blank("byline", &self.byline);
        errors.not_blank("description", &self.description);
        if self.authors.is_empty() {
            errors.add("authors", "there are none");
        }
        for (i, a) in self.authors.iter().enumerate() {
            for (field, text) in [("name", &a.name), ("role", &a.role)] {
                if blank(text) || !self.byline.contains(text.as_str()) {
                    errors.add(
                        format_args!("authors[{i}].{field}"),
                        format_args!("`{text}` is not in the byline"),
                    );
                }
            }
        }
        self.check_counters(&mut errors);
        let placed = self.check_sections(&mut errors);
        self.check_summary(&mut errors);
        for c in &self.counters {
            if !placed.contains(c.id.as_str()) {
                errors.add(
                    format_args!("counters (id `{}`)", c.id),
                    "is never placed in a paragraph",
                );
            }
        }
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(errors.0)
        }
    }

    fn check_counters(&self, errors: &mut Errors) {
        let mut ids = HashSet::new();
        for (i, c) in self.counters.iter().enumerate() {
            let place = format!("counters[{i}] (id `{}`)", c.id);
            errors.id(&place, &c.id, &mut ids, "counter");
            match (c.value, &c.text) {
                (Some(v), None) => {
                    if !v.is_finite() || v < 0.0 {
                        errors.add(format_args!("{place}.value"), "must be a finite number ≥ 0");
                    }
                    if c.decimals > 3 {
                        errors.add(format_args!("{place}.decimals"), "must be 0 to 3");
                    }
                }
                (None, Some(t)) => {
                    errors.not_blank(format_args!("{place}.text"), t);
                    if c.fact {
                        errors.add(
                            format_args!("{place}.fact"),
                            "only for a `value` (a `text` is always a fact)",
                        );
                    }
                }
                _ => errors.add(
                    place,
                    "needs exactly one of `value` (a counter) or `text` (a fact)",
                ),
            }
        }
    }

    /// Checks the sections and their blocks; returns the ids of the counters placed in paragraphs.
    fn check_sections(&self, errors: &mut Errors) -> HashSet<&str> {
        let mut placed = HashSet::new();
        let mut summary_blocks = 0;
        let mut ids = HashSet::new();
        if self.sections.is_empty() {
            errors.add("sections", "there are none");
        }
        for (s, section) in self.sections.iter().enumerate() {
            let place = format!("sections[{s}] (id `{}`)", section.id);
            errors.id(&place, &section.id, &mut ids, "section");
            if let Some(heading) = &section.heading {
                errors.not_blank(format_args!("{place}.heading"), heading);
            }
            if section.blocks.is_empty() {
                errors.add(format_args!("{place}.blocks"), "there are none");
            }
            for (b, block) in section.blocks.iter().enumerate() {
                let place = format!("{place}.blocks[{b}]");
                self.check_block(&place, block, &mut placed, errors);
                summary_blocks += usize::from(block.summary == Some(true));
            }
        }
        if summary_blocks != 1 {
            errors.add(
                "sections",
                "place the summary block exactly once (`summary = true`)",
            );
        }
        placed
    }

    fn check_block<'a>(
        &self,
        place: &str,
        block: &'a BlockSpec,
        placed: &mut HashSet<&'a str>,
        errors: &mut Errors,
    ) {
        let set = [
            block.p.is_some(),
            block.figure.is_some(),
            block.summary.is_some(),
            block.scene.is_some(),
            block.gallery.is_some(),
        ];
        if set.iter().filter(|x| **x).count() != 1 {
            errors.add(
                place,
                "needs exactly one of `p`, `figure`, `summary`, `scene` or `gallery`",
            );
        }
        if block.scene.is_none() && (block.steps.is_some() || block.labels.is_some()) {
            errors.add(place, "`steps` and `labels` belong to a `scene`");
        }
        if let Some(graphic) = &block.scene {
            self.check_scene(place, graphic, block, placed, errors);
        }
        if let Some(figures) = &block.gallery {
            if figures.len() < 2 {
                errors.add(format_args!("{place}.gallery"), "needs two figures or more");
            }
            for (i, f) in figures.iter().enumerate() {
                check_figure(&format!("{place}.gallery[{i}]"), f, errors);
            }
        }
        if let Some(p) = &block.p {
            self.check_paragraph(&format!("{place}.p"), p, placed, errors);
        }
        if let Some(f) = &block.figure {
            check_figure(&format!("{place}.figure"), f, errors);
        }
        if block.summary == Some(false) {
            errors.add(
                format_args!("{place}.summary"),
                "write `summary = true` or leave the block out",
            );
        }
    }

    fn check_paragraph<'a>(
        &self,
        place: &str,
        p: &'a str,
        placed: &mut HashSet<&'a str>,
        errors: &mut Errors,
    ) {
        if blank(p) {
            errors.add(place, "paragraph is empty");
        }
        let segs = match segments(p) {
            Ok(segs) => segs,
            Err(e) => return errors.add(place, e),
        };
        for seg in segs {
            let Segment::Counter(id) = seg else { continue };
            if self.counter(id).is_none() {
                errors.add(place, format_args!("unknown counter id `{id}`"));
            } else if !placed.insert(id) {
                errors.add(place, format_args!("counter `{id}` is placed twice"));
            }
        }
    }

    fn check_scene<'a>(
        &self,
        place: &str,
        name: &str,
        block: &'a BlockSpec,
        placed: &mut HashSet<&'a str>,
        errors: &mut Errors,
    ) {
        let Some(graphic) = crate::graphics::by_name(name) else {
            let known: Vec<&str> = crate::graphics::GRAPHICS.iter().map(|g| g.name).collect();
            return errors.add(
                format_args!("{place}.scene"),
                format_args!("unknown graphic `{name}` (known: {})", known.join(", ")),
            );
        };
        let steps = block.steps.as_deref().unwrap_or_default();
        if steps.is_empty() {
            errors.add(format_args!("{place}.steps"), "a scene needs steps");
        }
        let mut text = String::new();
        for (i, step) in steps.iter().enumerate() {
            let place = format!("{place}.steps[{i}]");
            if !graphic.states.contains(&step.state.as_str()) {
                errors.add(
                    format_args!("{place}.state"),
                    format_args!(
                        "`{}` is not a state of `{name}` ({})",
                        step.state,
                        graphic.states.join(", ")
                    ),
                );
            }
            self.check_paragraph(&format!("{place}.text"), &step.text, placed, errors);
            if !step.text.trim_end().ends_with(SENTENCE_END) {
                errors.add(
                    format_args!("{place}.text"),
                    "must end with a whole sentence (。！？)",
                );
            }
            if step.text.starts_with(['，', '。', '、', '；', '：', '”']) {
                errors.add(
                    format_args!("{place}.text"),
                    "starts inside a sentence: steps are whole sentences",
                );
            }
            text.push_str(&step.text);
        }
        for id in graphic.counters {
            match self.counter(id) {
                Some(c) if c.value.is_some() => {}
                _ => errors.add(
                    format_args!("{place}.scene"),
                    format_args!("`{name}` draws counter `{id}`, which has no value"),
                ),
            }
        }
        let labels = block.labels.as_deref().unwrap_or_default();
        if labels.len() != graphic.labels {
            errors.add(
                format_args!("{place}.labels"),
                format_args!(
                    "`{name}` shows {} names, not {}",
                    graphic.labels,
                    labels.len()
                ),
            );
        }
        for label in labels {
            if blank(label) || !text.contains(label.as_str()) {
                errors.add(
                    format_args!("{place}.labels"),
                    format_args!("`{label}` is not in the scene's text"),
                );
            }
        }
    }

    fn check_summary(&self, errors: &mut Errors) {
        errors.not_blank("summary.heading", &self.summary.heading);
        if self.summary.items.is_empty() {
            errors.add("summary.items", "there are none");
        }
        for (i, item) in self.summary.items.iter().enumerate() {
            let place = format!("summary.items[{i}]");
            match self.counter(&item.counter) {
                None => errors.add(
                    &place,
                    format_args!("unknown counter id `{}`", item.counter),
                ),
                Some(c) if c.value.is_none() => errors.add(
                    &place,
                    format_args!("`{}` is a fact, not a counter", item.counter),
                ),
                Some(_) => {}
            }
            errors.not_blank(format_args!("{place}.label"), &item.label);
        }
    }
}

fn check_figure(place: &str, f: &FigureSpec, errors: &mut Errors) {
    errors.not_blank(format_args!("{place}.caption"), &f.caption);
    if crate::art::index_of(&f.art).is_none() {
        errors.add(
            format_args!("{place}.art"),
            format_args!(
                "unknown illustration `{}` (known: {})",
                f.art,
                crate::art::names().join(", ")
            ),
        );
    }
    if let Some(img) = &f.image {
        let src = &img.src;
        if src.starts_with('/') || src.contains("://") || blank(src) {
            errors.add(
                format_args!("{place}.image.src"),
                "must be a path inside public/, without a leading `/`",
            );
        }
        if img.width == 0 || img.height == 0 {
            errors.add(
                format_args!("{place}.image"),
                "width and height must be > 0",
            );
        }
    }
}
