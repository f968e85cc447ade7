//! `bars`: a bar per item, all on **one** scale (the largest figure is the full width). A figure
//! the article gives as approximate ends open: 近 (a little under) is dashed over its last stretch,
//! 余 (somewhat over) dashed beyond its value.

use super::{label, note, Ctx, Markup};
use crate::scale::bar_length;
use crate::story::{Counter, Part};
use crate::ui_text::{NEARLY, OVER};

/// The full width in the SVG's units (each bar's SVG is stretched to the row's width).
const FULL: u32 = 1000;
/// The open stretch of an approximate figure.
const FUZZ: u32 = 25;

/// A bar's solid length and its open stretch `(start, length)` (none for an exact figure), for
/// `counter` on a scale where `largest` is the full width.
pub fn bar(counter: &Counter, largest: f64) -> (u32, Option<(u32, u32)>) {
    let length = bar_length(counter.value(), largest, FULL).max(1);
    let has = |words: &[&str], text: &str| words.iter().any(|w| text.contains(w));
    if has(NEARLY, counter.before) {
        let solid = length.saturating_sub(FUZZ);
        (solid, Some((solid, length - solid)))
    } else if has(OVER, counter.after) {
        (length, Some((length, FUZZ.min(FULL + FUZZ - length))))
    } else {
        (length, None)
    }
}

/// The label, a bar per item under its words, the note.
pub fn draw(m: &mut Markup, part: &Part, ctx: Ctx) {
    let largest = part
        .items
        .iter()
        .filter_map(|i| i.value)
        .map(Counter::value)
        .fold(0.0, f64::max);
    label(m, part);
    for item in part.items {
        let (Some(counter), Some(show)) = (item.value, ctx.show(item.shows)) else {
            continue;
        };
        let (solid, open) = bar(counter, largest);
        m.el("div", &[("class", "g-bar"), ("data-show", &show)], |m| {
            m.el("p", &[("class", "g-name")], |m| m.words(item.label));
            let view_box = format!("0 0 {} 10", FULL + FUZZ);
            m.el(
                "svg",
                &[("viewBox", &view_box), ("preserveAspectRatio", "none")],
                |m| {
                    m.empty(
                        "rect",
                        &[
                            ("class", "g-bar-fill"),
                            ("width", &solid.to_string()),
                            ("height", "10"),
                        ],
                    );
                    if let Some((x, width)) = open {
                        m.empty(
                            "rect",
                            &[
                                ("class", "g-open"),
                                ("x", &x.to_string()),
                                ("width", &width.to_string()),
                                ("height", "10"),
                                ("vector-effect", "non-scaling-stroke"),
                            ],
                        );
                    }
                },
            );
        });
    }
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{attrs, scene};

    #[test]
    fn assets_bond_and_funds_on_one_scale_the_funds_open_below_their_value() {
        let live = graphic(scene("financing"), "d");
        // 80亿 the full width, 12亿 150; 近20亿: solid to 225, open from 225 to 250.
        assert_eq!(attrs(&live, "g-bar-fill", "width"), ["1000", "150", "225"]);
        assert_eq!(attrs(&live, "g-open", "x"), ["225"]);
        assert_eq!(attrs(&live, "g-open", "width"), ["25"]);
        for words in [
            "公司资产升至",
            "80亿元",
            "12亿",
            "公司债",
            "累计融资到账",
            "近20亿元",
        ] {
            assert!(live.contains(words), "{words}");
        }
        assert!(
            !live.contains("19."),
            "近20亿 is never shown as a value it is not"
        );
    }
}
