//! The story data file (`stories/<name>/story.toml`) as serde reads it, and its validation.
//!
//! `build.rs` includes this file with `#[path]`, parses the data, validates it and turns it into
//! static Rust data (`story_data.rs` in `OUT_DIR`), so nothing is parsed or fetched at run time.
//! The crate's native unit tests include it as well, to check that the validation catches mistakes.

use crate::states::{shows, Shows, MAX_STATES};
use crate::story_errors::{backquoted, did_you_mean, Problem};
use crate::story_source::{difference, sentences, Source};
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;

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

impl BlockSpec {
    /// The block's figures (its `figure`, or each of its `gallery`'s), each with its place under
    /// the block's `place` (`….figure`, `….gallery[1]`).
    pub fn figures<'a>(
        &'a self,
        place: &'a str,
    ) -> impl Iterator<Item = (String, &'a FigureSpec)> + 'a {
        let figure = self
            .figure
            .iter()
            .map(move |f| (format!("{place}.figure"), f));
        let gallery = self.gallery.iter().flatten().enumerate();
        let gallery = gallery.map(move |(i, f)| (format!("{place}.gallery[{i}]"), f));
        figure.chain(gallery)
    }
}

/// A step of a scene: sentences of the article and the graphic's state while they are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// A state of the scene's graphic (named in the scene's `states`).
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

/// The mistakes found so far, each with its place, message and hint.
#[derive(Default)]
struct Errors(Vec<Problem>);

/// The hint for text that must be the article's: where it comes from.
const VERBATIM: &str = "every word of the story is copied from the source text, as it is there";

impl Errors {
    fn add(
        &mut self,
        place: impl std::fmt::Display,
        message: impl std::fmt::Display,
        hint: impl std::fmt::Display,
    ) {
        self.0.push(Problem::new(
            place.to_string(),
            message.to_string(),
            hint.to_string(),
        ));
    }

    /// Adds "is empty" when `text` is blank; `what` says what belongs there.
    fn not_blank(&mut self, place: impl std::fmt::Display, text: &str, what: &str) {
        if blank(text) {
            self.add(
                place,
                "is empty",
                format_args!("write {what} here, or take the line out"),
            );
        }
    }

    /// Adds an error when `id` is not a slug or was seen before (`seen` collects the ids).
    fn id<'a>(&mut self, place: &str, id: &'a str, seen: &mut HashSet<&'a str>, kind: &str) {
        if !is_slug(id) {
            self.add(
                format_args!("{place}.id"),
                format_args!("`{id}` is not a valid id"),
                "an id is lower-case latin letters, digits and `-`, starting with a letter (`roads-km`)",
            );
        }
        if !seen.insert(id) {
            self.add(
                format_args!("{place}.id"),
                format_args!("the id `{id}` is already used by an earlier {kind}"),
                format_args!("give each {kind} an id of its own"),
            );
        }
    }
}

/// The hint for an unknown counter id: the nearest ids, or all of them.
fn unknown_counter_hint(id: &str, counters: &[CounterSpec]) -> String {
    let ids = counters.iter().map(|c| c.id.as_str());
    let guess = did_you_mean(id, ids.clone());
    if guess.is_empty() {
        format!(
            "a figure is written `{{id}}` with the `id` of one of the [[counters]]: {}",
            backquoted(ids)
        )
    } else {
        format!("{guess}a figure is written `{{id}}` with the `id` of one of the [[counters]]")
    }
}

