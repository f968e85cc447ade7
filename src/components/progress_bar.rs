//! The reading progress bar.

use crate::browser;
use leptos::html;
use leptos::prelude::*;

/// The stylesheet's condition for the bar driven by the scroll position itself.
pub const SCROLL_LINKED: &str = "(animation-timeline: scroll())";

/// `scaleX(…)` for a fraction 0–1, four decimals, written with integer formatting only (this path
/// needs no float formatting).
pub fn scale_x(fraction: f64) -> String {
    let n = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("scaleX({}.{:04})", n / 10_000, n % 10_000)
}

/// A thin bar at the top of the viewport that fills as the reader scrolls. Decorative
/// (`aria-hidden`). Where the browser links an animation to the scroll position
/// (`animation-timeline: scroll()`), the stylesheet alone drives it, off the main thread;
/// elsewhere its scale is set on scroll through the CSSOM, so it needs no inline style attribute
/// (strict CSP). Hidden in embed mode.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let bar = NodeRef::<html::Div>::new();
    browser::effect(move || {
        let Some(el) = bar.get() else { return };
        if browser::css_supports(SCROLL_LINKED) {
            return;
        }
        let update = move || {
            let style = web_sys::HtmlElement::style(&el);
            let _ = style.set_property("transform", &scale_x(browser::scroll_progress()));
        };
        browser::use_scroll_and_resize(update);
    });
    view! {
        <div class="progress" aria-hidden="true">
            <div class="progress-bar" node_ref=bar></div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stylesheet_drives_the_bar_where_the_app_does_not() {
        let css = include_str!("../../public/style.css");
        assert!(css.contains(&format!("@supports {} {{", super::SCROLL_LINKED)));
    }

    #[test]
    fn scale_x_has_four_decimals() {
        assert_eq!(super::scale_x(0.0), "scaleX(0.0000)");
        assert_eq!(super::scale_x(0.12345), "scaleX(0.1235)");
        assert_eq!(super::scale_x(1.0), "scaleX(1.0000)");
        assert_eq!(super::scale_x(7.0), "scaleX(1.0000)");
    }
}
