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

/// A message for the parent: `pymxPYMx{child_id}xPYMx{kind}xPYMx{px}`.
fn message(child_id: &str, kind: &str, px: u32) -> String {
    format!("pym{SEPARATOR}{child_id}{SEPARATOR}{kind}{SEPARATOR}{px}")
}

/// The message type of a height for the parent (the iframe's new height, px).
pub const HEIGHT: &str = "height";
/// The message type of a scroll request for the parent (px below the iframe's top).
pub const SCROLL_TO_CHILD_POS: &str = "scrollToChildPos";
/// The message type of the parent's width (px), which asks the story for its height.
pub const WIDTH: &str = "width";
/// The most digits of a pixel value the host page (`embed.js`) reads: heights are capped far
/// below 10 000 000 px.
pub const MAX_DIGITS: usize = 7;

/// A `height` message for the parent: `pymxPYMx{child_id}xPYMxheightxPYMx{px}`.
pub fn height_message(child_id: &str, height_px: u32) -> String {
    message(child_id, HEIGHT, height_px)
}

/// A `scrollToChildPos` message: asks the parent to scroll its page to `y_px` below the iframe's
/// top (how the section links work in a full-height iframe, which never scrolls itself).
pub fn scroll_message(child_id: &str, y_px: u32) -> String {
    message(child_id, SCROLL_TO_CHILD_POS, y_px)
}

/// A message from the parent that the story acts on.
#[derive(Debug, PartialEq, Eq)]
pub enum ParentMessage {
    /// The parent's width in pixels: answer with the current height.
    Width(u32),
}

/// Reads a message from the parent. `None` for anything that is not exactly a pym `width` message
/// for `child_id` (`pymxPYMx{child_id}xPYMxwidthxPYMx{px}`, read from the front as pym.js builds
/// it) with a plain whole number of pixels.
pub fn parse_parent_message(data: &str, child_id: &str) -> Option<ParentMessage> {
    let value = data
        .strip_prefix("pym")?
        .strip_prefix(SEPARATOR)?
        .strip_prefix(child_id)?
        .strip_prefix(SEPARATOR)?
        .strip_prefix(WIDTH)?
        .strip_prefix(SEPARATOR)?;
    if value.is_empty() || value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().map(ParentMessage::Width)
}

/// The longest child id the story accepts, in characters (Unicode code points: an emoji counts
/// one, as in Rust's `chars()` and a JavaScript regular expression with the `u` flag).
pub const MAX_CHILD_ID_LEN: usize = 64;

/// The longest message the story reads from its parent and `embed.js` reads from a story, in
/// UTF-16 code units (JavaScript's `length`, checked before a string is copied or parsed): the
/// longest pym message with a valid child id (each of its characters at most 2 units) and a
/// [`MAX_DIGITS`] value. Anything longer is dropped unread.
pub const MAX_MESSAGE_LEN: usize = "pym".len()
    + 3 * SEPARATOR.len()
    + 2 * MAX_CHILD_ID_LEN
    + SCROLL_TO_CHILD_POS.len()
    + MAX_DIGITS;

/// The one child-id rule, for the URL's `childId` (the story), the boot script's first height and
/// the ids `embed.js` accepts: 1 to [`MAX_CHILD_ID_LEN`] characters (code points), none of them a
/// control character (general category Cc: U+0000–U+001F, U+007F–U+009F, what
/// [`char::is_control`] tests), and not containing the separator `xPYMx`. pym.js uses the
/// container element's id (or `pym-0-x1y2z` for auto-initialised containers), so any such id
/// works. The JavaScript copies are [`child_id_regex_js`], generated from the same constants.
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

/// [`valid_child_id`] as a JavaScript regular expression literal, with the same semantics: the
/// `u` flag makes `{1,64}` count code points, `\p{Cc}` is the same control characters, `\p{Cs}`
/// refuses lone surrogates (which a Rust string cannot hold), and `(?!xPYMx)` at every character
/// refuses the separator anywhere in the id.
pub fn child_id_regex_js() -> String {
    format!("/^(?:(?!{SEPARATOR})[^\\p{{Cc}}\\p{{Cs}}]){{1,{MAX_CHILD_ID_LEN}}}$/u")
}

