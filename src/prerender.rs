//! Turning Trunk's `index.html` into the served pages: the app's HTML (rendered by Leptos SSR in
//! `src/bin/prerender.rs`) in `<body>`, sharing metadata and JSON-LD from the story data in
//! `<head>`, the stylesheet inline, Trunk's inline boot script replaced by one that loads the app
//! after the first paint, no preloads, and the CSP (with the hashes of the inline stylesheet and
//! boot script). Plain string work, unit-tested natively.

use crate::html::escape;

/// The Content-Security-Policy the page runs under (also sent as a `<meta>` in release builds).
/// One source, `src/csp.txt`: the end-to-end tests and the benchmark read the same file, and a
/// test checks that the README quotes it.
pub const CSP: &str = include_str!("csp.txt");

/// One page to write.
#[derive(Debug)]
pub struct Page<'a> {
    /// The app's HTML, rendered on the server.
    pub body: &'a str,
    /// `<title>` and `og:title`.
    pub title: &'a str,
    /// `<meta name="description">` and `og:description`.
    pub description: &'a str,
    /// The embed page: `<html data-embed>` (the client starts in embed mode) and `noindex`.
    pub embed: bool,
    /// The CSP for the `<meta>` ([`policy_with_hashes`]); `None` in dev builds, where Trunk's server
    /// injects an inline reload script.
    pub csp: Option<&'a str>,
    /// The stylesheet, put inline in place of Trunk's `<link rel="stylesheet">`: the first paint
    /// needs no second request.
    pub style: Option<&'a str>,
    /// The boot script ([`boot_script`]), inline in place of Trunk's: the page requests nothing
    /// but itself before its first paint. The CSP allows it by its hash.
    pub boot: &'a str,
    /// The share card and the article's structured data.
    pub share: Option<Share<'a>>,
}

/// What a shared link shows.
#[derive(Debug)]
pub struct Share<'a> {
    /// The card's URL (absolute when the public base URL is known).
    pub image: &'a str,
    /// The card's words (`og:image:alt`).
    pub alt: &'a str,
    /// The `NewsArticle` JSON-LD.
    pub json_ld: &'a str,
}

/// The page's policy ([`CSP`]) allowing exactly one inline stylesheet and one inline script, by
/// their hashes (the base64 of the SHA-256 of their text), and nothing else inline.
pub fn policy_with_hashes(style_sha256: &str, script_sha256: &str) -> String {
    CSP.replacen(
        "style-src 'self'",
        &format!("style-src 'self' 'sha256-{style_sha256}'"),
        1,
    )
    .replacen(
        "script-src 'self'",
        &format!("script-src 'self' 'sha256-{script_sha256}'"),
        1,
    )
}

/// Every `<link …>` tag of `html`, as (start, end) byte ranges, in order.
fn link_tags(html: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find("<link").map(|i| from + i) {
        let Some(len) = html[start..].find('>') else {
            break;
        };
        tags.push((start, start + len + 1));
        from = start + len + 1;
    }
    tags
}

/// Trunk's `<link … rel=stylesheet …>` (quoted or minified): (start, end, its `href`).
pub fn stylesheet_link(html: &str) -> Option<(usize, usize, &str)> {
    link_tags(html).into_iter().find_map(|(start, end)| {
        let tag = &html[start..end];
        if !(tag.contains("rel=stylesheet") || tag.contains("rel=\"stylesheet\"")) {
            return None;
        }
        let at = tag.find("href=")? + "href=".len();
        let href = tag[at..].trim_start_matches('"');
        let len = href.find(['"', ' ', '>'])?;
        Some((start, end, &href[..len]))
    })
}

/// Finds Trunk's inline `<script type="module">…</script>` (or `type=module`, minified): (start,
/// end, its code).
pub fn inline_module_script(html: &str) -> Option<(usize, usize, &str)> {
    let (start, open) = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())))?;
    let code_start = start + open;
    let code_len = html[code_start..].find("</script>")?;
    let end = code_start + code_len + "</script>".len();
    Some((start, end, html[code_start..code_start + code_len].trim()))
}

