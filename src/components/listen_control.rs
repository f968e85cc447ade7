//! 听新闻: the control that reads the article aloud.

use crate::browser;
use leptos::html;
use leptos::prelude::*;

/// The control's words, all in one place (interface words: what is read comes from the page).
pub mod words {
    /// The start button.
    pub const LISTEN: &str = "听新闻";
    /// Said instead of the button where the browser cannot read Chinese.
    pub const NO_VOICE: &str = "本浏览器没有中文语音，无法朗读";
    /// The name of the group of controls while reading.
    pub const CONTROLS: &str = "朗读控制";
    /// To the start of the paragraph before.
    pub const PREVIOUS: &str = "上一段";
    /// Pause.
    pub const PAUSE: &str = "暂停";
    /// Resume.
    pub const RESUME: &str = "继续";
    /// To the start of the next paragraph.
    pub const NEXT: &str = "下一段";
    /// One rate step slower.
    pub const SLOWER: &str = "减速";
    /// One rate step faster.
    pub const FASTER: &str = "加速";
    /// Before the rate shown, for screen readers.
    pub const RATE: &str = "语速";
    /// Stop reading.
    pub const STOP: &str = "停止";
}

/// 「听新闻」: reads the whole article aloud in zh-CN with the browser's own speech synthesis, from
/// the first paragraph in view, highlighting the sentence being read and keeping it in view
/// ([`browser::use_read_aloud`], which runs it). Never starts by itself.
///
/// Until the app knows whether the browser has a Chinese voice, the button waits invisible in its
/// place (showing it changes no layout); without one, the note [`words::NO_VOICE`] takes its place.
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
    use words::*;
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
