//! Provider-independent behaviour: bad input is an issue (never a crash),
//! types and transport forms, names and positions, locale and options,
//! generatePassword and newClientToken.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use reinstall_kit::api;
use serde_json::{json, Value};

/// Every field of `provider` as `providers()` describes it.
fn fields(provider: &str) -> Vec<Value> {
    provider_info(provider)["fields"]
        .as_array()
        .unwrap()
        .clone()
}

/// A documented name as one concrete flat key (`KeyId.N` → `KeyId.1`).
fn concrete(name: &str) -> String {
    name.split('.')
        .map(|s| if s == "N" { "1" } else { s })
        .collect::<Vec<_>>()
        .join(".")
}

/// A request that is valid with a password as the credential, and the
/// password field (the one `providers()` marks with the password generator).
fn password_request(provider: &str) -> (Value, &'static str) {
    let (params, field) = match provider {
        "huaweicloud" => (
            json!({
                "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
                "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
                "os-change": {"adminpass": "Abcdef1!", "imageid": "e215580f-73ad-429d-b6f2-5433947433b0"}
            }),
            "os-change.adminpass",
        ),
        "ksyun" => (
            json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"}),
            "InstancePassword",
        ),
        "aliyun" => (
            json!({"InstanceId": "i-bp67acfmxazb4ph****", "ImageId": "m-bp67acfmxazb4ph****", "Password": "EcsV587!"}),
            "Password",
        ),
        "volcengine" => (
            json!({"InstanceId": "i-a8j6n1i4hojfqpa0****", "ImageId": "image-38dfk6rfisf6kir6****", "Password": "Password@123"}),
            "Password",
        ),
        _ => panic!("{provider} takes a password: add a valid request with one here"),
    };
    let generated = fields(provider)
        .into_iter()
        .find(|f| f["generator"] == "password" && f["supported"] == true)
        .unwrap_or_else(|| panic!("{provider}: no password field"));
    assert_eq!(generated["name"], field, "{provider}: the password field");
    (params, field)
}

fn with_password(provider: &str, pw: &str) -> (Value, &'static str) {
    let (params, field) = password_request(provider);
    (with(params, &field.replace('.', "/"), json!(pw)), field)
}

// ---- bad input is an issue ----

#[test]
fn params_that_are_not_an_object() {
    for p in provider_ids() {
        for bad in [
            Value::Null,
            json!([]),
            json!([{"InstanceId": "i"}]),
            json!(5),
            json!(1.5),
            json!("x"),
            json!(true),
        ] {
            let (ok, issues) = check(p, bad.clone());
            assert!(!ok, "{p} {bad}");
            // A JSON body the server cannot read has the provider's code
            // (Huawei and OTC: Ecs.0005, RULES H22); query APIs have none.
            let code = matches!(p, "huaweicloud" | "otc").then_some("Ecs.0005");
            assert_issue(&issues, "", "params.not_object", "error", code);
        }
    }
    let out = api::validate_text("otc", Some("{\"os-change\": {,}}"), None).unwrap();
    assert_eq!(out["issues"][0]["rule"], "params.unreadable");
    assert_eq!(out["issues"][0]["code"], "Ecs.0005");
    let out = api::validate_text("ksyun", Some("{,}"), None).unwrap();
    assert_eq!(out["issues"][0]["code"], Value::Null);
}

#[test]
fn unknown_provider_is_the_only_error() {
    let err = api::validate("aws", &json!({}), None).unwrap_err();
    assert_eq!(err.code, "UNKNOWN_PROVIDER");
    let err = api::validate("", &json!({}), None).unwrap_err();
    assert_eq!(err.code, "UNKNOWN_PROVIDER");
}

#[test]
fn wrong_type_for_every_field_of_every_provider() {
    for p in provider_ids() {
        for f in fields(p) {
            let name = f["name"].as_str().unwrap();
            let ty = if f["type"] == "list" {
                f["items"].as_str().unwrap()
            } else {
                f["type"].as_str().unwrap()
            };
            let wrong = match ty {
                "string" => json!(12345),
                "integer" => json!("twelve"),
                "boolean" => json!("maybe"),
                "object" => json!("x"),
                other => panic!("type {other}"),
            };
            let key = concrete(name);
            let (ok, issues) = check(p, obj(&[(key.as_str(), wrong)]));
            assert!(!ok, "{p} {name}");
            let code = f["code"].as_str();
            assert_issue(&issues, &key, "type", "error", code);
        }
    }
}

#[test]
fn odd_values_anywhere_never_panic() {
    let odd = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(""),
        json!("x"),
        json!([]),
        json!({}),
        json!([[]]),
        json!({"a": {"b": []}}),
        json!([null, 1, "two"]),
    ];
    for p in provider_ids() {
        for f in fields(p) {
            let key = concrete(f["name"].as_str().unwrap());
            for v in &odd {
                let out = api::validate(p, &obj(&[(key.as_str(), v.clone())]), None).unwrap();
                assert!(out["ok"].is_boolean() && out["issues"].is_array());
                for i in out["issues"].as_array().unwrap() {
                    assert!(i["message"].as_str().is_some_and(|m| !m.is_empty()), "{i}");
                }
            }
        }
    }
}

