//! Percent-encoding variants the schemes use. All of them are RFC 3986 with
//! upper-case hex; they differ only in which bytes stay literal.

/// RFC 3986 unreserved characters: `A-Z a-z 0-9 - _ . ~`.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn encode_with(s: &str, keep: impl Fn(u8) -> bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // Bytes, not `String::push` per char; only ASCII is kept literal, so the
    // output is ASCII.
    let mut out = Vec::with_capacity(s.len());
    for &b in s.as_bytes() {
        if keep(b) && b.is_ascii() {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Encodes every byte but the unreserved ones: space is `%20`, `*` is `%2A`, `~` stays.
pub fn rfc3986(s: &str) -> String {
    encode_with(s, is_unreserved)
}

/// As [`rfc3986`] but `/` stays literal (canonical URI paths).
pub fn rfc3986_path(s: &str) -> String {
    encode_with(s, |b| is_unreserved(b) || b == b'/')
}

/// Decodes `%XX` escapes; with `plus_as_space`, `+` becomes a space
/// (form and query decoding). Malformed escapes stay as they are, and invalid
/// UTF-8 is replaced, so decoding never fails.
pub fn percent_decode(s: &str, plus_as_space: bool) -> String {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_as_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
