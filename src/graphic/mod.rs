//! The scenes' graphics, drawn from their declaration in the data file: each part is a kind of
//! graphic (one file each here) that lays itself out for the width it gets and the reader's text
//! size. Words are HTML in the page's font, sized in `em`, in the normal flow (so they wrap and
//! never overlap); marks are SVG or CSS boxes whose geometry comes from the figures (scale math
//! in [`crate::scale`]). Plain functions writing markup, unit-tested natively; the server renders
//! them into the page and the hydrating browser keeps the server's nodes (the `hydrate` build
//! leaves this module out).
//!
//! A graphic is rows of blocks of parts ([`blocks`], [`rows`]): a block is parts drawn one under
//! the other (a box and what hangs from it, parts shown in the same states); blocks never shown
//! in the same state share a row, drawn over each other, so the graphic is as tall as its tallest
//! state, not as all of them together.
//! Every part and item shown in only some states carries `data-show="…"`, the states it is shown
//! in; the stylesheet hides it while the scene's `data-at` is another (`public/style.css`).
//! A snapshot ([`snapshot`]) is the graphic in one state with only what that state shows, for the
//! layouts where nothing sticks (embedded, no script, print, large text).
//! A data graphic (not tagged 示意图) also has its figures as a table ([`table`]), which the live
//! graphic points to.

mod bars;
mod group;
mod icons;
mod lines;
mod markup;
mod node;
mod parts;
mod rhythm;
mod ring;
mod squares;
pub mod table;
mod text;
mod units;

pub use markup::Markup;

use crate::states::{list, shown, Shows};
use crate::story::{Kind, Part, Scene};
use crate::ui_text;

/// Which states the markup is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Every state: all parts, each marked with the states it is shown in.
    Live,
    /// One state: only what it shows, nothing marked.
    At(usize),
}

impl View {
    /// Whether something shown in `shows`, inside something shown in `within`, is drawn, and
    /// the `data-show` it needs: `None` when it is not drawn, `Some("")` when it needs none.
    pub fn show(self, shows: Shows, within: Shows) -> Option<String> {
        match self {
            View::At(state) => shown(shows, state).then(String::new),
            View::Live if shows == within => Some(String::new()),
            View::Live => Some(list(shows)),
        }
    }
}

/// The parts in blocks drawn one under the other, in reading order: a part joins the block before
/// it when it hangs from the part above it ([`links`]) or is shown in exactly the same states.
pub fn blocks(parts: &[Part]) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let joins = i > 0 && (links(&parts[i - 1], part) || parts[i - 1].shows == part.shows);
        match blocks.last_mut() {
            Some(block) if joins => block.push(i),
            _ => blocks.push(vec![i]),
        }
    }
    blocks
}

/// The rows of blocks shown in the states `masks`, in reading order: each block goes in the
/// first row with no block shown in the same state (drawn over each other), else in a new row.
pub fn rows(masks: &[Shows]) -> Vec<Vec<usize>> {
    let mut rows: Vec<(Shows, Vec<usize>)> = Vec::new();
    for (i, &mask) in masks.iter().enumerate() {
        match rows.iter_mut().find(|(used, _)| used & mask == 0) {
            Some((used, parts)) => {
                *used |= mask;
                parts.push(i);
            }
            None => rows.push((mask, vec![i])),
        }
    }
    rows.into_iter().map(|(_, parts)| parts).collect()
}

/// The live graphic of a scene: every part in its row, marked with its states; described by the
/// paragraph `description_id` ([`description_paragraph`]), and a data graphic's details are its
/// table ([`table::markup`]).
pub fn graphic(scene: &Scene, description_id: &str) -> String {
    let details = table::id(scene).unwrap_or_default();
    draw(
        scene,
        View::Live,
        &[
            ("class", "graphic"),
            ("role", "img"),
            ("aria-label", scene.title),
            ("aria-describedby", description_id),
            ("aria-details", &details),
        ],
    )
}

