//! The story as static data, generated at build time from its data file `stories/$STORY/story.toml`
//! (see `build.rs`),
//! plus the plain-text helpers tests and the page use.

/// The whole story.
#[derive(Debug)]
pub struct Story {
    /// Headline.
    pub title: &'static str,
    /// "文/图 …" line.
    pub byline: &'static str,
    /// A sentence of the article for the page's description and sharing cards.
    pub description: &'static str,
    /// The people of the byline.
    pub authors: &'static [Author],
    /// Heading of the headline-figures block.
    pub summary_heading: &'static str,
    /// The headline counters shown large.
    pub summary: &'static [SummaryItem],
    /// Sections in reading order.
    pub sections: &'static [Section],
}

/// A person of the byline.
#[derive(Debug)]
pub struct Author {
    /// Name.
    pub name: &'static str,
    /// Role, as the byline gives it.
    pub role: &'static str,
}

/// One big counter of the summary block.
#[derive(Debug)]
pub struct SummaryItem {
    /// The counter shown.
    pub counter: &'static Counter,
    /// What is counted, in the article's words.
    pub label: &'static str,
}

/// A `<section>` of the page.
#[derive(Debug)]
pub struct Section {
    /// Element id, for deep links.
    pub id: &'static str,
    /// Heading; `None` for the opening and closing parts.
    pub heading: Option<&'static str>,
    /// Content in reading order.
    pub blocks: &'static [Block],
}

/// A block of a section.
#[derive(Debug)]
pub enum Block {
    /// A paragraph of text and counters.
    Paragraph(&'static [Inline]),
    /// A photo caption with its illustration.
    Figure(Figure),
    /// The place of the headline-figures block.
    Summary,
    /// A graphic pinned while its steps (sentences of the article) pass.
    Scene(Scene),
    /// Photo figures shown together.
    Gallery(&'static [Figure]),
    /// A link to the full story (in a short edition of it).
    FullStory(FullStory),
}

/// A link to the full story.
#[derive(Debug)]
pub struct FullStory {
    /// Its URL, relative to this story's page (or a path, or an `https://` URL).
    pub href: &'static str,
    /// The full story's title.
    pub title: &'static str,
}

/// A scene: a graphic whose state follows the step being read.
#[derive(Debug)]
pub struct Scene {
    /// Its name: the element ids `scene-<name>` and `<name>-<step>`, and `data-scene`.
    pub name: &'static str,
    /// The graphic's accessible name.
    pub title: &'static str,
    /// The graphic's states in order (`data-state` names them).
    pub states: &'static [&'static str],
    /// A drawing not to scale: tagged 「示意图」.
    pub schematic: bool,
    /// The graphic's parts, in order (empty in the hydrated build: the page already has them).
    pub parts: &'static [Part],
    /// The steps in reading order.
    pub steps: &'static [Step],
}

/// A part of a scene's graphic: a kind of graphic with its figures and words (the data file's
/// `[[…parts]]`; what each field means for each kind is in `src/story_model.rs`'s `KINDS`).
#[derive(Debug)]
pub struct Part {
    /// What it draws.
    pub kind: Kind,
    /// The states it is shown in.
    pub shows: Shows,
    /// The article's words for it.
    pub label: &'static [Inline],
    /// The graphic's own words (a legend, a scale).
    pub note: &'static [Inline],
    /// The figure it draws.
    pub value: Option<&'static Counter>,
    /// `icons`: units per icon; `units`: marks per row (0: the default).
    pub per: u32,
    /// `rhythm`: beats drawn; `lines`: lines drawn.
    pub count: u32,
    /// Its figures or lines.
    pub items: &'static [Item],
    /// `group`: the names in the group.
    pub names: &'static [&'static str],
    /// `units`: the band of the first marks.
    pub band: Option<Item>,
    /// `units`: the mark picked out; `squares`: the square picked out.
    pub highlight: Option<Item>,
}

