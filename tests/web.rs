//! Browser tests: `wasm-pack test --headless --chrome -- --test web`. They mount the app and single
//! counters into the page and check the DOM a reader (and an embedder) gets.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use ruzhou_story::story::{self, Block, Value, STORY};
use ruzhou_story::{browser, App, Motion, StoryCounter};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    browser::window().document().unwrap()
}

/// A fresh container at the top of the page.
fn container() -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    let body = document().body().unwrap();
    body.insert_before(&div, body.first_child().as_ref())
        .unwrap();
    div
}

/// Mounts a view into a fresh container at the top of the page. Keep the handle: dropping it
/// unmounts the view and runs its `on_cleanup`s.
fn mount<F, N>(f: F) -> (HtmlElement, UnmountHandle<N::State>)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let parent = container();
    let handle = mount_to(parent.clone(), f);
    (parent, handle)
}

/// The page's live browser handles (observers, listeners, frames, timers) counted from a moment
/// of a test, its start: a test that failed before may have left its own running, and they must
/// not fail every test after it.
struct Handles(usize);

impl Handles {
    /// Counts from now.
    fn from_now() -> Self {
        Handles(browser::live_handles())
    }

    /// The handles started since, less those stopped (negative: more stopped than started).
    fn started(&self) -> isize {
        browser::live_handles() as isize - self.0 as isize
    }
}

