//! A paragraph of the article with its figures in place.

use super::count_up::non_empty;
use super::story_counter::StoryCounter;
use crate::story::{Counter, Inline, GAP_TEXT};
use crate::ui_text::GAP_NOTE;
use leptos::prelude::*;

/// Closing punctuation that must never start a line (clreq): it is kept on the line of the
/// counter before it.
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '”', '’', '）', '》', '…', '%',
];

/// Splits `text` after its leading closing punctuation: `("，", "有一座…")`.
pub fn split_closing_punctuation(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !CLOSING.contains(&c))
        .unwrap_or(text.len());
    text.split_at(end)
}

/// A piece of a paragraph as it is laid out.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    /// Words (never empty).
    Text(&'a str),
    /// A counter and the closing punctuation right after it (possibly none), kept on one line.
    Counter(&'a Counter, &'a str),
    /// Words missing from the source.
    Gap,
}

/// The paragraph's pieces: each counter takes the closing punctuation that follows it, so a comma
/// never starts a line after a counting number; text left empty by that is dropped.
pub fn pieces<'a>(inlines: &'a [Inline]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut glued = "";
    for (i, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Text(text) => {
                let rest = &text[glued.len()..];
                glued = "";
                out.extend(non_empty(rest).map(Piece::Text));
            }
            Inline::Counter(counter) => {
                glued = match inlines.get(i + 1) {
                    Some(Inline::Text(t)) => split_closing_punctuation(t).0,
                    _ => "",
                };
                out.push(Piece::Counter(counter, glued));
            }
            Inline::Gap => {
                glued = "";
                out.push(Piece::Gap);
            }
        }
    }
    out
}

/// A `<p>` of words and counters, laid out by [`pieces`]. The source's gap is shown as 「……」,
/// set apart from the author's own ellipses, with the visible note [`GAP_NOTE`] (screen readers
/// read the note, not the dots).
#[component]
pub fn Paragraph(
    /// The paragraph's pieces, in order.
    inlines: &'static [Inline],
) -> impl IntoView {
    let views = pieces(inlines)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Counter(counter, "") => view! { <StoryCounter counter=counter/> }.into_any(),
            Piece::Counter(counter, punct) => {
                view! { <span class="nobr"><StoryCounter counter=counter/>{punct}</span> }
                    .into_any()
            }
            Piece::Gap => view! {
                <span class="gap">
                    <span aria-hidden="true">{GAP_TEXT}</span>
                    <span class="gap-note">{GAP_NOTE}</span>
                </span>
            }
            .into_any(),
        })
        .collect_view();
    view! { <p>{views}</p> }
}

#[cfg(test)]
mod tests {
    use super::{pieces, split_closing_punctuation, Piece};
    use crate::story::{Counter, Inline, Value};

    #[test]
    fn splits_leading_closing_punctuation() {
        assert_eq!(split_closing_punctuation("，有一座"), ("，", "有一座"));
        assert_eq!(split_closing_punctuation("。”下"), ("。”", "下"));
        assert_eq!(split_closing_punctuation("产业集聚区"), ("", "产业集聚区"));
        assert_eq!(split_closing_punctuation("，"), ("，", ""));
        assert_eq!(split_closing_punctuation(""), ("", ""));
    }

    static KM: Counter = Counter {
        id: "km",
        before: "",
        value: Value::Number {
            value: 3.0,
            decimals: 0,
        },
        after: "公里",
        counts: true,
    };

    #[test]
    fn counters_take_the_punctuation_after_them() {
        let p = [
            Inline::Text("市区向南"),
            Inline::Counter(&KM),
            Inline::Text("，有一座"),
        ];
        assert_eq!(
            pieces(&p),
            [
                Piece::Text("市区向南"),
                Piece::Counter(&KM, "，"),
                Piece::Text("有一座")
            ]
        );
    }

    #[test]
    fn nothing_to_glue_and_nothing_left() {
        let p = [Inline::Counter(&KM), Inline::Text("的")];
        assert_eq!(pieces(&p), [Piece::Counter(&KM, ""), Piece::Text("的")]);
        let p = [Inline::Text("共"), Inline::Counter(&KM), Inline::Text("。")];
        assert_eq!(
            pieces(&p),
            [Piece::Text("共"), Piece::Counter(&KM, "。")],
            "no empty text node after the glued full stop"
        );
        let p = [Inline::Gap, Inline::Text("即打响。")];
        assert_eq!(pieces(&p), [Piece::Gap, Piece::Text("即打响。")]);
        let p = [Inline::Counter(&KM), Inline::Counter(&KM)];
        assert_eq!(
            pieces(&p),
            [Piece::Counter(&KM, ""), Piece::Counter(&KM, "")]
        );
    }
}
