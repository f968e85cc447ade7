//! Motion settings shared by every animated part of the page (counters, scenes).

use crate::browser;
use leptos::prelude::*;

/// Motion settings, provided once by the app (or by the prerenderer, or a test) and read by every
/// counter and scene with `expect_context`: a component without them would have a replay signal
/// that the replay button cannot reach.
#[derive(Clone, Copy, Debug)]
pub struct Motion {
    /// `prefers-reduced-motion: reduce`: final values and states at once, nothing moves.
    pub reduced: bool,
    /// The page came as prerendered HTML with final values: counters already in view when the app
    /// takes over keep them (no flash); the others go back to 0 out of sight and count when seen.
    pub prerendered: bool,
    /// Bumped by the replay control: every counter goes back to 0 and counts again when seen.
    pub replays: RwSignal<u32>,
}

impl Motion {
    /// Settings for a page drawn on the server: finals everywhere, nothing moves.
    pub fn server() -> Self {
        Self {
            reduced: false,
            prerendered: true,
            replays: RwSignal::new(0),
        }
    }

    /// Settings from the reader's browser; `prerendered` when the app hydrates server HTML.
    pub fn from_browser() -> Self {
        Self {
            reduced: browser::prefers_reduced_motion(),
            prerendered: cfg!(feature = "hydrate"),
            replays: RwSignal::new(0),
        }
    }

    /// Settings for a test or a client-only mount: no prerendered HTML.
    pub fn client(reduced: bool) -> Self {
        Self {
            reduced,
            prerendered: false,
            replays: RwSignal::new(0),
        }
    }
}
