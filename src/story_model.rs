//! The story data file (`src/story.toml`) as serde reads it, and its validation.
//!
//! `build.rs` includes this file with `#[path]`, parses the data, validates it and turns it into
//! static Rust data (`story_data.rs` in `OUT_DIR`), so nothing is parsed or fetched at run time.
//! The crate's native unit tests include it as well, to check that the validation catches mistakes.

use crate::states::{shows, Shows, MAX_STATES};
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
    /// A scene: its name (the element ids `scene-<name>`, `<name>-1` …), a graphic pinned while
    /// its steps pass.
    pub scene: Option<String>,
    /// The scene's graphic's accessible name.
    pub title: Option<String>,
    /// The graphic's states in order (at most [`MAX_STATES`]); each step names the one it shows.
    pub states: Option<Vec<String>>,
    /// A drawing not to scale (a layout, an organisation, a rhythm): tagged 「示意图」.
    pub schematic: Option<bool>,
    /// The graphic's parts, each a kind of graphic ([`KINDS`]) shown in some of the states.
    pub parts: Option<Vec<PartSpec>>,
    /// The scene's steps in reading order: consecutive whole sentences of the article.
    pub steps: Option<Vec<StepSpec>>,
    /// Photo figures shown together as one gallery.
    pub gallery: Option<Vec<FigureSpec>>,
    /// A link to the full story (`src/story_link.rs`).
    pub full_story: Option<crate::story_link::FullStorySpec>,
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

/// One part of a scene's graphic: a kind ([`KINDS`]) with its figures and words. Which fields a
/// kind reads is in [`KINDS`]; `from`/`until` or `states` say when it is shown (by default in
/// every state).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    /// The kind of graphic: a name in [`KINDS`].
    pub kind: String,
    /// Shown from this state on…
    pub from: Option<String>,
    /// …and no longer from this state on.
    pub until: Option<String>,
    /// Or shown exactly in these states.
    pub states: Option<Vec<String>>,
    /// The part's words from the article, with `{counter-id}` placeholders: found in the scene's
    /// text.
    pub label: Option<String>,
    /// The graphic's own words (a legend, a scale: 「方块面积按比例」), shown smaller.
    pub note: Option<String>,
    /// The figure drawn (a counter id).
    pub value: Option<String>,
    /// `icons`: how many of the figure's units one icon stands for; `units`: marks per row.
    pub per: Option<u32>,
    /// `rhythm`: how many beats are drawn; `lines`: how many lines.
    pub count: Option<u32>,
    /// `icons`: the icon ([`ICONS`]).
    pub icon: Option<String>,
    /// `squares`, `bars`, `parts`: the figures; `text`: the lines.
    pub items: Option<Vec<ItemSpec>>,
    /// `group`: the names in the group, words of the scene's text.
    pub names: Option<Vec<String>>,
    /// `units`: the first marks outlined as a band (its `value` marks, which also make a row).
    pub band: Option<ItemSpec>,
    /// `units`: the mark at position `value` picked out; `squares`: the square of `value`.
    pub highlight: Option<ItemSpec>,
}

/// A figure or line of a part.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    /// The figure (a counter id).
    pub value: Option<String>,
    /// Its words from the article, with `{counter-id}` placeholders.
    pub label: Option<String>,
    /// Shown from this state on (within the part's states).
    pub from: Option<String>,
}

/// A kind of graphic part: its name and the fields it reads.
#[derive(Debug)]
pub struct KindSpec {
    /// The name a part's `kind` uses.
    pub name: &'static str,
    /// Fields it needs.
    pub required: &'static [&'static str],
    /// Fields it may have.
    pub optional: &'static [&'static str],
    /// What it draws (for error messages and the data-file reference).
    pub about: &'static str,
}

