//! A mistake in the story's data file, said so that its editor can fix it: the field (a path from
//! the top of the file, `sections[2].blocks[1].steps[0].text`), its line in the file, what is
//! wrong and a hint of what to do. `build.rs` prints each as a compiler does
//! (`error: FILE:LINE: FIELD: MESSAGE`, then `  hint: HINT`), so that terminals and editors link
//! to the line.
//!
//! Shared with `build.rs` (included with `#[path]`, like `story_model.rs`); plain Rust with native
//! tests.

use std::fmt::Write as _;
use std::ops::Range;

/// A mistake in the data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field: a path from the top of the file, `sections[2].blocks[1].steps[0].text`; empty
    /// where the file cannot be read as TOML (no field can be told then).
    pub place: String,
    /// Its line in the file, from 1; 0 until [`locate`] has found it.
    pub line: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Problem {
    /// A mistake at `place`, its line not yet known.
    pub fn new(
        place: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Problem {
            place: place.into(),
            line: 0,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// As the build prints it: `error: FILE:LINE: FIELD: MESSAGE` and, on the next line,
    /// `  hint: HINT`.
    pub fn render(&self, file: &str) -> String {
        let mut out = format!("error: {file}:{}: ", self.line.max(1));
        if !self.place.is_empty() {
            let _ = write!(out, "{}: ", self.place);
        }
        out.push_str(&self.message);
        if !self.hint.is_empty() {
            let _ = write!(out, "\n  hint: {}", self.hint);
        }
        out
    }
}

/// The line (from 1) of the byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A step of a field path: a field's name or an index into a list.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `sections[2].blocks[1].p` → `sections`, `2`, `blocks`, `1`, `p`.
fn steps(place: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for piece in place.split('.').filter(|p| !p.is_empty()) {
        let mut parts = piece.split('[');
        if let Some(name) = parts.next().filter(|n| !n.is_empty()) {
            out.push(Step::Key(name));
        }
        for index in parts {
            match index.trim_end_matches(']').parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => return out,
            }
        }
    }
    out
}

/// The byte range the field `place` starts at in the parsed file: its key (`text = …`), the
/// header of its table (`[[sections.blocks]]`) or its value in a list; for a field that is not in
/// the file (one that is missing), the place of the nearest table or list around it.
fn span_of(doc: &toml_edit::ImDocument<&str>, place: &str) -> Option<Range<usize>> {
    let mut item = doc.as_item();
    let mut found = None;
    for step in steps(place) {
        let (key_span, next) = match step {
            Step::Key(name) => {
                let Some((key, next)) = item.as_table_like().and_then(|t| t.get_key_value(name))
                else {
                    break;
                };
                (key.span(), next)
            }
            Step::Index(i) => match item.get(i) {
                Some(next) => (None, next),
                None => break,
            },
        };
        // A value is found at its key (its line starts `key = `); a table at its header.
        found = match next {
            toml_edit::Item::Value(_) => key_span.or_else(|| next.span()),
            _ => next.span(),
        }
        .or(found);
        item = next;
    }
    found
}

/// Sets the line of every problem whose line is not yet known, from the data file's text (the
/// field's line, or for a missing field the line of the table it belongs in).
pub fn locate(text: &str, problems: &mut [Problem]) {
    let doc = toml_edit::ImDocument::parse(text).ok();
    for p in problems.iter_mut().filter(|p| p.line == 0) {
        let span = doc.as_ref().and_then(|doc| span_of(doc, &p.place));
        p.line = span.map_or(1, |s| line_of(text, s.start));
    }
}

/// The field path at byte `offset` of the parsed file: the smallest field or table whose text
/// holds it (a table's text runs from its header to the next header).
fn place_at(doc: &toml_edit::ImDocument<&str>, offset: usize) -> String {
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    let mut headers: Vec<(usize, String)> = Vec::new();
    collect(doc.as_item(), "", &mut found, &mut headers);
    headers.sort();
    for (i, (start, place)) in headers.iter().enumerate() {
        let end = headers.get(i + 1).map_or(usize::MAX, |h| h.0);
        found.push((*start..end, place.clone()));
    }
    found
        .into_iter()
        .filter(|(range, _)| range.contains(&offset))
        .min_by_key(|(range, _)| range.len())
        .map(|(_, place)| place)
        .unwrap_or_default()
}

/// Every field of `item` (at `place`) with its range, and every table header with its start.
fn collect(
    item: &toml_edit::Item,
    place: &str,
    found: &mut Vec<(Range<usize>, String)>,
    headers: &mut Vec<(usize, String)>,
) {
    match item {
        toml_edit::Item::Table(t) => collect_table(t, place, found, headers),
        toml_edit::Item::ArrayOfTables(list) => {
            for (i, t) in list.iter().enumerate() {
                collect_table(t, &format!("{place}[{i}]"), found, headers);
            }
        }
        toml_edit::Item::Value(value) => collect_value(value, place, found),
        toml_edit::Item::None => {}
    }
}

/// [`collect`] for a table.
fn collect_table(
    table: &toml_edit::Table,
    place: &str,
    found: &mut Vec<(Range<usize>, String)>,
    headers: &mut Vec<(usize, String)>,
) {
    if let Some(span) = table.span() {
        headers.push((span.start, place.to_owned()));
    }
    for (name, next) in table.iter() {
        let at = if place.is_empty() {
            name.to_owned()
        } else {
            format!("{place}.{name}")
        };
        let key = table.key(name).and_then(|k| k.span());
        if let (Some(key), Some(value), true) = (key, next.span(), next.is_value()) {
            found.push((key.start..value.end, at.clone()));
        }
        collect(next, &at, found, headers);
    }
}

/// The fields inside a value written in one piece: a list `[…]` or an inline table `{ … }`.
fn collect_value(value: &toml_edit::Value, place: &str, found: &mut Vec<(Range<usize>, String)>) {
    match value {
        toml_edit::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                let at = format!("{place}[{i}]");
                if let Some(span) = v.span() {
                    found.push((span, at.clone()));
                }
                collect_value(v, &at, found);
            }
        }
        toml_edit::Value::InlineTable(t) => {
            for (name, v) in t.iter() {
                let at = format!("{place}.{name}");
                if let (Some(key), Some(span)) = (t.key(name).and_then(|k| k.span()), v.span()) {
                    found.push((key.start..span.end, at.clone()));
                }
                collect_value(v, &at, found);
            }
        }
        _ => {}
    }
}

