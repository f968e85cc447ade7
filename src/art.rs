//! The inline-SVG drawings that stand in for the story's photos, by name: the story's
//! `art/*.svg`, which `build.rs` reads and checks; the build (to validate and link the data file)
//! and the page both read this one table.

/// A drawing: its name in the data file and its SVG markup.
#[derive(Debug, PartialEq)]
pub struct Art {
    /// The name a figure's `art` uses (its file's name, without `.svg`).
    pub name: &'static str,
    /// The whole `<svg>…</svg>`. Its colours come from the stylesheet's classes (`sky`, `gd`
    /// ground, `ln` lines, `ac` accent, `lt` light fill), so dark mode recolours them.
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
    fn every_drawing_is_an_svg_without_inline_style() {
        for art in super::ART {
            assert!(
                art.svg.starts_with("<svg") && art.svg.ends_with("</svg>"),
                "{}",
                art.name
            );
            assert!(
                !art.svg.contains("style="),
                "{}: inline style attributes break a strict CSP",
                art.name
            );
            assert_eq!(
                super::index_of(art.name).map(|i| super::ART[i].name),
                Some(art.name)
            );
        }
        assert_eq!(super::index_of("nope"), None);
    }
}
