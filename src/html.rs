//! HTML text and attribute escaping, for every page and graphic the server writes.

/// Escapes text for an HTML attribute or element (the page's, and the SVG inside it).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            super::escape("a<b & “c” \"d\">"),
            "a&lt;b &amp; “c” &quot;d&quot;&gt;"
        );
    }
}
