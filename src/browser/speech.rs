//! The read-aloud's browser side ([`use_read_aloud`]): the browser's own speech synthesis
//! (`speechSynthesis`, nothing requested from anywhere), the article's text read from the page,
//! the highlight of the sentence being read and keeping it in view. The decisions are
//! [`crate::speech`]'s.

use super::{own, query_all, viewport_height, window};
use crate::speech::{self, Do, Player, VoiceState};
use std::cell::RefCell;
use std::ops::Range as Span;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use web_sys::{
    Element, Event, EventTarget, Node, Range, SpeechSynthesis, SpeechSynthesisEvent,
    SpeechSynthesisUtterance, SpeechSynthesisVoice,
};

/// The blocks read aloud, in reading order: the title, the section headings, the paragraphs and
/// the scenes' steps (not the captions, nor the summary block, which repeats figures).
const BLOCKS: &str = ".masthead h1, .story-section > h2, .story-section > p, .step > p";

/// What is not read inside a block: what screen readers do not read either (the counters' ticking
/// digits; their visually hidden final text, 「近20亿元」, is read) and the source's gap marker.
const SKIPPED: &str = "[aria-hidden='true'], .gap";

/// The highlight of the sentence being read: `::highlight(listen)` in the stylesheet.
const HIGHLIGHT: &str = "listen";

/// The class of the block being read (and the whole highlight where the browser has no CSS Custom
/// Highlight API).
const READING: &str = "listen-reading";

/// The sticky section bar: the top of the band a sentence is kept in.
const TOP_BAR: &str = ".section-nav";

/// The read-aloud bar: the bottom of that band, when it sits at the bottom of the viewport.
const BOTTOM_BAR: &str = ".listen-bar";

/// A scene's step (see [`keep_in_view`]).
const STEP: &str = ".step";

/// The article's language, for the utterances.
const LANG: &str = "zh-CN";

/// How long to wait for the browser's voices before saying there is none (ms). Firefox and
/// Chromium on Linux get theirs from speech-dispatcher 3 to 4 s after the page loads.
const VOICE_WAIT_MS: u32 = 8000;

#[wasm_bindgen]
extern "C" {
    /// A CSS Custom Highlight (`Highlight`; web-sys has it only among its unstable APIs).
    #[wasm_bindgen(js_name = Highlight)]
    type CssHighlight;
    #[wasm_bindgen(constructor, js_class = Highlight)]
    fn new(range: &Range) -> CssHighlight;

    /// `CSS.highlights`.
    #[derive(Clone)]
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &CssHighlight);
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;

    /// `CSS.highlights` (`None` without the API).
    #[wasm_bindgen(thread_local_v2, js_namespace = CSS, js_name = highlights)]
    static HIGHLIGHTS: Option<HighlightRegistry>;
}

/// `CSS.highlights`, where the browser has the CSS Custom Highlight API.
fn highlights() -> Option<HighlightRegistry> {
    HIGHLIGHTS.with(Clone::clone)
}

/// A block of the article as it is read: its element, its text nodes in order (what the reader
/// hears), their lengths and text in UTF-16 units, and its sentences.
struct Block {
    el: Element,
    nodes: Vec<Node>,
    lens: Vec<usize>,
    text: String,
    sentences: Vec<Span<usize>>,
}

impl Block {
    /// Reads `el`'s text as it is heard (see [`SKIPPED`]).
    fn read(el: Element) -> Self {
        let mut nodes = Vec::new();
        text_nodes(&el, &mut nodes);
        let (mut lens, mut all) = (Vec::new(), String::new());
        for node in &nodes {
            let text = node.node_value().unwrap_or_default();
            lens.push(speech::utf16_len(&text));
            all.push_str(&text);
        }
        Self {
            sentences: speech::sentences(&all),
            text: all,
            el,
            nodes,
            lens,
        }
    }

    /// The DOM range of a sentence.
    fn range(&self, sentence: usize) -> Option<Range> {
        let span = self.sentences.get(sentence)?;
        let (start, start_at) = speech::locate(&self.lens, span.start, false)?;
        let (end, end_at) = speech::locate(&self.lens, span.end, true)?;
        let range = window().document()?.create_range().ok()?;
        range.set_start(&self.nodes[start], start_at as u32).ok()?;
        range.set_end(&self.nodes[end], end_at as u32).ok()?;
        Some(range)
    }

