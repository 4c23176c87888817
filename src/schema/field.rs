//! The vocabulary provider tables are written in: a field with its location,
//! type and checks, read like a row of the API document.

use serde_json::Value;

use crate::util::json::{push_decimal, push_json_str, push_key_bool};

use crate::issue::{Severity, Text};
use crate::params::has_list_segment;
use crate::rules::password::{Classes, Others, PasswordPolicy};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Body,
}

impl Location {
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Body => "body",
        }
    }
}

/// A field's value type. A name with an `N` segment (`KeyId.N`) is a list of
/// this type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Boolean,
    Object,
}

/// One documented constraint.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    Length {
        min: usize,
        max: usize,
    },
    MaxLength(usize),
    ExactLength(usize),
    Minimum(i64),
    Maximum(i64),
    OneOf(&'static [&'static str]),
    Uuid,
    UuidLowercase,
    Base64,
    Ascii,
    PathSegment,
    NoControl,
    Password(&'static PasswordPolicy),
    /// List-level: at most this many items.
    MaxItems(usize),
    /// List-level: no value twice.
    Distinct,
}

impl Rule {
    /// The constraint key `providers()` writes first for this rule.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Length { .. } | Rule::ExactLength(_) => "minLength",
            Rule::MaxLength(_) => "maxLength",
            Rule::Minimum(_) => "minimum",
            Rule::Maximum(_) => "maximum",
            Rule::OneOf(_) => "enum",
            Rule::Uuid | Rule::UuidLowercase | Rule::Base64 | Rule::Ascii | Rule::PathSegment => {
                "format"
            }
            Rule::Password(_) => "format",
            Rule::NoControl => "noControl",
            Rule::MaxItems(_) => "maxItems",
            Rule::Distinct => "uniqueItems",
        }
    }

    pub fn is_list_level(&self) -> bool {
        matches!(self, Rule::MaxItems(_) | Rule::Distinct)
    }
}

/// A constraint with its severity, the provider's code for its violation
/// (overriding the field's), and where it came from when not from the seed.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub rule: Rule,
    pub severity: Severity,
    /// The provider's error code when the server refuses the value; `None`
    /// takes the field's. Never given for a [`Check::hint`].
    pub code: Option<&'static str>,
    /// False for a [`Check::hint`]: the server takes the value, so the issue
    /// carries no provider error code.
    pub refused: bool,
    /// Said after the message (e.g. which source an uncertain rule comes from);
    /// for a [`Check::hint`], the whole message (the rule's wording, "must
    /// be…", would contradict a value the server takes).
    pub note: Option<Text>,
}

impl Check {
    pub const fn error(rule: Rule) -> Check {
        Check {
            rule,
            severity: Severity::Error,
            code: None,
            refused: true,
            note: None,
        }
    }

    /// A documented-but-uncertain rule: reported, never blocking.
    pub const fn warning(rule: Rule, note: Text) -> Check {
        Check {
            rule,
            severity: Severity::Warning,
            code: None,
            refused: true,
            note: Some(note),
        }
    }

    /// A value the server accepts but that may not mean what was intended:
    /// a warning with no error code, whose message is `note` alone (it says
    /// what the value does mean).
    pub const fn hint(rule: Rule, note: Text) -> Check {
        Check {
            refused: false,
            ..Check::warning(rule, note)
        }
    }

    pub const fn code(mut self, code: &'static str) -> Check {
        self.code = Some(code);
        self
    }
}

