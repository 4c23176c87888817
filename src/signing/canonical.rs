//! Request-shaping pieces every scheme may use, HMAC-SHA256 or not: header
//! look-ups and edits, value trimming, query sorting and `k=v&…` joining.
//! Each scheme chooses which it applies; one copy of each in the wasm.

use super::encode::push_rfc3986;
use super::url::ParsedUrl;

type Pair = (String, String);

/// HTTP optional whitespace around a field value (RFC 9110 §5.5): never part
/// of the value, so it is neither signed nor sent.
pub(super) fn trim_ows(value: &str) -> &str {
    value.trim_matches(|c| c == ' ' || c == '\t')
}

/// Python's `str.strip()`: Unicode white space plus U+001C..U+001F, which
/// Python counts as space and Rust's `char::is_whitespace` does not (the
/// kscore and Huawei SDKs strip header values so).
pub(super) fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// The first header with this name, in any case.
pub(super) fn find_first<'a>(headers: &'a [Pair], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The last header with this name, in any case (a dict that keeps the last).
pub(super) fn find_last<'a>(headers: &'a [Pair], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Pairs sorted by name only, stably: repeated names keep their order.
pub(super) fn sorted_by_name(pairs: &[Pair]) -> Vec<&Pair> {
    let mut sorted: Vec<&Pair> = pairs.iter().collect();
    crate::util::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    sorted
}

/// Pairs sorted by (name, value), byte order (Python's code-point order).
pub(super) fn sorted_by_pair(pairs: &[Pair]) -> Vec<&Pair> {
    let mut sorted: Vec<&Pair> = pairs.iter().collect();
    crate::util::sort::sort_by(&mut sorted, |a, b| a.cmp(b));
    sorted
}

/// Appends `k=v&…` in the given order; with `encode`, both sides RFC
/// 3986-encoded. A `dyn` iterator: one copy in the wasm for every caller.
pub(crate) fn push_pairs(out: &mut String, pairs: &mut dyn Iterator<Item = &Pair>, encode: bool) {
    for (i, (k, v)) in pairs.enumerate() {
        if i > 0 {
            out.push('&');
        }
        if encode {
            push_rfc3986(out, k);
            out.push('=');
            push_rfc3986(out, v);
        } else {
            out.push_str(k);
            out.push('=');
            out.push_str(v);
        }
    }
}

/// `k=v&…` in the given order; with `encode`, both sides RFC 3986-encoded.
pub(super) fn join_pairs(pairs: &[&Pair], encode: bool) -> String {
    let mut out = String::new();
    push_pairs(&mut out, &mut pairs.iter().copied(), encode);
    out
}

/// The caller's headers without a stale `Authorization`, values trimmed of
/// optional whitespace (what ACS3 and Volcengine sign and send).
pub(super) fn trimmed_headers(headers: &[Pair]) -> Vec<Pair> {
    headers
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("authorization"))
        .map(|(k, v)| (k.clone(), trim_ows(v).to_string()))
        .collect()
}

/// Adds a header the scheme sets itself unless the caller already gave it
/// (in any case); the caller's value is then used as given.
pub(super) fn add_missing(headers: &mut Vec<Pair>, name: &str, value: String) {
    if find_first(headers, name).is_none() {
        headers.push((name.to_string(), value));
    }
}

/// Sets a header the scheme owns over what the caller gave under that name
/// (in any case): in the caller's place, as the SDKs' dict assignment keeps
/// it; appended when not given.
pub(super) fn replace(headers: &mut Vec<Pair>, name: &str, value: String) {
    let same = |h: &Pair| h.0.eq_ignore_ascii_case(name);
    let Some(at) = headers.iter().position(same) else {
        headers.push((name.to_string(), value));
        return;
    };
    headers[at] = (name.to_string(), value);
    // Later spellings of the same name would be sent too: dropped.
    while let Some(extra) = headers.iter().skip(at + 1).position(same) {
        headers.remove(at + 1 + extra);
    }
}

/// `scheme://host/path`, with `?query` when there is one.
pub(super) fn url_with_query(url: &ParsedUrl, query: &str) -> String {
    let mut out = String::with_capacity(
        url.scheme.len() + 3 + url.host.len() + url.path.len() + 1 + query.len(),
    );
    url.push_origin(&mut out);
    out.push_str(&url.path);
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::py_strip;

    #[test]
    fn strip_like_python() {
        assert_eq!(py_strip("\u{1f} a  b \u{3000}"), "a  b");
        assert_eq!(py_strip("\u{200b}x"), "\u{200b}x");
    }
}
