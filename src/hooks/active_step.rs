//! `use_active_step`: which step of a scene the reader is on.

use crate::browser;
use crate::scrolly::{active_step, css_px, pinned, step_out_of_view, trigger_line};
use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Visibility thresholds on the steps and the scene: coming into or out of view (a scene reached,
/// a jump) is only a signal to read the geometry again. The step changes at the trigger line
/// itself through an observer of a band there ([`browser::use_line_crossings`]): a card wholly in
/// view while its top crosses the line crosses no visibility threshold at all (with thresholds
/// alone, a phone reader of the roads scene saw its graphic change about 350 px late), and with
/// the band, thresholds at ½ and all visible only added reports (each a call into the app while
/// the page scrolls) that never changed the step. Framed, where browsers ignore the band's
/// margins, the scenes lie flat (embed mode) and observe nothing.
const THRESHOLDS: [f64; 1] = [0.0];

/// How long a new step must stay the one being read before the scene shows it (ms), after the
/// first: a reader flinging through a scene (at 7 500 px/s a step's card crosses the line in about
/// 25 ms) passes steps nobody reads, and each shown would restyle, relayout and repaint the
/// graphic; at a reading pace the change follows the card within a tenth of a second.
pub const STEP_DWELL_MS: u32 = 100;

/// The step being read in a scene of `count` steps, whose graphic is the `graphic` figure and whose
/// step elements are the children of `steps`, and whether state changes may animate yet.
///
/// Starts at the last step, as the server renders it (the final state: JavaScript off and print
/// show it too). In the browser the step comes from geometry alone ([`trigger_line`],
/// [`active_step`]), re-read whenever the scene or (while it is in view) a step crosses a
/// visibility threshold, and whenever a step crosses the trigger line last read
/// (IntersectionObserver, no scroll listener: a one-pixel band whose bottom edge is the line in
/// whole px, made again when the line moves (the line is drawn from where the graphic pins:
/// scrolling alone never moves it); the tops it reports are used as the observer saw them, which
/// can be a fraction of a pixel from what the page reads afterwards), so scrolling back up, deep
/// links and fast jumps all land on the right step, at most once per frame. Inside a cross-origin
/// iframe the browser ignores the band's margins: the visibility thresholds alone re-read there.
///
/// A scene is first read when the reader reaches it (one of its steps, or the scene, comes into
/// view). Until then it keeps the final state: right for a scene the reader has passed (a deep
/// link below it, the End key), unseen for one still ahead; and nothing off screen is measured at
/// load (the sections far from the viewport are not even laid out: `content-visibility`). The
/// first reading is written without animation, so a scene never shows a change the reader did not
/// scroll through.
///
/// The geometry is read in the observer's report and the new step written in the next animation
/// frame (the first reading at once, a later one once it has held for [`STEP_DWELL_MS`]): the
/// reports of every scene come in one task, and a scene that changed the page between two others'
/// readings would make each reading lay the whole page out again (with 50 scenes, a
/// 40 ms task at 4× CPU). When `flat` (embed mode: the frame is as tall as its content, nothing
/// sticks) the final state stays. Under reduced motion states change without animation.
/// Everything stops when the calling component unmounts.
pub fn use_active_step(
    graphic: NodeRef<html::Figure>,
    steps: NodeRef<html::Div>,
    count: usize,
    flat: Signal<bool>,
    reduced: bool,
) -> (Signal<usize>, Signal<bool>) {
    let last = count.saturating_sub(1);
    let active = RwSignal::new(last);
    let animated = RwSignal::new(false);
    browser::effect(move || {
        if flat.get() {
            active.set(last);
            animated.set(false);
            return;
        }
        let (Some(figure), Some(list)) = (graphic.get(), steps.get()) else {
            return;
        };
        let figure: web_sys::Element = figure.unchecked_into();
        let list: web_sys::Element = list.unchecked_into();
        let cards: Vec<web_sys::Element> = (0..list.child_element_count())
            .filter_map(|i| list.children().item(i))
            .collect();
        let Some(scene) = list.parent_element() else {
            return;
        };
        // The scene and its steps, as observed.
        let (whole, steps) = (scene.clone(), cards.clone());
        // The trigger line of the last reading in view (whole px): where the band observer
        // watches the steps cross.
        let band = RwSignal::new(None::<f64>);
        // The step the last reading found is written in the next frame; from the frame after the
        // first write, state changes animate.
        let writer = browser::use_next_frame();
        let settle = (!reduced).then(browser::use_next_frame);
        let reached = Cell::new(false);
        let written = Rc::new(Cell::new(false));
        // The step waiting for its dwell: the reports while it holds do not start it again.
        let due = Cell::new(None::<usize>);
        // `crossed`: the band's report, `(step, top)` of each step that crossed it, its top where
        // the observer saw it (a fraction of a pixel from where the page reads it afterwards).
        let update = move |in_view: bool, crossed: &[(usize, f64)]| {
            if !(in_view || reached.get()) {
                return;
            }
            reached.set(true);
            // Out of view, the scene's own box says (its steps may not be laid out); in view, the
            // steps' positions.
            let height = browser::viewport_height();
            let step =
                step_out_of_view(height, browser::edges(&scene), last).unwrap_or_else(|| {
                    // In whole px: the line is the bottom edge of the band watched, so a card's
                    // top is past it in the report of its crossing either way.
                    // Where the graphic pins (its sticky offset), not where it is now: the
                    // line stays put while the graphic comes up to its place.
                    let now = browser::edges(&figure);
                    let graphic = browser::computed_style(&figure, "top")
                        .and_then(|top| css_px(&top))
                        .map_or(now, |top| pinned(now, top));
                    let line = trigger_line(height, graphic, browser::edges(&list)).round();
                    if band.get_untracked() != Some(line) {
                        band.set(Some(line));
                    }
                    let mut tops: Vec<f64> = cards.iter().map(|c| browser::edges(c).top).collect();
                    for &(i, top) in crossed {
                        tops[i] = top;
                    }
                    active_step(&tops, line).min(last)
                });
            if written.get() && active.get_untracked() == step {
                due.set(None);
                writer.cancel();
                return;
            }
            if written.get() {
                if due.replace(Some(step)) != Some(step) {
                    writer.write_after(STEP_DWELL_MS, move || active.set(step));
                }
                return;
            }
            let (settle, written) = (settle.clone(), written.clone());
            writer.write(move || {
                active.set(step);
                written.set(true);
                if let Some(settle) = settle {
                    settle.write(move || animated.set(true));
                }
            });
        };
        // Each report is a signal to read again (once the scene was reached). The scene itself is
        // observed all along: its coming into view is the first reading, its leaving the last (a
        // jump that crosses no step's threshold still re-reads). Its steps are observed, and the
        // band at the line watched, only while it is in view: a scene the reader is not in costs
        // the browser no intersection to compute in each frame of the scroll (in a story of 50
        // scenes, those of all the others were a quarter of the main thread's time while read).
        let update = Rc::new(update);
        let near = RwSignal::new(false);
        // The callback of the scene's observer (with `near`: whether the scene is in view) and of
        // its steps' (one closure, one copy of the observer's code in the wasm).
        let signal = {
            let update = update.clone();
            move |near: Option<RwSignal<bool>>| {
                let update = update.clone();
                move |in_view: bool| {
                    // (The scene's reports alternate, after a first one: each is a change.)
                    if let Some(near) = near {
                        near.set(in_view);
                    }
                    update(in_view, &[])
                }
            }
        };
        browser::use_intersection_signal(&[whole], &THRESHOLDS, signal(Some(near)));
        // While the scene is in view: its steps, and a step crossing the line re-reads. The band
        // is made again when the line moves (a resize: the line depends on the viewport's height;
        // the reader's text size: on the graphic's), the observers before stopping first. The
        // line is drawn from where the graphic pins, so scrolling alone never moves it (drawn
        // from where the graphic was, it moved in every report while the graphic came up to its
        // place: 25–37 bands made in a phone read of the five scenes, each with a first report of
        // every step).
        browser::effect(move || {
            if !near.get() {
                return;
            }
            browser::use_intersection_signal(&steps, &THRESHOLDS, signal(None));
            if let Some(line) = band.get() {
                let update = update.clone();
                let height = browser::viewport_height();
                browser::use_line_crossings(&steps, line - 1.0, height, move |crossed| {
                    update(true, crossed)
                });
            }
        });
    });
    (active.into(), animated.into())
}
