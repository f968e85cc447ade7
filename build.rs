//! Reads the story `stories/$STORY/` (`STORY` from the environment; its default is in
//! `.cargo/config.toml`): its data file `story.toml`, read with serde and validated, and its
//! drawings `art/*.svg`; writes them out as static Rust data (`$OUT_DIR/story_data.rs`, included by
//! `src/story.rs`, and `$OUT_DIR/art_data.rs`, by `src/art.rs`). A wrong data file fails the build
//! here, with messages that name the field. The code knows no story: everything of one is in its
//! folder.
//!
//! Each figure's photo is read too (`src/photo_file.rs`): its size as shown and a hash of its
//! bytes go into the story data; a photo the page cannot use fails the build, naming the figure.

#[path = "src/art_paint.rs"]
mod art_paint;
#[path = "src/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/photo_file.rs"]
#[allow(dead_code)]
mod photo_file;
#[path = "src/states.rs"]
#[allow(dead_code)]
mod states;
#[path = "src/story_errors.rs"]
mod story_errors;
#[path = "src/story_link.rs"]
mod story_link;
#[path = "src/story_model.rs"]
mod story_model;
#[path = "src/story_source.rs"]
#[allow(dead_code)]
mod story_source;
#[path = "src/ui_text.rs"]
#[allow(dead_code)]
mod ui_text;

/// The story's drawings by name, for the data file's validation (`story_model` asks
/// `crate::art` as the crate's own `src/art.rs` answers it there).
mod art {
    use std::sync::OnceLock;

    /// The names of the story's drawings, in [`super::Art`] order (set once, before validating).
    pub static NAMES: OnceLock<Vec<String>> = OnceLock::new();

    /// The index of the drawing called `name`.
    pub fn index_of(name: &str) -> Option<usize> {
        NAMES.get()?.iter().position(|n| n == name)
    }

