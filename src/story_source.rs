//! The story's source: the article as it was given (a text dump of the newspaper's page), which
//! every sentence of the story must be taken from verbatim. The data file's validation checks each
//! paragraph, step, caption and heading against it at build time; the crate's tests check the
//! other way round (every sentence of the source is on the page).
//!
//! Shared with `build.rs` (included with `#[path]`); plain Rust with native tests.

/// The source text, read as its lines.
pub struct Source {
    /// Its non-empty lines, trimmed, with the space the dump left after a full-width colon removed.
    lines: Vec<String>,
    /// The number of each of them in the file (from 1).
    numbers: Vec<usize>,
    /// The lines joined: a sentence may run on from one line to the next.
    flat: String,
}

/// The closest sentence of the source to a sentence that is not in it.
#[derive(Debug, PartialEq, Eq)]
pub struct Closest {
    /// That sentence of the source.
    pub sentence: String,
    /// How many characters both start with.
    pub same: usize,
    /// Its line in the source file (from 1).
    pub line: usize,
}

/// Sentence pieces of `text`: each ends after a `。` or at the end of the text; blank ones left out.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive('。')
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// The characters both texts start with.
fn same_start(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The characters both texts end with.
fn same_end(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

impl Source {
    /// Reads the source text.
    pub fn new(text: &str) -> Self {
        let (numbers, lines): (Vec<usize>, Vec<String>) = text
            .lines()
            .map(|l| l.trim().replace("： ", "："))
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| (i + 1, l))
            .unzip();
        let flat = lines.concat();
        Source {
            lines,
            numbers,
            flat,
        }
    }

    /// Its lines (trimmed, non-empty).
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Its text, the lines joined.
    pub fn flat(&self) -> &str {
        &self.flat
    }

    /// Whether `text` stands in the source verbatim: whole, or split by the dump across two
    /// blocks (its head ends one line, its tail starts another: a photo's caption fell between).
    pub fn has(&self, text: &str) -> bool {
        self.flat.contains(text)
            || text.char_indices().skip(1).any(|(i, _)| {
                let (head, tail) = text.split_at(i);
                self.lines.iter().any(|l| l.ends_with(head))
                    && self.lines.iter().any(|l| l.starts_with(tail))
            })
    }

    /// The sentence of the source most like `text`: the most characters in common at its start
    /// and its end. Two sentences of the source that follow each other count as one too (a text
    /// whose `。` between them was lost is most like the two).
    pub fn closest(&self, text: &str) -> Option<Closest> {
        let length = text.chars().count();
        let mut best: Option<(usize, Closest)> = None;
        for (l, &line) in self.lines.iter().zip(&self.numbers) {
            let one = sentences(l);
            let two = one.windows(2).map(|w| w.concat());
            for sentence in one.iter().map(|s| (*s).to_owned()).chain(two) {
                let same = same_start(text, &sentence);
                let score = (same + same_end(text, &sentence)).min(length);
                if score > 0
                    && best
                        .as_ref()
                        .is_none_or(|b| (score, same) > (b.0, b.1.same))
                {
                    best = Some((
                        score,
                        Closest {
                            sentence,
                            same,
                            line,
                        },
                    ));
                }
            }
        }
        best.map(|(_, closest)| closest)
    }
}

/// Where `text` first differs from `source`, the sentence it should be: a few characters before,
/// and what each has from there.
pub fn difference(text: &str, source: &Closest) -> String {
    let before: String = {
        let head: Vec<char> = text.chars().take(source.same).collect();
        head[head.len().saturating_sub(8)..].iter().collect()
    };
    let rest = |s: &str| s.chars().skip(source.same).take(10).collect::<String>();
    let (theirs, ours) = (rest(&source.sentence), rest(text));
    let mut out = if source.same == 0 {
        String::from("they differ from the first character: ")
    } else {
        format!("after 「{before}」 ")
    };
    match (theirs.is_empty(), ours.is_empty()) {
        (false, false) => {
            out.push_str(&format!(
                "the source has 「{theirs}」, the data file 「{ours}」"
            ));
            if let (Some(s), Some(d)) = (theirs.chars().next(), ours.chars().next()) {
                if u32::from(s).checked_sub(0xfee0) == Some(u32::from(d)) || (s, d) == ('。', '.')
                {
                    out.push_str(&format!(
                        " (the source writes the full-width 「{s}」, not `{d}`)"
                    ));
                }
            }
        }
        (false, true) => out.push_str(&format!(
            "the source goes on 「{theirs}」 where the data file stops"
        )),
        (true, _) => out.push_str(&format!(
            "the source stops where the data file goes on 「{ours}」"
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "标题\n\n  第一句。第二句，有逗号：  \n到这里结束。\n另一段的开头。\n";

    #[test]
    fn a_sentence_is_in_the_source_whole_or_across_two_lines() {
        let source = Source::new(TEXT);
        assert_eq!(source.lines().len(), 4);
        assert!(source.has("第一句。"));
        assert!(source.has("第二句，有逗号：到这里结束。"));
        assert!(source.has("结束。另一段"));
        assert!(!source.has("第三句。"));
        assert_eq!(sentences("一。二。三"), ["一。", "二。", "三"]);
    }

    #[test]
    fn the_closest_sentence_and_where_it_differs() {
        let source = Source::new(TEXT);
        let found = source.closest("另一段的结尾。").expect("a sentence");
        assert_eq!(found.sentence, "另一段的开头。");
        assert_eq!((found.same, found.line), (4, 5));
        assert_eq!(
            difference("另一段的结尾。", &found),
            "after 「另一段的」 the source has 「开头。」, the data file 「结尾。」"
        );
        let comma = "第二句,有逗号：";
        let found = source.closest(comma).unwrap();
        assert_eq!(
            difference(comma, &found),
            "after 「第二句」 the source has 「，有逗号：」, the data file 「,有逗号：」 (the source writes the full-width 「，」, not `,`)"
        );
        let short = source.closest("另一段").unwrap();
        assert!(difference("另一段", &short).contains("the source goes on 「的开头。」"));
        assert_eq!(source.closest("xyz"), None);
        // A lost 。 between two sentences: the two are the closest.
        let found = source.closest("第一句.第二句，有逗号：").unwrap();
        assert_eq!(found.sentence, "第一句。第二句，有逗号：");
        assert_eq!((found.same, found.line), (3, 3));
    }
}