#[test]
fn deep_and_wide_input_is_an_issue() {
    let mut deep = json!("leaf");
    for _ in 0..20 {
        deep = json!({"a": deep});
    }
    let (ok, issues) = check(
        "aliyun",
        json!({"InstanceId": "i", "ImageId": "m", "Deep": deep}),
    );
    assert!(!ok);
    assert!(
        issues
            .iter()
            .any(|i| i["rule"] == "params.too_deep" && i["severity"] == "error"),
        "{issues:?}"
    );
    let wide = Value::Object((0..2000).map(|i| (format!("K{i}"), json!(i))).collect());
    let (ok, issues) = check("volcengine", wide);
    assert!(!ok);
    assert!(issues
        .iter()
        .any(|i| i["rule"] == "params.too_many" && i["severity"] == "error"));
    assert!(issues.len() < 600, "{} issues", issues.len());
}

#[test]
fn json_text_that_is_not_json_or_too_large() {
    let out = api::validate_text("aliyun", Some("{\"InstanceId\": "), None).unwrap();
    assert_eq!(out["ok"], false);
    assert_eq!(out["issues"][0]["rule"], "params.unreadable");
    // Text that does not parse is said to be a JSON syntax problem (seed 000's
    // own example has a trailing comma).
    let message = out["issues"][0]["message"].as_str().unwrap();
    assert!(message.contains("not valid JSON"), "{message}");
    let out = api::validate_text("aliyun", None, None).unwrap();
    assert_eq!(out["issues"][0]["rule"], "params.unreadable");
    let huge = format!(
        "{{\"Password\": \"{}\"}}",
        "a".repeat(reinstall_kit::util::limits::MAX_INPUT_BYTES)
    );
    let out = api::validate_text("aliyun", Some(&huge), None).unwrap();
    assert_eq!(out["ok"], false);
    assert_eq!(out["issues"][0]["rule"], "params.too_large");
    assert!(out["issues"].as_array().unwrap().len() == 1);
}

#[test]
fn proto_keys_are_plain_unknown_names() {
    for p in provider_ids() {
        let mut params = example(p);
        let m = params.as_object_mut().unwrap();
        m.insert("__proto__".into(), json!({"polluted": true}));
        m.insert("constructor".into(), json!({"prototype": {"x": 1}}));
        let (ok, issues) = check(p, params);
        assert!(ok, "{p}: {issues:?}");
        assert_issue(&issues, "__proto__.polluted", "unknown", "warning", None);
        assert_issue(
            &issues,
            "constructor.prototype.x",
            "unknown",
            "warning",
            None,
        );
    }
    // From JSON text, as the wasm layer passes it.
    let text = r#"{"__proto__": {"InstanceId": "i-x"}, "InstanceId": "i", "ImageId": "m", "Password": "EcsV587!"}"#;
    let out = api::validate_text("aliyun", Some(text), None).unwrap();
    assert_eq!(out["ok"], true, "{out}");
    assert!(out["issues"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["field"] == "__proto__.InstanceId"));
    // Nested inside a provider's object.
    let params = with(example("huaweicloud"), "os-change/__proto__", json!("x"));
    let (ok, issues) = check("huaweicloud", params);
    assert!(ok);
    assert_issue(&issues, "os-change.__proto__", "unknown", "warning", None);
}

#[test]
fn megabyte_password_is_refused_quickly_and_never_echoed() {
    let big = sized("Zx9!Canary-", 1 << 20);
    for p in password_provider_ids() {
        for options in [
            json!({}),
            json!({"os": "windows"}),
            json!({"os": "linux", "locale": "zh"}),
        ] {
            let (params, field) = with_password(p, &big);
            let (ok, issues) = check_with(p, params, options);
            assert!(!ok, "{p}");
            assert!(
                issues
                    .iter()
                    .any(|i| i["field"] == field && i["rule"] == "password.length"),
                "{p}: {issues:?}"
            );
            for i in &issues {
                let m = i["message"].as_str().unwrap();
                assert!(!m.contains("Canary") && m.len() < 600, "{p}: {m}");
            }
        }
    }
    // OTC has no password: refused as such, still not echoed.
    let params = with(example("otc"), "os-change/adminpass", json!(big));
    let (ok, issues) = check("otc", params);
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.adminpass",
        "unsupported",
        "error",
        Some("Ecs.0005"),
    );
    assert_not_leaked(&issues, "Canary");
}

#[test]
fn megabyte_ids_are_refused_quickly() {
    let big = "a".repeat(1 << 20);
    let cases = [
        (
            "huaweicloud",
            "os-change/imageid",
            "os-change.imageid",
            "format.uuid",
        ),
        (
            "otc",
            "os-change/imageid",
            "os-change.imageid",
            "format.uuid",
        ),
        ("ksyun", "InstanceId", "InstanceId", "format.uuid"),
        ("ksyun", "ImageId", "ImageId", "format.uuid"),
        (
            "huaweicloud",
            "project_id",
            "project_id",
            "format.path_segment",
        ),
    ];
    for (p, path, field, rule) in cases {
        let (ok, issues) = check(p, with(example(p), path, json!(format!("{big}/"))));
        assert!(!ok, "{p} {field}");
        assert!(
            issues
                .iter()
                .any(|i| i["field"] == field && i["rule"] == rule && i["severity"] == "error"),
            "{p}: {issues:?}"
        );
        assert!(issues
            .iter()
            .all(|i| i["message"].as_str().unwrap().len() < 600));
    }
    // No length is documented for these IDs: checked (control characters) and let through.
    for p in ["aliyun", "volcengine"] {
        let (ok, _) = check(p, with(example(p), "InstanceId", json!(big.clone())));
        assert!(ok, "{p}");
    }
    // A megabyte parameter name: an unknown name, not read past
    // util::limits::MAX_NAME_BYTES and shown cut short (no suggestion search).
    let (ok, issues) = check("aliyun", with(example("aliyun"), &big, json!(1)));
    assert!(ok);
    let shown = format!("{}…", &big[..64]);
    assert_issue(&issues, &shown, "params.name_too_long", "warning", None);
}

