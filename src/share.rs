//! What a shared link shows: the share card (an SVG of the title and the three headline figures in
//! the page's colours, rendered to PNG by the prerender step), its words for screen readers and
//! crawlers, and the article's JSON-LD. Plain string work from the story data, unit-tested natively;
//! nothing of it goes into the wasm.

use crate::html::escape;
use crate::story::Story;

/// The card's size in pixels (the size Open Graph and large Twitter cards use).
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;
/// The font family the card's text is set in (Debian's `fonts-noto-cjk`, which setup installs).
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

/// The page's colours, read from its stylesheet's `:root` (light scheme).
#[derive(Debug, PartialEq, Eq)]
pub struct Palette {
    /// `--bg`.
    pub bg: String,
    /// `--fg`.
    pub fg: String,
    /// `--muted`.
    pub muted: String,
    /// `--accent`.
    pub accent: String,
}

impl Palette {
    /// The colours of the first `:root { … }` block of `css`; `None` if one is missing.
    pub fn from_css(css: &str) -> Option<Self> {
        let start = css.find(":root")?;
        let block = &css[start..start + css[start..].find('}')?];
        let var = |name: &str| {
            let at = block.find(&format!("{name}:"))? + name.len() + 1;
            let value = block[at..].split(';').next()?.trim();
            value.starts_with('#').then(|| value.to_owned())
        };
        Some(Self {
            bg: var("--bg")?,
            fg: var("--fg")?,
            muted: var("--muted")?,
            accent: var("--accent")?,
        })
    }
}

