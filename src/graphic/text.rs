//! `text`: lines of the article's words with their figures (what was planted, how much).

use super::{label, note, Ctx, Markup};
use crate::story::Part;

/// The label, a line per item, the note.
pub fn draw(m: &mut Markup, part: &Part, ctx: Ctx) {
    label(m, part);
    for item in part.items {
        let Some(show) = ctx.show(item.shows) else {
            continue;
        };
        m.el(
            "p",
            &[("class", "g-line-text"), ("data-show", &show)],
            |m| m.words(item.label),
        );
    }
    note(m, part);
}
