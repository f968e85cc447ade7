//! `parts`: a whole as cells, each part in its own style, with a key naming each part (the
//! parts add up to the whole: the build checks it).

use super::{label, note, Ctx, Markup};
use crate::story::Part;

/// The cells' classes in order: each part's cells in its style.
pub fn cells(part: &Part) -> Vec<String> {
    part.items
        .iter()
        .enumerate()
        .flat_map(|(k, item)| {
            let n = item.value.map_or(0.0, |c| c.value()) as usize;
            std::iter::repeat_n(format!("g-cell g-cell-{}", k.min(2)), n)
        })
        .collect()
}

/// The label, the cells, the key, the note.
pub fn draw(m: &mut Markup, part: &Part, ctx: Ctx) {
    label(m, part);
    m.el("p", &[("class", "g-cells")], |m| {
        for class in cells(part) {
            m.empty("i", &[("class", &class)]);
        }
    });
    m.el("ul", &[("class", "g-keys")], |m| {
        for (k, item) in part.items.iter().enumerate() {
            let Some(show) = ctx.show(item.shows) else {
                continue;
            };
            let class = format!("g-key g-key-{}", k.min(2));
            m.el("li", &[("class", &class), ("data-show", &show)], |m| {
                m.el("span", &[], |m| m.words(item.label));
            });
        }
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{count, scene};

    #[test]
    fn six_toilets_four_built_two_prefabricated() {
        let live = graphic(scene("greening"), "d");
        assert_eq!(count(&live, "class=\"g-cell g-cell-0\""), 4);
        assert_eq!(count(&live, "class=\"g-cell g-cell-1\""), 2);
        assert!(live.contains("规划的<b class=\"g-fig\">6座</b>公厕"));
        assert!(
            live.contains("<b class=\"g-fig\">2座</b>为装配式建筑，已完成地基开挖"),
            "the article's words"
        );
    }
}
