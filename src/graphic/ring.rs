//! `ring`: a ring filled to a percentage, the figure in its middle, the label beside it.

use super::{label, note, Markup};
use crate::scale::percent_dash;
use crate::story::Part;

/// The ring (drawn with `pathLength="100"`, so the dash is the percentage), its figure, the
/// label, the note.
pub fn draw(m: &mut Markup, part: &Part) {
    let Some(counter) = part.value else { return };
    m.el("div", &[("class", "g-ring-row")], |m| {
        m.el("span", &[("class", "g-stack g-ring")], |m| {
            m.el("svg", &[("viewBox", "0 0 100 100")], |m| {
                let circle = [("cx", "50"), ("cy", "50"), ("r", "42")];
                m.empty(
                    "circle",
                    &[[("class", "g-track")].as_slice(), &circle].concat(),
                );
                let dash = percent_dash(counter.value());
                m.empty(
                    "circle",
                    &[
                        [
                            ("class", "g-ring-fill"),
                            ("pathLength", "100"),
                            ("stroke-dasharray", dash.as_str()),
                        ]
                        .as_slice(),
                        &circle,
                        &[("transform", "rotate(-90 50 50)")],
                    ]
                    .concat(),
                );
            });
            m.el("b", &[("class", "g-fig g-ring-figure")], |m| {
                m.text(&counter.final_text())
            });
        });
        label(m, part);
    });
    note(m, part);
}

#[cfg(test)]
mod tests {
    use super::super::graphic;
    use super::super::tests::{attrs, scene};

    #[test]
    fn the_ring_is_filled_to_98_percent() {
        let live = graphic(scene("greening"), "d");
        assert_eq!(attrs(&live, "g-ring-fill", "stroke-dasharray"), ["98 100"]);
        assert!(live.contains(">98%</b>"));
    }
}
