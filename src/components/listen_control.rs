//! 听新闻: the control that reads the article aloud.

use crate::browser;
use leptos::html;
use leptos::prelude::*;

/// 「听新闻」: reads the whole article aloud in zh-CN with the browser's own speech synthesis, from
/// the first paragraph in view, highlighting the sentence being read and keeping it in view
/// ([`browser::use_read_aloud`], which runs it). Never starts by itself.
///
/// Until the app knows whether the browser has a Chinese voice, the button waits invisible in its
/// place (showing it changes no layout); without one, the note [`crate::ui_text::listen::NO_VOICE`] takes its place.
/// While reading, a bar of real buttons (previous and next paragraph, pause and resume, slower and
/// faster, stop) sits at the bottom of the viewport; focus moves into it on start and back to the
/// start button when reading stops.
///
/// The markup is static: the app writes the state to `data-voice="checking|found|missing"` and
/// `data-play="stopped|playing|paused"` on `.listen`, and the rate to `.listen-rate-value`; the
/// stylesheet shows what goes with them. Each button has `data-listen="start|previous|toggle|
/// next|slower|faster|stop"`. (A reactive view of the same cost the wasm 3.5 KB brotli.)
#[component]
pub fn ListenControl() -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    browser::effect(move || {
        if let Some(el) = root.get() {
            browser::use_read_aloud(el.into());
        }
    });
    view! {
        <div class="listen" data-voice="checking" data-play="stopped" node_ref=root>
            {parts()}
        </div>
    }
}

/// The control's buttons, note and bar.
fn parts() -> impl IntoView {
    use crate::speech::Rate;
    use crate::ui_text::listen::*;
    view! {
        <button type="button" class="listen-start" data-listen="start">{LISTEN}</button>
        <p class="listen-note">{NO_VOICE}</p>
        <div class="listen-bar" role="group" aria-label=CONTROLS>
            <button type="button" data-listen="previous">{PREVIOUS}</button>
            <button type="button" data-listen="toggle">
                <span class="listen-pause">{PAUSE}</span>
                <span class="listen-resume">{RESUME}</span>
            </button>
            <button type="button" data-listen="next">{NEXT}</button>
            <button type="button" data-listen="slower">{SLOWER}</button>
            <span class="listen-rate" aria-live="polite">
                <span class="sr-only">{RATE}</span>
                <span class="listen-rate-value">{Rate::default().label()}</span>
            </span>
            <button type="button" data-listen="faster">{FASTER}</button>
            <button type="button" data-listen="stop">{STOP}</button>
        </div>
    }
}