/// Every kind of graphic part.
pub const KINDS: &[KindSpec] = &[
    KindSpec {
        name: "units",
        required: &["value"],
        optional: &["label", "note", "per", "band", "highlight"],
        about: "one mark per unit of `value`, in rows (of `band.value` or `per`), the band outlined, the `highlight.value`-th mark picked out",
    },
    KindSpec {
        name: "squares",
        required: &["items"],
        optional: &["label", "note", "highlight"],
        about: "a square per item, areas to scale, each with its label and figure",
    },
    KindSpec {
        name: "bars",
        required: &["items"],
        optional: &["label", "note"],
        about: "a bar per item on one scale, open-ended where the figure is approximate (its qualifier is in `ui_text::NEARLY` or `ui_text::OVER`)",
    },
    KindSpec {
        name: "ring",
        required: &["value"],
        optional: &["label", "note"],
        about: "a ring filled to `value` percent",
    },
    KindSpec {
        name: "icons",
        required: &["value", "per", "icon"],
        optional: &["label", "note"],
        about: "one icon for each `per` units of `value`",
    },
    KindSpec {
        name: "parts",
        required: &["value", "items"],
        optional: &["label", "note"],
        about: "`value` units as cells, split into the items (which add up to it)",
    },
    KindSpec {
        name: "box",
        required: &["label"],
        optional: &["note"],
        about: "a box with its label (an organisation), linked to the box or group above it",
    },
    KindSpec {
        name: "group",
        required: &["names"],
        optional: &["label", "note"],
        about: "the names in a box each, grouped, linked to the box or group above it",
    },
    KindSpec {
        name: "rhythm",
        required: &["value", "count"],
        optional: &["label", "note"],
        about: "`count` beats `value` apart (a rhythm, not a count)",
    },
    KindSpec {
        name: "lines",
        required: &["count"],
        optional: &["label", "note"],
        about: "`count` lines drawing themselves (roads, pipes)",
    },
    KindSpec {
        name: "text",
        required: &[],
        optional: &["label", "note", "items"],
        about: "lines of words and figures",
    },
];

/// The icons an `icons` part can draw.
pub const ICONS: &[&str] = &["person", "machine", "square"];

/// The kind called `name`.
pub fn kind(name: &str) -> Option<&'static KindSpec> {
    KINDS.iter().find(|k| k.name == name)
}

