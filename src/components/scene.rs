//! A scene: a graphic pinned on screen while the article's sentences beside or under it step on.

#[cfg(not(feature = "hydrate"))]
use super::paragraph::Paragraph;
use crate::components::app::EmbedMode;
use crate::hooks::active_step::use_active_step;
use crate::motion::Motion;
use crate::story::{Scene as SceneData, Step};
use leptos::html;
use leptos::prelude::*;

/// A scene of the story (the scrollama pattern): a `<figure>` with the graphic, sticky while the
/// steps pass — on phones pinned at the top with the steps as cards below it, on desktops in a
/// column beside them. The step being read ([`use_active_step`]) sets the graphic's state, the
/// scene's `data-at`; the stylesheet shows the chart's layers up to it ([`crate::charts`]) and
/// animates opacity and stroke only, so nothing moves the layout.
///
/// The server renders the final state (also what JavaScript off, print and embed mode show). Each
/// step is whole sentences of the article, with its own id for deep links (`#roads-2`).
///
/// DOM contract: `data-scene="<graphic>"`, `data-step` (0-based, the step being read) and
/// `data-state` (the graphic's state name) and `data-at` (its index) on the scene; `data-active` on
/// the step being read.
#[component]
pub fn Scene(
    /// The scene's data.
    scene: &'static SceneData,
) -> impl IntoView {
    let spec = scene.graphic.spec();
    let figure = NodeRef::<html::Figure>::new();
    let steps = NodeRef::<html::Div>::new();
    let flat = use_context::<EmbedMode>().map_or(Signal::stored(false), |e| e.0.into());
    let reduced = expect_context::<Motion>().reduced;
    let (active, animated) = use_active_step(figure, steps, scene.steps.len(), flat, reduced);
    let state = Signal::derive(move || scene.steps[active.get()].state);
    #[cfg(not(feature = "hydrate"))]
    let chart = crate::charts::chart(scene);
    #[cfg(feature = "hydrate")]
    let chart = crate::charts::Chart::adopted(scene);
    view! {
        <div
            class="scene"
            class:animated=move || animated.get()
            id=format!("scene-{}", spec.name)
            data-scene=spec.name
            data-step=move || active.get()
            data-state=move || spec.states[state.get()]
            data-at=move || state.get()
        >
            <figure class="scene-figure" node_ref=figure>
                <div class="chart" inner_html=chart.svg></div>
                {spec
                    .schematic
                    .then(|| view! { <span class="schematic" aria-hidden="true">"示意图"</span> })}
                <figcaption class="sr-only">{chart.caption}</figcaption>
            </figure>
            <div class="scene-steps" node_ref=steps>
                {scene
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        view! {
                            <div
                                class="step"
                                id=format!("{}-{}", spec.name, i + 1)
                                data-active=move || (active.get() == i).then_some("")
                            >
                                {step_text(step)}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
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
    leptos::tachys::html::InertElement::new("")
}