    /// The names of all drawings, for error messages.
    pub fn names() -> Vec<&'static str> {
        NAMES
            .get()
            .map(|names| names.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use story_errors::Problem;
use story_model::{BlockSpec, CounterSpec, FigureSpec, ItemSpec, PartSpec, Segment, StoryFile};

/// A drawing of the story (`art/<name>.svg`).
struct Art {
    /// Its name: the file's, without `.svg`.
    name: String,
    /// The whole `<svg>…</svg>`, its lines joined.
    svg: String,
}

/// A drawing painted in the page's light and dark colours (`src/art_paint.rs`): its size and
/// both files' names and markup.
struct Painted {
    name: String,
    width: u32,
    height: u32,
    light: (String, String),
    dark: (String, String),
}

/// The story's drawings painted, each file named by its content hash (cached for good: a new
/// drawing or colour is a new name). A class without a rule, or a colour the stylesheet lacks,
/// fails the build naming the drawing.
fn paint_art(art: &[Art], dir: &Path) -> Vec<Painted> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let read = |f: &str| {
        std::fs::read_to_string(root.join(f)).unwrap_or_else(|e| fail(f, &[format!("{e}")]))
    };
    let (page, classes) = (read("public/style.css"), read("src/art.css"));
    let rules = art_paint::rules(&classes).unwrap_or_else(|e| fail("src/art.css", &[e]));
    let palette =
        |dark| art_paint::palette(&page, dark).unwrap_or_else(|e| fail("public/style.css", &[e]));
    let (light, dark) = (palette(false), palette(true));
    let mut errors = Vec::new();
    let painted = art
        .iter()
        .filter_map(|a| {
            let made = (|| {
                let size = art_paint::view_box(&a.svg).ok_or("needs a `viewBox=\"0 0 W H\"`")?;
                let file = |vars: &[(String, String)], suffix: &str| {
                    let svg = art_paint::sized(&art_paint::paint(&a.svg, &rules, vars)?, size)?;
                    let hash = format!("{:016x}", photo_file::fnv1a(svg.as_bytes()));
                    Ok::<_, String>((format!("art/{}{suffix}-{hash}.svg", a.name), svg))
                };
                let (width, height) = size;
                Ok::<_, String>(Painted {
                    name: a.name.clone(),
                    width,
                    height,
                    light: file(&light, "")?,
                    dark: file(&dark, "-dark")?,
                })
            })();
            made.map_err(|e| errors.push(format!("{}.svg: {e}", a.name)))
                .ok()
        })
        .collect();
    if !errors.is_empty() {
        fail(&dir.display().to_string(), &errors);
    }
    painted
}

fn main() {
    println!("cargo:rerun-if-env-changed=STORY");
    println!("cargo:rerun-if-changed=src/story_model.rs");
    for file in [
        "src/art_paint.rs",
        "src/art.css",
        "public/style.css",
        "src/format.rs",
        "src/photo_file.rs",
        "src/states.rs",
        "src/story_errors.rs",
        "src/story_link.rs",
        "src/story_source.rs",
        "src/ui_text.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let name = std::env::var("STORY").unwrap_or_default();
    if !is_story_name(&name) {
        fail(
            "STORY",
            &[format!(
                "`{name}` is not a story's name (a folder of stories/: lower-case letters, digits, \
                 `-` and `_`); the default is in .cargo/config.toml"
            )],
        );
    }
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"))
        .join("stories")
        .join(&name);
    let data = dir.join("story.toml");
    let shown = format!("stories/{name}/story.toml");
    for path in [
        &data,
        &dir.join("art"),
        &dir.join("photos"),
        &dir.join("source.txt"),
    ] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    // The tests check the story against its own source text and data file.
    println!("cargo:rustc-env=STORY_DIR={}", dir.display());
    let art = read_art(&dir.join("art"));
    art::NAMES
        .set(art.iter().map(|a| a.name.clone()).collect())
        .expect("set once");
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| fail(&shown, &[format!("cannot read {}: {e}", path.display())]))
    };
    let (text, source) = (read(&data), read(&dir.join("source.txt")));
    let story =
        StoryFile::check(&text, &source).unwrap_or_else(|problems| fail_on(&shown, &problems));
    let photos = read_photos(&story, &dir, &name).unwrap_or_else(|e| fail(&shown, &e));
    PHOTOS.set(photos).expect("set once");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("story_data.rs"), generate(&story, &shown))
        .expect("write story_data.rs");
    std::fs::write(
        out.join("art_data.rs"),
        art_table(&paint_art(&art, &dir.join("art"))),
    )
    .expect("write art_data.rs");
}

/// Prints each mistake of the data file as a compiler does (`error: FILE:LINE: FIELD: MESSAGE`,
/// then its hint), and stops the build (with no backtrace: the messages are all there is to read).
fn fail_on(file: &str, problems: &[Problem]) -> ! {
    for p in problems {
        eprintln!("{}", p.render(file));
    }
    stop(file, problems.len())
}

/// Prints each of the story's other mistakes (its name, its drawings, its photos) under its file,
/// and stops the build.
fn fail(file: &str, errors: &[String]) -> ! {
    for e in errors {
        eprintln!("error: {file}: {e}");
    }
    stop(file, errors.len())
}

/// Stops the build after `n` mistakes were printed.
fn stop(file: &str, n: usize) -> ! {
    eprintln!(
        "{file}: {n} mistake{} to fix (see \"The story data\" in README.md)",
        if n == 1 { "" } else { "s" }
    );
    std::process::exit(1);
}

