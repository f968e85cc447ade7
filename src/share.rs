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
/// The most characters in a line of a figure's words on the card.
pub const LABEL_CHARS: usize = 13;
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
    /// The colours of the first `:root { … }` block of `css` (read as the drawings' light colours
    /// are: [`crate::art_paint::palette`]); `None` if one is missing.
    pub fn from_css(css: &str) -> Option<Self> {
        let vars = crate::art_paint::palette(css, false).ok()?;
        let var = |name: &str| {
            let (_, value) = vars.iter().find(|(n, _)| n == name)?;
            value.starts_with('#').then(|| value.clone())
        };
        Some(Self {
            bg: var("--bg")?,
            fg: var("--fg")?,
            muted: var("--muted")?,
            accent: var("--accent")?,
        })
    }
}

/// A word of a Chinese text and its part of speech (the ICTCLAS tags a segmenter such as jieba
/// gives: `n` noun, `v` verb, `d` adverb, `p` preposition, `c` conjunction, `m` numeral, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word.
    pub text: String,
    /// Its part of speech.
    pub tag: String,
}

/// What it costs to start a line at `words[j]`: nothing where a phrase starts (an adverb, a
/// preposition, a conjunction: 「已栽种」, 「及游园」); a lot before a one-character word that binds
/// to the one before (「集聚|区」, 「到|账」) or after a numeral (「4|条」); little after a noun
/// (「集聚区|发展」); more after other words (「发展|投资」).
fn break_cost(words: &[Word], j: usize) -> u64 {
    let (before, word) = (&words[j - 1], &words[j]);
    if ["d", "p", "c"].contains(&word.tag.as_str()) {
        0
    } else if word.text.chars().count() < 2 || before.tag.starts_with('m') {
        1000
    } else if before.tag.starts_with('n') {
        100
    } else {
        200
    }
}

/// Words set in lines of at most `per_line` characters, broken only between words, where the
/// phrases allow it ([`break_cost`]) and as evenly as it can; a word longer than a line is cut as
/// a last resort.
pub fn wrap_words(words: &[Word], per_line: usize) -> Vec<String> {
    let per_line = per_line.max(1);
    let words: Vec<Word> = words
        .iter()
        .flat_map(|w| {
            let chars: Vec<char> = w.text.chars().collect();
            chars
                .chunks(per_line)
                .map(|c| Word {
                    text: c.iter().collect(),
                    tag: w.tag.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let n = words.len();
    // best[i]: the least cost of setting words[i..], and where its first line ends.
    let mut best: Vec<(u64, usize)> = vec![(u64::MAX, n); n + 1];
    best[n] = (0, n);
    for i in (0..n).rev() {
        let mut len = 0;
        for j in i + 1..=n {
            len += words[j - 1].text.chars().count();
            if len > per_line {
                break;
            }
            let slack = (per_line - len) as u64;
            let cost = slack * slack + 100 + if j < n { break_cost(&words, j) } else { 0 };
            if best[j].0 != u64::MAX && cost + best[j].0 < best[i].0 {
                best[i] = (cost + best[j].0, j);
            }
        }
    }
    let mut lines = Vec::new();
    let mut i = 0;
    while i < n {
        let j = best[i].1;
        lines.push(words[i..j].iter().map(|w| w.text.as_str()).collect());
        i = j;
    }
    lines
}

/// The card: the title in two lines, the three headline figures with the article's words for
/// them (set in lines broken between the words `segment` finds), and the byline.
pub fn card_svg(story: &Story, palette: &Palette, segment: &dyn Fn(&str) -> Vec<Word>) -> String {
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
    for (i, line) in crate::story::title_lines(story.title).enumerate() {
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
        for (l, line) in wrap_words(&segment(item.label), LABEL_CHARS)
            .iter()
            .enumerate()
        {
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

    /// A segmentation written out: `word/tag` separated by spaces.
    fn tagged(text: &str) -> Vec<Word> {
        text.split(' ')
            .map(|w| {
                let (text, tag) = w.split_once('/').unwrap();
                Word {
                    text: text.into(),
                    tag: tag.into(),
                }
            })
            .collect()
    }

    #[test]
    fn lines_break_between_words_where_phrases_allow() {
        // As jieba segments and tags the card's labels.
        let cases = [
            (
                "望嵩/x 南路/ns 等/u 4/m 条/n 道路/n 绿化/n 及/c 游园/n 项目/n 已/d 栽种/vn 各类/r 树木/n",
                vec!["望嵩南路等4条道路绿化", "及游园项目已栽种各类树木"],
            ),
            (
                "汝州市/ns 产业/n 集聚/v 区/n 发展/vn 投资/vn 有限公司/n 截至/v 目前/t 累计/v 融资/vn 到/v 账/n",
                vec!["汝州市产业集聚区", "发展投资有限公司", "截至目前累计融资到账"],
            ),
            ("三条/m 主干/n 道路/n", vec!["三条主干道路"]),
        ];
        for (words, lines) in cases {
            assert_eq!(wrap_words(&tagged(words), 13), lines);
        }
        assert_eq!(
            wrap_words(&tagged("一二三四五/n 六七/n"), 4),
            ["一二三四", "五六七"],
            "a word longer than a line is cut"
        );
        assert!(wrap_words(&[], 13).is_empty());
    }

    #[test]
    fn the_card_shows_the_title_and_the_three_headline_figures_with_their_words() {
        let segment = |t: &str| {
            t.chars()
                .map(|c| Word {
                    text: c.into(),
                    tag: "n".into(),
                })
                .collect()
        };
        let svg = card_svg(&STORY, &palette(), &segment);
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
            let lines = wrap_words(&segment(label), LABEL_CHARS);
            assert_eq!(lines.concat(), label);
            for line in lines {
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
