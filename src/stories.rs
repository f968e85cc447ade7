//! Tests of every story of `stories/`, read from its folder at test time (whichever story this
//! build compiled): its data file parses and validates, its figures' drawings are its own, and
//! every sentence it shows is a sentence of its own source text (`source.txt`): the words of a
//! story, the short editions' included, are the article's. (The title is the editor's: a short
//! edition's is given it.)

use crate::story_model::StoryFile;
use std::path::{Path, PathBuf};

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

/// What is wrong with the story in `dir`, each problem as the build prints it: the data file's
/// check against its own source text ([`StoryFile::check`]), and its figures' drawings, which
/// must be its own (`art/*.svg`; the check's own look-up knows the compiled story's only).
fn problems(dir: &Path) -> Vec<String> {
    let read = |file: &str| {
        std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
    };
    let file = dir.join("story.toml").display().to_string();
    let (text, source) = (read("story.toml"), read("source.txt"));
    let mut out: Vec<String> = match StoryFile::check(&text, &source) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .iter()
            .filter(|p| !p.message.starts_with("unknown illustration"))
            .map(|p| p.render(&file))
            .collect(),
    };
    let Ok(story) = StoryFile::parse(&text) else {
        return out;
    };
    let art = drawings(dir);
    let figures = story
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| b.figures("").map(|(_, f)| f));
    for f in figures.filter(|f| !art.contains(&f.art)) {
        out.push(format!(
            "figure `{}`: no drawing art/{}.svg",
            f.caption, f.art
        ));
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
            found
                .iter()
                .any(|p| p.contains("is not in the source text")),
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

    /// 《数说新城》, built from its data file alone (no Rust of its own), draws every kind of
    /// graphic the engine has: a new kind that no story uses fails here.
    #[test]
    fn the_short_edition_uses_every_graphic_kind() {
        let short = story("shuzi");
        let used: std::collections::BTreeSet<&str> = short
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .flat_map(|b| b.parts.iter().flatten())
            .map(|p| p.kind.as_str())
            .collect();
        let kinds: std::collections::BTreeSet<&str> =
            crate::story_model::KINDS.iter().map(|k| k.name).collect();
        assert_eq!(used, kinds);
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
}