/// A folder name of `stories/`: lower-case letters, digits, `-` and `_`.
fn is_story_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The story's drawings, `art/*.svg` by name (none without the folder). Each file is one `<svg>`
/// element, its lines joined without their line breaks and indentation; it may hold no script,
/// style attribute or event handler (the page's CSP would refuse them).
fn read_art(dir: &Path) -> Vec<Art> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .collect();
    files.sort();
    let mut errors = Vec::new();
    let art: Vec<Art> = files
        .iter()
        .map(|path| {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let svg: String = text.lines().map(str::trim).collect();
            let lower = svg.to_ascii_lowercase();
            if !is_story_name(&name) {
                errors.push(format!(
                    "{name}.svg: a drawing's name is lower-case letters, digits and `-`"
                ));
            }
            if !(svg.starts_with("<svg") && svg.ends_with("</svg>")) {
                errors.push(format!("{name}.svg: must be one <svg>…</svg> element"));
            }
            if lower.contains("<script")
                || lower.contains("style=")
                || lower.contains("<style")
                || has_event_handler(&lower)
            {
                errors.push(format!(
                    "{name}.svg: no <script>, <style>, style= or on…= (the page's CSP refuses them)"
                ));
            }
            Art {
                name: name.into_owned(),
                svg,
            }
        })
        .collect();
    if !errors.is_empty() {
        fail(&dir.display().to_string(), &errors);
    }
    art
}

