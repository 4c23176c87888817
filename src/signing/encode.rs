//! Percent-encoding variants the schemes use. All of them are RFC 3986 with
//! upper-case hex; they differ only in which bytes stay literal.

/// The bytes a set keeps literal, one flag per byte value: one load per
/// byte (a `u128` bit set would cost a 128-bit shift call per byte in wasm).
type ByteSet = [bool; 256];

const fn byte_set(bytes: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// RFC 3986 unreserved characters: `A-Z a-z 0-9 - _ . ~`.
const UNRESERVED: ByteSet =
    byte_set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");
/// Unreserved plus `/` (canonical URI paths).
const UNRESERVED_AND_SLASH: ByteSet = {
    let mut set = UNRESERVED;
    set[b'/' as usize] = true;
    set
};

/// `%00%01…%FF`: every escape as a slice of one string, pushed without
/// per-character work.
const ESCAPES: &str = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    const BYTES: [u8; 768] = {
        let mut out = [0u8; 768];
        let mut b = 0;
        while b < 256 {
            out[3 * b] = b'%';
            out[3 * b + 1] = HEX[b >> 4];
            out[3 * b + 2] = HEX[b & 15];
            b += 1;
        }
        out
    };
    match core::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("ASCII"),
    }
};

/// Appends `s` percent-encoded: runs of kept bytes are copied whole, every
/// other byte becomes `%XX`. Only ASCII is kept literal.
fn push_encoded(out: &mut String, s: &str, keep: &ByteSet) {
    out.reserve(s.len());
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if keep[usize::from(b)] {
            continue;
        }
        // The run before `i` is ASCII, so both ends are char boundaries
        // (`get` only keeps the panicking slice path out of the wasm).
        if start < i {
            out.push_str(s.get(start..i).unwrap_or_default());
        }
        let at = 3 * usize::from(b);
        out.push_str(ESCAPES.get(at..at + 3).unwrap_or_default());
        start = i + 1;
    }
    if start < s.len() {
        out.push_str(s.get(start..).unwrap_or_default());
    }
}

/// [`rfc3986`] appended to `out`.
pub fn push_rfc3986(out: &mut String, s: &str) {
    push_encoded(out, s, &UNRESERVED);
}

/// Encodes every byte but the unreserved ones: space is `%20`, `*` is `%2A`, `~` stays.
pub fn rfc3986(s: &str) -> String {
    let mut out = String::new();
    push_rfc3986(&mut out, s);
    out
}

/// As [`rfc3986`] but `/` stays literal (canonical URI paths).
pub fn rfc3986_path(s: &str) -> String {
    let mut out = String::new();
    push_encoded(&mut out, s, &UNRESERVED_AND_SLASH);
    out
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
    // Most names and values have nothing to decode: one copy, no rebuild.
    if !bytes
        .iter()
        .any(|&b| b == b'%' || (plus_as_space && b == b'+'))
    {
        return s.to_string();
    }
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
