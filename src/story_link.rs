//! The data file's link to the full story (`full_story = { href = "../", title = "…" }`, a block of
//! a section): a short edition's way back to the story it is drawn from. Its serde model and its
//! check, shared with `build.rs` (through `src/story_model.rs`).

use serde::Deserialize;

/// A link to the full story.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullStorySpec {
    /// Where it is: a URL relative to this story's page (`../`: the folder above, where the root
    /// story of the build is when this one is in its own folder of it), a path of the site
    /// (`/news/…`) or an `https://` URL.
    pub href: String,
    /// The full story's title, as the article gives it.
    pub title: String,
}

impl FullStorySpec {
    /// What is wrong with it: (field, message, hint) for each mistake.
    pub fn problems(&self) -> Vec<(&'static str, String, &'static str)> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push((
                "title",
                "the full story's title is empty".to_owned(),
                "write the full story's title, as the article gives it",
            ));
        }
        if let Some(problem) = href_problem(&self.href) {
            out.push((
                "href",
                problem,
                "the link is a URL relative to this story's page (`../` for the story at the top of the site), a path of the site (`/news/…`) or an `https://` URL",
            ));
        }
        out
    }
}

/// Why `href` is not a link the page can carry, if it is not: empty, with spaces or quotes, to
/// another origin without saying which (`//…`), or with a scheme other than `https:`
/// (`javascript:`, `data:`, `http:`).
fn href_problem(href: &str) -> Option<String> {
    if href.trim().is_empty() {
        return Some("is empty: write the full story's URL, e.g. `../`".to_owned());
    }
    if href
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`".contains(c))
    {
        return Some(format!(
            "`{href}` has a space, a quote, `<`, `>` or `\\`: write it as a URL"
        ));
    }
    if href.starts_with("//") {
        return Some(format!("`{href}`: write the scheme, `https:{href}`"));
    }
    // A scheme is what stands before the first `:` when no `/`, `?` or `#` comes before it.
    let scheme = href
        .find(':')
        .filter(|&at| !href[..at].contains(['/', '?', '#']))
        .map(|at| href[..at].to_ascii_lowercase());
    match scheme {
        Some(s) if s != "https" => Some(format!(
            "`{href}`: only a relative URL, a path or an `https://` URL (not `{s}:`)"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(href: &str, title: &str) -> Vec<(&'static str, String)> {
        let link = FullStorySpec {
            href: href.into(),
            title: title.into(),
        };
        link.problems()
            .into_iter()
            .map(|(field, message, _)| (field, message))
            .collect()
    }

    #[test]
    fn relative_urls_paths_and_https_are_links() {
        for href in [
            "../",
            "../index.html",
            "./x/",
            "/news/2026/ruzhou/",
            "https://story.example.com/a/",
            "HTTPS://x.example/",
            "a/b:c",
            "?q=a:b",
        ] {
            assert_eq!(problems(href, "t"), [], "{href}");
        }
    }

    #[test]
    fn other_schemes_and_odd_text_are_refused() {
        for (href, needle) in [
            ("javascript:alert(1)", "not `javascript:`"),
            ("JavaScript:alert(1)", "not `javascript:`"),
            ("data:text/html,x", "not `data:`"),
            ("http://x.example/", "not `http:`"),
            ("//x.example/", "write the scheme"),
            ("", "is empty"),
            ("../ x", "a space"),
            ("../\"x", "a quote"),
        ] {
            let found = problems(href, "t");
            assert_eq!(found.len(), 1, "{href}: {found:?}");
            assert_eq!(found[0].0, "href");
            assert!(found[0].1.contains(needle), "{href}: {}", found[0].1);
        }
        assert_eq!(problems("../", " ")[0].0, "title");
    }
}
