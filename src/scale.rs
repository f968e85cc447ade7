//! Scale math for the scenes' graphics, in whole viewBox units (the graphics are 640 × 400; integer
//! coordinates keep float formatting out of the wasm). Plain functions, unit-tested natively.

/// The side of a square whose **area** is to `max_area` as `area` is, when the square for
/// `max_area` has side `max_side` (side ∝ √area).
pub fn square_side(area: f64, max_area: f64, max_side: u32) -> u32 {
    if max_area <= 0.0 || area <= 0.0 {
        return 0;
    }
    (f64::from(max_side) * (area / max_area).sqrt()).round() as u32
}

/// The length of a bar for `value` on a scale where `max_value` is `full` units long.
pub fn bar_length(value: f64, max_value: f64, full: u32) -> u32 {
    if max_value <= 0.0 || value <= 0.0 {
        return 0;
    }
    (f64::from(full) * value / max_value).round() as u32
}

/// How many whole glyphs show `value` when one glyph stands for `per_glyph` (the remainder, the
/// article's 余, is not drawn but kept in the label).
pub fn glyph_count(value: f64, per_glyph: f64) -> usize {
    if per_glyph <= 0.0 || value <= 0.0 {
        return 0;
    }
    (value / per_glyph).floor() as usize
}

/// The top-left corners of `n` cells laid out row by row, `cols` to a row, each `cell` units
/// apart, starting at `(x, y)`.
pub fn grid(n: usize, cols: usize, cell: u32, x: u32, y: u32) -> Vec<(u32, u32)> {
    let cols = cols.max(1);
    (0..n)
        .map(|i| (x + (i % cols) as u32 * cell, y + (i / cols) as u32 * cell))
        .collect()
}

/// One SVG path of `size`-unit squares at these corners: many marks as a single element.
pub fn squares_path(corners: &[(u32, u32)], size: u32) -> String {
    corners
        .iter()
        .map(|(x, y)| format!("M{x} {y}h{size}v{size}h-{size}z"))
        .collect()
}

/// A value as a whole number of hundredths-free units, e.g. 98 (%) for a ring drawn with
/// `pathLength="100"`: the stroke-dasharray `"98 100"`.
pub fn percent_dash(percent: f64) -> String {
    let p = percent.clamp(0.0, 100.0).round() as u32;
    format!("{p} 100")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squares_have_areas_to_scale() {
        // 3000 亩 : 1100 亩 : 100 亩, the largest 200 units wide.
        let big = square_side(3000.0, 3000.0, 200);
        let mid = square_side(1100.0, 3000.0, 200);
        let small = square_side(100.0, 3000.0, 200);
        assert_eq!((big, mid, small), (200, 121, 37));
        let area = |s: u32| f64::from(s * s);
        for (side, mu) in [(mid, 1100.0), (small, 100.0)] {
            let ratio = area(side) / area(big);
            let want = mu / 3000.0;
            assert!(
                (ratio - want).abs() / want < 0.03,
                "{mu} 亩: {ratio} vs {want}"
            );
        }
        assert_eq!(square_side(0.0, 3000.0, 200), 0);
    }

    #[test]
    fn bars_share_one_scale() {
        // 80亿 (assets), 12亿 (bond), 近20亿 (funds) on 560 units.
        assert_eq!(bar_length(8e9, 8e9, 560), 560);
        assert_eq!(bar_length(1.2e9, 8e9, 560), 84);
        assert_eq!(bar_length(2e9, 8e9, 560), 140);
        assert_eq!(bar_length(-1.0, 8e9, 560), 0);
    }

    #[test]
    fn glyphs_count_whole_units_only() {
        assert_eq!(glyph_count(250.0, 10.0), 25);
        assert_eq!(glyph_count(40.0, 2.0), 20);
        assert_eq!(glyph_count(65000.0, 5000.0), 13);
        assert_eq!(glyph_count(9.0, 10.0), 0);
        assert_eq!(glyph_count(5.0, 0.0), 0);
    }

    #[test]
    fn grids_fill_rows_first() {
        let cells = grid(179, 20, 26, 60, 100);
        assert_eq!(cells.len(), 179);
        assert_eq!(cells[0], (60, 100));
        assert_eq!(cells[17], (60 + 17 * 26, 100), "18th: first row");
        assert_eq!(cells[19], (60 + 19 * 26, 100), "20th: end of the first row");
        assert_eq!(cells[20], (60, 126), "21st: second row");
        assert_eq!(cells[178], (60 + 18 * 26, 100 + 8 * 26), "179th: ninth row");
    }

    #[test]
    fn paths_and_dashes() {
        assert_eq!(
            squares_path(&[(1, 2), (10, 2)], 4),
            "M1 2h4v4h-4zM10 2h4v4h-4z"
        );
        assert_eq!(percent_dash(98.0), "98 100");
        assert_eq!(percent_dash(140.0), "100 100");
    }
}