/// A text cut for a message: its first 40 characters.
fn shortened(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The most characters a step may have (its text as the page shows it, every figure as the
/// article writes it) for its card to fit under the pinned graphic on a phone.
///
/// The phone layout of `public/style.css` on a phone 390 px wide with about 750 px of viewport
/// (an iPhone 12 to 16 in Safari once its bars have shrunk), the reader's text one step larger
/// (112.5 %: a root font of 18 px, the steps' text 1.0625rem = 19.1 px; the graphic still pins,
/// as 750 px is more than 40em = 720 px; since the stylesheet lays a phone narrower than 23em
/// flat under 46em, such a phone now shows snapshots instead, and the limit holds with room):
/// - the card's text is 390 − 2 × 1.25rem (the steps' padding) − 2 × 1.25rem (the card's) −
///   4 px (its borders) = 296 px wide: 15 characters of 19.1 px a line, lines of
///   1.8 × 19.1 = 34.4 px;
/// - under the section bar (2.75rem = 49.5 px) the story's tallest pinned graphic (the five
///   departments', measured in Chromium at that size: 364 px with its padding and border; the
///   stylesheet caps any at `--figure-max`, 23rem = 414 px) leaves 750 − 49.5 − 364 = 336 px;
/// - less the card's padding and borders (2rem + 2 px = 38 px), 298 px hold 8 lines.
///
/// 8 lines of 15 are 120 characters, less what line breaking loses: no line starts with a
/// 「，」 or 「。」, so a line may end a character short. Measured there (Chromium, Noto Sans CJK),
/// a card of 117 characters cut from the article's longest paragraphs took 8 lines in all 100
/// tries, of 118 a ninth once, of 120 a ninth 39 times: 117 is the most. The longest step so far
/// has 117 (`greening-5`; `departments-2`, under the tallest graphic, has 115: 313 px there).
/// Digits and latin letters count as whole characters, though they are narrower. At 100 % text
/// the phones the e2e tests read (390 × 664, 375 × 667) set such a card in 7 or 8 lines (at most
/// 279 px), under every graphic (297 px left at the least). A graphic taller than today's leaves
/// less: `tests/e2e/scenes.test.mjs` measures the real cards.
pub const STEP_MAX_CHARS: usize = 117;

impl StoryFile {
    /// Parses the TOML text; a mistake (the file's syntax, an unknown or missing field, a value
    /// of the wrong type) comes with its line, its field and a hint.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        toml::from_str(text).map_err(|e| crate::story_errors::from_toml(text, &e))
    }

    /// Parses and validates the data file's `text` against the story's `source` text: the story,
    /// or every mistake, each with its line in `text`.
    pub fn check(text: &str, source: &str) -> Result<Self, Vec<Problem>> {
        let story = Self::parse(text).map_err(|p| vec![p])?;
        match story.validate(source) {
            Ok(()) => Ok(story),
            Err(mut problems) => {
                crate::story_errors::locate(text, &mut problems);
                Err(problems)
            }
        }
    }

    /// The counter with this id.
    pub fn counter(&self, id: &str) -> Option<&CounterSpec> {
        self.counters.iter().find(|c| c.id == id)
    }

    /// Checks everything serde cannot: ids, placeholders, empty text, figures, graphics, and
    /// that every sentence is verbatim from `source` (the article's text). Each mistake names its
    /// field (its line is not known here: see [`StoryFile::check`]).
    pub fn validate(&self, source: &str) -> Result<(), Vec<Problem>> {
        let mut errors = Errors::default();
        errors.not_blank("title", &self.title, "the article's headline");
        errors.not_blank("byline", &self.byline, "the article's byline");
        errors.not_blank(
            "description",
            &self.description,
            "a sentence of the article (for search engines and sharing)",
        );
        if self.authors.is_empty() {
            errors.add(
                "authors",
                "there are none",
                "list the people of the byline: `authors = [{ name = \"…\", role = \"…\" }]`",
            );
        }
        for (i, a) in self.authors.iter().enumerate() {
            for (field, text) in [("name", &a.name), ("role", &a.role)] {
                if blank(text) || !self.byline.contains(text.as_str()) {
                    errors.add(
                        format_args!("authors[{i}].{field}"),
                        format_args!("`{text}` is not in the byline"),
                        format_args!(
                            "write the {field} exactly as the byline has it: 「{}」",
                            self.byline
                        ),
                    );
                }
            }
        }
        self.check_counters(&mut errors);
        let placed = self.check_sections(&mut errors);
        let source = Source::new(source);
        self.check_summary(&source, &mut errors);
        for (i, c) in self.counters.iter().enumerate() {
            if !placed.contains(c.id.as_str()) {
                errors.add(
                    format_args!("counters[{i}]"),
                    format_args!("the figure `{}` is never placed in the text", c.id),
                    format_args!(
                        "write `{{{}}}` in the paragraph or step where the article gives it, or take this counter out",
                        c.id
                    ),
                );
            }
        }
        self.check_verbatim(&source, &mut errors);
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(errors.0)
        }
    }

    fn check_counters(&self, errors: &mut Errors) {
        let mut ids = HashSet::new();
        for (i, c) in self.counters.iter().enumerate() {
            let place = format!("counters[{i}]");
            errors.id(&place, &c.id, &mut ids, "counter");
            match (c.value, &c.text) {
                (Some(v), None) => {
                    if !v.is_finite() || v < 0.0 {
                        errors.add(
                            format_args!("{place}.value"),
                            format_args!("`{v}` cannot be shown"),
                            "write the figure in plain units, 0 or more: two billion is `value = 2000000000`",
                        );
                    }
                    if c.decimals > 3 {
                        errors.add(
                            format_args!("{place}.decimals"),
                            format_args!("{} decimals are too many", c.decimals),
                            "write 0 to 3: as many decimals as the article shows the figure with",
                        );
                    }
                }
                (None, Some(t)) => {
                    errors.not_blank(
                        format_args!("{place}.text"),
                        t,
                        "the fact as the article writes it",
                    );
                    if c.fact {
                        errors.add(
                            format_args!("{place}.fact"),
                            "`fact = true` is only for a counter with a `value`",
                            "take the line out: a `text` is always shown as a fact",
                        );
                    }
                }
                (Some(_), Some(_)) => errors.add(
                    &place,
                    format_args!("the counter `{}` has both a `value` and a `text`", c.id),
                    "keep `value` for a number that counts up, or `text` for words shown as a fact, not both",
                ),
                (None, None) => errors.add(
                    &place,
                    format_args!("the counter `{}` has neither a `value` nor a `text`", c.id),
                    "add `value = …` (a number that counts up) or `text = \"…\"` (words shown as a fact)",
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
            errors.add(
                "sections",
                "there are none",
                "the story's text is in sections: start one with `[[sections]]` and an `id`",
            );
        }
        for (s, section) in self.sections.iter().enumerate() {
            let place = format!("sections[{s}]");
            errors.id(&place, &section.id, &mut ids, "section");
            if let Some(heading) = &section.heading {
                errors.not_blank(
                    format_args!("{place}.heading"),
                    heading,
                    "the article's heading for the section",
                );
            }
            if section.blocks.is_empty() {
                errors.add(
                    format_args!("{place}.blocks"),
                    "the section is empty",
                    "add its paragraphs, each under a `[[sections.blocks]]` line, or take the section out",
                );
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
                format_args!("the summary block is placed {summary_blocks} times"),
                "write `summary = true` in exactly one block, where the headline figures go",
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
            ("p", block.p.is_some()),
            ("figure", block.figure.is_some()),
            ("summary", block.summary.is_some()),
            ("scene", block.scene.is_some()),
            ("gallery", block.gallery.is_some()),
            ("full_story", block.full_story.is_some()),
        ];
        let given: Vec<&str> = set.iter().filter(|x| x.1).map(|x| x.0).collect();
        if given.len() != 1 {
            errors.add(
                place,
                if given.is_empty() {
                    "the block is empty".to_owned()
                } else {
                    format!("the block is {} at once", backquoted(given))
                },
                "a block is one thing: `p` (a paragraph), `figure`, `summary`, `scene`, `gallery` or `full_story` (the link to the full story); start another with `[[sections.blocks]]`",
            );
        }
        for (field, problem, hint) in block.full_story.iter().flat_map(|l| l.problems()) {
            errors.add(format_args!("{place}.full_story.{field}"), problem, hint);
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
                "`steps`, `title`, `states`, `schematic` and `parts` belong to a scene",
                "add `scene = \"name\"` to the block, or take those fields out",
            );
        }
        if let Some(graphic) = &block.scene {
            self.check_scene(place, graphic, block, placed, errors);
        }
        if let Some(figures) = &block.gallery {
            if figures.len() < 2 {
                errors.add(
                    format_args!("{place}.gallery"),
                    "a gallery of one photo",
                    "a gallery shows two figures or more; make one photo a `figure`",
                );
            }
        }
        for (place, f) in block.figures(place) {
            check_figure(&place, f, errors);
        }
        if let Some(p) = &block.p {
            self.check_paragraph(&format!("{place}.p"), p, placed, errors);
        }
        if block.summary == Some(false) {
            errors.add(
                format_args!("{place}.summary"),
                "`summary = false` places nothing",
                "write `summary = true` or take the block out",
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
            errors.add(
                place,
                "the text is empty",
                "copy the article's sentences here, or take the block out",
            );
        }
        let segs = match segments(p) {
            Ok(segs) => segs,
            Err(e) => {
                return errors.add(
                    place,
                    e,
                    "a figure is written `{id}`, between a `{` and a `}` (and `{gap}` where the source lacks words)",
                )
            }
        };
        for seg in segs {
            let Segment::Counter(id) = seg else { continue };
            if self.counter(id).is_none() {
                errors.add(
                    place,
                    format_args!("unknown counter id `{id}`"),
                    unknown_counter_hint(id, &self.counters),
                );
            } else if !placed.insert(id) {
                errors.add(
                    place,
                    format_args!("the figure `{id}` is placed a second time"),
                    "each figure stands once in the text, where the article gives it; a figure the article repeats needs a counter of its own",
                );
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
                format_args!("`{name}` is not a valid scene name"),
                "a scene's name is lower-case latin letters, digits and `-` (it makes the page's links: `#name-2`)",
            );
        }
        match &block.title {
            Some(title) => errors.not_blank(
                format_args!("{place}.title"),
                title,
                "what the graphic shows, in a few words (screen readers say it)",
            ),
            None => errors.add(
                place,
                "the scene has no `title`",
                "add `title = \"…\"`: what the graphic shows, in a few words (screen readers say it)",
            ),
        }
        let states = block.states.as_deref().unwrap_or_default();
        if states.is_empty() || states.len() > MAX_STATES {
            errors.add(
                format_args!("{place}.states"),
                format_args!("the scene has {} states", states.len()),
                format_args!(
                    "list 1 to {MAX_STATES} names, in order, for what the graphic shows as the steps pass: `states = [\"before\", \"after\"]`"
                ),
            );
        }
        for (i, state) in states.iter().enumerate() {
            if !is_slug(state) || states[..i].contains(state) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("`{state}` is not a valid state name, or is there twice"),
                    "each state has a name of its own, in lower-case latin letters, digits and `-`",
                );
            }
        }
        let steps = block.steps.as_deref().unwrap_or_default();
        if steps.is_empty() {
            errors.add(
                format_args!("{place}.steps"),
                "the scene has no steps",
                "add the article's sentences as steps, each under a `[[sections.blocks.steps]]` line with its `state` and `text`",
            );
        }
        let mut text = String::new();
        for (i, step) in steps.iter().enumerate() {
            let place = format!("{place}.steps[{i}]");
            if !states.contains(&step.state) {
                errors.add(
                    format_args!("{place}.state"),
                    format_args!("`{}` is not a state of the scene `{name}`", step.state),
                    format_args!(
                        "{}the scene's states are {}",
                        did_you_mean(&step.state, states.iter().map(String::as_str)),
                        backquoted(states.iter().map(String::as_str))
                    ),
                );
            }
            self.check_paragraph(&format!("{place}.text"), &step.text, placed, errors);
            if !step.text.trim_end().ends_with(SENTENCE_END) {
                errors.add(
                    format_args!("{place}.text"),
                    "the step does not end at the end of a sentence",
                    "a step is whole sentences: end it after a 。！？ (and its closing quote), and put the rest in the next step",
                );
            }
            if step.text.starts_with(['，', '。', '、', '；', '：', '”']) {
                errors.add(
                    format_args!("{place}.text"),
                    "the step starts inside a sentence",
                    "a step is whole sentences: move the words before this punctuation mark back to the step before",
                );
            }
            let shown = self.plain(&step.text);
            let length = shown.chars().count();
            if length > STEP_MAX_CHARS {
                errors.add(
                    format_args!("{place}.text"),
                    format_args!(
                        "the step is {length} characters long: on a phone its card would not fit under the graphic"
                    ),
                    format_args!(
                        "a step has at most {STEP_MAX_CHARS} characters (figures counted as shown): split it at the end of a sentence into two steps (the second can show the same state)"
                    ),
                );
            }
            text.push_str(&shown);
        }
        for (i, state) in states.iter().enumerate() {
            if !steps.iter().any(|s| &s.state == state) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("no step shows the state `{state}`"),
                    "give a step `state = \"…\"` with this name, or take the state out",
                );
            }
        }
        let parts = block.parts.as_deref().unwrap_or_default();
        if parts.is_empty() {
            errors.add(
                format_args!("{place}.parts"),
                "the scene's graphic has no parts",
                "add what it draws, each under a `[[sections.blocks.parts]]` line with its `kind` (see \"Scenes and their graphics\" in README.md)",
            );
        }
        let scene = SceneCheck {
            states,
            text: &text,
            sound: steps.iter().all(|s| self.sound(&s.text)),
        };
        let (mut masks, mut drawn, mut known) = (Vec::new(), 0, true);
        for (i, part) in parts.iter().enumerate() {
            let place = format!("{place}.parts[{i}]");
            let shown = self.check_part(&place, part, &scene, errors);
            known &= shown.is_some();
            let shown = shown.unwrap_or_default();
            drawn |= shown.first().copied().unwrap_or(0);
            masks.extend(shown);
        }
        if !known {
            // A part's kind or states are wrong (said above): what each state shows is not known.
            return;
        }
        // Each state shows something, and each after the first changes the picture.
        let shown = crate::states::shown;
        for (i, state) in states.iter().enumerate() {
            if !parts.is_empty() && !shown(drawn, i) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!("the graphic shows nothing in the state `{state}`"),
                    "give a part `from`, `until` or `states` that shows it in this state",
                );
            }
        }
        for i in 1..states.len() {
            if masks.iter().all(|&m| shown(m, i - 1) == shown(m, i)) {
                errors.add(
                    format_args!("{place}.states[{i}]"),
                    format_args!(
                        "the state `{}` shows the same as `{}`: the reader would see no change",
                        states[i],
                        states[i - 1]
                    ),
                    format_args!(
                        "give a part or item `from = \"{}\"`, or let both steps show `{}`",
                        states[i],
                        states[i - 1]
                    ),
                );
            }
        }
    }

    /// Checks a part of a scene's graphic against its kind; returns what it shows: a mask for the
    /// part and for each of its items, band and highlight with states of their own (`None` when
    /// its kind or its states are not known).
    fn check_part(
        &self,
        place: &str,
        part: &PartSpec,
        scene: &SceneCheck,
        errors: &mut Errors,
    ) -> Option<Vec<Shows>> {
        let Some(kind) = kind(&part.kind) else {
            let known = KINDS.iter().map(|k| k.name);
            errors.add(
                format_args!("{place}.kind"),
                format_args!("unknown kind of graphic `{}`", part.kind),
                format_args!(
                    "{}the kinds are {} (see \"Scenes and their graphics\" in README.md)",
                    did_you_mean(&part.kind, known.clone()),
                    backquoted(known)
                ),
            );
            return None;
        };
        let fields = part.fields();
        let needs = |k: &KindSpec| {
            let optional = backquoted(k.optional.iter().copied());
            format!(
                "`{}` draws {}; it needs {} and may have {optional}",
                k.name,
                k.about,
                if k.required.is_empty() {
                    "nothing more".to_owned()
                } else {
                    backquoted(k.required.iter().copied())
                }
            )
        };
        for field in kind.required {
            if !fields.contains(field) {
                errors.add(
                    place,
                    format_args!("the `{}` part has no `{field}`", kind.name),
                    needs(kind),
                );
            }
        }
        for field in &fields {
            if !kind.required.contains(field) && !kind.optional.contains(field) {
                errors.add(
                    format_args!("{place}.{field}"),
                    format_args!("`{field}` is not a field of `{}` parts", kind.name),
                    format_args!("take it out, or choose another kind: {}", needs(kind)),
                );
            }
        }
        for (field, name) in [("from", &part.from), ("until", &part.until)] {
            if let Some(name) = name {
                scene.state_name(&format!("{place}.{field}"), name, errors);
            }
        }
        for (i, name) in part.states.iter().flatten().enumerate() {
            scene.state_name(&format!("{place}.states[{i}]"), name, errors);
        }
        let mask = match shows(
            scene.states,
            part.from.as_deref(),
            part.until.as_deref(),
            part.states.as_deref(),
        ) {
            Ok(0) => {
                errors.add(
                    place,
                    "the part is shown in no state",
                    "check its `from` and `until`: `until` names the first state it is no longer shown in",
                );
                return None;
            }
            Ok(mask) => mask,
            Err(e) if part.states.is_some() && (part.from.is_some() || part.until.is_some()) => {
                errors.add(
                    place,
                    e,
                    "say when the part shows with `states = [\"a\", \"b\"]`, or with `from` and `until`, not both",
                );
                return None;
            }
            // An unknown state's name: said above.
            Err(_) => return None,
        };
        let mut out = vec![mask];
        if let Some(label) = &part.label {
            self.check_words(&format!("{place}.label"), label, scene, errors);
        }
        if let Some(note) = &part.note {
            let _ = self.check_template(&format!("{place}.note"), note, errors);
        }
        let value = part
            .value
            .as_deref()
            .and_then(|id| self.figure(&format!("{place}.value"), id, errors));
        let items = part.items.as_deref().unwrap_or_default();
        let with_values = matches!(kind.name, "squares" | "bars" | "parts");
        if part.items.is_some() && items.is_empty() {
            errors.add(
                format_args!("{place}.items"),
                "the list of items is empty",
                format_args!("list what the `{}` part draws: `items = [{{ value = \"id\", label = \"…\" }}]`", kind.name),
            );
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
                    format_args!("an item of the `{}` part has no `value`", kind.name),
                    "give it the id of the counter it draws: `{ value = \"id\", label = \"…\" }`",
                ),
                (Some(_), false) => errors.add(
                    format_args!("{place}.value"),
                    format_args!("the items of the `{}` part are words only", kind.name),
                    "take `value` out and write the figure in the item's label: `label = \"…{id}…\"`",
                ),
                (None, false) => {}
            }
            match &item.label {
                Some(label) => self.check_words(&format!("{place}.label"), label, scene, errors),
                None => errors.add(
                    &place,
                    "the item has no `label`",
                    "add `label = \"…\"`: the article's words for it, copied from the scene's steps",
                ),
            }
            out.extend(self.sub_mask(&place, item.from.as_deref(), mask, scene, errors));
        }
        for (i, name) in part.names.iter().flatten().enumerate() {
            self.check_words(&format!("{place}.names[{i}]"), name, scene, errors);
        }
        if part.names.as_ref().is_some_and(Vec::is_empty) {
            errors.add(
                format_args!("{place}.names"),
                "the list of names is empty",
                "list the names the group shows, as the scene's steps write them",
            );
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
                None => errors.add(
                    &place,
                    format_args!("the `{field}` has no `value`"),
                    format_args!(
                        "give it the id of the counter it marks: `{field} = {{ value = \"id\" }}`"
                    ),
                ),
            }
        }
        self.check_kind(place, kind.name, part, value, &item_values, errors);
        Some(out)
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
                        format_args!(
                            "the `{field}` marks one of the part's {n} marks: its figure counts them from the first"
                        ),
                    );
                }
            }
            ("squares", _) if field == "highlight" => {
                if !items.iter().any(|i| i.id == figure.id) {
                    errors.add(
                        format_args!("{place}.value"),
                        format_args!("`{}` is not the figure of one of the items", figure.id),
                        format_args!(
                            "the highlight picks out one of the squares: write the `value` of one of the items ({})",
                            backquoted(items.iter().map(|c| c.id.as_str()))
                        ),
                    );
                }
            }
            ("units", None) => {}
            _ => errors.add(
                place,
                format_args!("`{field}` is not a field of `{kind}` parts"),
                "only `units` has a `band`, and `units` and `squares` a `highlight`: take it out",
            ),
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
                            format_args!("`units` cannot draw {v} marks"),
                            "a `units` part draws a mark for each unit: 1 to 1000 whole units; for a larger figure use `icons` (one icon for so many) or `bars`",
                        );
                    }
                }
                if part.per == Some(0) {
                    errors.add(
                        format_args!("{place}.per"),
                        "0 marks a row",
                        "write how many marks a row has (1 or more), or take `per` out (20)",
                    );
                }
            }
            "ring" => {
                if let Some(v) = value.map(number) {
                    if !(0.0..=100.0).contains(&v) {
                        errors.add(
                            format_args!("{place}.value"),
                            format_args!("a ring cannot be filled to {v}"),
                            "a `ring` shows a percentage, 0 to 100: its `value` must be a counter in %",
                        );
                    }
                }
            }
            "icons" => {
                let per = part.per.unwrap_or(0);
                if per == 0 {
                    errors.add(
                        format_args!("{place}.per"),
                        "an icon stands for 0 units",
                        "write how many of the figure's units one icon stands for (1 or more)",
                    );
                } else if let Some(v) = value.map(number) {
                    if v / f64::from(per) > 200.0 {
                        errors.add(
                            format_args!("{place}.per"),
                            format_args!("{} icons are too many to draw", (v / f64::from(per)).ceil()),
                            format_args!(
                                "let each icon stand for more: `per = {}` or more draws at most 200",
                                (v / 200.0).ceil()
                            ),
                        );
                    }
                    if !part
                        .note
                        .as_deref()
                        .is_some_and(|n| n.contains(&per.to_string()))
                    {
                        errors.add(
                            format_args!("{place}.note"),
                            "the legend does not say what an icon stands for",
                            format_args!(
                                "write in `note` how many one icon stands for, with the figure {per} in digits"
                            ),
                        );
                    }
                }
                if let Some(icon) = &part.icon {
                    if !ICONS.contains(&icon.as_str()) {
                        errors.add(
                            format_args!("{place}.icon"),
                            format_args!("unknown icon `{icon}`"),
                            format_args!(
                                "{}the icons are {}",
                                did_you_mean(icon, ICONS.iter().copied()),
                                backquoted(ICONS.iter().copied())
                            ),
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
                                "the parts add up to {sum}, not to the whole `{}` ({})",
                                whole.id,
                                number(whole)
                            ),
                            "the items of a `parts` graphic split its `value`: check their counters' values, or draw them another way (`bars`)",
                        );
                    }
                }
                for c in value.into_iter().chain(items.iter().copied()) {
                    if !c.fact {
                        errors.add(
                            place,
                            format_args!("the counter `{}` of a `parts` graphic counts up", c.id),
                            format_args!(
                                "add `fact = true` to the counter `{}`: counting up one by one, the parts would show sums that do not add up",
                                c.id
                            ),
                        );
                    }
                }
            }
            "rhythm" if part.count.is_some_and(|n| !(2..=12).contains(&n)) => {
                errors.add(
                    format_args!("{place}.count"),
                    "too few or too many beats",
                    "a `rhythm` draws 2 to 12 beats",
                );
            }
            "lines" if part.count.is_some_and(|n| !(1..=10).contains(&n)) => {
                errors.add(
                    format_args!("{place}.count"),
                    "too few or too many lines",
                    "a `lines` part draws 1 to 10 lines",
                );
            }
            "text" if part.label.is_none() && part.items.is_none() => {
                errors.add(
                    place,
                    "the `text` part has no words",
                    "give it a `label`, or `items` (its lines), copied from the scene's steps",
                );
            }
            "squares" | "bars" => {
                for c in items {
                    if number(c) <= 0.0 {
                        errors.add(
                            place,
                            format_args!("the figure `{}` is 0: it cannot be drawn", c.id),
                            format_args!(
                                "`{kind}` draws figures above 0: check the counter's `value`, or take the item out"
                            ),
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
        if !scene.state_name(&format!("{place}.from"), from, errors) {
            return None;
        }
        let mask = shows(scene.states, Some(from), None, None).ok()?;
        if mask & parent == 0 {
            errors.add(
                format_args!("{place}.from"),
                format_args!("`{from}` comes after every state its part shows"),
                "it would never be seen: choose a state in which its part is shown",
            );
            return None;
        }
        Some(mask & parent)
    }

    /// The counter `id`, which must have a value to be drawn.
    fn figure(&self, place: &str, id: &str, errors: &mut Errors) -> Option<&CounterSpec> {
        match self.counter(id) {
            Some(c) if c.value.is_some() => Some(c),
            Some(_) => {
                errors.add(
                    place,
                    format_args!("the counter `{id}` is words (`text`), not a number"),
                    "a graphic draws numbers: choose a counter with a `value`",
                );
                None
            }
            None => {
                errors.add(
                    place,
                    format_args!("unknown counter id `{id}`"),
                    unknown_counter_hint(id, &self.counters),
                );
                None
            }
        }
    }

    /// A template's placeholders are known counters; whether it is sound (its words can be
    /// checked further).
    fn check_template(&self, place: &str, template: &str, errors: &mut Errors) -> bool {
        if blank(template) {
            errors.add(
                place,
                "is empty",
                "write its words here, or take the line out",
            );
            return false;
        }
        let segs = match segments(template) {
            Ok(segs) => segs,
            Err(e) => {
                errors.add(
                    place,
                    e,
                    "a figure is written `{id}`, between a `{` and a `}`",
                );
                return false;
            }
        };
        let mut sound = true;
        for seg in segs {
            match seg {
                Segment::Counter(id) if self.counter(id).is_none() => {
                    errors.add(
                        place,
                        format_args!("unknown counter id `{id}`"),
                        unknown_counter_hint(id, &self.counters),
                    );
                    sound = false;
                }
                Segment::Gap => errors.add(
                    place,
                    "`{gap}` in a graphic's words",
                    "`{gap}` marks words missing from the source in the article's text only: take it out",
                ),
                _ => {}
            }
        }
        sound
    }

    /// Whether every placeholder of `text` is well written and a known counter.
    fn sound(&self, text: &str) -> bool {
        segments(text).is_ok_and(|segs| {
            segs.iter().all(|seg| match seg {
                Segment::Counter(id) => self.counter(id).is_some(),
                _ => true,
            })
        })
    }

    /// Words a graphic shows as the article's: with its figures, they stand in the scene's text.
    fn check_words(&self, place: &str, template: &str, scene: &SceneCheck, errors: &mut Errors) {
        if !self.check_template(place, template, errors) {
            return;
        }
        let shown = self.plain(template);
        if scene.sound && !scene.text.contains(&shown) {
            errors.add(
                place,
                format_args!("「{shown}」 is not in the scene's text"),
                format_args!(
                    "a graphic shows the article's words, copied from its scene's steps (the graphic's own words, a legend, go in `note`); the closest sentence of the steps: 「{}」",
                    scene.closest_sentence(&shown)
                ),
            );
        }
    }

    /// A text with its placeholders replaced by the figures' final text (and `{gap}` by nothing).
    pub fn plain(&self, template: &str) -> String {
        self.shown_figures(template)
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }

    /// A text as the page shows it (each figure as the article writes it), in the pieces between
    /// its `{gap}`s, with the figures of each piece: their range of characters and their id.
    fn shown_figures<'a>(&self, template: &'a str) -> Vec<Shown<'a>> {
        let mut pieces = vec![(String::new(), Vec::new())];
        for seg in segments(template).unwrap_or_default() {
            let (text, figures) = pieces.last_mut().expect("a piece");
            match seg {
                Segment::Text(t) => text.push_str(t),
                Segment::Counter(id) => {
                    let start = text.chars().count();
                    let shown = self
                        .counter(id)
                        .map(CounterSpec::final_text)
                        .unwrap_or_default();
                    figures.push((start..start + shown.chars().count(), id));
                    text.push_str(&shown);
                }
                Segment::Gap => pieces.push((String::new(), Vec::new())),
            }
        }
        pieces
    }

    fn check_summary(&self, source: &Source, errors: &mut Errors) {
        errors.not_blank(
            "summary.heading",
            &self.summary.heading,
            "the heading of the headline figures",
        );
        if self.summary.items.is_empty() {
            errors.add(
                "summary.items",
                "there are no headline figures",
                "list the figures shown large: `items = [{ counter = \"id\", label = \"…\" }]`",
            );
        }
        for (i, item) in self.summary.items.iter().enumerate() {
            let place = format!("summary.items[{i}]");
            match self.counter(&item.counter) {
                None => errors.add(
                    format_args!("{place}.counter"),
                    format_args!("unknown counter id `{}`", item.counter),
                    unknown_counter_hint(&item.counter, &self.counters),
                ),
                Some(c) if c.value.is_none() => errors.add(
                    format_args!("{place}.counter"),
                    format_args!(
                        "`{}` is words (`text`), not a number that counts",
                        item.counter
                    ),
                    "a headline figure counts up: choose a counter with a `value`",
                ),
                Some(c) => {
                    let shown = c.final_text();
                    let sentence = sentences(source.flat())
                        .into_iter()
                        .find(|s| s.contains(&shown));
                    if let Some(sentence) = sentence.filter(|s| !s.contains(item.label.as_str())) {
                        errors.add(
                            format_args!("{place}.label"),
                            format_args!(
                                "「{}」 is not in the sentence of the figure {shown}",
                                item.label
                            ),
                            format_args!(
                                "the label is words of the sentence the figure stands in, as it writes them: 「{sentence}」"
                            ),
                        );
                    }
                }
            }
            errors.not_blank(
                format_args!("{place}.label"),
                &item.label,
                "the article's words for what the figure counts",
            );
        }
    }

    /// Every heading, paragraph, step and caption stands in the source verbatim, sentence by
    /// sentence (each figure as the article writes it), and so does the byline and the full
    /// story's title a short edition links to. The story's own title is the editor's (a short
    /// edition, such as 《数说新城》, is given one), so it is not checked.
    fn check_verbatim(&self, source: &Source, errors: &mut Errors) {
        if !blank(&self.byline) && !source.has(&self.byline) {
            not_in_source("byline", &self.byline, &[], source, errors);
        }
        self.check_sentences("description", &self.description, source, errors);
        for (s, section) in self.sections.iter().enumerate() {
            if let Some(heading) = section.heading.as_ref().filter(|h| !blank(h)) {
                if !source.has(heading) {
                    not_in_source(
                        &format!("sections[{s}].heading"),
                        heading,
                        &[],
                        source,
                        errors,
                    );
                }
            }
            for (b, block) in section.blocks.iter().enumerate() {
                let place = format!("sections[{s}].blocks[{b}]");
                if let Some(p) = &block.p {
                    self.check_sentences(&format!("{place}.p"), p, source, errors);
                }
                for (i, step) in block.steps.iter().flatten().enumerate() {
                    let place = format!("{place}.steps[{i}].text");
                    self.check_sentences(&place, &step.text, source, errors);
                }
                if let Some(link) = block.full_story.as_ref().filter(|l| !blank(&l.title)) {
                    if !source.has(&link.title) {
                        let place = format!("{place}.full_story.title");
                        not_in_source(&place, &link.title, &[], source, errors);
                    }
                }
                for (place, f) in block.figures(&place) {
                    if !blank(&f.caption) && !source.has(&f.caption) {
                        not_in_source(&format!("{place}.caption"), &f.caption, &[], source, errors);
                    }
                }
            }
        }
    }

    /// Each sentence of `template` (as the page shows it) is in the source (once its
    /// placeholders are right: a mistake there is said on its own).
    fn check_sentences(&self, place: &str, template: &str, source: &Source, errors: &mut Errors) {
        if !self.sound(template) {
            return;
        }
        for (text, figures) in self.shown_figures(template) {
            let mut at = 0;
            for sentence in text.split_inclusive('。') {
                let length = sentence.chars().count();
                if !blank(sentence) && !source.has(sentence) {
                    let inside: Vec<(Range<usize>, &str)> = figures
                        .iter()
                        .filter(|(r, _)| r.start >= at && r.end <= at + length)
                        .map(|(r, id)| (r.start - at..r.end - at, *id))
                        .collect();
                    not_in_source(place, sentence, &inside, source, errors);
                }
                at += length;
            }
        }
    }
}

