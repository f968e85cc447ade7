//! The reading progress bar.

use crate::browser;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// A thin bar at the top of the viewport that fills as the reader scrolls. Decorative
/// (`aria-hidden`); its scale is set through the CSSOM, so it needs no inline style attribute
/// (strict CSP). Hidden in embed mode.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let bar = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = bar.get() else { return };
        let update = move || {
            let style = web_sys::HtmlElement::style(&el);
            let _ = style.set_property(
                "transform",
                &format!("scaleX({:.4})", browser::scroll_progress()),
            );
        };
        update();
        let scroll = window_event_listener(ev::scroll, {
            let update = update.clone();
            move |_| update()
        });
        let resize = window_event_listener(ev::resize, move |_| update());
        let handles = SendWrapper::new((scroll, resize));
        on_cleanup(move || {
            let (scroll, resize) = handles.take();
            scroll.remove();
            resize.remove();
        });
    });
    view! {
        <div class="progress" aria-hidden="true">
            <div class="progress-bar" node_ref=bar></div>
        </div>
    }
}