/// A parameter's standing in the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Public,
    /// Documented as deprecated (warning), with its replacement.
    Deprecated(Option<&'static str>),
    /// Documented but "not available for public use" (warning).
    NotPublic,
    /// Real but hidden (owner parameters): accepted quietly.
    Hidden,
    /// The same API elsewhere has it, this provider does not (error).
    Unsupported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generator {
    Password,
    ClientToken,
}

/// One documented parameter.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// As the API spells it: `os-change.adminpass`, `SystemDisk.Size`, `KeyId.N`.
    pub name: &'static str,
    /// The name has an `N` segment: set by [`Field::new`] from `name`
    /// (public only so that tables can derive fields with `..`).
    pub list: bool,
    pub location: Location,
    pub kind: Kind,
    pub required: bool,
    /// Code when a required field is missing.
    pub missing_code: Option<&'static str>,
    /// Code for type and format violations (unless a check says otherwise).
    pub code: Option<&'static str>,
    pub checks: &'static [Check],
    pub status: Status,
    /// A string field holding "true"/"false" (Huawei `isAutoPay`): a JSON
    /// boolean there gets a hint instead of a bare type error.
    pub string_bool: bool,
    /// A boolean whose text form the server reads in any case (`True`, as
    /// Alibaba's Python SDK sends it, RULES A24). Otherwise only `true` /
    /// `false` (RULES K16, V12: "anything else is not a boolean").
    pub bool_any_case: bool,
    pub secret: bool,
    pub generator: Option<Generator>,
    /// Form texts: kept by the `descriptions` feature only (see [`Description`]).
    ///
    /// [`Description`]: crate::schema::Description
    #[cfg(feature = "descriptions")]
    pub label: Text,
    #[cfg(feature = "descriptions")]
    pub help: Text,
    #[cfg(feature = "descriptions")]
    pub example: Option<&'static str>,
}

impl Field {
    pub const fn new(
        name: &'static str,
        location: Location,
        kind: Kind,
        label: Text,
        help: Text,
    ) -> Field {
        #[cfg(not(feature = "descriptions"))]
        let _ = (label, help);
        Field {
            name,
            list: has_list_segment(name),
            location,
            kind,
            required: false,
            missing_code: None,
            code: None,
            checks: &[],
            status: Status::Public,
            string_bool: false,
            bool_any_case: false,
            secret: false,
            generator: None,
            #[cfg(feature = "descriptions")]
            label,
            #[cfg(feature = "descriptions")]
            help,
            #[cfg(feature = "descriptions")]
            example: None,
        }
    }

    pub const fn required(mut self, missing_code: Option<&'static str>) -> Field {
        self.required = true;
        self.missing_code = missing_code;
        self
    }

    pub const fn code(mut self, code: &'static str) -> Field {
        self.code = Some(code);
        self
    }

    pub const fn checks(mut self, checks: &'static [Check]) -> Field {
        self.checks = checks;
        self
    }

    pub const fn status(mut self, status: Status) -> Field {
        self.status = status;
        self
    }

    pub const fn string_bool(mut self) -> Field {
        self.string_bool = true;
        self
    }

    pub const fn bool_any_case(mut self) -> Field {
        self.bool_any_case = true;
        self
    }

    pub const fn secret(mut self) -> Field {
        self.secret = true;
        self
    }

    pub const fn generator(mut self, g: Generator) -> Field {
        self.generator = Some(g);
        self
    }

    /// Another help text (a row reused from another provider's table).
    #[cfg_attr(not(feature = "descriptions"), allow(unused_mut))]
    pub const fn help(mut self, help: Text) -> Field {
        #[cfg(feature = "descriptions")]
        {
            self.help = help;
        }
        #[cfg(not(feature = "descriptions"))]
        let _ = help;
        self
    }

    #[cfg_attr(not(feature = "descriptions"), allow(unused_mut))]
    pub const fn example(mut self, e: &'static str) -> Field {
        #[cfg(feature = "descriptions")]
        {
            self.example = Some(e);
        }
        #[cfg(not(feature = "descriptions"))]
        let _ = e;
        self
    }

    /// `KeyId.N`, `Arn.N.RoleType`: the field repeats.
    pub fn is_list(&self) -> bool {
        self.list
    }

