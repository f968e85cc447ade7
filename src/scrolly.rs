//! Scroll geometry: which section or step is being read, from element positions alone (no
//! direction tracking, so going back up, deep links and fast flings all land right). Plain
//! functions, unit-tested natively.

/// The last of these elements whose top (px from the viewport top, in reading order) has passed
/// `line`; `None` when none has.
pub fn last_started(tops: &[f64], line: f64) -> Option<usize> {
    tops.iter().rposition(|top| *top <= line)
}

/// A box's edges, px from the viewport's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edges {
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
}

/// Where a scene's step becomes the one being read (px from the viewport top). With the graphic
/// beside the steps (desktop): 55 % of the viewport. With the graphic above them (phone): a third
/// of the way down the space left below the graphic, so a step is read in full view under it.
pub fn trigger_line(viewport_height: f64, graphic: Edges, steps: Edges) -> f64 {
    let beside = graphic.right <= steps.left || graphic.left >= steps.right;
    if beside {
        viewport_height * 0.55
    } else {
        let below = graphic.bottom.max(0.0);
        below + (viewport_height - below) / 3.0
    }
}

/// Where a graphic whose box has the edges `graphic` stands once pinned, its top `sticky_top` px
/// from the viewport's top (its sticky offset): the same box, moved there. The trigger line is
/// drawn from this, not from where the graphic is now, so it stays put while the scene comes into
/// view (the graphic scrolling up to its place) and leaves it: the line moves only when the page
/// does (a resize, the reader's text size), and the observer of it is made once per scene. A
/// graphic with no box (not displayed: the snapshots show the states) stays where it is.
pub fn pinned(graphic: Edges, sticky_top: f64) -> Edges {
    if graphic.bottom <= graphic.top {
        return graphic;
    }
    Edges {
        top: sticky_top,
        bottom: sticky_top + (graphic.bottom - graphic.top),
        ..graphic
    }
}

/// A length in CSS pixels as the browser gives a computed one (`48px`, `47.5px`), in plain digits:
/// `None` for anything else (`auto`, another unit, a sign). Integer parsing only: float parsing
/// would bring its code into the wasm.
pub fn css_px(value: &str) -> Option<f64> {
    let number = value.strip_suffix("px")?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) if digits(fraction) => (whole, fraction),
        Some(_) => return None,
        None => (number, ""),
    };
    if !digits(whole) {
        return None;
    }
    let whole = f64::from(whole.parse::<u32>().ok()?);
    if fraction.is_empty() {
        return Some(whole);
    }
    let scale = 10u32.pow(fraction.len() as u32);
    Some(whole + f64::from(fraction.parse::<u32>().ok()?) / f64::from(scale))
}

/// The step being read: the last whose top has passed the line, or the first before any has.
pub fn active_step(tops: &[f64], line: f64) -> usize {
    last_started(tops, line).unwrap_or(0)
}

/// Where a scene whose box has the edges `scene` stands for a viewport `viewport_height` tall:
/// wholly above it (passed: its last step), wholly below it (ahead: its first step), or in view
/// (`None`: its steps' positions say). A scene out of view may not be laid out at all
/// (`content-visibility: auto`): its own box is, its steps' are not.
pub fn step_out_of_view(viewport_height: f64, scene: Edges, last: usize) -> Option<usize> {
    if scene.bottom <= 0.0 {
        Some(last)
    } else if scene.top >= viewport_height {
        Some(0)
    } else {
        None
    }
}