/// A figure or line of a part.
#[derive(Debug)]
pub struct Item {
    /// The figure.
    pub value: Option<&'static Counter>,
    /// Its words.
    pub label: &'static [Inline],
    /// The states it is shown in (within its part's).
    pub shows: Shows,
}

/// The kinds of graphic parts (the data file's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `units`: a mark per unit, in rows.
    Units,
    /// `squares`: areas to scale.
    Squares,
    /// `bars`: lengths on one scale.
    Bars,
    /// `ring`: a percentage.
    Ring,
    /// `icons`: one icon for so many units.
    Icons(Icon),
    /// `parts`: a whole split into parts.
    Parts,
    /// `box`: one box.
    Box,
    /// `group`: names grouped.
    Group,
    /// `rhythm`: beats at an interval.
    Rhythm,
    /// `lines`: lines drawing themselves.
    Lines,
    /// `text`: lines of words.
    Text,
}

/// The icons of an `icons` part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A person.
    Person,
    /// A construction machine.
    Machine,
    /// A square.
    Square,
}

/// A step of a scene.
#[derive(Debug)]
pub struct Step {
    /// The graphic's state while it is read (an index into its states).
    pub state: usize,
    /// Its sentences.
    pub inlines: &'static [Inline],
}

/// A piece of a paragraph.
#[derive(Debug)]
pub enum Inline {
    /// Words.
    Text(&'static str),
    /// A figure of the article.
    Counter(&'static Counter),
    /// Words missing from the source (「……」).
    Gap,
}

/// A figure of the article: its number (or fact) between a qualifier and a unit.
#[derive(Debug, PartialEq)]
pub struct Counter {
    /// Stable id (`data-counter`).
    pub id: &'static str,
    /// Qualifier before the number ("近", "第").
    pub before: &'static str,
    /// What is shown.
    pub value: Value,
    /// Unit and qualifier after the number.
    pub after: &'static str,
    /// Counted up from 0; `false` for facts and for ranks and frequencies shown as facts.
    pub counts: bool,
}

/// The content of a [`Counter`].
#[derive(Debug, PartialEq)]
pub enum Value {
    /// Counted from 0 to `value` (plain units), shown with `decimals` in its 万/亿 scale.
    Number {
        /// Final value in plain units.
        value: f64,
        /// Decimals shown.
        decimals: u8,
    },
    /// A fact shown highlighted, not counted.
    Fact(&'static str),
}

/// A photo caption with its drawing or image.
#[derive(Debug)]
pub struct Figure {
    /// The caption, verbatim.
    pub caption: &'static str,
    /// The drawing shown when there is no photo: its index in [`crate::art::ART`] (see
    /// [`Figure::art`]; an index, so that code that never draws leaves the drawings out).
    pub art_index: usize,
    /// A real photo instead of the drawing.
    pub image: Option<Image>,
}

/// A photo of the story's folder, shown in the sizes the prerender step makes of it (names and
/// markup: [`crate::photos`]).
#[derive(Debug)]
pub struct Image {
    /// Its file, relative to the story's folder (`photos/road.jpg`).
    pub src: &'static str,
    /// Its width in pixels as shown (its EXIF orientation applied), read from the file by
    /// `build.rs`.
    pub width: u32,
    /// Its height in pixels as shown.
    pub height: u32,
    /// The hash of the file's bytes ([`crate::photo_file::fnv1a`]): the names of its sizes
    /// change with it.
    pub hash: u64,
}

use crate::states::Shows;

include!(concat!(env!("OUT_DIR"), "/story_data.rs"));

impl Counter {
    /// The final text as the article prints it ("近20亿元", "6.5万余棵", "AA级").
    pub fn final_text(&self) -> String {
        let middle = match self.value {
            Value::Number { value, decimals } => crate::format::format_cn(value, decimals),
            Value::Fact(text) => text.to_owned(),
        };
        format!("{}{middle}{}", self.before, self.after)
    }
}

impl Story {
    /// Every figure, a gallery's included, in reading order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks)
            .flat_map(|b| match b {
                Block::Figure(f) => std::slice::from_ref(f),
                Block::Gallery(figures) => figures,
                _ => &[],
            })
    }
}

impl Figure {
    /// The drawing shown when there is no photo.
    pub fn art(&self) -> &'static crate::art::Art {
        &crate::art::ART[self.art_index]
    }
}

impl Inline {
    /// The piece as plain text, a counter at its final value.
    pub fn plain_text(&self) -> String {
        match self {
            Inline::Text(t) => (*t).to_owned(),
            Inline::Counter(c) => c.final_text(),
            Inline::Gap => GAP_TEXT.to_owned(),
        }
    }
}

/// The title's lines: it breaks after "：" (kept on the first line), never inside a phrase.
pub fn title_lines(title: &str) -> impl Iterator<Item = &str> {
    title.split_inclusive('：')
}

/// A paragraph as plain text, counters at their final values.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::plain_text).collect()
}