/// The graphic of a scene in state `state`, for the layouts where nothing sticks: hidden from
/// screen readers, which read the steps and the scene's description.
pub fn snapshot(scene: &Scene, state: usize) -> String {
    draw(
        scene,
        View::At(state),
        &[("class", "graphic snapshot"), ("aria-hidden", "true")],
    )
}

fn draw(scene: &Scene, view: View, attrs: &[(&str, &str)]) -> String {
    let parts = scene.parts;
    let every = parts.iter().fold(0, |all, p| all | p.shows);
    let blocks = blocks(parts);
    let masks: Vec<Shows> = blocks
        .iter()
        .map(|b| b.iter().fold(0, |all, &i| all | parts[i].shows))
        .collect();
    let mut m = Markup::default();
    m.el("div", attrs, |m| {
        if scene.schematic {
            m.el("p", &[("class", "g-tag")], |m| m.text(ui_text::SCHEMATIC));
        }
        for row in rows(&masks) {
            let drawn: Vec<Vec<usize>> = row
                .into_iter()
                .map(|b| {
                    let shown = |i: &&usize| view.show(parts[**i].shows, every).is_some();
                    blocks[b].iter().filter(shown).copied().collect::<Vec<_>>()
                })
                .filter(|b| !b.is_empty())
                .collect();
            if drawn.is_empty() {
                continue;
            }
            m.el("div", &[("class", "g-row")], |m| {
                for block in drawn {
                    m.el("div", &[("class", "g-block")], |m| {
                        for (k, &i) in block.iter().enumerate() {
                            let linked = k > 0 && links(&parts[i - 1], &parts[i]);
                            part(m, &parts[i], view, every, linked);
                        }
                    });
                }
            });
        }
    });
    m.finish()
}

/// Whether `part` hangs from `above` (a box or group under a box or group shown with it).
fn links(above: &Part, part: &Part) -> bool {
    let tree = |p: &Part| matches!(p.kind, Kind::Box | Kind::Group);
    tree(above) && tree(part) && above.shows & part.shows != 0
}

/// One part: its wrapper and what its kind draws.
fn part(m: &mut Markup, part: &Part, view: View, every: Shows, linked: bool) {
    let name = kind_name(part.kind);
    let class = format!(
        "g-part g-part-{name}{}",
        if linked { " g-linked" } else { "" }
    );
    let show = view.show(part.shows, every).unwrap_or_default();
    m.el("div", &[("class", &class), ("data-show", &show)], |m| {
        let ctx = Ctx {
            view,
            shows: part.shows,
        };
        match part.kind {
            Kind::Units => units::draw(m, part, ctx),
            Kind::Squares => squares::draw(m, part, ctx),
            Kind::Bars => bars::draw(m, part, ctx),
            Kind::Ring => ring::draw(m, part),
            Kind::Icons(icon) => icons::draw(m, part, icon),
            Kind::Parts => parts::draw(m, part, ctx),
            Kind::Box => node::draw(m, part),
            Kind::Group => group::draw(m, part),
            Kind::Rhythm => rhythm::draw(m, part),
            Kind::Lines => lines::draw(m, part),
            Kind::Text => text::draw(m, part, ctx),
        }
    });
}

/// The kind's name, in its part's class (`g-part-units`, …).
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Units => "units",
        Kind::Squares => "squares",
        Kind::Bars => "bars",
        Kind::Ring => "ring",
        Kind::Icons(_) => "icons",
        Kind::Parts => "parts",
        Kind::Box => "box",
        Kind::Group => "group",
        Kind::Rhythm => "rhythm",
        Kind::Lines => "lines",
        Kind::Text => "text",
    }
}

/// What a kind's items are drawn against: the view and the part's own states.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The view being drawn.
    pub view: View,
    /// The part's states.
    pub shows: Shows,
}

