//! Compact navigation between the article's three sections.

use super::replay_button::ReplayButton;
use crate::browser;
use crate::story::STORY;
use leptos::prelude::*;
use std::cell::RefCell;

/// The short name of a section heading: its first phrase ("民生优先 基础设施先行" → "民生优先").
pub fn short_heading(heading: &str) -> &str {
    heading.split_whitespace().next().unwrap_or(heading)
}

/// The value `--nav-h` needs for a bar `measured` px tall whose stylesheet gives it at least
/// `least` (`--nav-min`, its computed `min-height`, e.g. `"44px"`): `None` while the stylesheet's
/// own value holds (the bar in one row), whole pixels where it is taller (its links wrap: large
/// text). A custom property of the root element restyles the whole page when it changes (30 ms at
/// 4× CPU for the story of today, ten times that for one ten times as long), so the usual case
/// writes nothing. (Compared as text: parsing a float would bring its code into the wasm.)
pub fn nav_height_property(measured: f64, least: &str) -> Option<String> {
    let px = format!("{}px", measured.ceil() as u32);
    (px != least).then_some(px)
}

/// A section counts as being read once its top has passed a line this far (px) below the bar's
/// bottom (the bar's height is measured, and given to the stylesheet as `--nav-h`): a section
/// that a deep link scrolled to sits just under the bar and counts as read.
const BELOW_BAR_PX: f64 = 20.0;

/// A sticky bar with a deep link (`#id`) to each section with a heading, and the replay control.
/// Plain links: the browser records each jump in its history, so "back" returns to the same place.
/// In an iframe they ask the host page to scroll instead (pym.js `scrollToChildPos`).
///
/// The link of the section being read carries `aria-current="location"`.
#[component]
pub fn SectionNav() -> impl IntoView {
    let linked: Vec<(&'static str, &'static str)> = STORY
        .sections
        .iter()
        .filter_map(|s| s.heading.map(|h| (s.id, h)))
        .collect();
    let ids: Vec<&'static str> = linked.iter().map(|(id, _)| *id).collect();
    let current = RwSignal::new(None::<usize>);
    let nav = NodeRef::<leptos::html::Nav>::new();
    // The line a section's top passes to count as read: below the bar, whose height is measured
    // (where its links wrap, large text, it is taller than the stylesheet's least: what sticks
    // below it and the deep links' margins follow its real height).
    let line = RwSignal::new(None::<f64>);
    browser::effect(move || {
        let Some(bar) = nav.get() else { return };
        let least = browser::computed_style(&bar, "min-height").unwrap_or_default();
        let written = std::cell::RefCell::new(None::<String>);
        browser::use_height(&bar, move |height| {
            let value = nav_height_property(height, &least);
            if *written.borrow() != value {
                browser::set_root_property("--nav-h", value.as_deref());
                *written.borrow_mut() = value;
            }
            line.set(Some(height + BELOW_BAR_PX));
        });
    });
    // Which sections' tops have passed the line: reported when one crosses it, nothing read while
    // the reader scrolls.
    let viewport = browser::use_viewport_height();
    browser::effect(move || {
        let (Some(line), height) = (line.get(), viewport.get()) else {
            return;
        };
        if height <= 0.0 {
            return;
        }
        let sections: Vec<web_sys::Element> = ids
            .iter()
            .filter_map(|id| browser::element_by_id(id))
            .collect();
        let passed = RefCell::new(vec![false; sections.len()]);
        browser::use_line_crossings(&sections, line, height, move |reports| {
            let mut passed = passed.borrow_mut();
            for &(i, top) in reports {
                passed[i] = top <= line;
            }
            let found = passed.iter().rposition(|p| *p);
            if current.get_untracked() != found {
                current.set(found);
            }
        });
    });
    view! {
        <nav class="section-nav" aria-label=crate::ui_text::SECTIONS node_ref=nav>
            <ul>
                {linked
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, heading))| {
                        view! {
                            <li>
                                <a
                                    href=format!("#{id}")
                                    title=heading
                                    aria-current=move || (current.get() == Some(i)).then_some("location")
                                    on:click=move |ev| {
                                        if browser::scroll_parent_to(id) {
                                            ev.prevent_default();
                                        }
                                    }
                                >
                                    {short_heading(heading)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ReplayButton/>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bar_s_height_is_written_only_where_it_is_taller_than_the_stylesheet_s() {
        use super::nav_height_property;
        assert_eq!(nav_height_property(44.0, "44px"), None);
        assert_eq!(nav_height_property(43.6, "44px"), None);
        assert_eq!(nav_height_property(44.2, "44px").as_deref(), Some("45px"));
        assert_eq!(nav_height_property(88.0, "44px").as_deref(), Some("88px"));
        assert_eq!(nav_height_property(50.0, "49.5px").as_deref(), Some("50px"));
    }

    #[test]
    fn short_heading_is_the_first_phrase() {
        assert_eq!(super::short_heading("民生优先 基础设施先行"), "民生优先");
        assert_eq!(super::short_heading("数说新城"), "数说新城");
    }
}
