//! Entry point: mounts the app. Built with `hydrate` by Trunk (it takes over the prerendered HTML,
//! starting in embed mode in `embed.html`), with `csr` otherwise.

use leptos::prelude::*;
use ruzhou_story::{browser, App};

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    leptos::mount::hydrate_body(|| view! { <App embedded=browser::prerendered_embed()/> });
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(|| view! { <App embedded=browser::is_framed()/> });
}
