//! 民生优先, the roads: the task-list rhythm, the crews, the three roads.

use super::{path, text, Anchor, Chart, Svg};
use crate::graphics::Graphic;
use crate::scale::{glyph_count, grid};
use crate::story::{counter, Scene};

/// Workers per person glyph, machines per machine glyph.
const WORKERS_PER_GLYPH: f64 = 10.0;
const MACHINES_PER_GLYPH: f64 = 2.0;

/// A person: a round head and a body, at the top left `(x, y)`.
fn person(&(x, y): &(u32, u32)) -> String {
    format!(
        "M{x} {}a6 6 0 1 1 12 0a6 6 0 1 1-12 0zM{} {}h14v16h-14z",
        y + 6,
        x - 1,
        y + 14
    )
}

/// A machine: a body, a cab and two wheels.
fn machine(&(x, y): &(u32, u32)) -> String {
    format!(
        "M{x} {}h20v10h-20zM{} {y}h8v7h-8zM{} {}h5v4h-5zM{} {}h5v4h-5z",
        y + 7,
        x + 11,
        x + 2,
        y + 18,
        x + 13,
        y + 18
    )
}

/// A task list.
fn list(&(x, y): &(u32, u32)) -> String {
    format!(
        "M{x} {y}h22v30h-22zM{} {}h12M{} {}h12",
        x + 5,
        y + 10,
        x + 5,
        y + 18
    )
}

/// A road drawing itself (`pathLength` 1: the stylesheet animates its dash offset from 1 to 0).
fn road(d: &str) -> String {
    format!("<path class=\"g-road\" pathLength=\"1\" d=\"{d}\"/>")
}

/// Three stages of the 百日攻坚战: every 15 days a task list (a rhythm, not a count); the crews as
/// rows of unit glyphs (one person for 10 workers, one machine for 2; the article's 余 stays in the
/// labels); the three trunk roads drawing themselves while 21.2 公里 counts in the text. A
/// schematic: the article gives the roads' total length only.
pub fn chart(_: &Scene) -> Chart {
    let (days, workers, machines, km) = (
        counter("task-days"),
        counter("workers"),
        counter("machines"),
        counter("roads-km"),
    );
    let glyphs = |value, per, cols, pitch, y, draw: fn(&(u32, u32)) -> String| -> String {
        grid(glyph_count(value, per), cols, pitch, 22, y)
            .iter()
            .map(draw)
            .collect()
    };
    let mut svg = Svg::new(Graphic::Roads);
    svg.layer(
        "tasks",
        &[
            text(
                "g-label",
                20,
                30,
                Anchor::Start,
                &format!("每{}下达一次施工任务清单", days.final_text()),
            ),
            path("g-line", "M20 97H600"),
            path(
                "g-box",
                &grid(6, 6, 100, 40, 52).iter().map(list).collect::<String>(),
            ),
            text("g-note", 101, 120, Anchor::Middle, &days.final_text()),
            text("g-note", 620, 102, Anchor::End, "…"),
        ],
    );
    svg.layer(
        "crews",
        &[
            text(
                "g-label",
                20,
                150,
                Anchor::Start,
                &format!("{}施工人员", workers.final_text()),
            ),
            text(
                "g-note",
                620,
                150,
                Anchor::End,
                &format!("每个图标代表{}名", WORKERS_PER_GLYPH as u32),
            ),
            path(
                "g-glyph",
                &glyphs(workers.value(), WORKERS_PER_GLYPH, 25, 23, 160, person),
            ),
            text(
                "g-label",
                20,
                232,
                Anchor::Start,
                &format!("{}工程机械", machines.final_text()),
            ),
            text(
                "g-note",
                620,
                232,
                Anchor::End,
                &format!("每个图标代表{}台", MACHINES_PER_GLYPH as u32),
            ),
            path(
                "g-glyph",
                &glyphs(machines.value(), MACHINES_PER_GLYPH, 20, 28, 242, machine),
            ),
        ],
    );
    svg.layer(
        "roads",
        &[
            text(
                "g-label",
                20,
                306,
                Anchor::Start,
                &format!("全长{}的三条主干道路", km.final_text()),
            ),
            road("M20 330C200 318 420 342 620 328"),
            road("M20 358C180 368 400 348 620 360"),
            road("M20 388C220 380 430 394 620 386"),
        ],
    );
    Chart {
        svg: svg.finish(),
        caption: format!(
            "示意图：每{}下达一次施工任务清单；{}施工人员、{}工程机械；全长{}的三条主干道路。",
            days.final_text(),
            workers.final_text(),
            machines.final_text(),
            km.final_text()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use crate::graphics::Graphic;

    #[test]
    fn glyphs_stand_for_ten_workers_and_two_machines_and_three_roads_draw() {
        let svg = super::chart(scene(Graphic::Roads)).svg;
        let glyphs = attrs(&svg, "g-glyph", "d");
        // A person is two shapes (head, body); a machine four (body, cab, two wheels).
        assert_eq!(
            glyphs[0].matches('M').count(),
            25 * 2,
            "250余名 at 10 a glyph"
        );
        assert_eq!(
            glyphs[1].matches('M').count(),
            20 * 4,
            "40余台 at 2 a glyph"
        );
        assert_eq!(attrs(&svg, "g-road", "pathLength").len(), 3);
        for label in [
            "250余名施工人员",
            "40余台工程机械",
            "每15天下达一次施工任务清单",
            "全长21.2公里的三条主干道路",
        ] {
            assert!(svg.contains(label), "{label}");
        }
    }
}
