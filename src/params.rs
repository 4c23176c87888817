//! Lenient reading of request parameters. Whatever JSON comes in, it is
//! flattened into dotted paths as the APIs spell them: nested objects become
//! `SystemDisk.Size` / `os-change.adminpass`, arrays become 1-based
//! `KeyId.1`, `KeyId.2`, and flat dotted keys stay as they are. Never panics.

use core::cell::Cell;

use crate::input::Input;
use crate::issue::{Msg, Report, Text};
use crate::util::json::push_decimal;
use crate::util::limits::{MAX_DEPTH, MAX_ENTRIES, MAX_NAME_BYTES};

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
    [path.get(..end).unwrap_or_default(), "…"].concat()
}

/// One node of the input: a leaf or a container, at its dotted path.
#[derive(Debug)]
pub struct Entry<'a> {
    pub path: String,
    pub value: &'a Input<'a>,
    /// Read by a field of the table (set while validating): only the names
    /// no field read need the unknown-name search.
    pub covered: Cell<bool>,
}

impl Entry<'_> {
    pub fn is_container(&self) -> bool {
        self.value.is_container()
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
    /// Flattens `input`; problems with its shape go to `report` (a
    /// non-object with `malformed_code`, the provider's code for it).
    pub fn read(
        input: &'a Input<'a>,
        malformed_code: Option<&'static str>,
        report: &mut Report,
    ) -> Params<'a> {
        let mut params = Params::default();
        match input {
            Input::Object(map) => {
                // One path buffer for the whole walk: each name is pushed, its
                // subtree read, then cut off again (no `format!` per node).
                let mut path = String::with_capacity(64);
                for (key, value) in map {
                    path.clear();
                    path.push_str(key);
                    params.walk(&mut path, value, 1, report);
                }
            }
            _ => report.error("", "params.not_object", malformed_code, Msg::NotAnObject),
        }
        params
    }

    fn walk(&mut self, path: &mut String, value: &'a Input<'a>, depth: usize, report: &mut Report) {
        if self.entries.len() + self.skipped >= MAX_ENTRIES {
            if !self.truncated {
                self.truncated = true;
                report.error(
                    &shown_path(path),
                    "params.too_many",
                    None,
                    Msg::TooMany { limit: MAX_ENTRIES },
                );
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.skipped += 1;
            report.error(&shown_path(path), "params.too_deep", None, Msg::TooDeep);
            return;
        }
        if path.len() > MAX_NAME_BYTES {
            // Certainly not a documented name (nor is anything below it): a
            // warning, like any unknown name, shown cut short.
            self.skipped += 1;
            report.warning(
                &shown_path(path),
                "params.name_too_long",
                None,
                Msg::Text(Text::new(
                    "Unknown parameter: its name is longer than 256 bytes and was not read.",
                    "未知参数：参数名超过 256 字节，未读取。",
                )),
            );
            return;
        }
        match self.entries.iter_mut().find(|e| e.path == *path) {
            // null and "" are "not given": a name given both flat and nested
            // keeps the one value given.
            Some(_) if is_absent(value) => return,
            Some(earlier) if is_absent(earlier.value) => earlier.value = value,
            Some(_) => {
                self.skipped += 1;
                report.error(path, "params.duplicate", None, Msg::Duplicate);
                return;
            }
            None => self.entries.push(Entry {
                path: path.clone(),
                value,
                covered: Cell::new(false),
            }),
        }
        let len = path.len();
        match value {
            Input::Object(map) => {
                for (key, child) in map {
                    path.truncate(len);
                    path.push('.');
                    path.push_str(key);
                    self.walk(path, child, depth + 1, report);
                }
            }
            Input::Array(items) => {
                // Empty items (null, "") are not given, as anywhere: they take
                // no position, so `["a", "", "b"]` is `.1` and `.2` (a form's
                // blank row is not a gap in the list).
                let given = items.iter().filter(|item| !is_absent(item));
                for (i, child) in given.enumerate() {
                    path.truncate(len);
                    path.push('.');
                    push_decimal(path, false, (i + 1) as u64);
                    self.walk(path, child, depth + 1, report);
                }
            }
            _ => {}
        }
        path.truncate(len);
    }

    pub fn get(&self, path: &str) -> Option<&'a Input<'a>> {
        self.entries
            .iter()
            .find(|e| e.path == path)
            .map(|e| e.value)
    }

    /// As [`Params::get`], marking the name as read by a field.
    pub fn read_field(&self, path: &str) -> Option<&'a Input<'a>> {
        let entry = self.entries.iter().find(|e| e.path == path)?;
        entry.covered.set(true);
        Some(entry.value)
    }
}

/// Null and "" mean "not given", as the SDKs drop them.
pub(crate) fn is_absent(v: &Input<'_>) -> bool {
    matches!(v, Input::Null) || matches!(v, Input::Str(s) if s.is_empty())
}

/// A list position as written in a name: a 1-based decimal without a
/// leading zero that fits in `u32`.
fn is_valid_position(seg: &[u8]) -> bool {
    !seg.is_empty()
        && seg.len() <= 10
        && seg[0] != b'0'
        && seg.iter().all(u8::is_ascii_digit)
        && seg.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0')) <= u64::from(u32::MAX)
}

/// Does `path` match a documented name whose `N` segments stand for list
/// positions (`KeyId.N`, `Arn.N.RoleType`)? `Some(true)` when it does and
/// every position is a valid 1-based index, `Some(false)` when a position is
/// malformed (`KeyId.0`, `KeyId.01`, `KeyId.-1`), `None` when it does not match.
/// Runs for every list field against every name: one pass over the bytes,
/// segment by segment, stopping at the first segment that differs.
pub fn match_pattern(pattern: &str, path: &str) -> Option<bool> {
    if pattern == path {
        // A name without `N` segments, or a literal `N` given as a name.
        return Some(!has_list_segment(pattern));
    }
    let first = pattern.as_bytes().first();
    if first != Some(&b'N') && first != path.as_bytes().first() {
        // Most names: a different first letter.
        return None;
    }
    let (mut p, mut q) = (pattern.as_bytes(), path.as_bytes());
    let mut valid = true;
    loop {
        let (pseg, prest) = split_segment(p);
        let (qseg, qrest) = split_segment(q);
        if pseg == b"N" {
            if qseg.is_empty() || !qseg.iter().all(|&b| b.is_ascii_digit() || b == b'-') {
                return None;
            }
            valid &= is_valid_position(qseg);
        } else if pseg != qseg {
            return None;
        }
        match (prest, qrest) {
            (None, None) => return Some(valid),
            (Some(pr), Some(qr)) => (p, q) = (pr, qr),
            _ => return None,
        }
    }
}

/// The first dot-separated segment of `s`, and what follows the dot if any.
fn split_segment(s: &[u8]) -> (&[u8], Option<&[u8]>) {
    match s.iter().position(|&b| b == b'.') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    }
}

/// Whether a documented name has an `N` (list position) segment.
pub const fn has_list_segment(name: &str) -> bool {
    // A `const` byte loop: the field tables compute it once, at compile time.
    let b = name.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'N' && (i == 0 || b[i - 1] == b'.') && (i + 1 == b.len() || b[i + 1] == b'.') {
            return true;
        }
        i += 1;
    }
    false
}