/// In a pym.js frame (its URL names a `childId`), the page's first height for the parent, sent at
/// once: pym.js sets `scrolling="no"` and sizes nothing until it hears from the page, so without it
/// the story would be cut at 150 px until the app runs. (`embed.js` frames have a height of their
/// own and answer the app's first height, which this one would take the place of.) The child-id
/// rule is [`crate::embed::valid_child_id`]'s, generated as JavaScript from the same constants.
///
/// Then, in an opaque origin (`sandbox="allow-scripts"` without `allow-same-origin`, or a page
/// opened from a file), the boot script goes no further: the app's module and wasm would be
/// cross-origin requests there, refused without CORS headers (errors in the console), and no host
/// script accepts the messages of an origin `null`. The prerendered page stays, readable.
fn first_height() -> String {
    use crate::embed::{child_id_regex_js, HEIGHT, SEPARATOR};
    format!(
        "// In a frame: the first height for the parent (pym.js), before the app loads.\n\
         if (window.parent !== window) {{\n  \
         const id = new URLSearchParams(location.search).get('childId');\n  \
         if (id !== null && {}.test(id)) window.parent.postMessage(`pym{SEPARATOR}${{id}}{SEPARATOR}{HEIGHT}{SEPARATOR}${{document.body.offsetHeight}}`, '*');\n\
         }}\n\
         // An opaque origin (a sandbox without allow-same-origin, a file): the prerendered page stays.\n\
         if (self.origin === 'null') await new Promise(() => {{}});\n",
        child_id_regex_js()
    )
}

/// The boot script: Trunk's code, started only once the browser has shown the prerendered page, so
/// neither the text's first paint nor the largest one waits for the app or shares the network with
/// it. The signal is the first Largest Contentful Paint entry, reported once the frame with the
/// largest element so far is on screen (here the first paint's: the opening paragraph); a browser
/// without it waits for the Paint Timing entry `first-contentful-paint`, and one without that for
/// the next frame. (On the first contentful paint alone, the app's requests could start before the
/// browser had recorded the largest paint of that same frame, and be counted as delaying it.)
/// Background tabs and hidden frames do not paint: there a timer starts the app after a second.
/// The start is marked (`app-boot`, User Timing): `make bench` measures the app's tasks from there.
/// The glue comes by a dynamic import ([`dynamic_import`]), the wasm is fetched beside it and
/// compiled off the main thread ([`compile_off_main_thread`]).
pub fn boot_script(trunk_code: &str) -> String {
    let trunk_code = compile_off_main_thread(&dynamic_import(trunk_code));
    format!(
        "// Loads the app once the prerendered page is on screen.\n\
         await new Promise((painted) => {{\n  \
         const types = PerformanceObserver.supportedEntryTypes ?? [];\n  \
         const type = ['largest-contentful-paint', 'paint'].find((t) => types.includes(t));\n  \
         if (type) {{\n    \
         new PerformanceObserver((list, observer) => {{\n      \
         if (type === 'paint' && !list.getEntriesByName('first-contentful-paint').length) return;\n      \
         observer.disconnect();\n      \
         painted();\n    \
         }}).observe({{ type, buffered: true }});\n  \
         }} else {{\n    \
         requestAnimationFrame(() => setTimeout(painted, 0));\n  \
         }}\n  \
         setTimeout(painted, 1000);\n}});\n\
         performance.mark('app-boot');\n{}{trunk_code}\n",
        first_height()
    )
}

/// Trunk's `import init, * as bindings from './x.js';` as a dynamic `import()`: a static import is
/// hoisted, so the JS glue would be fetched with the boot script, before the page is painted;
/// dynamic, it is fetched when this line runs, after the paint.
pub fn dynamic_import(trunk_code: &str) -> String {
    let Some(start) = trunk_code.find("import init, * as bindings from ") else {
        return trunk_code.to_owned();
    };
    let from = start + "import init, * as bindings from ".len();
    let Some(len) = trunk_code[from..].find(';') else {
        return trunk_code.to_owned();
    };
    let module = &trunk_code[from..from + len];
    format!(
        "{}const bindings = await import({module});\nconst init = bindings.default;{}",
        &trunk_code[..start],
        &trunk_code[from + len + 1..]
    )
}

