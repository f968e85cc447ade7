//! `units`: one mark per unit, in rows (a rank strip): the band of the first marks outlined, one
//! mark picked out with its label pointing at it.

use super::{label, note, percent, Ctx, Markup};
use crate::scale::{grid, squares_path};
use crate::story::Part;

/// The marks' pitch and size in the SVG's units (the SVG is scaled to the width it gets).
const CELL: u32 = 10;
const MARK: u32 = 7;
/// Room above the first row for the pointer to the picked-out mark.
const TOP: u32 = 4;
/// Marks per row when there is no band.
const PER_ROW: u32 = 20;

/// The grid: `(marks per row, rows, viewBox)` for `count` marks.
pub fn layout(count: u32, per_row: u32) -> (u32, u32, String) {
    let per_row = per_row.clamp(1, count.max(1));
    let rows = count.div_ceil(per_row);
    let (w, h) = (per_row * CELL - (CELL - MARK), rows * CELL - (CELL - MARK));
    (per_row, rows, format!("0 -{TOP} {w} {}", h + TOP))
}

/// The label, the band's key, the picked-out mark's label, the marks and their overlays, the note.
pub fn draw(m: &mut Markup, part: &Part, ctx: Ctx) {
    let count = part.value.map_or(0.0, |c| c.value()) as u32;
    let per_row = part
        .band
        .as_ref()
        .and_then(|b| b.value)
        .map_or(if part.per > 0 { part.per } else { PER_ROW }, |c| {
            c.value() as u32
        });
    let (per_row, _, view_box) = layout(count, per_row);
    label(m, part);
    if let Some(band) = &part.band {
        if let Some(show) = ctx.show(band.shows) {
            m.el(
                "p",
                &[("class", "g-key g-key-band"), ("data-show", &show)],
                |m| m.el("span", &[], |m| m.words(band.label)),
            );
        }
    }
    let highlight = part.highlight.as_ref().and_then(|h| {
        let at = h.value?.value() as u32;
        Some((h, ctx.show(h.shows)?, at.saturating_sub(1)))
    });
    if let Some((h, show, at)) = &highlight {
        // The label starts above its mark, and slides left as far as it must to stay inside.
        let left = percent((at % per_row) * CELL, per_row * CELL - (CELL - MARK));
        m.el("p", &[("class", "g-pointer"), ("data-show", show)], |m| {
            m.empty(
                "svg",
                &[("class", "g-spacer"), ("width", &left), ("height", "1")],
            );
            m.el("span", &[("class", "g-pointer-label")], |m| {
                m.words(h.label)
            });
        });
    }
    let cells = grid(count as usize, per_row as usize, CELL, 0, 0);
    m.el("div", &[("class", "g-stack")], |m| {
        m.el(
            "svg",
            &[("class", "g-marks"), ("viewBox", &view_box)],
            |m| {
                m.empty(
                    "path",
                    &[("class", "g-mark"), ("d", &squares_path(&cells, MARK))],
                );
            },
        );
        if let (Some(band), Some(b)) = (&part.band, part.band.as_ref().and_then(|b| b.value)) {
            if let Some(show) = ctx.show(band.shows) {
                let width = (b.value() as u32).min(per_row) * CELL - (CELL - MARK) + 3;
                overlay(m, &view_box, &show, |m| {
                    let width = width.to_string();
                    m.empty(
                        "rect",
                        &[
                            ("class", "g-band"),
                            ("x", "-1.5"),
                            ("y", "-1.5"),
                            ("width", &width),
                            ("height", &(MARK + 3).to_string()),
                        ],
                    );
                });
            }
        }
        if let Some((_, show, at)) = &highlight {
            let (x, y) = cells.get(*at as usize).copied().unwrap_or_default();
            overlay(m, &view_box, show, |m| {
                m.empty(
                    "rect",
                    &[
                        ("class", "g-hi"),
                        ("x", &x.to_string()),
                        ("y", &y.to_string()),
                        ("width", &MARK.to_string()),
                        ("height", &MARK.to_string()),
                    ],
                );
                let tip = format!("M{} {}l-3-3h6z", x + MARK / 2, y as i64 - 1);
                m.empty("path", &[("class", "g-hi"), ("d", &tip)]);
            });
        }
    });
    note(m, part);
}

/// An SVG drawn over the marks (same box and viewBox), in an element of its own so that showing
/// it fades one composited layer.
fn overlay(m: &mut Markup, view_box: &str, show: &str, body: impl FnOnce(&mut Markup)) {
    m.el("div", &[("class", "g-over"), ("data-show", show)], |m| {
        m.el("svg", &[("viewBox", view_box)], body);
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, count, scene};
    use super::super::{graphic, snapshot};

    #[test]
    fn grids_fill_whole_rows_of_the_band() {
        assert_eq!(super::layout(179, 20), (20, 9, "0 -4 197 91".to_owned()));
        assert_eq!(super::layout(5, 20), (5, 1, "0 -4 47 11".to_owned()));
    }

    #[test]
    fn one_mark_per_park_the_band_a_row_and_the_18th_picked_out() {
        let ranking = scene("ranking");
        let live = graphic(ranking, "d");
        let marks = &attrs(&live, "g-mark", "d")[0];
        assert_eq!(marks.matches('M').count(), 179, "全省179个产业集聚区");
        assert_eq!(
            attrs(&live, "g-band", "width"),
            [(20 * 10 - 3 + 3).to_string()],
            "20强: the first row"
        );
        assert_eq!(
            attrs(&live, "g-hi", "x"),
            [(17 * 10).to_string()],
            "第18位: 18th column"
        );
        assert_eq!(
            attrs(&live, "g-hi", "y"),
            ["0"],
            "第18位: first row, in the band"
        );
        assert_eq!(
            attrs(&live, "g-spacer", "width"),
            ["86.3%"],
            "170 of 197 units"
        );
        for words in [
            ">全省<b class=\"g-fig\">179个</b>产业集聚区<",
            ">第18位<",
            ">20强<",
        ] {
            assert!(live.contains(words), "{words}");
        }
        // Before the ranking is read, no band and no pick.
        let field = snapshot(ranking, 0);
        assert_eq!(count(&field, "g-hi"), 0);
        assert_eq!(count(&field, "g-band"), 0);
        assert_eq!(count(&snapshot(ranking, 1), "class=\"g-hi\""), 2);
    }
}
