//! Signing time: parsed once from RFC 3339 (UTC), formatted the ways each scheme wants.
//! No clock is read here: the caller passes the instant in.

use core::fmt;

/// A UTC instant with one-second precision, as every scheme here signs it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso8601())
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or `+00:00`). Other offsets are refused
    /// rather than converted: a signing time must be unambiguous.
    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return None;
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let frac = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if frac == 0 {
                return None;
            }
            rest = &rest[1 + frac..];
        }
        if !(rest == b"Z" || rest == b"z" || rest == b"+00:00" || rest == b"-00:00") {
            return None;
        }
        Timestamp::from_digits([
            &b[0..4],
            &b[5..7],
            &b[8..10],
            &b[11..13],
            &b[14..16],
            &b[17..19],
        ])
    }

    /// Parses `YYYYMMDDTHHMMSSZ`, the form SigV4's `X-Amz-Date` and Huawei's
    /// `X-Sdk-Date` carry (Python's `%Y%m%dT%H%M%SZ`, digits only).
    pub fn parse_iso8601_basic(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
            return None;
        }
        Timestamp::from_digits([
            &b[0..4],
            &b[4..6],
            &b[6..8],
            &b[9..11],
            &b[11..13],
            &b[13..15],
        ])
    }

    /// Year, month, day, hour, minute, second as ASCII digits; `None`
    /// unless each is all digits and together they name a real instant.
    fn from_digits(fields: [&[u8]; 6]) -> Option<Timestamp> {
        let [year, month, day, hour, minute, second] = fields;
        let t = Timestamp {
            year: u16::try_from(digits(year)?).ok()?,
            month: u8::try_from(digits(month)?).ok()?,
            day: u8::try_from(digits(day)?).ok()?,
            hour: u8::try_from(digits(hour)?).ok()?,
            minute: u8::try_from(digits(minute)?).ok()?,
            second: u8::try_from(digits(second)?).ok()?,
        };
        let valid = (1..=12).contains(&t.month)
            && t.day >= 1
            && t.day <= days_in_month(t.year, t.month)
            && t.hour < 24
            && t.minute < 60
            && t.second < 60;
        valid.then_some(t)
    }

    /// From milliseconds since the Unix epoch (what `Date.now()` gives).
    pub fn from_unix_millis(ms: f64) -> Option<Timestamp> {
        if !(0.0..=253_402_300_799_000.0).contains(&ms) {
            return None;
        }
        let secs = (ms / 1000.0).floor() as i64;
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400);
        // Civil-from-days (Howard Hinnant), valid for the whole proleptic Gregorian range used here.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Timestamp {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            hour: (sod / 3600) as u8,
            minute: (sod % 3600 / 60) as u8,
            second: (sod % 60) as u8,
        })
    }

    /// The fields, zero-padded, from the year on, each followed by its
    /// separator in `seps` (as many fields as separators). `format!` with
    /// `{:02}` costs several times more, and this runs on every signature.
    fn joined(&self, seps: &[&str]) -> String {
        let fields = [
            (u32::from(self.year), 1000),
            (u32::from(self.month), 10),
            (u32::from(self.day), 10),
            (u32::from(self.hour), 10),
            (u32::from(self.minute), 10),
            (u32::from(self.second), 10),
        ];
        let mut out = Vec::with_capacity(20);
        for (&(n, mut unit), sep) in fields.iter().zip(seps) {
            while unit > 0 {
                out.push(b'0' + (n / unit % 10) as u8);
                unit /= 10;
            }
            out.extend_from_slice(sep.as_bytes());
        }
        String::from_utf8(out).unwrap_or_default()
    }

    /// `20240102T030405Z` (SigV4, Huawei SDK, Volcengine).
    pub fn iso8601_basic(&self) -> String {
        self.joined(&["", "", "T", "", "", "Z"])
    }

    /// `2024-01-02T03:04:05Z` (Alibaba `Timestamp`, `x-acs-date`).
    pub fn iso8601(&self) -> String {
        self.joined(&["-", "-", "T", ":", ":", "Z"])
    }

    /// `20240102` (credential scope date).
    pub fn date_basic(&self) -> String {
        self.joined(&["", "", ""])
    }
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn basic_dates() {
        let basic = |s| Timestamp::parse_iso8601_basic(s).map(|t| t.iso8601_basic());
        assert_eq!(
            basic("20240506T070809Z").as_deref(),
            Some("20240506T070809Z")
        );
        assert_eq!(basic("20241306T070809Z"), None);
        assert_eq!(basic(" 20240506T070809Z"), None);
        assert_eq!(basic("2024-05-06T07:08"), None);
        assert_eq!(basic("２０２40506T07080"), None);
        assert_eq!(basic("20240230T070809Z"), None);
    }
}
