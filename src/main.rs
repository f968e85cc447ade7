//! Entry point: mounts the app. Built with `hydrate` by Trunk (it takes over the prerendered HTML's
//! interactive parts, see `ruzhou_story::islands`), with `csr` otherwise.

// The served page is single-threaded and allocates little, and often the same sizes: a free list
// serves it with a fraction of the default allocator's code (dlmalloc, ~7 KB of the wasm).
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#[global_allocator]
// SAFETY: the page's wasm runs on one thread (no wasm threads, no shared memory).
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

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