/// Trunk's `init({ module_or_path: '<url>' })`, made to take a module compiled from the whole file
/// (`WebAssembly.compile`), fetched from the start of the script, beside the JS glue. Given the
/// URL, `init` would compile while streaming: the browser then decodes each received chunk on the
/// main thread, and a file that arrives at once (a fast network, a cache) is one long task (25 to
/// 45 ms at 4× CPU here); `WebAssembly.compile` decodes and validates on a background thread.
///
/// The start-up is also cut into tasks (`nextTask`): the wasm's request, the glue's request and
/// evaluation, and the wasm's instantiation and start. Starting a request costs the main thread 1
/// to 9 ms at 4× CPU here; together these made one task of up to 28 ms.
pub fn compile_off_main_thread(trunk_code: &str) -> String {
    const CALL: &str = "init({ module_or_path: ";
    let Some(start) = trunk_code.find(CALL).map(|i| i + CALL.len()) else {
        return trunk_code.to_owned();
    };
    let Some(len) = trunk_code[start..].find(" })") else {
        return trunk_code.to_owned();
    };
    let url = &trunk_code[start..start + len];
    // The statement that calls `init`, from the start of its line.
    let statement = trunk_code[..start].rfind('\n').map_or(0, |i| i + 1);
    format!(
        "const module = fetch({url}).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));\n\
         const nextTask = () => new Promise((next) => setTimeout(next, 0));\n\
         await nextTask();\n\
         {}await nextTask();\n{}await module{}",
        &trunk_code[..statement],
        &trunk_code[statement..start],
        &trunk_code[start + len..]
    )
}

/// A short content hash (FNV-1a, 64 bit) for cache-busting file names.
pub fn content_hash(data: &[u8]) -> String {
    format!("{:016x}", crate::photo_file::fnv1a(data))
}

/// Removes Trunk's `<link rel="preload" … .wasm …>` and `<link rel="modulepreload" …>` (quoted or
/// minified): neither the wasm nor the JS glue may compete with the text's first paint; the boot
/// script fetches them once the page is painted.
pub fn remove_preloads(html: &str) -> String {
    let mut out = html.to_owned();
    // From the last, so the earlier ranges stay valid.
    for (start, end) in link_tags(html).into_iter().rev() {
        let tag = &html[start..end];
        if tag.contains("modulepreload") || (tag.contains("preload") && tag.contains(".wasm")) {
            out.replace_range(start..end, "");
        }
    }
    out
}

/// Whether some HTML is nothing but `<script>…</script>` elements and white space.
fn only_scripts(html: &str) -> bool {
    let mut rest = html.trim();
    while let Some(after) = rest.strip_prefix("<script") {
        let Some(end) = after.find("</script>") else {
            return false;
        };
        rest = after[end + "</script>".len()..].trim_start();
    }
    rest.is_empty()
}

