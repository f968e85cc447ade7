//! The control that replays the counters.

use crate::browser;
use crate::motion::Motion;
use leptos::prelude::*;

/// A button that sends every counter back to 0 to count again when seen. A real `<button>`, so
/// it is reachable and usable with the keyboard. Hidden until the app runs (it does nothing
/// without it), and by the stylesheet under reduced motion. Needs the [`Motion`] context.
#[component]
pub fn ReplayButton() -> impl IntoView {
    let motion = expect_context::<Motion>();
    let ready = RwSignal::new(false);
    browser::effect(move || ready.set(!motion.reduced));
    view! {
        <button
            type="button"
            class="replay"
            hidden=move || !ready.get()
            on:click=move |_| motion.replays.update(|n| *n += 1)
        >
            <span aria-hidden="true">"↻ "</span>
            {crate::ui_text::REPLAY}
        </button>
    }
}
