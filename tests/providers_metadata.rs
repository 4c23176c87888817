//! `providers()` was built as a `serde_json::Value` member by member; it
//! is now written as text. The old construction stays here as the reference.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::issue::{Severity, Text};
use reinstall_kit::providers::ALL;
use reinstall_kit::schema::{
    Check, Field, Generator, Kind, Location, Operation, Provider, Rule, Status,
};
use serde_json::{Map, Value};

#[test]
fn providers_json_is_what_the_value_construction_gave() {
    let reference = Value::Array(ALL.iter().map(|p| provider_json(p)).collect());
    assert_eq!(
        reinstall_kit::api::providers_json().to_string(),
        reference.to_string()
    );
    for p in ALL {
        assert_eq!(p.to_json(), provider_json(p));
        for f in p.default_operation().fields {
            assert_eq!(f.to_json(), field_json(f));
        }
    }
    // Every rule, as a constraint and as an advisory, overriding each other.
    let policy = ALL
        .iter()
        .flat_map(|p| p.default_operation().fields)
        .find_map(|f| f.password_policy())
        .unwrap();
    let rules = [
        Rule::Length { min: 1, max: 2 },
        Rule::MaxLength(3),
        Rule::ExactLength(4),
        Rule::Minimum(-5),
        Rule::Maximum(i64::MIN),
        Rule::OneOf(&["a", "b\"c"]),
        Rule::OneOf(&[]),
        Rule::Uuid,
        Rule::UuidLowercase,
        Rule::Base64,
        Rule::Ascii,
        Rule::PathSegment,
        Rule::NoControl,
        Rule::Password(policy),
        Rule::MaxItems(usize::MAX),
        Rule::Distinct,
    ];
    let note = Text::new("n", "n");
    let checks: Vec<Check> = rules
        .iter()
        .flat_map(|&r| [Check::error(r), Check::warning(r, note)])
        .collect();
    let checks: &'static [Check] = checks.leak();
    let base = Field::new("X.N", Location::Query, Kind::Integer, note, note);
    let fields = [
        base.checks(checks),
        base.checks(&checks[..1]),
        base.checks(&checks[1..2]),
        base.checks(&checks[26..27]),
        Field::new("Y", Location::Path, Kind::Boolean, note, note)
            .required(None)
            .code("C")
            .secret()
            .generator(Generator::ClientToken)
            .status(Status::Deprecated(Some("Z")))
            .example("e\u{1}"),
        base.generator(Generator::Password)
            .status(Status::Unsupported),
        base.status(Status::Deprecated(None)),
        base.status(Status::NotPublic),
        base.status(Status::Hidden),
    ];
    for f in &fields {
        assert_eq!(f.to_json(), field_json(f), "{f:?}");
    }
}

fn text_json(t: Text) -> Value {
    let mut m = Map::new();
    m.insert("en".into(), Value::from(t.en));
    m.insert("zh".into(), Value::from(t.zh));
    Value::Object(m)
}

fn provider_json(p: &Provider) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), Value::from(p.id));
    m.insert("name".into(), text_json(p.name));
    m.insert("operation".into(), Value::from(p.default_operation().name));
    let mut region = Map::new();
    region.insert("required".into(), Value::from(p.region.required));
    region.insert("example".into(), Value::from(p.region.example));
    region.insert("endpoint".into(), Value::from(p.region.endpoint));
    let hosts = p.region.hosts.iter();
    let hosts = hosts
        .map(|(r, h)| (r.to_string(), Value::from(*h)))
        .collect();
    region.insert("hosts".into(), Value::Object(hosts));
    m.insert("region".into(), Value::Object(region));
    // The default operation's members stand at the top level too (its name
    // as `operation`: `name` is the provider's).
    let mut default = operation_json(p.default_operation());
    default.remove("name");
    m.extend(default);
    m.insert(
        "operations".into(),
        Value::Array(
            p.operations
                .iter()
                .map(|op| Value::Object(operation_json(op)))
                .collect(),
        ),
    );
    Value::Object(m)
}

fn operation_json(op: &Operation) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), Value::from(op.name));
    m.insert("version".into(), Value::from(op.version));
    m.insert("method".into(), Value::from(op.method));
    m.insert("path".into(), Value::from(op.path));
    m.insert("docs".into(), Value::from(op.docs));
    m.insert(
        "schemes".into(),
        Value::from(op.schemes.iter().map(|s| s.id()).collect::<Vec<_>>()),
    );
    let mut fixed = Map::new();
    for (k, v) in op.fixed {
        fixed.insert(k.to_string(), Value::from(*v));
    }
    m.insert("fixed".into(), Value::Object(fixed));
    m.insert(
        "fields".into(),
        Value::Array(op.fields.iter().map(field_json).collect()),
    );
    m.insert(
        "preconditions".into(),
        Value::Array(
            op.description
                .preconditions
                .iter()
                .map(|t| text_json(*t))
                .collect(),
        ),
    );
    m.insert("example".into(), op.example_params());
    m
}

