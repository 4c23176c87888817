//! Lower-case hex, for digests and UUIDs.

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Bytes, not `String::push` per char (a call each at opt-level "z").
    let mut s = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(HEX[usize::from(b >> 4)]);
        s.push(HEX[usize::from(b & 15)]);
    }
    String::from_utf8(s).unwrap_or_default()
}
