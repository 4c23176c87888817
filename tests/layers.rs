//! The crate's layers only look down, and no modules import each other in a
//! circle. Read from the source text (`crate::…` and `super::…` paths), so it
//! runs as a plain test in `make test` and CI.
//!
//! Rule 1: a top-level module may use only modules of a lower layer.
//! Rule 2: inside one module, its files import each other in no circle (the
//! parent `mod.rs` is left out: it declares its children and re-exports what
//! they share, which is how a Rust module is built, not a circle of design).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first; modules on one line are one layer and may not import each other.
const LAYERS: &[&[&str]] = &[
    &["util"],
    &["input"],
    &["issue"],
    &["options", "params"],
    &["rules", "signing"],
    &["schema"],
    &["providers"],
    &["engine"],
    &["api"],
    &["wasm"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `src/signing/sigv4.rs` → ["signing", "sigv4"].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Source text without `//` comments (doc comments name other modules freely).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string literal is rare in this crate and never
            // precedes a path on the same line.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every path that starts at `prefix` (`crate::` or `super::`), as its first
/// two segments; a `{…}` group yields one path per member.
fn paths_after(code: &str, prefix: &str) -> Vec<(String, Option<String>)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(prefix) {
        let start = from + i;
        from = start + prefix.len();
        if start > 0 && (is_ident(bytes[start - 1]) || matches!(bytes[start - 1], b':' | b'$')) {
            continue; // `$crate::`, `a::super::`
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = matching_brace(group);
            for member in split_top_level(&group[..end]) {
                out.extend(first_two(member.trim()));
            }
        } else {
            out.extend(first_two(rest));
        }
    }
    out
}

fn matching_brace(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    s.len()
}

fn split_top_level(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter().filter(|m| !m.trim().is_empty()).collect()
}

/// The first two segments of a path; `a::{b, c}` gives one pair per member.
fn first_two(path: &str) -> Vec<(String, Option<String>)> {
    let ident = |s: &str| -> String {
        s.bytes()
            .take_while(|&b| is_ident(b))
            .map(char::from)
            .collect()
    };
    let first = ident(path);
    let after = path[first.len()..].trim_start();
    let Some(after) = after.strip_prefix("::") else {
        return vec![(first, None)];
    };
    match after.strip_prefix('{') {
        Some(group) => split_top_level(&group[..matching_brace(group)])
            .into_iter()
            .map(|m| {
                (
                    first.clone(),
                    Some(ident(m.trim())).filter(|s| !s.is_empty()),
                )
            })
            .collect(),
        None => vec![(first, Some(ident(after)).filter(|s| !s.is_empty()))],
    }
}

struct Crate {
    /// file module path → the module paths it uses (first two segments, resolved).
    uses: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut uses = BTreeMap::new();
    for file in files {
        let me = module_path(file.strip_prefix(&src).unwrap());
        let code = code_of(&fs::read_to_string(&file).unwrap());
        let mut used = BTreeSet::new();
        for (a, b) in paths_after(&code, "crate::") {
            let mut p = vec![a];
            p.extend(b);
            used.insert(p);
        }
        // `super::x` in a file `m/f.rs` names `m::x` (a sibling or an item of `m`).
        if me.len() >= 2 {
            let parent = &me[..me.len() - 1];
            for (a, _) in paths_after(&code, "super::") {
                let mut p = parent.to_vec();
                p.push(a);
                used.insert(p);
            }
        }
        uses.insert(me, used);
    }
    Crate { uses }
}

#[test]
fn every_module_is_in_a_layer() {
    let krate = read_crate();
    for module in krate.uses.keys().filter_map(|m| m.first()) {
        assert!(
            layer_of(module).is_some(),
            "src/{module} is in no layer: add it to LAYERS in tests/layers.rs"
        );
    }
}

#[test]
fn layers_only_look_down() {
    let krate = read_crate();
    let mut wrong = Vec::new();
    for (file, used) in &krate.uses {
        let Some(top) = file.first() else { continue }; // lib.rs
        let my_layer = layer_of(top).unwrap_or(usize::MAX);
        for target in used {
            let Some(other) = target.first() else {
                continue;
            };
            if other == top || layer_of(other).is_none() {
                continue; // within the module, or an item of lib.rs
            }
            let their_layer = layer_of(other).unwrap();
            if their_layer >= my_layer {
                wrong.push(format!(
                    "{} uses crate::{}",
                    file.join("::"),
                    target.join("::")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that do not look down:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_circle_inside_a_module() {
    let krate = read_crate();
    // Edges between sibling files of one module (parent mod.rs left out).
    let files: BTreeSet<&Vec<String>> = krate.uses.keys().filter(|m| m.len() == 2).collect();
    let mut edges: BTreeMap<&Vec<String>, Vec<&Vec<String>>> = BTreeMap::new();
    for file in &files {
        for target in &krate.uses[*file] {
            if target.len() == 2 && target[0] == file[0] && target != *file {
                if let Some(sibling) = files.get(target) {
                    edges.entry(*file).or_default().push(*sibling);
                }
            }
        }
    }
    // Depth-first search; a back edge is a circle.
    fn visit<'a>(
        node: &'a Vec<String>,
        edges: &BTreeMap<&'a Vec<String>, Vec<&'a Vec<String>>>,
        state: &mut BTreeMap<&'a Vec<String>, u8>,
        stack: &mut Vec<&'a Vec<String>>,
    ) -> Option<Vec<String>> {
        state.insert(node, 1);
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    return Some(stack[from..].iter().map(|n| n.join("::")).collect());
                }
                0 => {
                    if let Some(circle) = visit(next, edges, state, stack) {
                        return Some(circle);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for file in &files {
        if state.get(*file).copied().unwrap_or(0) == 0 {
            if let Some(circle) = visit(file, &edges, &mut state, &mut Vec::new()) {
                panic!("import circle: {} -> back", circle.join(" -> "));
            }
        }
    }
}

/// The checker itself: it sees grouped, nested and `super` imports.
#[test]
fn the_path_reader_sees_groups() {
    let code = "use crate::{a::{B, C}, d::E};\nlet x = crate::f::g(); use super::{h, i::J};";
    let found = paths_after(code, "crate::");
    assert_eq!(
        found,
        vec![
            ("a".into(), Some("B".into())),
            ("a".into(), Some("C".into())),
            ("d".into(), Some("E".into())),
            ("f".into(), Some("g".into()))
        ]
    );
    let sup: Vec<String> = paths_after(code, "super::")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(sup, ["h", "i"]);
    // `Self::`, `self::` and `$crate::` are not crate paths.
    assert!(paths_after("$crate::x", "crate::").is_empty());
}
