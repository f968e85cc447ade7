//! The numbers behind a data graphic (a scene not tagged 示意图): every figure its parts draw, as a
//! small table in a disclosure after the scene, with the article's words for it, the figure as the
//! article writes it, its unit and the sentence of the scene's steps it stands in. Drawings not to
//! scale have none.

use super::Markup;
use crate::story::{self, Counter, Inline, Scene};
use crate::ui_text;

/// One figure a data graphic draws.
#[derive(Debug, PartialEq)]
pub struct Row {
    /// The figure.
    pub counter: &'static Counter,
    /// The article's words for it: its item's or part's label with the figures in it, or, where
    /// that label is the figure alone, the clause of the article's sentence around it.
    pub label: String,
    /// The figure as the article writes it ("近20亿元").
    pub value: String,
    /// Its unit, as the article writes it after the number ("元", "余棵"; empty where none).
    pub unit: &'static str,
    /// The sentence of the scene's steps it stands in, whole.
    pub sentence: String,
}

/// The id of the scene's table (`scene-<name>-data`), which its live graphic points to; `None`
/// for a scene without one (a drawing not to scale, a graphic without figures).
pub fn id(scene: &Scene) -> Option<String> {
    (!rows(scene).is_empty()).then(|| format!("scene-{}-data", scene.name))
}

