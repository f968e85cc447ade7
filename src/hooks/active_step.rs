//! `use_active_step`: which step of a scene the reader is on.

use crate::browser;
use crate::scrolly::{active_step, trigger_line};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Visibility thresholds on the steps: every 5 %. Each crossing is only a signal to read the
/// geometry again, so the step changes within a few pixels of the trigger line.
const THRESHOLDS: [f64; 21] = [
    0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
    0.85, 0.9, 0.95, 1.0,
];

/// How long after the first placement state changes start to animate (ms): the graphic takes its
/// first state without a transition, so hydration never shows a jump from the server's final state.
const SETTLE_MS: u32 = 80;

/// The step being read in a scene of `count` steps, whose graphic is the `graphic` figure and whose
/// step elements are the children of `steps`, and whether state changes may animate yet.
///
/// Starts at the last step, as the server renders it (the final state: JavaScript off and print
/// show it too). In the browser the step comes from geometry alone ([`trigger_line`],
/// [`active_step`]), re-read whenever a step or the scene crosses a visibility threshold
/// (IntersectionObserver: no scroll listener, no `rootMargin`), so scrolling back up, deep links and
/// fast jumps all land on the right step, at most once per frame. The geometry is read in the
/// observer's report and the new step written in the next animation frame: the reports of every
/// scene come in one task, and a scene that changed the page between two others' readings would
/// make each reading lay the whole page out again (with 50 scenes, a 40 ms task at 4× CPU). When `flat` (embed mode: the
/// frame is as tall as its content, nothing sticks) the final state stays. Under reduced motion
/// states change without animation. Everything stops when the calling component unmounts.
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
        let mut targets = cards.clone();
        targets.extend(list.parent_element());
        // The step the last reading found is written in the next frame.
        let writer = browser::use_next_frame();
        let update = move || {
            let line = trigger_line(
                browser::viewport_height(),
                browser::edges(&figure),
                browser::edges(&list),
            );
            let tops: Vec<f64> = cards.iter().map(|c| browser::edges(c).top).collect();
            let step = active_step(&tops, line).min(last);
            if active.get_untracked() == step {
                writer.cancel();
            } else {
                writer.write(move || active.set(step));
            }
        };
        // The observer's first report (each target's state, in the next frame) makes the first
        // reading; the scene is observed too: a jump that crosses no step's threshold still re-reads.
        browser::use_intersection_signal(&targets, &THRESHOLDS, update);
        if !reduced {
            browser::use_timeout(SETTLE_MS, move || animated.set(true));
        }
    });
    (active.into(), animated.into())
}