// ---- types as the transports carry them ----

#[test]
fn boolean_strings() {
    // (provider, boolean field, base request)
    let cases = [
        ("ksyun", "KeepImageLogin"),
        ("aliyun", "UseAdditionalService"),
        ("aliyun", "PasswordInherit"),
        ("aliyun", "Encrypted"),
        ("volcengine", "KeepImageCredential"),
        ("volcengine", "DryRun"),
    ];
    for (p, field) in cases {
        // Which booleans each provider has, as providers() says.
        assert!(fields(p)
            .iter()
            .any(|f| f["name"] == field && f["type"] == "boolean"));
        let base = obj(&[]);
        let type_error = |v: Value| {
            let (_, issues) = check(p, with(base.clone(), field, v));
            issues
                .iter()
                .any(|i| i["field"] == field && i["rule"] == "type")
        };
        for good in [json!(true), json!(false), json!("true"), json!("false")] {
            assert!(!type_error(good.clone()), "{p} {field}={good}");
        }
        // "True": Alibaba's transport takes any case (A24); the others document true/false only (K16, V12).
        assert_eq!(type_error(json!("True")), p != "aliyun", "{p} {field}=True");
        assert_eq!(
            type_error(json!("FALSE")),
            p != "aliyun",
            "{p} {field}=FALSE"
        );
        for bad in [
            json!("yes"),
            json!("no"),
            json!("1"),
            json!("0"),
            json!(1),
            json!(0),
            json!(" true"),
            json!("true "),
        ] {
            assert!(type_error(bad.clone()), "{p} {field}={bad}");
        }
    }
    // Huawei's isAutoPay is a string holding "true"/"false": the other way round.
    let base = example("huaweicloud");
    let (ok, _) = check(
        "huaweicloud",
        with(base.clone(), "os-change/isAutoPay", json!("true")),
    );
    assert!(ok);
    let (ok, issues) = check(
        "huaweicloud",
        with(base, "os-change/isAutoPay", json!(true)),
    );
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.isAutoPay",
        "type",
        "error",
        Some("Ecs.0005"),
    );
}

#[test]
fn integers_as_decimal_strings_not_fractions() {
    let cases = [
        ("ksyun", "SystemDisk.DiskSize"),
        ("aliyun", "SystemDisk.Size"),
        ("aliyun", "OwnerId"),
        ("volcengine", "Size"),
    ];
    for (p, field) in cases {
        let type_error = |v: Value| {
            let (_, issues) = check(p, obj(&[(field, v)]));
            issues
                .iter()
                .any(|i| i["field"] == field && i["rule"] == "type")
        };
        for good in [
            json!(40),
            json!("40"),
            json!(40.0),
            json!("0040"),
            json!("-40"),
            json!(-40),
        ] {
            assert!(!type_error(good.clone()), "{p} {field}={good}");
        }
        for bad in [
            json!(40.5),
            json!("40.5"),
            json!("40.0"),
            json!("4e1"),
            json!(" 40"),
            json!("40 "),
            json!("+40"),
            json!("0x28"),
            json!("forty"),
            json!(true),
            json!([40]),
        ] {
            assert!(type_error(bad.clone()), "{p} {field}={bad}");
        }
        // Integers past i64 are integers still: out of range, an error.
        for huge in [json!(1e30), json!("99999999999999999999"), json!(-1e30)] {
            let (ok, issues) = check(p, obj(&[(field, huge.clone())]));
            assert!(!ok && !type_error(huge.clone()), "{p} {field}={huge}");
            assert!(
                issues.iter().any(|i| i["field"] == field
                    && i["rule"] == "range"
                    && i["severity"] == "error"),
                "{p} {field}={huge}: {issues:?}"
            );
        }
    }
}

// ---- names ----