impl Ctx {
    /// For something inside the part shown in `shows`: `None` when it is not drawn, else its
    /// `data-show` (empty when it needs none).
    pub fn show(self, shows: Shows) -> Option<String> {
        self.view.show(shows, self.shows)
    }
}

/// A part's label (`<p class="g-name">`), if it has one.
fn label(m: &mut Markup, part: &Part) {
    if !part.label.is_empty() {
        m.el("p", &[("class", "g-name")], |m| m.words(part.label));
    }
}

/// A part's note (`<p class="g-note">`), if it has one.
fn note(m: &mut Markup, part: &Part) {
    if !part.note.is_empty() {
        m.el("p", &[("class", "g-note")], |m| m.words(part.note));
    }
}

/// A fraction as a CSS percentage with one decimal, in integer arithmetic: `percent(17, 20)` is
/// `"85.0%"`.
pub fn percent(part: u32, whole: u32) -> String {
    let permille = (u64::from(part) * 1000 + u64::from(whole.max(1)) / 2) / u64::from(whole.max(1));
    format!("{}.{}%", permille / 10, permille % 10)
}

/// The scene's graphic in words, for screen readers: what each part shows, in order, with the
/// article's words and figures; drawings not to scale say so first, data graphics end saying
/// where their table is.
pub fn description(scene: &Scene) -> String {
    let phrases: Vec<String> = scene
        .parts
        .iter()
        .flat_map(|p| {
            let plain = |inlines| crate::story::plain_text(inlines);
            let mut out = Vec::new();
            let label = plain(p.label);
            let names = p.names.join("、");
            match p.kind {
                Kind::Group => out.push(format!("{names}{label}")),
                _ => out.extend((!label.is_empty()).then_some(label)),
            }
            for item in p.items.iter().chain(&p.band).chain(&p.highlight) {
                let figure = item.value.map(|c| c.final_text()).unwrap_or_default();
                let words = plain(item.label);
                match p.kind {
                    Kind::Squares | Kind::Parts if !words.contains(&figure) => {
                        out.push(format!("{words}{figure}"));
                    }
                    _ => out.push(words),
                }
            }
            out.extend((!p.note.is_empty()).then(|| plain(p.note)));
            out
        })
        .filter(|s| !s.is_empty())
        .collect();
    let prefix = if scene.schematic {
        format!("{}：", ui_text::SCHEMATIC)
    } else {
        String::new()
    };
    let hint = if table::id(scene).is_some() {
        ui_text::DATA_HINT
    } else {
        ""
    };
    format!("{prefix}{}。{hint}", phrases.join("；"))
}

