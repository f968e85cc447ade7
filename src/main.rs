//! Entry point: mounts the app. Built with `hydrate` by Trunk (it takes over the prerendered HTML's
//! interactive parts, see `ruzhou_story::islands`), with `csr` otherwise.

use ruzhou_story::browser;

fn main() {
    console_error_panic_hook::set_once();
    // Hydrate in a task of its own, after the one that compiled and started the wasm: two short
    // tasks instead of one long one on a slow phone's main thread. `make bench` reads the
    // `hydrate` measure: the length of this task.
    #[cfg(feature = "hydrate")]
    gloo_timers::callback::Timeout::new(0, || {
        let _measure = browser::Measure::start("hydrate");
        ruzhou_story::islands::hydrate();
    })
    .forget();
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(|| {
        use leptos::prelude::*;
        view! { <ruzhou_story::App embedded=browser::is_framed()/> }
    });
}
