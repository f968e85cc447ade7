//! Trunk post-build hook (see `scripts/post-build.sh`): renders the app with Leptos SSR from the same
//! data and components as the client, and writes `index.html` and `embed.html` into Trunk's staging
//! folder. The article text is then in the HTML at first paint; the wasm hydrates it.

use leptos::prelude::*;
use ruzhou_story::prerender::{boot_script, content_hash, inline_module_script, render_page, Page};
use ruzhou_story::story::STORY;
use ruzhou_story::{App, Motion};
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::var("TRUNK_STAGING_DIR").expect("run as a Trunk hook (TRUNK_STAGING_DIR)"),
    );
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).expect("read the staged index.html");

    // Trunk's inline boot script becomes a file, so the page needs no 'unsafe-inline'.
    let (_, _, code) =
        inline_module_script(&index).expect("Trunk's inline boot script in index.html");
    let code = boot_script(code);
    let boot = format!("boot-{}.js", content_hash(code.as_bytes()));
    std::fs::write(dir.join(&boot), code).expect("write the boot script");

    for (file, embedded) in [("index.html", false), ("embed.html", true)] {
        let body = Owner::new().with(|| {
            provide_context(Motion::server());
            view! { <App embedded=embedded/> }.to_html()
        });
        let page = Page {
            body: &body,
            title: STORY.title,
            description: STORY.description,
            embed: embedded,
            csp: release,
            boot_src: &boot,
        };
        let html = render_page(&index, &page).unwrap_or_else(|e| panic!("{file}: {e}"));
        std::fs::write(dir.join(file), html).expect("write the page");
        println!("prerender: {file} ({} bytes of app HTML)", body.len());
    }
}
