//! The boundaries ARCHITECTURE.md states, checked on the sources:
//! - the core and the application layer are pure: no file system, clock, terminal, browser
//!   or argument parser in their code or their dependencies;
//! - the CLI, the npm package and the editor all stand on `tailplan-app`;
//! - the core's, the formats' and the app's modules depend downwards only: no module imports one that
//!   imports it back, however far round.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tailplan_tests::workspace;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A file's code without its tests (`tests.rs` files, and what follows `#[cfg(test)]`).
fn code(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    // Comments (docs and their examples) may name anything.
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

const IMPURE: [&str; 12] = [
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "SystemTime",
    "Instant::now",
    "println!",
    "eprintln!",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "clap",
];

#[test]
fn the_core_and_the_app_are_pure() {
    for krate in ["tailplan-core", "tailplan-app"] {
        let dir = workspace().join("crates").join(krate);
        for file in sources(&dir.join("src")) {
            let code = code(&file);
            for word in IMPURE {
                assert!(
                    !code.contains(word),
                    "{}: uses {word}: the {krate} crate has no I/O",
                    file.display()
                );
            }
        }
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let deps = manifest
            .split("[dependencies]")
            .nth(1)
            .and_then(|d| d.split("\n[").next())
            .unwrap_or_default();
        for dep in [
            "clap",
            "wasm-bindgen",
            "web-sys",
            "js-sys",
            "yew",
            "indicatif",
            "rayon",
        ] {
            assert!(
                !deps.lines().any(|l| l.starts_with(dep)),
                "{krate} depends on {dep}"
            );
        }
    }
}

#[test]
fn every_front_end_stands_on_the_app() {
    for manifest in [
        "crates/tailplan-cli/Cargo.toml",
        "crates/tailplan-wasm/Cargo.toml",
        "web/Cargo.toml",
    ] {
        let text = std::fs::read_to_string(workspace().join(manifest)).unwrap();
        assert!(
            text.lines().any(|l| l.starts_with("tailplan-app")),
            "{manifest} does not depend on tailplan-app"
        );
    }
}

/// The module file a `crate::a::b::c` path names: the deepest of `a/b/c.rs`, `a/b.rs`,
/// `a.rs` (or their `mod.rs`) that exists.
fn module_file(src: &Path, path: &[&str]) -> Option<PathBuf> {
    (1..=path.len()).rev().find_map(|n| {
        let rel: PathBuf = path[..n].iter().collect();
        let file = src.join(&rel).with_extension("rs");
        let folder = src.join(&rel).join("mod.rs");
        [file, folder].into_iter().find(|f| f.is_file())
    })
}

/// The paths a use tree names, `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => {
            let mut p = prefix.to_vec();
            p.extend(
                tree.split("::")
                    .map(|s| s.trim().split(' ').next().unwrap_or_default().to_owned())
                    .filter(|s| !s.is_empty()),
            );
            out.push(p);
        }
        Some(open) => {
            let mut p = prefix.to_vec();
            p.extend(
                tree[..open]
                    .split("::")
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty()),
            );
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&inner[start..i], &p, out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if !inner[start..].trim().is_empty() {
                expand(&inner[start..], &p, out);
            }
        }
    }
}

/// The `crate::...` paths a file's `use` items name.
fn used_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let flat = code.replace('\n', " ");
    for item in flat.split("use crate::").skip(1) {
        expand(item.split(';').next().unwrap_or_default(), &[], &mut out);
    }
    out
}

/// The files of a crate's `src/` and the files each imports, leaving out imports of a
/// folder's `mod.rs` or of `lib.rs` (they re-export: a catalogue, not a dependency).
fn imports(src: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut graph = BTreeMap::new();
    for file in sources(src) {
        let mut to = BTreeSet::new();
        for path in used_paths(&code(&file)) {
            let parts: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(target) = module_file(src, &parts)
                && target != file
                && target.file_name().is_some_and(|n| n != "mod.rs")
            {
                to.insert(target);
            }
        }
        graph.insert(file, to);
    }
    graph
}

/// A cycle of the graph, if there is one.
fn cycle(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<Vec<PathBuf>> {
    fn visit(
        n: &PathBuf,
        graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        state: &mut BTreeMap<PathBuf, u8>,
        stack: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m) {
                Some(1) => {
                    let at = stack.iter().position(|x| x == m).unwrap_or(0);
                    let mut c = stack[at..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(m, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n) {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn modules_depend_downwards_only() {
    for krate in ["tailplan-core", "tailplan-io", "tailplan-app"] {
        let src = workspace().join("crates").join(krate).join("src");
        let graph = imports(&src);
        // The check sees the imports it is about.
        let rules = src.join("routing/rules.rs");
        if krate == "tailplan-core" {
            assert!(graph[&rules].contains(&src.join("routing/finding.rs")));
            assert!(graph[&src.join("devices.rs")].contains(&src.join("props.rs")));
        }
        if let Some(c) = cycle(&graph) {
            let names: Vec<String> = c
                .iter()
                .map(|p| p.strip_prefix(&src).unwrap().display().to_string())
                .collect();
            panic!("{krate}: modules import each other: {}", names.join(" -> "));
        }
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let (a, b, c) = (PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("c"));
    let mut g = BTreeMap::new();
    g.insert(a.clone(), BTreeSet::from([b.clone()]));
    g.insert(b.clone(), BTreeSet::from([c.clone()]));
    g.insert(c.clone(), BTreeSet::new());
    assert_eq!(cycle(&g), None);
    g.insert(c.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(cycle(&g), Some(vec![a.clone(), b, c, a]));
    assert_eq!(
        used_paths("use crate::routing::{finding::{Finding, Rule}, poe::PoeType};"),
        [
            vec!["routing", "finding", "Finding"],
            vec!["routing", "finding", "Rule"],
            vec!["routing", "poe", "PoeType"]
        ]
    );
}