/// Whether some lower-case markup has an attribute `on…=` (an inline event handler).
fn has_event_handler(markup: &str) -> bool {
    markup.match_indices("on").any(|(i, _)| {
        let before = markup[..i].chars().next_back();
        let name_end = markup[i + 2..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(markup.len(), |n| i + 2 + n);
        before.is_some_and(|c| c.is_whitespace() || c == '/')
            && name_end > i + 2
            && markup[name_end..].trim_start().starts_with('=')
    })
}

/// `ART`, the story's drawings, for `src/art.rs`.
fn art_table(art: &[Painted]) -> String {
    let mut out = String::from("// @generated by build.rs from the story's art/*.svg\n");
    let _ = writeln!(
        out,
        "/// The story's drawings, by name.\npub static ART: &[Art] = &["
    );
    for a in art {
        let _ = writeln!(
            out,
            "    Art {{ name: {:?}, width: {}, height: {}, light: ArtFile {{ path: {:?}, svg: {:?} }}, dark: ArtFile {{ path: {:?}, svg: {:?} }} }},",
            a.name, a.width, a.height, a.light.0, a.light.1, a.dark.0, a.dark.1
        );
    }
    out.push_str("];\n");
    out
}

/// The story's photos by their `image` path: each file's size as shown and hash.
static PHOTOS: OnceLock<HashMap<String, photo_file::PhotoFile>> = OnceLock::new();

/// Reads every figure's photo (`image`) in `dir` (story `name`'s folder); an error, naming the
/// figure, for each that is missing, unreadable, too small, or not a JPEG or PNG.
fn read_photos(
    story: &StoryFile,
    dir: &Path,
    name: &str,
) -> Result<HashMap<String, photo_file::PhotoFile>, Vec<String>> {
    let mut photos = HashMap::new();
    let mut errors = Vec::new();
    for (s, section) in story.sections.iter().enumerate() {
        for (b, block) in section.blocks.iter().enumerate() {
            let place = format!("sections[{s}] (id `{}`).blocks[{b}]", section.id);
            for (place, src) in block
                .figures(&place)
                .filter_map(|(p, f)| Some((p, f.image.as_ref()?)))
            {
                println!("cargo:rerun-if-changed={}", dir.join(src).display());
                let read = std::fs::read(dir.join(src)).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => format!("is not a file of stories/{name}/"),
                    _ => format!("cannot be read: {e}"),
                });
                match read.and_then(|bytes| photo_file::inspect(&bytes)) {
                    Ok(photo) => drop(photos.insert(src.clone(), photo)),
                    Err(e) => errors.push(format!("{place}.image: `{src}` {e}")),
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(photos)
    } else {
        Err(errors)
    }
}

/// Rust source for the validated story: `COUNTERS` and `STORY`, using the types of `src/story.rs`.
fn generate(story: &StoryFile, file: &str) -> String {
    let mut out = format!("// @generated by build.rs from {file}\n");
    let index = |id: &str| {
        story
            .counters
            .iter()
            .position(|c| c.id == id)
            .expect("validated id")
    };
    let _ = writeln!(
        out,
        "/// Every figure of the data file, in its order.\npub static COUNTERS: [Counter; {}] = [",
        story.counters.len()
    );
    for c in &story.counters {
        let _ = writeln!(out, "    {},", counter(c));
    }
    out.push_str(
        "];\n\n/// The story, as the data file gives it.\npub static STORY: Story = Story {\n",
    );
    let _ = writeln!(
        out,
        "    title: {},\n    byline: {},\n    description: {},",
        words(&story.title),
        words(&story.byline),
        words(&story.description)
    );
    let authors: Vec<String> = story
        .authors
        .iter()
        .map(|a| {
            format!(
                "Author {{ name: {}, role: {} }}",
                words(&a.name),
                words(&a.role)
            )
        })
        .collect();
    let _ = writeln!(out, "    authors: &[{}],", authors.join(", "));
    let _ = writeln!(
        out,
        "    summary_heading: {},\n    summary: &[",
        words(&story.summary.heading)
    );
    for item in &story.summary.items {
        let _ = writeln!(
            out,
            "        SummaryItem {{ counter: &COUNTERS[{}], label: {} }},",
            index(&item.counter),
            words(&item.label)
        );
    }
    out.push_str("    ],\n    sections: &[\n");
    for s in &story.sections {
        let _ = writeln!(
            out,
            "        Section {{ id: {:?}, heading: {}, blocks: &[",
            s.id,
            s.heading
                .as_deref()
                .map_or("None".into(), |h| format!("Some({})", words(h)))
        );
        for b in &s.blocks {
            let _ = writeln!(out, "            {},", block(b, &index));
        }
        out.push_str("        ] },\n");
    }
    out.push_str("    ],\n};\n");
    out
}

fn counter(c: &CounterSpec) -> String {
    let value = match (&c.text, c.value) {
        (Some(t), _) => format!("Value::Fact({t:?})"),
        (None, v) => format!(
            "Value::Number {{ value: {:?}, decimals: {} }}",
            v.unwrap_or(0.0),
            c.decimals
        ),
    };
    format!(
        "Counter {{ id: {:?}, before: {:?}, value: {value}, after: {:?}, counts: {} }}",
        c.id,
        c.before,
        c.after,
        c.text.is_none() && !c.fact
    )
}

/// A string literal of the article's words (or text made from them). The `hydrate` build gets
/// `""`: the page it hydrates already has the words, and none of the parts it hydrates reads them
/// (`src/islands.rs`), so the wasm need not carry a second copy of the article.
fn words(text: &str) -> String {
    if std::env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        "\"\"".into()
    } else {
        format!("{text:?}")
    }
}

/// `&[Inline::…, …]` for a paragraph or step text.
fn inlines(text: &str, index: &dyn Fn(&str) -> usize) -> String {
    let segs = story_model::segments(text).expect("validated paragraph");
    let inner: Vec<String> = segs
        .iter()
        .map(|s| match s {
            Segment::Text(t) => format!("Inline::Text({})", words(t)),
            Segment::Counter(id) => format!("Inline::Counter(&COUNTERS[{}])", index(id)),
            Segment::Gap => "Inline::Gap".into(),
        })
        .collect();
    format!("&[{}]", inner.join(", "))
}

fn figure(f: &FigureSpec) -> String {
    let image = match &f.image {
        Some(src) => {
            let photo = &PHOTOS.get().expect("photos read")[src];
            format!(
                "Some(Image {{ src: {src:?}, width: {}, height: {}, hash: {:#x} }})",
                photo.width, photo.height, photo.hash
            )
        }
        None => "None".into(),
    };
    let art = art::index_of(&f.art).expect("validated drawing");
    format!(
        "Figure {{ caption: {}, art_index: {art}, image: {image} }}",
        words(&f.caption)
    )
}

fn block(b: &BlockSpec, index: &dyn Fn(&str) -> usize) -> String {
    if let Some(p) = &b.p {
        format!("Block::Paragraph({})", inlines(p, index))
    } else if let Some(f) = &b.figure {
        format!("Block::Figure({})", figure(f))
    } else if let Some(name) = &b.scene {
        scene(name, b, index)
    } else if let Some(figures) = &b.gallery {
        let figures: Vec<String> = figures.iter().map(figure).collect();
        format!("Block::Gallery(&[{}])", figures.join(", "))
    } else if let Some(link) = &b.full_story {
        format!(
            "Block::FullStory(FullStory {{ href: {:?}, title: {} }})",
            link.href,
            words(&link.title)
        )
    } else {
        "Block::Summary".into()
    }
}

/// `Block::Scene(…)` for a validated scene. The `hydrate` build gets no parts: it never draws
/// the graphics (the page it hydrates has them), so the wasm need not carry them.
fn scene(name: &str, b: &BlockSpec, index: &dyn Fn(&str) -> usize) -> String {
    let states = b.states.as_deref().unwrap_or_default();
    let steps: Vec<String> = b
        .steps
        .iter()
        .flatten()
        .map(|s| {
            let state = states.iter().position(|n| *n == s.state);
            format!(
                "Step {{ state: {}, inlines: {} }}",
                state.expect("validated state"),
                inlines(&s.text, index)
            )
        })
        .collect();
    let parts: Vec<String> = if std::env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        Vec::new()
    } else {
        b.parts
            .iter()
            .flatten()
            .map(|p| part(p, states, index))
            .collect()
    };
    format!(
        "Block::Scene(Scene {{ name: {name:?}, title: {}, states: &{states:?}, schematic: {}, parts: &[{}], steps: &[{}] }})",
        words(b.title.as_deref().unwrap_or_default()),
        b.schematic.unwrap_or(false),
        parts.join(", "),
        steps.join(", ")
    )
}

