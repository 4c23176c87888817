//! The parts of an absolute URL the signers need: scheme, host (with port),
//! path, and the query as decoded pairs in their original order.

use super::encode::percent_decode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    pub scheme: String,
    /// Host as it appears in the URL, with `:port` when one is written.
    pub host: String,
    /// Raw (still percent-encoded) path, `/` when empty.
    pub path: String,
    /// Decoded query pairs in URL order; a key without `=` has an empty value.
    pub query: Vec<(String, String)>,
}

/// `s` around the first `sep`, as `str::split_once` does. Bytes and `get`
/// rather than `split_once`: no string searcher and no panicking slice path
/// in the wasm (about 4 KB together).
pub fn split_around<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let sep = sep.as_bytes();
    let at = s.as_bytes().windows(sep.len()).position(|w| w == sep)?;
    Some((s.get(..at)?, s.get(at + sep.len()..)?))
}

/// `(scheme, rest)` around the first `://`.
pub fn split_scheme(url: &str) -> Option<(&str, &str)> {
    split_around(url, "://")
}

/// The URL's netloc exactly as written (case, port and all), what Python's
/// `urlsplit(url).netloc` gives: what the kscore and Huawei SDKs sign.
pub(super) fn raw_authority(url: &str) -> Option<&str> {
    let (_, rest) = split_scheme(url)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    rest.get(..end).filter(|a| !a.is_empty())
}

impl ParsedUrl {
    pub fn parse(url: &str) -> Option<ParsedUrl> {
        let (scheme, rest) = split_scheme(url)?;
        if scheme.is_empty()
            || !scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
        {
            return None;
        }
        let rest = rest.split('#').next().unwrap_or("");
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (host, after) = (rest.get(..authority_end)?, rest.get(authority_end..)?);
        if host.is_empty()
            || host.contains('@')
            || host
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        {
            return None;
        }
        let (path, query) = match after.split_once('?') {
            Some((p, q)) => (p, q),
            None => (after, ""),
        };
        Some(ParsedUrl {
            scheme: scheme.to_ascii_lowercase(),
            host: host.to_ascii_lowercase(),
            path: if path.is_empty() {
                "/".to_string()
            } else {
                path.to_string()
            },
            query: parse_query(query),
        })
    }

    /// The host without a default port for the scheme (what `Host:` carries).
    pub fn host_header(&self) -> String {
        let default = match self.scheme.as_str() {
            "https" => ":443",
            "http" => ":80",
            _ => "",
        };
        match self.host.strip_suffix(default) {
            Some(h) if !default.is_empty() => h.to_string(),
            _ => self.host.clone(),
        }
    }

    /// `scheme://host` without path or query.
    pub fn origin(&self) -> String {
        let mut out = String::with_capacity(self.scheme.len() + 3 + self.host.len());
        self.push_origin(&mut out);
        out
    }

    /// [`ParsedUrl::origin`] appended to `out`.
    pub fn push_origin(&self, out: &mut String) {
        out.push_str(&self.scheme);
        out.push_str("://");
        out.push_str(&self.host);
    }
}

/// Decodes `a=1&b=%20&c` into pairs, keeping order and repeats.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (percent_decode(k, true), percent_decode(v, true)),
            None => (percent_decode(pair, true), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::raw_authority;

    #[test]
    fn authority_as_written() {
        assert_eq!(
            raw_authority("https://KEC.api.ksyun.com:443/?a=1"),
            Some("KEC.api.ksyun.com:443")
        );
        assert_eq!(raw_authority("https://h?x"), Some("h"));
        assert_eq!(raw_authority("https:///x"), None);
    }
}
