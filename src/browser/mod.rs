//! All browser glue in one layer: IntersectionObserver, requestAnimationFrame, timers, media queries,
//! window listeners, scroll position, the framed page's postMessage / ResizeObserver side of
//! pym.js, and the read-aloud's speech synthesis (`speech.rs`).
//!
//! One pattern, the leptos-use way: every starter here is a `use_…` function that ties what it
//! starts to the current reactive owner (the component, or the effect that calls it). When that
//! owner is cleaned up — the component unmounts, or the effect runs again — it stops: the observer
//! disconnects, the frame and timer are cancelled, the listener is removed. Components never keep
//! handles, and the non-`Send` web-sys objects stay in this file ([`own`]).
//!
//! ```ignore
//! browser::effect(move || {
//!     let Some(el) = node.get() else { return };
//!     browser::use_visibility(&el, move |seen| { /* … */ true });
//! });
//! ```

mod speech;
pub use speech::use_read_aloud;

use leptos::prelude::{on_cleanup, window_event_listener, WindowListenerHandle};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many things the `use_…` starters have started and not yet stopped (observers, animation
/// slots, window listeners, the pym.js child): 0 once every component using them has unmounted.
/// Tests use it to prove that unmounting stops everything.
pub fn live_handles() -> usize {
    LIVE.with(Cell::get)
}

/// Keeps `handle` until the current reactive owner is cleaned up, then drops it (each handle's
/// `Drop` stops its work). The one place that holds browser objects for components; counted by
/// [`live_handles`].
fn own<T: 'static>(handle: T) {
    LIVE.with(|n| n.set(n.get() + 1));
    let handle = SendWrapper::new(handle);
    on_cleanup(move || {
        drop(handle);
        LIVE.with(|n| n.set(n.get().saturating_sub(1)));
    });
}

/// The page's window. Panics only outside a browser.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Whether the reader asked for reduced motion (`prefers-reduced-motion: reduce`).
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A warning in the browser's console, for the people who embed the page.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// A `performance.measure` named `name` from its start to its drop (User Timing: the bench and the
/// browser's performance panel read it).
#[must_use = "the measure ends when this is dropped"]
pub struct Measure(&'static str);

impl Measure {
    /// Marks the start of `name`.
    pub fn start(name: &'static str) -> Self {
        if let Some(p) = window().performance() {
            let _ = p.mark(name);
        }
        Self(name)
    }
}

impl Drop for Measure {
    fn drop(&mut self) {
        if let Some(p) = window().performance() {
            let _ = p.measure_with_start_mark(self.0, self.0);
        }
    }
}

/// Milliseconds on the page's monotonic clock (`performance.now()`).
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// What an IntersectionObserver reported for an element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Visibility {
    /// Any part of it is in the viewport.
    pub intersecting: bool,
    /// The visible fraction of it, 0 to 1.
    pub ratio: f64,
}

impl Visibility {
    /// Not in the viewport at all.
    pub const HIDDEN: Self = Self {
        intersecting: false,
        ratio: 0.0,
    };

    /// An entry's report. An element with an empty bounding rectangle (`width` and `height` 0)
    /// has no box the reader could see: it is not rendered (`display: none`), or it is in a part
    /// of the page the browser skips for now (`content-visibility: auto` far from the viewport:
    /// not laid out until the reader nears it), and either way it is out of sight
    /// ([`Self::HIDDEN`]).
    /// Telling the two apart (`checkVisibility`) would make the browser compute the style of the
    /// whole skipped part, at once, in the observer's task. `None` for an empty rectangle the
    /// observer calls intersecting (a box of no size on the viewport's edge): it says nothing.
    pub fn from_entry(width: f64, height: f64, intersecting: bool, ratio: f64) -> Option<Self> {
        if width > 0.0 || height > 0.0 {
            Some(Self {
                intersecting,
                ratio,
            })
        } else {
            (!intersecting).then_some(Self::HIDDEN)
        }
    }
}

/// Whether `el` is in a part of the page the browser skips for now (`content-visibility: auto`
/// far from the viewport: not laid out until the reader nears it), by `checkVisibility` (`false`
/// where the browser cannot say, and for an element that is not displayed at all). It lays
/// nothing out, but the browser computes the style of the skipped part to answer (a few ms at 4×
/// CPU): for a reader's action (a link, the read-aloud), not for every observer report.
pub fn skipped(el: &Element) -> bool {
    let check = property(el, "checkVisibility").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(check) = check else { return false };
    let visible =
        |options: &js_sys::Object| check.call1(el, options).is_ok_and(|v| v == JsValue::TRUE);
    let auto = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &auto,
        &JsValue::from_str("contentVisibilityAuto"),
        &JsValue::TRUE,
    );
    visible(&js_sys::Object::new()) && !visible(&auto)
}

