//! A paragraph of the article with its figures in place.

use super::counter::{non_empty, Counter};
use crate::story::Inline;
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

/// A `<p>` of words and counters. A counter and the punctuation right after it are kept together,
/// so a comma never starts a line after a counting number.
#[component]
pub fn Paragraph(
    /// The paragraph's pieces, in order.
    inlines: &'static [Inline],
) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut glue_next = false;
    for (i, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Text(text) => {
                let text = if glue_next {
                    split_closing_punctuation(text).1
                } else {
                    text
                };
                glue_next = false;
                if let Some(text) = non_empty(text) {
                    pieces.push(text.into_any());
                }
            }
            Inline::Counter(counter) => {
                let punct = match inlines.get(i + 1) {
                    Some(Inline::Text(t)) => split_closing_punctuation(t).0,
                    _ => "",
                };
                glue_next = !punct.is_empty();
                pieces.push(if glue_next {
                    view! { <span class="nobr"><Counter counter=counter/>{punct}</span> }.into_any()
                } else {
                    view! { <Counter counter=counter/> }.into_any()
                });
            }
        }
    }
    view! { <p>{pieces}</p> }
}

#[cfg(test)]
mod tests {
    use super::split_closing_punctuation;

    #[test]
    fn splits_leading_closing_punctuation() {
        assert_eq!(split_closing_punctuation("，有一座"), ("，", "有一座"));
        assert_eq!(split_closing_punctuation("。”下"), ("。”", "下"));
        assert_eq!(split_closing_punctuation("产业集聚区"), ("", "产业集聚区"));
        assert_eq!(split_closing_punctuation("，"), ("，", ""));
        assert_eq!(split_closing_punctuation(""), ("", ""));
    }
}