/// A sentence not in the source: the closest sentence of the source, and where they differ (in
/// a figure, which of `figures` — their ranges of characters in `text` and their ids).
fn not_in_source(
    place: &str,
    text: &str,
    figures: &[(Range<usize>, &str)],
    source: &Source,
    errors: &mut Errors,
) {
    let hint = match source.closest(text) {
        None => format!("{VERBATIM}: copy it from there again"),
        Some(closest) => {
            // A sentence that starts as the source's needs no more than where it differs.
            let mut hint = if closest.same >= 8 {
                format!(
                    "line {} of the source text has this sentence, but {}",
                    closest.line,
                    difference(text, &closest)
                )
            } else {
                format!(
                    "the closest sentence of the source text (its line {}) is 「{}」; {}",
                    closest.line,
                    shortened(&closest.sentence),
                    difference(text, &closest)
                )
            };
            let at = closest.same;
            if let Some((_, id)) = figures.iter().find(|(r, _)| r.start <= at && at <= r.end) {
                hint.push_str(&format!(
                    "; that is the figure `{{{id}}}`: check its `value`, `decimals`, `before` and `after` under [[counters]]"
                ));
            } else {
                hint.push_str(&format!("; {VERBATIM}"));
            }
            hint
        }
    };
    errors.add(
        place,
        format_args!("「{}」 is not in the source text", shortened(text)),
        hint,
    );
}

