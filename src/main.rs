//! Entry point: mounts the app. Built with `hydrate` by Trunk (it takes over the prerendered HTML,
//! starting in embed mode in `embed.html`), with `csr` otherwise.

use leptos::prelude::*;
use ruzhou_story::{browser, App};

fn main() {
    console_error_panic_hook::set_once();
    // Hydrate in a task of its own, after the one that compiled and started the wasm: two short
    // tasks instead of one long one on a slow phone's main thread. `make bench` reads the
    // `hydrate` measure: the length of this task.
    #[cfg(feature = "hydrate")]
    gloo_timers::callback::Timeout::new(0, || {
        let _measure = browser::Measure::start("hydrate");
        leptos::mount::hydrate_body(|| view! { <App embedded=browser::prerendered_embed()/> })
    })
    .forget();
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(|| view! { <App embedded=browser::is_framed()/> });
}
