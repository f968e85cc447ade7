//! The reading progress bar.

use crate::browser;
use leptos::html;
use leptos::prelude::*;

/// How often (ms) the bar follows the reader while they scroll: at a reader's pace (some 300–500
/// px a second through a 19 000 px page) each step is a pixel or two of the bar's width. Restyling
/// it in every frame instead (a scroll timeline, or a write on every scroll event) was 8–10 % of a
/// read's main-thread work on a throttled phone: Chromium restyles an animated element on the main
/// thread each frame, even when the compositor runs its animation.
pub const EVERY_MS: u32 = 150;

/// `scaleX(…)` for a fraction 0–1, four decimals, written with integer formatting only (this path
/// needs no float formatting).
pub fn scale_x(fraction: f64) -> String {
    let n = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("scaleX({}.{:04})", n / 10_000, n % 10_000)
}

/// A thin bar at the top of the viewport that fills as the reader scrolls. Decorative
/// (`aria-hidden`). Its scale is set through the CSSOM (no inline style attribute: strict CSP), in
/// an animation frame at most every [`EVERY_MS`] while the reader scrolls, and once after the last
/// scroll, so it ends where the reader stops. Hidden in embed mode.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let bar = NodeRef::<html::Div>::new();
    browser::effect(move || {
        let Some(el) = bar.get() else { return };
        let next = browser::use_next_frame();
        browser::use_scroll_and_resize(move || {
            // A follow already waiting: this scroll event adds nothing to it.
            if next.waiting() {
                return;
            }
            let el = el.clone();
            next.write_after(EVERY_MS, move || {
                let style = web_sys::HtmlElement::style(&el);
                let _ = style.set_property("transform", &scale_x(browser::scroll_progress()));
            });
        });
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
    fn scale_x_has_four_decimals() {
        assert_eq!(super::scale_x(0.0), "scaleX(0.0000)");
        assert_eq!(super::scale_x(0.12345), "scaleX(0.1235)");
        assert_eq!(super::scale_x(1.0), "scaleX(1.0000)");
        assert_eq!(super::scale_x(7.0), "scaleX(1.0000)");
    }
}
