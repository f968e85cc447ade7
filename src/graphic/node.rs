//! `box`: one box with its label (an organisation, a group of projects), hanging from the box or
//! group above it when they are shown together.

use super::{note, Markup};
use crate::story::Part;

/// The box and the note under it.
pub fn draw(m: &mut Markup, part: &Part) {
    m.el("p", &[("class", "g-node")], |m| m.words(part.label));
    note(m, part);
}