/// The figures the scene's graphic draws, each once, in the order the steps give them: a part's
/// `value`, its items', band's and highlight's `value`s, and the figures in their labels. None
/// for a drawing not to scale.
pub fn rows(scene: &Scene) -> Vec<Row> {
    if scene.schematic {
        return Vec::new();
    }
    let placed: Vec<(&'static Counter, String)> = scene
        .steps
        .iter()
        .flat_map(|s| story::figure_sentences(s.inlines))
        .collect();
    let mut drawn: Vec<(&'static Counter, &'static [Inline])> = Vec::new();
    for part in scene.parts {
        let subs = part.items.iter().chain(&part.band).chain(&part.highlight);
        let figures =
            std::iter::once((part.value, part.label)).chain(subs.map(|i| (i.value, i.label)));
        for (value, label) in figures {
            let in_label = label.iter().filter_map(|i| match i {
                Inline::Counter(c) => Some(*c),
                _ => None,
            });
            for c in value.into_iter().chain(in_label) {
                if !drawn.iter().any(|(d, _)| d.id == c.id) {
                    drawn.push((c, label));
                }
            }
        }
    }
    let mut rows: Vec<(usize, Row)> = drawn
        .into_iter()
        .map(|(counter, label)| {
            let at = placed.iter().position(|(c, _)| c.id == counter.id);
            let sentence = at.map(|i| placed[i].1.clone()).unwrap_or_default();
            let value = counter.final_text();
            let label = if says_more(label) {
                story::plain_text(label)
            } else {
                clause(&sentence, &value).to_owned()
            };
            let row = Row {
                counter,
                label,
                value,
                unit: counter.after,
                sentence,
            };
            (at.unwrap_or(usize::MAX), row)
        })
        .collect();
    rows.sort_by_key(|(at, _)| *at);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Whether a label has words of its own besides its figures.
fn says_more(label: &[Inline]) -> bool {
    label
        .iter()
        .any(|i| matches!(i, Inline::Text(t) if !t.trim().is_empty()))
}

/// The clause of `sentence` around `figure`: from after the mark before it (，；：。) to the
/// next; the figure alone when the sentence does not have it.
fn clause<'a>(sentence: &'a str, figure: &'a str) -> &'a str {
    const MARKS: [char; 4] = ['，', '；', '：', '。'];
    let Some(at) = sentence.find(figure) else {
        return figure;
    };
    let start = sentence[..at].rfind(MARKS).map_or(0, |i| {
        i + sentence[i..].chars().next().map_or(0, char::len_utf8)
    });
    let end = sentence[at..]
        .find(MARKS)
        .map_or(sentence.len(), |i| at + i);
    &sentence[start..end]
}

/// The scene's table as server markup, in one `<div class="scene-data">`: a closed
/// `<details class="data-table">` (its summary 「查看数据」) holding the table in a box of its own,
/// which scrolls sideways where the screen is too narrow for it (focusable, so that a keyboard
/// can scroll it); then the same table for print, hidden on screen (a closed `<details>` prints
/// closed, and not every engine lets a stylesheet open it). Empty for a scene without figures to
/// show.
pub fn markup(scene: &Scene) -> String {
    let Some(id) = id(scene) else {
        return String::new();
    };
    let rows = rows(scene);
    let caption = format!("{id}-caption");
    let mut m = Markup::default();
    m.el("div", &[("class", "scene-data")], |m| {
        m.el("details", &[("class", "data-table"), ("id", &id)], |m| {
            m.el("summary", &[], |m| m.text(ui_text::DATA));
            let attrs = [
                ("class", "data-box"),
                ("role", "region"),
                ("tabindex", "0"),
                ("aria-labelledby", caption.as_str()),
            ];
            m.el("div", &attrs, |m| table(m, scene, &rows, &caption));
        });
        m.el("div", &[("class", "data-box data-print")], |m| {
            table(m, scene, &rows, "")
        });
    });
    m.finish()
}

/// The table: the scene's title as its caption (with this id, unless empty), a header row, then
/// a group of rows (`<tbody>`) per sentence: a row per figure it holds (its words, the figure, the
/// unit), then a row with the sentence (出处). On a phone, a sentence beside its figures would be a
/// column a few characters wide; under them it has the table's width.
fn table(m: &mut Markup, scene: &Scene, rows: &[Row], caption_id: &str) {
    m.el("table", &[], |m| {
        m.el("caption", &[("id", caption_id)], |m| m.text(scene.title));
        m.el("thead", &[], |m| {
            m.el("tr", &[], |m| {
                for heading in ui_text::DATA_COLUMNS {
                    m.el("th", &[("scope", "col")], |m| m.text(heading));
                }
            })
        });
        for group in rows.chunk_by(|a, b| a.sentence == b.sentence) {
            m.el("tbody", &[], |m| {
                for row in group {
                    m.el("tr", &[], |m| {
                        m.el("th", &[("scope", "row")], |m| m.text(&row.label));
                        m.el("td", &[("class", "data-value")], |m| m.text(&row.value));
                        m.el("td", &[("class", "data-unit")], |m| m.text(row.unit));
                    });
                }
                m.el("tr", &[("class", "data-from")], |m| {
                    m.el("th", &[("scope", "row")], |m| m.text(ui_text::DATA_SOURCE));
                    m.el("td", &[("colspan", "2")], |m| m.text(&group[0].sentence));
                });
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::{count, scene};
    use super::*;

    /// The rows as (value, unit, label) triples.
    fn figures(name: &str) -> Vec<(String, &'static str, String)> {
        rows(scene(name))
            .into_iter()
            .map(|r| (r.value, r.unit, r.label))
            .collect()
    }

    fn triple(value: &str, unit: &'static str, label: &str) -> (String, &'static str, String) {
        (value.into(), unit, label.into())
    }

    #[test]
    fn the_financing_table_has_every_figure_its_graphic_draws_in_the_article_s_order() {
        assert_eq!(
            figures("financing"),
            [
                triple("80亿元", "元", "公司资产升至80亿元"),
                triple("12亿", "", "12亿公司债"),
                triple("45个", "个", "45个项目招投标"),
                triple("近20亿元", "元", "累计融资到账近20亿元"),
            ]
        );
        let funds = &rows(scene("financing"))[3];
        assert_eq!(funds.counter.id, "funds-yuan");
        assert_eq!(
            funds.sentence,
            "数据显示，汝州市产业集聚区发展投资有限公司截至目前累计融资到账近20亿元，有力保障了\
             汝州市产业集聚区范围内产业园标准化厂房、路网建设、法庄棚户区改造等一系列重大重点项\
             目正常推进。"
        );
    }

    #[test]
    fn a_label_that_is_the_figure_alone_gives_way_to_its_clause() {
        // The band's and the highlight's labels are their figures: the row says what they are in
        // the article's words around them.
        assert_eq!(
            figures("ranking"),
            [
                triple("179个", "个", "全省179个产业集聚区"),
                triple("第18位", "位", "综合排序位居全省179个产业集聚区第18位"),
                triple("20强", "强", "成为平顶山市第一家跃居全省20强产业集聚区"),
            ]
        );
        assert_eq!(clause("甲，乙丙丁；戊。", "丙"), "乙丙丁");
        assert_eq!(clause("乙丙丁", "丙"), "乙丙丁");
        assert_eq!(clause("甲。", "丙"), "丙");
    }

    #[test]
    fn figures_in_words_only_items_count_and_a_highlighted_one_counts_once() {
        // The planting lines are words with figures in them (no `value`); the highlight of the
        // park's square is the square's own figure.
        assert_eq!(
            figures("greening"),
            [
                triple("1100亩", "亩", "望嵩南路等4条道路绿化及游园项目"),
                triple("3000亩", "亩", "汝河森林公园"),
                triple("100亩", "亩", "霍阳公园"),
                triple("6.5万余棵", "余棵", "已栽种各类树木6.5万余棵"),
                triple("20万平方米", "平方米", "地被铺植20万平方米"),
                triple("98%", "%", "绿化工程土建累计已完成98%"),
                triple("6座", "座", "规划的6座公厕"),
                triple("4座", "座", "4座已完成主体工程"),
                triple("2座", "座", "2座为装配式建筑，已完成地基开挖"),
            ]
        );
    }

    #[test]
    fn every_data_figure_stands_in_a_sentence_of_its_scene_and_drawings_have_no_table() {
        let mut tables = Vec::new();
        for scene in story::scenes() {
            let rows = rows(scene);
            assert_eq!(rows.is_empty(), scene.schematic, "{}", scene.name);
            assert_eq!(markup(scene).is_empty(), scene.schematic, "{}", scene.name);
            let steps: String = scene
                .steps
                .iter()
                .map(|s| story::plain_text(s.inlines))
                .collect();
            for row in &rows {
                assert!(
                    row.sentence.ends_with('。')
                        && row.sentence.contains(&row.value)
                        && steps.contains(&row.sentence)
                        && steps.contains(&row.label),
                    "{}: {row:?}",
                    scene.name
                );
                assert!(row.value.contains(row.unit));
            }
            if !rows.is_empty() {
                tables.push(scene.name);
            }
        }
        assert_eq!(tables, ["ranking", "greening", "financing"]);
    }

    #[test]
    fn the_markup_is_a_closed_disclosure_with_a_print_copy() {
        let html = markup(scene("ranking"));
        assert!(html.starts_with(&format!(
            "<div class=\"scene-data\"><details class=\"data-table\" id=\"scene-ranking-data\"><summary>{}</summary>",
            ui_text::DATA
        )));
        assert!(!html.contains(" open"), "closed by default");
        assert!(!html.contains("style="), "a style attribute breaks the CSP");
        // Two tables (on screen, for print), one id each, the header in each.
        assert_eq!(count(&html, "<table>"), 2);
        assert_eq!(count(&html, "id=\"scene-ranking-data-caption\""), 1);
        assert_eq!(
            count(&html, "aria-labelledby=\"scene-ranking-data-caption\""),
            1
        );
        for heading in ui_text::DATA_COLUMNS {
            assert_eq!(
                count(&html, &format!("<th scope=\"col\">{heading}</th>")),
                2
            );
        }
        // The three figures stand in one sentence: one group of rows, the sentence after them.
        let source = format!(
            "<tr class=\"data-from\"><th scope=\"row\">{}</th><td colspan=\"2\">",
            ui_text::DATA_SOURCE
        );
        assert_eq!(count(&html, "<tbody>"), 2);
        assert_eq!(count(&html, &source), 2);
        assert_eq!(count(&html, "<tr><th scope=\"row\">"), 6);
        let sentence = &rows(scene("ranking"))[0].sentence;
        assert!(html.contains(&format!("</td></tr>{source}{sentence}</td></tr></tbody>")));
        let html = markup(scene("financing"));
        assert_eq!(count(&html, &source), 8, "four sentences");
        assert_eq!(count(&html, "<tbody>"), 8);
        assert!(markup(scene("roads")).is_empty());
    }
}
