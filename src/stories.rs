//! Tests of every story of `stories/`, read from its folder at test time (whichever story this
//! build compiled): its data file parses and validates, its figures' drawings are its own, and
//! every sentence it shows is a sentence of its own source text (`source.txt`): the words of a
//! story, the short editions' included, are the article's. (The title is the editor's: a short
//! edition's is given it.) The helpers also serve `story`'s tests of the compiled story.

use crate::story_model::StoryFile;
use std::path::{Path, PathBuf};

/// A story's source text, as the checks read it: its non-empty lines, with the space the PDF
/// dump left after a full-width colon removed.
pub struct Source {
    lines: Vec<String>,
    flat: String,
}

impl Source {
    /// The source text `text`.
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().replace("： ", "："))
            .filter(|l| !l.is_empty())
            .collect();
        let flat = lines.concat();
        Self { lines, flat }
    }

    /// Its lines.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Whether `words` stand in the source: whole, or split by the PDF dump across two blocks
    /// (their head ends one source line, their tail starts another).
    pub fn contains(&self, words: &str) -> bool {
        self.flat.contains(words)
            || words.char_indices().skip(1).any(|(i, _)| {
                let (head, tail) = words.split_at(i);
                self.lines.iter().any(|l| l.ends_with(head))
                    && self.lines.iter().any(|l| l.starts_with(tail))
            })
    }
}

