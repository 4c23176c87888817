//! Lenient reading of request parameters. Whatever JSON comes in, it is
//! flattened into dotted paths as the APIs spell them: nested objects become
//! `SystemDisk.Size` / `os-change.adminpass`, arrays become 1-based
//! `KeyId.1`, `KeyId.2`, and flat dotted keys stay as they are. Never panics.

use serde_json::Value;

use crate::issue::{Msg, Report, Text};

/// Containers nested deeper than this are not read (no API here nests past 3).
pub const MAX_DEPTH: usize = 8;

/// No API here has more than a few dozen parameters; past this many nodes the
/// rest of the input is not read (keeps the work linear in a hostile input).
/// Nodes that are reported and skipped (too deep, name too long, duplicate)
/// count too, so the number of issues stays bounded as well.
pub const MAX_ENTRIES: usize = 512;

/// A dotted name longer than this is not read (the longest documented one is
/// under 40 bytes). Without it, one 4 MB key over a list of 500 items would
/// become 500 paths of 4 MB each.
pub const MAX_NAME_BYTES: usize = 256;

/// `path` as an issue's field: itself, or its first 64 bytes (whole
/// characters) and `…`.
fn shown_path(path: &str) -> String {
    if path.len() <= MAX_NAME_BYTES {
        return path.to_string();
    }
    let mut end = 64;
    while !path.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &path[..end])
}

/// One node of the input: a leaf or a container, at its dotted path.
#[derive(Debug)]
pub struct Entry<'a> {
    pub path: String,
    pub value: &'a Value,
}

impl Entry<'_> {
    pub fn is_container(&self) -> bool {
        matches!(self.value, Value::Object(_) | Value::Array(_))
    }
}

/// The flattened input, in input order.
#[derive(Debug, Default)]
pub struct Params<'a> {
    pub entries: Vec<Entry<'a>>,
    /// Nodes reported and not read; they count towards [`MAX_ENTRIES`].
    skipped: usize,
    truncated: bool,
}

impl<'a> Params<'a> {
    /// Flattens `input`; problems with its shape go to `report`.
    pub fn read(input: &'a Value, report: &mut Report) -> Params<'a> {
        let mut params = Params::default();
        match input {
            Value::Object(map) => {
                for (key, value) in map {
                    params.walk(key.clone(), value, 1, report);
                }
            }
            _ => report.error("", "params.not_object", None, Msg::NotAnObject),
        }
        params
    }

    fn walk(&mut self, path: String, value: &'a Value, depth: usize, report: &mut Report) {
        if self.entries.len() + self.skipped >= MAX_ENTRIES {
            if !self.truncated {
                self.truncated = true;
                report.error(
                    &shown_path(&path),
                    "params.too_many",
                    None,
                    Msg::TooMany { limit: MAX_ENTRIES },
                );
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.skipped += 1;
            report.error(&shown_path(&path), "params.too_deep", None, Msg::TooDeep);
            return;
        }
        if path.len() > MAX_NAME_BYTES {
            // Certainly not a documented name (nor is anything below it): a
            // warning, like any unknown name, shown cut short.
            self.skipped += 1;
            report.warning(
                &shown_path(&path),
                "params.name_too_long",
                None,
                Msg::Text(Text::new(
                    "Unknown parameter: its name is longer than 256 bytes and was not read.",
                    "未知参数：参数名超过 256 字节，未读取。",
                )),
            );
            return;
        }
        if self.entries.iter().any(|e| e.path == path) {
            self.skipped += 1;
            report.error(&path, "params.duplicate", None, Msg::Duplicate);
            return;
        }
        self.entries.push(Entry {
            path: path.clone(),
            value,
        });
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    self.walk(format!("{path}.{key}"), child, depth + 1, report);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    self.walk(format!("{path}.{}", i + 1), child, depth + 1, report);
                }
            }
            _ => {}
        }
    }

    pub fn get(&self, path: &str) -> Option<&'a Value> {
        self.entries
            .iter()
            .find(|e| e.path == path)
            .map(|e| e.value)
    }
}

/// Does `path` match a documented name whose `N` segments stand for list
/// positions (`KeyId.N`, `Arn.N.RoleType`)? Returns the positions matched.
pub fn match_pattern(pattern: &str, path: &str) -> Option<Vec<String>> {
    if !has_list_segment(pattern) {
        // Most names have no `N`: plain equality, no splitting, no allocation.
        return (pattern == path).then(Vec::new);
    }
    let mut positions = Vec::new();
    let mut p = pattern.split('.');
    let mut q = path.split('.');
    loop {
        match (p.next(), q.next()) {
            (None, None) => return Some(positions),
            (Some("N"), Some(seg))
                if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
            {
                positions.push(seg.to_string())
            }
            (Some(a), Some(b)) if a == b => {}
            _ => return None,
        }
    }
}

/// Whether a documented name has an `N` (list position) segment.
pub fn has_list_segment(name: &str) -> bool {
    // A byte loop (no string searcher): this runs for every field on every call.
    let b = name.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'N' && (i == 0 || b[i - 1] == b'.') && b.get(i + 1).is_none_or(|&n| n == b'.')
    })
}