/// An IntersectionObserver with `thresholds` (against the top-level viewport, shrunk by
/// `root_margin` if given: browsers ignore it inside cross-origin iframes, so only what needs no
/// margin there may use one) watching `elements`; `on_entries` gets each batch. It disconnects
/// when the current reactive owner is cleaned up, or when `on_entries` returns `false`.
fn use_intersections(
    elements: &[Element],
    thresholds: &[f64],
    root_margin: Option<&str>,
    mut on_entries: impl FnMut(Vec<IntersectionObserverEntry>) -> bool + 'static,
) {
    struct Watch {
        observer: IntersectionObserver,
        _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
    }
    impl Drop for Watch {
        fn drop(&mut self) {
            // Entries already queued are still delivered after `disconnect` (the spec's
            // `disconnect` leaves the queue; Firefox and WebKit deliver it), to a callback dropped
            // with this: taking them first leaves nothing to deliver.
            self.observer.take_records();
            self.observer.disconnect();
        }
    }
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let entries = entries.iter().map(JsCast::unchecked_into).collect();
            if !on_entries(entries) {
                observer.disconnect();
            }
        },
    );
    let init = IntersectionObserverInit::new();
    let list: js_sys::Array = thresholds.iter().map(|t| JsValue::from(*t)).collect();
    init.set_threshold(&list);
    if let Some(margin) = root_margin {
        init.set_root_margin(margin);
    }
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
        .expect("IntersectionObserver");
    for el in elements {
        observer.observe(el);
    }
    own(Watch {
        observer,
        _callback: callback,
    });
}

/// Calls `f` with `(index, top)` for each of `elements` whose edge crosses a line `line_px` below
/// the viewport's top (its first report too: every element and where its top is, px from the
/// viewport's top), until the current reactive owner is cleaned up. An observer of a one-pixel
/// band across the viewport (`viewport_height` px tall): nothing runs while the page scrolls but
/// when an element crosses it, and no geometry is read (the report carries it). Inside a
/// cross-origin iframe the browser ignores the band and reports the whole viewport's crossings.
pub fn use_line_crossings(
    elements: &[Element],
    line_px: f64,
    viewport_height: f64,
    f: impl Fn(&[(usize, f64)]) + 'static,
) {
    let below = (viewport_height - line_px - 1.0).max(0.0);
    // Whole pixels, formatted as integers: float formatting would bring its code into the wasm.
    let margin = format!(
        "-{}px 0px -{}px 0px",
        line_px.round() as i64,
        below.round() as i64
    );
    let targets = elements.to_vec();
    use_intersections(elements, &[0.0], Some(&margin), move |entries| {
        let reports: Vec<(usize, f64)> = entries
            .iter()
            .filter_map(|entry| {
                let target = entry.target();
                let i = targets
                    .iter()
                    .position(|t| js_sys::Object::is(t, &target))?;
                Some((i, entry.bounding_client_rect().top()))
            })
            .collect();
        f(&reports);
        true
    });
}

/// The viewport's height in the browser (0 until the app runs: the server has none), kept up to
/// date (a `resize` listener) until the current reactive owner is cleaned up.
pub fn use_viewport_height() -> leptos::prelude::Signal<f64> {
    use leptos::prelude::{RwSignal, Set};
    let height = RwSignal::new(0.0);
    effect(move || {
        height.set(viewport_height());
        let resize =
            window_event_listener(leptos::ev::resize, move |_| height.set(viewport_height()));
        own(Listeners(vec![resize]));
    });
    height.into()
}

/// Reports `el`'s visibility to `f` (the observer's first report, then whenever it crosses 0, ½ or
/// all visible) until `f` returns `false` or the current reactive owner is cleaned up. An element
/// with no box (not rendered, or in a part the browser skips for now) is hidden (see
/// [`Visibility::from_entry`]).
pub fn use_visibility(el: &Element, mut f: impl FnMut(Visibility) -> bool + 'static) {
    use_intersections(
        std::slice::from_ref(el),
        &[0.0, 0.5, 1.0],
        None,
        move |entries| {
            let seen = entries.last().and_then(|entry| {
                let rect = entry.bounding_client_rect();
                Visibility::from_entry(
                    rect.width(),
                    rect.height(),
                    entry.is_intersecting(),
                    entry.intersection_ratio(),
                )
            });
            seen.is_none_or(&mut f)
        },
    );
}

/// Calls `f` whenever any of `elements` crosses one of `thresholds` of visibility (the observer's
/// first report too), until the current reactive owner is cleaned up, with whether any of those
/// reported is in the viewport. A signal to re-read geometry, nothing more.
pub fn use_intersection_signal(
    elements: &[Element],
    thresholds: &[f64],
    f: impl Fn(bool) + 'static,
) {
    use_intersections(elements, thresholds, None, move |entries| {
        f(entries.iter().any(|e| e.is_intersecting()));
        true
    });
}

type FrameClosure = Closure<dyn FnMut(f64)>;

/// A running requestAnimationFrame loop with a timer as safety net. Dropping it cancels both.
struct Animation {
    frame: Rc<Cell<Option<i32>>>,
    closure: Rc<RefCell<Option<FrameClosure>>>,
    /// Calls `finish` unless it was called already.
    end: Rc<dyn Fn()>,
    _finish: gloo_timers::callback::Timeout,
}

impl Drop for Animation {
    fn drop(&mut self) {
        if let Some(id) = self.frame.take() {
            let _ = window().cancel_animation_frame(id);
        }
        // Break the closure's reference to itself.
        self.closure.borrow_mut().take();
    }
}

