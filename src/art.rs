//! The drawings that stand in for the story's photos, by name: the story's `art/*.svg`, which
//! `build.rs` reads, checks and paints in the page's light and dark colours (`src/art_paint.rs`);
//! the build (to validate and link the data file), the page (an image of each) and the prerender
//! step (which writes their files) all read this one table.

/// A drawing: its name in the data file, its size and its two painted files.
#[derive(Debug, PartialEq)]
pub struct Art {
    /// The name a figure's `art` uses (its file's name, without `.svg`).
    pub name: &'static str,
    /// Its `viewBox` width (the image's `width`).
    pub width: u32,
    /// Its `viewBox` height.
    pub height: u32,
    /// Painted in the page's light colours.
    pub light: ArtFile,
    /// Painted in its dark colours (`prefers-color-scheme: dark`).
    pub dark: ArtFile,
}

/// One painted file of a drawing.
#[derive(Debug, PartialEq)]
pub struct ArtFile {
    /// Its path beside the page, named by its content hash (`art/park-0123….svg`).
    pub path: &'static str,
    /// The whole `<svg>…</svg>`, colours in presentation attributes (no stylesheet, no class).
    pub svg: &'static str,
}

/// The index of the drawing called `name` in [`ART`].
pub fn index_of(name: &str) -> Option<usize> {
    ART.iter().position(|a| a.name == name)
}

/// The names of all drawings, for error messages.
pub fn names() -> Vec<&'static str> {
    ART.iter().map(|a| a.name).collect()
}

// `pub static ART: &[Art]`: every drawing of the story, by name. A figure's `art` in the data file
// must be one of these names (`build.rs` checks it and links the figure to its entry, so no figure
// can miss its drawing).
include!(concat!(env!("OUT_DIR"), "/art_data.rs"));

#[cfg(test)]
mod tests {
    #[test]
    fn every_drawing_is_painted_twice_without_style_or_class() {
        for art in super::ART {
            for file in [&art.light, &art.dark] {
                assert!(
                    file.svg.starts_with("<svg") && file.svg.ends_with("</svg>"),
                    "{}",
                    art.name
                );
                assert!(
                    !file.svg.contains("style") && !file.svg.contains("class="),
                    "{}: an image's colours are its own attributes",
                    art.name
                );
                assert!(file.path.starts_with(&format!("art/{}", art.name)));
                assert!(file.path.ends_with(".svg"));
            }
            assert_ne!(art.light.svg, art.dark.svg, "{}", art.name);
            assert_ne!(art.light.path, art.dark.path, "{}", art.name);
            assert_eq!(
                super::index_of(art.name).map(|i| super::ART[i].name),
                Some(art.name)
            );
        }
        assert_eq!(super::index_of("nope"), None);
    }
}
