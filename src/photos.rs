//! A story photo's sizes and how the page asks for them. The prerender step makes the files
//! (`src/photo_encode.rs`) and `StoryFigure` writes the markup, both from here: which widths are
//! made for phones and desktops, the files' names (with a hash of the photo's content and of how
//! it is made, so a browser never keeps an old one), `srcset` and `sizes`, the placeholder shown
//! until the photo has come, and which photo the browser fetches at once. Pure logic, natively
//! tested.

use crate::photo_file::fnv1a;
use crate::story::{Block, Figure, Image, Story};

/// The widths made of a photo (never wider than the photo): a phone of 390 CSS px shows a
/// figure 350 px wide, so it takes 480 at 1×, 800 at 2× and 1200 at 3×; a desktop's 576 px
/// column takes 800 at 1× and 1200 or 1600 at 2×.
pub const WIDTHS: [u32; 4] = [480, 800, 1200, 1600];
/// WebP's quality (0 to 100): what nearly every browser gets.
pub const WEBP_QUALITY: u8 = 75;
/// JPEG's quality (0 to 100): for browsers without WebP.
pub const JPEG_QUALITY: u8 = 80;
/// The placeholder's width in pixels: a few hundred bytes, blurred further by the browser's
/// scaling.
pub const PLACEHOLDER_WIDTH: u32 = 24;
/// How the files are made, beyond the numbers above: raise it when that changes (a filter, the
/// encoder), and every file gets a new name, so no browser or CDN keeps an old one.
const RECIPE: u32 = 1;

/// `sizes` of a figure: the `.story-figure`'s width in `public/style.css` — the story's
/// column (the viewport less the 1.25rem padding on each side) up to 36rem.
pub const FIGURE_SIZES: &str = "(min-width: 38.5rem) 36rem, calc(100vw - 2.5rem)";
/// `sizes` of a gallery's figure: 82 % of the column on phones (a strip), half the column less
/// its 1.5rem gap from 40rem on (a grid: at most 19.5rem of the 17 px text's 38em column, 20.7rem
/// from 64rem on, where the text is 18 px).
pub const GALLERY_SIZES: &str =
    "(min-width: 64rem) 20.7rem, (min-width: 40rem) 19.5rem, calc(82vw - 2rem)";

/// The folder of the story's built site that the photos' files are written to.
pub const FOLDER: &str = "photos";

/// A file format the page is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// WebP, lossy: about a third smaller than JPEG at the same look.
    Webp,
    /// JPEG, for the rest.
    Jpeg,
}

impl Format {
    /// The files' extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
        }
    }

    /// The MIME type (`<source type>`).
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
        }
    }
}

/// The widths made of a photo `source_width` pixels wide: those of [`WIDTHS`] below it, then
/// the photo's own width when it is narrower than the widest (a standard width less than 15 %
/// narrower than the photo is left out: it would be all but the same file).
pub fn widths(source_width: u32) -> Vec<u32> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    if source_width >= widest {
        return WIDTHS.to_vec();
    }
    let mut out: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|&w| u64::from(w) * 100 <= u64::from(source_width) * 85)
        .collect();
    out.push(source_width);
    out
}