#[test]
fn misspelled_names_warn_and_name_the_documented_one() {
    let cases = [
        (
            "huaweicloud",
            "os-change/adminPass",
            "os-change.adminPass",
            "os-change.adminpass",
        ),
        (
            "huaweicloud",
            "os-change/Imageid",
            "os-change.Imageid",
            "os-change.imageid",
        ),
        (
            "otc",
            "os-change/keyName",
            "os-change.keyName",
            "os-change.keyname",
        ),
        ("ksyun", "Imageid", "Imageid", "ImageId"),
        ("ksyun", "instanceid", "instanceid", "InstanceId"),
        ("ksyun", "KeyID.1", "KeyID.1", "KeyId.N"),
        ("ksyun", "KeyID.2", "KeyID.2", "KeyId.N"),
        ("aliyun", "instanceid", "instanceid", "InstanceId"),
        ("aliyun", "Imageid", "Imageid", "ImageId"),
        (
            "aliyun",
            "SystemDisk.size",
            "SystemDisk.size",
            "SystemDisk.Size",
        ),
        ("volcengine", "instanceid", "instanceid", "InstanceId"),
        ("volcengine", "Imageid", "Imageid", "ImageId"),
    ];
    for (p, path, field, right) in cases {
        for locale in ["en", "zh"] {
            let (_, issues) = check_with(
                p,
                with(example(p), path, json!("x")),
                json!({"locale": locale}),
            );
            assert_issue(&issues, field, "unknown", "warning", None);
            let msg = on(&issues, field)[0]["message"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(msg.contains(right), "{p} {field} ({locale}): {msg}");
        }
    }
}

#[test]
fn flat_and_nested_forms_give_the_same_issues() {
    let key = |issues: Vec<Value>| -> Vec<(Value, Value, Value, Value)> {
        let mut v: Vec<_> = issues
            .into_iter()
            .map(|i| {
                (
                    i["field"].clone(),
                    i["rule"].clone(),
                    i["severity"].clone(),
                    i["code"].clone(),
                )
            })
            .collect();
        v.sort_by_key(|t| format!("{t:?}"));
        v
    };
    let a = json!({"InstanceId": "i", "ImageId": "m"});
    for size in [json!(80), json!(4096), json!("x")] {
        let flat = check("aliyun", with(a.clone(), "SystemDisk.Size", size.clone()));
        let nested = check("aliyun", with(a.clone(), "SystemDisk/Size", size.clone()));
        assert_eq!(flat.0, nested.0);
        assert_eq!(key(flat.1), key(nested.1), "{size}");
    }
    let k = json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"});
    for list in [
        json!(["k1", "k2"]),
        json!(["k1", 2]),
        json!(["k1", "k1"]),
        json!(["k1", "k\u{1}"]),
    ] {
        let mut flat = k.clone();
        for (i, item) in list.as_array().unwrap().iter().enumerate() {
            flat = with(flat, &format!("KeyId.{}", i + 1), item.clone());
        }
        let nested = with(k.clone(), "KeyId", list.clone());
        let as_object = with(
            k.clone(),
            "KeyId",
            Value::Object(
                list.as_array()
                    .unwrap()
                    .iter()
                    .enumerate()
                    .map(|(i, v)| ((i + 1).to_string(), v.clone()))
                    .collect(),
            ),
        );
        let (a, b, c) = (
            check("ksyun", flat),
            check("ksyun", nested),
            check("ksyun", as_object),
        );
        assert_eq!((a.0, b.0), (c.0, c.0));
        assert_eq!(key(a.1.clone()), key(b.1), "{list}");
        assert_eq!(key(a.1), key(c.1), "{list}");
    }
    let h = example("huaweicloud");
    let mut flat = obj(&[]);
    for (k, v) in h.as_object().unwrap() {
        if k == "os-change" {
            for (k2, v2) in v.as_object().unwrap() {
                flat = with(flat, &format!("os-change.{k2}"), v2.clone());
            }
        } else {
            flat = with(flat, k, v.clone());
        }
    }
    assert_eq!(
        key(check("huaweicloud", flat).1),
        key(check("huaweicloud", h).1)
    );
}

#[test]
fn list_positions_start_at_1_without_gaps() {
    let k = json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"});
    for (params, field, rule) in [
        (
            with(k.clone(), "KeyId.0", json!("k")),
            "KeyId.0",
            "list.index",
        ),
        (
            with(k.clone(), "KeyId/0", json!("k")),
            "KeyId.0",
            "list.index",
        ),
        (
            with(k.clone(), "KeyId.007", json!("k")),
            "KeyId.007",
            "list.index",
        ),
        (
            with(k.clone(), "KeyId.-3", json!("k")),
            "KeyId.-3",
            "list.index",
        ),
        // The documented name itself is not a position.
        (
            with(k.clone(), "KeyId.N", json!("k")),
            "KeyId.N",
            "list.index",
        ),
        (
            with(
                with(k.clone(), "KeyId.1", json!("a")),
                "KeyId.3",
                json!("c"),
            ),
            "KeyId.N",
            "list.gap",
        ),
        (
            with(
                with(k.clone(), "KeyId/1", json!("a")),
                "KeyId/3",
                json!("c"),
            ),
            "KeyId.N",
            "list.gap",
        ),
        (
            with(k.clone(), "KeyId.2", json!("b")),
            "KeyId.N",
            "list.gap",
        ),
    ] {
        let (ok, issues) = check("ksyun", params);
        assert!(!ok, "{field}");
        assert_issue(
            &issues,
            field,
            rule,
            "error",
            Some("KeyIdInvalidParameterValue"),
        );
    }
    let (ok, issues) = check(
        "aliyun",
        json!({"InstanceId": "i", "ImageId": "m", "Arn.1.RoleType": "r", "Arn.3.RoleType": "r"}),
    );
    assert!(!ok);
    assert_issue(&issues, "Arn.N.RoleType", "list.gap", "error", None);
}

#[test]
fn a_parameter_given_both_ways_is_a_duplicate() {
    let (ok, issues) = check(
        "aliyun",
        json!({"InstanceId": "i", "ImageId": "m", "SystemDisk.Size": 80, "SystemDisk": {"Size": 80}}),
    );
    assert!(!ok);
    assert_issue(
        &issues,
        "SystemDisk.Size",
        "params.duplicate",
        "error",
        None,
    );
    let (ok, issues) = check(
        "ksyun",
        json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc", "KeyId.1": "a", "KeyId": ["a"]}),
    );
    assert!(!ok);
    assert_issue(&issues, "KeyId.1", "params.duplicate", "error", None);
    let mut h = example("huaweicloud");
    h.as_object_mut().unwrap().insert(
        "os-change.imageid".into(),
        json!("e215580f-73ad-429d-b6f2-5433947433b0"),
    );
    let (ok, issues) = check("huaweicloud", h);
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.imageid",
        "params.duplicate",
        "error",
        None,
    );
}