/// Runs `step(elapsed_ms)` once per animation frame until `elapsed_ms ≥ duration_ms`, then calls
/// `finish()` once. Time-based: a tab that was in the background lands on `finish` at its first frame
/// back, and a timer calls `finish` at the end even where frames are paused (background tabs,
/// hidden iframes).
fn animate(
    duration_ms: f64,
    step: impl Fn(f64) + 'static,
    finish: impl Fn() + 'static,
) -> Animation {
    step(0.0);
    let start = now_ms();
    let done = Rc::new(Cell::new(false));
    let finish = Rc::new(finish);
    let frame = Rc::new(Cell::new(None));
    let closure: Rc<RefCell<Option<FrameClosure>>> = Rc::new(RefCell::new(None));
    let request = |frame: &Cell<Option<i32>>, closure: &RefCell<Option<FrameClosure>>| {
        if let Some(c) = closure.borrow().as_ref() {
            frame.set(
                window()
                    .request_animation_frame(c.as_ref().unchecked_ref())
                    .ok(),
            );
        }
    };

    let end = {
        let (done, finish) = (done.clone(), finish.clone());
        move || {
            if !done.replace(true) {
                finish();
            }
        }
    };
    let timer = {
        let end = end.clone();
        let frame = frame.clone();
        gloo_timers::callback::Timeout::new(duration_ms.ceil() as u32 + 50, move || {
            if let Some(id) = frame.take() {
                let _ = window().cancel_animation_frame(id);
            }
            end();
        })
    };
    let on_frame = {
        let (frame, closure_ref, end) = (frame.clone(), Rc::downgrade(&closure), end.clone());
        move |now: f64| {
            frame.set(None);
            let elapsed = now - start;
            if elapsed >= duration_ms {
                end();
                return;
            }
            step(elapsed.max(0.0));
            if let Some(closure) = closure_ref.upgrade() {
                request(&frame, &closure);
            }
        }
    };
    *closure.borrow_mut() = Some(Closure::new(on_frame));
    request(&frame, &closure);
    Animation {
        frame,
        closure,
        end: Rc::new(end),
        _finish: timer,
    }
}

/// One animation at a time for the component or effect that made it (see [`use_animator`]):
/// starting one cancels the one before; the owner's cleanup cancels the last.
#[derive(Clone, Default)]
pub struct Animator(Rc<RefCell<Option<Animation>>>);

impl Animator {
    /// Runs `step(elapsed_ms)` every frame for `duration_ms`, then `finish()` once (also where
    /// frames are paused: a timer finishes it). Cancels the animation running before.
    pub fn start(
        &self,
        duration_ms: f64,
        step: impl Fn(f64) + 'static,
        finish: impl Fn() + 'static,
    ) {
        self.stop();
        let animation = animate(duration_ms, step, finish);
        *self.0.borrow_mut() = Some(animation);
    }

    /// Cancels the running animation, if any.
    pub fn stop(&self) {
        let old = self.0.borrow_mut().take();
        drop(old);
    }

    /// Ends the running animation now, as if its time were up: `finish()` runs, no more frames.
    pub fn complete(&self) {
        let old = self.0.borrow_mut().take();
        if let Some(animation) = old {
            (animation.end)();
        }
    }
}

/// An [`Animator`] that stops when the current reactive owner is cleaned up.
pub fn use_animator() -> Animator {
    struct StopOnDrop(Animator);
    impl Drop for StopOnDrop {
        fn drop(&mut self) {
            self.0.stop();
        }
    }
    let animator = Animator::default();
    own(StopOnDrop(animator.clone()));
    animator
}

/// Runs the last function given to [`NextFrame::write`] in the next animation frame (once, however
/// many were given meanwhile), or to [`NextFrame::write_after`] in the first frame after its delay;
/// cancelled when the owner of [`use_next_frame`] is cleaned up. For writes that follow readings of
/// the layout: done in the frame, they lay nothing out between two readings.
#[derive(Clone)]
pub struct NextFrame(Rc<NextFrameState>);

struct NextFrameState {
    pending: RefCell<Option<Box<dyn FnOnce()>>>,
    frame: Cell<Option<i32>>,
    on_frame: RefCell<Option<FrameClosure>>,
    /// The timer of a [`NextFrame::write_after`] whose delay is still running: waiting asks the
    /// browser for no frame (each frame asked for is a main-thread frame, even one that writes
    /// nothing, and a reader flinging past a counter or a scene's steps starts many delays). It
    /// calls `on_frame` without a frame time, which asks for the frame.
    delay: Cell<Option<i32>>,
}

impl NextFrameState {
    fn stop_delay(&self) {
        if let Some(id) = self.delay.take() {
            window().clear_timeout_with_handle(id);
        }
    }

    fn request(&self) {
        if self.frame.get().is_none() {
            if let Some(c) = self.on_frame.borrow().as_ref() {
                let id = window().request_animation_frame(c.as_ref().unchecked_ref());
                self.frame.set(id.ok());
            }
        }
    }
}

impl NextFrame {
    /// Runs `f` in the next frame instead of what was waiting for it.
    pub fn write(&self, f: impl FnOnce() + 'static) {
        self.write_after(0, f);
    }

