//! The pym.js message protocol, as plain Rust (unit-tested natively).
//!
//! pym.js 1.3 frames every message as `pym` `xPYMx` childId `xPYMx` type `xPYMx` value. The story
//! page, when framed, sends `height` messages to its parent and answers the parent's `width`
//! messages. Incoming messages are untrusted: only a well-formed `width` for our own child id is
//! understood; anything else (other ids, `navigateTo`, `scrollTo`, script URLs, junk) is ignored.

/// pym.js's field separator.
pub const SEPARATOR: &str = "xPYMx";

/// The child id used when the page is framed without pym.js (no `childId` query parameter).
pub const DEFAULT_CHILD_ID: &str = "ruzhou-story";

/// The longest message from the parent the story reads (a pym `width` message is under 100
/// characters); longer strings are dropped before they are copied into wasm memory.
pub const MAX_MESSAGE_LEN: usize = 128;

/// A message for the parent: `pymxPYMx{child_id}xPYMx{kind}xPYMx{px}`.
fn message(child_id: &str, kind: &str, px: u32) -> String {
    format!("pym{SEPARATOR}{child_id}{SEPARATOR}{kind}{SEPARATOR}{px}")
}

/// A `height` message for the parent: `pymxPYMx{child_id}xPYMxheightxPYMx{px}`.
pub fn height_message(child_id: &str, height_px: u32) -> String {
    message(child_id, "height", height_px)
}

/// A `scrollToChildPos` message: asks the parent to scroll its page to `y_px` below the iframe's
/// top (how the section links work in a full-height iframe, which never scrolls itself).
pub fn scroll_message(child_id: &str, y_px: u32) -> String {
    message(child_id, "scrollToChildPos", y_px)
}

/// A message from the parent that the story acts on.
#[derive(Debug, PartialEq, Eq)]
pub enum ParentMessage {
    /// The parent's width in pixels: answer with the current height.
    Width(u32),
}

/// Reads a message from the parent. `None` for anything that is not exactly a pym `width` message
/// for `child_id` with a plain whole number of pixels.
pub fn parse_parent_message(data: &str, child_id: &str) -> Option<ParentMessage> {
    let mut parts = data.split(SEPARATOR);
    let (pym, id, kind, value) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || pym != "pym" || id != child_id || kind != "width" {
        return None;
    }
    if value.is_empty() || value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().map(ParentMessage::Width)
}

/// The longest child id the story accepts (characters).
pub const MAX_CHILD_ID_LEN: usize = 64;

/// Whether a child id from the URL can be echoed back: pym.js uses the container element's id (or
/// `pym-0-x1y2z` for auto-initialised containers), so any id of at most [`MAX_CHILD_ID_LEN`]
/// characters without the separator and without control characters is accepted.
pub fn valid_child_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_CHILD_ID_LEN
        && !id.contains(SEPARATOR)
        && !id.chars().any(char::is_control)
}

/// The child id to use for the URL's `childId`: the default when there is none, `Err` with the
/// reason for one the story cannot echo.
pub fn child_id(param: Option<&str>) -> Result<String, String> {
    match param {
        None => Ok(DEFAULT_CHILD_ID.to_owned()),
        Some(id) if valid_child_id(id) => Ok(id.to_owned()),
        Some(_) => Err(format!(
            "childId must be 1 to {MAX_CHILD_ID_LEN} characters, without `{SEPARATOR}` or control characters"
        )),
    }
}

/// The same rule as JavaScript, for the boot script that sends the first height before the app
/// runs: `true` for an id the story would echo.
pub fn child_id_rule_js() -> String {
    format!("(id) => id.length >= 1 && id.length <= {MAX_CHILD_ID_LEN} && !/{SEPARATOR}|[\\x00-\\x1f\\x7f-\\x9f]/.test(id)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn height_messages_use_the_pym_format() {
        assert_eq!(
            height_message("story", 5234),
            "pymxPYMxstoryxPYMxheightxPYMx5234"
        );
    }

    #[test]
    fn scroll_messages_use_the_pym_format() {
        assert_eq!(
            scroll_message("story", 5815),
            "pymxPYMxstoryxPYMxscrollToChildPosxPYMx5815"
        );
    }

    #[test]
    fn width_messages_for_our_child_are_understood() {
        assert_eq!(
            parse_parent_message("pymxPYMxstoryxPYMxwidthxPYMx390", "story"),
            Some(ParentMessage::Width(390))
        );
        assert_eq!(
            parse_parent_message("pymxPYMxstoryxPYMxwidthxPYMx1280", "story"),
            Some(ParentMessage::Width(1280))
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        for junk in [
            "",
            "pym",
            "pymxPYMxotherxPYMxwidthxPYMx390",
            "pymxPYMxstoryxPYMxwidthxPYMx",
            "pymxPYMxstoryxPYMxwidthxPYMx-1",
            "pymxPYMxstoryxPYMxwidthxPYMx39.5",
            "pymxPYMxstoryxPYMxwidthxPYMx9999999999",
            "pymxPYMxstoryxPYMxwidthxPYMx390xPYMxextra",
            "pymxPYMxstoryxPYMxnavigateToxPYMxjavascript:alert(1)",
            "pymxPYMxstoryxPYMxscrollToxPYMx0",
            "pymxPYMxstoryxPYMxheightxPYMx390",
            "PYMxPYMxstoryxPYMxwidthxPYMx390",
            "{\"width\":390}",
        ] {
            assert_eq!(parse_parent_message(junk, "story"), None, "{junk}");
        }
    }

    /// `public/embed.js` is plain JS served as it is, so it repeats two facts of this module; this
    /// test keeps the copies equal.
    #[test]
    fn embed_js_agrees_on_the_default_child_id_and_the_message_format() {
        let js = include_str!("../public/embed.js");
        let width = format!("'pym{SEPARATOR}{DEFAULT_CHILD_ID}{SEPARATOR}width{SEPARATOR}'");
        assert!(js.contains(&width), "embed.js must send {width}");
        let pattern = format!(
            "/^pym{SEPARATOR}[^\\x00-\\x1f\\x7f]{{1,{MAX_CHILD_ID_LEN}}}{SEPARATOR}(height|scrollToChildPos){SEPARATOR}"
        );
        assert!(
            js.contains(&pattern),
            "embed.js must read {pattern} (any child id valid_child_id accepts)"
        );
        assert!(js.contains(&format!("event.data.length > {MAX_MESSAGE_LEN}")));
    }

    #[test]
    fn any_pym_style_child_id_is_accepted_and_the_rest_named() {
        for id in [
            "example",
            "ruzhou-story_1",
            "ruzhou-story-embed",
            "pym-0-x1y2z",
            "新闻 1",
            "a/b?c",
        ] {
            assert!(valid_child_id(id), "{id}");
            assert_eq!(child_id(Some(id)).as_deref(), Ok(id));
        }
        assert!(valid_child_id(&"故".repeat(64)), "64 characters, not bytes");
        for id in ["", "axPYMxb", "a\nb", "a\u{0}b", "a\u{7f}", "a\u{85}"] {
            assert!(!valid_child_id(id), "{id:?}");
            assert!(child_id(Some(id)).unwrap_err().contains("childId"));
        }
        assert!(!valid_child_id(&"a".repeat(65)));
        assert_eq!(child_id(None).as_deref(), Ok(DEFAULT_CHILD_ID));
    }
}
