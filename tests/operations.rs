//! Operations: each provider's APIs by their own names, the default first;
//! `operation` chooses one in validate, buildRequest and generatePassword.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api;
use reinstall_kit::providers;
use serde_json::{json, Value};

fn ctx(region: &str) -> Value {
    json!({
        "region": region,
        "accessKeyId": "AKID",
        "secretAccessKey": "SECRET",
        "timestamp": "2024-05-06T07:08:09Z",
        "nonce": "n-1",
        "clientToken": "5f0b2c64-8c3c-4b5e-9d5a-0c1d2e3f4a5b",
    })
}

#[test]
fn every_provider_has_named_operations_the_default_first() {
    for p in providers::ALL {
        assert!(!p.operations.is_empty(), "{}", p.id);
        assert!(std::ptr::eq(p.default_operation(), p.operations[0]));
        for (i, op) in p.operations.iter().enumerate() {
            // The provider's own API name: letters and digits, no version or path.
            assert!(
                op.name.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{}",
                op.name
            );
            assert!(
                !op.version.is_empty() && op.path.starts_with('/'),
                "{}",
                op.name
            );
            assert!(["GET", "POST"].contains(&op.method), "{}", op.name);
            assert!(!op.schemes.is_empty(), "{}", op.name);
            assert!(
                p.operations[..i].iter().all(|o| o.name != op.name),
                "{} lists {} twice",
                p.id,
                op.name
            );
        }
    }
}

#[test]
fn providers_lists_every_operation_and_the_default_at_the_top() {
    let all = api::providers_json();
    for (p, listed) in providers::ALL.iter().zip(all.as_array().unwrap()) {
        assert_eq!(listed["operation"], json!(p.default_operation().name));
        let ops = listed["operations"].as_array().unwrap();
        assert_eq!(ops.len(), p.operations.len());
        for (op, o) in p.operations.iter().zip(ops) {
            assert_eq!(o["name"], json!(op.name));
            assert_eq!(o["version"], json!(op.version));
            assert_eq!(o["method"], json!(op.method));
            assert_eq!(o["path"], json!(op.path));
            assert_eq!(o["fields"].as_array().unwrap().len(), op.fields.len());
            assert!(o["schemes"].is_array() && o["preconditions"].is_array());
        }
        // The top level repeats the default operation, as before operations existed.
        assert_eq!(listed["fields"], ops[0]["fields"]);
        assert_eq!(listed["schemes"], ops[0]["schemes"]);
        assert!(listed["name"]["en"].is_string(), "{}", p.id);
    }
}

#[test]
fn naming_the_default_operation_changes_nothing() {
    for p in providers::ALL {
        let op = p.default_operation();
        let example = op.example_params();
        let bad = json!({"nothing": "documented"});
        for params in [&example, &bad] {
            let plain = api::validate(p.id, params, None).unwrap();
            let named = api::validate(p.id, params, Some(&json!({"operation": op.name}))).unwrap();
            assert_eq!(plain, named, "{}", p.id);
        }
        let mut with_op = ctx(p.region.example);
        with_op["operation"] = json!(op.name);
        let plain = api::build_request(p.id, &example, Some(&ctx(p.region.example))).unwrap();
        let named = api::build_request(p.id, &example, Some(&with_op)).unwrap();
        assert_eq!(plain, named, "{}", p.id);
    }
}

#[test]
fn an_unknown_operation_is_a_coded_error_naming_the_known_ones() {
    for p in providers::ALL {
        let example = p.default_operation().example_params();
        for bad in [json!("NoSuchApi"), json!(""), json!(42), json!({"a": 1})] {
            let err = api::validate(p.id, &example, Some(&json!({"operation": bad}))).unwrap_err();
            assert_eq!(err.code, "UNKNOWN_OPERATION", "{} {bad}", p.id);
            assert!(
                err.message.contains(p.default_operation().name),
                "{}",
                err.message
            );
            let mut c = ctx(p.region.example);
            c["operation"] = bad.clone();
            let err = api::build_request(p.id, &example, Some(&c)).unwrap_err();
            assert_eq!(err.code, "UNKNOWN_OPERATION", "{} {bad}", p.id);
        }
        // The text entry points (what the wasm calls) answer the same.
        let err = api::validate_answer_text(p.id, Some("{}"), Some(r#"{"operation":"Nope"}"#))
            .unwrap_err();
        assert_eq!(err.code, "UNKNOWN_OPERATION");
        let err = api::build_answer_text(p.id, Some("{}"), r#"{"operation":"Nope"}"#).unwrap_err();
        assert_eq!(err.code, "UNKNOWN_OPERATION");
    }
    let err = api::generate_password("aliyun", Some(&json!({"operation": "Nope"}))).unwrap_err();
    assert_eq!(err.code, "UNKNOWN_OPERATION");
    // The name is shown cut short and printable, as other names in errors are.
    let long = "\u{202e}".repeat(5000);
    let err = api::validate("aliyun", &json!({}), Some(&json!({"operation": long}))).unwrap_err();
    assert!(err.message.len() < 400 && !err.message.contains('\u{202e}'));
}

#[test]
fn the_built_request_uses_the_operation_method_and_path() {
    for p in providers::ALL {
        for op in p.operations {
            let mut c = ctx(p.region.example);
            c["operation"] = json!(op.name);
            let out = api::build_request(p.id, &op.example_params(), Some(&c)).unwrap();
            assert_eq!(out["ok"], json!(true), "{} {}: {out}", p.id, op.name);
            let request = &out["request"];
            assert_eq!(request["method"], json!(op.method), "{}", op.name);
            // The documented path with its placeholders filled.
            let url = request["url"].as_str().unwrap();
            let path = url
                .splitn(4, '/')
                .nth(3)
                .map(|rest| format!("/{rest}"))
                .unwrap();
            let path = path.split('?').next().unwrap();
            let pattern: Vec<&str> = op.path.split('/').collect();
            let got: Vec<&str> = path.split('/').collect();
            assert_eq!(pattern.len(), got.len(), "{} {path}", op.path);
            for (want, have) in pattern.iter().zip(&got) {
                assert!(want.starts_with('{') || want == have, "{} {path}", op.path);
            }
        }
    }
}
