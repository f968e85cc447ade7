//! The hydrated page, island by island (the `hydrate` build's entry, called by `main.rs`).
//!
//! The server renders the whole page ([`crate::App`]); most of it — the words, the photos, the
//! drawings — never changes. So the browser does not walk all of it, nor carry it in the wasm: only
//! the parts that move are hydrated, each from its own root element, by the same component that
//! rendered it there (so the markup and the component cannot disagree):
//!
//! | root element | component |
//! |---|---|
//! | `.progress` | [`ProgressBar`] |
//! | `.section-nav` | [`SectionNav`] (with the replay button) |
//! | `.listen` | `ListenControl`'s read-aloud (static markup: only its glue is started) |
//! | `.scene[data-scene]` | [`StoryScene`] (its steps' sentences stay the server's) |
//! | `[data-counter]` | [`CountUp`] (in paragraphs, scene steps and the summary) |
//!
//! They share one reactive owner, so they share the page's contexts (the [`crate::Motion`]
//! settings with the replay signal, and the embed mode [`use_page`] provides). Each island's props
//! are found from its root's `data-` attribute in the story data; nothing is serialised into the
//! page. The words of the story are left out of this build's data (`build.rs`): none of these
//! components reads them.
//!
//! The page's set-up and the islands are hydrated in tasks of about [`TASK_BUDGET_MS`] each: a
//! slow phone's main thread never has one long task to finish before it can answer the reader.
//! Each task is a `performance.measure` named `hydrate` (`make bench`).

use crate::browser;
use crate::components::count_up::CountUp;
use crate::components::progress_bar::ProgressBar;
use crate::components::section_nav::SectionNav;
use crate::components::story_scene::StoryScene;
use crate::hooks::page::EmbedMode;
use crate::hooks::page::{provide_motion, use_page};
use crate::story;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, RenderHtml};
use web_sys::Element;

/// After this much work (ms, islands and their effects' first runs) a hydration task yields.
pub const TASK_BUDGET_MS: f64 = 4.0;

/// The parts of the page that may be skipped at first (`content-visibility: auto` in
/// `public/style.css`: the sections after the first on a phone, every scene), laid out in idle
/// time once the islands run ([`browser::use_idle_layout`]).
const SKIPPED_PARTS: &str = ".story-section, .scene";

/// The drawings that wait for the reader (`loading="lazy"` SVGs, see
/// `crate::components::illustration`), loaded in idle
/// time after those parts.
const DRAWINGS: &str = "img[loading=lazy][src$='.svg']";

/// What hydrates an island, given its root element.
type Hydrate = fn(Element);

/// The islands, in the order they are hydrated: a root's selector, and what hydrates such a root.
/// The parts that read the layout (progress bar, section bar, scenes) come first, then the
/// counters, which write to it: their observers report in that order, so in the task that delivers
/// their first reports the readers find the layout the browser has just computed, and the
/// counters' changes wait for the next frame's.
///
/// Each kind is its own function, called through this table: neither rustc nor wasm-opt can inline
/// an indirect call, so each view stays a function of its own, which the browser compiles (lazily,
/// on the main thread) in the task that first needs it, not all together in the first task.
const ISLANDS: [(&str, Hydrate); 5] = [
    (".progress", progress_bar),
    (".section-nav", section_nav),
    (".listen", listen_control),
    (".scene[data-scene]", scene),
    ("[data-counter]", counter),
];

/// Hydrates every island of the prerendered page under one root owner, kept for the page's life.
pub fn hydrate() {
    // Effects and tasks run on wasm-bindgen-futures (an `Err` means it already was set up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new_root(None);
    leptos::task::spawn_local(async move {
        // The page's set-up, then each island, in tasks of about TASK_BUDGET_MS, the first one
        // after the task that started the app.
        browser::next_task().await;
        let mut measure = Some(browser::Measure::start("hydrate"));
        let mut started = browser::now_ms();
        let islands = ISLANDS.iter().flat_map(|&(selector, build)| {
            browser::query_all(selector)
                .into_iter()
                .map(move |root| Job::Island(build, root))
        });
        let page = [Job::Motion, Job::Page, Job::EmbedClass];
        for job in page.into_iter().chain(islands) {
            if browser::now_ms() - started > TASK_BUDGET_MS {
                drop(measure.take());
                browser::next_task().await;
                measure = Some(browser::Measure::start("hydrate"));
                started = browser::now_ms();
            }
            owner.with(|| match job {
                Job::Motion => provide_motion(),
                Job::Page => {
                    use_page(browser::prerendered_embed());
                }
                Job::EmbedClass => embed_class(),
                Job::Island(build, root) => build(root),
            });
            // The effects it created make their first run in this task.
            browser::settled().await;
        }
        drop(measure);
        browser::mark_hydrated();
        // What the first paint skipped, laid out while the reader reads the opening.
        owner.with(|| browser::use_idle_layout(SKIPPED_PARTS, DRAWINGS));
        // The islands live as long as the page.
        std::mem::forget(owner);
    });
}

/// A step of the hydration.
enum Job {
    /// The reader's [`crate::Motion`] settings ([`provide_motion`]), on their own: the first job
    /// runs the reactive system's code for the first time, which the browser compiles then.
    Motion,
    /// The rest of the page's set-up ([`use_page`], which finds the motion settings provided).
    Page,
    /// The page's `embed` class ([`embed_class`]).
    EmbedClass,
    /// An island: what hydrates it (from [`ISLANDS`]), and its root element.
    Island(Hydrate, Element),
}

/// Keeps the page's `embed` class in step with embed mode (set up by [`use_page`]).
fn embed_class() {
    let EmbedMode(embedded) = expect_context();
    for page in browser::query_all(".page") {
        browser::use_class(page, "embed", move || embedded.get());
    }
}

/// The reading-progress bar.
fn progress_bar(root: Element) {
    island(root, || view! { <ProgressBar/> });
}

/// The section bar, with the replay button.
fn section_nav(root: Element) {
    island(root, || view! { <SectionNav/> });
}

/// The read-aloud control. Its markup is static (the app writes its state to its attributes), so
/// there is nothing to hydrate: what `ListenControl` starts on the element it rendered is started
/// on the server's.
fn listen_control(root: Element) {
    browser::use_read_aloud(root);
}

/// A scene, found by its `data-scene` name.
fn scene(root: Element) {
    let name = root.get_attribute("data-scene").unwrap_or_default();
    if let Some(scene) = story::scene(&name) {
        island(root, move || view! { <StoryScene scene=scene/> });
    }
}

/// A counter, found by its `data-counter` id.
fn counter(root: Element) {
    let id = root.get_attribute("data-counter").unwrap_or_default();
    if let Some(counter) = story::find_counter(&id) {
        island(root, move || view! { <CountUp counter=counter/> });
    }
}

/// Hydrates the view `f` renders onto `root`, the element the server rendered it as, and keeps it
/// (its reactive parts live as long as the owner).
fn island<V: IntoView>(root: Element, f: impl FnOnce() -> V) {
    let cursor = Cursor::new(root);
    let state = f()
        .into_view()
        .hydrate::<true>(&cursor, &PositionState::new(Position::Current));
    std::mem::forget(state);
}