/// Sentence pieces: each ends after "。" or at the end of the text.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive('。')
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// Every folder of `stories/` with a data file, by name.
fn story_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("read stories/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("story.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The names of a story's drawings (`art/*.svg`).
fn drawings(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("art")) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .map(|p| {
            p.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Everything the page shows of a data file that must be the article's, with its place: whole
/// sentences (the byline, the description, headings, paragraphs, captions, steps, the full
/// story's title) and words of a sentence (the summary's labels).
fn shown(story: &StoryFile) -> Vec<(String, String, bool)> {
    let mut out = vec![
        ("byline".to_owned(), story.byline.clone(), true),
        ("description".to_owned(), story.description.clone(), true),
    ];
    for (i, item) in story.summary.items.iter().enumerate() {
        out.push((
            format!("summary.items[{i}].label"),
            item.label.clone(),
            false,
        ));
    }
    for (s, section) in story.sections.iter().enumerate() {
        let place = format!("sections[{s}] (id `{}`)", section.id);
        if let Some(h) = &section.heading {
            out.push((format!("{place}.heading"), h.clone(), true));
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let place = format!("{place}.blocks[{b}]");
            let figures = block.figure.iter().chain(block.gallery.iter().flatten());
            for f in figures {
                out.push((format!("{place} caption"), f.caption.clone(), true));
            }
            if let Some(p) = &block.p {
                out.push((format!("{place}.p"), story.plain(p), true));
            }
            for (i, step) in block.steps.iter().flatten().enumerate() {
                let text = story.plain(&step.text);
                out.push((format!("{place}.steps[{i}].text"), text, true));
            }
            if let Some(link) = &block.full_story {
                out.push((
                    format!("{place}.full_story.title"),
                    link.title.clone(),
                    true,
                ));
            }
        }
    }
    out
}

/// What is wrong with the story in `dir`: each problem with its place.
fn problems(dir: &Path) -> Vec<String> {
    let read = |file: &str| {
        std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
    };
    let story = match StoryFile::parse(&read("story.toml")) {
        Ok(story) => story,
        Err(e) => return vec![e],
    };
    // The compiled story's drawings are not this one's: its own are checked below.
    let mut out: Vec<String> = story
        .validate()
        .err()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| !e.contains(".art: unknown illustration"))
        .collect();
    let art = drawings(dir);
    let figures = story
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| b.figure.iter().chain(b.gallery.iter().flatten()));
    for f in figures.filter(|f| !art.contains(&f.art)) {
        out.push(format!(
            "figure `{}`: no drawing art/{}.svg",
            f.caption, f.art
        ));
    }
    let source = Source::new(&read("source.txt"));
    for (place, text, whole) in shown(&story) {
        let text = text.trim_start_matches('…');
        let pieces = if whole { sentences(text) } else { vec![text] };
        for piece in pieces.into_iter().filter(|p| !source.contains(p)) {
            out.push(format!("{place}: not in source.txt: {piece}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_story_validates_and_shows_only_its_source_s_words() {
        let dirs = story_dirs();
        assert!(dirs.len() >= 3, "{dirs:?}");
        for dir in dirs {
            assert_eq!(problems(&dir), Vec::<String>::new(), "{}", dir.display());
        }
    }

    /// What the check finds in a copy of the template story (in a folder of its own) whose file
    /// `file` has the first `from` replaced by `to`.
    fn broken_template(file: &str, from: &str, to: &str) -> Vec<String> {
        let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/_template");
        let dir = std::env::temp_dir().join(format!("story-check-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("art")).unwrap();
        for name in ["story.toml", "source.txt"] {
            let text = std::fs::read_to_string(template.join(name)).unwrap();
            let text = if name == file {
                text.replacen(from, to, 1)
            } else {
                text
            };
            std::fs::write(dir.join(name), text).unwrap();
        }
        for art in drawings(&template) {
            let name = format!("art/{art}.svg");
            std::fs::copy(template.join(&name), dir.join(&name)).unwrap();
        }
        let found = problems(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        found
    }

    #[test]
    fn the_check_finds_words_not_in_the_source_and_a_missing_drawing() {
        assert_eq!(broken_template("", "", ""), Vec::<String>::new());
        // A sentence of the data file that the source does not have.
        let found = broken_template("source.txt", "。", "！");
        assert!(
            found.iter().any(|p| p.contains("not in source.txt")),
            "{found:?}"
        );
        let found = broken_template("story.toml", "art = \"", "art = \"x-");
        assert!(
            found.iter().any(|p| p.contains("no drawing art/x-")),
            "{found:?}"
        );
    }

    fn story(name: &str) -> StoryFile {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("stories")
            .join(name);
        StoryFile::parse(&std::fs::read_to_string(dir.join("story.toml")).unwrap()).unwrap()
    }

    /// 《数说新城》 is drawn from the full story: its counters and its scenes' graphics (title,
    /// states, parts) are the full story's, declared the same; only the steps are fewer.
    #[test]
    fn the_short_edition_s_figures_and_graphics_are_the_full_story_s() {
        let (full, short) = (story("ruzhou"), story("shuzi"));
        for c in &short.counters {
            let same = full.counter(&c.id).map(|f| format!("{f:?}"));
            assert_eq!(same, Some(format!("{c:?}")), "counter `{}`", c.id);
        }
        let scenes = |s: &StoryFile| -> Vec<(String, String)> {
            let blocks = s.sections.iter().flat_map(|s| &s.blocks);
            blocks
                .filter_map(|b| {
                    let graphic = (&b.title, &b.states, b.schematic, &b.parts);
                    b.scene.clone().map(|name| (name, format!("{graphic:?}")))
                })
                .collect()
        };
        assert_eq!(scenes(&short), scenes(&full));
        assert_eq!(short.summary.items.len(), 3);
        let link = short.sections.last().unwrap().blocks.last().unwrap();
        assert_eq!(
            link.full_story
                .as_ref()
                .map(|l| (l.href.as_str(), l.title.as_str())),
            Some(("../", full.title.as_str()))
        );
    }

    #[test]
    fn words_split_across_two_lines_of_the_source_are_in_it() {
        let source = Source::new("甲乙丙。丁戊\n\n图片说明\n\n己庚。");
        assert!(source.contains("丁戊己庚。"));
        assert!(source.contains("甲乙丙。"));
        assert!(!source.contains("乙丁"));
        assert_eq!(sentences("甲。乙"), ["甲。", "乙"]);
    }
}
