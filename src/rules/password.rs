//! Password policies as data, one checker for all of them, and a generator
//! that only returns what the checker accepts.

use crate::issue::{Msg, Severity, Text};
use crate::options::Os;
use crate::rules::format::char_len;

/// Which character classes a password needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Classes {
    /// At least this many of: upper, lower, digit, special.
    AtLeast(usize),
    /// Upper, lower and digit, all three (Kingsoft).
    UpperLowerDigit,
}

/// What to do with characters that are neither letters, digits nor listed specials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Others {
    /// Refused: only the listed specials are allowed.
    Reject,
    /// "Other visible characters are supported" (Kingsoft): printable ASCII is
    /// fine, control characters are not, and space / non-ASCII are uncertain.
    VisibleAscii,
}

#[derive(Clone, Copy, Debug)]
pub struct PasswordPolicy {
    pub min: usize,
    pub max: usize,
    /// Special characters the document lists.
    pub specials: &'static str,
    /// Characters whose status the sources dispute: accepted, with a warning.
    pub disputed: &'static str,
    /// Which sources list them and which do not (said in the warning).
    pub disputed_why: Text,
    pub classes: Classes,
    pub others: Others,
    /// Prefixes a password must not start with, and whether only on Windows.
    pub forbidden_prefixes: &'static [(&'static str, bool)],
    /// Windows: no username, reversed username, or 3 consecutive characters of it.
    pub windows_username_rule: bool,
}

/// One thing wrong with a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub msg: Msg,
}

fn finding(rule: &'static str, severity: Severity, msg: Msg) -> Finding {
    Finding {
        rule,
        severity,
        msg,
    }
}

impl PasswordPolicy {
    fn is_special(&self, c: char) -> bool {
        has_char(self.specials, c) || has_char(self.disputed, c)
    }

    /// Checks `password` for `os` (None: unknown, OS-specific rules skipped).
    pub fn check(&self, password: &str, os: Option<Os>, username: Option<&str>) -> Vec<Finding> {
        let mut out = Vec::new();
        let len = char_len(password);
        if len < self.min || len > self.max {
            out.push(finding(
                "password.length",
                Severity::Error,
                Msg::PasswordLength {
                    min: self.min,
                    max: self.max,
                    actual: len,
                },
            ));
        }
        let (mut upper, mut lower, mut digit, mut special) = (false, false, false, false);
        let (mut bad, mut control, mut uncertain, mut disputed) = (false, false, false, false);
        for c in password.chars() {
            if c.is_ascii_uppercase() {
                upper = true;
            } else if c.is_ascii_lowercase() {
                lower = true;
            } else if c.is_ascii_digit() {
                digit = true;
            } else if self.is_special(c) {
                special = true;
                disputed |= has_char(self.disputed, c);
            } else {
                match self.others {
                    Others::Reject => bad = true,
                    Others::VisibleAscii if c.is_ascii_graphic() => special = true,
                    Others::VisibleAscii if c.is_control() => control = true,
                    Others::VisibleAscii => uncertain = true,
                }
            }
        }
        if bad {
            out.push(finding(
                "password.charset",
                Severity::Error,
                Msg::PasswordChars {
                    specials: self.specials,
                },
            ));
        }
        if control {
            out.push(finding(
                "password.charset",
                Severity::Error,
                Msg::PasswordNonVisible,
            ));
        }
        if uncertain {
            out.push(finding(
                "password.charset",
                Severity::Warning,
                Msg::PasswordOutsideVisible,
            ));
        }
        match self.classes {
            Classes::AtLeast(need) => {
                let have = [upper, lower, digit, special]
                    .iter()
                    .filter(|&&b| b)
                    .count();
                if have < need {
                    out.push(finding(
                        "password.classes",
                        Severity::Error,
                        Msg::PasswordClassesAtLeast {
                            need,
                            specials: self.specials,
                        },
                    ));
                }
            }
            Classes::UpperLowerDigit => {
                if !(upper && lower && digit) {
                    out.push(finding(
                        "password.classes",
                        Severity::Error,
                        Msg::PasswordClassesAll,
                    ));
                }
            }
        }
        for &(prefix, windows_only) in self.forbidden_prefixes {
            if (!windows_only || os == Some(Os::Windows)) && password.starts_with(prefix) {
                out.push(finding(
                    "password.prefix",
                    Severity::Error,
                    Msg::PasswordPrefix {
                        prefix,
                        windows_only,
                    },
                ));
            }
        }
        // A password far past `max` is refused for its length already; the
        // username scan (quadratic-ish on a megabyte) adds nothing to that.
        if self.windows_username_rule && os == Some(Os::Windows) && len <= 4 * self.max {
            if let Some(user) = username {
                if contains_username(password, user) {
                    out.push(finding(
                        "password.username",
                        Severity::Error,
                        Msg::PasswordUsername,
                    ));
                }
            }
        }
        if disputed {
            out.push(finding(
                "password.disputed_chars",
                Severity::Warning,
                Msg::PasswordDisputedChars {
                    chars: self.disputed,
                    why: self.disputed_why,
                },
            ));
        }
        out
    }

