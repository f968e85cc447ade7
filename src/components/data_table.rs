//! 「查看数据」: the figures behind a data graphic, as a table after its scene.

use crate::story::Scene;
use leptos::prelude::*;
use leptos::tachys::html::InertElement;

/// The figures a data graphic draws (a scene not tagged 示意图), in a native disclosure after
/// its scene: closed, it is one line (「查看数据」); open, a table with the article's words for
/// each figure, the figure as the article writes it, its unit and the sentence it stands in
/// (`crate::graphic::table`). It follows the scene rather than sitting in it, so that the graphic
/// pinned on a phone never covers it. Static server markup, never hydrated: it works with
/// JavaScript off, and the wasm neither carries nor walks it. Only for data graphics: a drawing has
/// none.
#[component]
pub fn DataTable(
    /// The scene whose figures it shows.
    scene: &'static Scene,
) -> impl IntoView {
    #[cfg(not(feature = "hydrate"))]
    let markup = crate::graphic::table::markup(scene);
    #[cfg(feature = "hydrate")]
    let markup = {
        let _ = scene;
        String::new()
    };
    InertElement::new(markup)
}
