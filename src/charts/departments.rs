//! 机制完善: the committee, its five departments, the service for every project.

use super::{path, rect, text, Anchor, Chart, Svg};
use crate::graphics::Graphic;
use crate::story::{counter, Scene};

/// Width and pitch of a department's box (units).
const BOX_W: u32 = 116;
const PITCH: u32 = 126;

/// A schematic of the committee (管委会), the five departments it set up (names from the text),
/// and all of them serving every project that settles in the park.
pub fn chart(scene: &Scene) -> Chart {
    let five = counter("departments");
    let centres: Vec<u32> = (0..scene.labels.len() as u32)
        .map(|i| 8 + i * PITCH + BOX_W / 2)
        .collect();
    let (first, last) = (
        centres.first().copied().unwrap_or(320),
        centres.last().copied().unwrap_or(320),
    );
    let mut bus = format!("M320 66V100M{first} 100H{last}");
    let mut to_projects = String::new();
    let mut departments = Vec::new();
    for (name, c) in scene.labels.iter().zip(&centres) {
        bus.push_str(&format!("M{c} 100V130"));
        to_projects.push_str(&format!("M{c} 178L320 270"));
        departments.push(rect("g-box", (c - BOX_W / 2, 130), (BOX_W, 48), 6));
        departments.push(text("g-label", *c, 161, Anchor::Middle, name));
    }
    departments.insert(0, path("g-line", &bus));
    departments.push(text(
        "g-hi-text",
        482,
        49,
        Anchor::Start,
        &five.final_text(),
    ));
    let mut svg = Svg::new(Graphic::Departments);
    svg.layer(
        "committee",
        &[
            rect("g-box", (170, 16), (300, 50), 6),
            text("g-label", 320, 49, Anchor::Middle, "汝州市产业集聚区管委会"),
        ],
    );
    svg.layer("departments", &departments);
    svg.layer(
        "service",
        &[
            path("g-line", &to_projects),
            rect("g-hi", (200, 270), (240, 50), 6),
            text("g-on-hi", 320, 303, Anchor::Middle, "所有入驻项目"),
            text(
                "g-hi-text",
                320,
                360,
                Anchor::Middle,
                "“保姆式、一站式”服务",
            ),
        ],
    );
    Chart {
        svg: svg.finish(),
        caption: format!(
            "示意图：汝州市产业集聚区管委会设立{}{}；为所有入驻项目实行“保姆式、一站式”服务。",
            scene.labels.join("、"),
            five.final_text()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use crate::graphics::Graphic;

    #[test]
    fn the_five_departments_named_in_the_text() {
        let chart = super::chart(scene(Graphic::Departments));
        assert_eq!(attrs(&chart.svg, "g-box", "width").len(), 1 + 5);
        for name in [
            "综合办公室",
            "规划建设部",
            "商务服务部",
            "经济发展部",
            "服务中心",
        ] {
            assert!(chart.svg.contains(&format!(">{name}<")), "{name}");
        }
        assert!(chart
            .caption
            .contains("综合办公室、规划建设部、商务服务部、经济发展部、服务中心五个部室"));
    }
}