    /// A random password this policy accepts for `os`, from `random_u32`.
    /// Uses only the undisputed specials, and is 16 characters where allowed.
    pub fn generate(
        &self,
        os: Option<Os>,
        username: Option<&str>,
        random_u32: &mut dyn FnMut() -> u32,
    ) -> String {
        const UPPER: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const LOWER: &str = "abcdefghijkmnopqrstuvwxyz";
        const DIGIT: &str = "23456789";
        // Specials that are easy to type and need no quoting in a shell,
        // narrowed to what the policy lists (any visible one for Kingsoft).
        const SAFE: &str = "!@#%^*-_=+.:?";
        // All ASCII: bytes, not `char`s.
        let specials: Vec<u8> = SAFE
            .bytes()
            .filter(|&b| {
                let c = char::from(b);
                self.others == Others::VisibleAscii
                    || (has_char(self.specials, c) && !has_char(self.disputed, c))
            })
            .collect();
        let classes: [&[u8]; 4] = [
            UPPER.as_bytes(),
            LOWER.as_bytes(),
            DIGIT.as_bytes(),
            &specials,
        ];
        let mut all: Vec<u8> = Vec::new();
        for class in classes {
            all.extend_from_slice(class);
        }
        let len = 16.clamp(self.min, self.max);
        loop {
            let mut chars: Vec<u8> = Vec::with_capacity(len);
            for class in classes.iter().filter(|c| !c.is_empty()) {
                chars.push(class[uniform(random_u32, class.len())]);
            }
            while chars.len() < len {
                chars.push(all[uniform(random_u32, all.len())]);
            }
            for i in (1..chars.len()).rev() {
                let j = uniform(random_u32, i + 1);
                chars.swap(i, j);
            }
            let candidate: String = chars.iter().map(|&b| char::from(b)).collect();
            if self.check(&candidate, os, username).is_empty() {
                return candidate;
            }
        }
    }
}

/// `set.contains(c)` as a plain loop: `str::contains` with a non-ASCII `char`
/// pulls a substring searcher into the WebAssembly.
fn has_char(set: &str, c: char) -> bool {
    set.chars().any(|s| s == c)
}

/// Uniform integer in `0..n` by rejection sampling (no modulo bias).
fn uniform(random_u32: &mut dyn FnMut() -> u32, n: usize) -> usize {
    let n = n as u32;
    let zone = u32::MAX - (u32::MAX % n);
    loop {
        let r = random_u32();
        if r < zone {
            return (r % n) as usize;
        }
    }
}

/// Windows complexity rule: the username, its reverse, or any run of three
/// consecutive characters of it, compared without case.
pub fn contains_username(password: &str, username: &str) -> bool {
    // ASCII folding: the administrator names are ASCII, and full Unicode case
    // tables would cost the browser ~10 KB for nothing.
    let p: Vec<char> = password.chars().map(|c| c.to_ascii_lowercase()).collect();
    let u: Vec<char> = username.chars().map(|c| c.to_ascii_lowercase()).collect();
    if u.is_empty() {
        return false;
    }
    let contains = |needle: &[char]| p.windows(needle.len()).any(|w| w == needle);
    let reversed: Vec<char> = u.iter().rev().copied().collect();
    contains(&u) || contains(&reversed) || (u.len() >= 3 && u.windows(3).any(contains))
}