fn field_json(this: &Field) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), Value::from(this.name));
    m.insert("location".into(), Value::from(this.location.as_str()));
    let ty = if this.is_list() {
        "list"
    } else {
        match this.kind {
            Kind::String => "string",
            Kind::Integer => "integer",
            Kind::Boolean => "boolean",
            Kind::Object => "object",
        }
    };
    m.insert("type".into(), Value::from(ty));
    if this.is_list() {
        let item = match this.kind {
            Kind::Integer => "integer",
            Kind::Boolean => "boolean",
            Kind::Object => "object",
            Kind::String => "string",
        };
        m.insert("items".into(), Value::from(item));
    }
    m.insert("required".into(), Value::from(this.required));
    m.insert("secret".into(), Value::from(this.secret));
    if let Some(g) = this.generator {
        m.insert(
            "generator".into(),
            Value::from(match g {
                Generator::Password => "password",
                Generator::ClientToken => "clientToken",
            }),
        );
    }
    let (deprecated, advanced) = match this.status {
        Status::Public => (false, false),
        Status::Deprecated(_) => (true, true),
        Status::NotPublic | Status::Hidden | Status::Unsupported => (false, true),
    };
    m.insert("deprecated".into(), Value::from(deprecated));
    m.insert("advanced".into(), Value::from(advanced));
    m.insert(
        "supported".into(),
        Value::from(this.status != Status::Unsupported),
    );
    if let Status::Deprecated(Some(instead)) = this.status {
        m.insert("replacedBy".into(), Value::from(instead));
    }
    m.insert("constraints".into(), Value::Object(constraints_json(this)));
    if let Some(code) = this.code {
        m.insert("code".into(), Value::from(code));
    }
    m.insert("label".into(), text_json(this.label));
    m.insert("help".into(), text_json(this.help));
    if let Some(e) = this.example {
        m.insert("example".into(), Value::from(e));
    }
    Value::Object(m)
}

fn constraints_json(this: &Field) -> Map<String, Value> {
    let mut c = Map::new();
    let mut warnings = Vec::new();
    let mut codes = Map::new();
    for check in this.checks {
        if check.severity == Severity::Warning {
            // Uncertain rules are listed apart so a form does not enforce them.
            let mut one = rule_json(&check.rule);
            match (check.code, check.refused) {
                (Some(code), _) => one["code"] = Value::from(code),
                (None, false) => one["code"] = Value::Null,
                (None, true) => {}
            }
            warnings.push(one);
            continue;
        }
        if let Value::Object(one) = rule_json(&check.rule) {
            c.extend(one);
        }
        if let Some(code) = check.code {
            codes.insert(check.rule.key().into(), Value::from(code));
        }
    }
    if !codes.is_empty() {
        c.insert("codes".into(), Value::Object(codes));
    }
    if !warnings.is_empty() {
        c.insert("advisory".into(), Value::Array(warnings));
    }
    c
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
        Rule::NoControl => {
            m.insert("noControl".into(), Value::from(true));
        }
        Rule::Password(p) => {
            m.insert("format".into(), Value::from("password"));
            m.insert("minLength".into(), Value::from(p.min));
            m.insert("maxLength".into(), Value::from(p.max));
            m.insert("specialCharacters".into(), Value::from(p.specials));
            match p.classes {
                reinstall_kit::rules::password::Classes::AtLeast(n) => {
                    m.insert("minClasses".into(), Value::from(n));
                }
                reinstall_kit::rules::password::Classes::UpperLowerDigit => {
                    m.insert(
                        "requiredClasses".into(),
                        serde_json::json!(["upper", "lower", "digit"]),
                    );
                }
            }
            if !p.disputed.is_empty() {
                m.insert("disputedCharacters".into(), Value::from(p.disputed));
            }
            if p.others == reinstall_kit::rules::password::Others::VisibleAscii {
                m.insert("otherCharacters".into(), Value::from("visible"));
            }
            if !p.forbidden_prefixes.is_empty() {
                let prefixes = p
                    .forbidden_prefixes
                    .iter()
                    .map(|(prefix, windows_only)| serde_json::json!({"prefix": prefix, "windowsOnly": windows_only}))
                    .collect();
                m.insert("forbiddenPrefixes".into(), Value::Array(prefixes));
            }
            if p.windows_username_rule {
                m.insert("windowsUsernameRule".into(), Value::from(true));
            }
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
