//! The scenes' data graphics, declared once: their names in the data file, their states in order,
//! the figures (counter ids) and name lists they draw. `build.rs` reads this table to validate the
//! data file's scenes and link them to their graphic; the page draws each graphic with its
//! component in `src/components/graphics/`.

/// A scene's graphic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Graphic {
    /// 179 parks as marks, the 20强 band, 第18位.
    Ranking,
    /// The task-list rhythm, workers and machines as unit glyphs, the three roads drawing.
    Roads,
    /// Park areas as squares to scale, planting figures, the 98 % ring, the six toilets.
    Greening,
    /// The company, its five institutions, assets, bond and funds on one scale, 45 tenders.
    Financing,
    /// The committee and its five departments.
    Departments,
}

/// What the data file and the build need to know of a graphic.
#[derive(Debug)]
pub struct GraphicSpec {
    /// The graphic.
    pub graphic: Graphic,
    /// Its name in the data file (`scene = "…"`), also the scene's element id prefix.
    pub name: &'static str,
    /// Its accessible name.
    pub title: &'static str,
    /// Its states in order: each adds to the one before; the last is the final picture.
    pub states: &'static [&'static str],
    /// The figures it draws (counter ids with a value).
    pub counters: &'static [&'static str],
    /// How many names (`labels` in the data file) it shows.
    pub labels: usize,
    /// A drawing not to scale (a layout, an organisation): tagged 「示意图」 on the page.
    pub schematic: bool,
}

/// Every graphic.
pub static GRAPHICS: &[GraphicSpec] = &[
    GraphicSpec {
        graphic: Graphic::Ranking,
        name: "ranking",
        title: "全省产业集聚区综合排序",
        states: &["field", "rank"],
        counters: &["province-parks", "rank", "top-band"],
        labels: 0,
        schematic: false,
    },
    GraphicSpec {
        graphic: Graphic::Roads,
        name: "roads",
        title: "道路建设百日攻坚战",
        states: &["tasks", "crews", "roads"],
        counters: &["task-days", "workers", "machines", "roads-km"],
        labels: 0,
        schematic: true,
    },
    GraphicSpec {
        graphic: Graphic::Greening,
        name: "greening",
        title: "绿化、公园与公厕建设",
        states: &["areas", "planting", "park", "toilets"],
        counters: &[
            "greening-mu",
            "forest-park-mu",
            "huoyang-mu",
            "trees",
            "ground-cover",
            "greening-done",
            "toilets",
            "toilets-built",
            "toilets-prefab",
        ],
        labels: 0,
        schematic: false,
    },
    GraphicSpec {
        graphic: Graphic::Financing,
        name: "financing",
        title: "融资保障",
        states: &["company", "channels", "assets", "bond", "tenders", "funds"],
        counters: &["assets", "bond", "tenders", "funds-yuan"],
        labels: 5,
        schematic: false,
    },
    GraphicSpec {
        graphic: Graphic::Departments,
        name: "departments",
        title: "管委会的五个部室",
        states: &["committee", "departments", "service"],
        counters: &[],
        labels: 5,
        schematic: true,
    },
];

/// The graphic called `name`.
pub fn by_name(name: &str) -> Option<&'static GraphicSpec> {
    GRAPHICS.iter().find(|g| g.name == name)
}

impl Graphic {
    /// The graphic's declaration.
    pub fn spec(self) -> &'static GraphicSpec {
        GRAPHICS
            .iter()
            .find(|g| g.graphic == self)
            .expect("every graphic is declared")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_graphic_is_declared_once_with_states() {
        for (i, g) in super::GRAPHICS.iter().enumerate() {
            assert_eq!(g.graphic.spec().name, g.name);
            assert_eq!(super::by_name(g.name).map(|s| s.graphic), Some(g.graphic));
            assert!(!g.states.is_empty(), "{}", g.name);
            assert!(
                super::GRAPHICS[..i].iter().all(|o| o.name != g.name),
                "{} twice",
                g.name
            );
        }
    }
}