/// null and "" mean "not given" on either side of a flat+nested pair: the
/// other side's value is read, checked and sent.
#[test]
fn a_name_not_given_one_way_is_no_duplicate() {
    let base = json!({"InstanceId": "i", "ImageId": "m"});
    let ctx = json!({"region": "cn-hangzhou", "accessKeyId": "AK", "timestamp": "2024-05-06T07:08:09Z", "nonce": "n", "clientToken": false});
    for (flat, nested, sent) in [
        (json!(80), json!(null), "SystemDisk.Size=80"),
        (json!(""), json!(90), "SystemDisk.Size=90"),
        (json!(null), json!(4096), "SystemDisk.Size=4096"),
    ] {
        let mut params = with(base.clone(), "SystemDisk", json!({ "Size": nested }));
        params["SystemDisk.Size"] = flat.clone();
        let (ok, issues) = check("aliyun", params.clone());
        assert_no_rule(&issues, "SystemDisk.Size", "params.duplicate");
        let out = api::build_request("aliyun", &params, Some(&ctx)).unwrap();
        if sent.ends_with("4096") {
            // Still checked: over the 2048 maximum.
            assert!(!ok);
            assert_issue(
                &issues,
                "SystemDisk.Size",
                "range",
                "error",
                Some("InvalidSystemDiskSize.MoreThanMaxSize"),
            );
        } else {
            assert!(ok, "{flat} {nested}: {issues:?}");
            assert!(
                out["request"]["url"].as_str().unwrap().contains(sent),
                "{out}"
            );
        }
    }
}

#[test]
fn a_name_repeated_in_json_text_is_a_duplicate_not_the_last_one() {
    // JSON text may repeat a name (JS objects cannot): which value is meant is
    // unclear, so it is reported, not silently resolved to the last one.
    let text = r#"{"InstanceId":"i-1","ImageId":"m-1","InstanceId":"i-2"}"#;
    let out = api::validate_text("aliyun", Some(text), None).unwrap();
    assert_eq!(out["ok"], false);
    let issues = out["issues"].as_array().unwrap();
    assert_issue(issues, "InstanceId", "params.duplicate", "error", None);
    assert!(issues[0]["message"]
        .as_str()
        .unwrap()
        .contains("the same name twice"));
    let nested = r#"{"InstanceId":"i-1","ImageId":"m-1","SystemDisk":{"Size":20,"Size":30}}"#;
    let out = api::validate_text("aliyun", Some(nested), None).unwrap();
    let issues = out["issues"].as_array().unwrap();
    assert_issue(issues, "SystemDisk.Size", "params.duplicate", "error", None);
}

// ---- options ----

#[test]
fn zh_messages_differ_from_en() {
    let bad = [
        (
            "huaweicloud",
            json!({"os-change": {"adminpass": "short", "keyname": "k", "mode": "x", "Imageid": 1}}),
        ),
        (
            "otc",
            json!({"os-change": {"adminpass": "Abcdef1!", "metadata": {"BYOL": "no"}}}),
        ),
        (
            "ksyun",
            json!({"InstanceId": "X", "KeyId": ["a", "a"], "SystemDisk.DiskSize": 0, "UserData": "!"}),
        ),
        (
            "aliyun",
            json!({"DiskId": "d", "ImageId": "m", "Password": "/ab", "KMSKeyId": "k", "ClientToken": "ü", "Platform": "x"}),
        ),
        (
            "volcengine",
            json!({"Password": "$6$x", "KeepImageCredential": true, "KeyPairName": "k", "DryRun": "yes"}),
        ),
    ];
    for (p, params) in bad {
        let (_, en) = check_with(p, params.clone(), json!({"locale": "en", "os": "windows"}));
        for tag in ["zh", "zh-CN", "zh_Hans", "ZH-tw"] {
            let (_, zh) = check_with(p, params.clone(), json!({"locale": tag, "os": "windows"}));
            assert_eq!(en.len(), zh.len());
            assert!(en.len() >= 4, "{p}: {en:?}");
            for (e, z) in en.iter().zip(&zh) {
                for k in ["field", "rule", "code", "severity"] {
                    assert_eq!(e[k], z[k]);
                }
                assert_ne!(e["message"], z["message"], "{p} {}", e["rule"]);
                assert!(
                    z["message"]
                        .as_str()
                        .unwrap()
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{z}"
                );
            }
        }
        // Anything else is English.
        for other in [
            json!({"locale": "fr"}),
            json!({"locale": 5}),
            json!({}),
            json!(null),
        ] {
            let mut o = other.clone();
            if let Some(m) = o.as_object_mut() {
                m.insert("os".into(), json!("windows"));
            } else {
                o = json!({"os": "windows"});
            }
            let (_, again) = check_with(p, params.clone(), o);
            assert_eq!(again, en, "{other}");
        }
    }
}

#[test]
fn options_os() {
    let params = json!({"InstanceId": "i", "ImageId": "m", "Password": "/Abcdef1"});
    let prefix_error = |options: Value| {
        let (_, issues) = check_with("aliyun", params.clone(), options);
        assert_quiet(&issues, "options.os");
        issues.iter().any(|i| i["rule"] == "password.prefix")
    };
    assert!(prefix_error(json!({"os": "windows"})));
    assert!(prefix_error(json!({"os": "Windows"})));
    assert!(prefix_error(json!({"os": " WINDOWS "})));
    assert!(!prefix_error(json!({"os": "linux"})));
    assert!(!prefix_error(json!({"os": "LINUX"})));
    assert!(!prefix_error(json!({"os": ""})));
    assert!(!prefix_error(json!({"os": null})));
    assert!(!prefix_error(json!({})));
    for bad in [
        json!("mac"),
        json!("win"),
        json!("windows10"),
        json!(5),
        json!(true),
        json!(["windows"]),
    ] {
        let (ok, issues) = check_with("aliyun", params.clone(), json!({"os": bad}));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "options.os", "options.os", "error", None);
    }
}

