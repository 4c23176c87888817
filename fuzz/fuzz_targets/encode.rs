//! The percent encoders and decoder, the URL and query parsers and the
//! timestamp parsers on arbitrary text.
//! Checks: no panic; encode→decode round-trips; encoders write only
//! unreserved bytes and `%XX`; a parsed timestamp formats back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reinstall_kit::signing::encode::{percent_decode, rfc3986, rfc3986_path};
use reinstall_kit::signing::url::{parse_query, ParsedUrl};
use reinstall_kit::signing::Timestamp;

fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn well_encoded(s: &str, extra: u8) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| c.is_ascii_digit() || (b'A'..=b'F').contains(&c);
            if i + 2 >= b.len() || !hex(b[i + 1]) || !hex(b[i + 2]) {
                return false;
            }
            i += 3;
        } else if unreserved(b[i]) || b[i] == extra {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        // Bytes that are not UTF-8 still decode (lossily) without a panic.
        let lossy = String::from_utf8_lossy(data);
        let _ = percent_decode(&lossy, true);
        return;
    };

    let e = rfc3986(s);
    assert!(well_encoded(&e, 0), "rfc3986 wrote {e:?}");
    assert_eq!(percent_decode(&e, false), s);
    assert_eq!(percent_decode(&e, true), s);
    let p = rfc3986_path(s);
    assert!(well_encoded(&p, b'/'), "rfc3986_path wrote {p:?}");
    assert_eq!(percent_decode(&p, false), s);
    // Encoding is idempotent on its own output's alphabet after one decode.
    assert_eq!(rfc3986(&percent_decode(&e, false)), e);

    let d = percent_decode(s, true);
    assert!(d.len() <= s.len() + 2 * s.len(), "decode grew too much");
    let _ = percent_decode(s, false);

    if let Some(u) = ParsedUrl::parse(s) {
        assert!(!u.host.is_empty());
        assert!(u.path.starts_with('/') || !u.path.is_empty());
        let _ = u.host_header();
        let _ = u.origin();
        // Re-encoding the pairs and parsing them again gives the same pairs.
        let query = u
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
            .collect::<Vec<_>>()
            .join("&");
        let again: Vec<(String, String)> = parse_query(&query)
            .into_iter()
            .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
            .collect();
        let original: Vec<(String, String)> = u
            .query
            .iter()
            .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
            .cloned()
            .collect();
        assert_eq!(again, original);
    }
    let _ = parse_query(s);

    if let Some(t) = Timestamp::parse_rfc3339(s) {
        assert!((1..=12).contains(&t.month) && (1..=31).contains(&t.day));
        assert!(t.hour < 24 && t.minute < 60 && t.second < 60);
        assert_eq!(Timestamp::parse_rfc3339(&t.iso8601()), Some(t));
        assert_eq!(t.iso8601_basic().len(), 16);
        assert_eq!(t.date_basic().len(), 8);
    }
    if data.len() >= 8 {
        let ms = f64::from_le_bytes(data[..8].try_into().unwrap());
        if let Some(t) = Timestamp::from_unix_millis(ms) {
            assert_eq!(Timestamp::parse_rfc3339(&t.iso8601()), Some(t));
        }
        let ms = u64::from_le_bytes(data[..8].try_into().unwrap()) % 253_402_300_800_000;
        let t = Timestamp::from_unix_millis(ms as f64).expect("in range");
        assert_eq!(Timestamp::parse_rfc3339(&t.iso8601()), Some(t));
    }
});
