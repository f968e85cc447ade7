//! The page's interface words, in one place: the only Chinese the code may hold. Everything the
//! article says (its words, figures, captions, and every word of the graphics) comes from the
//! story's data file; a test below fails when a Chinese word appears anywhere else in the code.

/// The replay control.
pub const REPLAY: &str = "重播数字";
/// The accessible name of the section bar.
pub const SECTIONS: &str = "章节";
/// The accessible name of a gallery of photos.
pub const GALLERY: &str = "图集";
/// The tag on drawings that are not to scale (a layout, an organisation, a stand-in for a photo).
pub const SCHEMATIC: &str = "示意图";
/// The disclosure under a data graphic that shows its figures as a table.
pub const DATA: &str = "查看数据";
/// The data table's column headings: what a figure is, the figure, its unit.
pub const DATA_COLUMNS: [&str; 3] = ["项目", "数值", "单位"];
/// The data table's heading of the sentence its figures come from.
pub const DATA_SOURCE: &str = "出处";
/// Said at the end of a data graphic's description, for screen readers: where its table is.
pub const DATA_HINT: &str = "各项数据见下方“查看数据”。";
/// The link from a short edition to the story it is drawn from, before that story's title.
pub const FULL_STORY: &str = "阅读全文";
/// The note on the gap the source leaves (words missing from the article).
pub const GAP_NOTE: &str = "原文此处缺字";
/// The 万 (10⁴) scale of Chinese numbers.
pub const WAN: &str = "万";
/// The 亿 (10⁸) scale of Chinese numbers.
pub const YI: &str = "亿";
/// Qualifiers that make a figure an upper bound ("近20亿元": a little under 20亿): a bar ends
/// open below its value.
pub const NEARLY: &[&str] = &["近"];
/// Qualifiers that make a figure a lower bound ("250余名": somewhat more than 250): a bar or icon
/// row ends open above its value.
pub const OVER: &[&str] = &["余", "多"];

/// The read-aloud control's words (what is read comes from the page).
pub mod listen {
    /// The start button.
    pub const LISTEN: &str = "听新闻";
    /// Said instead of the button where the browser cannot read Chinese.
    pub const NO_VOICE: &str = "本浏览器没有中文语音，无法朗读";
    /// The name of the group of controls while reading.
    pub const CONTROLS: &str = "朗读控制";
    /// To the start of the paragraph before.
    pub const PREVIOUS: &str = "上一段";
    /// Pause.
    pub const PAUSE: &str = "暂停";
    /// Resume.
    pub const RESUME: &str = "继续";
    /// To the start of the next paragraph.
    pub const NEXT: &str = "下一段";
    /// One rate step slower.
    pub const SLOWER: &str = "减速";
    /// One rate step faster.
    pub const FASTER: &str = "加速";
    /// Before the rate shown, for screen readers.
    pub const RATE: &str = "语速";
    /// Stop reading.
    pub const STOP: &str = "停止";
}

#[cfg(test)]
mod tests {
    use crate::source_tree::{code_lines, rust_files};
    use std::path::Path;

    /// A Chinese ideograph (CJK Unified Ideographs and Extension A; punctuation is not a word).
    fn is_ideograph(c: char) -> bool {
        matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
    }

    /// Chinese words in the code outside this file: `file:line: text` for each.
    fn words_in_code(root: &Path) -> Vec<String> {
        let mut files = Vec::new();
        rust_files(root, &mut files);
        let mut found = Vec::new();
        for file in files.iter().filter(|f| !f.ends_with("ui_text.rs")) {
            let source = std::fs::read_to_string(file).expect("read a source file");
            for (n, line) in code_lines(&source) {
                if line.chars().any(is_ideograph) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
        found
    }

    #[test]
    fn no_article_word_in_the_code() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let found = words_in_code(&root);
        assert!(
            found.is_empty(),
            "Chinese words in the code (the article's words belong in the data file, interface \
             words in src/ui_text.rs):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_check_finds_a_word_in_code_and_not_in_comments_or_tests() {
        let dir = std::env::temp_dir().join(format!("ui-text-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("chart.rs"),
            "// 注释\nfn label() -> &'static str { \"汝河森林公园\" }\n#[cfg(test)]\nmod tests { const A: &str = \"霍阳公园\"; }\n",
        )
        .unwrap();
        std::fs::write(dir.join("ui_text.rs"), "pub const A: &str = \"示意图\";\n").unwrap();
        let found = words_in_code(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("chart.rs:2: fn label() -> &'static str { \"汝河森林公园\" }"));
    }
}