    /// Runs `f` in the first frame at least `delay_ms` from now, instead of what was waiting (a
    /// later write or [`Self::cancel`] meanwhile forgets it). The delay is a timer: no frame is
    /// asked for until it has run out.
    pub fn write_after(&self, delay_ms: u32, f: impl FnOnce() + 'static) {
        *self.0.pending.borrow_mut() = Some(Box::new(f));
        self.0.stop_delay();
        if delay_ms == 0 {
            self.0.request();
        } else if let Some(c) = self.0.on_frame.borrow().as_ref() {
            let id = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                c.as_ref().unchecked_ref(),
                delay_ms as i32,
            );
            self.0.delay.set(id.ok());
        }
    }

    /// Whether a write is waiting for its frame (or its delay).
    pub fn waiting(&self) -> bool {
        self.0.pending.borrow().is_some()
    }

    /// Forgets what was waiting.
    pub fn cancel(&self) {
        self.0.pending.borrow_mut().take();
        self.0.stop_delay();
    }
}

/// A [`NextFrame`] that stops when the current reactive owner is cleaned up.
pub fn use_next_frame() -> NextFrame {
    let state = Rc::new(NextFrameState {
        pending: RefCell::new(None),
        frame: Cell::new(None),
        on_frame: RefCell::new(None),
        delay: Cell::new(None),
    });
    let weak = Rc::downgrade(&state);
    *state.on_frame.borrow_mut() = Some(Closure::new(move |now: f64| {
        if let Some(state) = weak.upgrade() {
            if now.is_nan() {
                // The delay's timer (it gives no frame time, which arrives as NaN): now the frame.
                state.delay.set(None);
                state.request();
                return;
            }
            state.frame.set(None);
            // A frame asked for before a delay started: the delay's own frame runs it.
            if state.delay.get().is_some() {
                return;
            }
            let pending = state.pending.borrow_mut().take();
            if let Some(f) = pending {
                f();
            }
        }
    }));
    struct CancelOnDrop(Rc<NextFrameState>);
    impl Drop for CancelOnDrop {
        fn drop(&mut self) {
            if let Some(id) = self.0.frame.take() {
                let _ = window().cancel_animation_frame(id);
            }
            self.0.pending.borrow_mut().take();
            self.0.stop_delay();
            self.0.on_frame.borrow_mut().take();
        }
    }
    own(CancelOnDrop(state.clone()));
    NextFrame(state)
}

/// The page's root element, `<html>`.
fn root_element() -> Option<Element> {
    window().document()?.document_element()
}

/// How far the page is scrolled down, CSS px (reading it lays nothing out).
pub fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// The viewport height in CSS pixels.
pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// An element's edges, px from the viewport's top left.
pub fn edges(el: &Element) -> crate::scrolly::Edges {
    let r = el.get_bounding_client_rect();
    crate::scrolly::Edges {
        top: r.top(),
        bottom: r.bottom(),
        left: r.left(),
        right: r.right(),
    }
}

/// Window event listeners, removed on drop.
struct Listeners(Vec<WindowListenerHandle>);

impl Drop for Listeners {
    fn drop(&mut self) {
        for handle in self.0.drain(..) {
            handle.remove();
        }
    }
}

