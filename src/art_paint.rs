//! The drawings' colours, painted into their files. A story's `art/*.svg` names its colours by class
//! (`sky`, `gd` ground, `ln` lines, `ac` accent, `lt` light fill, …); `src/art.css` says what each
//! class draws, in the page's colour variables (`var(--sky)`); the page's stylesheet
//! (`public/style.css`) gives the variables' values, light in its first `:root { … }` and dark in
//! the `:root { … }` of its `@media (prefers-color-scheme: dark)`. The build (`build.rs`) paints each
//! drawing twice with them, into presentation attributes (`fill="#eef4f2"`): a light and a dark file,
//! which the page shows as images (`<picture>`, the dark one for a dark screen). So the drawings cost
//! the page's HTML nothing, are cached, and need no stylesheet inside (none an image could be
//! refused by a CSP); one place holds each colour.

/// A rule of `src/art.css`: the classes an element must all have, and the properties it sets.
#[derive(Debug, PartialEq)]
pub struct Rule {
    /// `.ln.fill` → `["ln", "fill"]`; `svg` (the drawing itself, for `color`) → `[]`.
    pub classes: Vec<String>,
    /// The declarations, in order.
    pub properties: Vec<(String, String)>,
}

/// The rules of a stylesheet of one-line rules (`.a.b { p: v; q: w; }` or `svg { color: … }`),
/// comments left out.
pub fn rules(css: &str) -> Result<Vec<Rule>, String> {
    let mut out = Vec::new();
    let mut rest = without_comments(css);
    rest = rest.trim().to_owned();
    while !rest.is_empty() {
        let open = rest
            .find('{')
            .ok_or_else(|| format!("no `{{` in `{rest}`"))?;
        let close = rest
            .find('}')
            .ok_or_else(|| format!("no `}}` in `{rest}`"))?;
        let selector = rest[..open].trim();
        let classes = if selector == "svg" {
            Vec::new()
        } else {
            let names: Vec<String> = selector
                .strip_prefix('.')
                .ok_or_else(|| format!("`{selector}`: a rule is `.class` or `svg`"))?
                .split('.')
                .map(str::to_owned)
                .collect();
            if names.iter().any(|n| !is_name(n)) {
                return Err(format!("`{selector}`: a rule is `.class` or `svg`"));
            }
            names
        };
        let properties = rest[open + 1..close]
            .split(';')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                let (p, v) = d
                    .split_once(':')
                    .ok_or_else(|| format!("`{d}` in `{selector}`"))?;
                Ok((p.trim().to_owned(), v.trim().to_owned()))
            })
            .collect::<Result<_, String>>()?;
        out.push(Rule {
            classes,
            properties,
        });
        rest = rest[close + 1..].trim().to_owned();
    }
    Ok(out)
}

fn without_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The page's colour variables (`--name: value;`), light or dark, from its stylesheet: the first
/// `:root { … }` and, for dark, the `:root { … }` of `@media (prefers-color-scheme: dark)` over it.
pub fn palette(css: &str, dark: bool) -> Result<Vec<(String, String)>, String> {
    let block = |from: usize| -> Result<&str, String> {
        let start = from
            + css[from..]
                .find(":root")
                .ok_or("no `:root { … }` in the stylesheet")?;
        let open = start + css[start..].find('{').ok_or("no `{` after `:root`")?;
        let close = open + css[open..].find('}').ok_or("no `}` after `:root {`")?;
        Ok(&css[open + 1..close])
    };
    let mut vars = declarations(block(0)?);
    if dark {
        let media = css
            .find("@media (prefers-color-scheme: dark)")
            .ok_or("no `@media (prefers-color-scheme: dark)` in the stylesheet")?;
        for (name, value) in declarations(block(media)?) {
            match vars.iter_mut().find(|(n, _)| *n == name) {
                Some(var) => var.1 = value,
                None => vars.push((name, value)),
            }
        }
    }
    Ok(vars)
}