/// The mistake serde or the TOML reader found (a syntax error, an unknown or missing field, a
/// value of the wrong type), with its line, its field where it can be told, and a hint.
pub fn from_toml(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim().replace('\n', "; ");
    let offset = error.span().map_or(0, |s| s.start);
    let place = toml_edit::ImDocument::parse(text)
        .map(|doc| place_at(&doc, offset))
        .unwrap_or_default();
    let (message, hint) = explain_toml(&message);
    Problem {
        place,
        line: line_of(text, offset),
        message,
        hint,
    }
}

/// The words between backquotes in `text`: `a`, `b` → `a`, `b`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A reader's message (serde's or the TOML parser's) said for an editor, with a hint.
fn explain_toml(message: &str) -> (String, String) {
    const REFERENCE: &str = "see \"The story data\" in README.md for the fields of each part";
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        let (field, known) = names.split_first().map_or(("", &[][..]), |(f, k)| (*f, k));
        let guess = did_you_mean(field, known.iter().copied());
        return (
            format!("`{field}` is not a field here"),
            format!(
                "{guess}the fields here are {} ({REFERENCE})",
                backquoted(known.iter().copied())
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = quoted(rest).first().copied().unwrap_or(rest);
        return (
            format!("`{field}` is missing"),
            format!("add a line `{field} = …` to this table ({REFERENCE})"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let expected = rest.split(", expected ").nth(1).unwrap_or_default();
        let how = if expected.contains("string") {
            "write words in double quotes: `name = \"…\"`"
        } else if expected.contains("sequence") {
            "write a list in square brackets: `name = [\"a\", \"b\"]`"
        } else if expected.contains("bool") {
            "write `true` or `false`, without quotes"
        } else if expected.contains("map") || expected.contains("struct") {
            "write a table: `name = { field = … }` or a `[[…]]` header with its fields below it"
        } else {
            "write a number without quotes: `value = 12`"
        };
        return (format!("wrong kind of value: {rest}"), how.to_owned());
    }
    if message.contains("duplicate key") {
        let field = quoted(message).first().copied().unwrap_or_default();
        return (
            format!("`{field}` is written twice in one table"),
            "each field is written once in a table; a new block, part or step starts with its own \
             `[[…]]` header line"
                .to_owned(),
        );
    }
    let hint = if message.contains("string") {
        "text starts and ends with `\"` on the same line (or `\"\"\"` around several lines); a `\"` \
         inside the text is written `\\\"` (the article's own quotes are the curly ones)"
    } else {
        "this line is not valid TOML: look for a missing `\"`, `]`, `}` or `=`, or a line that \
         should be a comment (starting with `#`)"
    };
    (
        format!("the file cannot be read: {message}"),
        hint.to_owned(),
    )
}

/// `a`, `b`, `c` quoted for a message: "`a`, `b`, `c`".
pub fn backquoted<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The edits (a letter added, removed or changed) between `a` and `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j] + 1)
                .min(row[j + 1] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The names of `known` nearest to `word`: the fewest edits away (a few at most; a name that
/// holds the word, or that it holds, counts as a few); at most three.
pub fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    let near: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| {
            let d = distance(word, k);
            let part = !word.is_empty() && (k.contains(word) || word.contains(k));
            (if part { d.min(limit) } else { d }, k)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    let least = near.iter().map(|(d, _)| *d).min();
    near.into_iter()
        .filter(|(d, _)| Some(*d) == least)
        .take(3)
        .map(|(_, k)| k)
        .collect()
}

/// "did you mean `roads-km`? " for the names of `known` nearest to `word`, or nothing.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let near = nearest(word, known);
    if near.is_empty() {
        String::new()
    } else {
        format!(
            "did you mean {}? ",
            near.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "title = \"t\"\n\n[[sections]]\nid = \"a\"\n\n[[sections.blocks]]\np = \"x\"\n\n[[sections.blocks]]\nfigure = { caption = \"c\", art = \"park\" }\n\n[[sections]]\nid = \"b\"\nlist = [\"one\",\n  \"two\"]\n";

    #[test]
    fn a_problem_prints_as_a_compiler_error() {
        let mut p = Problem::new("sections[1].id", "is wrong", "fix it");
        p.line = 12;
        assert_eq!(
            p.render("stories/x/story.toml"),
            "error: stories/x/story.toml:12: sections[1].id: is wrong\n  hint: fix it"
        );
        let syntax = Problem::new("", "cannot be read", "");
        assert_eq!(syntax.render("f.toml"), "error: f.toml:1: cannot be read");
    }

    #[test]
    fn fields_are_found_at_their_lines() {
        let line = |place: &str| {
            let mut p = [Problem::new(place, "", "")];
            locate(FILE, &mut p);
            p[0].line
        };
        assert_eq!(line("title"), 1);
        assert_eq!(line("sections[0]"), 3);
        assert_eq!(line("sections[0].id"), 4);
        assert_eq!(line("sections[0].blocks[1]"), 9);
        assert_eq!(line("sections[0].blocks[1].figure.art"), 10);
        assert_eq!(line("sections[1].id"), 13);
        assert_eq!(line("sections[1].list[1]"), 15);
        // A missing field: the line of its table.
        assert_eq!(line("sections[0].blocks[0].heading"), 6);
        // A list element that is not there: the list's first.
        assert_eq!(line("sections[7].id"), 3);
        assert_eq!(line("subtitle"), 1);
    }

    #[test]
    fn offsets_tell_their_field() {
        let doc = toml_edit::ImDocument::parse(FILE).unwrap();
        let at = |needle: &str| place_at(&doc, FILE.find(needle).unwrap());
        assert_eq!(at("\"park\""), "sections[0].blocks[1].figure.art");
        assert_eq!(at("p = "), "sections[0].blocks[0].p");
        assert_eq!(at("[[sections]]\nid = \"b\""), "sections[1]");
        assert_eq!(at("\"two\""), "sections[1].list[1]");
        assert_eq!(at("title"), "title");
    }

    #[test]
    fn toml_mistakes_have_their_line_field_and_a_hint() {
        let problem = |text: &str| {
            #[derive(Debug, serde::Deserialize)]
            #[serde(deny_unknown_fields)]
            #[allow(dead_code)]
            struct File {
                title: String,
                byline: String,
                count: Option<u32>,
            }
            let e = toml::from_str::<File>(text).expect_err("a mistake");
            from_toml(text, &e)
        };
        let p = problem("title = \"t\"\nby_line = \"b\"\n");
        assert_eq!((p.line, p.place.as_str()), (2, "by_line"));
        assert_eq!(p.message, "`by_line` is not a field here");
        assert!(
            p.hint.starts_with(
                "did you mean `byline`? the fields here are `title`, `byline`, `count`"
            ),
            "{}",
            p.hint
        );
        let p = problem("title = \"t\"\n");
        assert_eq!(p.message, "`byline` is missing");
        let p = problem("title = \"t\"\nbyline = \"b\"\ncount = \"3\"\n");
        assert_eq!((p.line, p.place.as_str()), (3, "count"));
        assert!(p.hint.contains("a number without quotes"), "{}", p.hint);
        let p = problem("title = \"t\"\nbyline = \"b\n");
        assert_eq!((p.line, p.place.as_str()), (2, ""));
        assert!(
            p.message.starts_with("the file cannot be read"),
            "{}",
            p.message
        );
        assert!(p.hint.contains("on the same line"), "{}", p.hint);
    }

    #[test]
    fn near_names_are_suggested() {
        let ids = [
            "roads-km",
            "trees",
            "funds-yuan",
            "toilets",
            "toilets-built",
        ];
        assert_eq!(nearest("road-km", ids), ["roads-km"]);
        assert_eq!(nearest("tree", ids), ["trees"]);
        assert_eq!(nearest("toilet", ids), ["toilets"]);
        assert_eq!(nearest("bar", ["bars", "box", "ring"]), ["bars"]);
        assert!(nearest("zzz", ids).is_empty());
        assert_eq!(did_you_mean("tree", ids), "did you mean `trees`? ");
        assert_eq!(did_you_mean("qqqq", ids), "");
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