/// The served page, built from Trunk's `index.html`.
pub fn render_page(index: &str, page: &Page) -> Result<String, String> {
    let mut html = index.to_owned();
    let (start, end, _) =
        inline_module_script(&html).ok_or("no inline module script from Trunk")?;
    html.replace_range(
        start..end,
        &format!("<script type=\"module\">{}</script>", page.boot),
    );
    html = remove_preloads(&html);
    if let Some(css) = page.style {
        let (start, end, _) = stylesheet_link(&html).ok_or("no stylesheet <link> to inline")?;
        html.replace_range(start..end, &format!("<style>{css}</style>"));
    }
    let title_start = html.find("<title>").ok_or("no <title>")? + "<title>".len();
    let title_len = html[title_start..].find("</title>").ok_or("no </title>")?;
    html.replace_range(title_start..title_start + title_len, &escape(page.title));

    // A `<meta>` policy covers only what follows it: it goes right after the charset.
    if let Some(policy) = page.csp {
        let charset = html.find("<meta charset").ok_or("no <meta charset>")?;
        let at = charset
            + html[charset..]
                .find('>')
                .ok_or("no end of <meta charset>")?
            + 1;
        html.insert_str(
            at,
            &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"),
        );
    }
    let mut head = String::new();
    let description = escape(page.description);
    head.push_str(&format!(
        "<meta name=\"description\" content=\"{description}\">"
    ));
    head.push_str(&format!(
        "<meta property=\"og:title\" content=\"{}\">",
        escape(page.title)
    ));
    head.push_str(&format!(
        "<meta property=\"og:description\" content=\"{description}\">"
    ));
    head.push_str("<meta property=\"og:type\" content=\"article\"><meta property=\"og:locale\" content=\"zh_CN\">");
    match &page.share {
        Some(share) => {
            let (image, alt) = (escape(share.image), escape(share.alt));
            head.push_str(&format!(
                "<meta property=\"og:image\" content=\"{image}\"><meta property=\"og:image:width\" content=\"{}\">\
                 <meta property=\"og:image:height\" content=\"{}\"><meta property=\"og:image:alt\" content=\"{alt}\">\
                 <meta name=\"twitter:card\" content=\"summary_large_image\"><meta name=\"twitter:image:alt\" content=\"{alt}\">\
                 <meta itemprop=\"image\" content=\"{image}\">\
                 <script type=\"application/ld+json\">{}</script>",
                crate::share::WIDTH,
                crate::share::HEIGHT,
                share.json_ld
            ));
        }
        None => head.push_str("<meta name=\"twitter:card\" content=\"summary\">"),
    }
    if page.embed {
        head.push_str("<meta name=\"robots\" content=\"noindex\">");
    }
    let head_end = html.find("</head>").ok_or("no </head>")?;
    html.insert_str(head_end, &head);

    // The app's HTML opens the body: hydration walks it from <body>'s first child. Only scripts
    // may follow it (Trunk's dev server adds its reload script there).
    let body_start = html.find("<body>").ok_or("no <body>")? + "<body>".len();
    let body_end = html.find("</body>").ok_or("no </body>")?;
    if !only_scripts(&html[body_start..body_end]) {
        return Err("index.html's <body> must be empty: the app's HTML goes there".into());
    }
    html.insert_str(body_start, page.body);
    let at = html.find("<html").ok_or("no <html>")? + "<html".len();
    if page.embed {
        html.insert_str(at, " data-embed");
    }
    if page.share.is_some() {
        // The microdata item the `itemprop="image"` belongs to.
        html.insert_str(at, " itemscope itemtype=\"https://schema.org/NewsArticle\"");
    }
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>x</title>\n\
        <script type=\"module\">\nimport init from './app-1.js';\nawait init();\n</script>\n</head>\n<body></body>\n</html>\n";

    /// Trunk's boot code as it writes it (the glue imported, `init` given the wasm's URL).
    const TRUNK_BOOT: &str = "import init, * as bindings from './a-1.js';\nconst wasm = await init({ module_or_path: './a_bg.wasm' });\nwindow.wasmBindings = bindings;";

    fn page(embed: bool) -> Page<'static> {
        Page {
            body: "<div class=\"page\">正文</div>",
            title: "汝州市产业集聚区：一座新城的崛起",
            description: "在汝州“如火如荼”<的>建设",
            embed,
            csp: Some(CSP),
            style: None,
            boot: "boot();",
            share: None,
        }
    }

    #[test]
    fn the_page_gets_body_meta_csp_and_its_boot_script() {
        let html = render_page(TRUNK, &page(false)).unwrap();
        assert!(html.contains("<body><div class=\"page\">正文</div></body>"));
        assert!(html.contains("<title>汝州市产业集聚区：一座新城的崛起</title>"));
        assert!(
            html.contains("<meta name=\"description\" content=\"在汝州“如火如荼”&lt;的&gt;建设\">")
        );
        assert!(html.contains("og:title"));
        let csp = html.find(CSP).expect("the CSP meta");
        assert!(
            csp < html.find("<title>").unwrap() && csp < html.find("<script").unwrap(),
            "the policy comes before anything it covers"
        );
        assert_eq!(
            inline_module_script(&html).map(|(_, _, code)| code),
            Some("boot();"),
            "Trunk's script is replaced by the boot script: {html}"
        );
        assert!(!html.contains("import init"));
        assert!(!html.contains("data-embed") && !html.contains("noindex"));
    }

    #[test]
    fn a_shared_link_has_a_large_card_its_words_and_the_json_ld() {
        let ld = crate::share::json_ld(&crate::story::STORY, Some("https://s.example/share-1.png"));
        let alt = crate::share::card_alt(&crate::story::STORY);
        let mut p = page(false);
        p.share = Some(Share {
            image: "https://s.example/share-1.png",
            alt: &alt,
            json_ld: &ld,
        });
        let html = render_page(TRUNK, &p).unwrap();
        for tag in [
            "<meta property=\"og:image\" content=\"https://s.example/share-1.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta itemprop=\"image\" content=\"https://s.example/share-1.png\">",
            "<html itemscope itemtype=\"https://schema.org/NewsArticle\" lang=\"zh-CN\">",
        ] {
            assert!(html.contains(tag), "{tag}");
        }
        assert!(html.contains(&format!(
            "<meta property=\"og:image:alt\" content=\"{alt}\">"
        )));
        let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let json: serde_json::Value =
            serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()])
                .unwrap();
        assert_eq!(json["headline"], crate::story::STORY.title);
        assert!(!html.contains("content=\"summary\""));
    }

    #[test]
    fn the_embed_page_is_marked() {
        let html = render_page(TRUNK, &page(true)).unwrap();
        assert!(html.contains("<html data-embed lang=\"zh-CN\">"));
        assert!(html.contains("noindex"));
    }

    #[test]
    fn preloads_go_and_the_rest_stays() {
        let head = "<link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\">\
            <link as=fetch href=./b_bg.wasm rel=preload><link href=./b.js rel=modulepreload><link rel=stylesheet href=./s.css>";
        assert_eq!(remove_preloads(head), "<link rel=stylesheet href=./s.css>");
    }

    #[test]
    fn the_stylesheet_goes_inline_under_its_hash() {
        let trunk = TRUNK.replace(
            "<title>x</title>",
            "<title>x</title><link href=./style-1.css integrity=sha384-x rel=stylesheet>",
        );
        assert_eq!(
            stylesheet_link(&trunk).map(|(_, _, href)| href),
            Some("./style-1.css")
        );
        let policy = policy_with_hashes("AbC=", "dEf=");
        assert!(policy.contains("style-src 'self' 'sha256-AbC='"));
        assert!(policy.contains("script-src 'self' 'sha256-dEf='"));
        assert_eq!(
            policy
                .replace(" 'sha256-AbC='", "")
                .replace(" 'sha256-dEf='", ""),
            CSP,
            "nothing else changes"
        );
        let mut p = page(false);
        p.csp = Some(&policy);
        p.style = Some("body{margin:0}");
        let html = render_page(&trunk, &p).unwrap();
        assert!(html.contains("<style>body{margin:0}</style>"));
        assert!(stylesheet_link(&html).is_none(), "the link is gone");
        assert!(html.contains(&policy));
    }

    /// What the boot script does is tested where it runs, against stand-ins for the browser
    /// (`tests/e2e/boot-script.test.mjs`, on the built page). Here: Trunk's code is rewritten, or
    /// left alone when it is not the code these rewrites know.
    #[test]
    fn trunk_s_code_is_rewritten_only_where_it_is_recognised() {
        let boot = boot_script(TRUNK_BOOT);
        assert!(!boot.contains("import init"), "a static import is hoisted");
        assert!(boot.contains("await import('./a-1.js')"), "{boot}");
        assert!(
            boot.contains("init({ module_or_path: await module })"),
            "{boot}"
        );
        assert!(boot.contains("fetch('./a_bg.wasm')"), "{boot}");
        assert_eq!(dynamic_import("await init();"), "await init();");
        assert_eq!(compile_off_main_thread("await init();"), "await init();");
    }

    #[test]
    fn the_boot_script_is_found() {
        let (_, _, code) = inline_module_script(TRUNK).unwrap();
        assert_eq!(code, "import init from './app-1.js';\nawait init();");
    }

    #[test]
    fn minified_html_works_too() {
        let minified = "<!doctype html><html lang=zh-CN><meta charset=utf-8><title>x</title>\
            <script type=module>import init from './app-1.js';</script></head><body></body></html>";
        let html = render_page(minified, &page(true)).unwrap();
        assert!(html.contains("<script type=\"module\">boot();</script>"));
        assert!(html.starts_with("<!doctype html><html data-embed lang=zh-CN>"));
    }

    #[test]
    fn the_dev_servers_reload_script_stays_after_the_app() {
        let dev = TRUNK.replace("<body></body>", "<body><script>reload()</script>\n</body>");
        let html = render_page(&dev, &page(false)).unwrap();
        assert!(html.contains("<body><div class=\"page\">正文</div><script>reload()</script>"));
    }

    #[test]
    fn a_non_empty_body_is_refused() {
        let err = render_page(
            &TRUNK.replace("<body></body>", "<body><p>x</p></body>"),
            &page(false),
        );
        assert!(err.unwrap_err().contains("<body>"));
    }

    #[test]
    fn the_policy_is_one_line_and_the_readme_quotes_it() {
        assert!(!CSP.contains('\n') && CSP.starts_with("default-src 'self'"));
        for part in [
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
            "require-trusted-types-for 'script'",
        ] {
            assert!(CSP.contains(part), "{part}");
        }
        let readme = include_str!("../README.md");
        assert!(readme.contains(CSP), "README does not quote src/csp.txt");
    }

    #[test]
    fn the_hash_is_fnv_1a_64() {
        // The published FNV-1a 64-bit test vectors.
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash(b"foobar"), "85944171f73967e8");
    }
}
