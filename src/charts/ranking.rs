//! The intro's ranking: 第18位 of the province's 179 parks, in the 20强.

use super::{path, rect, text, Anchor, Chart, Svg};
use crate::graphics::Graphic;
use crate::scale::{grid, squares_path};
use crate::story::{counter, Scene};

/// Grid pitch and mark size (units), top left of the first mark.
const CELL: u32 = 26;
const MARK: u32 = 18;
const X0: u32 = 60;
const Y0: u32 = 120;

/// The province's parks as marks in rank order, one row per 20 (so the first row is the 20强
/// band); at `rank` the band is outlined and the 18th mark highlighted. Ranks are shown as facts.
pub fn chart(_: &Scene) -> Chart {
    let (parks, rank, band) = (
        counter("province-parks"),
        counter("rank"),
        counter("top-band"),
    );
    let per_row = band.value() as usize;
    let cells = grid(parks.value() as usize, per_row, CELL, X0, Y0);
    let ours = cells[rank.value() as usize - 1];
    let band_width = (per_row as u32 - 1) * CELL + MARK + 12;
    let mut svg = Svg::new(Graphic::Ranking);
    svg.layer(
        "field",
        &[
            text(
                "g-title",
                20,
                44,
                Anchor::Start,
                &format!("全省{}产业集聚区", parks.final_text()),
            ),
            path("g-mark", &squares_path(&cells, MARK)),
            text(
                "g-note",
                20,
                392,
                Anchor::Start,
                "每格代表一个产业集聚区，按综合排序",
            ),
        ],
    );
    svg.layer(
        "rank",
        &[
            rect("g-band", (X0 - 6, Y0 - 6), (band_width, MARK + 12), 4),
            text("g-label", 8, Y0 + 16, Anchor::Start, &band.final_text()),
            rect("g-hi", (ours.0 - 3, ours.1 - 3), (MARK + 6, MARK + 6), 0),
            text(
                "g-hi-text",
                ours.0 + MARK / 2,
                Y0 - 14,
                Anchor::Middle,
                &rank.final_text(),
            ),
        ],
    );
    Chart {
        svg: svg.finish(),
        caption: format!(
            "综合排序位居全省{}产业集聚区{}，跃居全省{}产业集聚区。",
            parks.final_text(),
            rank.final_text(),
            band.final_text()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use crate::graphics::Graphic;

    #[test]
    fn one_mark_per_park_and_the_18th_in_the_first_row_highlighted() {
        let svg = super::chart(scene(Graphic::Ranking)).svg;
        let marks = &attrs(&svg, "g-mark", "d")[0];
        assert_eq!(marks.matches('M').count(), 179);
        // The 18th mark: first row (the 20强 band), 18th column.
        assert_eq!(attrs(&svg, "g-hi", "x"), [(60 + 17 * 26 - 3).to_string()]);
        assert_eq!(attrs(&svg, "g-hi", "y"), [(120 - 3).to_string()]);
        assert_eq!(
            attrs(&svg, "g-band", "width"),
            [(19 * 26 + 18 + 12).to_string()]
        );
        assert!(
            svg.contains(">第18位<")
                && svg.contains(">20强<")
                && svg.contains("全省179个产业集聚区")
        );
    }
}