/// Calls `update` once the page has next been laid out, then after every scroll and resize of the
/// window, until the current reactive owner is cleaned up. (The first call comes with an
/// IntersectionObserver's first report, delivered after the browser's own layout: it reads a
/// layout that is already there, so starting never forces one.)
pub fn use_scroll_and_resize(update: impl Fn() + Clone + 'static) {
    if let Some(root) = root_element() {
        let update = update.clone();
        use_intersections(&[root], &[0.0], None, move |_| {
            update();
            false
        });
    }
    let scroll = window_event_listener(leptos::ev::scroll, {
        let update = update.clone();
        move |_| update()
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| update());
    own(Listeners(vec![scroll, resize]));
}

/// Calls `f` with `el`'s border-box height (CSS px) when it is first laid out and whenever it
/// changes, until the current reactive owner is cleaned up (a `ResizeObserver`: the size comes
/// with the browser's own layout, never forcing one).
pub fn use_height(el: &Element, f: impl Fn(f64) + 'static) {
    type Callback = Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;
    struct Watch {
        observer: web_sys::ResizeObserver,
        _callback: Callback,
    }
    impl Drop for Watch {
        fn drop(&mut self) {
            self.observer.disconnect();
        }
    }
    let callback: Callback = Closure::new(move |entries: js_sys::Array, _| {
        let entry: Option<web_sys::ResizeObserverEntry> =
            entries.iter().last().map(JsCast::unchecked_into);
        if let Some(entry) = entry {
            f(entry
                .border_box_size()
                .get(0)
                .unchecked_into::<web_sys::ResizeObserverSize>()
                .block_size());
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    own(Watch {
        observer,
        _callback: callback,
    });
}

/// Sets the custom property `name` (`--nav-h`) on the page's root element to `value`, or removes
/// it for `None` (CSSOM: no style attribute is written into the HTML, so the strict CSP allows it).
pub fn set_root_property(name: &str, value: Option<&str>) {
    if let Some(root) = root_element().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = match value {
            Some(value) => root.style().set_property(name, value),
            None => root.style().remove_property(name).map(drop),
        };
    }
}

/// A property of `el`'s computed style, as the browser writes it (`min-height`: `"44px"`).
pub fn computed_style(el: &Element, property: &str) -> Option<String> {
    window()
        .get_computed_style(el)
        .ok()??
        .get_property_value(property)
        .ok()
}

/// The element the URL's `#id` names, if any.
fn hash_target() -> Option<Element> {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    element_by_id(id)
}

/// Scrolls to `el` at once.
fn scroll_to(el: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls to the element named by the URL's `#id`, if there is one (the browser looked for it
/// before the app had drawn the page).
pub fn scroll_to_hash() {
    if let Some(el) = hash_target() {
        scroll_to(&el);
    }
}

/// Where the URL's `#id` names an element in a part of the page the browser has not laid out
/// (`content-visibility: auto`: WebKit scrolls a deep link there to where that part begins, not to
/// the element, which has no position yet), lays that part out and scrolls to the element. A deep
/// link the browser followed leaves its element in view, laid out: then nothing is done.
fn reveal_hash() {
    if let Some(el) = hash_target().filter(skipped) {
        reveal(&el);
        scroll_to(&el);
    }
}

/// [`reveal_hash`] now and whenever the reader follows a link to an `#id` of the page, until the
/// current reactive owner is cleaned up.
pub fn use_hash_reveal() {
    reveal_hash();
    let change = window_event_listener(leptos::ev::hashchange, |_| reveal_hash());
    own(Listeners(vec![change]));
}

/// Lays out the parts of the page around `el` that the browser skips (`content-visibility: auto`
/// far from the viewport): the reader is going there.
pub fn reveal(el: &Element) {
    let mut node = el.parent_element();
    while let Some(part) = node {
        if computed_style(&part, "content-visibility").as_deref() == Some("auto") {
            if let Some(part) = part.dyn_ref::<web_sys::HtmlElement>() {
                unskip(part);
            }
        }
        node = part.parent_element();
    }
}

/// Makes `part` `content-visibility: visible` (its own style, over the stylesheet's `auto`): the
/// browser lays it out from now on, near the viewport or not.
fn unskip(part: &web_sys::HtmlElement) {
    let _ = part.style().set_property("content-visibility", "visible");
}

/// How long an idle period must still have to run when the next piece of [`use_idle_layout`]'s
/// work is done in it (ms): about what laying out one part of the page takes on a slow phone (20–25
/// ms at 4× CPU). The browser offers up to 50 ms when it has nothing else to do; between the frames
/// of a scroll or an animation it offers what is left of a frame, and the work waits.
const IDLE_WORK_MS: f64 = 30.0;

/// Where the browser has no `requestIdleCallback` (WebKit), how often (ms) [`use_idle_layout`]
/// looks whether the reader has stopped scrolling.
const IDLE_POLL_MS: i32 = 250;

/// Lays out the parts of the page that the browser skips for now (the elements `parts` selects,
/// whose style says `content-visibility: auto`, far from the viewport: each is made `visible`),
/// then loads the drawings that wait for the reader (the `drawings` selected: `loading="lazy"`
/// SVGs, whose decoding is a document of its own on the main thread), then gives each part back
/// to its stylesheet (skipped again while far, at the height it was laid out at), in the
/// browser's idle time: one part or one drawing at a time (the next drawing once the last has
/// loaded), in an idle period long enough for it ([`IDLE_WORK_MS`]) while the page is not
/// scrolled, in document order, but none wholly above the viewport (its real height would move
/// what is in view). It stops when the current reactive owner is cleaned up (its task ends at its
/// next wake).
///
/// The first paint still lays out the opening alone (no long task at load); what it skipped is
/// laid out while the reader reads the opening, instead of in the frames of their scroll, where a
/// part arriving costs a 20–25 ms frame at 4× CPU and a drawing a 25 ms task.
pub fn use_idle_layout(parts: &str, drawings: &str) {
    /// Set when the owner is cleaned up: the loop ends at its next wake.
    struct Stop(Rc<Cell<bool>>);
    impl Drop for Stop {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let stopped = Rc::new(Cell::new(false));
    own(Stop(stopped.clone()));
    /// A piece of the work: a drawing to load, a part's style, then its layout (each of the two
    /// about half of what laying out a part costs: a scene with its steps' text, 8 + 16 ms at 4×
    /// CPU, in one task would be 25 or more).
    #[derive(Clone, Copy)]
    enum Piece {
        Drawing,
        Style,
        Layout,
        Skip,
    }
    // The work left, last first: the parts (each part's layout is put back once its style is
    // done), the drawings, then each part given back to its stylesheet: none before every part
    // was laid out (a scene laid out in a section already skipped again would not be laid out,
    // and the section would keep its estimate's height), and the drawings load while they are in
    // a part laid out.
    let parts = query_all(parts);
    let mut work: Vec<(Element, Piece)> = parts
        .iter()
        .rev()
        .map(|p| (p.clone(), Piece::Skip))
        .collect();
    work.extend(
        query_all(drawings)
            .into_iter()
            .rev()
            .map(|d| (d, Piece::Drawing)),
    );
    work.extend(parts.into_iter().rev().map(|p| (p, Piece::Style)));
    // Through `Reflect` and a promise: typed bindings for the idle callback, its deadline and the
    // image, and a closure type of their own, would each bring their own glue into the wasm.
    let request = property(&window(), "requestIdleCallback")
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let wait = |request: Option<&js_sys::Function>| {
        let wake = js_sys::Promise::new(&mut |resolve, _| {
            let _ = match request {
                Some(request) => request.call1(&window(), &resolve).map(drop),
                None => window()
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, IDLE_POLL_MS)
                    .map(drop),
            };
        });
        js_sys::futures::JsFuture::from(wake)
    };
    leptos::task::spawn_local(async move {
        let mut scrolled = scroll_y();
        let mut loading: Option<Element> = None;
        let mut busy = false;
        while !work.is_empty() {
            // After a wake that found the page scrolling (every frame of a read has an idle
            // period, too short for the work), a timer's wait first: not a call into the app in
            // every frame of a read.
            if busy && request.is_some() {
                let _ = wait(None).await;
            }
            // The next idle period (its deadline), or the timer's turn (no deadline).
            let deadline = wait(request.as_ref()).await.unwrap_or(JsValue::UNDEFINED);
            if stopped.get() {
                return;
            }
            let remaining = property(&deadline, "timeRemaining")
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&deadline).ok()?.as_f64())
                .unwrap_or(f64::INFINITY);
            let y = scroll_y();
            let still = std::mem::replace(&mut scrolled, y) == y;
            let loaded = loading
                .as_ref()
                .is_none_or(|img| property(img, "complete").is_some_and(|c| c == JsValue::TRUE));
            busy = !still;
            if busy || remaining < IDLE_WORK_MS || !loaded {
                continue;
            }
            let Some((el, piece)) = work.pop() else { break };
            match (piece, el.dyn_ref::<web_sys::HtmlElement>()) {
                (Piece::Drawing, _) => {
                    let _ = el.set_attribute("loading", "eager");
                    loading = Some(el);
                }
                // A part wholly above the viewport (the reader jumped past it) is left to the
                // browser: laid out now, its real height would move what the reader sees.
                (Piece::Style, _) if el.get_bounding_client_rect().bottom() <= 0.0 => {}
                (Piece::Style, Some(part)) => {
                    // Whatever its style says now: a part the layout does not skip at this width
                    // would be skipped at another (a phone turned, a window narrowed).
                    unskip(part);
                    // Read now, the style of what it holds is computed now, in this idle period.
                    let _ = computed_style(&el, "display");
                    work.push((el, Piece::Layout));
                }
                // Read now, the part is laid out now (if the browser has not in a frame since).
                (Piece::Layout, Some(part)) => {
                    let _ = part.offset_height();
                }
                // Laid out once, a part far from the viewport is skipped again, at the height it
                // had (`contain-intrinsic-size: auto`): each frame of a scroll walks, paints and
                // culls only what is near the reader, not the whole page (in a story ten times as
                // long as this one, the browser's pre-paint and cull work for every frame was
                // 22 % of a read's main-thread time; skipped, 7 %). Coming near again it is laid
                // out from what the browser kept (217 such layouts in a read of that story, 191
                // traced ms in all); its pre-paint then is that frame's largest work (15–30 ms at
                // 4× CPU, traced), one frame per part instead of a whole page's in every frame.
                // One within a screen of the viewport stays as it is: given back in view, the
                // browser would skip it for a frame before it finds it in view (a flash, and a
                // layout shift).
                (Piece::Skip, _)
                    if crate::scrolly::within_a_screen(viewport_height(), edges(&el)) => {}
                (Piece::Skip, Some(part)) => {
                    let _ = part.style().remove_property("content-visibility");
                }
                (_, None) => {}
            }
        }
    });
}

/// `target[name]`, if reading it does not throw.
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
}

/// Marks the page as running (`<html data-app>`).
pub fn mark_running() {
    if let Some(html) = root_element() {
        let _ = html.set_attribute("data-app", "");
    }
}

/// Marks the prerendered page as wholly hydrated (`<html data-app="hydrated">`): every island
/// runs. What tests of the served page wait for.
pub fn mark_hydrated() {
    if let Some(html) = root_element() {
        let _ = html.set_attribute("data-app", "hydrated");
    }
}

/// A query parameter of the page's URL (`?embed=1&childId=…`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The window framing this page (an iframe's host), or `None` when the page is not framed.
fn parent_window() -> Option<web_sys::Window> {
    let w = window();
    w.parent()
        .ok()
        .flatten()
        .filter(|parent| !js_sys::Object::is(parent, &w))
}

/// Whether the page is inside a frame (an iframe on a news site).
pub fn is_framed() -> bool {
    parent_window().is_some()
}

/// The element with this id in the page.
pub fn element_by_id(id: &str) -> Option<Element> {
    window().document()?.get_element_by_id(id)
}

/// Resolves after the microtasks queued so far have run (effects just created make their first run).
pub async fn settled() {
    let _ = js_sys::futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}

/// Resolves in a later task (a zero-delay timer): what follows runs after the browser had a chance
/// to paint and handle input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = js_sys::futures::JsFuture::from(promise).await;
}