    /// A sentence's words from UTF-16 offset `from` into it (from its start when `from` is past
    /// its end).
    fn words(&self, sentence: usize, from: usize) -> &str {
        let span = &self.sentences[sentence];
        let from = if span.start + from < span.end {
            from
        } else {
            0
        };
        speech::utf16_slice(&self.text, span.start + from, span.end)
    }
}

/// The text nodes under `parent` that are read, in document order.
fn text_nodes(parent: &Node, out: &mut Vec<Node>) {
    let mut child = parent.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        match node.node_type() {
            Node::TEXT_NODE => out.push(node),
            Node::ELEMENT_NODE
                if !node
                    .unchecked_ref::<Element>()
                    .matches(SKIPPED)
                    .unwrap_or(true) =>
            {
                text_nodes(&node, out);
            }
            _ => {}
        }
    }
}

/// The band (px from the viewport top) a sentence is kept in: below the section bar once it sticks
/// at the top, above the read-aloud bar when that sits at the bottom of the viewport.
fn band() -> (f64, f64) {
    let height = viewport_height();
    let document = window().document();
    let edge = |selector| {
        let el = document.as_ref()?.query_selector(selector).ok()??;
        Some(super::edges(&el))
    };
    let top = edge(TOP_BAR)
        .filter(|e| e.top <= 0.5)
        .map_or(0.0, |e| e.bottom.max(0.0));
    let bottom = edge(BOTTOM_BAR)
        .filter(|e| e.bottom >= height - 1.0 && e.top > top)
        .map_or(height, |e| e.top);
    (top, bottom)
}

/// Keeps the sentence `range` of `block` in view: a scene's step is brought into view as a whole
/// when it starts (`first`: its first sentence), so that the scene's own scroll margin puts it
/// where the scene reads it (under the pinned graphic on phones) and the graphic follows; any
/// other sentence only when it is out of view ([`speech::scroll_delta`]). The scenes follow by
/// themselves: they read the layout whenever a step crosses their observers' thresholds. The
/// scroll is smooth, and instant under reduced motion.
fn keep_in_view(block: &Element, range: &Range, first: bool) {
    let behavior = if super::prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    };
    // A sentence in a part of the page not laid out yet (a skip far ahead) has no position to read
    // or scroll to (WebKit reports 0): that part is laid out first.
    if super::skipped(block) {
        super::reveal(block);
    }
    let step = block.closest(STEP).ok().flatten().filter(|_| first);
    if let Some(step) = step {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        options.set_behavior(behavior);
        step.scroll_into_view_with_scroll_into_view_options(&options);
        return;
    }
    // The sentence's box, or its block's where the browser has none for it (WebKitGTK 2.50 has
    // none for text in a scene it has just laid out again: `content-visibility: auto`).
    let rect = Some(range.get_bounding_client_rect())
        .filter(|r| r.width() > 0.0 || r.height() > 0.0)
        .unwrap_or_else(|| block.get_bounding_client_rect());
    let (top, bottom) = band();
    if let Some(delta) = speech::scroll_delta(rect.top(), rect.bottom(), top, bottom) {
        let options = web_sys::ScrollToOptions::new();
        options.set_top(delta);
        options.set_behavior(behavior);
        window().scroll_by_with_scroll_to_options(&options);
    }
}

/// The best Chinese voice of `synth` ([`speech::voice_score`]), and whether it listed any voice.
fn find_voice(synth: &SpeechSynthesis) -> (Option<SpeechSynthesisVoice>, bool) {
    let voices = synth.get_voices();
    let mut best = None;
    for voice in voices.iter() {
        let voice: SpeechSynthesisVoice = voice.unchecked_into();
        let score = speech::voice_score(&voice.lang(), voice.local_service(), voice.name().len());
        if score.is_some() && best.as_ref().is_none_or(|(s, _)| score < Some(*s)) {
            best = score.map(|s| (s, voice));
        }
    }
    (best.map(|(_, v)| v), voices.length() > 0)
}