/// Whether a box with these edges is within a viewport's height of the viewport, above or below
/// it (where the idle layout leaves a part it laid out as it is: given back to its stylesheet in
/// view, the browser would skip it for a frame).
pub fn within_a_screen(viewport_height: f64, part: Edges) -> bool {
    part.bottom > -viewport_height && part.top < 2.0 * viewport_height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_within_a_screen_of_the_viewport_up_to_a_viewport_away() {
        let at = |top, bottom| edges(top, bottom, 0.0, 390.0);
        assert!(within_a_screen(844.0, at(100.0, 900.0)), "in view");
        assert!(within_a_screen(844.0, at(-2000.0, -843.0)), "just above");
        assert!(within_a_screen(844.0, at(1687.0, 4000.0)), "just below");
        assert!(
            !within_a_screen(844.0, at(-2000.0, -844.0)),
            "a screen above"
        );
        assert!(
            !within_a_screen(844.0, at(1688.0, 4000.0)),
            "a screen below"
        );
    }

    #[test]
    fn a_scene_out_of_view_is_passed_or_ahead() {
        let at = |top, bottom| edges(top, bottom, 0.0, 390.0);
        assert_eq!(
            step_out_of_view(844.0, at(-3000.0, -10.0), 5),
            Some(5),
            "above: passed"
        );
        assert_eq!(
            step_out_of_view(844.0, at(-3000.0, 0.0), 5),
            Some(5),
            "ends at the top"
        );
        assert_eq!(
            step_out_of_view(844.0, at(844.0, 3000.0), 5),
            Some(0),
            "below: ahead"
        );
        assert_eq!(step_out_of_view(844.0, at(900.0, 3000.0), 5), Some(0));
        assert_eq!(
            step_out_of_view(844.0, at(-100.0, 2000.0), 5),
            None,
            "in view"
        );
        assert_eq!(
            step_out_of_view(844.0, at(843.0, 3000.0), 5),
            None,
            "its top edge in view"
        );
    }

    fn edges(top: f64, bottom: f64, left: f64, right: f64) -> Edges {
        Edges {
            top,
            bottom,
            left,
            right,
        }
    }

    #[test]
    fn the_last_started_element_is_current() {
        assert_eq!(last_started(&[100.0, 900.0], 64.0), None);
        assert_eq!(last_started(&[-300.0, 40.0, 900.0], 64.0), Some(1));
        assert_eq!(last_started(&[-3000.0, -2000.0, -10.0], 64.0), Some(2));
        assert_eq!(last_started(&[64.0, 3000.0], 64.0), Some(0), "on the line");
        assert_eq!(
            last_started(&[f64::INFINITY], 64.0),
            None,
            "a missing element"
        );
        assert_eq!(last_started(&[], 64.0), None);
    }

    #[test]
    fn the_trigger_line_sits_below_a_graphic_above_the_steps() {
        // Phone: graphic pinned from 44 to 263 px, steps in the same column.
        let line = trigger_line(
            844.0,
            edges(44.0, 263.0, 0.0, 390.0),
            edges(300.0, 4000.0, 0.0, 390.0),
        );
        assert!((line - (263.0 + 581.0 / 3.0)).abs() < 1e-9, "{line}");
        // Desktop: graphic in the left column.
        let line = trigger_line(
            800.0,
            edges(180.0, 615.0, 40.0, 700.0),
            edges(0.0, 5000.0, 740.0, 1200.0),
        );
        assert!((line - 440.0).abs() < 1e-9, "{line}");
    }

    #[test]
    fn the_line_is_drawn_from_where_the_graphic_pins() {
        // A graphic 219 px tall still coming up (its top at 500 px) or pinned at 44 px: the
        // same line either way.
        let coming = pinned(edges(500.0, 719.0, 0.0, 390.0), 44.0);
        assert_eq!(coming, edges(44.0, 263.0, 0.0, 390.0));
        let steps = edges(300.0, 4000.0, 0.0, 390.0);
        assert_eq!(
            trigger_line(844.0, coming, steps),
            trigger_line(844.0, edges(44.0, 263.0, 0.0, 390.0), steps)
        );
        // Leaving (scrolled up past its place): still the pinned box.
        assert_eq!(pinned(edges(-150.0, 69.0, 0.0, 390.0), 44.0), coming);
        // Not displayed: no box to pin.
        let none = edges(0.0, 0.0, 0.0, 0.0);
        assert_eq!(pinned(none, 44.0), none);
    }

    #[test]
    fn computed_lengths_in_px_are_read_without_float_parsing() {
        assert_eq!(css_px("48px"), Some(48.0));
        assert_eq!(css_px("47.5px"), Some(47.5));
        assert_eq!(css_px("0.0625px"), Some(0.0625));
        assert_eq!(css_px("0px"), Some(0.0));
        for other in [
            "auto",
            "",
            "px",
            "3em",
            "-4px",
            "4.px",
            ".5px",
            "1e3px",
            " 4px",
            "9999999999px",
        ] {
            assert_eq!(css_px(other), None, "{other:?}");
        }
    }

    #[test]
    fn steps_follow_the_line_both_ways() {
        let line = 457.0;
        let tops_at = |scroll: f64| [900.0 - scroll, 1700.0 - scroll, 2500.0 - scroll];
        let states: Vec<usize> = [0.0, 500.0, 1300.0, 2100.0, 1300.0, 0.0]
            .iter()
            .map(|s| active_step(&tops_at(*s), line))
            .collect();
        assert_eq!(states, [0, 0, 1, 2, 1, 0], "down, then back up");
    }
}
