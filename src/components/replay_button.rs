//! The control that replays the counters.

use super::counter::Motion;
use leptos::prelude::*;

/// A button that sends every counter back to 0 to count again when seen. A real `<button>`, so
/// it is reachable and usable with the keyboard. With reduced motion the counters stay final.
#[component]
pub fn ReplayButton() -> impl IntoView {
    let motion = use_context::<Motion>().unwrap_or_else(Motion::from_browser);
    view! {
        <button
            type="button"
            class="replay"
            disabled=motion.reduced
            on:click=move |_| motion.replays.update(|n| *n += 1)
        >
            <span aria-hidden="true">"↻ "</span>
            "重播数字"
        </button>
    }
}
