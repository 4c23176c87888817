//! The engine that runs a provider's table over the flattened input: types,
//! per-field checks, list positions, unknown names; then the provider's
//! cross-field rules over the typed [`Values`].

use serde_json::Value;

use crate::input::Input;

use crate::issue::{Issue, Locale, Msg, Report, Severity, Text, TypeName};
use crate::options::Options;
use crate::params::{is_absent, match_pattern, Params};
use crate::rules::format;
use crate::schema::{Check, Field, Kind, Rule, Status};
use crate::schema::{Got, Operation, Provider, Values};

/// Validates `input` against `provider`: every issue, in a stable order.
pub fn validate(
    provider: &Provider,
    op: &Operation,
    input: &Value,
    options: &Options,
) -> Vec<Issue> {
    validate_input(provider, op, &Input::from_value(input), options)
}

/// [`validate`] of parameters read by [`Input::from_text`].
pub fn validate_input(
    provider: &Provider,
    op: &Operation,
    input: &Input<'_>,
    options: &Options,
) -> Vec<Issue> {
    let mut report = Report::new(options.locale);
    check_into(provider, op, input, options, &mut report);
    report.issues
}

/// As [`validate`], keeping the typed values for the request builder.
pub fn check_into<'a>(
    provider: &Provider,
    op: &Operation,
    input: &'a Input<'a>,
    options: &Options,
    report: &mut Report,
) -> Values<'a> {
    if options.os_invalid {
        report.error(
            "options.os",
            "options.os",
            None,
            Msg::Enum {
                allowed: &["linux", "windows"],
            },
        );
    }
    let params = Params::read(input, op.malformed_code, report);
    let mut values = Values::default();
    for (name, expected) in op.fixed {
        match params.get(name) {
            None | Some(Input::Null) => {}
            Some(Input::Str(s)) if s == expected => {}
            Some(_) => report.error(
                name,
                "fixed",
                None,
                Msg::Enum {
                    allowed: core::slice::from_ref(expected),
                },
            ),
        }
    }
    for field in op.fields {
        let got = if field.is_list() {
            read_list(field, &params, options, report)
        } else {
            read_single(field, &params, options, report)
        };
        if let Some(got) = got {
            status_issue(provider, field, report);
            values.push(field.name, got);
        }
    }
    report_unknown(op, &params, report);
    (op.cross)(&values, options, report);
    values
}

fn status_issue(provider: &Provider, field: &Field, report: &mut Report) {
    match field.status {
        Status::Public | Status::Hidden => {}
        Status::Deprecated(instead) => {
            report.warning(field.name, "deprecated", None, Msg::Deprecated { instead })
        }
        Status::NotPublic => report.warning(field.name, "not_public", None, Msg::NotPublic),
        Status::Unsupported => report.error(
            field.name,
            "unsupported",
            field.code,
            Msg::NotSupportedHere {
                provider: provider.name,
            },
        ),
    }
}

fn read_single<'a>(
    field: &Field,
    params: &Params<'a>,
    options: &Options,
    report: &mut Report,
) -> Option<Got<'a>> {
    let value = params.read_field(field.name).filter(|v| !is_absent(v));
    let Some(value) = value else {
        // A container given only through flat dotted names (`"os-change.imageid"`)
        // is present: DESIGN.md accepts flat and nested forms alike.
        if field.kind == Kind::Object && has_children(params, field.name) {
            return Some(Got::Object);
        }
        if field.required {
            report.error(field.name, "required", field.missing_code, Msg::Required);
        }
        return None;
    };
    let got = read_typed(field, field.name, value, report);
    if !matches!(got, Got::Invalid) {
        apply_checks(field, field.name, &got, options, report);
    }
    Some(got)
}