fn all(parent: &Element, selector: &str) -> Vec<Element> {
    let list = parent.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(parent: &Element, selector: &str) -> Element {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// A paragraph's words as a sighted reader sees them: what screen readers alone read, and the
/// gap's note, are not the article's words.
fn shown_text(p: &Element) -> String {
    let p = p
        .clone_node_with_deep(true)
        .unwrap()
        .unchecked_into::<Element>();
    for extra in all(&p, ".sr-only, .gap-note") {
        extra.remove();
    }
    text(&p)
}

/// Counts the animation frames the page asks for (`requestAnimationFrame` calls) from a moment
/// of a test: each one is a main-thread frame, even one that writes nothing.
struct FramesAsked;

impl FramesAsked {
    /// Counts from now.
    fn from_now() -> Self {
        js_sys::eval(
            "window.__rafAsked = 0; window.__raf ??= window.requestAnimationFrame; \
             window.requestAnimationFrame = (f) => { window.__rafAsked++; return window.__raf.call(window, f); };",
        )
        .unwrap();
        FramesAsked
    }

    /// Stops counting; the frames asked for since [`Self::from_now`].
    fn stop(self) -> u32 {
        js("window.requestAnimationFrame = window.__raf; String(window.__rafAsked)")
            .parse()
            .unwrap()
    }
}

fn motion(reduced: bool) -> Motion {
    Motion::client(reduced)
}

fn counter(id: &str) -> &'static story::Counter {
    story::counters().iter().find(|c| c.id == id).unwrap()
}

/// Waits until `cond` holds, checking every frame-ish; panics after `ms`.
async fn until(ms: u32, what: &str, cond: impl Fn() -> bool) {
    let mut waited = 0;
    while !cond() {
        assert!(waited < ms, "timed out after {ms} ms waiting for {what}");
        TimeoutFuture::new(16).await;
        waited += 16;
    }
}

#[wasm_bindgen_test]
async fn the_whole_article_renders_in_order() {
    let (parent, handle) = mount(|| {
        provide_context(motion(true));
        view! { <App/> }
    });
    leptos::task::tick().await;

    assert_eq!(text(&one(&parent, "h1")), STORY.title);
    assert_eq!(text(&one(&parent, ".byline")), STORY.byline);
    // The stable ids themselves are pinned by the native test `reading_order_repairs_hold`.
    let ids: Vec<String> = all(&parent, "section").iter().map(|s| s.id()).collect();
    let data_ids: Vec<&str> = STORY.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, data_ids);
    let headings: Vec<String> = all(&parent, "section > h2").iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "民生优先 基础设施先行",
            "融资保障 发展根基牢固",
            "机制完善 机关管理规范"
        ]
    );

    let captions: Vec<String> = all(&parent, ".story-figure figcaption")
        .iter()
        .map(text)
        .collect();
    assert_eq!(captions.len(), 9);
    assert_eq!(captions[0], "升级改造中的园区道路");
    assert_eq!(captions[8], "汝州市机绣农民工返乡创业产业园");
    // Each figure has its drawing: an image of its painted file, the dark one for a dark screen.
    let drawings = all(&parent, ".story-figure .art img");
    assert_eq!(drawings.len(), 9, "each figure has its drawing");
    for img in &drawings {
        let src = img.get_attribute("src").unwrap_or_default();
        assert!(src.starts_with("art/") && src.ends_with(".svg"), "{src}");
        assert_eq!(img.get_attribute("alt").as_deref(), Some(""), "{src}");
    }
    assert_eq!(
        all(
            &parent,
            ".story-figure source[media='(prefers-color-scheme: dark)']"
        )
        .len(),
        9,
        "each drawing has its dark file"
    );
    assert_eq!(
        all(&parent, ".story-figure .schematic").len(),
        9,
        "each drawing standing in for a photo is tagged 示意图"
    );
    let scenes: Vec<String> = all(&parent, ".scene")
        .iter()
        .map(|s| s.get_attribute("data-scene").unwrap())
        .collect();
    assert_eq!(
        scenes,
        ["ranking", "roads", "greening", "financing", "departments"]
    );

    // Every paragraph, in order, with its counters at their final values (as a reader sees them).
    let expected: Vec<String> = STORY
        .sections
        .iter()
        .flat_map(|s| s.blocks)
        .flat_map(|b| match b {
            Block::Paragraph(p) => vec![story::plain_text(p)],
            Block::Scene(scene) => scene
                .steps
                .iter()
                .map(|s| story::plain_text(s.inlines))
                .collect(),
            _ => vec![],
        })
        .collect();
    let shown: Vec<String> = all(&parent, "section > p, .step > p")
        .iter()
        .map(shown_text)
        .collect();
    assert_eq!(shown, expected);
    assert!(shown.iter().any(|p| p.starts_with("……即打响。")));
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn counters_carry_the_dom_contract() {
    let (parent, handle) = mount(|| {
        provide_context(motion(true));
        view! { <App/> }
    });
    leptos::task::tick().await;

    for (id, visible) in [
        ("roads-km", "21.2公里"),
        ("trees", "6.5万余棵"),
        ("funds-yuan", "近20亿元"),
    ] {
        let els = all(&parent, &format!("[data-counter='{id}']"));
        assert_eq!(
            els.len(),
            2,
            "{id}: in the summary block and in its sentence"
        );
        for el in els {
            assert_eq!(text(&one(&el, ".counter-face")), visible);
            assert_eq!(
                one(&el, ".counter-face")
                    .get_attribute("aria-hidden")
                    .as_deref(),
                Some("true")
            );
            assert_eq!(
                text(&one(&el, ".sr-only")),
                visible,
                "{id}: accessible label"
            );
            assert_eq!(el.get_attribute("data-state").as_deref(), Some("done"));
        }
    }
    for c in story::counters() {
        let selector = match c.value {
            Value::Number { .. } if c.counts => format!("[data-counter='{}'] .sr-only", c.id),
            _ => format!("[data-fact='{}']", c.id),
        };
        assert_eq!(text(&one(&parent, &selector)), c.final_text());
    }
    assert_eq!(all(&parent, ".summary [data-counter]").len(), 3);

    // Section navigation: deep links to existing ids, and a keyboard-reachable replay button.
    let links: Vec<String> = all(&parent, ".section-nav a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, ["#infrastructure", "#financing", "#management"]);
    for link in &links {
        assert!(document().query_selector(link).unwrap().is_some());
    }
    // Nothing moves under reduced motion: no replay to offer (pressed in `replay_counts_again`).
    let replay: HtmlElement = one(&parent, ".section-nav button.replay").unchecked_into();
    assert!(replay.hidden());
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_counter_counts_through_intermediate_values_and_ends_exact() {
    let (parent, handle) = mount(|| {
        provide_context(motion(false));
        view! { <StoryCounter counter=counter("roads-km")/> }
    });
    leptos::task::tick().await;
    let el = one(&parent, "[data-counter='roads-km']");
    let num = one(&el, ".num");
    let mut seen = Vec::new();
    let mut waited = 0;
    while el.get_attribute("data-state").as_deref() != Some("done") {
        assert!(waited < 4000, "not done after 4 s; saw {seen:?}");
        let t = text(&num);
        if seen.last() != Some(&t) {
            seen.push(t);
        }
        TimeoutFuture::new(20).await;
        waited += 20;
    }
    assert_eq!(text(&num), "21.2");
    assert_eq!(text(&one(&el, ".counter-face")), "21.2公里");
    let middle: Vec<&String> = seen
        .iter()
        .filter(|t| t.as_str() != "21.2" && t.trim_start_matches('\u{2007}') != "0.0")
        .collect();
    assert!(middle.len() >= 3, "too few intermediate values: {seen:?}");
    for t in &seen {
        assert_eq!(t.chars().count(), 4, "{t:?} is not as wide as 21.2");
        let digits = t.trim_start_matches('\u{2007}');
        let (whole, frac) = digits.split_once('.').expect("one decimal");
        assert!(
            frac.len() == 1 && whole.parse::<u32>().is_ok(),
            "bad shape {t:?}"
        );
    }
    let values: Vec<f64> = seen
        .iter()
        .map(|t| t.trim_start_matches('\u{2007}').parse().unwrap())
        .collect();
    assert!(
        values.windows(2).all(|w| w[0] <= w[1]),
        "not monotone: {seen:?}"
    );
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_counter_waits_until_half_of_it_is_visible_and_not_for_a_fling_past() {
    use ruzhou_story::hooks::count_up::DWELL_MS;
    let (parent, handle) = mount(|| {
        provide_context(motion(false));
        view! {
            <div style="height: 3000px"></div>
            <StoryCounter counter=counter("machines")/>
            <div style="height: 3000px"></div>
        }
    });
    leptos::task::tick().await;
    TimeoutFuture::new(300).await;
    let el = one(&parent, "[data-counter='machines']");
    let idle = |why: &str| {
        assert_eq!(
            el.get_attribute("data-state").as_deref(),
            Some("idle"),
            "{why}"
        );
        assert_eq!(text(&one(&el, ".num")), "\u{2007}0", "{why}");
    };
    idle("started off-screen");
    // In view for two frames, then gone: a fling.
    let below: HtmlElement = parent.last_element_child().unwrap().unchecked_into();
    let frames = FramesAsked::from_now();
    el.scroll_into_view();
    TimeoutFuture::new(40).await;
    below.scroll_into_view();
    TimeoutFuture::new(DWELL_MS + 200).await;
    idle("no count for a figure the reader flung past");
    assert_eq!(
        frames.stop(),
        0,
        "the dwell is a timer: a figure flung past asks the browser for no frame"
    );
    // Back, and staying: it counts to its exact final.
    el.scroll_into_view();
    until(4000, "the counter to finish once the reader stays", || {
        el.get_attribute("data-state").as_deref() == Some("done")
    })
    .await;
    assert_eq!(text(&one(&el, ".counter-face")), "40余台");
    drop(handle);
    parent.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn reduced_motion_shows_the_final_value_at_once() {
    let handles = Handles::from_now();
    let (parent, handle) = mount(|| {
        provide_context(motion(true));
        view! { <StoryCounter counter=counter("funds-yuan")/> }
    });
    leptos::task::tick().await;
    let el = one(&parent, "[data-counter='funds-yuan']");
    assert_eq!(text(&one(&el, ".counter-face")), "近20亿元");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("done"));
    assert_eq!(
        handles.started(),
        0,
        "nothing observes or animates under reduced motion"
    );
    TimeoutFuture::new(100).await;
    assert_eq!(
        text(&one(&el, ".counter-face")),
        "近20亿元",
        "no ticking afterwards either"
    );
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn unmounting_cancels_observers_and_frames() {
    let handles = Handles::from_now();
    let (parent, handle) = mount(|| {
        provide_context(motion(false));
        view! {
            <StoryCounter counter=counter("trees")/>
            <div style="height: 3000px"></div>
            <StoryCounter counter=counter("assets")/>
        }
    });
    leptos::task::tick().await;
    let trees = one(&parent, "[data-counter='trees']");
    until(2000, "the visible counter to start", || {
        trees.get_attribute("data-state").as_deref() == Some("running")
    })
    .await;
    assert_eq!(
        handles.started(),
        6,
        "per counter: a visibility watch (one has fired), an animation slot and the dwell's frame"
    );
    let num = one(&trees, ".num");
    drop(handle);
    assert_eq!(
        handles.started(),
        0,
        "unmount left observers or animations running"
    );
    let frozen = text(&num);
    TimeoutFuture::new(2800).await;
    assert_eq!(text(&num), frozen, "a callback ran after unmount");
    parent.remove();
}

#[wasm_bindgen_test]
async fn replay_counts_again() {
    use ruzhou_story::components::replay_button::ReplayButton;
    let m = motion(false);
    let (parent, handle) = mount(move || {
        provide_context(m);
        view! {
            <ReplayButton/>
            <StoryCounter counter=counter("tenders")/>
        }
    });
    leptos::task::tick().await;
    let el = one(&parent, "[data-counter='tenders']");
    until(4000, "the first run", || {
        el.get_attribute("data-state").as_deref() == Some("done")
    })
    .await;
    // The replay button: shown once the app runs, a real button the keyboard reaches, saying
    // what it does; pressing it counts again.
    let replay: HtmlElement = one(&parent, "button.replay").unchecked_into();
    assert!(!replay.hidden());
    assert_eq!(replay.get_attribute("type").as_deref(), Some("button"));
    assert!(text(&replay).ends_with(ruzhou_story::ui_text::REPLAY));
    replay.focus().unwrap();
    assert_eq!(document().active_element().as_ref(), Some(replay.as_ref()));
    replay.click();
    leptos::task::tick().await;
    until(500, "the replay to start", || {
        el.get_attribute("data-state").as_deref() != Some("done")
    })
    .await;
    until(4000, "the replay to finish", || {
        el.get_attribute("data-state").as_deref() == Some("done")
    })
    .await;
    assert_eq!(text(&one(&el, ".counter-face")), "45个");
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn over_prerendered_html_counters_in_view_keep_their_finals_and_the_others_count_later() {
    let (parent, handle) = mount(|| {
        // As over the server's HTML: the counters start with their finals.
        provide_context(Motion::server());
        view! {
            <StoryCounter counter=counter("trees")/>
            <div style="height: 3000px"></div>
            <StoryCounter counter=counter("tenders")/>
        }
    });
    leptos::task::tick().await;
    let seen = one(&parent, "[data-counter='trees']");
    let below = one(&parent, "[data-counter='tenders']");
    // Both start as the server drew them: final.
    assert_eq!(text(&one(&seen, ".counter-face")), "6.5万余棵");
    until(1000, "the counter out of sight to go back to 0", || {
        text(&one(&below, ".num")) == "\u{2007}0"
    })
    .await;
    assert_eq!(below.get_attribute("data-state").as_deref(), Some("idle"));
    // The one in view never flashed to 0 or ticked.
    for _ in 0..10 {
        assert_eq!(text(&one(&seen, ".num")), "6.5");
        assert_eq!(seen.get_attribute("data-state").as_deref(), Some("done"));
        TimeoutFuture::new(30).await;
    }
    below.scroll_into_view();
    until(4000, "the scrolled-to counter to count and finish", || {
        below.get_attribute("data-state").as_deref() == Some("done")
    })
    .await;
    assert_eq!(text(&one(&below, ".counter-face")), "45个");
    drop(handle);
    parent.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn embed_mode_is_marked_and_starts_nothing_of_its_own() {
    let handles = Handles::from_now();
    // The test page has no stylesheet: what the browser tests can check is the markup the
    // stylesheet keys on (the e2e tests check the styled result).
    for embedded in [false, true] {
        let (parent, handle) = mount(move || {
            provide_context(motion(true));
            view! { <App embedded=embedded/> }
        });
        leptos::task::tick().await;
        assert_eq!(
            one(&parent, ".page").class_list().contains("embed"),
            embedded,
            "embed class"
        );
        assert_eq!(all(&parent, "section").len(), 5, "the story stays");
        // Not framed: no pym.js child. The section bar watches its own height and the viewport's,
        // and, once it has measured itself, the line its sections cross; the progress bar listens
        // to scroll and resize and keeps a slot for its next frame. Each of the 5 scenes observes
        // its own box and keeps a slot for the step it writes in the next frame, and one in view
        // (its box in the viewport) observes its steps and watches its trigger line too, except in
        // embed mode, where scenes lie flat in their final state; the read-aloud listens for
        // voices and for the page being hidden. Nothing else runs under reduced motion.
        let height = browser::viewport_height();
        let in_view = all(&parent, ".scene")
            .iter()
            .filter(|s| {
                let r = s.get_bounding_client_rect();
                r.bottom() > 0.0 && r.top() < height
            })
            .count() as isize;
        let scenes = if embedded { 0 } else { 5 * 2 + 2 * in_view };
        let expected = 3 + 3 + scenes + 1;
        until(1000, "the section bar to measure itself", || {
            handles.started() == expected
        })
        .await;
        assert_eq!(handles.started(), expected, "embedded={embedded}");
        drop(handle);
        assert_eq!(handles.started(), 0, "unmount stops the listeners");
        parent.remove();
    }
}

#[wasm_bindgen_test]
async fn a_prerendered_counter_that_is_not_rendered_waits_at_0_and_counts_once_shown() {
    // An element that is not rendered gets IntersectionObserver entries with an empty rectangle,
    // as does one in a part the browser skips: either way the reader cannot see it. It goes back
    // to 0 unseen, and counts once it is shown (the page never has to ask the browser which of
    // the two it is: that question computes the style of a whole skipped part).
    let (parent, handle) = mount(|| {
        // As over the server's HTML: the counters start with their finals.
        provide_context(Motion::server());
        view! { <div id="hidden-box" style="display: none"><StoryCounter counter=counter("trees")/></div> }
    });
    leptos::task::tick().await;
    let el = one(&parent, "[data-counter='trees']");
    until(1000, "the counter to wait at 0", || {
        el.get_attribute("data-state").as_deref() == Some("idle")
    })
    .await;
    assert_ne!(text(&one(&el, ".num")), "6.5", "back to 0");
    for _ in 0..5 {
        TimeoutFuture::new(30).await;
        assert_eq!(
            el.get_attribute("data-state").as_deref(),
            Some("idle"),
            "not counting unseen"
        );
    }
    // Once rendered and in view, it counts, and ends on its exact final.
    let hidden: HtmlElement = one(&parent, "#hidden-box").unchecked_into();
    hidden.style().remove_property("display").unwrap();
    until(1000, "the counter to count", || {
        el.get_attribute("data-state").as_deref() != Some("idle")
    })
    .await;
    until(5000, "the counter to end", || {
        el.get_attribute("data-state").as_deref() == Some("done")
    })
    .await;
    assert_eq!(text(&one(&el, ".num")), "6.5");
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_prerendered_counter_in_a_part_the_browser_skips_waits_at_0_and_counts_when_reached() {
    // Far below the viewport in a part with `content-visibility: auto` (a section of the page far
    // from the reader): not laid out, so its observer's entry is empty. It goes back to 0 unseen
    // (keeping the server's final value, it would never count), and counts once it is in view.
    let (parent, handle) = mount(|| {
        // As over the server's HTML: the counters start with their finals.
        provide_context(Motion::server());
        view! {
            <div id="far" style="content-visibility: auto; contain-intrinsic-size: auto 100px; margin-top: 20000px">
                <p><StoryCounter counter=counter("trees")/></p>
            </div>
            <div id="gone" style="display: none"><p>"x"</p></div>
        }
    });
    leptos::task::tick().await;
    let el = one(&parent, "[data-counter='trees']");
    assert!(
        browser::skipped(&el),
        "a part far from the viewport is skipped"
    );
    assert!(
        !browser::skipped(&one(&parent, "#gone p")),
        "not displayed is not skipped"
    );
    assert!(
        !browser::skipped(&one(&parent, "#far")),
        "the part itself is laid out"
    );
    until(1000, "the counter to wait at 0", || {
        el.get_attribute("data-state").as_deref() == Some("idle")
    })
    .await;
    assert_ne!(text(&one(&el, ".num")), "6.5", "back to 0");
    el.scroll_into_view();
    until(1000, "the counter to count", || {
        el.get_attribute("data-state").as_deref() != Some("idle")
    })
    .await;
    assert!(!browser::skipped(&el), "in view, laid out");
    drop(handle);
    parent.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn idle_time_lays_out_the_skipped_parts_then_loads_the_drawings_and_unmounting_stops_it() {
    // Two parts the browser skips (far below the viewport, `content-visibility: auto`) and a
    // drawing that waits for the reader (`loading="lazy"`), below them.
    const DRAWING: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'%3E%3Crect width='10' height='10'/%3E%3C/svg%3E";
    let handles = Handles::from_now();
    let (parent, handle) = mount(|| {
        browser::effect(|| browser::use_idle_layout(".idle-part", "#idle-drawing"));
        view! {
            <div class="idle-part" style="content-visibility: auto; contain-intrinsic-size: auto 100px; margin-top: 20000px"><p id="idle-a">"a"</p></div>
            <div class="idle-part" style="content-visibility: auto; contain-intrinsic-size: auto 100px"><p id="idle-b">"b"</p></div>
            <img id="idle-drawing" loading="lazy" width="10" height="10" alt="" src=DRAWING/>
        }
    });
    leptos::task::tick().await;
    let (a, b) = (one(&parent, "#idle-a"), one(&parent, "#idle-b"));
    let drawing: web_sys::HtmlImageElement = one(&parent, "#idle-drawing").unchecked_into();
    assert!(
        browser::skipped(&a) && browser::skipped(&b),
        "skipped at first"
    );
    assert!(
        !drawing.complete() || drawing.natural_width() == 0,
        "the drawing waits"
    );
    assert_eq!(handles.started(), 1, "one idle worker");
    // Looked at every 200 ms: a page woken every frame has no idle period long enough.
    let mut waited = 0;
    while browser::skipped(&a) || browser::skipped(&b) || drawing.natural_width() == 0 {
        assert!(waited < 5000, "timed out waiting for the idle layout");
        TimeoutFuture::new(200).await;
        waited += 200;
    }
    assert_eq!(browser::scroll_y(), 0.0, "nothing scrolled");
    drop(handle);
    assert_eq!(handles.started(), 0, "unmounting stops it");
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_figure_with_a_photo_offers_its_sizes_lazily_with_its_size_set() {
    use ruzhou_story::components::story_figure::StoryFigure;
    use ruzhou_story::photos::{self, Format};
    use ruzhou_story::story::{Figure, Image};
    static PHOTO: Figure = Figure {
        caption: "产业集聚区游园",
        art_index: 2,
        image: Some(Image {
            src: "photos/park.jpg",
            width: 4000,
            height: 3000,
            hash: 7,
        }),
    };
    let image = PHOTO.image.as_ref().unwrap();
    for (in_gallery, sizes) in [(false, photos::FIGURE_SIZES), (true, photos::GALLERY_SIZES)] {
        let (parent, handle) =
            mount(move || view! { <StoryFigure figure=&PHOTO in_gallery=in_gallery/> });
        leptos::task::tick().await;
        let source = one(&parent, "figure picture > source");
        for (name, value) in [
            ("type", "image/webp"),
            ("srcset", &photos::srcset(image, Format::Webp)),
            ("sizes", sizes),
        ] {
            assert_eq!(source.get_attribute(name).as_deref(), Some(value), "{name}");
        }
        let img = one(&parent, "figure picture > source + img");
        let class = format!("photo {}", photos::placeholder_class(image));
        for (name, value) in [
            ("src", photos::fallback_src(image).as_str()),
            ("srcset", &photos::srcset(image, Format::Jpeg)),
            ("sizes", sizes),
            ("width", "4000"),
            ("height", "3000"),
            // Not the story's lead photo: fetched when the reader comes near it.
            ("loading", "lazy"),
            ("decoding", "async"),
            ("alt", "产业集聚区游园"),
            ("class", &class),
        ] {
            assert_eq!(img.get_attribute(name).as_deref(), Some(value), "{name}");
        }
        assert!(img.get_attribute("fetchpriority").is_none());
        assert!(
            img.get_attribute("style").is_none(),
            "the CSP allows no style attribute"
        );
        assert!(
            parent.query_selector("svg").unwrap().is_none(),
            "no drawing when there is a photo"
        );
        assert_eq!(text(&one(&parent, "figcaption")), "产业集聚区游园");
        drop(handle);
        parent.remove();
    }
}

/// Steps far apart, as the stylesheet (absent from the test page) spaces them.
fn spaced_steps() -> Element {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(".step { margin-bottom: 3000px }"));
    document().head().unwrap().append_child(&style).unwrap();
    style
}

/// Mounts the scene called `name` (in embed mode when `embedded`), with its steps spaced as the
/// stylesheet spaces them. Returns the container, the mount handle, the scene, its steps and the
/// spacing style (remove it afterwards).
fn mount_scene(
    name: &str,
    embedded: bool,
) -> (
    HtmlElement,
    UnmountHandle<impl Mountable>,
    Element,
    Vec<Element>,
    Element,
) {
    use ruzhou_story::components::story_scene::StoryScene;
    use ruzhou_story::hooks::page::EmbedMode;
    let style = spaced_steps();
    let data = story::scene(name).unwrap();
    let (parent, handle) = mount(move || {
        provide_context(motion(true));
        provide_context(EmbedMode(RwSignal::new(embedded)));
        view! { <StoryScene scene=data/> }
    });
    let scene = one(&parent, ".scene");
    let steps = all(&scene, ".step");
    (parent, handle, scene, steps, style)
}

#[wasm_bindgen_test]
async fn a_scene_follows_its_steps_down_and_up_and_stops_on_unmount() {
    let handles = Handles::from_now();
    let (parent, handle, scene, steps, style) = mount_scene("financing", false);
    leptos::task::tick().await;
    assert_eq!(steps.len(), 6);
    let at = |el: &Element| {
        (
            el.get_attribute("data-step").unwrap(),
            el.get_attribute("data-at").unwrap(),
            el.get_attribute("data-state").unwrap(),
        )
    };
    let states = ["company", "channels", "assets", "bond", "tenders", "funds"];
    // Down, then back up, then a jump straight to the end (a deep link or a fling).
    for i in [0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0, 5] {
        steps[i].scroll_into_view();
        until(1000, &format!("step {i}"), || at(&scene).0 == i.to_string()).await;
        let (step, at_state, state) = at(&scene);
        assert_eq!((step, state.as_str()), (i.to_string(), states[i]));
        assert_eq!(at_state, i.to_string(), "financing: one state per step");
        assert_eq!(
            all(&scene, ".step[data-active]"),
            vec![steps[i].clone()],
            "one active step"
        );
    }
    // The graphic's parts shown in some states, and its text equivalent with the article's
    // numbers, which the graphic points to.
    let parts: Vec<String> = all(&scene, ".scene-figure .g-part[data-show]")
        .iter()
        .map(|p| p.get_attribute("data-show").unwrap())
        .collect();
    assert_eq!(
        parts,
        ["0 1", "1", "2 3 4 5", "4"],
        "company, institutions, bars, tenders"
    );
    let graphic = one(&scene, ".scene-figure .graphic");
    assert_eq!(graphic.get_attribute("role").as_deref(), Some("img"));
    let description = document()
        .get_element_by_id(&graphic.get_attribute("aria-describedby").unwrap())
        .unwrap();
    let caption = text(&description);
    for words in [
        "公司资产升至80亿元",
        "12亿公司债",
        "45个项目招投标",
        "累计融资到账近20亿元",
        "工行、光大银行、农商行、中信信托、农发行等金融机构",
    ] {
        assert!(caption.contains(words), "{words} in {caption}");
    }
    // Each step that changes the picture starts with a snapshot of it (shown where nothing
    // sticks), hidden from screen readers.
    let snapshots = all(&scene, ".step > .snapshot");
    assert_eq!(snapshots.len(), states.len());
    assert!(snapshots
        .iter()
        .all(|s| s.get_attribute("aria-hidden").as_deref() == Some("true")));
    assert!(handles.started() > 0);
    drop(handle);
    assert_eq!(handles.started(), 0, "the scene's observer outlived it");
    parent.remove();
    style.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn a_scene_flung_through_shows_only_the_step_the_reader_stops_at() {
    use ruzhou_story::hooks::active_step::STEP_DWELL_MS;
    let (parent, handle, scene, steps, style) = mount_scene("financing", false);
    leptos::task::tick().await;
    let step = || scene.get_attribute("data-step").unwrap();
    steps[0].scroll_into_view();
    until(1000, "step 0", || step() == "0").await;
    TimeoutFuture::new(STEP_DWELL_MS + 100).await;
    // Through steps 1 to 4 a frame or two each, to rest on step 5: what the scene showed meanwhile.
    let mut shown = vec![step()];
    for card in &steps[1..] {
        card.scroll_into_view();
        TimeoutFuture::new(20).await;
        if shown.last() != Some(&step()) {
            shown.push(step());
        }
    }
    until(1000, "step 5", || step() == "5").await;
    assert_eq!(shown, ["0"], "a step flung past was drawn");
    drop(handle);
    parent.remove();
    style.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn steps_mapped_to_one_state_keep_it_and_embedded_scenes_stay_final() {
    let handles = Handles::from_now();
    let (parent, handle, scene, steps, style) = mount_scene("greening", false);
    leptos::task::tick().await;
    // Steps 4 to 7 all show the toilets (the last state): going up from 7 to 4 keeps it.
    for (i, state) in [
        (3, "toilets"),
        (6, "toilets"),
        (4, "toilets"),
        (1, "planting"),
        (0, "areas"),
    ] {
        steps[i].scroll_into_view();
        until(1000, &format!("step {i}"), || {
            scene.get_attribute("data-step").as_deref() == Some(&*i.to_string())
        })
        .await;
        assert_eq!(
            scene.get_attribute("data-state").as_deref(),
            Some(state),
            "step {i}"
        );
    }
    drop(handle);
    parent.remove();
    style.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);

    // Embed mode: the frame never scrolls itself, so the scene stays in its final state and
    // observes nothing.
    let (parent, handle, scene, _, style) = mount_scene("greening", true);
    leptos::task::tick().await;
    assert_eq!(scene.get_attribute("data-step").as_deref(), Some("6"));
    assert_eq!(
        scene.get_attribute("data-state").as_deref(),
        Some("toilets")
    );
    assert_eq!(handles.started(), 0, "an embedded scene observes nothing");
    drop(handle);
    parent.remove();
    style.remove();
}

#[wasm_bindgen_test]
async fn the_gap_in_the_source_is_marked_and_the_photo_row_is_one_gallery() {
    let (parent, handle) = mount(|| {
        provide_context(motion(true));
        view! { <App/> }
    });
    leptos::task::tick().await;
    let gap = one(&parent, ".gap");
    assert_eq!(text(&one(&gap, "[aria-hidden='true']")), "……");
    assert_eq!(
        text(&one(&gap, ".gap-note")),
        "原文此处缺字",
        "a visible note, read instead of the dots"
    );
    assert_eq!(all(&parent, ".gap").len(), 1, "only the source's gap");

    let gallery = one(&parent, ".gallery");
    assert_eq!(gallery.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        gallery.get_attribute("tabindex").as_deref(),
        Some("0"),
        "keyboard-scrollable"
    );
    let captions: Vec<String> = all(&gallery, "figcaption").iter().map(text).collect();
    assert_eq!(
        captions,
        [
            "产业集聚区项目集中开工仪式",
            "已经建成投用的汝州高速收费站",
            "产业集聚区塔吊林立",
            "投产企业生产车间"
        ]
    );
    drop(handle);
    parent.remove();
}

/// The head's values survive a browser's HTML parser whatever they hold (`src/prerender.rs`'s
/// meta tags, `src/share.rs`'s JSON-LD): a `</script><!--<script>` or `"><img onerror>` in the
/// title, description, card words, byline or card URL stays text, adds no element, and U+2028 comes
/// back as itself.
#[wasm_bindgen_test]
fn hostile_head_values_round_trip_through_the_html_parser() {
    use ruzhou_story::prerender::{render_page, Page, Share};
    use ruzhou_story::story::{Author, Story};
    const HOSTILE: &str =
        "</script><!--<script>\"><img src=x onerror=alert(1)>\u{2028}'&amp;</title>";
    static AUTHORS: [Author; 1] = [Author {
        name: HOSTILE,
        role: HOSTILE,
    }];
    let hostile = Story {
        title: HOSTILE,
        byline: HOSTILE,
        description: HOSTILE,
        authors: &AUTHORS,
        summary_heading: HOSTILE,
        summary: &[],
        sections: &[],
    };
    let image = format!("https://x.example/share.png?{HOSTILE}");
    let json_ld = ruzhou_story::share::json_ld(&hostile, Some(&image));
    let index = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title></title>\
        <script type=\"module\">x()</script></head><body></body></html>";
    let html = render_page(
        index,
        &Page {
            body: "<main id=\"app\"></main>",
            title: HOSTILE,
            description: HOSTILE,
            embed: true,
            csp: None,
            style: None,
            boot: "boot();",
            share: Some(Share {
                image: &image,
                alt: HOSTILE,
                json_ld: &json_ld,
            }),
        },
    )
    .unwrap();
    let doc = web_sys::DomParser::new()
        .unwrap()
        .parse_from_string(&html, web_sys::SupportedType::TextHtml)
        .unwrap();
    let root = doc.document_element().unwrap();
    assert_eq!(text(&one(&root, "title")), HOSTILE);
    for (selector, value) in [
        ("meta[name='description']", HOSTILE),
        ("meta[property='og:title']", HOSTILE),
        ("meta[property='og:description']", HOSTILE),
        ("meta[property='og:image:alt']", HOSTILE),
        ("meta[name='twitter:image:alt']", HOSTILE),
        ("meta[property='og:image']", &image),
        ("meta[itemprop='image']", &image),
    ] {
        assert_eq!(
            one(&root, selector).get_attribute("content").as_deref(),
            Some(value),
            "{selector}"
        );
    }
    let ld = all(&root, "script[type='application/ld+json']");
    assert_eq!(ld.len(), 1);
    let json = js_sys::JSON::parse(&text(&ld[0])).expect("the JSON-LD parses");
    let field = |path: &[&str]| {
        path.iter()
            .fold(json.clone(), |v, key| {
                js_sys::Reflect::get(&v, &(*key).into()).unwrap()
            })
            .as_string()
    };
    assert_eq!(field(&["headline"]).as_deref(), Some(HOSTILE));
    assert_eq!(field(&["description"]).as_deref(), Some(HOSTILE));
    assert_eq!(field(&["author", "0", "name"]).as_deref(), Some(HOSTILE));
    assert_eq!(
        field(&["author", "0", "jobTitle"]).as_deref(),
        Some(HOSTILE)
    );
    assert_eq!(field(&["image", "0"]).as_deref(), Some(image.as_str()));
    // Nothing broke out: the boot script and the data block are the only scripts, no image, every
    // meta tag written is one element of the head, and the body is the app's.
    assert_eq!(all(&root, "script").len(), 2);
    assert!(all(&root, "img").is_empty());
    assert!(
        all(&root, "head > :not(meta, title, script)").is_empty(),
        "{html}"
    );
    assert_eq!(
        all(&root, "head > meta").len(),
        html.matches("<meta").count(),
        "{html}"
    );
    assert_eq!(
        one(&root, "body").inner_html(),
        "<main id=\"app\"></main>",
        "{html}"
    );
}

/// Installs the scripted stand-in for `speechSynthesis` (the end-to-end tests' own) with these
/// settings (a JS object literal).
fn speech_stand_in(config: &str) {
    js_sys::eval(&format!("window.__speechConfig = {config};")).unwrap();
    js_sys::Function::new_no_args(include_str!("e2e/speech-standin.js"))
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// A JS expression's value in the page, as a string ("null" for null).
fn js(expression: &str) -> String {
    let value = js_sys::eval(expression).unwrap();
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

#[wasm_bindgen_test]
async fn the_read_aloud_reads_what_is_heard_and_unmounting_silences_it() {
    let handles = Handles::from_now();
    speech_stand_in("{ manual: true }");
    let (parent, handle) = mount(|| {
        provide_context(motion(true));
        view! { <App/> }
    });
    leptos::task::tick().await;
    let listen = one(&parent, ".listen");
    until(2000, "a voice", || {
        listen.get_attribute("data-voice").as_deref() == Some("found")
    })
    .await;
    // (The test page has no stylesheet: the state is what it shows the parts by.)
    assert_eq!(
        listen.get_attribute("data-play").as_deref(),
        Some("stopped")
    );
    let start: HtmlElement = one(&listen, "[data-listen='start']").unchecked_into();
    start.click();
    until(2000, "the title to be read", || {
        js("window.__speech.current") == STORY.title
    })
    .await;
    assert_eq!(
        listen.get_attribute("data-play").as_deref(),
        Some("playing")
    );
    assert_eq!(js("window.__speech.log[0].lang"), "zh-CN");
    assert_eq!(
        all(&parent, ".listen-reading").len(),
        1,
        "the title is marked"
    );
    assert_eq!(js("String(CSS.highlights.has('listen'))"), "true");

    // Reading on (timed now): the counters' final text is read, their ticking digits are not.
    js("Object.assign(window.__speech.config, { manual: false, msPerChar: 0.2 }); window.__speech.end()");
    let find = "window.__speech.log.map((u) => u.text).find((t) => t.includes('6.5万余棵')) || ''";
    until(20000, "the sentence with the trees", || {
        !js(find).is_empty()
    })
    .await;
    js("window.__speech.config.manual = true");
    let heard = js(find);
    assert!(heard.contains("已栽种各类树木6.5万余棵，"), "{heard}");
    until(1000, "a sentence being spoken", || {
        js("String(window.__speech.current)") != "null"
    })
    .await;
    assert_eq!(
        listen.get_attribute("data-play").as_deref(),
        Some("playing")
    );

    drop(handle);
    assert_eq!(handles.started(), 0, "unmount left the read-aloud running");
    assert_eq!(
        js("String(window.__speech.current)"),
        "null",
        "still speaking"
    );
    assert_eq!(js("String(CSS.highlights.has('listen'))"), "false");
    assert!(document()
        .query_selector(".listen-reading")
        .unwrap()
        .is_none());
    parent.remove();
    browser::window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn without_a_chinese_voice_the_read_aloud_says_so() {
    let handles = Handles::from_now();
    use ruzhou_story::components::listen_control::ListenControl;
    speech_stand_in("{ voices: [{ name: 'English', lang: 'en-US', localService: true }] }");
    let (parent, handle) = mount(|| view! { <ListenControl/> });
    leptos::task::tick().await;
    let listen = one(&parent, ".listen");
    until(2000, "the voices to be looked at", || {
        listen.get_attribute("data-voice").as_deref() == Some("missing")
    })
    .await;
    assert_eq!(
        text(&one(&listen, ".listen-note")),
        ruzhou_story::ui_text::listen::NO_VOICE
    );
    // Pressing the (hidden) start button does nothing.
    one(&listen, "[data-listen='start']")
        .unchecked_into::<HtmlElement>()
        .click();
    TimeoutFuture::new(100).await;
    assert_eq!(
        listen.get_attribute("data-play").as_deref(),
        Some("stopped")
    );
    assert_eq!(js("String(window.__speech.log.length)"), "0");
    drop(handle);
    assert_eq!(handles.started(), 0);
    parent.remove();
}

/// 查看数据: a data graphic's section has its table right after the scene, closed, with the
/// figures its graphic draws, each with the sentence it stands in; the graphic points to it. A
/// section whose scene is a drawing (示意图) has none. Opened, the table is rendered.
#[wasm_bindgen_test]
async fn a_data_graphic_is_followed_by_its_table_and_a_drawing_by_none() {
    use ruzhou_story::components::story_section::StorySection;
    let section = |id: &str| STORY.sections.iter().find(|s| s.id == id).unwrap();
    let financing = section("financing");
    let (parent, handle) = mount(move || {
        provide_context(motion(true));
        view! { <StorySection section=financing/> }
    });
    leptos::task::tick().await;
    let scene = one(&parent, ".scene[data-scene='financing']");
    let data = scene
        .next_element_sibling()
        .expect("something after the scene");
    assert_eq!(data.class_name(), "scene-data");
    let details = one(&data, "details.data-table");
    assert_eq!(details.id(), "scene-financing-data");
    assert!(
        !details.has_attribute("open"),
        "closed until the reader opens it"
    );
    assert_eq!(text(&one(&details, "summary")), "查看数据");
    // The live graphic points to the table, and its description says where it is.
    let graphic = one(&scene, ".scene-figure .graphic");
    assert_eq!(
        graphic.get_attribute("aria-details").as_deref(),
        Some("scene-financing-data")
    );
    let description = document()
        .get_element_by_id(&graphic.get_attribute("aria-describedby").unwrap())
        .unwrap();
    assert!(text(&description).ends_with("各项数据见下方“查看数据”。"));
    // A row per figure the graphic draws (its words, the figure, the unit), then the sentence.
    let rows: Vec<Vec<String>> = all(&details, "tbody tr")
        .iter()
        .map(|tr| all(tr, "th, td").iter().map(text).collect())
        .collect();
    let funds = "数据显示，汝州市产业集聚区发展投资有限公司截至目前累计融资到账近20亿元，有力保障了汝州市产业集聚区范围内产业园标准化厂房、路网建设、法庄棚户区改造等一系列重大重点项目正常推进。";
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0], ["公司资产升至80亿元", "80亿元", "元"]);
    assert_eq!(rows[2], ["12亿公司债", "12亿", ""]);
    assert_eq!(rows[6], ["累计融资到账近20亿元", "近20亿元", "元"]);
    assert_eq!(rows[7], ["出处", funds]);
    // The sentences are the steps' own, as the page shows them.
    let steps: String = all(&scene, ".step > p").iter().map(shown_text).collect();
    for row in rows.iter().filter(|r| r[0] == "出处") {
        assert!(steps.contains(&row[1]), "{} is not in the steps", row[1]);
    }
    // The print copy is the same table, with no ids of its own.
    let print = one(&data, ".data-print");
    assert_eq!(text(&print), text(&one(&details, ".data-box")));
    assert!(all(&print, "[id]").is_empty());
    // Opened, the table is there to read.
    details.set_attribute("open", "").unwrap();
    leptos::task::tick().await;
    assert!(one(&details, "table").get_bounding_client_rect().height() > 0.0);
    drop(handle);
    parent.remove();

    let management = section("management");
    let (parent, handle) = mount(move || {
        provide_context(motion(true));
        view! { <StorySection section=management/> }
    });
    leptos::task::tick().await;
    assert!(all(&parent, ".scene-data, details").is_empty());
    assert!(!one(&parent, ".graphic").has_attribute("aria-details"));
    drop(handle);
    parent.remove();
}
