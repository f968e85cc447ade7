//! The inline-SVG drawings that stand in for the article's photos, by name: one table that the
//! build (`build.rs`, to validate and link the data file) and the page both read.

/// A drawing: its name in the data file and its SVG markup.
#[derive(Debug, PartialEq)]
pub struct Art {
    /// The name a figure's `art` uses.
    pub name: &'static str,
    /// The whole `<svg>…</svg>`.
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

/// Wraps an SVG body in the shared frame: 16:9, scalable, colours from the stylesheet's classes
/// (`sky`, `gd` ground, `ln` lines, `ac` accent, `lt` light fill), so dark mode recolours them.
macro_rules! svg {
    ($($body:literal)+) => {
        concat!(
            r#"<svg viewBox="0 0 320 180" xmlns="http://www.w3.org/2000/svg" focusable="false">"#,
            r#"<rect class="sky" width="320" height="180"/><rect class="gd" y="132" width="320" height="48"/>"#,
            $($body,)+
            "</svg>"
        )
    };
}

/// Every drawing, by name. A figure's `art` in the data file must be one of these names
/// (`build.rs` checks it and links the figure to its entry, so no figure can miss its drawing).
pub static ART: &[Art] = &[
    Art {
        name: "road-upgrade",
        svg: svg!(
            r#"<path class="lt" d="M120 132 L200 132 L290 180 L30 180Z"/>"#
            r#"<path class="ln dash" d="M160 134 L160 180"/>"#
            r#"<rect class="ac" x="200" y="104" width="46" height="20" rx="3"/><rect class="ac" x="232" y="88" width="14" height="18"/>"#
            r#"<circle class="ln fill" cx="206" cy="128" r="10"/><circle class="ln fill" cx="240" cy="128" r="10"/>"#
            r#"<path class="ac" d="M70 150 l6 -18 l6 18Z M96 142 l5 -14 l5 14Z"/>"#
            r#"<path class="ln" d="M20 132 C60 120 90 126 120 132 M200 132 C240 124 280 122 310 132"/>"#
        ),
    },
    Art {
        name: "road-works",
        svg: svg!(
            r#"<path class="lt" d="M0 150 L320 150 L320 172 L0 172Z"/><path class="ln dash" d="M0 161 L320 161"/>"#
            r#"<rect class="ac" x="150" y="102" width="60" height="30" rx="4"/><rect class="lt ln" x="182" y="86" width="24" height="20"/>"#
            r#"<path class="ln thick" d="M152 108 L112 76 L84 104"/><path class="ac" d="M74 100 l18 0 l-4 16 l-14 0Z"/>"#
            r#"<rect class="ln fill" x="146" y="130" width="70" height="10" rx="5"/>"#
            r#"<path class="ln" d="M236 132 l0 -22 l44 0 l0 22 M236 118 l44 0"/><path class="ac" d="M246 110 l6 -10 l6 10Z M266 110 l6 -10 l6 10Z"/>"#
        ),
    },
    Art {
        name: "park",
        svg: svg!(
            r#"<path class="lt" d="M40 180 C100 150 180 160 200 132 L230 132 C210 168 140 170 110 180Z"/>"#
            r#"<circle class="ac" cx="60" cy="98" r="24"/><circle class="ac" cx="96" cy="110" r="16"/><circle class="ac" cx="262" cy="96" r="26"/>"#
            r#"<path class="ln" d="M60 122 L60 140 M96 126 L96 140 M262 122 L262 140"/>"#
            r#"<path class="ln fill" d="M150 82 L190 64 L230 82Z"/><path class="ln" d="M160 82 L160 132 M220 82 L220 132 M156 100 L224 100"/>"#
        ),
    },
    Art {
        name: "housing",
        svg: svg!(
            r#"<rect class="lt ln" x="40" y="50" width="70" height="82"/><rect class="lt ln" x="125" y="30" width="70" height="102"/><rect class="lt ln" x="210" y="60" width="70" height="72"/>"#
            r#"<path class="ln dash" d="M52 66 h46 M52 82 h46 M52 98 h46 M52 114 h46 M137 46 h46 M137 62 h46 M137 78 h46 M137 94 h46 M137 110 h46 M222 76 h46 M222 92 h46 M222 108 h46"/>"#
            r#"<circle class="ac" cx="26" cy="122" r="12"/><circle class="ac" cx="296" cy="120" r="14"/>"#
        ),
    },
    Art {
        name: "groundbreaking",
        svg: svg!(
            r#"<rect class="ac" x="70" y="70" width="180" height="30" rx="3"/><path class="ln" d="M80 100 L80 132 M240 100 L240 132"/>"#
            r#"<path class="ln" d="M40 132 L40 52 M280 132 L280 52"/><path class="ac" d="M40 52 l24 8 l-24 8Z M280 52 l24 8 l-24 8Z"/>"#
            r#"<path class="ln thick" d="M120 150 L132 118 M160 150 L160 116 M200 150 L188 118"/><path class="lt ln" d="M112 150 h16 l-4 12 h-8Z M152 150 h16 l-4 12 h-8Z M192 150 h16 l-4 12 h-8Z"/>"#
        ),
    },
    Art {
        name: "toll-station",
        svg: svg!(
            r#"<path class="ac" d="M30 62 L290 62 L282 76 L38 76Z"/><path class="ln" d="M60 76 L60 132 M130 76 L130 132 M190 76 L190 132 M260 76 L260 132"/>"#
            r#"<rect class="lt ln" x="84" y="104" width="22" height="28"/><rect class="lt ln" x="214" y="104" width="22" height="28"/>"#
            r#"<path class="lt" d="M20 180 L60 132 L260 132 L300 180Z"/><path class="ln dash" d="M160 136 L160 180 M110 136 L92 180 M210 136 L228 180"/>"#
        ),
    },
    Art {
        name: "cranes",
        svg: svg!(
            r#"<path class="ln" d="M80 132 L80 30 M60 38 L200 38 M80 30 L200 38 M80 30 L60 38"/><path class="ln thin" d="M150 38 L150 76"/><rect class="ac" x="140" y="76" width="20" height="8"/>"#
            r#"<path class="ln" d="M230 132 L230 52 M200 60 L300 60 M230 52 L300 60"/><path class="ln thin" d="M272 60 L272 90"/>"#
            r#"<rect class="lt ln" x="110" y="92" width="70" height="40"/><path class="ln dash" d="M110 106 h70 M110 120 h70 M133 92 v40 M156 92 v40"/>"#
            r#"<rect class="lt ln" x="246" y="100" width="50" height="32"/><path class="ln" d="M76 36 h8 v8 h-8Z"/>"#
        ),
    },
    Art {
        name: "workshop",
        svg: svg!(
            r#"<path class="lt ln" d="M20 132 L20 60 L70 40 L70 60 L120 40 L120 60 L170 40 L170 60 L220 40 L220 60 L270 40 L270 60 L300 60 L300 132Z"/>"#
            r#"<rect class="ac" x="44" y="100" width="54" height="32" rx="3"/><rect class="ac" x="132" y="96" width="54" height="36" rx="3"/><rect class="ac" x="220" y="100" width="54" height="32" rx="3"/>"#
            r#"<path class="ln dash" d="M30 150 L300 150"/><circle class="ln fill" cx="114" cy="92" r="6"/><path class="ln" d="M114 98 L114 124"/>"#
        ),
    },
    Art {
        name: "embroidery-park",
        svg: svg!(
            r#"<rect class="lt ln" x="30" y="70" width="170" height="62"/><path class="ac" d="M30 70 L60 50 L60 70 L90 50 L90 70 L120 50 L120 70 L150 50 L150 70 L180 50 L180 70Z"/>"#
            r#"<path class="ln dash" d="M46 92 h138 M46 112 h138"/>"#
            r#"<path class="ln thick" d="M236 40 L286 128"/><ellipse class="sky ln" cx="240" cy="48" rx="3" ry="6" transform="rotate(-30 240 48)"/>"#
            r#"<path class="ac-ln" d="M238 46 C210 70 300 80 260 110 C230 130 300 140 300 160"/>"#
        ),
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_drawing_is_an_svg_without_inline_style() {
        assert_eq!(super::ART.len(), 9);
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
