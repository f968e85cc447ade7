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
        browser::use_height(&bar, move |height| {
            browser::set_root_property("--nav-h", &format!("{}px", height.ceil() as u32));
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
    fn short_heading_is_the_first_phrase() {
        assert_eq!(super::short_heading("民生优先 基础设施先行"), "民生优先");
        assert_eq!(super::short_heading("数说新城"), "数说新城");
    }
}