/// The read-aloud's state in the browser.
struct Inner {
    player: Player,
    /// The control (`.listen`): its `data-voice` and `data-play` show the state (the stylesheet
    /// shows the parts that go with it), its buttons carry `data-listen`.
    control: Element,
    synth: Option<SpeechSynthesis>,
    voice: Option<SpeechSynthesisVoice>,
    voice_state: VoiceState,
    /// The blocks, read from the page when reading first starts.
    blocks: Vec<Block>,
    /// The utterance being spoken; the only one listened to.
    utterance: Option<SpeechSynthesisUtterance>,
    /// The block marked as being read.
    reading: Option<Element>,
    /// Hear the utterances' `boundary`, `end` and `error` events (in [`UTTERANCE_EVENTS`]' order).
    on_utterance: Vec<EventClosure>,
}

/// The one closure type of the read-aloud's listeners (one type: one copy of wasm-bindgen's glue).
type EventClosure = Closure<dyn FnMut(Event)>;

/// The utterance events listened to.
const UTTERANCE_EVENTS: [&str; 3] = ["boundary", "end", "error"];

/// The control's parts the state is written to: the rate shown, and the two rate buttons
/// (`aria-disabled` at either end).
const RATE_SHOWN: &str = ".listen-rate-value";
const SLOWER: &str = "[data-listen='slower']";
const FASTER: &str = "[data-listen='faster']";

/// Where focus goes when reading starts (the pause button), and back to when it stops.
const TOGGLE: &str = "[data-listen='toggle']";
const START: &str = "[data-listen='start']";

impl Inner {
    /// The first element of the control matching `selector`.
    fn part(&self, selector: &str) -> Option<Element> {
        self.control.query_selector(selector).ok().flatten()
    }

    /// Writes the state to the control.
    fn render(&mut self) {
        let play = self.player.play;
        let _ = self
            .control
            .set_attribute("data-voice", self.voice_state.as_str());
        let _ = self.control.set_attribute("data-play", play.as_str());
        let rate = self.player.rate;
        if let Some(shown) = self.part(RATE_SHOWN) {
            shown.set_text_content(Some(rate.label()));
        }
        for (selector, end) in [(SLOWER, rate.slower()), (FASTER, rate.faster())] {
            if let Some(button) = self.part(selector) {
                let _ = match end {
                    Some(_) => button.remove_attribute("aria-disabled"),
                    None => button.set_attribute("aria-disabled", "true"),
                };
            }
        }
    }