// ---- generatePassword / newClientToken ----

fn generated_passwords_validate(p: &str, options: Value) {
    let (params, field) = password_request(p);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..1000 {
        let pw = api::generate_password(p, Some(&options)).unwrap();
        let (ok, issues) = check_with(
            p,
            with(params.clone(), &field.replace('.', "/"), json!(pw.clone())),
            options.clone(),
        );
        assert!(ok, "{p} {options} {pw}: {issues:?}");
        assert_quiet(&issues, field);
        seen.insert(pw);
    }
    assert!(seen.len() > 990, "{p}: only {} distinct", seen.len());
}

#[test]
fn generate_password_for_every_provider_with_a_password() {
    for p in password_provider_ids() {
        for options in [json!({}), json!({"os": "linux"}), json!({"os": "windows"})] {
            generated_passwords_validate(p, options);
        }
    }
}

#[test]
fn generate_password_huaweicloud_with_a_username() {
    let custom = json!({"os": "windows", "username": "ecsuser"});
    for _ in 0..200 {
        let pw = api::generate_password("huaweicloud", Some(&custom)).unwrap();
        let (params, _) = with_password("huaweicloud", &pw);
        let (ok, issues) = check_with("huaweicloud", params, custom.clone());
        assert!(ok);
        assert_quiet(&issues, "os-change.adminpass");
    }
}

/// A password for rules other than the ones asked for is worse than none.
#[test]
fn generate_password_refuses_an_unknown_os() {
    for os in [json!("solaris"), json!(5)] {
        let options = json!({ "os": os, "username": "ab" });
        let err = api::generate_password("huaweicloud", Some(&options)).unwrap_err();
        assert_eq!(err.code, "INVALID_INPUT", "{os}");
    }
}

#[test]
fn generate_password_without_a_password_parameter() {
    let with_password: Vec<_> = password_provider_ids().collect();
    for p in provider_ids().filter(|p| !with_password.contains(p)) {
        assert_eq!(
            api::generate_password(p, None).unwrap_err().code,
            "NO_PASSWORD",
            "{p}"
        );
    }
    assert_eq!(
        api::generate_password("otc", None).unwrap_err().code,
        "NO_PASSWORD"
    );
    assert_eq!(
        api::generate_password("nope", None).unwrap_err().code,
        "UNKNOWN_PROVIDER"
    );
}

#[test]
fn new_client_token_is_a_uuid_v4() {
    let token_fields: Vec<(&str, String)> = provider_ids()
        .filter_map(|p| {
            let f = fields(p)
                .into_iter()
                .find(|f| f["generator"] == "clientToken")?;
            Some((p, f["name"].as_str()?.to_string()))
        })
        .collect();
    assert!(!token_fields.is_empty());
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..200 {
        let t = api::new_client_token().unwrap();
        let b = t.as_bytes();
        assert_eq!(b.len(), 36, "{t}");
        for (i, &c) in b.iter().enumerate() {
            match i {
                8 | 13 | 18 | 23 => assert_eq!(c, b'-', "{t}"),
                _ => assert!(c.is_ascii_digit() || (b'a'..=b'f').contains(&c), "{t}"),
            }
        }
        assert_eq!(b[14], b'4', "version: {t}");
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "variant: {t}");
        // Every provider with a client-token field (as providers() marks it).
        for (p, name) in &token_fields {
            let mut params = example(p);
            params
                .as_object_mut()
                .unwrap()
                .insert(name.clone(), json!(t));
            let (ok, issues) = check(p, params);
            assert!(ok, "{p}");
            assert_quiet(&issues, name);
        }
        seen.insert(t);
    }
    assert_eq!(seen.len(), 200);
}

#[test]
fn every_seed_example_is_ok() {
    for (p, op) in operations() {
        let (ok, issues) = check_with(p, op.example_params(), json!({ "operation": op.name }));
        assert_clean(ok, &issues);
    }
}

#[test]
fn a_name_at_the_wrong_depth_is_pointed_to_its_place() {
    let (_, issues) = check(
        "huaweicloud",
        json!({"adminpass": "Abcdef12!", "Imageid": "x"}),
    );
    let hint = on(&issues, "adminpass");
    assert!(
        hint.iter().any(|i| i["severity"] == "warning"
            && i["message"]
                .as_str()
                .unwrap()
                .contains("os-change.adminpass")),
        "{issues:?}"
    );
    let hint = on(&issues, "Imageid");
    assert!(
        hint.iter()
            .any(|i| i["message"].as_str().unwrap().contains("os-change.imageid")),
        "{issues:?}"
    );
}

/// The name of a struct given a plain value (`"SystemDisk": 80`) would send
/// nothing below it: a type error, not an unknown name; null and "" are
/// "not given" there too.
#[test]
fn a_struct_given_a_plain_value_is_a_type_error() {
    for (p, base, code) in [
        (
            "aliyun",
            json!({"InstanceId": "i-1", "ImageId": "m-1"}),
            Some("InvalidSystemDiskSize.ValueNotSupported"),
        ),
        (
            "ksyun",
            json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"}),
            Some("RootDiskGbInvalidParameterValue"),
        ),
    ] {
        for value in [json!(80), json!("abc"), json!(true)] {
            let (ok, issues) = check(p, with(base.clone(), "SystemDisk", value.clone()));
            assert!(!ok, "{p} {value}");
            assert_issue(&issues, "SystemDisk", "type", "error", code);
            assert_no_rule(&issues, "SystemDisk", "unknown");
        }
        for absent in [Value::Null, json!("")] {
            let (ok, issues) = check(p, with(base.clone(), "SystemDisk", absent));
            assert!(ok, "{p}: {issues:?}");
            assert_quiet(&issues, "SystemDisk");
        }
    }
    // A list's name given null: not given, not "did you mean KeyId.N".
    let (ok, issues) = check(
        "ksyun",
        json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc", "KeyId": null}),
    );
    assert!(ok);
    assert_quiet(&issues, "KeyId");
}