impl PartSpec {
    /// The names of the fields this part sets (apart from `kind` and its states).
    fn fields(&self) -> Vec<&'static str> {
        [
            ("label", self.label.is_some()),
            ("note", self.note.is_some()),
            ("value", self.value.is_some()),
            ("per", self.per.is_some()),
            ("count", self.count.is_some()),
            ("icon", self.icon.is_some()),
            ("items", self.items.is_some()),
            ("names", self.names.is_some()),
            ("band", self.band.is_some()),
            ("highlight", self.highlight.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

impl CounterSpec {
    /// The figure as the article prints it ("近20亿元", "AA级").
    pub fn final_text(&self) -> String {
        match (&self.text, self.value) {
            (Some(text), _) => text.clone(),
            (None, value) => format!(
                "{}{}{}",
                self.before,
                crate::format::format_cn(value.unwrap_or(0.0), self.decimals),
                self.after
            ),
        }
    }
}

/// A figure: the caption of one of the article's photos.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The caption, verbatim.
    pub caption: String,
    /// Which inline drawing to show (a name in `src/art.rs`).
    pub art: String,
    /// A real photo shown instead of the illustration: a JPEG or PNG file of the story's folder
    /// (`photos/road.jpg`), its size read from the file by `build.rs`.
    pub image: Option<String>,
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
            block.full_story.is_some(),
        ];
        if set.iter().filter(|x| **x).count() != 1 {
            errors.add(
                place,
                "needs exactly one of `p`, `figure`, `summary`, `scene`, `gallery` or `full_story`",
            );
        }
        for (field, problem) in block.full_story.iter().flat_map(|l| l.problems()) {
            errors.add(format_args!("{place}.full_story.{field}"), problem);
        }
        let scene_fields = [
            block.steps.is_some(),
            block.title.is_some(),
            block.states.is_some(),
            block.schematic.is_some(),
            block.parts.is_some(),
        ];
        if block.scene.is_none() && scene_fields.contains(&true) {
            errors.add(
                place,
                "`steps`, `title`, `states`, `schematic` and `parts` belong to a `scene`",
            );
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
        if !is_slug(name) {
            errors.add(
                format_args!("{place}.scene"),
                "a scene's name must be lower-case letters, digits and `-`",
            );
        }
        match &block.title {
            Some(title) => errors.not_blank(format_args!("{place}.title"), title),
            None => errors.add(
                place,
                "a scene needs a `title` (its graphic's accessible name)",
            ),
        }
        let states = block.states.as_deref().unwrap_or_default();
        if states.is_empty() || states.len() > MAX_STATES {
            errors.add(
                format_args!("{place}.states"),
                format_args!("a scene needs 1 to {MAX_STATES} states"),
            );
        }
        for (i, state) in states.iter().enumerate() {
            if !is_slug(state) || states[..i].contains(state) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("`{state}`: states are distinct lower-case names"),
                );
            }
        }
        let steps = block.steps.as_deref().unwrap_or_default();
        if steps.is_empty() {
            errors.add(format_args!("{place}.steps"), "a scene needs steps");
        }
        let mut text = String::new();
        for (i, step) in steps.iter().enumerate() {
            let place = format!("{place}.steps[{i}]");
            if !states.contains(&step.state) {
                errors.add(
                    format_args!("{place}.state"),
                    format_args!(
                        "`{}` is not a state of `{name}` ({})",
                        step.state,
                        states.join(", ")
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
            text.push_str(&self.plain(&step.text));
        }
        for (i, state) in states.iter().enumerate() {
            if !steps.iter().any(|s| &s.state == state) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("no step shows `{state}`"),
                );
            }
        }
        let parts = block.parts.as_deref().unwrap_or_default();
        if parts.is_empty() {
            errors.add(
                format_args!("{place}.parts"),
                "a scene's graphic needs parts",
            );
        }
        let scene = SceneCheck {
            states,
            text: &text,
        };
        let (mut masks, mut drawn) = (Vec::new(), 0);
        for (i, part) in parts.iter().enumerate() {
            let place = format!("{place}.parts[{i}]");
            let shown = self.check_part(&place, part, &scene, errors);
            drawn |= shown.first().copied().unwrap_or(0);
            masks.extend(shown);
        }
        // Each state shows something, and each after the first changes the picture.
        let shown = crate::states::shown;
        for (i, state) in states.iter().enumerate() {
            if !parts.is_empty() && !shown(drawn, i) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("`{state}` shows nothing"),
                );
            }
        }
        for i in 1..states.len() {
            if masks.iter().all(|&m| shown(m, i - 1) == shown(m, i)) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!(
                        "`{}` shows the same as `{}`: give a part or item `from = \"{}\"`",
                        states[i],
                        states[i - 1],
                        states[i]
                    ),
                );
            }
        }
    }

    /// Checks a part of a scene's graphic against its kind; returns what it shows: a mask for the
    /// part and for each of its items, band and highlight with states of their own.
    fn check_part(
        &self,
        place: &str,
        part: &PartSpec,
        scene: &SceneCheck,
        errors: &mut Errors,
    ) -> Vec<Shows> {
        let Some(kind) = kind(&part.kind) else {
            let known: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
            errors.add(
                format_args!("{place}.kind"),
                format_args!("unknown kind `{}` (known: {})", part.kind, known.join(", ")),
            );
            return Vec::new();
        };
        let fields = part.fields();
        for field in kind.required {
            if !fields.contains(field) {
                errors.add(
                    place,
                    format_args!("a `{}` part needs `{field}` ({})", kind.name, kind.about),
                );
            }
        }
        for field in &fields {
            if !kind.required.contains(field) && !kind.optional.contains(field) {
                errors.add(
                    format_args!("{place}.{field}"),
                    format_args!(
                        "is not a field of `{}` (its fields: {})",
                        kind.name,
                        [kind.required, kind.optional].concat().join(", ")
                    ),
                );
            }
        }
        let mask = match shows(
            scene.states,
            part.from.as_deref(),
            part.until.as_deref(),
            part.states.as_deref(),
        ) {
            Ok(0) => {
                errors.add(place, "is shown in no state");
                return Vec::new();
            }
            Ok(mask) => mask,
            Err(e) => {
                errors.add(place, e);
                return Vec::new();
            }
        };
        let mut out = vec![mask];
        if let Some(label) = &part.label {
            self.check_words(&format!("{place}.label"), label, scene, errors);
        }
        if let Some(note) = &part.note {
            self.check_template(&format!("{place}.note"), note, errors);
        }
        let value = part
            .value
            .as_deref()
            .and_then(|id| self.figure(&format!("{place}.value"), id, errors));
        let items = part.items.as_deref().unwrap_or_default();
        let with_values = matches!(kind.name, "squares" | "bars" | "parts");
        if part.items.is_some() && items.is_empty() {
            errors.add(format_args!("{place}.items"), "there are none");
        }
        let mut item_values = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let place = format!("{place}.items[{i}]");
            match (&item.value, with_values) {
                (Some(id), true) => {
                    item_values.extend(self.figure(&format!("{place}.value"), id, errors))
                }
                (None, true) => errors.add(
                    &place,
                    format_args!("a `{}` item needs a `value`", kind.name),
                ),
                (Some(_), false) => errors.add(
                    format_args!("{place}.value"),
                    format_args!(
                        "`{}` items are words only: put the figure in the label",
                        kind.name
                    ),
                ),
                (None, false) => {}
            }
            match &item.label {
                Some(label) => self.check_words(&format!("{place}.label"), label, scene, errors),
                None => errors.add(&place, "an item needs a `label`"),
            }
            out.extend(self.sub_mask(&place, item.from.as_deref(), mask, scene, errors));
        }
        for name in part.names.iter().flatten() {
            self.check_words(&format!("{place}.names"), name, scene, errors);
        }
        if part.names.as_ref().is_some_and(Vec::is_empty) {
            errors.add(format_args!("{place}.names"), "there are none");
        }
        for (field, sub) in [("band", &part.band), ("highlight", &part.highlight)] {
            let Some(sub) = sub else { continue };
            let place = format!("{place}.{field}");
            if let Some(label) = &sub.label {
                self.check_words(&format!("{place}.label"), label, scene, errors);
            }
            out.extend(self.sub_mask(&place, sub.from.as_deref(), mask, scene, errors));
            match sub.value.as_deref() {
                Some(id) => {
                    let figure = self.figure(&format!("{place}.value"), id, errors);
                    self.check_mark(
                        &place,
                        kind.name,
                        field,
                        figure,
                        value,
                        &item_values,
                        errors,
                    );
                }
                None => errors.add(&place, format_args!("a `{field}` needs a `value`")),
            }
        }
        self.check_kind(place, kind.name, part, value, &item_values, errors);
        out
    }

    /// What a band or highlight of a `kind` part marks must be there to mark.
    #[allow(clippy::too_many_arguments)]
    fn check_mark(
        &self,
        place: &str,
        kind: &str,
        field: &str,
        figure: Option<&CounterSpec>,
        value: Option<&CounterSpec>,
        items: &[&CounterSpec],
        errors: &mut Errors,
    ) {
        let Some(figure) = figure else { return };
        let at = figure.value.unwrap_or(0.0);
        match (kind, value) {
            ("units", Some(count)) => {
                let n = count.value.unwrap_or(0.0);
                if !(1.0..=n).contains(&at) || at.fract() != 0.0 {
                    errors.add(
                        format_args!("{place}.value"),
                        format_args!(
                            "`{}` ({at}) is not a whole number from 1 to `{}` ({n})",
                            figure.id, count.id
                        ),
                    );
                }
            }
            ("squares", _) if field == "highlight" => {
                if !items.iter().any(|i| i.id == figure.id) {
                    errors.add(
                        format_args!("{place}.value"),
                        format_args!("`{}` is not the figure of one of the items", figure.id),
                    );
                }
            }
            ("units", None) => {}
            _ => errors.add(place, format_args!("a `{kind}` part has no `{field}`")),
        }
    }

    /// The rules of each kind beyond its fields: what its figures must be.
    fn check_kind(
        &self,
        place: &str,
        kind: &str,
        part: &PartSpec,
        value: Option<&CounterSpec>,
        items: &[&CounterSpec],
        errors: &mut Errors,
    ) {
        let number = |c: &CounterSpec| c.value.unwrap_or(0.0);
        match kind {
            "units" => {
                if let Some(v) = value.map(number) {
                    if !(1.0..=1000.0).contains(&v) || v.fract() != 0.0 {
                        errors.add(
                            format_args!("{place}.value"),
                            "`units` draws 1 to 1000 whole units",
                        );
                    }
                }
                if part.per == Some(0) {
                    errors.add(format_args!("{place}.per"), "must be at least 1");
                }
            }
            "ring" => {
                if let Some(v) = value.map(number) {
                    if !(0.0..=100.0).contains(&v) {
                        errors.add(
                            format_args!("{place}.value"),
                            "a ring shows a percentage, 0 to 100",
                        );
                    }
                }
            }
            "icons" => {
                let per = part.per.unwrap_or(0);
                if per == 0 {
                    errors.add(format_args!("{place}.per"), "must be at least 1");
                } else if let Some(v) = value.map(number) {
                    if v / f64::from(per) > 200.0 {
                        errors.add(
                            format_args!("{place}.per"),
                            "more than 200 icons: let each stand for more",
                        );
                    }
                    if !part
                        .note
                        .as_deref()
                        .is_some_and(|n| n.contains(&per.to_string()))
                    {
                        errors.add(
                            format_args!("{place}.note"),
                            format_args!("the legend must say what an icon stands for ({per})"),
                        );
                    }
                }
                if let Some(icon) = &part.icon {
                    if !ICONS.contains(&icon.as_str()) {
                        errors.add(
                            format_args!("{place}.icon"),
                            format_args!("unknown icon `{icon}` (known: {})", ICONS.join(", ")),
                        );
                    }
                }
            }
            "parts" => {
                // The parts add up to the whole, and are facts: counted one by one they would show
                // sums that do not add up.
                let sum: f64 = items.iter().map(|c| number(c)).sum();
                if let Some(whole) = value {
                    if (sum - number(whole)).abs() > 1e-9 {
                        errors.add(
                            format_args!("{place}.items"),
                            format_args!(
                                "the parts add up to {sum}, not `{}` ({})",
                                whole.id,
                                number(whole)
                            ),
                        );
                    }
                }
                for c in value.into_iter().chain(items.iter().copied()) {
                    if !c.fact {
                        errors.add(
                            format_args!("{place}"),
                            format_args!(
                                "counter `{}` is a whole or a part: make it `fact = true`, so that the parts never show a sum that does not add up while counting",
                                c.id
                            ),
                        );
                    }
                }
            }
            "rhythm" if part.count.is_some_and(|n| !(2..=12).contains(&n)) => {
                errors.add(format_args!("{place}.count"), "draw 2 to 12 beats");
            }
            "lines" if part.count.is_some_and(|n| !(1..=10).contains(&n)) => {
                errors.add(format_args!("{place}.count"), "draw 1 to 10 lines");
            }
            "text" if part.label.is_none() && part.items.is_none() => {
                errors.add(place, "a `text` part needs a `label` or `items`");
            }
            "squares" | "bars" => {
                for c in items {
                    if number(c) <= 0.0 {
                        errors.add(
                            place,
                            format_args!("`{}` must be above 0 to be drawn", c.id),
                        );
                    }
                }
            }
            _ => {}
        }
    }

    /// The mask within `parent` from `from` on (`None` when there is no `from`).
    fn sub_mask(
        &self,
        place: &str,
        from: Option<&str>,
        parent: Shows,
        scene: &SceneCheck,
        errors: &mut Errors,
    ) -> Option<Shows> {
        let from = from?;
        match shows(scene.states, Some(from), None, None) {
            Ok(mask) if mask & parent == 0 => {
                errors.add(
                    place,
                    format_args!("`{from}` is after every state its part shows"),
                );
                None
            }
            Ok(mask) => Some(mask & parent),
            Err(e) => {
                errors.add(format_args!("{place}.from"), e);
                None
            }
        }
    }

    /// The counter `id`, which must have a value to be drawn.
    fn figure(&self, place: &str, id: &str, errors: &mut Errors) -> Option<&CounterSpec> {
        match self.counter(id) {
            Some(c) if c.value.is_some() => Some(c),
            Some(_) => {
                errors.add(
                    place,
                    format_args!("counter `{id}` is a text fact: a graphic draws numbers"),
                );
                None
            }
            None => {
                errors.add(place, format_args!("unknown counter id `{id}`"));
                None
            }
        }
    }

    /// A template's placeholders are known counters.
    fn check_template(&self, place: &str, template: &str, errors: &mut Errors) {
        if blank(template) {
            return errors.add(place, "is empty");
        }
        match segments(template) {
            Err(e) => errors.add(place, e),
            Ok(segs) => {
                for seg in segs {
                    match seg {
                        Segment::Counter(id) if self.counter(id).is_none() => {
                            errors.add(place, format_args!("unknown counter id `{id}`"));
                        }
                        Segment::Gap => errors.add(place, "`{gap}` belongs in the article's text"),
                        _ => {}
                    }
                }
            }
        }
    }

    /// Words a graphic shows as the article's: with its figures, they stand in the scene's text.
    fn check_words(&self, place: &str, template: &str, scene: &SceneCheck, errors: &mut Errors) {
        self.check_template(place, template, errors);
        let shown = self.plain(template);
        if !blank(&shown) && !scene.text.contains(&shown) {
            errors.add(
                place,
                format_args!("`{shown}` is not in the scene's text: a graphic shows the article's words (a legend of its own goes in `note`)"),
            );
        }
    }

    /// A text with its placeholders replaced by the figures' final text.
    pub fn plain(&self, template: &str) -> String {
        segments(template)
            .unwrap_or_default()
            .iter()
            .map(|seg| match seg {
                Segment::Text(t) => (*t).to_owned(),
                Segment::Counter(id) => self
                    .counter(id)
                    .map(CounterSpec::final_text)
                    .unwrap_or_default(),
                Segment::Gap => String::new(),
            })
            .collect()
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

/// What a scene's parts are checked against.
struct SceneCheck<'a> {
    /// The scene's states.
    states: &'a [String],
    /// Its steps' text, figures shown as the article prints them.
    text: &'a str,
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
    if let Some(src) = &f.image {
        if src.starts_with('/') || src.contains("://") || src.contains('\\') || blank(src) {
            errors.add(
                format_args!("{place}.image"),
                "must be a path inside the story's folder (`photos/…`), without a leading `/`",
            );
        }
        if src.split('/').any(|part| part == "..") {
            errors.add(
                format_args!("{place}.image"),
                "must be a path inside the story's folder: no `..`",
            );
        }
    }
}
