//! `squares`: a square per item whose **area** is to scale (side ∝ √value), each beside its
//! label and figure, one of them picked out.

use super::{label, note, Ctx, Markup};
use crate::scale::square_side;
use crate::story::Part;

/// The largest square's side in the SVG's units (the SVG is as wide as the stylesheet's
/// `--square`, the largest square's side on the page).
const SIDE: u32 = 100;

/// The side of each item's square, the largest being [`SIDE`]; at least 1 so that every item
/// stays visible.
pub fn sides(values: &[f64]) -> Vec<u32> {
    let largest = values.iter().copied().fold(0.0, f64::max);
    values
        .iter()
        .map(|&v| square_side(v, largest, SIDE).max(1))
        .collect()
}

/// The label, the squares in a column with their words, the note.
pub fn draw(m: &mut Markup, part: &Part, ctx: Ctx) {
    let values: Vec<f64> = part
        .items
        .iter()
        .map(|i| i.value.map_or(0.0, |c| c.value()))
        .collect();
    label(m, part);
    m.el("ul", &[("class", "g-squares-list")], |m| {
        for (item, side) in part.items.iter().zip(sides(&values)) {
            let Some(show) = ctx.show(item.shows) else {
                continue;
            };
            let picked = part
                .highlight
                .as_ref()
                .filter(|h| h.value.is_some() && h.value.map(|c| c.id) == item.value.map(|c| c.id))
                .and_then(|h| Some((h, ctx.show(h.shows)?)));
            let view_box = format!("0 0 {SIDE} {side}");
            let side = side.to_string();
            m.el("li", &[("data-show", &show)], |m| {
                m.el("span", &[("class", "g-stack g-square")], |m| {
                    m.el("svg", &[("viewBox", &view_box)], |m| {
                        m.empty(
                            "rect",
                            &[("class", "g-area"), ("width", &side), ("height", &side)],
                        );
                    });
                    if let Some((_, show)) = &picked {
                        m.el("span", &[("class", "g-over"), ("data-show", show)], |m| {
                            m.el("svg", &[("viewBox", &view_box)], |m| {
                                m.empty(
                                    "rect",
                                    &[("class", "g-hi-line"), ("width", &side), ("height", &side)],
                                );
                            });
                        });
                    }
                });
                m.el("span", &[("class", "g-square-words")], |m| {
                    m.el("span", &[("class", "g-name")], |m| m.words(item.label));
                    if let Some(c) = item.value {
                        m.el("b", &[("class", "g-fig")], |m| m.text(&c.final_text()));
                    }
                    if let Some((h, show)) = &picked {
                        m.el(
                            "span",
                            &[("class", "g-hi-text"), ("data-show", show)],
                            |m| m.words(h.label),
                        );
                    }
                });
            });
        }
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use super::super::{graphic, snapshot};

    #[test]
    fn areas_are_to_scale() {
        let sides = super::sides(&[3000.0, 1100.0, 100.0]);
        assert_eq!(sides, [100, 61, 18]);
        let area = |s: u32| f64::from(s * s);
        for (side, mu) in [(sides[1], 1100.0), (sides[2], 100.0)] {
            let (ratio, want) = (area(side) / area(sides[0]), mu / 3000.0);
            assert!(
                (ratio - want).abs() / want < 0.03,
                "{mu}: {ratio} vs {want}"
            );
        }
        assert_eq!(super::sides(&[5.0, 0.0]), [100, 1], "every item visible");
    }

    #[test]
    fn the_parks_to_scale_and_the_built_one_picked_out_when_read() {
        let greening = scene("greening");
        let live = graphic(greening, "d");
        assert_eq!(
            attrs(&live, "g-area", "width"),
            ["61", "100", "18"],
            "1100, 3000, 100 亩"
        );
        assert_eq!(
            attrs(&live, "g-hi-line", "width"),
            ["18"],
            "霍阳公园 (100亩) is the one built"
        );
        let at = |state| greening.states.iter().position(|s| *s == state).unwrap();
        assert!(snapshot(greening, at("park")).contains("已经建成投用"));
        assert!(!snapshot(greening, at("areas")).contains("已经建成投用"));
        assert!(
            live.contains("望嵩南路等4条道路绿化及游园项目"),
            "the article's name, whole"
        );
    }
}
