//! `rhythm`: beats at an interval (every 15 days a task list) — a rhythm, not a count: a few beats
//! and an ellipsis, each interval labelled with the article's figure.

use super::{label, note, Markup};
use crate::story::Part;

/// The label, the beats with the interval between each two, the note.
pub fn draw(m: &mut Markup, part: &Part) {
    let interval = part.value.map(|c| c.final_text()).unwrap_or_default();
    label(m, part);
    m.el("p", &[("class", "g-beats")], |m| {
        for i in 0..part.count {
            if i > 0 {
                m.el("span", &[("class", "g-interval")], |m| m.text(&interval));
            }
            m.empty("i", &[("class", "g-icon g-list")]);
        }
        m.el("span", &[("class", "g-etc")], |m| m.text("…"));
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{count, scene};

    #[test]
    fn task_lists_every_15_days() {
        let live = graphic(scene("roads"), "d");
        let beats = count(&live, "g-icon g-list");
        assert!(beats >= 3, "{beats}");
        assert_eq!(
            count(&live, "<span class=\"g-interval\">15天</span>"),
            beats - 1
        );
        assert!(live.contains("每<b class=\"g-fig\">15天</b>下达一次施工任务清单"));
    }
}
