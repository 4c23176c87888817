//! The vocabulary provider tables are written in: a field with its location,
//! type and checks, read like a row of the API document.

use serde_json::{Map, Value};

use crate::issue::{Severity, Text};
use crate::params::has_list_segment;
use crate::rules::password::PasswordPolicy;

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
    pub code: Option<&'static str>,
    /// Said after the message (e.g. which source an uncertain rule comes from).
    pub note: Option<Text>,
}

impl Check {
    pub const fn error(rule: Rule) -> Check {
        Check {
            rule,
            severity: Severity::Error,
            code: None,
            note: None,
        }
    }

    /// A documented-but-uncertain rule: reported, never blocking.
    pub const fn warning(rule: Rule, note: Text) -> Check {
        Check {
            rule,
            severity: Severity::Warning,
            code: None,
            note: Some(note),
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
    pub label: Text,
    pub help: Text,
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
            label,
            help,
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

    pub const fn example(mut self, e: &'static str) -> Field {
        self.example = Some(e);
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
        &self.name[..end]
    }

    pub fn password_policy(&self) -> Option<&'static PasswordPolicy> {
        self.checks.iter().find_map(|c| match c.rule {
            Rule::Password(p) => Some(p),
            _ => None,
        })
    }

    /// The field as `providers()` describes it to a form.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), Value::from(self.name));
        m.insert("location".into(), Value::from(self.location.as_str()));
        let ty = if self.is_list() {
            "list"
        } else {
            match self.kind {
                Kind::String => "string",
                Kind::Integer => "integer",
                Kind::Boolean => "boolean",
                Kind::Object => "object",
            }
        };
        m.insert("type".into(), Value::from(ty));
        if self.is_list() {
            let item = match self.kind {
                Kind::Integer => "integer",
                Kind::Boolean => "boolean",
                Kind::Object => "object",
                Kind::String => "string",
            };
            m.insert("items".into(), Value::from(item));
        }
        m.insert("required".into(), Value::from(self.required));
        m.insert("secret".into(), Value::from(self.secret));
        if let Some(g) = self.generator {
            m.insert(
                "generator".into(),
                Value::from(match g {
                    Generator::Password => "password",
                    Generator::ClientToken => "clientToken",
                }),
            );
        }
        let (deprecated, advanced) = match self.status {
            Status::Public => (false, false),
            Status::Deprecated(_) => (true, true),
            Status::NotPublic | Status::Hidden | Status::Unsupported => (false, true),
        };
        m.insert("deprecated".into(), Value::from(deprecated));
        m.insert("advanced".into(), Value::from(advanced));
        m.insert(
            "supported".into(),
            Value::from(self.status != Status::Unsupported),
        );
        if let Status::Deprecated(Some(instead)) = self.status {
            m.insert("replacedBy".into(), Value::from(instead));
        }
        m.insert("constraints".into(), Value::Object(self.constraints_json()));
        if let Some(code) = self.code {
            m.insert("code".into(), Value::from(code));
        }
        m.insert("label".into(), self.label.to_json());
        m.insert("help".into(), self.help.to_json());
        if let Some(e) = self.example {
            m.insert("example".into(), Value::from(e));
        }
        Value::Object(m)
    }

    fn constraints_json(&self) -> Map<String, Value> {
        let mut c = Map::new();
        let mut warnings = Vec::new();
        for check in self.checks {
            if check.severity == Severity::Warning {
                // Uncertain rules are listed apart so a form does not enforce them.
                warnings.push(rule_json(&check.rule));
                continue;
            }
            if let Value::Object(one) = rule_json(&check.rule) {
                c.extend(one);
            }
        }
        if !warnings.is_empty() {
            c.insert("advisory".into(), Value::Array(warnings));
        }
        c
    }
}

fn rule_json(rule: &Rule) -> Value {
    let mut m = Map::new();
    match *rule {
        Rule::Length { min, max } => {
            m.insert("minLength".into(), Value::from(min));
            m.insert("maxLength".into(), Value::from(max));
        }
        Rule::MaxLength(max) => {
            m.insert("maxLength".into(), Value::from(max));
        }
        Rule::ExactLength(n) => {
            m.insert("minLength".into(), Value::from(n));
            m.insert("maxLength".into(), Value::from(n));
        }
        Rule::Minimum(n) => {
            m.insert("minimum".into(), Value::from(n));
        }
        Rule::Maximum(n) => {
            m.insert("maximum".into(), Value::from(n));
        }
        Rule::OneOf(values) => {
            m.insert("enum".into(), Value::from(values.to_vec()));
        }
        Rule::Uuid => {
            m.insert("format".into(), Value::from("uuid"));
            m.insert(
                "pattern".into(),
                Value::from(
                    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                ),
            );
        }
        Rule::UuidLowercase => {
            m.insert("format".into(), Value::from("uuid"));
            m.insert(
                "pattern".into(),
                Value::from("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
            );
        }
        Rule::Base64 => {
            m.insert("format".into(), Value::from("base64"));
        }
        Rule::Ascii => {
            m.insert("format".into(), Value::from("ascii"));
        }
        Rule::PathSegment => {
            m.insert("format".into(), Value::from("path-segment"));
        }
        Rule::NoControl => {}
        Rule::Password(p) => {
            m.insert("format".into(), Value::from("password"));
            m.insert("minLength".into(), Value::from(p.min));
            m.insert("maxLength".into(), Value::from(p.max));
            m.insert("specialCharacters".into(), Value::from(p.specials));
        }
        Rule::MaxItems(n) => {
            m.insert("maxItems".into(), Value::from(n));
        }
        Rule::Distinct => {
            m.insert("uniqueItems".into(), Value::from(true));
        }
    }
    Value::Object(m)
}