fn declarations(block: &str) -> Vec<(String, String)> {
    without_comments(block)
        .split(';')
        .filter_map(|d| {
            let (name, value) = d.split_once(':')?;
            let name = name.trim();
            name.starts_with("--")
                .then(|| (name.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// `value` with its `var(--x)` replaced by the palette's values.
fn resolve(value: &str, vars: &[(String, String)]) -> Result<String, String> {
    let mut out = value.to_owned();
    while let Some(start) = out.find("var(") {
        let end = start + out[start..].find(')').ok_or_else(|| format!("`{value}`"))?;
        let name = out[start + 4..end].trim();
        let (_, v) = vars
            .iter()
            .find(|(n, _)| n == name)
            .ok_or_else(|| format!("`{name}` is not a colour of the stylesheet's `:root`"))?;
        out.replace_range(start..=end, v);
    }
    Ok(out)
}

/// `svg` painted: each `class="…"` replaced by the presentation attributes its classes' rules set,
/// in the rules' order (a later rule wins), with `var(--x)` and `currentColor` (the `svg` rule's
/// `color`) resolved. A class no rule names is an error, so no drawing loses a colour unseen.
pub fn paint(svg: &str, rules: &[Rule], vars: &[(String, String)]) -> Result<String, String> {
    let current = match rules
        .iter()
        .filter(|r| r.classes.is_empty())
        .flat_map(|r| &r.properties)
        .find(|(p, _)| p == "color")
    {
        Some((_, v)) => Some(resolve(v, vars)?),
        None => None,
    };
    let known: Vec<&str> = rules
        .iter()
        .flat_map(|r| r.classes.iter().map(String::as_str))
        .collect();
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(" class=\"") {
        out.push_str(&rest[..at]);
        let value_start = at + " class=\"".len();
        let len = rest[value_start..]
            .find('"')
            .ok_or("a class attribute is not closed")?;
        let classes: Vec<&str> = rest[value_start..value_start + len]
            .split_whitespace()
            .collect();
        if let Some(c) = classes.iter().find(|c| !known.contains(c)) {
            return Err(format!("class `{c}` has no rule in src/art.css"));
        }
        let mut set: Vec<(&str, String)> = Vec::new();
        for rule in rules
            .iter()
            .filter(|r| !r.classes.is_empty())
            .filter(|r| r.classes.iter().all(|c| classes.contains(&c.as_str())))
        {
            for (p, v) in &rule.properties {
                let mut v = resolve(v, vars)?;
                if v == "currentColor" {
                    v = current
                        .clone()
                        .ok_or("`currentColor` without an `svg { color: … }` rule")?;
                }
                match set.iter_mut().find(|(q, _)| q == p) {
                    Some(slot) => slot.1 = v,
                    None => set.push((p, v)),
                }
            }
        }
        for (p, v) in set {
            out.push_str(&format!(" {p}=\"{v}\""));
        }
        rest = &rest[value_start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A drawing as an image file: its root `<svg …>` given the `width` and `height` of its `viewBox`
/// ([`view_box`]: its intrinsic size), without `focusable` (an image is never focused).
pub fn sized(svg: &str, (w, h): (u32, u32)) -> Result<String, String> {
    let rest = svg.strip_prefix("<svg ").ok_or("must start `<svg `")?;
    Ok(format!("<svg width=\"{w}\" height=\"{h}\" {rest}").replacen(" focusable=\"false\"", "", 1))
}

/// The width and height of a drawing's `viewBox="0 0 W H"`.
pub fn view_box(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let value = &svg[start..start + svg[start..].find('"')?];
    let numbers: Vec<u32> = value
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    match numbers[..] {
        [0, 0, w, h] if w > 0 && h > 0 => Some((w, h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = ":root {\n  color-scheme: light dark;\n  --bg: #fff; /* paper */\n  --sky: #eef;\n  --muted: #555;\n}\n\
        @media (prefers-color-scheme: dark) {\n  :root { --bg: #000; --sky: #113; }\n}\n:root { --bg: red; }";

    #[test]
    fn the_palette_is_the_first_root_and_the_dark_root_over_it() {
        let var = |dark, name: &str| {
            palette(CSS, dark)
                .unwrap()
                .into_iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v)
        };
        assert_eq!(var(false, "--bg").as_deref(), Some("#fff"));
        assert_eq!(var(true, "--bg").as_deref(), Some("#000"));
        assert_eq!(var(true, "--muted").as_deref(), Some("#555"));
        assert_eq!(var(false, "color-scheme"), None);
        assert!(palette(":root { --a: #fff; }", true).is_err());
    }

    #[test]
    fn classes_become_presentation_attributes_later_rules_winning() {
        let rules = rules(
            "/* lines */ svg { color: var(--muted); }\n.sky { fill: var(--sky); }\n\
             .ln { fill: none; stroke: currentColor; stroke-width: 2.5; }\n.ln.fill { fill: var(--bg); }\n.thick { stroke-width: 5; }",
        )
        .unwrap();
        assert_eq!(rules[3].classes, ["ln", "fill"]);
        let vars = palette(CSS, true).unwrap();
        let svg = "<svg viewBox=\"0 0 320 180\"><rect class=\"sky\" width=\"9\"/><path class=\"ln fill thick\" d=\"M0 0\"/><path class=\"ln\"/></svg>";
        assert_eq!(
            paint(svg, &rules, &vars).unwrap(),
            "<svg viewBox=\"0 0 320 180\"><rect fill=\"#113\" width=\"9\"/>\
             <path fill=\"#000\" stroke=\"#555\" stroke-width=\"5\" d=\"M0 0\"/>\
             <path fill=\"none\" stroke=\"#555\" stroke-width=\"2.5\"/></svg>"
        );
        assert_eq!(view_box(svg), Some((320, 180)));
        assert_eq!(
            sized(
                "<svg viewBox=\"0 0 320 180\" focusable=\"false\"><g/></svg>",
                (320, 180)
            )
            .unwrap(),
            "<svg width=\"320\" height=\"180\" viewBox=\"0 0 320 180\"><g/></svg>"
        );
    }

    #[test]
    fn a_class_or_colour_nobody_defines_is_an_error() {
        let vars = palette(CSS, false).unwrap();
        let rules = rules(".sky { fill: var(--sky); }\n.ac { fill: var(--nope); }").unwrap();
        assert!(paint("<svg><rect class=\"gd\"/></svg>", &rules, &vars)
            .unwrap_err()
            .contains("`gd`"));
        assert!(paint("<svg><rect class=\"ac\"/></svg>", &rules, &vars)
            .unwrap_err()
            .contains("--nope"));
        assert!(super::rules("rect { fill: red; }").is_err());
        assert_eq!(view_box("<svg viewBox=\"0 0 0 9\">"), None);
    }
}