/// The page's elements matching a CSS `selector`, in document order.
pub fn query_all(selector: &str) -> Vec<Element> {
    let Some(list) = window()
        .document()
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// An effect ([`Effect::new`](leptos::prelude::Effect::new)) that returns nothing, made from one
/// boxed closure type: Leptos's effect loop is then one function in the wasm, not a copy for each
/// effect's closure (1 to 3 KB each, which the browser compiles, on the main thread, the first
/// time that effect runs). Runs `f` after the current render, and again when what it read changes.
pub fn effect(f: impl FnMut() + 'static) {
    boxed_effect(Box::new(f));
}

/// [`effect`]'s one instance of `Effect::new`.
fn boxed_effect(mut f: Box<dyn FnMut()>) {
    leptos::prelude::Effect::new(move |_| f());
}

/// Keeps the class `name` of `el` in step with `on`, from now until the current owner is cleaned up.
pub fn use_class(el: Element, name: &'static str, on: impl Fn() -> bool + 'static) {
    effect(move || {
        let _ = el.class_list().toggle_with_force(name, on());
    });
}

/// Whether the served HTML is the prerendered embed page (`<html data-embed>`).
pub fn prerendered_embed() -> bool {
    root_element().is_some_and(|html| html.has_attribute("data-embed"))
}

/// The page's content height in CSS pixels, as pym.js measures it (`body.offsetHeight`).
fn content_height() -> u32 {
    let body = window().document().and_then(|d| d.body());
    body.map_or(0, |b| b.offset_height().max(0) as u32)
}

thread_local! {
    /// The pym.js child id while the page is framed (set by [`use_pym_child`]).
    static CHILD_ID: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether the parent speaks pym.js (it named a `childId` in the URL, as pym.js does, or sent a
    /// `width` message, as `embed.js` does): it sizes the frame and scrolls for the section links.
    static PARENT_SPEAKS_PYM: Cell<bool> = const { Cell::new(false) };
}

/// In a frame whose parent speaks pym.js, asks the parent page to scroll to the element with this
/// id (a full-height iframe never scrolls itself, so `#id` links would do nothing) and returns
/// `true`; `false` when the page is not framed, its parent never spoke pym.js (a plain
/// fixed-height iframe, which scrolls itself) or there is no such element, so the link works as
/// usual.
pub fn scroll_parent_to(id: &str) -> bool {
    let Some(child_id) = CHILD_ID.with(|c| c.borrow().clone()) else {
        return false;
    };
    if !PARENT_SPEAKS_PYM.with(Cell::get) {
        return false;
    }
    let (Some(parent), Some(el)) = (parent_window(), element_by_id(id)) else {
        return false;
    };
    let top = el.get_bounding_client_rect().top() + scroll_y();
    let message = crate::embed::scroll_message(&child_id, top.max(0.0).round() as u32);
    parent.post_message(&message.into(), "*").is_ok()
}

/// The shortest time between two answers to the parent's `width` messages (ms). Each answer
/// reads the content height (a layout, if one is due) and posts a message; a parent, or anything
/// holding its window, that floods `width` messages gets at most one answer per interval, the
/// last one with the height after the flood.
const WIDTH_REPLY_INTERVAL_MS: f64 = 100.0;

/// Answers to `width` messages, at most one per [`WIDTH_REPLY_INTERVAL_MS`]: the first at once,
/// the ones asked for within the interval as one, at its end. Dropping it cancels a pending one.
struct Replies {
    last: Cell<f64>,
    pending: Cell<bool>,
    timer: RefCell<Option<gloo_timers::callback::Timeout>>,
}

impl Replies {
    fn new() -> Rc<Self> {
        Rc::new(Self {
            last: Cell::new(f64::NEG_INFINITY),
            pending: Cell::new(false),
            timer: RefCell::new(None),
        })
    }

    /// Calls `reply` now, or once at the end of the current interval (a request while one waits
    /// adds nothing).
    fn request(self: &Rc<Self>, reply: Rc<dyn Fn()>) {
        if self.pending.get() {
            return;
        }
        let wait = self.last.get() + WIDTH_REPLY_INTERVAL_MS - now_ms();
        if wait <= 0.0 {
            self.last.set(now_ms());
            reply();
            return;
        }
        self.pending.set(true);
        let this = Rc::downgrade(self);
        // The spent timer of the interval before is dropped here, outside its own callback.
        *self.timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
            wait.ceil() as u32,
            move || {
                if let Some(this) = this.upgrade() {
                    this.pending.set(false);
                    this.last.set(now_ms());
                    reply();
                }
            },
        ));
    }
}