/// An array where a struct is expected (`"SystemDisk": [{"Size": 80}]`), or
/// a plain value where a list item must be a struct (`"Arn": ["r"]`): a type
/// error on that name, and nothing below it reported again.
#[test]
fn a_struct_given_an_array_is_a_type_error() {
    let aliyun = json!({"InstanceId": "i-1", "ImageId": "m-1"});
    let ksyun = json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"});
    let size = Some("InvalidSystemDiskSize.ValueNotSupported");
    for (p, base, name, value, field, code) in [
        (
            "aliyun",
            &aliyun,
            "SystemDisk",
            json!([{"Size": 80}]),
            "SystemDisk",
            size,
        ),
        (
            "aliyun",
            &aliyun,
            "SystemDisk",
            json!([]),
            "SystemDisk",
            size,
        ),
        ("aliyun", &aliyun, "Arn", json!(["r"]), "Arn.1", None),
        (
            "aliyun",
            &aliyun,
            "Arn",
            json!([[{"RoleType": "r"}]]),
            "Arn.1",
            None,
        ),
        (
            "ksyun",
            &ksyun,
            "SystemDisk",
            json!([{"DiskSize": 50}]),
            "SystemDisk",
            Some("RootDiskGbInvalidParameterValue"),
        ),
    ] {
        let (ok, issues) = check(p, with(base.clone(), name, value.clone()));
        assert!(!ok, "{p} {value}");
        assert_issue(&issues, field, "type", "error", code);
        assert_eq!(issues.len(), 1, "{p} {value}: {issues:?}");
    }
}

/// A flat name below a plain field (`"SystemDisk.Size.X"`, `"Password.1"`)
/// is sent nowhere: an unknown name, as any other. Given nested, the field
/// itself has the wrong type, and that error says it all.
#[test]
fn a_name_below_a_plain_field_is_unknown() {
    let base = json!({"InstanceId": "i-1", "ImageId": "m-1"});
    for (name, meant) in [
        ("SystemDisk.Size.X", "SystemDisk.Size"),
        ("InstanceId.X", "InstanceId"),
        ("Password.1", "Password"),
    ] {
        let (ok, issues) = check("aliyun", with(base.clone(), name, json!(1)));
        assert!(ok, "{name}: {issues:?}");
        assert_issue(&issues, name, "unknown", "warning", None);
        let hint = on(&issues, name);
        assert!(
            hint[0]["message"].as_str().unwrap().contains(meant),
            "{hint:?}"
        );
    }
    let nested = with(base, "SystemDisk", json!({"Size": {"X": 1}}));
    let (ok, issues) = check("aliyun", nested);
    assert!(!ok);
    assert_issue(
        &issues,
        "SystemDisk.Size",
        "type",
        "error",
        Some("InvalidSystemDiskSize.ValueNotSupported"),
    );
    assert_eq!(issues.len(), 1, "{issues:?}");
}

/// An id or a name with white space around it is sent as given, and no
/// provider's ids have any: a warning. Passwords may.
#[test]
fn white_space_around_an_id_is_a_warning() {
    for (p, base, field) in [
        (
            "aliyun",
            json!({"InstanceId": "i-1", "ImageId": "m-1"}),
            "InstanceId",
        ),
        (
            "aliyun",
            json!({"InstanceId": "i-1", "ImageId": "m-1"}),
            "ImageId",
        ),
        (
            "volcengine",
            json!({"InstanceId": "i-1", "ImageId": "image-1", "Password": "Password@123"}),
            "InstanceId",
        ),
        (
            "volcengine",
            json!({"InstanceId": "i-1", "ImageId": "image-1", "KeyPairName": "kp"}),
            "KeyPairName",
        ),
    ] {
        for padded in [" x", "x ", "   ", "\u{3000}"] {
            let (ok, issues) = check(p, with(base.clone(), field, json!(padded)));
            assert!(ok, "{p} {field} {padded:?}: {issues:?}");
            assert_issue(&issues, field, "whitespace", "warning", None);
        }
        let (_, issues) = check(p, base.clone());
        assert_no_rule(&issues, field, "whitespace");
    }
    // ksyun allows "other visible characters" (a space only warned).
    let (ok, issues) = check(
        "ksyun",
        json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": " 1qaQ!abc"}),
    );
    assert!(ok, "{issues:?}");
    assert_no_rule(&issues, "InstancePassword", "whitespace");
    // A password OTC does not take, and a value another issue already names:
    // one issue each, none about white space.
    let mut otc = example("otc");
    otc["os-change"]["adminpass"] = json!(" Secret@2024");
    otc["os-change"]["metadata"] = json!({"BYOL": " true"});
    let (_, issues) = check("otc", otc);
    assert_no_rule(&issues, "os-change.adminpass", "whitespace");
    assert_eq!(
        on(&issues, "os-change.metadata.BYOL").len(),
        1,
        "{issues:?}"
    );
}

