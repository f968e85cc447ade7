//! `icons`: one icon for each so many units of a figure (the article's 余, "somewhat more",
//! drawn as one open icon after them; the legend says what an icon stands for).

use super::{label, note, Markup};
use crate::scale::glyph_count;
use crate::story::{Icon, Part};
use crate::ui_text::OVER;

/// How many whole icons, and whether an open one follows (a figure of 余).
pub fn icons(part: &Part) -> (usize, bool) {
    let Some(counter) = part.value else {
        return (0, false);
    };
    let over = OVER.iter().any(|w| counter.after.contains(w));
    (glyph_count(counter.value(), f64::from(part.per)), over)
}

/// The label, the icons (CSS shapes sized in `em`, wrapping to the width), the legend.
pub fn draw(m: &mut Markup, part: &Part, icon: Icon) {
    let class = match icon {
        Icon::Person => "g-icon g-person",
        Icon::Machine => "g-icon g-machine",
        Icon::Square => "g-icon g-dot",
    };
    let (n, over) = icons(part);
    label(m, part);
    m.el("p", &[("class", "g-icons-row")], |m| {
        for _ in 0..n {
            m.empty("i", &[("class", class)]);
        }
        if over {
            m.empty("i", &[("class", &format!("{class} g-more"))]);
        }
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{count, scene};

    #[test]
    fn an_icon_for_ten_workers_two_machines_and_each_tender() {
        let roads = graphic(scene("roads"), "d");
        assert_eq!(
            count(&roads, "class=\"g-icon g-person\""),
            25,
            "250余名 at 10 an icon"
        );
        assert_eq!(
            count(&roads, "class=\"g-icon g-person g-more\""),
            1,
            "余: one open icon"
        );
        assert_eq!(
            count(&roads, "class=\"g-icon g-machine\""),
            20,
            "40余台 at 2 an icon"
        );
        assert!(roads.contains("每个图标代表10名") && roads.contains("每个图标代表2台"));
        let financing = graphic(scene("financing"), "d");
        assert_eq!(
            count(&financing, "class=\"g-icon g-dot\""),
            45,
            "45个项目, exact: no open icon"
        );
        assert_eq!(count(&financing, "g-more"), 0);
    }
}