/// The page's side of pym.js (1.3) when framed, until the current reactive owner is cleaned up:
/// tells the parent the content height whenever it changes (a `ResizeObserver` on `<body>` catches
/// load, fonts, images, width changes and any re-layout), and answers the parent's `width`
/// messages, at most one answer per [`WIDTH_REPLY_INTERVAL_MS`]. A message is looked at only when
/// its source is the parent window — checked first: reading a message's data deserializes it, and
/// a sibling frame may post megabytes — and it is a short string
/// ([`crate::embed::MAX_MESSAGE_LEN`]), checked before it is copied into wasm memory; only a
/// `width` for our child id is acted on; nothing incoming is ever executed or navigated to.
/// `announced`: the parent named a child id in the URL, as pym.js does (it sends no `width` until
/// a resize); otherwise the parent counts as speaking pym.js once it sends a `width` (`embed.js`
/// does at start). Does nothing when the page is not framed.
pub fn use_pym_child(child_id: String, announced: bool) {
    type ResizeClosure = Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;
    struct PymChild {
        resize: web_sys::ResizeObserver,
        _on_resize: ResizeClosure,
        _listeners: Listeners,
        _replies: Rc<Replies>,
    }
    impl Drop for PymChild {
        fn drop(&mut self) {
            CHILD_ID.with(|c| c.take());
            PARENT_SPEAKS_PYM.with(|p| p.set(false));
            self.resize.disconnect();
        }
    }

    let Some(parent) = parent_window() else {
        return;
    };
    let Some(body) = window().document().and_then(|d| d.body()) else {
        return;
    };
    CHILD_ID.with(|c| c.replace(Some(child_id.clone())));
    PARENT_SPEAKS_PYM.with(|p| p.set(announced));
    let last_sent = Rc::new(Cell::new(u32::MAX));
    let send = {
        let (child_id, parent) = (child_id.clone(), parent.clone());
        Rc::new(move |force: bool| {
            let height = content_height();
            if force || last_sent.replace(height) != height {
                let message = crate::embed::height_message(&child_id, height);
                let _ = parent.post_message(&message.into(), "*");
            }
        })
    };
    let on_resize: ResizeClosure = Closure::new({
        let send = send.clone();
        move |_: js_sys::Array, _: web_sys::ResizeObserver| send(false)
    });
    let Ok(resize) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    resize.observe(&body);
    // Once at start as well: an off-screen frame's rendering is paused, and with it the
    // ResizeObserver, but reading the height still works.
    send(false);
    let replies = Replies::new();
    let reply: Rc<dyn Fn()> = Rc::new(move || send(true));
    let on_message = window_event_listener(leptos::ev::message, {
        let replies = replies.clone();
        move |event| {
            let from_parent = event
                .source()
                .is_some_and(|s| js_sys::Object::is(&s, &parent));
            if !from_parent {
                return;
            }
            let data = event.data();
            let Some(short) = data
                .dyn_ref::<js_sys::JsString>()
                .filter(|s| s.length() as usize <= crate::embed::MAX_MESSAGE_LEN)
            else {
                return;
            };
            let text = String::from(short);
            if let Some(crate::embed::ParentMessage::Width(_)) =
                crate::embed::parse_parent_message(&text, &child_id)
            {
                PARENT_SPEAKS_PYM.with(|p| p.set(true));
                replies.request(reply.clone());
            }
        }
    });
    own(PymChild {
        resize,
        _on_resize: on_resize,
        _listeners: Listeners(vec![on_message]),
        _replies: replies,
    });
}