fn has_children(params: &Params<'_>, name: &str) -> bool {
    params.entries.iter().any(|e| {
        e.path
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

fn read_list<'a>(
    field: &Field,
    params: &Params<'a>,
    options: &Options,
    report: &mut Report,
) -> Option<Got<'a>> {
    let base = field.list_base();
    if let Some(v) = params.get(base) {
        // Once per list, not once per member of a list of structs (`Arn.N.*`).
        if !matches!(v, Input::Array(_) | Input::Object(_) | Input::Null)
            && !report.has_error_of(base, "type")
        {
            report.error(
                base,
                "type",
                field.code,
                Msg::WrongType {
                    expected: TypeName::List,
                },
            );
        }
    }
    let mut items = Vec::new();
    for entry in &params.entries {
        let Some(valid) = match_pattern(field.name, &entry.path) else {
            continue;
        };
        entry.covered.set(true);
        if is_absent(entry.value) {
            continue;
        }
        if !valid {
            report.error(&entry.path, "list.index", field.code, Msg::ListIndex);
            continue;
        }
        let got = read_typed(field, &entry.path, entry.value, report);
        if !matches!(got, Got::Invalid) {
            apply_checks(field, &entry.path, &got, options, report);
        }
        items.push((entry.path.clone(), got));
    }
    if items.is_empty() {
        if field.required {
            report.error(field.name, "required", field.missing_code, Msg::Required);
        }
        return None;
    }
    let first_positions = list_positions(params, base);
    if first_positions
        .iter()
        .enumerate()
        .any(|(i, &p)| p as usize != i + 1)
    {
        report.error(field.name, "list.gap", field.code, Msg::ListGap);
    }
    for check in field.checks.iter().filter(|c| c.rule.is_list_level()) {
        let broken = match check.rule {
            Rule::MaxItems(max) if items.len() > max => {
                Some(("list.max_items", Msg::ListMaxItems { max }))
            }
            Rule::Distinct if has_duplicates(&items) => Some(("list.distinct", Msg::ListDuplicate)),
            _ => None,
        };
        if let Some((rule, msg)) = broken {
            push(report, field, check, field.name, rule, msg);
        }
    }
    Some(Got::List(items))
}

/// The item positions given for the list `base`, sorted. Counted over every
/// member: an item of a list of structs may carry only some of them
/// (`Arn.1.RoleType` with `Arn.2.Rolearn` has no gap).
fn list_positions(params: &Params<'_>, base: &str) -> Vec<u32> {
    let mut out: Vec<u32> = params
        .entries
        .iter()
        .filter(|e| !e.is_container() && !is_absent(e.value))
        .filter_map(|e| {
            let seg = e
                .path
                .strip_prefix(base)?
                .strip_prefix('.')?
                .split('.')
                .next()?;
            if seg.starts_with('0') || !seg.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            seg.parse::<u32>().ok()
        })
        .collect();
    crate::util::sort::sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

fn has_duplicates(items: &[(String, Got<'_>)]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, (_, a))| items[..i].iter().any(|(_, b)| b == a))
}

fn read_typed<'a>(field: &Field, name: &str, value: &'a Input<'a>, report: &mut Report) -> Got<'a> {
    let got = match (field.kind, value) {
        (Kind::String, Input::Str(s)) => Some(Got::Str(s)),
        (Kind::String, Input::Bool(_)) if field.string_bool => {
            report.error(name, "type", field.code, Msg::BooleanAsString);
            return Got::Invalid;
        }
        (Kind::Integer, v) => match read_integer(v) {
            IntegerGiven::Value(n) => Some(Got::Int(n)),
            IntegerGiven::OutOfRange { negative } => {
                report_out_of_range(field, name, negative, report);
                return Got::Invalid;
            }
            IntegerGiven::NotAnInteger => None,
        },
        (Kind::Boolean, Input::Bool(b)) => Some(Got::Bool(*b)),
        // Query transports carry booleans as text: `true`/`false`, any case only
        // where the document says so (RULES A24 vs K16, V12).
        (Kind::Boolean, Input::Str(s)) if is_bool_text(field, s, "true") => Some(Got::Bool(true)),
        (Kind::Boolean, Input::Str(s)) if is_bool_text(field, s, "false") => Some(Got::Bool(false)),
        (Kind::Object, Input::Object(_)) => Some(Got::Object),
        _ => None,
    };
    got.unwrap_or_else(|| {
        let expected = match field.kind {
            Kind::String => TypeName::String,
            Kind::Integer => TypeName::Integer,
            Kind::Boolean => TypeName::Boolean,
            Kind::Object => TypeName::Object,
        };
        report.error(name, "type", field.code, Msg::WrongType { expected });
        Got::Invalid
    })
}

fn is_bool_text(field: &Field, s: &str, word: &str) -> bool {
    s == word || (field.bool_any_case && s.eq_ignore_ascii_case(word))
}

/// What an integer field was given.
enum IntegerGiven {
    Value(i64),
    /// An integer, but beyond `i64` (JSON allows any size): certainly past
    /// every bound, so not reported as a wrong type.
    OutOfRange {
        negative: bool,
    },
    NotAnInteger,
}

/// JSON integers, integral floats, and decimal strings (the query transport).
fn read_integer(v: &Input<'_>) -> IntegerGiven {
    // 2^63 as an f64: integral floats in [-2^63, 2^63) convert exactly.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    match v {
        Input::Int(n) => IntegerGiven::Value(*n),
        Input::UInt(_) => IntegerGiven::OutOfRange { negative: false },
        Input::Float(f) if f.fract() != 0.0 || f.is_nan() => IntegerGiven::NotAnInteger,
        Input::Float(f) if (-LIMIT..LIMIT).contains(f) => IntegerGiven::Value(*f as i64),
        Input::Float(f) => IntegerGiven::OutOfRange { negative: *f < 0.0 },
        Input::Str(s) => {
            let digits = s.strip_prefix('-').unwrap_or(s);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return IntegerGiven::NotAnInteger;
            }
            s.parse().map_or(
                IntegerGiven::OutOfRange {
                    negative: digits.len() < s.len(),
                },
                IntegerGiven::Value,
            )
        }
        _ => IntegerGiven::NotAnInteger,
    }
}

/// An integer beyond `i64`: an error in every case (no API takes such a
/// value), said against the field's hard bound where it has one; where its
/// bound is only advised (a warning), [`Msg::IntegerRange`] with that
/// bound's code.
fn report_out_of_range(field: &Field, name: &str, negative: bool, report: &mut Report) {
    // The loosest bound on that side: the hard limit where a tighter one is a warning.
    let bound = field
        .checks
        .iter()
        .filter_map(|c| match c.rule {
            Rule::Maximum(max) if !negative => Some((c, max, Msg::Maximum { max })),
            Rule::Minimum(min) if negative => Some((c, -min, Msg::Minimum { min })),
            _ => None,
        })
        .max_by_key(|&(_, loosest, _)| loosest);
    match bound {
        Some((check, _, msg)) if check.severity == Severity::Error => {
            push(report, field, check, name, "range", msg)
        }
        Some((check, _, _)) => {
            report.error(name, "range", check.code.or(field.code), Msg::IntegerRange)
        }
        None => report.error(name, "range", field.code, Msg::IntegerRange),
    }
}

fn push(
    report: &mut Report,
    field: &Field,
    check: &Check,
    name: &str,
    rule: &'static str,
    msg: Msg,
) {
    let message = match check.note {
        // A hint's note is its whole message.
        Some(note) if !check.refused => note.get(report.locale).to_string(),
        Some(note) => {
            let mut message = msg.render(report.locale);
            // Chinese sentences end in a full-width mark and take no space.
            if report.locale != Locale::Zh {
                message.push(' ');
            }
            message.push_str(note.get(report.locale));
            message
        }
        None => msg.render(report.locale),
    };
    report.issues.push(Issue {
        field: name.to_string(),
        rule,
        code: if check.refused {
            check.code.or(field.code)
        } else {
            None
        },
        severity: check.severity,
        message,
    });
}

/// The checks of the operation's parameter `param` on a value given elsewhere
/// (`context.clientToken` for `ClientToken`), reported under `shown_as`.
pub(crate) fn check_as(
    op: &Operation,
    param: &str,
    value: &str,
    shown_as: &str,
    options: &Options,
    report: &mut Report,
) {
    if let Some(field) = op.fields.iter().find(|f| f.name == param) {
        apply_checks(field, shown_as, &Got::Str(value), options, report);
    }
}

fn apply_checks(field: &Field, name: &str, got: &Got<'_>, options: &Options, report: &mut Report) {
    for check in field.checks.iter().filter(|c| !c.rule.is_list_level()) {
        let broken: Option<(&'static str, Msg)> = match (check.rule, got) {
            (Rule::Length { min, max }, Got::Str(s)) => {
                let n = format::char_len(s);
                (n < min || n > max).then_some((
                    "length",
                    Msg::Length {
                        min,
                        max,
                        actual: n,
                    },
                ))
            }
            (Rule::MaxLength(max), Got::Str(s)) => {
                let n = format::char_len(s);
                (n > max).then_some(("length", Msg::MaxLength { max, actual: n }))
            }
            (Rule::ExactLength(len), Got::Str(s)) => {
                let n = format::char_len(s);
                (n != len).then_some(("length", Msg::ExactLength { len, actual: n }))
            }
            (Rule::Minimum(min), Got::Int(n)) => {
                (*n < min).then_some(("range", Msg::Minimum { min }))
            }
            (Rule::Maximum(max), Got::Int(n)) => {
                (*n > max).then_some(("range", Msg::Maximum { max }))
            }
            (Rule::OneOf(allowed), Got::Str(s)) => {
                (!allowed.contains(s)).then_some(("enum", Msg::Enum { allowed }))
            }
            (Rule::Uuid, Got::Str(s)) => {
                (!format::is_uuid(s)).then_some(("format.uuid", Msg::Uuid))
            }
            (Rule::UuidLowercase, Got::Str(s)) => {
                (!format::is_uuid_lowercase(s)).then_some(("format.uuid", Msg::UuidLowercase))
            }
            (Rule::Base64, Got::Str(s)) => {
                (!format::is_base64(s)).then_some(("format.base64", Msg::Base64))
            }
            (Rule::Ascii, Got::Str(s)) => {
                (!format::is_ascii(s)).then_some(("format.ascii", Msg::Ascii))
            }
            (Rule::PathSegment, Got::Str(s)) => {
                (!format::is_path_segment(s)).then_some(("format.path_segment", Msg::PathSegment))
            }
            (Rule::NoControl, Got::Str(s)) => {
                format::has_control(s).then_some(("format.control", Msg::Printable))
            }
            (Rule::Password(policy), Got::Str(s)) => {
                for f in policy.check(s, options.os, options.username()) {
                    let c = Check {
                        severity: f.severity.max(check.severity),
                        ..*check
                    };
                    push(report, field, &c, name, f.rule, f.msg);
                }
                None
            }
            _ => None,
        };
        if let Some((rule, msg)) = broken {
            // A tighter warning after the error on the same rule says nothing
            // new ("at least 20" once "at least 1" failed).
            let said = check.severity == Severity::Warning && report.has_error_of(name, rule);
            if !said {
                push(report, field, check, name, rule, msg);
            }
        }
    }
    // Ids and names never start or end with white space, which is sent as
    // given (a pasted " i-abc" is another id). Passwords (secret fields)
    // may; Base64 text often ends in a newline. Said once: not after another
    // issue on the same value.
    let base64 = field.checks.iter().any(|c| matches!(c.rule, Rule::Base64));
    if let Got::Str(s) = got {
        if s.trim() != *s && !field.secret && !base64 && !report.has_issue_on(name) {
            report.warning(
                name,
                "whitespace",
                None,
                Msg::Text(Text::new(
                    "Starts or ends with white space, which is sent as given: an ID or a name never does.",
                    "首尾含空白字符，将原样发送：ID 和名称不会以空白开头或结尾。",
                )),
            );
        }
    }
}

/// Every leaf not covered by the table: a warning naming the likely intended parameter.
fn report_unknown(op: &Operation, params: &Params<'_>, report: &mut Report) {
    let known_fixed = |p: &str| op.fixed.iter().any(|(n, _)| *n == p);
    for entry in &params.entries {
        // A name a field read is documented: no search needed.
        if entry.covered.get() || known_fixed(&entry.path) {
            continue;
        }
        // What the table expects here when this is the parent of fields
        // (`SystemDisk` of `SystemDisk.Size`, `Arn.1` of `Arn.N.RoleType`).
        let parent = op
            .fields
            .iter()
            .find_map(|f| parent_kind(f.name, &entry.path).map(|kind| (kind, f)));
        if entry.is_container() {
            // An array where a struct is expected: nothing below it would
            // be sent as meant. (An object where a list is expected may
            // carry positions as names, so the names below it say more.)
            let array = matches!(entry.value, Input::Array(_));
            if let (Some((TypeName::Object, member)), true) = (parent, array) {
                if report.has_error_on(&entry.path) {
                    continue;
                }
                report.error(
                    &entry.path,
                    "type",
                    member.code,
                    Msg::WrongType {
                        expected: TypeName::Object,
                    },
                );
            }
            continue;
        }
        let documented = op
            .fields
            .iter()
            .any(|f| match_pattern(f.name, &entry.path).is_some());
        // Already an error on this very name (a list given as a scalar), or
        // on a name above it (a field given an object): enough said.
        if documented || report.has_error_on(&entry.path) || has_error_above(report, &entry.path) {
            continue;
        }
        // The name of a struct or a list given a plain value: nothing below
        // it would be sent, so it is a type error (null and "" mean "not
        // given", as anywhere).
        if let Some((expected, member)) = parent {
            if !is_absent(entry.value) {
                report.error(
                    &entry.path,
                    "type",
                    member.code,
                    Msg::WrongType { expected },
                );
            }
            continue;
        }
        let suggestion = suggest(op, &entry.path);
        report.push(
            Severity::Warning,
            &entry.path,
            "unknown",
            None,
            Msg::Unknown { suggestion },
        );
    }
}

/// When `path` names a parent of the field `name` (pattern segments `N`
/// match any position): [`TypeName::List`] if positions follow it in
/// `name`, else [`TypeName::Object`].
fn parent_kind(name: &str, path: &str) -> Option<TypeName> {
    // No allocation and no string searcher: this runs for every field of
    // every name no field read (few).
    let depth = path.bytes().filter(|&b| b == b'.').count() + 1;
    let mut dots = 0;
    for (i, b) in name.bytes().enumerate() {
        if b == b'.' {
            dots += 1;
            if dots == depth {
                // `i` and `i + 1` are char boundaries (the table's names are
                // ASCII): `get` never fails.
                let head = name.get(..i)?;
                match_pattern(head, path)?;
                let rest = name.get(i + 1..)?;
                return Some(if rest == "N" || rest.starts_with("N.") {
                    TypeName::List
                } else {
                    TypeName::Object
                });
            }
        }
    }
    None
}

/// An error is reported on a name that `path` lies below.
fn has_error_above(report: &Report, path: &str) -> bool {
    path.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'.')
        .any(|(i, _)| path.get(..i).is_some_and(|head| report.has_error_on(head)))
}

fn normalize(name: &str) -> String {
    name.split('.')
        .map(|seg| {
            if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                "N"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join(".")
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The documented name a misspelling most likely meant.
fn suggest(op: &Operation, path: &str) -> Option<&'static str> {
    if path.len() > 64 {
        return None;
    }
    let candidates = || {
        op.fields
            .iter()
            .filter(|f| f.kind != Kind::Object)
            .map(|f| f.name)
            .chain(op.fixed.iter().map(|(n, _)| *n))
    };
    closest(&normalize(path), candidates().map(|n| (normalize(n), n)))
        // The right name at the wrong depth (`adminpass` beside `os-change`).
        .or_else(|| {
            let last = |p: &str| normalize(p.rsplit('.').next().unwrap_or(p));
            closest(&last(path), candidates().map(|n| (last(n), n)))
        })
}

/// The candidate within a small edit distance of `wanted` (2 for long names).
fn closest(
    wanted: &str,
    candidates: impl Iterator<Item = (String, &'static str)>,
) -> Option<&'static str> {
    let limit = if wanted.len() >= 8 { 2 } else { 1 };
    let mut best: Option<(usize, &'static str)> = None;
    let wanted_len = wanted.chars().count();
    for (normalized, name) in candidates {
        // The distance is at least the difference in length: most candidates
        // stop here (512 unknown names × every field otherwise).
        if wanted_len.abs_diff(normalized.chars().count()) > limit {
            continue;
        }
        let d = edit_distance(wanted, &normalized);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, name));
        }
    }
    best.map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
