//! Trunk post-build hook (see `scripts/post-build.sh`): renders the app with Leptos SSR from the same
//! data and components as the client, and writes `index.html` and `embed.html` into Trunk's staging
//! folder, with the stylesheet inline and the CSP that allows it (also written to
//! `content-security-policy.txt`, the header's value), the boot script inline (allowed by its hash
//! too), the share card (`share-<hash>.png`), and the photos' files (`photos/`: each photo's
//! sizes, with their placeholders' rules in the stylesheet). The article text is then in the HTML
//! at first paint; the wasm hydrates its interactive parts.

use leptos::prelude::*;
use ruzhou_story::prerender::{
    boot_script, content_hash, inline_module_script, policy_with_hashes, render_page,
    stylesheet_link, Page, Share,
};
use ruzhou_story::story::STORY;
use ruzhou_story::{photo_encode, photos, section_size, share};
use ruzhou_story::{App, Motion};
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::var("TRUNK_STAGING_DIR").expect("run as a Trunk hook (TRUNK_STAGING_DIR)"),
    );
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).expect("read the staged index.html");

    // Trunk's inline boot script, made to wait for the first paint; it stays inline (no request
    // before the first paint), allowed by its hash like the stylesheet: no 'unsafe-inline'.
    let (_, _, code) =
        inline_module_script(&index).expect("Trunk's inline boot script in index.html");
    let boot = boot_script(code);
    // Minified for release (terser, as the glue is: scripts/post-build.sh), before its hash is taken.
    let boot = if release { minify(&boot) } else { boot };

    // The share card, and where it will be: `og:image` must be an absolute URL, which only the
    // person who publishes the story knows.
    let card = share_card(&dir);
    let image = match std::env::var("STORY_PUBLIC_URL") {
        Ok(base) if !base.trim().is_empty() => {
            format!("{}/{card}", base.trim().trim_end_matches('/'))
        }
        _ => {
            eprintln!(
                "prerender: warning: STORY_PUBLIC_URL is not set, so og:image is the relative \
                 `./{card}`, which social sites and chat apps ignore. Build for publication with \
                 STORY_PUBLIC_URL=https://story.example.com/news/2026/ruzhou (the folder dist/ is served from)."
            );
            format!("./{card}")
        }
    };
    let alt = share::card_alt(&STORY);
    let json_ld = share::json_ld(&STORY, image.starts_with("http").then_some(image.as_str()));

    // The stylesheet goes inline, allowed by its hash (so does the boot script); the policy (the one
    // a server should send as a header too) is written beside the pages, so the header and the
    // `<meta>` never differ.
    let (_, _, href) = stylesheet_link(&index).expect("Trunk's stylesheet <link> in index.html");
    let css_path = dir.join(href.trim_start_matches("./"));
    let mut css = std::fs::read_to_string(&css_path).expect("read the staged stylesheet");
    css.push_str(&make_photos(&dir));
    // Each section's height until it is first laid out (`content-visibility: auto`).
    css.push_str(&section_size::rules(&STORY));
    write_art(&dir);
    let policy = policy_with_hashes(
        &sha256_base64(css.as_bytes()),
        &sha256_base64(boot.as_bytes()),
    );
    std::fs::write(dir.join("content-security-policy.txt"), &policy).expect("write the policy");
    // Nothing loads the file any more.
    std::fs::remove_file(&css_path).expect("remove the inlined stylesheet");

    for (file, embedded) in [("index.html", false), ("embed.html", true)] {
        let body = Owner::new().with(|| {
            provide_context(Motion::server());
            view! { <App embedded=embedded/> }.to_html()
        });
        let page = Page {
            body: &body,
            title: STORY.title,
            description: STORY.description,
            embed: embedded,
            csp: release.then_some(policy.as_str()),
            style: Some(&css),
            boot: &boot,
            share: Some(Share {
                image: &image,
                alt: &alt,
                json_ld: &json_ld,
            }),
        };
        let html = render_page(&index, &page).unwrap_or_else(|e| panic!("{file}: {e}"));
        std::fs::write(dir.join(file), html).expect("write the page");
        println!("prerender: {file} ({} bytes of app HTML)", body.len());
    }
}