    /// For a list, the name of the list itself (`KeyId` for `KeyId.N`).
    pub fn list_base(&self) -> &'static str {
        // A byte loop, not `str::find`: runs per list field on every call,
        // and a string searcher costs the wasm ~1.4 KB.
        let b = self.name.as_bytes();
        let end = (0..b.len().saturating_sub(1))
            .find(|&i| b[i] == b'.' && b[i + 1] == b'N')
            .unwrap_or(b.len());
        self.name.get(..end).unwrap_or(self.name)
    }

    pub fn password_policy(&self) -> Option<&'static PasswordPolicy> {
        self.checks.iter().find_map(|c| match c.rule {
            Rule::Password(p) => Some(p),
            _ => None,
        })
    }

    /// The field as `providers()` describes it to a form.
    pub fn to_json(&self) -> Value {
        let mut out = String::new();
        self.write_json(&mut out);
        serde_json::from_str(&out).unwrap_or(Value::Null)
    }

    /// [`Field::to_json`] as JSON text, keys in any order (parsing sorts them).
    pub(crate) fn write_json(&self, out: &mut String) {
        let kind = match self.kind {
            Kind::String => "string",
            Kind::Integer => "integer",
            Kind::Boolean => "boolean",
            Kind::Object => "object",
        };
        out.push_str("{\"name\":");
        push_json_str(out, self.name);
        out.push_str(",\"location\":\"");
        out.push_str(self.location.as_str());
        out.push_str("\",\"type\":\"");
        if self.is_list() {
            out.push_str("list\",\"items\":\"");
        }
        out.push_str(kind);
        push_key_bool(out, "\",\"required\":", self.required);
        push_key_bool(out, ",\"secret\":", self.secret);
        if let Some(g) = self.generator {
            out.push_str(match g {
                Generator::Password => ",\"generator\":\"password\"",
                Generator::ClientToken => ",\"generator\":\"clientToken\"",
            });
        }
        let (deprecated, advanced) = match self.status {
            Status::Public => (false, false),
            Status::Deprecated(_) => (true, true),
            Status::NotPublic | Status::Hidden | Status::Unsupported => (false, true),
        };
        push_key_bool(out, ",\"deprecated\":", deprecated);
        push_key_bool(out, ",\"advanced\":", advanced);
        push_key_bool(out, ",\"supported\":", self.status != Status::Unsupported);
        if let Status::Deprecated(Some(instead)) = self.status {
            out.push_str(",\"replacedBy\":");
            push_json_str(out, instead);
        }
        // Later keys win over earlier ones when parsed, as `Map::extend` did.
        out.push_str(",\"constraints\":{");
        let mut first = true;
        for check in self.checks {
            if check.severity == Severity::Error {
                write_rule(out, &check.rule, &mut first);
            }
        }
        // A rule with its own code (aliyun's LessThanMinSize / MoreThanMaxSize):
        // `codes` by the constraint's key; the rest carry the field's `code`.
        let mut codes = false;
        for check in self.checks.iter().filter(|c| c.severity == Severity::Error) {
            if let Some(code) = check.code {
                out.push_str(match (codes, first) {
                    (true, _) => ",",
                    (false, true) => "\"codes\":{",
                    (false, false) => ",\"codes\":{",
                });
                codes = true;
                push_json_str(out, check.rule.key());
                out.push(':');
                push_json_str(out, code);
            }
        }
        if codes {
            out.push('}');
            first = false;
        }
        // Uncertain rules are listed apart so a form does not enforce them.
        let mut advisory = false;
        for check in self.checks {
            if check.severity == Severity::Warning {
                out.push_str(if advisory {
                    ","
                } else if first {
                    "\"advisory\":["
                } else {
                    ",\"advisory\":["
                });
                advisory = true;
                out.push('{');
                write_rule(out, &check.rule, &mut true);
                // Its own code; `null` for a hint (the server takes the value).
                match (check.code, check.refused) {
                    (Some(code), _) => {
                        out.push_str(",\"code\":");
                        push_json_str(out, code);
                    }
                    (None, false) => out.push_str(",\"code\":null"),
                    (None, true) => {}
                }
                out.push('}');
            }
        }
        if advisory {
            out.push(']');
        }
        out.push('}');
        if let Some(code) = self.code {
            out.push_str(",\"code\":");
            push_json_str(out, code);
        }
        #[cfg(feature = "descriptions")]
        {
            out.push_str(",\"label\":");
            self.label.write_json(out);
            out.push_str(",\"help\":");
            self.help.write_json(out);
            if let Some(e) = self.example {
                out.push_str(",\"example\":");
                push_json_str(out, e);
            }
        }
        out.push('}');
    }
}

