//! Lenient reading of request parameters. Whatever JSON comes in, it is
//! flattened into dotted paths as the APIs spell them: nested objects become
//! `SystemDisk.Size` / `os-change.adminpass`, arrays become 1-based
//! `KeyId.1`, `KeyId.2`, and flat dotted keys stay as they are. Never panics.

use serde_json::Value;

use crate::issue::{Msg, Report};

/// Containers nested deeper than this are not read (no API here nests past 3).
pub const MAX_DEPTH: usize = 8;

/// No API here has more than a few dozen parameters; past this many nodes the
/// rest of the input is not read (keeps the work linear in a hostile input).
pub const MAX_ENTRIES: usize = 512;

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
        if depth > MAX_DEPTH {
            report.error(&path, "params.too_deep", None, Msg::TooDeep);
            return;
        }
        if self.entries.len() >= MAX_ENTRIES {
            if !self.truncated {
                self.truncated = true;
                report.error(
                    &path,
                    "params.too_many",
                    None,
                    Msg::TooMany { limit: MAX_ENTRIES },
                );
            }
            return;
        }
        if self.entries.iter().any(|e| e.path == path) {
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