/// [`description`] as a visually hidden paragraph with this id (the live graphic points to it).
pub fn description_paragraph(scene: &Scene, id: &str) -> String {
    let mut m = Markup::default();
    m.el("p", &[("class", "sr-only"), ("id", id)], |m| {
        m.text(&description(scene))
    });
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn scene(name: &str) -> &'static Scene {
        crate::story::scene(name).expect("a scene with this name")
    }

    /// How many times `needle` occurs in `markup`.
    pub(super) fn count(markup: &str, needle: &str) -> usize {
        markup.matches(needle).count()
    }

    /// The values of attribute `attr` on the elements of `markup` whose class list starts with
    /// `class`, in order.
    pub(super) fn attrs(markup: &str, class: &str, attr: &str) -> Vec<String> {
        markup
            .split(&format!("class=\"{class}"))
            .skip(1)
            .filter_map(|rest| {
                let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
                let start = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
                Some(tag[start..start + tag[start..].find('"')?].to_owned())
            })
            .collect()
    }

    #[test]
    fn parts_that_hang_together_or_show_together_are_one_block() {
        let blocks_of = |name| blocks(scene(name).parts);
        // The workers and the machines show in the same state.
        assert_eq!(blocks_of("roads"), [vec![0], vec![1, 2], vec![3]]);
        // The ring and the planting figures show together.
        assert_eq!(blocks_of("greening"), [vec![0], vec![1, 2], vec![3]]);
        // The company and the institutions hanging from it.
        assert_eq!(blocks_of("financing"), [vec![0, 1], vec![2], vec![3]]);
        // The committee, its departments, the projects they serve and how.
        assert_eq!(blocks_of("departments"), [vec![0, 1, 2, 3]]);
    }

    #[test]
    fn parts_never_shown_together_share_a_row() {
        // Shown in states 0-1, 1, 2-5 and 4: the third draws over the first, the fourth over
        // the second.
        assert_eq!(
            rows(&[0b11, 0b10, 0b111100, 0b10000]),
            [vec![0, 2], vec![1, 3]]
        );
        assert_eq!(rows(&[0b1, 0b1, 0b1]), [vec![0], vec![1], vec![2]]);
        assert_eq!(rows(&[0b1, 0b10, 0b100]), [vec![0, 1, 2]]);
        assert!(rows(&[]).is_empty());
    }

    #[test]
    fn views_mark_what_shows_in_some_states_only() {
        assert_eq!(View::Live.show(0b110, 0b111), Some("1 2".into()));
        assert_eq!(View::Live.show(0b111, 0b111), Some(String::new()));
        assert_eq!(View::At(1).show(0b110, 0b111), Some(String::new()));
        assert_eq!(View::At(0).show(0b110, 0b111), None);
    }

    #[test]
    fn percentages_in_integer_arithmetic() {
        assert_eq!(percent(17, 20), "85.0%");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(2, 3), "66.7%");
        assert_eq!(percent(0, 0), "0.0%");
    }

    #[test]
    fn every_scene_draws_every_state_and_snapshots_only_what_it_shows() {
        for scene in crate::story::scenes() {
            let live = graphic(scene, "d");
            assert!(
                live.starts_with("<div class=\"graphic\" role=\"img\""),
                "{}",
                scene.name
            );
            assert!(
                !live.contains("style="),
                "{}: a style attribute breaks the CSP",
                scene.name
            );
            assert_eq!(
                live.contains(ui_text::SCHEMATIC),
                scene.schematic,
                "{}",
                scene.name
            );
            for (i, state) in scene.states.iter().enumerate() {
                let snap = snapshot(scene, i);
                assert!(!snap.contains("data-show"), "{}: {state}", scene.name);
                assert!(
                    snap.len() < live.len(),
                    "{}: {state} shows everything",
                    scene.name
                );
                if i > 0 {
                    assert_ne!(
                        snap,
                        snapshot(scene, i - 1),
                        "{}: {state} changes nothing",
                        scene.name
                    );
                }
            }
            let description = description(scene);
            assert!(
                description.ends_with('。') && description.len() > 20,
                "{description}"
            );
            assert_eq!(description.starts_with(ui_text::SCHEMATIC), scene.schematic);
            // A data graphic points to its table, and its description says where it is.
            let details = format!(" aria-details=\"scene-{}-data\"", scene.name);
            assert_eq!(live.contains(&details), !scene.schematic, "{}", scene.name);
            assert_eq!(
                description.ends_with(ui_text::DATA_HINT),
                !scene.schematic,
                "{description}"
            );
            assert_eq!(
                table::markup(scene).contains(&format!("id=\"scene-{}-data\"", scene.name)),
                !scene.schematic
            );
        }
    }

    #[test]
    fn a_part_in_some_states_carries_them() {
        // The financing scene: the company shows in the first two states, the bars from the
        // third on (drawn in the company's row).
        let live = graphic(scene("financing"), "d");
        assert_eq!(attrs(&live, "g-part g-part-box", "data-show"), ["0 1"]);
        assert_eq!(attrs(&live, "g-part g-part-bars", "data-show"), ["2 3 4 5"]);
        assert!(
            live.contains("g-part g-part-group g-linked"),
            "the group hangs from the company"
        );
    }
}