/// A number after `key`; `first` says whether no member was written yet.
fn push_key_num(out: &mut String, first: &mut bool, key: &str, negative: bool, n: u64) {
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
    push_decimal(out, negative, n);
}

/// A rule's members (without braces) as `providers()` describes them.
fn write_rule(out: &mut String, rule: &Rule, first: &mut bool) {
    let text = |out: &mut String, first: &mut bool, members: &str| {
        if !*first {
            out.push(',');
        }
        *first = false;
        out.push_str(members);
    };
    match *rule {
        Rule::Length { min, max } => {
            push_key_num(out, first, "minLength", false, min as u64);
            push_key_num(out, first, "maxLength", false, max as u64);
        }
        Rule::MaxLength(max) => push_key_num(out, first, "maxLength", false, max as u64),
        Rule::ExactLength(n) => {
            push_key_num(out, first, "minLength", false, n as u64);
            push_key_num(out, first, "maxLength", false, n as u64);
        }
        Rule::Minimum(n) => push_key_num(out, first, "minimum", n < 0, n.unsigned_abs()),
        Rule::Maximum(n) => push_key_num(out, first, "maximum", n < 0, n.unsigned_abs()),
        Rule::OneOf(values) => {
            text(out, first, "\"enum\":[");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_str(out, v);
            }
            out.push(']');
        }
        Rule::Uuid => text(
            out,
            first,
            "\"format\":\"uuid\",\"pattern\":\"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$\"",
        ),
        Rule::UuidLowercase => text(
            out,
            first,
            "\"format\":\"uuid\",\"pattern\":\"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$\"",
        ),
        Rule::Base64 => text(out, first, "\"format\":\"base64\""),
        Rule::Ascii => text(out, first, "\"format\":\"ascii\""),
        Rule::PathSegment => text(out, first, "\"format\":\"path-segment\""),
        Rule::NoControl => text(out, first, "\"noControl\":true"),
        Rule::Password(p) => {
            text(out, first, "\"format\":\"password\",\"specialCharacters\":");
            push_json_str(out, p.specials);
            push_key_num(out, first, "minLength", false, p.min as u64);
            push_key_num(out, first, "maxLength", false, p.max as u64);
            match p.classes {
                Classes::AtLeast(n) => push_key_num(out, first, "minClasses", false, n as u64),
                Classes::UpperLowerDigit => text(
                    out,
                    first,
                    "\"requiredClasses\":[\"upper\",\"lower\",\"digit\"]",
                ),
            }
            if !p.disputed.is_empty() {
                text(out, first, "\"disputedCharacters\":");
                push_json_str(out, p.disputed);
            }
            if p.others == Others::VisibleAscii {
                text(out, first, "\"otherCharacters\":\"visible\"");
            }
            if !p.forbidden_prefixes.is_empty() {
                text(out, first, "\"forbiddenPrefixes\":[");
                for (i, (prefix, windows_only)) in p.forbidden_prefixes.iter().enumerate() {
                    out.push_str(if i > 0 { ",{\"prefix\":" } else { "{\"prefix\":" });
                    push_json_str(out, prefix);
                    out.push_str(if *windows_only { ",\"windowsOnly\":true}" } else { ",\"windowsOnly\":false}" });
                }
                out.push(']');
            }
            if p.windows_username_rule {
                text(out, first, "\"windowsUsernameRule\":true");
            }
        }
        Rule::MaxItems(n) => push_key_num(out, first, "maxItems", false, n as u64),
        Rule::Distinct => text(out, first, "\"uniqueItems\":true"),
    }
}
