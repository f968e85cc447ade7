//! All browser glue in one place: IntersectionObserver, requestAnimationFrame, timers, media queries,
//! scroll position, and the framed page's postMessage / ResizeObserver side of pym.js. Every handle
//! here stops its work when dropped; components keep the handles and drop them in `on_cleanup`, so
//! nothing runs after a component unmounts.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many visibility watches and animations exist (created and not yet dropped): 0 once every
/// component using them has unmounted. Tests use it to prove that unmounting cancels everything.
pub fn live_handles() -> usize {
    LIVE.with(Cell::get)
}

fn track(delta: isize) {
    LIVE.with(|n| n.set(n.get().saturating_add_signed(delta)));
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

/// Watches an element's visibility. Dropping it disconnects the observer; no report arrives after.
#[must_use = "dropping the watch stops it"]
pub struct VisibilityWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Drop for VisibilityWatch {
    fn drop(&mut self) {
        track(-1);
        self.observer.disconnect();
    }
}

/// Reports `el`'s visibility to `f` now (the observer's first report) and whenever it crosses 0, ½
/// or all visible, until `f` returns `false`.
///
/// Uses thresholds, not `rootMargin`: browsers ignore `rootMargin` inside cross-origin iframes,
/// while thresholds work there against the top-level viewport. Chrome's first entry can have an
/// empty rect: such an entry counts as not visible.
pub fn watch_visibility(
    el: &Element,
    mut f: impl FnMut(Visibility) -> bool + 'static,
) -> VisibilityWatch {
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let Some(entry) = entries.iter().last() else {
                return;
            };
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            let rect = entry.bounding_client_rect();
            let empty = rect.width() == 0.0 && rect.height() == 0.0;
            let seen = Visibility {
                intersecting: entry.is_intersecting() && !empty,
                ratio: if empty {
                    0.0
                } else {
                    entry.intersection_ratio()
                },
            };
            if !f(seen) {
                observer.disconnect();
            }
        },
    );
    let init = IntersectionObserverInit::new();
    let thresholds = js_sys::Array::of3(&0.0.into(), &0.5.into(), &1.0.into());
    init.set_threshold(&thresholds);
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
        .expect("IntersectionObserver");
    observer.observe(el);
    track(1);
    VisibilityWatch {
        observer,
        _callback: callback,
    }
}

type FrameClosure = Closure<dyn FnMut(f64)>;

/// A running requestAnimationFrame loop with a timer as safety net. Dropping it cancels both.
#[must_use = "dropping the animation cancels it"]
pub struct Animation {
    frame: Rc<Cell<Option<i32>>>,
    closure: Rc<RefCell<Option<FrameClosure>>>,
    _finish: gloo_timers::callback::Timeout,
}

impl Drop for Animation {
    fn drop(&mut self) {
        track(-1);
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
pub fn animate(
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
        let (frame, closure_ref) = (frame.clone(), Rc::downgrade(&closure));
        move |now: f64| {
            frame.set(None);
            let elapsed = now - start;
            if elapsed >= duration_ms {
                end();
                return;
            }
            step(elapsed.max(0.0));
            if let Some(closure) = closure_ref.upgrade() {
                if let Some(c) = closure.borrow().as_ref() {
                    frame.set(
                        window()
                            .request_animation_frame(c.as_ref().unchecked_ref())
                            .ok(),
                    );
                }
            }
        }
    };
    *closure.borrow_mut() = Some(Closure::new(on_frame));
    if let Some(c) = closure.borrow().as_ref() {
        frame.set(
            window()
                .request_animation_frame(c.as_ref().unchecked_ref())
                .ok(),
        );
    }
    track(1);
    Animation {
        frame,
        closure,
        _finish: timer,
    }
}

/// Scrolls to the element named by the URL's `#id`, if there is one (the browser looked for it
/// before the app had drawn the page).
pub fn scroll_to_hash() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if let Some(el) = element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
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
fn element_by_id(id: &str) -> Option<Element> {
    window().document()?.get_element_by_id(id)
}

/// Whether the served HTML is the prerendered embed page (`<html data-embed>`).
pub fn prerendered_embed() -> bool {
    window()
        .document()
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.has_attribute("data-embed"))
}

/// The page's content height in CSS pixels, as pym.js measures it (`body.offsetHeight`).
fn content_height() -> u32 {
    let body = window().document().and_then(|d| d.body());
    body.map_or(0, |b| b.offset_height().max(0) as u32)
}

