//! `lines`: lines drawing themselves from left to right (the three roads): a schematic, revealed
//! by a cover sliding off them (`transform`, which the compositor animates; a dash offset would
//! repaint the graphic every frame).

use super::{label, note, Markup};
use crate::story::Part;

/// The line paths, `count` of them one under another in a 600 × 30·count box, each a gentle curve.
pub fn paths(count: u32) -> Vec<String> {
    (0..count)
        .map(|i| {
            let y = 15 + 30 * i;
            let bend = if i % 2 == 0 { 7 } else { -7 };
            format!(
                "M4 {y}C150 {} 400 {} 596 {y}",
                y as i32 - bend,
                y as i32 + bend
            )
        })
        .collect()
}

/// The label, the lines under their cover, the note.
pub fn draw(m: &mut Markup, part: &Part) {
    label(m, part);
    let view_box = format!("0 0 600 {}", 30 * part.count);
    m.el("div", &[("class", "g-draw")], |m| {
        m.el(
            "svg",
            &[("viewBox", &view_box), ("preserveAspectRatio", "none")],
            |m| {
                for d in paths(part.count) {
                    m.empty(
                        "path",
                        &[
                            ("class", "g-line"),
                            ("d", &d),
                            ("vector-effect", "non-scaling-stroke"),
                        ],
                    );
                }
            },
        );
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{count, scene};

    #[test]
    fn three_roads() {
        assert_eq!(super::paths(3).len(), 3);
        assert_eq!(super::paths(1), ["M4 15C150 8 400 22 596 15"]);
        let live = graphic(scene("roads"), "d");
        assert_eq!(count(&live, "class=\"g-line\""), 3, "三条主干道路");
        assert!(live.contains("全长<b class=\"g-fig\">21.2公里</b>的三条主干道路"));
    }
}
