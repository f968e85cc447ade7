//! 融资保障: the company, its institutions, assets, bond and funds on one scale, the tenders.

use super::{path, rect, text, Anchor, Chart, Svg};
use crate::graphics::Graphic;
use crate::scale::{bar_length, grid, squares_path};
use crate::story::{counter, Scene};

/// The bars' common scale: the largest value is `FULL` units long, from `BAR_X`.
const FULL: u32 = 560;
const BAR_X: u32 = 40;
const BAR_H: u32 = 26;
/// Half the width of the open end that marks an approximate value (近).
const FUZZ: u32 = 10;

/// The 发展投资有限公司 and the five institutions it worked with (names from the text); company
/// assets (80亿元), the bond (12亿) and the funds received (近20亿元) as bars on **one** scale, the
/// last with an open end around its value, since the article gives it as approximate (近); the 45
/// tendered projects as dots.
pub fn chart(scene: &Scene) -> Chart {
    let (assets, bond, tenders, funds) = (
        counter("assets"),
        counter("bond"),
        counter("tenders"),
        counter("funds-yuan"),
    );
    let largest = assets.value().max(bond.value()).max(funds.value());
    let bar = |value: f64| bar_length(value, largest, FULL);
    let mut channels = Vec::new();
    let mut links = String::new();
    for (i, name) in scene.labels.iter().enumerate() {
        let x = 10 + i as u32 * 126;
        links.push_str(&format!("M320 56V70H{}V86", x + 56));
        channels.push(rect("g-box", (x, 86), (112, 36), 18));
        channels.push(text("g-label", x + 56, 111, Anchor::Middle, name));
    }
    channels.insert(0, path("g-line", &links));
    let funds_len = bar(funds.value());
    let mut svg = Svg::new(Graphic::Financing);
    svg.layer(
        "company",
        &[
            rect("g-box", (130, 8), (380, 48), 6),
            text(
                "g-label",
                320,
                40,
                Anchor::Middle,
                "汝州市产业集聚区发展投资有限公司",
            ),
        ],
    );
    svg.layer("channels", &channels);
    svg.layer(
        "assets",
        &[
            text("g-note", 600, 150, Anchor::End, "长度按比例"),
            text(
                "g-label",
                BAR_X,
                150,
                Anchor::Start,
                &format!("公司资产升至{}", assets.final_text()),
            ),
            rect("g-bar", (BAR_X, 160), (bar(assets.value()), BAR_H), 0),
        ],
    );
    svg.layer(
        "bond",
        &[
            text(
                "g-label",
                BAR_X,
                214,
                Anchor::Start,
                &format!("{}公司债", bond.final_text()),
            ),
            rect("g-bar", (BAR_X, 224), (bar(bond.value()), BAR_H), 0),
        ],
    );
    svg.layer(
        "tenders",
        &[
            text(
                "g-label",
                BAR_X,
                352,
                Anchor::Start,
                &format!("{}项目招投标", tenders.final_text()),
            ),
            path(
                "g-mark",
                &squares_path(&grid(tenders.value() as usize, 15, 16, 330, 330), 11),
            ),
        ],
    );
    svg.layer(
        "funds",
        &[
            text(
                "g-label",
                BAR_X,
                278,
                Anchor::Start,
                &format!("累计融资到账{}", funds.final_text()),
            ),
            rect("g-hi", (BAR_X, 288), (funds_len - FUZZ, BAR_H), 0),
            rect(
                "g-approx",
                (BAR_X + funds_len - FUZZ, 288),
                (2 * FUZZ, BAR_H),
                0,
            ),
        ],
    );
    Chart {
        svg: svg.finish(),
        caption: format!(
            "长度按比例：汝州市产业集聚区发展投资有限公司与{}等金融机构沟通协调；公司资产升至{}；{}公司债；{}项目招投标；累计融资到账{}。",
            scene.labels.join("、"),
            assets.final_text(),
            bond.final_text(),
            tenders.final_text(),
            funds.final_text()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{attrs, scene};
    use crate::graphics::Graphic;

    #[test]
    fn one_scale_for_assets_bond_and_funds_the_funds_approximate() {
        let svg = super::chart(scene(Graphic::Financing)).svg;
        assert_eq!(
            attrs(&svg, "g-bar", "width"),
            ["560", "84"],
            "80亿 and 12亿"
        );
        // 近20亿: solid to 130, an open end from 130 to 150 around the value (140).
        assert_eq!(attrs(&svg, "g-hi", "width"), ["130"]);
        assert_eq!(attrs(&svg, "g-approx", "x"), ["170"]);
        assert_eq!(attrs(&svg, "g-approx", "width"), ["20"]);
        assert!(svg.contains("累计融资到账近20亿元") && !svg.contains("19."));
        assert_eq!(attrs(&svg, "g-mark", "d")[0].matches('M').count(), 45);
        for name in ["工行", "光大银行", "农商行", "中信信托", "农发行"] {
            assert!(svg.contains(&format!(">{name}<")), "{name}");
        }
    }
}
