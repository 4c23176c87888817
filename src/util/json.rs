//! JSON text written by hand: smaller WebAssembly than building values, and
//! the same bytes serde_json (or Python's `json.dumps`, for SDK bodies) writes.

/// A JSON string literal, escaped as serde_json escapes it.
pub fn push_json_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none needs escaping: most text has none,
        // and every answer (signatures, URLs, canonical requests) goes through here.
        if let Some(chunk) = bytes[i..].first_chunk::<8>() {
            if !any_needs_escape(u64::from_le_bytes(*chunk)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `b` is ASCII, so both ends of the plain run before it are char boundaries.
        out.push_str(s.get(start..i - 1).unwrap_or_default());
        start = i;
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(short);
        }
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Whether one of the 8 bytes in `w` is a control character, `"` or `\`
/// (the "has a byte less than n" and "has a zero byte" word tricks; exact).
fn any_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = has_zero(w ^ (ONES * u64::from(b'"')));
    let backslash = has_zero(w ^ (ONES * u64::from(b'\\')));
    (control | quote | backslash) & HIGH != 0
}

/// A number in decimal, as `{}` writes it.
pub fn push_decimal(s: &mut String, negative: bool, mut v: u64) {
    if negative {
        s.push('-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        s.push(char::from(d));
    }
}

/// `key` (with its quotes, comma and colon) and a boolean.
pub fn push_key_bool(out: &mut String, key: &str, value: bool) {
    out.push_str(key);
    out.push_str(if value { "true" } else { "false" });
}

/// Python's `json.dumps` text for a string (ASCII-only, `\uXXXX` escapes), as
/// the Python SDKs put it in request bodies.
pub fn py_json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_py_json_string(&mut out, s);
    out
}

/// [`py_json_string`] appended to `out`: runs of printable ASCII are copied
/// whole, only what needs escaping is handled character by character.
fn push_py_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run = 0; // start of the pending run of plain bytes
    for (i, c) in s.char_indices() {
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            ' '..='~' => continue,
            _ => "",
        };
        // Both ends are char boundaries (`get` keeps the panicking path out).
        out.push_str(s.get(run..i).unwrap_or_default());
        run = i + c.len_utf8();
        if !short.is_empty() {
            out.push_str(short);
            continue;
        }
        let mut units = [0u16; 2];
        for &unit in c.encode_utf16(&mut units).iter() {
            out.push_str("\\u");
            for shift in [12, 8, 4, 0] {
                out.push(char::from(HEX[usize::from((unit >> shift) & 15)]));
            }
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Python's `json.dumps` of an object whose members are already JSON text,
/// keeping their order (`{"a": 1, "b": 2}`).
pub fn py_json_object(members: &[(&str, String)]) -> String {
    let len: usize = members.iter().map(|(k, v)| k.len() + v.len() + 6).sum();
    let mut out = String::with_capacity(len + 2);
    out.push('{');
    for (i, (k, v)) in members.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_py_json_string(&mut out, k);
        out.push_str(": ");
        out.push_str(v);
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::{py_json_object, py_json_string};

    #[test]
    fn python_json_dumps_text() {
        // Expected texts from CPython's json.dumps.
        for (input, expected) in [
            ("", r#""""#),
            ("plain", r#""plain""#),
            ("a\"b\\c", r#""a\"b\\c""#),
            ("line\nnext\r\t\u{8}\u{c}", r#""line\nnext\r\t\b\f""#),
            ("\u{0}\u{1f}\u{7f}", r#""\u0000\u001f\u007f""#),
            ("中文", r#""\u4e2d\u6587""#),
            ("emoji 😀!", r#""emoji \ud83d\ude00!""#),
            ("é~ ", r#""\u00e9~ ""#),
        ] {
            assert_eq!(py_json_string(input), expected, "{input:?}");
        }
        let inner = py_json_object(&[
            ("adminpass", py_json_string("x\"y")),
            ("imageid", py_json_string("中")),
        ]);
        assert_eq!(
            py_json_object(&[("os-change", inner)]),
            r#"{"os-change": {"adminpass": "x\"y", "imageid": "\u4e2d"}}"#
        );
        assert_eq!(py_json_object(&[]), "{}");
    }
}