type MessageClosure = Closure<dyn FnMut(web_sys::MessageEvent)>;
type ResizeClosure = Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;

/// The page's side of pym.js (1.3) when framed: tells the parent the content height whenever it
/// changes (a `ResizeObserver` on `<body>` catches load, fonts, images, width changes and any
/// re-layout), and answers the parent's `width` messages. Only messages whose source is the
/// parent window and that parse as a `width` for our child id are acted on; nothing incoming is
/// ever executed or navigated to. Dropping it stops both.
#[must_use = "dropping it stops the height messages"]
pub struct PymChild {
    resize: web_sys::ResizeObserver,
    _on_resize: ResizeClosure,
    on_message: MessageClosure,
}

thread_local! {
    /// The pym.js child id while the page is framed (set by [`PymChild::start`]).
    static CHILD_ID: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// In a frame, asks the parent page to scroll to the element with this id (a full-height iframe
/// never scrolls itself, so `#id` links would do nothing) and returns `true`; `false` when the page
/// is not framed or has no such element, so the link works as usual.
pub fn scroll_parent_to(id: &str) -> bool {
    let Some(child_id) = CHILD_ID.with(|c| c.borrow().clone()) else {
        return false;
    };
    let (Some(parent), Some(el)) = (parent_window(), element_by_id(id)) else {
        return false;
    };
    let top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
    let message = crate::embed::scroll_message(&child_id, top.max(0.0).round() as u32);
    parent.post_message(&message.into(), "*").is_ok()
}

impl PymChild {
    /// Starts sending heights for `child_id` (checked with [`crate::embed::valid_child_id`]).
    pub fn start(child_id: String) -> Option<Self> {
        let parent = parent_window()?;
        CHILD_ID.with(|c| c.replace(Some(child_id.clone())));
        let body = window().document()?.body()?;
        let last_sent = Rc::new(Cell::new(u32::MAX));
        let send = {
            let (child_id, parent) = (child_id.clone(), parent.clone());
            move |force: bool| {
                let height = content_height();
                if force || last_sent.replace(height) != height {
                    let message = crate::embed::height_message(&child_id, height);
                    let _ = parent.post_message(&message.into(), "*");
                }
            }
        };
        let send = Rc::new(send);
        let on_resize: ResizeClosure = Closure::new({
            let send = send.clone();
            move |_: js_sys::Array, _: web_sys::ResizeObserver| send(false)
        });
        let resize = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        resize.observe(&body);
        let on_message: MessageClosure = Closure::new(move |event: web_sys::MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|s| js_sys::Object::is(&s, &parent));
            let Some(data) = event.data().as_string().filter(|_| from_parent) else {
                return;
            };
            if let Some(crate::embed::ParentMessage::Width(_)) =
                crate::embed::parse_parent_message(&data, &child_id)
            {
                send(true);
            }
        });
        window()
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
            .ok()?;
        Some(Self {
            resize,
            _on_resize: on_resize,
            on_message,
        })
    }
}

impl Drop for PymChild {
    fn drop(&mut self) {
        CHILD_ID.with(|c| c.take());
        self.resize.disconnect();
        let _ = window().remove_event_listener_with_callback(
            "message",
            self.on_message.as_ref().unchecked_ref(),
        );
    }
}

/// Calls `update` now and after every scroll and resize of the window, until the current reactive
/// owner is cleaned up (call it inside an effect).
pub fn on_scroll_and_resize(update: impl Fn() + Clone + 'static) {
    use leptos::prelude::{on_cleanup, window_event_listener};
    update();
    let scroll = window_event_listener(leptos::ev::scroll, {
        let update = update.clone();
        move |_| update()
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| update());
    let handles = send_wrapper::SendWrapper::new((scroll, resize));
    on_cleanup(move || {
        let (scroll, resize) = handles.take();
        scroll.remove();
        resize.remove();
    });
}

/// The viewport-relative tops (px) of the elements with these ids; +∞ for a missing one.
pub fn element_tops(ids: &[&str]) -> Vec<f64> {
    ids.iter()
        .map(|id| element_by_id(id).map_or(f64::INFINITY, |el| el.get_bounding_client_rect().top()))
        .collect()
}

/// How far the reader has scrolled through the document, 0 to 1.
pub fn scroll_progress() -> f64 {
    let w = window();
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return 0.0;
    };
    let max = f64::from(root.scroll_height())
        - w.inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
    if max <= 0.0 {
        return 1.0;
    }
    (w.scroll_y().unwrap_or(0.0) / max).clamp(0.0, 1.0)
}