/// Empty items of an array (a form's blank row) take no position: no gap.
#[test]
fn empty_array_items_take_no_position() {
    let base = json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "InstancePassword": "1qaQ!abc"});
    let (a, b) = (
        "552a0523-b9b4-4868-b8d9-52ad7a38bf89",
        "0b6c1f3e-7a2d-4c59-9e84-3f1a2b5c6d7e",
    );
    for keys in [json!([a, "", b]), json!([a, null, b]), json!(["", a, b])] {
        let (ok, issues) = check("ksyun", with(base.clone(), "KeyId", keys.clone()));
        assert!(ok, "{keys}: {issues:?}");
        assert_no_rule(&issues, "KeyId.N", "list.gap");
        let out = api::build_request(
            "ksyun",
            &with(base.clone(), "KeyId", keys),
            Some(&json!({
                "region": "cn-beijing-6", "accessKeyId": "AK", "timestamp": "2024-05-06T07:08:09Z"
            })),
        )
        .unwrap();
        let url = out["request"]["url"].as_str().unwrap();
        assert!(url.contains(&format!("KeyId.1={a}&KeyId.2={b}")), "{url}");
    }
    // Flat names with a gap are still a gap.
    let flat = with(with(base, "KeyId.1", json!(a)), "KeyId.3", json!(b));
    let (ok, issues) = check("ksyun", flat);
    assert!(!ok);
    assert_issue(
        &issues,
        "KeyId.N",
        "list.gap",
        "error",
        Some("KeyIdInvalidParameterValue"),
    );
}

/// `providers()` states every password rule `validate` applies, and each
/// stated rule holds: disputed characters warn, forbidden prefixes refuse
/// (on Windows only where said), other visible characters pass.
#[test]
fn password_metadata_states_the_rules() {
    for p in provider_ids() {
        let Some(field) = fields(p)
            .into_iter()
            .find(|f| f["constraints"]["format"] == "password")
        else {
            continue;
        };
        let name = field["name"].as_str().unwrap().to_string();
        let c = &field["constraints"];
        assert!(
            c["minClasses"].is_u64() != c["requiredClasses"].is_array(),
            "{p}: one class rule {c}"
        );
        let (base, _) = password_request(p);
        let path = name.replace('.', "/");
        let with_password = |pw: &str| with(base.clone(), &path, json!(pw));
        for ch in c["disputedCharacters"].as_str().unwrap_or("").chars() {
            let (ok, issues) = check(p, with_password(&format!("Aa1{ch}bcdefg")));
            assert!(ok, "{p} {ch}: {issues:?}");
            assert_issue(
                &issues,
                &name,
                "password.disputed_chars",
                "warning",
                field["code"].as_str(),
            );
        }
        for prefix in c["forbiddenPrefixes"].as_array().into_iter().flatten() {
            let pw = format!("{}Aa1bcdefg", prefix["prefix"].as_str().unwrap());
            let windows = json!({"os": "windows"});
            let (ok, _) = check_with(p, with_password(&pw), windows);
            assert!(!ok, "{p} {pw} on Windows");
            let (ok, _) = check_with(p, with_password(&pw), json!({"os": "linux"}));
            assert_eq!(ok, prefix["windowsOnly"] == true, "{p} {pw} on Linux");
        }
        if c["otherCharacters"] == "visible" {
            let (ok, issues) = check(p, with_password("Aa1bcdef\u{7e}\u{60}"));
            assert!(ok, "{p}: {issues:?}");
        }
        let username_rule = c["windowsUsernameRule"] == true;
        let (ok, _) = check_with(
            p,
            with_password("Administrator1!"),
            json!({"os": "windows"}),
        );
        assert_eq!(ok, !username_rule, "{p}: the username rule is stated");
    }
    let ksyun = fields("ksyun");
    let pw = ksyun
        .iter()
        .find(|f| f["name"] == "InstancePassword")
        .unwrap();
    assert_eq!(pw["constraints"]["otherCharacters"], "visible");
    assert_eq!(
        pw["constraints"]["requiredClasses"],
        json!(["upper", "lower", "digit"])
    );
}

/// A rule with its own code says so in `providers()` (`codes`, or `code` on
/// an advisory rule; `null` for a hint), and validate answers that code.
#[test]
fn constraint_codes_are_stated() {
    let size = fields("aliyun")
        .into_iter()
        .find(|f| f["name"] == "SystemDisk.Size")
        .unwrap();
    let c = &size["constraints"];
    assert_eq!(
        c["codes"],
        json!({"minimum": "InvalidSystemDiskSize.LessThanMinSize", "maximum": "InvalidSystemDiskSize.MoreThanMaxSize"})
    );
    assert_eq!(
        c["advisory"][0]["code"],
        "InvalidSystemDiskSize.LessThanMinSize"
    );
    let base = json!({"InstanceId": "i-1", "ImageId": "m-1"});
    for (n, key) in [(0, "minimum"), (2049, "maximum")] {
        let (_, issues) = check("aliyun", with(base.clone(), "SystemDisk.Size", json!(n)));
        assert_issue(
            &issues,
            "SystemDisk.Size",
            "range",
            "error",
            c["codes"][key].as_str(),
        );
    }
    let byol = fields("otc")
        .into_iter()
        .find(|f| f["name"] == "os-change.metadata.BYOL")
        .unwrap();
    assert_eq!(byol["constraints"]["advisory"][0]["code"], Value::Null);
    let keys = fields("ksyun")
        .into_iter()
        .find(|f| f["name"] == "KeyId.N")
        .unwrap();
    assert_eq!(
        keys["constraints"]["codes"]["maxItems"],
        "InvalidParameter.InstanceKeyLimitExceeded"
    );
}