/// Each figure of a paragraph or step, in order, with the sentence it stands in: the whole
/// sentence around it (from after the 「。」 before it to its own 「。」, or the text's start and
/// end), as plain text with every figure at its final value.
pub fn figure_sentences(inlines: &[Inline]) -> Vec<(&'static Counter, String)> {
    let text = plain_text(inlines);
    let mut at = 0;
    let mut out = Vec::new();
    for inline in inlines {
        let shown = inline.plain_text();
        if let Inline::Counter(c) = inline {
            let start = text[..at].rfind('。').map_or(0, |i| i + '。'.len_utf8());
            let end = text[at..]
                .find('。')
                .map_or(text.len(), |i| at + i + '。'.len_utf8());
            out.push((*c, text[start..end].to_owned()));
        }
        at += shown.len();
    }
    out
}

/// How the gap left by the source is shown.
pub const GAP_TEXT: &str = "……";

/// The counter with this id, if there is one.
pub fn find_counter(id: &str) -> Option<&'static Counter> {
    COUNTERS.iter().find(|c| c.id == id)
}

/// The counter with this id (the build checked that the ids graphics use exist).
pub fn counter(id: &str) -> &'static Counter {
    find_counter(id)
        .unwrap_or_else(|| panic!("no counter `{id}`: build.rs validates graphics' ids"))
}

impl Counter {
    /// The final value in plain units (0 for a text fact).
    pub fn value(&self) -> f64 {
        match self.value {
            Value::Number { value, .. } => value,
            Value::Fact(_) => 0.0,
        }
    }
}

/// The scene called `name`.
pub fn scene(name: &str) -> Option<&'static Scene> {
    scenes().find(|s| s.name == name)
}

/// Every scene, in reading order.
pub fn scenes() -> impl Iterator<Item = &'static Scene> {
    STORY
        .sections
        .iter()
        .flat_map(|s| s.blocks)
        .filter_map(|b| match b {
            Block::Scene(s) => Some(s),
            _ => None,
        })
}