/// `text` cut into lines of at most `per_line` characters.
pub fn wrap(text: &str, per_line: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(per_line.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

/// The card: the title in two lines, the three headline figures with the article's words for
/// them, and the byline.
pub fn card_svg(story: &Story, palette: &Palette) -> String {
    let Palette {
        bg,
        fg,
        muted,
        accent,
    } = palette;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FONT_FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{bg}\"/><rect width=\"{WIDTH}\" height=\"14\" fill=\"{accent}\"/>"
    );
    for (i, line) in crate::components::masthead::title_lines(story.title).enumerate() {
        svg.push_str(&format!(
            "<text x=\"80\" y=\"{}\" font-size=\"64\" font-weight=\"700\" fill=\"{fg}\">{}</text>",
            140 + i as u32 * 88,
            escape(line)
        ));
    }
    let column = (WIDTH - 160) / story.summary.len().max(1) as u32;
    for (i, item) in story.summary.iter().enumerate() {
        let x = 80 + i as u32 * column;
        svg.push_str(&format!(
            "<text x=\"{x}\" y=\"400\" font-size=\"64\" font-weight=\"700\" fill=\"{accent}\">{}</text>",
            escape(&item.counter.final_text())
        ));
        for (l, line) in wrap(item.label, 13).iter().enumerate() {
            svg.push_str(&format!(
                "<text x=\"{x}\" y=\"{}\" font-size=\"24\" fill=\"{muted}\">{}</text>",
                448 + l as u32 * 34,
                escape(line)
            ));
        }
    }
    svg.push_str(&format!(
        "<rect x=\"80\" y=\"548\" width=\"{}\" height=\"2\" fill=\"{muted}\" opacity=\".35\"/>\
         <text x=\"80\" y=\"594\" font-size=\"24\" fill=\"{muted}\">{}</text></svg>",
        WIDTH - 160,
        escape(story.byline)
    ));
    svg
}

/// The card's words: the title and the three figures with what they count (`og:image:alt`).
pub fn card_alt(story: &Story) -> String {
    let figures: Vec<String> = story
        .summary
        .iter()
        .map(|i| format!("{}{}", i.label, i.counter.final_text()))
        .collect();
    format!("{}。{}。", story.title, figures.join("；"))
}

/// A JSON string literal, safe inside a `<script>` element (no `<`, so never `</script>`).
fn json(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The article as schema.org `NewsArticle` JSON-LD: headline, description, language, the byline's
/// people with their roles, and the card (`image`, when its URL is known). No date or fact that the
/// article does not give.
pub fn json_ld(story: &Story, image: Option<&str>) -> String {
    let authors: Vec<String> = story
        .authors
        .iter()
        .map(|a| {
            format!(
                "{{\"@type\":\"Person\",\"name\":{},\"jobTitle\":{}}}",
                json(a.name),
                json(a.role)
            )
        })
        .collect();
    let image = image.map_or(String::new(), |url| format!(",\"image\":[{}]", json(url)));
    format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"inLanguage\":\"zh-CN\",\"author\":[{}]{image}}}",
        json(story.title),
        json(story.description),
        authors.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

    fn palette() -> Palette {
        Palette::from_css(include_str!("../public/style.css")).expect("the page's colours")
    }

    #[test]
    fn the_palette_is_the_stylesheets() {
        let p = palette();
        assert_eq!(
            (p.bg.as_str(), p.fg.as_str(), p.accent.as_str()),
            ("#fbfaf7", "#1d1d1b", "#1f6f5c")
        );
        assert_eq!(Palette::from_css(":root { --bg: #fff; }"), None);
    }

    #[test]
    fn the_card_shows_the_title_and_the_three_headline_figures_with_their_words() {
        let svg = card_svg(&STORY, &palette());
        assert!(svg.starts_with("<svg") && svg.contains("width=\"1200\" height=\"630\""));
        assert!(svg.contains(">汝州市产业集聚区：<") && svg.contains(">一座新城的崛起<"));
        for (figure, label) in [
            ("21.2公里", "三条主干道路"),
            ("6.5万余棵", "望嵩南路等4条道路绿化及游园项目已栽种各类树木"),
            (
                "近20亿元",
                "汝州市产业集聚区发展投资有限公司截至目前累计融资到账",
            ),
        ] {
            assert!(svg.contains(&format!(">{figure}<")), "{figure}");
            let shown: String = wrap(label, 13).concat();
            assert_eq!(shown, label);
            for line in wrap(label, 13) {
                assert!(svg.contains(&format!(">{line}<")), "{line}");
            }
        }
        assert!(svg.contains(STORY.byline));
        assert!(svg.contains(&palette().accent));
    }

    #[test]
    fn the_json_ld_is_the_story_and_nothing_more() {
        let ld: serde_json::Value =
            serde_json::from_str(&json_ld(&STORY, Some("https://x.example/share.png"))).unwrap();
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], STORY.title);
        assert_eq!(ld["description"], STORY.description);
        assert_eq!(ld["inLanguage"], "zh-CN");
        assert_eq!(ld["image"][0], "https://x.example/share.png");
        let authors: Vec<(String, String)> = ld["author"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["name"].as_str().unwrap().into(),
                    a["jobTitle"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            authors,
            [
                ("宋乐义".to_owned(), "融媒体中心记者".to_owned()),
                ("王德伟".to_owned(), "通讯员".to_owned())
            ]
        );
        let keys: Vec<&String> = ld.as_object().unwrap().keys().collect();
        assert!(
            !keys.iter().any(|k| k.contains("date")),
            "the article gives no date: {keys:?}"
        );
        assert_eq!(json("</script>"), "\"\\u003c/script>\"");
        let without: serde_json::Value = serde_json::from_str(&json_ld(&STORY, None)).unwrap();
        assert!(without.get("image").is_none());
    }

    #[test]
    fn the_alt_text_says_the_figures() {
        let alt = card_alt(&STORY);
        assert!(alt.starts_with(STORY.title));
        for words in [
            "三条主干道路21.2公里",
            "已栽种各类树木6.5万余棵",
            "累计融资到账近20亿元",
        ] {
            assert!(alt.contains(words), "{words}");
        }
    }
}
