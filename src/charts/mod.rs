//! The scenes' data graphics as SVG markup (640 × 400 viewBox units), built by plain functions:
//! the server renders them into the page and the browser's copy only hydrates around them, so the
//! graphics cost the wasm no view code. Numbers come from the story's counters, names from the
//! scene's `labels`, scales from [`crate::scale`] (whole units: no float formatting).
//!
//! Each state's additions are a layer `<g class="layer" data-from="N">`, N being the index of the
//! state at which it appears; the stylesheet hides the layers above the scene's `data-at`
//! (see `public/style.css`, which handles up to [`MAX_STATES`] states).

//! The markup is static: the server writes it, and a hydrating client adopts the server's nodes as
//! they are (Leptos never re-applies `inner_html` or text when hydrating from server HTML), so the
//! `hydrate` build leaves the builders out ([`Chart::adopted`]); client-side rendering (`csr`, the
//! browser tests) builds them like the server.

#[cfg(not(feature = "hydrate"))]
mod departments;
#[cfg(not(feature = "hydrate"))]
mod financing;
#[cfg(not(feature = "hydrate"))]
mod greening;
#[cfg(not(feature = "hydrate"))]
mod ranking;
#[cfg(not(feature = "hydrate"))]
mod roads;

#[cfg(not(feature = "hydrate"))]
use crate::graphics::Graphic;
#[cfg(not(feature = "hydrate"))]
use crate::prerender::escape;
use crate::story::Scene;
#[cfg(not(feature = "hydrate"))]
use std::fmt::Write as _;

/// The most states a graphic may have: the stylesheet's `data-at` / `data-from` rules cover this many.
pub const MAX_STATES: usize = 6;

/// A graphic ready for the page.
#[derive(Debug)]
pub struct Chart {
    /// The `<svg>…</svg>` markup with all layers.
    pub svg: String,
    /// Its text equivalent: the article's words and numbers it shows.
    pub caption: String,
}

impl Chart {
    /// The chart of a page being hydrated: the server's markup and caption stay as they are.
    #[cfg(feature = "hydrate")]
    pub fn adopted(_: &Scene) -> Self {
        Self {
            svg: String::new(),
            caption: String::new(),
        }
    }
}

/// The chart of a scene.
#[cfg(not(feature = "hydrate"))]
pub fn chart(scene: &Scene) -> Chart {
    match scene.graphic {
        Graphic::Ranking => ranking::chart(scene),
        Graphic::Roads => roads::chart(scene),
        Graphic::Greening => greening::chart(scene),
        Graphic::Financing => financing::chart(scene),
        Graphic::Departments => departments::chart(scene),
    }
}

#[cfg(not(feature = "hydrate"))]
/// Builds an `<svg>` layer by layer.
struct Svg {
    out: String,
    states: &'static [&'static str],
}

#[cfg(not(feature = "hydrate"))]
impl Svg {
    /// A new SVG for `graphic`, named by its title.
    fn new(graphic: Graphic) -> Self {
        let spec = graphic.spec();
        Self {
            out: format!(
                "<svg class=\"graphic\" viewBox=\"0 0 640 400\" role=\"img\" aria-label=\"{}\" focusable=\"false\">",
                escape(spec.title)
            ),
            states: spec.states,
        }
    }

    /// Adds what appears at the state called `state`.
    fn layer(&mut self, state: &str, parts: &[String]) {
        let from = self
            .states
            .iter()
            .position(|s| *s == state)
            .unwrap_or_else(|| panic!("`{state}` is not a state of this graphic"));
        let _ = write!(self.out, "<g class=\"layer\" data-from=\"{from}\">");
        for part in parts {
            self.out.push_str(part);
        }
        self.out.push_str("</g>");
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

#[cfg(not(feature = "hydrate"))]
/// How text is anchored at its `x`.
#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

#[cfg(not(feature = "hydrate"))]
/// A `<text>` of class `class` at `(x, y)`.
fn text(class: &str, x: u32, y: u32, anchor: Anchor, content: &str) -> String {
    let anchor = match anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    format!(
        "<text class=\"{class}\" x=\"{x}\" y=\"{y}\"{anchor}>{}</text>",
        escape(content)
    )
}

#[cfg(not(feature = "hydrate"))]
/// A `<rect>` of class `class`, with corner radius `rx` (0 for none).
fn rect(class: &str, (x, y): (u32, u32), (w, h): (u32, u32), rx: u32) -> String {
    let rx = if rx > 0 {
        format!(" rx=\"{rx}\"")
    } else {
        String::new()
    };
    format!("<rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"{rx}/>")
}

#[cfg(not(feature = "hydrate"))]
/// A `<path>` of class `class`.
fn path(class: &str, d: &str) -> String {
    format!("<path class=\"{class}\" d=\"{d}\"/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn scene(graphic: Graphic) -> &'static Scene {
        crate::story::scene(graphic).expect("a scene with this graphic")
    }

    /// The attribute values of `attr` on elements of class `class`, in order.
    pub(super) fn attrs(svg: &str, class: &str, attr: &str) -> Vec<String> {
        svg.split(&format!("class=\"{class}\""))
            .skip(1)
            .filter_map(|rest| {
                let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
                let start = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
                Some(tag[start..start + tag[start..].find('"')?].to_owned())
            })
            .collect()
    }

    #[test]
    fn every_scene_has_a_chart_with_a_layer_per_state() {
        for g in crate::graphics::GRAPHICS {
            assert!(
                g.states.len() <= MAX_STATES,
                "{}: the stylesheet covers {MAX_STATES} states",
                g.name
            );
            let chart = chart(scene(g.graphic));
            assert!(chart.svg.starts_with("<svg") && chart.svg.ends_with("</svg>"));
            assert!(
                !chart.svg.contains("style="),
                "{}: inline style breaks the CSP",
                g.name
            );
            for i in 0..g.states.len() {
                assert!(
                    chart.svg.contains(&format!("data-from=\"{i}\"")),
                    "{}: nothing appears at state {}",
                    g.name,
                    g.states[i]
                );
            }
            assert!(!chart.caption.is_empty());
            assert_eq!(
                g.schematic,
                chart.caption.starts_with("示意图"),
                "{}",
                g.name
            );
        }
    }

    #[test]
    fn the_stylesheet_hides_layers_above_the_state_for_every_state() {
        let css = include_str!("../../public/style.css");
        for at in 0..MAX_STATES - 1 {
            for from in at + 1..MAX_STATES {
                let rule = format!("[data-at=\"{at}\"] [data-from=\"{from}\"]");
                assert!(css.contains(&rule), "missing {rule}");
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            text("t", 1, 2, Anchor::End, "a<b & “c”"),
            "<text class=\"t\" x=\"1\" y=\"2\" text-anchor=\"end\">a&lt;b &amp; “c”</text>"
        );
    }
}
