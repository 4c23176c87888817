//! Value formats written as plain Rust (no regex engine: it would cost the
//! browser ~20–200 KB for patterns this simple).

/// `8-4-4-4-12` hex digits, either case.
pub fn is_uuid(s: &str) -> bool {
    uuid_shape(s, |b| b.is_ascii_hexdigit())
}

/// `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$` exactly
/// (Kingsoft's documented pattern: lower-case only).
pub fn is_uuid_lowercase(s: &str) -> bool {
    uuid_shape(s, |b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn uuid_shape(s: &str, hex: impl Fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => hex(c),
        })
}

/// Standard Base64 (RFC 4648 §4) with padding, as the APIs decode it.
pub fn is_base64(s: &str) -> bool {
    use base64::Engine as _;
    !s.is_empty() && base64::engine::general_purpose::STANDARD.decode(s).is_ok()
}

pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}

/// Safe as one URL path segment: no separators, whitespace or controls, and
/// not `.` or `..` (HTTP clients resolve those, so another path would be
/// sent than the one signed).
pub fn is_path_segment(s: &str) -> bool {
    if s == "." || s == ".." {
        return false;
    }
    if s.is_ascii() {
        // The usual case, byte by byte: ASCII whitespace and controls are
        // exactly the bytes up to space, and DEL.
        return !s
            .bytes()
            .any(|b| matches!(b, b'/' | b'?' | b'#' | b'%' | b'\\') || b <= b' ' || b == 0x7f);
    }
    !s.chars()
        .any(|c| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control())
}

pub fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// Length as the providers count it: characters, not bytes.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}