/// `code` (a module script) minified by terser, which scripts/setup.sh installs.
fn minify(code: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut terser = Command::new("terser")
        .args(["--module", "--compress", "--mangle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run terser (scripts/setup.sh installs it)");
    let mut stdin = terser.stdin.take().expect("terser's input");
    stdin.write_all(code.as_bytes()).expect("write to terser");
    drop(stdin);
    let out = terser.wait_with_output().expect("terser's output");
    assert!(out.status.success(), "terser failed on the boot script");
    String::from_utf8(out.stdout)
        .expect("terser writes UTF-8")
        .trim_end()
        .to_owned()
}

/// Writes each drawing's light and dark file (`art/…`, as [`ruzhou_story::art::ART`] names them).
fn write_art(dir: &std::path::Path) {
    for art in ruzhou_story::art::ART {
        for file in [&art.light, &art.dark] {
            let path = dir.join(file.path);
            std::fs::create_dir_all(path.parent().expect("art/")).expect("make art/");
            std::fs::write(&path, file.svg).expect("write a drawing");
        }
    }
}

/// Renders the share card (`share::card_svg`) to a PNG in `dir`, named by its content hash, with the
/// page's colours and Debian's Noto CJK fonts. Returns the file name.
fn share_card(dir: &std::path::Path) -> String {
    use resvg::{tiny_skia, usvg};
    const FONTS: &str = "/usr/share/fonts/opentype/noto";
    let css = std::fs::read_to_string("public/style.css").expect("read public/style.css");
    let palette = share::Palette::from_css(&css).expect("the stylesheet's :root colours");
    let jieba = jieba_rs::Jieba::new();
    let svg = share::card_svg(&STORY, &palette, &|text| words(&jieba, text));
    let mut options = usvg::Options::default();
    let fonts = std::sync::Arc::make_mut(&mut options.fontdb);
    for face in ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"] {
        let data = std::fs::read(format!("{FONTS}/{face}")).unwrap_or_else(|e| {
            panic!("{FONTS}/{face}: {e} (scripts/setup.sh installs fonts-noto-cjk)")
        });
        fonts.load_font_data(data);
    }
    let tree = usvg::Tree::from_str(&svg, &options).expect("the card's SVG");
    let mut pixmap = tiny_skia::Pixmap::new(share::WIDTH, share::HEIGHT).expect("a pixmap");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let png = pixmap.encode_png().expect("PNG encoding");
    let name = format!("share-{}.png", content_hash(&png));
    std::fs::write(dir.join(&name), &png).expect("write the share card");
    println!("prerender: {name} ({} bytes)", png.len());
    name
}

/// Makes every photo's files in `dir` (`photo_encode`: its sizes as WebP and JPEG, and its
/// placeholder), through a cache in the target folder (`target/photos/`), so that a rebuild copies
/// them. Returns the stylesheet rules of the placeholders (allowed with the rest of the inline
/// stylesheet by its hash).
fn make_photos(dir: &std::path::Path) -> String {
    let story = std::path::Path::new(env!("STORY_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let cache = target.join("photos");
    for image in photos::images(&STORY) {
        let started = std::time::Instant::now();
        let written = photo_encode::make(image, story, dir, Some(&cache))
            .unwrap_or_else(|e| panic!("{}: photo `{}` {e}", story.display(), image.src));
        let bytes: usize = written.iter().map(|w| w.bytes).sum();
        println!(
            "prerender: {} ({} × {}): {} files, {} KB, in {:.1?}",
            image.src,
            image.width,
            image.height,
            written.len(),
            bytes / 1000,
            started.elapsed()
        );
    }
    photos::placeholder_rules(photos::images(&STORY))
}

/// The words of a Chinese text and their parts of speech (jieba's dictionary, and its HMM for
/// names it does not know, such as 「望嵩」), for lines that break between words.
fn words(jieba: &jieba_rs::Jieba, text: &str) -> Vec<share::Word> {
    let word = |t: jieba_rs::Tag| share::Word {
        text: t.word.to_owned(),
        tag: t.tag.to_owned(),
    };
    jieba.tag(text, true).into_iter().map(word).collect()
}

/// The base64 of the SHA-256 of `data`: a CSP hash source.
fn sha256_base64(data: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use ruzhou_story::share::{wrap_words, LABEL_CHARS};
    use ruzhou_story::story::STORY;

    #[test]
    fn the_cards_labels_break_between_words() {
        let jieba = jieba_rs::Jieba::new();
        let lines: Vec<Vec<String>> = STORY
            .summary
            .iter()
            .map(|item| wrap_words(&super::words(&jieba, item.label), LABEL_CHARS))
            .collect();
        assert_eq!(
            lines,
            [
                vec!["三条主干道路"],
                vec!["望嵩南路等4条道路绿化", "及游园项目已栽种各类树木"],
                vec![
                    "汝州市产业集聚区",
                    "发展投资有限公司",
                    "截至目前累计融资到账"
                ],
            ],
            "never 「…绿化及游 / 园项目」 or 「…发展投资有 / 限公司」"
        );
    }
}
