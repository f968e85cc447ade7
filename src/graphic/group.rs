//! `group`: names in a box each, grouped in one frame with the article's words for the group
//! (「五个部室」, 「等金融机构」: a list the article ends with 等 keeps it).

use super::{label, note, Markup};
use crate::story::Part;

/// The frame with the names, the group's words under them, the note.
pub fn draw(m: &mut Markup, part: &Part) {
    m.el("div", &[("class", "g-frame")], |m| {
        m.el("ul", &[("class", "g-names")], |m| {
            for name in part.names {
                m.el("li", &[("class", "g-node")], |m| m.text(name));
            }
        });
        label(m, part);
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{count, scene};

    #[test]
    fn the_five_departments_and_the_institutions_with_their_deng() {
        let departments = graphic(scene("departments"), "d");
        assert_eq!(count(&departments, "<li class=\"g-node\">"), 5);
        for name in [
            "综合办公室",
            "规划建设部",
            "商务服务部",
            "经济发展部",
            "服务中心",
        ] {
            assert!(departments.contains(&format!(">{name}<")), "{name}");
        }
        assert!(departments.contains("五个部室"));
        let financing = graphic(scene("financing"), "d");
        assert_eq!(count(&financing, "<li class=\"g-node\">"), 5);
        assert!(financing.contains(">等金融机构<"), "the article's 等 stays");
    }
}
