//! Writes the second-language message bundle the browser package loads on
//! demand: `OUT_DIR/zh.json`, `{"locale":"zh","texts":{english: chinese}}`.
//!
//! The package's wasm is built without the `zh` feature, so its Chinese texts
//! are not in it; `loadLocale('zh')` hands this file to the wasm, which then
//! finds each Chinese text by its English one. The pairs are read from the
//! source, where every Chinese text stands right after its English one
//! (`Text::new("…", "…")`, and the `("…", "…", args)` rows of
//! `Msg::render`); `tests/locales.rs` checks that no Chinese literal is
//! anywhere else. Run: `cargo run --example locales -- pkg/locales`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::{env, fs, process::ExitCode};

/// A string literal of the source and where it ends.
struct Literal {
    value: String,
    end: usize,
}

fn is_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
}

/// Reads a Rust string literal starting at `at` (`"…"` or `r#"…"#`).
fn literal_at(src: &str, at: usize) -> Option<Literal> {
    let rest = &src[at..];
    if let Some(raw) = rest.strip_prefix("r#\"") {
        let end = raw.find("\"#")?;
        return Some(Literal {
            value: raw[..end].to_string(),
            end: at + 3 + end + 2,
        });
    }
    let body = rest.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                return Some(Literal {
                    value,
                    end: at + 1 + i + 1,
                })
            }
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    '0' => value.push('\0'),
                    '\\' | '"' | '\'' => value.push(e),
                    'u' => {
                        let mut hex = String::new();
                        for (_, h) in chars.by_ref() {
                            match h {
                                '{' => {}
                                '}' => break,
                                _ => hex.push(h),
                            }
                        }
                        value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    // A line continuation: the newline and the next line's indentation go.
                    '\n' => {
                        let skip = body[i + 2..].len() - body[i + 2..].trim_start().len();
                        for _ in 0..skip {
                            chars.next();
                        }
                    }
                    _ => return None,
                }
            }
            _ => value.push(c),
        }
    }
    None
}

/// Every string literal of a source file, in order, outside comments and
/// char literals.
fn literals(src: &str) -> Vec<(usize, Literal)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\'' => {
                // A char literal ('"', '\'', '中') or a lifetime ('a).
                let rest = &src[i + 1..];
                let len = if let Some(escaped) = rest.strip_prefix('\\') {
                    escaped.find('\'').map(|n| n + 2)
                } else {
                    let c = rest.chars().next().map_or(1, char::len_utf8);
                    (rest[c..].starts_with('\'')).then_some(c)
                };
                i += 1 + len.map_or(0, |n| n + 1);
            }
            b'"' | b'r' if bytes[i] == b'"' || src[i..].starts_with("r#\"") => {
                let ident_before =
                    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                if bytes[i] == b'r' && ident_before {
                    i += 1;
                    continue;
                }
                match literal_at(src, i) {
                    Some(lit) => {
                        let next = lit.end;
                        out.push((i, lit));
                        i = next;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The (English, Chinese) pairs of a source file: a literal with Chinese
/// right after one without, separated by a comma and white space only; and
/// the Chinese literals that are not in such a pair.
pub fn pairs_in(src: &str) -> (Vec<(String, String)>, Vec<String>) {
    let lits = literals(src);
    let mut pairs = Vec::new();
    let mut alone = Vec::new();
    for (k, (_, lit)) in lits.iter().enumerate() {
        if !is_cjk(&lit.value) {
            continue;
        }
        let paired = k.checked_sub(1).and_then(|j| {
            let (_, before) = &lits[j];
            let between = &src[before.end..lits[k].0];
            (between.trim() == "," && !is_cjk(&before.value)).then(|| before.value.clone())
        });
        match paired {
            Some(en) => pairs.push((en, lit.value.clone())),
            None => alone.push(lit.value.clone()),
        }
    }
    (pairs, alone)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// What [`bundle`] found: English → Chinese, the Chinese literals outside a
/// pair (by file), and English texts with two translations.
pub type Found = (
    BTreeMap<String, String>,
    Vec<(PathBuf, String)>,
    Vec<String>,
);

/// English → Chinese for every text of the crate's source, and what does not fit.
pub fn bundle(src_dir: &Path) -> Found {
    let mut files = Vec::new();
    rust_files(src_dir, &mut files);
    files.sort();
    let mut texts = BTreeMap::new();
    let mut alone = Vec::new();
    let mut conflicts = Vec::new();
    for file in files {
        let Ok(src) = fs::read_to_string(&file) else {
            continue;
        };
        // Unit tests (at the end of a file) write Chinese test inputs.
        let src = match src.find("#[cfg(test)]\nmod ") {
            Some(at) => &src[..at],
            None => &src[..],
        };
        let (pairs, lone) = pairs_in(src);
        for (en, zh) in pairs {
            if let Some(before) = texts.insert(en.clone(), zh.clone()) {
                if before != zh {
                    conflicts.push(format!("{en:?}: {before:?} or {zh:?}"));
                }
            }
        }
        alone.extend(lone.into_iter().map(|z| (file.clone(), z)));
    }
    (texts, alone, conflicts)
}

/// The bundle as JSON text.
pub fn bundle_json(texts: &BTreeMap<String, String>) -> String {
    let mut m = serde_json::Map::new();
    for (en, zh) in texts {
        m.insert(en.clone(), serde_json::Value::from(zh.as_str()));
    }
    serde_json::json!({ "locale": "zh", "texts": m }).to_string()
}

#[allow(dead_code)]
fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: locales OUT_DIR");
        return ExitCode::from(2);
    };
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (texts, alone, conflicts) = bundle(&src);
    if !alone.is_empty() || !conflicts.is_empty() {
        for (file, zh) in &alone {
            eprintln!(
                "locales: {}: a Chinese text without its English one: {zh:?}",
                file.display()
            );
        }
        for c in &conflicts {
            eprintln!("locales: one English text, two Chinese ones: {c}");
        }
        return ExitCode::FAILURE;
    }
    if let Err(e) =
        fs::create_dir_all(&dir).and_then(|()| fs::write(dir.join("zh.json"), bundle_json(&texts)))
    {
        eprintln!("locales: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