    /// Focuses the control's part `selector` (without scrolling): the stylesheet shows it as soon
    /// as the state is written.
    fn focus(&self, selector: &str) {
        if let Some(el) = self.part(selector) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el
                .unchecked_into::<HtmlElement>()
                .focus_with_options(&options);
        }
    }

    /// Looks for a voice again (at start, and on each `voiceschanged`). `waited`: the wait for
    /// voices is over, so an empty list means none.
    fn check_voices(&mut self, waited: bool) {
        let (voice, listed) = match &self.synth {
            Some(synth) => find_voice(synth),
            None => (None, true),
        };
        self.voice_state = match (&voice, listed || waited) {
            (Some(_), _) => VoiceState::Found,
            (None, true) => VoiceState::Missing,
            (None, false) => self.voice_state,
        };
        self.voice = voice;
        self.render();
    }

    /// Carries out what the player decided, then writes the state to the control.
    fn carry(&mut self, what: Do) {
        match what {
            Do::Nothing => {}
            Do::Speak(place, from) => {
                self.silence();
                self.show(place.block, place.sentence);
                self.say(place.block, place.sentence, from);
            }
            Do::Show(place) => {
                self.silence();
                self.show(place.block, place.sentence);
            }
            Do::Silence => self.silence(),
            Do::Stop => {
                self.silence();
                self.unshow();
            }
        }
        self.render();
    }

    /// Stops listening to the utterance being spoken, then silences the engine (so its
    /// cancellation's events reach nobody).
    fn silence(&mut self) {
        if let Some(utterance) = self.utterance.take() {
            for (name, f) in UTTERANCE_EVENTS.iter().zip(&self.on_utterance) {
                let _ =
                    utterance.remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
            }
        }
        if let Some(synth) = &self.synth {
            synth.cancel();
        }
    }

    /// Speaks sentence `sentence` of block `block` from UTF-16 offset `from` into it.
    fn say(&mut self, block: usize, sentence: usize, from: usize) {
        let Some(synth) = &self.synth else {
            return;
        };
        let words = self.blocks[block].words(sentence, from);
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(words) else {
            return;
        };
        utterance.set_lang(LANG);
        utterance.set_voice(self.voice.as_ref());
        utterance.set_rate(self.player.rate.value());
        for (name, f) in UTTERANCE_EVENTS.iter().zip(&self.on_utterance) {
            let _ = utterance.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        }
        synth.speak(&utterance);
        self.utterance = Some(utterance);
    }

    /// Highlights the sentence (without touching the DOM where the browser has `CSS.highlights`),
    /// marks its block, and keeps it in view.
    fn show(&mut self, block: usize, sentence: usize) {
        let el = self.blocks[block].el.clone();
        if self.reading.as_ref() != Some(&el) {
            self.unmark();
            let _ = el.class_list().add_1(READING);
            self.reading = Some(el.clone());
        }
        let Some(range) = self.blocks[block].range(sentence) else {
            return;
        };
        if let Some(registry) = highlights() {
            registry.set(HIGHLIGHT, &CssHighlight::new(&range));
        }
        keep_in_view(&el, &range, sentence == 0);
    }

    fn unmark(&mut self) {
        if let Some(el) = self.reading.take() {
            let _ = el.class_list().remove_1(READING);
        }
    }

    /// Takes the highlight and the block's mark away.
    fn unshow(&mut self) {
        self.unmark();
        if let Some(registry) = highlights() {
            registry.delete(HIGHLIGHT);
        }
    }

    /// Starts reading from the top (the control sits under the byline; reading the article's text
    /// from the page the first time).
    fn start(&mut self) {
        if self.voice.is_none() {
            return;
        }
        if self.blocks.is_empty() {
            self.blocks = query_all(BLOCKS).into_iter().map(Block::read).collect();
            let counts = self.blocks.iter().map(|b| b.sentences.len()).collect();
            let rate = self.player.rate;
            self.player = Player::new(counts);
            self.player.rate = rate;
        }
        let what = self.player.start(0);
        self.carry(what);
    }

    /// A click in the control: the command of the button clicked (`data-listen`). Starting moves
    /// the focus into the bar (the start button hides), stopping back to the start button (the
    /// bar hides).
    fn clicked(&mut self, event: Option<Event>) {
        let target = event
            .and_then(|e| e.target())
            .map(JsCast::unchecked_into::<Element>);
        let button = target.and_then(|t| t.closest("[data-listen]").ok().flatten());
        let command = button.and_then(|b| b.get_attribute("data-listen"));
        let step: fn(&mut Player) -> Do = match command.as_deref() {
            Some("start") => {
                self.start();
                return self.focus(TOGGLE);
            }
            Some("stop") => {
                let what = self.player.stop();
                self.carry(what);
                return self.focus(START);
            }
            Some("toggle") => Player::toggle,
            Some("previous") => Player::previous_block,
            Some("next") => Player::next_block,
            Some("slower") => |p| p.change_rate(false),
            Some("faster") => |p| p.change_rate(true),
            _ => return,
        };
        let what = step(&mut self.player);
        self.carry(what);
    }

    /// The utterance being spoken reached a word boundary.
    fn boundary(&mut self, event: Option<Event>) {
        if let Some(event) = event {
            let event: SpeechSynthesisEvent = event.unchecked_into();
            self.player.boundary(event.char_index() as usize);
        }
    }

    /// The utterance being spoken ended.
    fn ended(&mut self, _: Option<Event>) {
        let what = self.player.ended();
        self.carry(what);
    }

    /// The utterance being spoken failed (interrupted, or could not be spoken).
    fn failed(&mut self, _: Option<Event>) {
        let what = self.player.failed(page_hidden());
        self.carry(what);
    }

    /// The page was shown or hidden.
    fn visibility_changed(&mut self, _: Option<Event>) {
        if page_hidden() {
            return;
        }
        let stalled = self
            .synth
            .as_ref()
            .is_some_and(|s| !(s.speaking() || s.pending()) || s.paused());
        let what = self.player.shown(stalled);
        self.carry(what);
    }
}

/// Runs `handler` on the reader's state after `ms` (one closure type for all of the
/// read-aloud's timers).
fn later(
    ms: u32,
    weak: Weak<RefCell<Inner>>,
    handler: Handler,
    event: Option<Event>,
) -> gloo_timers::callback::Timeout {
    gloo_timers::callback::Timeout::new(ms, move || handle(&weak, handler, event))
}

/// Whether the page is hidden (another tab in front, the phone locked, the app in the background).
fn page_hidden() -> bool {
    window().document().is_some_and(|d| d.hidden())
}