/// How far the reader has scrolled through the document, 0 to 1 (see [`scroll_fraction`]).
pub fn scroll_progress() -> f64 {
    let Some(root) = root_element() else {
        return 0.0;
    };
    scroll_fraction(
        scroll_y(),
        f64::from(root.scroll_height()),
        viewport_height(),
    )
}

/// How far `scroll_y` has gone through a document `scroll_height` tall seen through a viewport
/// `viewport_height` tall: 0 at the top, 1 at the bottom, and 1 when nothing scrolls.
pub fn scroll_fraction(scroll_y: f64, scroll_height: f64, viewport_height: f64) -> f64 {
    let max = scroll_height - viewport_height;
    if max <= 0.0 {
        return 1.0;
    }
    (scroll_y / max).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::{scroll_fraction, Visibility};

    #[test]
    fn an_element_without_a_box_is_hidden() {
        assert_eq!(
            Visibility::from_entry(0.0, 0.0, false, 0.0),
            Some(Visibility::HIDDEN),
            "not rendered, or in a part the browser skips"
        );
        assert_eq!(
            Visibility::from_entry(0.0, 0.0, true, 1.0),
            None,
            "a box of no size on the viewport's edge says nothing"
        );
        assert_eq!(
            Visibility::from_entry(100.0, 20.0, false, 0.0),
            Some(Visibility {
                intersecting: false,
                ratio: 0.0
            })
        );
        assert_eq!(
            Visibility::from_entry(0.0, 20.0, true, 0.5).map(|v| v.ratio),
            Some(0.5),
            "a zero-width inline box with height is real"
        );
    }

    #[test]
    fn scroll_fraction_runs_from_top_to_bottom() {
        assert_eq!(scroll_fraction(0.0, 5000.0, 1000.0), 0.0);
        assert_eq!(scroll_fraction(2000.0, 5000.0, 1000.0), 0.5);
        assert_eq!(scroll_fraction(4000.0, 5000.0, 1000.0), 1.0);
        assert_eq!(scroll_fraction(4500.0, 5000.0, 1000.0), 1.0, "overscroll");
        assert_eq!(scroll_fraction(-50.0, 5000.0, 1000.0), 0.0, "rubber band");
        assert_eq!(
            scroll_fraction(0.0, 800.0, 1000.0),
            1.0,
            "nothing to scroll"
        );
    }
}