/// The height of `image` made `width` wide, rounded (at least 1).
pub fn height_at(image: &Image, width: u32) -> u32 {
    let h = (u64::from(image.height) * u64::from(width) + u64::from(image.width) / 2)
        / u64::from(image.width.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// The start of every file name of `image`: its file's name in URL-safe letters (lower-case
/// ASCII letters, digits and `-`; `photo` when none is left), then a hash of its content and of
/// the [`RECIPE`] and the numbers above.
fn stem(image: &Image) -> String {
    let name = image.src.rsplit('/').next().unwrap_or_default();
    let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let mut slug = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "photo" } else { slug };
    let recipe = format!(
        "{RECIPE} {WIDTHS:?} {WEBP_QUALITY} {JPEG_QUALITY} {PLACEHOLDER_WIDTH} {}",
        image.hash
    );
    let hash = fnv1a(recipe.as_bytes());
    format!("{slug}-{:012x}", hash >> 16)
}

/// The file (a path of the built site) of `image` made `width` wide, in `format`.
pub fn file(image: &Image, width: u32, format: Format) -> String {
    format!("{FOLDER}/{}-{width}.{}", stem(image), format.extension())
}

/// The file of `image`'s placeholder: [`PLACEHOLDER_WIDTH`] wide, blurred, WebP.
pub fn placeholder_file(image: &Image) -> String {
    format!("{FOLDER}/{}-blur.webp", stem(image))
}

/// `srcset` of `image` in `format`: each of its [`widths`] with its file.
pub fn srcset(image: &Image, format: Format) -> String {
    let each: Vec<String> = widths(image.width)
        .into_iter()
        .map(|w| format!("{} {w}w", file(image, w, format)))
        .collect();
    each.join(", ")
}

/// `src` of `image`'s `<img>`: the JPEG 800 wide (or the photo's own width when that is all
/// it has), for a browser that reads neither `<picture>` nor `srcset`.
pub fn fallback_src(image: &Image) -> String {
    let widths = widths(image.width);
    let w = widths
        .iter()
        .copied()
        .find(|&w| w >= 800)
        .unwrap_or(image.width);
    file(image, w, Format::Jpeg)
}

/// The class that shows `image`'s placeholder behind it until it has come: the photo's box is
/// set by its `width` and `height` from the start, so nothing moves when it comes.
pub fn placeholder_class(image: &Image) -> String {
    format!("ph-{}", stem(image).rsplit('-').next().unwrap_or_default())
}

/// The stylesheet rules that set each placeholder (appended to the page's inline stylesheet,
/// which the CSP allows by its hash: no `style` attribute, no `data:` image).
pub fn placeholder_rules<'a>(images: impl IntoIterator<Item = &'a Image>) -> String {
    images
        .into_iter()
        .map(|i| {
            format!(
                ".{}{{background-image:url({})}}",
                placeholder_class(i),
                placeholder_file(i)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every photo of `story`, in reading order.
pub fn images(story: &Story) -> impl Iterator<Item = &Image> {
    story.figures().filter_map(|f| f.image.as_ref())
}

/// Whether `figure` is the story's lead photo, which the browser fetches at once and first
/// (`loading="eager"`, `fetchpriority="high"`): the first block of the first section (or the
/// first figure of a gallery there), in view as the page opens. Every other photo loads lazily,
/// when the reader comes near it.
pub fn is_lead(story: &Story, figure: &Figure) -> bool {
    let first = story.sections.first().and_then(|s| s.blocks.first());
    let lead = match first {
        Some(Block::Figure(f)) => Some(f),
        Some(Block::Gallery(figures)) => figures.first(),
        _ => None,
    };
    lead.is_some_and(|lead| std::ptr::eq(lead, figure) && lead.image.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Section;

    const ROAD: Image = Image {
        src: "photos/Road 1.JPG",
        width: 4000,
        height: 3000,
        hash: 0x1234,
    };

    #[test]
    fn a_phone_and_a_desktop_get_the_widths_they_need_never_upscaled() {
        assert_eq!(widths(4000), [480, 800, 1200, 1600]);
        assert_eq!(widths(1600), [480, 800, 1200, 1600]);
        assert_eq!(widths(1500), [480, 800, 1200, 1500]);
        // 1200 is within 15 % of 1300: the photo's own width stands for it.
        assert_eq!(widths(1300), [480, 800, 1300]);
        assert_eq!(widths(800), [480, 800]);
        for w in [800, 801, 999, 1411, 1599, 1600, 6000] {
            let made = widths(w);
            assert!(made.iter().all(|&m| m <= w), "{w}: {made:?}");
            assert!(made.windows(2).all(|p| p[0] < p[1]), "{w}: {made:?}");
            assert_eq!(made.last(), Some(&w.min(1600)));
        }
    }

    #[test]
    fn heights_keep_the_photo_s_shape() {
        assert_eq!(height_at(&ROAD, 480), 360);
        let portrait = Image {
            width: 3000,
            height: 4000,
            ..ROAD
        };
        assert_eq!(height_at(&portrait, 1200), 1600);
        let odd = Image {
            width: 1999,
            height: 1000,
            ..ROAD
        };
        // 480 × 1000 / 1999 = 240.12…
        assert_eq!(height_at(&odd, 480), 240);
    }

    #[test]
    fn file_names_are_url_safe_and_change_with_the_content() {
        let name = file(&ROAD, 800, Format::Webp);
        assert!(
            name.starts_with("photos/road-1-") && name.ends_with("-800.webp"),
            "{name}"
        );
        let hash = name["photos/road-1-".len()..name.len() - "-800.webp".len()].to_owned();
        assert_eq!(hash.len(), 12);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            file(&ROAD, 480, Format::Jpeg),
            format!("photos/road-1-{hash}-480.jpg")
        );
        assert_eq!(
            placeholder_file(&ROAD),
            format!("photos/road-1-{hash}-blur.webp")
        );
        let other = Image {
            hash: 0x1235,
            ..ROAD
        };
        assert_ne!(file(&other, 800, Format::Webp), name);
        // A name of other letters, or none: `photo`.
        let chinese = Image {
            src: "photos/道路.jpg",
            ..ROAD
        };
        assert!(file(&chinese, 800, Format::Webp).starts_with("photos/photo-"));
        let mixed = Image {
            src: "photos/2026_汝州 road--A.jpeg",
            ..ROAD
        };
        assert!(file(&mixed, 800, Format::Webp).starts_with("photos/2026-road-a-"));
    }

    #[test]
    fn srcset_lists_every_width_and_the_fallback_is_the_800_jpeg() {
        let hash = placeholder_class(&ROAD)["ph-".len()..].to_owned();
        let webp = srcset(&ROAD, Format::Webp);
        let expected: Vec<String> = [480, 800, 1200, 1600]
            .iter()
            .map(|w| format!("photos/road-1-{hash}-{w}.webp {w}w"))
            .collect();
        assert_eq!(webp, expected.join(", "));
        assert!(srcset(&ROAD, Format::Jpeg).ends_with("-1600.jpg 1600w"));
        assert_eq!(fallback_src(&ROAD), file(&ROAD, 800, Format::Jpeg));
    }

    #[test]
    fn each_placeholder_is_a_rule_of_its_class() {
        let park = Image {
            src: "photos/park.png",
            hash: 9,
            ..ROAD
        };
        let rules = placeholder_rules([&ROAD, &park]);
        let lines: Vec<&str> = rules.lines().collect();
        assert_eq!(
            lines,
            [
                format!(
                    ".{}{{background-image:url({})}}",
                    placeholder_class(&ROAD),
                    placeholder_file(&ROAD)
                ),
                format!(
                    ".{}{{background-image:url({})}}",
                    placeholder_class(&park),
                    placeholder_file(&park)
                ),
            ]
        );
        assert_ne!(placeholder_class(&ROAD), placeholder_class(&park));
        assert!(placeholder_class(&ROAD).starts_with("ph-"));
    }

    /// A figure of `caption`, with the photo `image`.
    const fn figure(caption: &'static str, image: Option<Image>) -> Figure {
        Figure {
            caption,
            art_index: 0,
            image,
        }
    }

    /// A story of `sections` and nothing else.
    const fn story(sections: &'static [Section]) -> Story {
        Story {
            title: "",
            byline: "",
            description: "",
            authors: &[],
            summary_heading: "",
            summary: &[],
            sections,
        }
    }

    #[test]
    fn only_a_photo_that_opens_the_story_is_fetched_at_once() {
        static GALLERY: [Figure; 2] = [figure("a", Some(ROAD)), figure("b", Some(ROAD))];
        static OPENS_WITH_A_PHOTO: Story = story(&[
            Section {
                id: "intro",
                heading: None,
                blocks: &[Block::Figure(figure("lead", Some(ROAD))), Block::Summary],
            },
            Section {
                id: "more",
                heading: None,
                blocks: &[Block::Gallery(&GALLERY)],
            },
        ]);
        let blocks = |s: usize| OPENS_WITH_A_PHOTO.sections[s].blocks;
        let Block::Figure(lead) = &blocks(0)[0] else {
            unreachable!()
        };
        assert!(is_lead(&OPENS_WITH_A_PHOTO, lead));
        assert!(!is_lead(&OPENS_WITH_A_PHOTO, &GALLERY[0]));
        assert_eq!(images(&OPENS_WITH_A_PHOTO).count(), 3);

        static OPENS_WITH_A_GALLERY: Story = story(&[Section {
            id: "intro",
            heading: None,
            blocks: &[Block::Gallery(&GALLERY)],
        }]);
        assert!(is_lead(&OPENS_WITH_A_GALLERY, &GALLERY[0]));
        assert!(!is_lead(&OPENS_WITH_A_GALLERY, &GALLERY[1]));

        // A drawing in the lead's place: no photo is the lead.
        static OPENS_WITH_A_DRAWING: Story = story(&[Section {
            id: "intro",
            heading: None,
            blocks: &[
                Block::Figure(figure("drawing", None)),
                Block::Gallery(&GALLERY),
            ],
        }]);
        let Block::Figure(drawing) = &OPENS_WITH_A_DRAWING.sections[0].blocks[0] else {
            unreachable!()
        };
        assert!(!is_lead(&OPENS_WITH_A_DRAWING, drawing));
        assert!(!is_lead(&OPENS_WITH_A_DRAWING, &GALLERY[0]));
    }

    /// What the data file's checks say of the template story's figure given `image`.
    fn image_errors(image: &str) -> String {
        let data = include_str!("../stories/_template/story.toml");
        let edited = data.replacen(
            "art = \"road\" }",
            &format!("art = \"road\", image = {image} }}"),
            1,
        );
        assert_ne!(edited, data);
        let source = include_str!("../stories/_template/source.txt");
        match crate::story_model::StoryFile::check(&edited, source) {
            Ok(_) => String::new(),
            // (The template's drawings are not the compiled story's: those errors are left out.)
            Err(problems) => {
                let errors: Vec<String> = problems
                    .iter()
                    .filter(|p| p.place.contains(".image") || p.place.is_empty())
                    .map(|p| format!("{}: {}", p.place, p.message))
                    .collect();
                errors.join("\n")
            }
        }
    }

    #[test]
    fn a_figure_s_photo_is_a_path_inside_the_story_s_folder() {
        assert_eq!(image_errors("\"photos/road.jpg\""), "");
        for outside in [
            "\"/photos/road.jpg\"",
            "\"https://x.example/a.jpg\"",
            "\"\"",
        ] {
            let errors = image_errors(outside);
            assert!(
                errors.contains("blocks[2].figure.image: ")
                    && errors.contains("is not a file of the story"),
                "{outside}: {errors}"
            );
        }
        assert!(image_errors("\"photos/../../x.jpg\"")
            .contains("figure.image: `photos/../../x.jpg` leaves the story's folder"));
        // The old form, with its width and height: now only the path.
        let old = image_errors("{ src = \"photos/road.jpg\", width = 1200, height = 675 }");
        assert!(
            old.contains("wrong kind of value: map, expected a string"),
            "{old}"
        );
    }

    #[test]
    fn sizes_follow_the_stylesheet() {
        // The numbers FIGURE_SIZES and GALLERY_SIZES are made of, as public/style.css has them.
        let css = include_str!("../public/style.css");
        for rule in [
            "max-width: calc(38em + 2.5rem);\n  margin: 0 auto;\n  padding: 0 1.25rem 4rem;",
            ".story-figure { max-width: 36rem;",
            ".gallery .story-figure { flex: 0 0 82%;",
            "@media (min-width: 40rem) {\n  .gallery {\n    display: grid;\n    grid-template-columns: 1fr 1fr;\n    gap: 1.5rem;",
        ] {
            assert!(css.contains(rule), "public/style.css no longer has {rule:?}");
        }
        // The column is 38em of the body's 1.0625rem, of 1.125rem from 64rem on: half of it less
        // the gap is (40.375 - 1.5) / 2 = 19.44rem, (42.75 - 1.5) / 2 = 20.63rem, within
        // GALLERY_SIZES's 19.5rem and 20.7rem.
        assert!(css.contains("font-size: 1.0625rem;"));
        assert!(css.contains("@media (min-width: 64rem) {\n  body { font-size: 1.125rem; }"));
    }
}