/// What the read-aloud does with an event (none for its timers).
type Handler = fn(&mut Inner, Option<Event>);

/// Runs `handler` on the reader's state unless it is gone, now or (when the state is busy: an
/// engine that sends an event from inside a call) in the next task.
fn handle(weak: &Weak<RefCell<Inner>>, handler: Handler, event: Option<Event>) {
    let Some(inner) = weak.upgrade() else { return };
    if let Ok(mut state) = inner.try_borrow_mut() {
        return handler(&mut state, event);
    }
    later(0, weak.clone(), handler, event).forget();
}

/// A closure that hands its events to `handler`.
fn handler(weak: &Weak<RefCell<Inner>>, handler: Handler) -> EventClosure {
    let weak = weak.clone();
    Closure::wrap(
        Box::new(move |event: Event| handle(&weak, handler, Some(event))) as Box<dyn FnMut(Event)>,
    )
}

/// An event listener, removed on drop.
struct Listener {
    target: EventTarget,
    name: &'static str,
    f: EventClosure,
}

impl Listener {
    fn new(target: EventTarget, name: &'static str, f: EventClosure) -> Self {
        let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        Self { target, name, f }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.name, self.f.as_ref().unchecked_ref());
    }
}

/// Runs the read-aloud control `control` (the `.listen` element [`ListenControl`] renders): reads
/// the page's article in zh-CN with the browser's best Chinese voice ([`speech::pick_voice`])
/// when its start button is pressed, and answers its other buttons (`data-listen`). The state is
/// written to the control's `data-voice` (the voices load after the page: it listens to
/// `voiceschanged`, and says there is none after [`VOICE_WAIT_MS`] without any) and `data-play`,
/// the rate to its `.listen-rate-value`; the stylesheet shows what goes with them. Nothing is
/// spoken until the start button is pressed.
///
/// Each sentence is an utterance; its end speaks the next, so the sentence highlighted is the one
/// heard; an error pauses on it. When the page shows again after the platform stopped the speech
/// in the background (iOS), reading goes on from the start of that sentence.
///
/// Everything stops when the current reactive owner is cleaned up: the speech is cancelled, the
/// highlight and the listeners removed.
///
/// [`ListenControl`]: crate::components::listen_control::ListenControl
pub fn use_read_aloud(control: Element) {
    struct Running {
        inner: Rc<RefCell<Inner>>,
        _listeners: Vec<Listener>,
        _wait: Option<gloo_timers::callback::Timeout>,
    }
    impl Drop for Running {
        fn drop(&mut self) {
            if let Ok(mut inner) = self.inner.try_borrow_mut() {
                inner.silence();
                inner.unshow();
                inner.on_utterance.clear();
            }
        }
    }
    let w = window();
    let synth = js_sys::Reflect::get(&w, &"speechSynthesis".into())
        .ok()
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into::<SpeechSynthesis>);
    let inner = Rc::new(RefCell::new(Inner {
        player: Player::default(),
        control: control.clone(),
        synth: synth.clone(),
        voice: None,
        voice_state: VoiceState::Checking,
        blocks: Vec::new(),
        utterance: None,
        reading: None,
        on_utterance: Vec::new(),
    }));
    let weak = Rc::downgrade(&inner);
    let mut listeners = vec![Listener::new(
        control.into(),
        "click",
        handler(&weak, Inner::clicked),
    )];
    if let Some(synth) = synth {
        let voices = handler(&weak, |inner, _| inner.check_voices(false));
        listeners.push(Listener::new(synth.into(), "voiceschanged", voices));
    }
    if let Some(document) = w.document() {
        let shown = handler(&weak, Inner::visibility_changed);
        listeners.push(Listener::new(document.into(), "visibilitychange", shown));
    }
    let heard: [Handler; 3] = [Inner::boundary, Inner::ended, Inner::failed];
    inner.borrow_mut().on_utterance = heard.iter().map(|&h| handler(&weak, h)).collect();
    inner.borrow_mut().check_voices(false);
    let wait = (inner.borrow().voice_state == VoiceState::Checking).then(|| {
        later(
            VOICE_WAIT_MS,
            weak.clone(),
            |inner, _| inner.check_voices(true),
            None,
        )
    });
    own(Running {
        inner,
        _listeners: listeners,
        _wait: wait,
    });
}