/// `Part { … }` for a validated part of a graphic shown in `states`.
fn part(p: &PartSpec, states: &[String], index: &dyn Fn(&str) -> usize) -> String {
    let shows = states::shows(
        states,
        p.from.as_deref(),
        p.until.as_deref(),
        p.states.as_deref(),
    )
    .expect("validated states");
    let kind = match p.kind.as_str() {
        "icons" => format!(
            "Kind::Icons(Icon::{})",
            capitalised(p.icon.as_deref().unwrap_or_default())
        ),
        name => format!("Kind::{}", capitalised(name)),
    };
    let template = |t: &Option<String>| t.as_deref().map_or("&[]".into(), |t| inlines(t, index));
    let item = |i: &ItemSpec| {
        let mask = i.from.as_deref().map_or(shows, |from| {
            shows & states::shows(states, Some(from), None, None).expect("validated state")
        });
        format!(
            "Item {{ value: {}, label: {}, shows: {mask} }}",
            figure_ref(i.value.as_deref(), index),
            template(&i.label)
        )
    };
    let items: Vec<String> = p.items.iter().flatten().map(item).collect();
    let names: Vec<String> = p.names.iter().flatten().map(|n| words(n)).collect();
    let optional = |i: &Option<ItemSpec>| {
        i.as_ref()
            .map_or("None".into(), |i| format!("Some({})", item(i)))
    };
    format!(
        "Part {{ kind: {kind}, shows: {shows}, label: {}, note: {}, value: {}, per: {}, count: {}, items: &[{}], names: &[{}], band: {}, highlight: {} }}",
        template(&p.label),
        template(&p.note),
        figure_ref(p.value.as_deref(), index),
        p.per.unwrap_or(0),
        p.count.unwrap_or(0),
        items.join(", "),
        names.join(", "),
        optional(&p.band),
        optional(&p.highlight)
    )
}

/// `Some(&COUNTERS[i])` for a counter id, or `None`.
fn figure_ref(id: Option<&str>, index: &dyn Fn(&str) -> usize) -> String {
    id.map_or("None".into(), |id| {
        format!("Some(&COUNTERS[{}])", index(id))
    })
}

/// `units` → `Units`.
fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}
