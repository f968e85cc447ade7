//! Tests of the code's shape, read from `src/`: the module graph has no cycle (pure, server-only
//! and browser code can be told apart from the tree, and each module's dependencies come before
//! it). Its helpers also serve `ui_text`'s check that no article word is in the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file: its lines up to its test module (tests may use anything), without
/// comments, with their 1-based numbers.
pub fn code_lines(source: &str) -> Vec<(usize, &str)> {
    source
        .lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(i, line)| (i + 1, line.split(" //").next().unwrap_or(line)))
        .collect()
}

/// The crate's top-level modules (a file `src/x.rs` or a folder `src/x/`; not the crate roots or
/// the binaries) and the other top-level modules each one's code names as `crate::y`.
fn module_graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(root).expect("under src/");
        let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
        let first = parts.next().expect("a file");
        if matches!(first.as_str(), "lib.rs" | "main.rs" | "bin") {
            continue;
        }
        let module = first.trim_end_matches(".rs").to_owned();
        let source = std::fs::read_to_string(file).expect("read a source file");
        let uses = graph.entry(module.clone()).or_default();
        for (_, line) in code_lines(&source) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                    .collect();
                if !name.is_empty() && name != module {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

/// A cycle of the graph (`a → b → … → a`), if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn the_module_graph_has_no_cycle() {
    let graph = module_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.len() > 10 && graph["components"].contains("story"));
    // Pure logic names no browser or page code.
    for pure in [
        "story", "format", "scale", "states", "embed", "speech", "share", "graphic",
    ] {
        let uses = &graph[pure];
        for impure in ["browser", "components", "hooks", "islands"] {
            assert!(!uses.contains(impure), "{pure} uses {impure}");
        }
    }
    if let Some(found) = cycle(&graph) {
        panic!("a cycle of modules: {}", found.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let dir = std::env::temp_dir().join(format!("module-graph-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a.rs"), "use crate::b::x;\n// crate::c\n").unwrap();
    std::fs::write(dir.join("b/mod.rs"), "mod y;\n").unwrap();
    std::fs::write(dir.join("b/y.rs"), "fn f() { crate::c::g() }\n").unwrap();
    std::fs::write(
        dir.join("c.rs"),
        "use crate::a;\n#[cfg(test)]\nuse crate::b;\n",
    )
    .unwrap();
    let graph = module_graph(&dir);
    let found = cycle(&graph);
    std::fs::write(dir.join("c.rs"), "#[cfg(test)]\nuse crate::a;\n").unwrap();
    let without = cycle(&module_graph(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found.as_deref(),
        Some(&["a", "b", "c", "a"].map(String::from)[..])
    );
    assert_eq!(without, None);
}
