//! A small writer of HTML and SVG markup for the graphics: every text and attribute value is
//! escaped on the way in.

use crate::html::escape;
use crate::story::Inline;

/// Markup being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag attrs…>`, what `body` writes, `</tag>`. Attributes with an empty value are left out
    /// (so an optional one can be given as `""`), except `alt`-like ones nobody uses here.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], body: impl FnOnce(&mut Self)) {
        self.open(tag, attrs);
        body(self);
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// An element with nothing inside: `<tag attrs…></tag>` for HTML, `<tag attrs…/>` in SVG.
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        if matches!(tag, "rect" | "path" | "circle") {
            self.attrs(tag, attrs);
            self.0.push_str("/>");
        } else {
            self.el(tag, attrs, |_| {});
        }
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) {
        self.0.push_str(&escape(text));
    }

    /// The article's words with their figures: each figure in `<b class="g-fig">` (shown as the
    /// article prints it).
    pub fn words(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Counter(_) => {
                    self.el("b", &[("class", "g-fig")], |m| m.text(&inline.plain_text()))
                }
                _ => self.text(&inline.plain_text()),
            }
        }
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.0
    }

    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.attrs(tag, attrs);
        self.0.push('>');
    }

    fn attrs(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs.iter().filter(|(_, v)| !v.is_empty()) {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            self.0.push_str(&escape(value));
            self.0.push('"');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_and_text_are_escaped() {
        let mut m = Markup::default();
        m.el("p", &[("class", "a\"b"), ("data-show", "")], |m| {
            m.text("x<y & z");
            m.empty("rect", &[("width", "4")]);
            m.empty("i", &[("class", "g-icon")]);
        });
        assert_eq!(
            m.finish(),
            "<p class=\"a&quot;b\">x&lt;y &amp; z<rect width=\"4\"/><i class=\"g-icon\"></i></p>"
        );
    }
}