/// All counters of the story, in data-file order.
pub fn counters() -> &'static [Counter] {
    &COUNTERS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story_model::StoryFile;
    use crate::story_source::{sentences, Source};

    #[test]
    fn the_title_breaks_after_its_colon() {
        let lines: Vec<&str> = title_lines("汝州市产业集聚区：一座新城的崛起").collect();
        assert_eq!(lines, ["汝州市产业集聚区：", "一座新城的崛起"]);
        assert_eq!(title_lines("数说新城").count(), 1);
    }

    /// The story's source text (`stories/$STORY/source.txt`, the source article verbatim).
    const SOURCE: &str = include_str!(concat!(env!("STORY_DIR"), "/source.txt"));
    /// The data file, for the validation tests.
    const DATA: &str = include_str!(concat!(env!("STORY_DIR"), "/story.toml"));

    /// Every text unit of the page, in reading order: title, byline, headings, paragraphs, captions.
    fn page_texts() -> Vec<String> {
        let mut out = vec![STORY.title.to_owned(), STORY.byline.to_owned()];
        for s in STORY.sections {
            out.extend(s.heading.map(str::to_owned));
            for b in s.blocks {
                match b {
                    Block::Paragraph(p) => out.push(plain_text(p)),
                    Block::Figure(f) => out.push(f.caption.to_owned()),
                    Block::Summary => {}
                    Block::Scene(scene) => {
                        out.extend(scene.steps.iter().map(|s| plain_text(s.inlines)));
                    }
                    Block::Gallery(figures) => {
                        out.extend(figures.iter().map(|f| f.caption.to_owned()));
                    }
                    Block::FullStory(link) => out.push(link.title.to_owned()),
                }
            }
        }
        out
    }

    /// The source's non-empty lines ([`crate::stories::Source`]).
    fn source_lines() -> Vec<String> {
        Source::new(SOURCE).lines().to_vec()
    }

    #[test]
    fn every_source_sentence_is_on_the_page() {
        let page = page_texts().concat();
        let mut count = 0;
        for line in source_lines() {
            for sentence in sentences(&line) {
                count += 1;
                assert!(page.contains(sentence), "missing from the page: {sentence}");
            }
        }
        assert!(count > 60, "only {count} sentences read from the source");
    }

    /// Whether a sentence of the page stands in the source ([`crate::stories::Source::contains`]).
    fn in_source(sentence: &str) -> bool {
        Source::new(SOURCE).has(sentence)
    }

    #[test]
    fn every_page_sentence_comes_from_the_source() {
        for text in page_texts() {
            for sentence in sentences(text.trim_start_matches("……")) {
                assert!(in_source(sentence), "not in the source: {sentence}");
            }
        }
        assert!(!in_source(
            "督察组做到一天一督查一通报，确保道路施工按期顺利实现通车。"
        ));
    }

    #[test]
    fn source_sentences_keep_their_order_apart_from_the_repairs() {
        let page = page_texts().concat();
        let positions: Vec<(usize, &str)> = source_lines()
            .iter()
            .flat_map(|l| {
                sentences(l)
                    .into_iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .map(|s| {
                (
                    page.find(&s).expect("on the page"),
                    Box::leak(s.into_boxed_str()) as &str,
                )
            })
            .collect();
        let out_of_order: Vec<&str> = positions
            .windows(2)
            .filter(|w| w[1].0 < w[0].0)
            .map(|w| w[1].1)
            .collect();
        // The only jumps: the displaced "即打响。…" block moves before "督查一通报…", and the
        // caption that split "…管" + "理体系…" moves after the joined sentence.
        for s in &out_of_order {
            assert!(
                s.starts_with("督查一通报")
                    || s.starts_with("即打响")
                    || s.starts_with("理体系和办事流程"),
                "out of order: {s}"
            );
        }
    }

    /// Every run of text with figures: paragraphs and scene steps, in reading order.
    fn texts() -> Vec<&'static [Inline]> {
        let mut out = Vec::new();
        for b in STORY.sections.iter().flat_map(|s| s.blocks) {
            match b {
                Block::Paragraph(p) => out.push(*p),
                Block::Scene(scene) => out.extend(scene.steps.iter().map(|st| st.inlines)),
                _ => {}
            }
        }
        out
    }

    /// The section's text blocks as plain text: each paragraph, and each scene's steps joined.
    fn paragraphs(section: &str) -> Vec<String> {
        let s = STORY
            .sections
            .iter()
            .find(|s| s.id == section)
            .expect("section");
        s.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(plain_text(p)),
                Block::Scene(scene) => Some(
                    scene
                        .steps
                        .iter()
                        .map(|st| plain_text(st.inlines))
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reading_order_repairs_hold() {
        let infra = paragraphs("infrastructure");
        assert!(
            infra[0].starts_with("……即打响。为促成道路早日建成投用"),
            "{}",
            infra[0]
        );
        assert!(infra[0].contains("督察组做到一天一督查一通报，确保道路施工"));
        assert!(infra[0].ends_with("按期顺利实现通车。"));
        assert!(infra[1].starts_with("与此同时"));
        let fin = paragraphs("financing");
        assert!(fin[0].contains("项目标准化管理体系和办事流程进入常态"));
        let closing = paragraphs("closing");
        assert_eq!(closing.len(), 1);
        assert!(closing[0].ends_with("被省政府评为“优秀产业集聚区”。"));
        let ids: Vec<&str> = STORY.sections.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "intro",
                "infrastructure",
                "financing",
                "management",
                "closing"
            ]
        );
    }

    #[test]
    fn nine_figures_in_source_order() {
        let captions: Vec<&str> = STORY.figures().map(|f| f.caption).collect();
        let lines = source_lines();
        let in_source: Vec<&str> = lines
            .iter()
            .map(String::as_str)
            .filter(|l| captions.contains(l))
            .collect();
        assert_eq!(captions.len(), 9);
        assert_eq!(captions, in_source);
    }

    #[test]
    fn every_figure_stands_in_its_source_sentence() {
        let mut checked = 0;
        for p in texts() {
            for (c, sentence) in figure_sentences(p) {
                let shown = c.final_text();
                let sentence = sentence.trim_start_matches("……");
                assert!(
                    sentence.contains(&shown) && in_source(sentence),
                    "`{}` ({shown}): {sentence}",
                    c.id
                );
                checked += 1;
            }
        }
        assert_eq!(checked, COUNTERS.len());
    }

    #[test]
    fn a_figure_s_sentence_is_the_whole_sentence_around_it() {
        let funds = scene("financing").unwrap().steps[5].inlines;
        let found = figure_sentences(funds);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.id, "funds-yuan");
        assert_eq!(found[0].1, plain_text(funds), "the step is one sentence");
        // Three figures in one sentence.
        let rank = scene("ranking").unwrap().steps[1].inlines;
        let found = figure_sentences(rank);
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(c, s)| (c.id, &s[..s.find('，').unwrap()]))
            .collect();
        assert_eq!(
            found,
            [
                ("province-parks", "面对客观条件影响"),
                ("rank", "面对客观条件影响"),
                ("top-band", "面对客观条件影响")
            ]
        );
        // Three figures in the second of two sentences.
        let areas = scene("greening").unwrap().steps[0].inlines;
        let found = figure_sentences(areas);
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|(_, s)| s.starts_with("汝州市产业集聚区占地1100亩")
                && s.ends_with("配套公厕等快速推进。")));
    }

    #[test]
    fn headline_counters_and_labels() {
        let ids: Vec<&str> = STORY.summary.iter().map(|i| i.counter.id).collect();
        assert_eq!(ids, ["roads-km", "trees", "funds-yuan"]);
        let finals: Vec<String> = STORY
            .summary
            .iter()
            .map(|i| i.counter.final_text())
            .collect();
        assert_eq!(finals, ["21.2公里", "6.5万余棵", "近20亿元"]);
        let flat = source_lines().concat();
        for item in STORY.summary {
            let shown = item.counter.final_text();
            assert!(
                sentences(&flat)
                    .iter()
                    .any(|s| s.contains(item.label) && s.contains(&shown)),
                "label `{}` is not in the sentence of {shown}",
                item.label
            );
        }
    }

    #[test]
    fn the_description_is_a_sentence_of_the_article() {
        assert!(STORY.description.ends_with('。'));
        assert_eq!(sentences(STORY.description).len(), 1);
        assert!(in_source(STORY.description), "{}", STORY.description);
    }

    #[test]
    fn the_data_file_validates() {
        if let Err(problems) = StoryFile::check(DATA, SOURCE) {
            let all: Vec<String> = problems.iter().map(|p| p.render("story.toml")).collect();
            panic!("{}", all.join("\n"));
        }
    }

    fn errors_for(edit: impl Fn(&str) -> String) -> String {
        let text = edit(DATA);
        assert_ne!(text, DATA, "the edit changed nothing");
        let problems = StoryFile::check(&text, SOURCE).expect_err("a broken file validates");
        let all: Vec<String> = problems.iter().map(|p| p.render("story.toml")).collect();
        all.join("\n")
    }

    /// Asserts that the data file with `edit` applied fails validation with messages containing
    /// every one of `needles`.
    fn fails_with(edit: impl Fn(&str) -> String, needles: &[&str]) {
        let errors = errors_for(edit);
        for needle in needles {
            assert!(errors.contains(needle), "no `{needle}` in: {errors}");
        }
    }

    #[test]
    fn validation_names_the_place_of_a_mistake() {
        fails_with(|d| d.replacen("byline = ", "by_line = ", 1), &["byline"]);
        fails_with(
            |d| d.replacen("{trees}", "{tree}", 1),
            &["unknown counter id `tree`", "sections[1]"],
        );
        fails_with(
            |d| {
                let start = d.find("p = \"在汝州如火如荼").unwrap();
                let end = start + d[start..].find('\n').unwrap();
                format!("{}p = \"\"{}", &d[..start], &d[end..])
            },
            &["sections[0].blocks[1].p: the text is empty"],
        );
        fails_with(
            |d| d.replacen("art = \"park\"", "art = \"parc\"", 1),
            &["figure.art: unknown illustration `parc`"],
        );
        fails_with(
            |d| d.replacen("text = \"AA级\"", "text = \"AA级\"\nvalue = 2", 1),
            &["the counter `credit` has both a `value` and a `text`"],
        );
        fails_with(
            |d| d.replacen("counter = \"trees\"", "counter = \"credit\"", 1),
            &["summary.items[1].counter: `credit` is words (`text`)"],
        );
        fails_with(|d| d.replacen("{trees}", "{trees", 1), &["without `}`"]);
        fails_with(
            |d| d.replacen("name = \"王德伟\"", "name = \"王伟\"", 1),
            &["authors[1].name: `王伟` is not in the byline"],
        );
    }

    #[test]
    fn validation_checks_scenes() {
        fails_with(
            |d| d.replacen("state = \"crews\"", "state = \"crew\"", 1),
            &["blocks[0].steps[2].state: `crew` is not a state of the scene `roads`"],
        );
        fails_with(
            |d| d.replacen("按期顺利实现通车。\"", "按期顺利实现通车\"", 1),
            &["steps[3].text: the step does not end at the end of a sentence"],
        );
        fails_with(
            |d| d.replacen("text = \"目前，全长", "text = \"，目前，全长", 1),
            &["starts inside a sentence"],
        );
        fails_with(
            |d| {
                let start = d
                    .find("[[sections.blocks.steps]]\nstate = \"committee\"")
                    .unwrap();
                let end = d.find("[[sections.blocks]]\np = \"管委会领导班子").unwrap();
                format!("{}{}", &d[..start], &d[end..])
            },
            &[
                "steps: the scene has no steps",
                "no step shows the state `committee`",
            ],
        );
        fails_with(
            |d| d.replacen("scene = \"ranking\"", "summary = false", 1),
            &["`steps`, `title`, `states`, `schematic` and `parts` belong to a scene"],
        );
        fails_with(
            |d| d.replacen("scene = \"ranking\"", "scene = \"Ranking\"", 1),
            &["is not a valid scene name"],
        );
        fails_with(
            |d| d.replacen("title = \"融资保障\"\n", "", 1),
            &["the scene has no `title`"],
        );
    }

    #[test]
    fn validation_checks_graphics() {
        let place = "sections[2].blocks[0].parts";
        fails_with(
            |d| d.replacen("kind = \"bars\"", "kind = \"bar\"", 1),
            &[
                &format!("{place}[2].kind: unknown kind of graphic `bar`"),
                "did you mean `bars`?",
            ],
        );
        fails_with(
            |d| {
                d.replacen(
                    "kind = \"icons\"\nstates = [\"tenders\"]\nvalue = \"tenders\"\n",
                    "kind = \"icons\"\nstates = [\"tenders\"]\n",
                    1,
                )
            },
            &[&format!("{place}[3]: the `icons` part has no `value`")],
        );
        fails_with(
            |d| {
                d.replacen(
                    "label = \"等金融机构\"",
                    "label = \"等金融机构\"\nper = 3",
                    1,
                )
            },
            &[&format!(
                "{place}[1].per: `per` is not a field of `group` parts"
            )],
        );
        fails_with(
            |d| d.replacen("\"光大银行\", ", "\"光大\", \"建行\", ", 1),
            &["names[2]: 「建行」 is not in the scene's text"],
        );
        fails_with(
            |d| d.replacen("label = \"{bond}公司债\"", "label = \"{bond}企业债\"", 1),
            &["items[1].label: 「12亿企业债」 is not in the scene's text"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "value = \"funds-yuan\", label",
                    "value = \"fund\", label",
                    1,
                )
            },
            &["items[2].value: unknown counter id `fund`"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "value = \"tenders\"\nper = 1",
                    "value = \"credit\"\nper = 1",
                    1,
                )
            },
            &[&format!("{place}[3].value: the counter `credit` is words")],
        );
        fails_with(
            |d| {
                d.replacen(
                    "states = [\"tenders\"]\nvalue = \"tenders\"",
                    "states = [\"tender\"]\nvalue = \"tenders\"",
                    1,
                )
            },
            &["`tender` is not one of the scene's states"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "note = \"每格代表1个项目\"",
                    "note = \"每格代表一个项目\"",
                    1,
                )
            },
            &["note: the legend does not say what an icon stands for"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "id = \"toilets-prefab\"\nvalue = 2",
                    "id = \"toilets-prefab\"\nvalue = 3",
                    1,
                )
            },
            &["the parts add up to 7, not to the whole `toilets` (6)"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "id = \"toilets-built\"\nvalue = 4\nafter = \"座\"\nfact = true",
                    "id = \"toilets-built\"\nvalue = 4\nafter = \"座\"",
                    1,
                )
            },
            &["the counter `toilets-built` of a `parts` graphic counts up"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "highlight = { value = \"huoyang-mu\"",
                    "highlight = { value = \"trees\"",
                    1,
                )
            },
            &["highlight.value: `trees` is not the figure of one of the items"],
        );
        fails_with(
            |d| d.replacen("highlight = { value = \"rank\"", "highlight = { value = \"workers\"", 1),
            &["highlight.value: `workers` (250) is not a whole number from 1 to `province-parks` (179)"],
        );
        fails_with(
            |d| {
                d.replacen(
                    "kind = \"lines\"\nfrom = \"roads\"",
                    "kind = \"lines\"\nfrom = \"crews\"\nuntil = \"roads\"",
                    1,
                )
            },
            &["states[2]: the graphic shows nothing in the state `roads`"],
        );
        fails_with(
            |d| d.replacen("from = \"service\"", "from = \"departments\"", 2),
            &["states[2]: the state `service` shows the same as `departments`"],
        );
        fails_with(
            |d| d.replacen("value = \"greening-done\"", "value = \"trees\"", 1),
            &["a ring cannot be filled to"],
        );
        fails_with(
            |d| d.replacen("icon = \"person\"", "icon = \"worker\"", 1),
            &["unknown icon `worker`"],
        );
    }
}
