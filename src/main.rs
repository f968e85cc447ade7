//! Entry point: mounts the app. Built with `hydrate` by Trunk (it takes over the prerendered HTML's
//! interactive parts, see `ruzhou_story::islands`), with `csr` otherwise.

fn main() {
    // Panics in the browser tests say what failed; the served page does without the formatter.
    #[cfg(not(feature = "hydrate"))]
    console_error_panic_hook::set_once();
    // Hydrate from a task of its own, after the one that compiled and started the wasm; the islands
    // then come in short tasks (see `ruzhou_story::islands`).
    #[cfg(feature = "hydrate")]
    gloo_timers::callback::Timeout::new(0, ruzhou_story::islands::hydrate).forget();
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(|| {
        use leptos::prelude::*;
        view! { <ruzhou_story::App embedded=ruzhou_story::browser::is_framed()/> }
    });
}