/// A piece of text as the page shows it, with its figures: their range of characters in it and
/// their ids.
type Shown<'a> = (String, Vec<(Range<usize>, &'a str)>);

/// What a scene's parts are checked against.
struct SceneCheck<'a> {
    /// The scene's states.
    states: &'a [String],
    /// Its steps' text, figures shown as the article prints them.
    text: &'a str,
    /// Whether every placeholder of the steps is right (else their text is not known whole).
    sound: bool,
}

impl SceneCheck<'_> {
    /// Whether `name` is one of the scene's states; an error when not.
    fn state_name(&self, place: &str, name: &str, errors: &mut Errors) -> bool {
        let known = self.states.iter().map(String::as_str);
        if known.clone().any(|s| s == name) {
            return true;
        }
        errors.add(
            place,
            format_args!("`{name}` is not one of the scene's states"),
            format_args!(
                "{}the scene's states are {}",
                did_you_mean(name, known.clone()),
                backquoted(known)
            ),
        );
        false
    }

    /// The sentence of the scene's text with the most of the characters of `words`.
    fn closest_sentence(&self, words: &str) -> &str {
        sentences(self.text)
            .into_iter()
            .rev()
            .max_by_key(|s| words.chars().filter(|c| s.contains(*c)).count())
            .unwrap_or_default()
    }
}

fn check_figure(place: &str, f: &FigureSpec, errors: &mut Errors) {
    errors.not_blank(
        format_args!("{place}.caption"),
        &f.caption,
        "the photo's caption, as the article has it",
    );
    if crate::art::index_of(&f.art).is_none() {
        let names = crate::art::names();
        errors.add(
            format_args!("{place}.art"),
            format_args!("unknown illustration `{}`", f.art),
            format_args!(
                "{}the drawings are {} (`art/<name>.svg` in the story's folder)",
                did_you_mean(&f.art, names.iter().copied()),
                backquoted(names.iter().copied())
            ),
        );
    }
    if let Some(src) = &f.image {
        if src.starts_with('/') || src.contains("://") || src.contains('\\') || blank(src) {
            errors.add(
                format_args!("{place}.image"),
                format_args!("`{src}` is not a file of the story"),
                "put the photo in the story's folder (`photos/`) and write its path from there, without a leading `/`: `photos/road.jpg`",
            );
        }
        if src.split('/').any(|part| part == "..") {
            errors.add(
                format_args!("{place}.image"),
                format_args!("`{src}` leaves the story's folder"),
                "a photo is a file inside the story's folder: no `..` in its path",
            );
        }
    }
}
