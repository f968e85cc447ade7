//! 民生优先, greening and amenities: park areas to scale, planting, the six toilets.

use super::{path, rect, text, Anchor, Chart, Svg};
use crate::graphics::Graphic;
use crate::scale::{grid, percent_dash, square_side, squares_path};
use crate::story::{counter, Scene};

/// The largest square's side (units) and the squares' common baseline.
const MAX_SIDE: u32 = 180;
const BASE: u32 = 366;
/// Toilet glyph size.
const TOILET: u32 = 44;

/// The three projects as squares whose **areas** are to scale (side ∝ √亩); the road-greening
/// project's planting (trees, ground cover, the 98 % ring of its civil works); 霍阳公园 marked as
/// built; the six planned toilets, four with their main structure done and two prefabricated with
/// foundations dug.
pub fn chart(_: &Scene) -> Chart {
    let (forest, roads, huoyang) = (
        counter("forest-park-mu"),
        counter("greening-mu"),
        counter("huoyang-mu"),
    );
    let (trees, ground, done) = (
        counter("trees"),
        counter("ground-cover"),
        counter("greening-done"),
    );
    let (toilets, built, prefab) = (
        counter("toilets"),
        counter("toilets-built"),
        counter("toilets-prefab"),
    );
    let largest = forest.value().max(roads.value()).max(huoyang.value());
    let mut x = 20;
    let mut areas = Vec::new();
    let mut park = (0, 0);
    for (c, name) in [
        (forest, "汝河森林公园"),
        (roads, "道路绿化及游园"),
        (huoyang, "霍阳公园"),
    ] {
        let side = square_side(c.value(), largest, MAX_SIDE);
        areas.push(rect("g-area", (x, BASE - side), (side, side), 0));
        areas.push(text("g-label", x, BASE - side - 34, Anchor::Start, name));
        areas.push(text(
            "g-value",
            x,
            BASE - side - 8,
            Anchor::Start,
            &c.final_text(),
        ));
        park = (x, side);
        x += side + 12;
    }
    areas.push(text("g-note", 20, 392, Anchor::Start, "方块面积按比例"));
    let cells = grid(toilets.value() as usize, 3, 56, 444, 168);
    let (done_cells, dug_cells) = cells.split_at((built.value() as usize).min(cells.len()));
    let ring = format!(
        "<circle class=\"g-ring\" cx=\"56\" cy=\"62\" r=\"40\" pathLength=\"100\" stroke-dasharray=\"{}\" transform=\"rotate(-90 56 62)\"/>",
        percent_dash(done.value())
    );
    let mut svg = Svg::new(Graphic::Greening);
    svg.layer("areas", &areas);
    svg.layer(
        "planting",
        &[
            "<circle class=\"g-track\" cx=\"56\" cy=\"62\" r=\"40\"/>".to_owned(),
            ring,
            text("g-value", 56, 70, Anchor::Middle, &done.final_text()),
            text(
                "g-note",
                116,
                26,
                Anchor::Start,
                "望嵩南路等4条道路绿化及游园项目",
            ),
            text(
                "g-label",
                116,
                56,
                Anchor::Start,
                &format!("已栽种各类树木{}", trees.final_text()),
            ),
            text(
                "g-label",
                116,
                86,
                Anchor::Start,
                &format!("地被铺植{}", ground.final_text()),
            ),
            text(
                "g-note",
                116,
                114,
                Anchor::Start,
                &format!("绿化工程土建累计已完成{}", done.final_text()),
            ),
        ],
    );
    svg.layer(
        "park",
        &[
            rect("g-hi", (park.0, BASE - park.1), (park.1, park.1), 0),
            text(
                "g-hi-text",
                park.0 + park.1 + 8,
                BASE - 4,
                Anchor::Start,
                "已经建成投用",
            ),
        ],
    );
    svg.layer(
        "toilets",
        &[
            text(
                "g-label",
                440,
                150,
                Anchor::Start,
                &format!("规划的{}公厕", toilets.final_text()),
            ),
            path("g-done", &squares_path(done_cells, TOILET)),
            path("g-dug", &squares_path(dug_cells, TOILET)),
            rect("g-done", (440, 290), (16, 16), 0),
            text(
                "g-note",
                462,
                305,
                Anchor::Start,
                &format!("{}已完成主体工程", built.final_text()),
            ),
            rect("g-dug", (440, 318), (16, 16), 0),
            text(
                "g-note",
                462,
                333,
                Anchor::Start,
                &format!("{}已完成地基开挖", prefab.final_text()),
            ),
        ],
    );
    Chart {
        svg: svg.finish(),
        caption: format!(
            "方块面积按比例：占地{}的望嵩南路等4条道路绿化及游园项目，占地{}汝河森林公园项目，占地{}霍阳公园建设项目（已经建成投用）。已栽种各类树木{}，地被铺植{}，绿化工程土建累计已完成{}。规划的{}公厕，{}已完成主体工程，{}为装配式建筑，已完成地基开挖。",
            roads.final_text(),
            forest.final_text(),
            huoyang.final_text(),
            trees.final_text(),
            ground.final_text(),
            done.final_text(),
            toilets.final_text(),
            built.final_text(),
            prefab.final_text()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use crate::graphics::Graphic;

    #[test]
    fn areas_to_scale_a_98_ring_and_four_plus_two_toilets() {
        let svg = super::chart(scene(Graphic::Greening)).svg;
        let sides: Vec<u32> = attrs(&svg, "g-area", "width")
            .iter()
            .map(|w| w.parse().unwrap())
            .collect();
        assert_eq!(sides, [180, 109, 33], "3000, 1100, 100 亩");
        let area = |s: u32| f64::from(s * s);
        assert!((area(sides[1]) / area(sides[0]) - 1100.0 / 3000.0).abs() < 0.01);
        assert!((area(sides[2]) / area(sides[0]) - 100.0 / 3000.0).abs() < 0.002);
        assert_eq!(attrs(&svg, "g-ring", "stroke-dasharray"), ["98 100"]);
        assert_eq!(attrs(&svg, "g-done", "d")[0].matches('M').count(), 4);
        assert_eq!(attrs(&svg, "g-dug", "d")[0].matches('M').count(), 2);
        assert_eq!(
            attrs(&svg, "g-hi", "width"),
            ["33"],
            "霍阳公园 (100亩) is the one built"
        );
    }
}
