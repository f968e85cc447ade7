//! A scene: a graphic pinned on screen while the article's sentences beside or under it step on.

#[cfg(not(feature = "hydrate"))]
use super::paragraph::Paragraph;
use crate::hooks::active_step::use_active_step;
use crate::hooks::page::EmbedMode;
use crate::motion::Motion;
use crate::story::{Scene, Step};
use leptos::html;
use leptos::prelude::*;
use leptos::tachys::html::InertElement;

/// A scene of the story (the scrollama pattern): a `<figure>` with the graphic, sticky while the
/// steps pass — on phones pinned at the top with the steps as cards below it, on desktops in a
/// column beside them. The step being read ([`use_active_step`]) sets the graphic's state, the
/// scene's `data-at`; the stylesheet shows what each part of the graphic shows in that state
/// (`crate::graphic`) and fades only opacity, so nothing moves the layout.
///
/// Where nothing can stick (embedded, no script, print, large text: the stylesheet decides), the
/// figure gives way to snapshots: each step whose state changes the picture starts with the
/// graphic in that state. The server renders the final state. Each step is whole sentences of
/// the article, with its own id for deep links (`#roads-2`); a visually hidden description says
/// what the graphic shows, in the article's words.
///
/// DOM contract: `data-scene="<name>"`, `data-step` (0-based, the step being read),
/// `data-state` (the graphic's state name) and `data-at` (its index) on the scene; `data-active`
/// on the step being read; `data-show` on the graphic's parts shown in some states only.
#[component]
pub fn StoryScene(
    /// The scene's data.
    scene: &'static Scene,
) -> impl IntoView {
    let figure = NodeRef::<html::Figure>::new();
    let steps = NodeRef::<html::Div>::new();
    let flat = use_context::<EmbedMode>().map_or(Signal::stored(false), |e| e.0.into());
    let reduced = expect_context::<Motion>().reduced;
    let (active, animated) = use_active_step(figure, steps, scene.steps.len(), flat, reduced);
    let state = Signal::derive(move || scene.steps[active.get()].state);
    let description_id = format!("scene-{}-description", scene.name);
    view! {
        <div
            class="scene"
            class:animated=move || animated.get()
            id=format!("scene-{}", scene.name)
            data-scene=scene.name
            data-step=move || active.get()
            data-state=move || scene.states[state.get()]
            data-at=move || state.get()
        >
            <figure class="scene-figure" node_ref=figure>
                {drawn(scene, None, &description_id)}
            </figure>
            {described(scene, &description_id)}
            <div class="scene-steps" node_ref=steps>
                {scene
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        // A snapshot where the picture changes: at the first step, and at each
                        // step whose state is not the one before's.
                        let changes = i == 0 || scene.steps[i - 1].state != step.state;
                        view! {
                            <div
                                class="step"
                                id=format!("{}-{}", scene.name, i + 1)
                                data-active=move || (active.get() == i).then_some("")
                            >
                                {changes.then(|| drawn(scene, Some(step.state), ""))}
                                {step_text(step)}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// The scene's graphic (`state` `None`: live, every state) or its snapshot in `state`, as static
/// markup. The hydrating browser keeps the server's nodes (its build draws nothing).
fn drawn(scene: &'static Scene, state: Option<usize>, description_id: &str) -> InertElement {
    #[cfg(not(feature = "hydrate"))]
    let markup = match state {
        None => crate::graphic::graphic(scene, description_id),
        Some(state) => crate::graphic::snapshot(scene, state),
    };
    #[cfg(feature = "hydrate")]
    let markup = {
        let _ = (scene, state, description_id);
        String::new()
    };
    InertElement::new(markup)
}

/// What the graphic shows, in words, visually hidden (the hydrating browser keeps the server's).
fn described(scene: &'static Scene, id: &str) -> InertElement {
    #[cfg(not(feature = "hydrate"))]
    let markup = crate::graphic::description_paragraph(scene, id);
    #[cfg(feature = "hydrate")]
    let markup = {
        let _ = (scene, id);
        String::new()
    };
    InertElement::new(markup)
}

/// A step's sentences, with their counters.
#[cfg(not(feature = "hydrate"))]
fn step_text(step: &'static Step) -> impl IntoView {
    view! { <Paragraph inlines=step.inlines/> }
}

/// A step's sentences as the server rendered them: the hydrated page keeps the `<p>` as it is; its
/// counters are islands of their own ([`crate::islands`]).
#[cfg(feature = "hydrate")]
fn step_text(_: &'static Step) -> impl IntoView {
    InertElement::new("")
}
