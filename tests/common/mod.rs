// Shared by the integration tests (each test file includes it with `mod common;`).
#![allow(dead_code)]

use reinstall_kit::api;
use reinstall_kit::providers;
use reinstall_kit::schema::{Generator, Operation, Status};
use serde_json::{json, Value};

/// The ids of the registered providers (`providers::ALL`), in their order.
pub fn provider_ids() -> impl Iterator<Item = &'static str> {
    providers::ALL.iter().map(|p| p.id)
}

/// Every registered operation: (provider id, operation), each provider's
/// default first.
pub fn operations() -> impl Iterator<Item = (&'static str, &'static Operation)> {
    providers::ALL
        .iter()
        .flat_map(|p| p.operations.iter().map(move |op| (p.id, *op)))
}

/// The providers that take a password: a field with the password generator
/// that the provider supports (OTC documents `adminpass` but refuses it).
pub fn password_provider_ids() -> impl Iterator<Item = &'static str> {
    providers::ALL
        .iter()
        .filter(|p| {
            p.default_operation().fields.iter().any(|f| {
                f.generator == Some(Generator::Password) && f.status != Status::Unsupported
            })
        })
        .map(|p| p.id)
}

/// Validates and returns (ok, issues).
pub fn check(provider: &str, params: Value) -> (bool, Vec<Value>) {
    check_with(provider, params, json!({}))
}

pub fn check_with(provider: &str, params: Value, options: Value) -> (bool, Vec<Value>) {
    let out = api::validate(provider, &params, Some(&options)).expect("known provider");
    let ok = out["ok"].as_bool().expect("ok is a boolean");
    let issues = out["issues"]
        .as_array()
        .expect("issues is an array")
        .clone();
    (ok, issues)
}

/// The issues on `field` (any severity).
pub fn on<'a>(issues: &'a [Value], field: &str) -> Vec<&'a Value> {
    issues.iter().filter(|i| i["field"] == field).collect()
}

pub fn errors(issues: &[Value]) -> Vec<&Value> {
    issues.iter().filter(|i| i["severity"] == "error").collect()
}

/// Asserts an error on `field` carrying `code` (None: any code).
#[track_caller]
pub fn assert_error(issues: &[Value], field: &str, code: Option<&str>) {
    let found = issues.iter().any(|i| {
        i["field"] == field && i["severity"] == "error" && code.is_none_or(|c| i["code"] == c)
    });
    assert!(
        found,
        "expected an error on {field} with code {code:?}; got {}",
        serde_json::to_string_pretty(issues).unwrap()
    );
}

#[track_caller]
pub fn assert_warning(issues: &[Value], field: &str) {
    let found = issues
        .iter()
        .any(|i| i["field"] == field && i["severity"] == "warning");
    assert!(
        found,
        "expected a warning on {field}; got {}",
        serde_json::to_string_pretty(issues).unwrap()
    );
}

#[track_caller]
pub fn assert_no_error(issues: &[Value], field: &str) {
    let bad: Vec<_> = issues
        .iter()
        .filter(|i| i["field"] == field && i["severity"] == "error")
        .collect();
    assert!(bad.is_empty(), "expected no error on {field}; got {bad:?}");
}

#[track_caller]
pub fn assert_clean(ok: bool, issues: &[Value]) {
    assert!(
        ok && errors(issues).is_empty(),
        "expected ok; got {}",
        serde_json::to_string_pretty(issues).unwrap()
    );
}

/// `provider` as `providers()` describes it.
pub fn provider_info(provider: &str) -> Value {
    let all = api::providers_json();
    all.as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == provider)
        .expect("provider listed")
        .clone()
}

/// The provider's own example (from its seed document).
pub fn example(provider: &str) -> Value {
    provider_info(provider)["example"].clone()
}

/// `base` with `path` (dotted, nested objects created as needed) set to `value`,
/// or removed when `value` is null.
pub fn with(mut base: Value, path: &str, value: Value) -> Value {
    let mut cur = &mut base;
    let parts: Vec<&str> = path.split('/').collect();
    for (i, p) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            let obj = cur.as_object_mut().unwrap();
            if value.is_null() {
                obj.remove(*p);
            } else {
                obj.insert(p.to_string(), value.clone());
            }
            break;
        }
        if cur.get(*p).is_none() {
            cur.as_object_mut()
                .unwrap()
                .insert(p.to_string(), json!({}));
        }
        cur = cur.get_mut(*p).unwrap();
    }
    base
}

// ---- helpers for the rule tests (tests/rules_*.rs) ----

fn pretty(issues: &[Value]) -> String {
    serde_json::to_string_pretty(issues).unwrap()
}

/// Asserts an issue with exactly this field, rule, severity and code (None: no code).
#[track_caller]
pub fn assert_issue(issues: &[Value], field: &str, rule: &str, severity: &str, code: Option<&str>) {
    let code_json = code.map_or(Value::Null, Value::from);
    let found = issues.iter().any(|i| {
        i["field"] == field
            && i["rule"] == rule
            && i["severity"] == severity
            && i["code"] == code_json
    });
    assert!(
        found,
        "expected {severity} {rule} on {field} with code {code:?}; got {}",
        pretty(issues)
    );
}

/// Asserts no issue with this rule on this field (any severity).
#[track_caller]
pub fn assert_no_rule(issues: &[Value], field: &str, rule: &str) {
    let bad: Vec<_> = issues
        .iter()
        .filter(|i| i["field"] == field && i["rule"] == rule)
        .collect();
    assert!(bad.is_empty(), "expected no {rule} on {field}; got {bad:?}");
}

/// Asserts no issue at all (error or warning) on this field.
#[track_caller]
pub fn assert_quiet(issues: &[Value], field: &str) {
    let bad = on(issues, field);
    assert!(bad.is_empty(), "expected no issue on {field}; got {bad:?}");
}

/// Asserts not a single issue, warnings included.
#[track_caller]
pub fn assert_no_issues(ok: bool, issues: &[Value]) {
    assert!(
        ok && issues.is_empty(),
        "expected no issues; got {}",
        pretty(issues)
    );
}

/// Asserts no message says `secret`.
#[track_caller]
pub fn assert_not_leaked(issues: &[Value], secret: &str) {
    for i in issues {
        let m = i["message"].as_str().unwrap();
        assert!(!m.contains(secret), "message repeats the secret: {m}");
    }
}

/// `s` repeated up to exactly `n` characters (ASCII `s`).
pub fn sized(s: &str, n: usize) -> String {
    s.chars().cycle().take(n).collect()
}

/// `params` as a JSON object (`json!` does not take dotted keys for nesting).
pub fn obj(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}
