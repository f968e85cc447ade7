//! A newsroom's scrollytelling story engine: a Leptos app whose content is compiled in from a
//! story's folder (`stories/$STORY/`: its data file `story.toml`, its drawings and photos; see
//! `build.rs`). The code knows no story. The same components are rendered to HTML on the server
//! (`ssr`, by `src/bin/prerender.rs`) and take that HTML over in the browser (`hydrate`); tests
//! mount them client-side (`csr`).
//!
//! - [`story`]: the story data (generated at build time) and its plain-text helpers.
//! - [`format`], [`easing`]: pure logic for counters; [`scale`], [`scrolly`]: scale math for the
//!   graphics and scroll geometry for scenes and sections; all unit-tested natively.
//! - [`photos`]: a photo's sizes, file names, `srcset` and `sizes` (the prerender step makes the
//!   files, `photo_encode`; `test_photo` makes up photos for the tests); [`photo_file`]: a photo
//!   file's format and size, read by `build.rs`.
//! - [`art`]: the drawings standing in for photos ([`art_paint`]: painted into a light and a dark
//!   file by `build.rs`); `graphic` (not in the `hydrate` build): the
//!   scenes' graphics drawn from their declaration in the data file ([`states`]: which states
//!   show what).
//! - [`ui_text`]: the interface words, the only Chinese in the code.
//! - [`embed`]: the pym.js message protocol for the self-sizing iframe, unit-tested natively.
//! - [`speech`]: the read-aloud's sentences, voices, rates and player state, unit-tested natively.
//! - [`prerender`]: the served pages around the server-rendered app (used by `src/bin/prerender.rs`).
//! - [`browser`]: all browser glue (observers, frames, timers, media queries, listeners); every
//!   `use_…` starter there stops when its component unmounts.
//! - [`hooks`]: reactive behaviour built on it (`use_count_up`); [`motion`]: the shared settings.
//! - [`components`]: the page, one component per file; `islands` (the `hydrate` build): the
//!   parts of the prerendered page that the browser hydrates.
//!
//! ## Build features
//! One of three, each for one way the code runs (`Cargo.toml`):
//! - `csr` (the default): the app rendered in the browser from nothing. `cargo test` and the
//!   browser tests (`wasm-pack test`, `tests/web.rs`, which mount components with `mount_to`)
//!   use it; no page is served this way.
//! - `ssr`: the server side, run at build time only: `src/bin/prerender.rs` renders the pages to
//!   HTML (`prerender`, `share`, `graphic`: the share card, the graphics' SVG, the data tables).
//!   Trunk's post-build hook runs it (`scripts/post-build.sh`).
//! - `hydrate`: the served page's wasm (`trunk build`, `index.html`): it takes over the
//!   prerendered HTML island by island (`islands`), without the article's words or the graphics'
//!   drawing code, which the HTML already has.
#![warn(missing_docs)]

pub mod art;
pub mod art_paint;
pub mod browser;
pub mod components;
pub mod easing;
pub mod embed;
pub mod format;
#[cfg(not(feature = "hydrate"))]
pub mod graphic;
pub mod hooks;
pub mod html;
#[cfg(feature = "hydrate")]
pub mod islands;
pub mod motion;
#[cfg(feature = "ssr")]
pub mod photo_encode;
pub mod photo_file;
pub mod photos;
pub mod prerender;
pub mod scale;
pub mod scrolly;
#[cfg(not(feature = "hydrate"))]
pub mod section_size;
pub mod share;
pub mod speech;
pub mod states;
pub mod story;
#[cfg(feature = "ssr")]
pub mod test_photo;
pub mod ui_text;

/// The data file's serde model and validation (used by `build.rs`; here for its unit tests, which
/// do not read every field).
#[cfg(test)]
#[allow(dead_code)]
#[path = "story_model.rs"]
mod story_model;

/// A mistake in the data file, with its field, line and a hint (used by `build.rs`; here for the
/// validation's tests).
#[cfg(test)]
mod story_errors;

/// The story's source text, which every sentence of the data file is checked against (used by
/// `build.rs`; here for its tests and the tests of `story`).
#[cfg(test)]
mod story_source;

/// The mistakes an author can make in the data file, each on a fixture story.
#[cfg(test)]
mod story_mistakes;

/// The data file's link to the full story (used by `story_model`).
#[cfg(test)]
mod story_link;

/// Tests of every story's folder (its data file, drawings and source text).
#[cfg(test)]
mod stories;

/// Tests of the code's shape (the module graph).
#[cfg(test)]
mod source_tree;

pub use components::app::App;
pub use components::story_counter::StoryCounter;
pub use motion::Motion;