/// The lines of `public/embed.js` between [`EMBED_JS_BEGIN`] and [`EMBED_JS_END`]: the protocol's
/// facts as that script needs them (it is served as it is, so it cannot import them). A test checks
/// that the file holds exactly these lines; after a change here, paste them in.
pub fn embed_js_constants() -> String {
    format!(
        "  var CHILD_ID = {};\n  \
         var MAX_MESSAGE_LEN = {MAX_MESSAGE_LEN};\n  \
         var PREFIX = 'pym{SEPARATOR}';\n  \
         var TAIL = /{SEPARATOR}({HEIGHT}|{SCROLL_TO_CHILD_POS}){SEPARATOR}(\\d{{1,{MAX_DIGITS}}})$/;\n  \
         var WIDTH = 'pym{SEPARATOR}{DEFAULT_CHILD_ID}{SEPARATOR}{WIDTH}{SEPARATOR}';\n",
        child_id_regex_js()
    )
}

/// The line before [`embed_js_constants`] in `public/embed.js`.
pub const EMBED_JS_BEGIN: &str =
    "  // Generated by src/embed.rs (embed_js_constants); `cargo test` checks these lines.\n";
/// The line after [`embed_js_constants`] in `public/embed.js`.
pub const EMBED_JS_END: &str = "  // End of the generated lines.\n";

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

    /// `public/embed.js` is plain JS served as it is: it holds [`embed_js_constants`] between its
    /// two marker lines, exactly as generated here.
    #[test]
    fn embed_js_holds_the_generated_constants() {
        let js = include_str!("../public/embed.js");
        let begin = js
            .find(EMBED_JS_BEGIN)
            .expect("embed.js: no EMBED_JS_BEGIN line")
            + EMBED_JS_BEGIN.len();
        let len = js[begin..]
            .find(EMBED_JS_END)
            .expect("embed.js: no EMBED_JS_END line");
        assert_eq!(
            &js[begin..begin + len],
            embed_js_constants(),
            "public/embed.js must hold these lines from src/embed.rs:\n{}",
            embed_js_constants()
        );
        for name in ["CHILD_ID", "MAX_MESSAGE_LEN", "PREFIX", "TAIL", "WIDTH"] {
            assert_eq!(
                js.matches(&format!("var {name} ")).count(),
                1,
                "{name} defined once"
            );
            assert!(
                js.matches(name).count() > 1,
                "embed.js defines {name} and never uses it"
            );
        }
    }

    #[test]
    fn the_longest_messages_fit_the_length_limit() {
        let id = "😀".repeat(MAX_CHILD_ID_LEN);
        assert!(valid_child_id(&id));
        let longest = scroll_message(&id, 9_999_999);
        assert_eq!(longest.encode_utf16().count(), MAX_MESSAGE_LEN);
        assert!(
            format!("pym{SEPARATOR}{id}{SEPARATOR}{WIDTH}{SEPARATOR}999999")
                .encode_utf16()
                .count()
                <= MAX_MESSAGE_LEN
        );
        assert_eq!(
            parse_parent_message(
                &format!("pym{SEPARATOR}{id}{SEPARATOR}{WIDTH}{SEPARATOR}390"),
                &id
            ),
            Some(ParentMessage::Width(390))
        );
    }

    #[test]
    fn the_js_rule_is_generated_from_the_same_constants() {
        assert_eq!(
            child_id_regex_js(),
            "/^(?:(?!xPYMx)[^\\p{Cc}\\p{Cs}]){1,64}$/u"
        );
        assert!(embed_js_constants().contains(&child_id_regex_js()));
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
        assert!(
            valid_child_id(&"😀".repeat(64)),
            "64 characters, not UTF-16 units"
        );
        assert!(valid_child_id("axPYM"), "the separator only whole");
        for id in [
            "", "axPYMxb", "xPYMx", "a\nb", "a\tb", "a\u{0}b", "a\u{1f}", "a\u{7f}", "a\u{85}",
            "a\u{9f}",
        ] {
            assert!(!valid_child_id(id), "{id:?}");
            assert!(child_id(Some(id)).unwrap_err().contains("childId"));
        }
        assert!(!valid_child_id(&"a".repeat(65)));
        assert!(!valid_child_id(&"😀".repeat(65)));
        assert!(
            valid_child_id("a\u{a0}b\u{2028}"),
            "not control characters (Zs, Zl)"
        );
        assert_eq!(child_id(None).as_deref(), Ok(DEFAULT_CHILD_ID));
    }
}
