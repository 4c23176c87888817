//! Canary test: a unique secret key and password go through every API
//! function — validate, buildRequest for every provider and scheme,
//! signRequest for every scheme, the errors of bad inputs, and the `Debug`
//! output of `build::Context` and `signing::SignInput` — and every string
//! that comes back is scanned for them.
//!
//! The secret key must appear nowhere. The password is part of the request
//! itself (URL, body, canonical request, curl), so it is looked for only in
//! issues, errors and `Debug` output. A security token is sent as a header by
//! design and is not checked here.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api::{self, ApiError};
use reinstall_kit::engine::build::Context;
use reinstall_kit::providers;
use reinstall_kit::signing::{Scheme, Secret, SignInput, Timestamp};
use serde_json::{json, Value};

const SECRET: &str = "SK-canary-d41f0b7e9a52";
const TOKEN: &str = "STS-token-canary-17c3";
/// The core every password variant below contains.
const PW_CORE: &str = "pwCanary";

/// Passwords that pass, and that fail in every way the rules can say.
fn passwords() -> Vec<String> {
    vec![
        format!("Aa1!{PW_CORE}x"),                  // valid for most providers
        format!("{PW_CORE}"),                       // too few classes
        format!("Aa1!{PW_CORE}{}", "z".repeat(40)), // too long
        format!("Aa1 {PW_CORE}\u{7}é"),             // bad and control characters
        format!("/Aa1!{PW_CORE}"),                  // forbidden prefix (Windows)
        format!("$6$Aa1!{PW_CORE}"),                // forbidden prefix (Volcengine)
        format!("Administrator1!{PW_CORE}"),        // contains the username (Windows)
        format!("Aa1~#*{PW_CORE}"),                 // disputed characters (warning)
    ]
}

fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                strings(v, out);
            }
        }
        _ => {}
    }
}

#[track_caller]
fn assert_no_secret(v: &Value, what: &str) {
    let mut all = Vec::new();
    strings(v, &mut all);
    for s in all {
        assert!(!s.contains(SECRET), "{what}: the secret key is in {s:?}");
    }
}

/// The password must not be in any issue (field, rule, code, message).
#[track_caller]
fn assert_issues_clean(out: &Value, what: &str) {
    let issues = out["issues"].as_array().expect("issues");
    for issue in issues {
        let text = issue.to_string();
        assert!(!text.contains(PW_CORE), "{what}: password in issue {text}");
        assert!(!text.contains(SECRET), "{what}: secret in issue {text}");
    }
}

#[track_caller]
fn assert_error_clean(e: &ApiError, what: &str) {
    let all = format!("{e} {e:?} {}", e.to_json());
    assert!(!all.contains(SECRET), "{what}: secret in error {all}");
    assert!(!all.contains(PW_CORE), "{what}: password in error {all}");
}

/// The example of `id` with every password parameter it might take set to `pw`.
fn params_with_password(id: &str, pw: &str) -> Value {
    let mut params = providers::find(id)
        .unwrap()
        .default_operation()
        .example_params();
    let m = params.as_object_mut().unwrap();
    match id {
        "huaweicloud" | "otc" => {
            let change = m
                .entry("os-change")
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .unwrap();
            change.insert("adminpass".into(), json!(pw));
            change.remove("keyname");
        }
        "ksyun" => {
            m.insert("InstancePassword".into(), json!(pw));
        }
        _ => {
            m.insert("Password".into(), json!(pw));
        }
    }
    params
}

fn context(id: &str, scheme: Option<Scheme>, os: &str) -> Value {
    let region = providers::find(id).unwrap().region.example;
    let mut ctx = json!({
        "region": region,
        "accessKeyId": "AKIDCANARYTEST",
        "secretAccessKey": SECRET,
        "securityToken": TOKEN,
        "timestamp": "2024-05-06T07:08:09Z",
        "nonce": "nonce-canary",
        "clientToken": "123e4567-e89b-12d3-a456-426655440000",
        "os": os,
    });
    if let Some(s) = scheme {
        ctx["scheme"] = json!(s.id());
    }
    ctx
}

#[test]
fn validate_never_shows_the_password() {
    for p in providers::ALL {
        for pw in passwords() {
            for os in ["linux", "windows"] {
                let params = params_with_password(p.id, &pw);
                for locale in ["en", "zh"] {
                    let options = json!({ "os": os, "locale": locale });
                    let out = api::validate(p.id, &params, Some(&options)).unwrap();
                    assert_issues_clean(&out, p.id);
                    let text = params.to_string();
                    let out =
                        api::validate_text(p.id, Some(&text), Some(&options.to_string())).unwrap();
                    assert_issues_clean(&out, p.id);
                }
            }
        }
    }
}

#[test]
fn build_request_never_shows_the_secret_for_any_provider_and_scheme() {
    for p in providers::ALL {
        let schemes = p
            .default_operation()
            .schemes
            .iter()
            .copied()
            .map(Some)
            .chain([None]);
        for scheme in schemes {
            for pw in passwords() {
                for os in ["linux", "windows"] {
                    let params = params_with_password(p.id, &pw);
                    let ctx = context(p.id, scheme, os);
                    let what = format!("{} {:?} {os} {pw}", p.id, scheme.map(Scheme::id));
                    let out = api::build_request(p.id, &params, Some(&ctx)).unwrap();
                    assert_no_secret(&out, &what);
                    assert_issues_clean(&out, &what);
                    let out =
                        api::build_request_text(p.id, Some(&params.to_string()), &ctx.to_string())
                            .unwrap();
                    assert_no_secret(&out, &what);
                    assert_issues_clean(&out, &what);
                }
            }
            // The valid example signs (so the secret was really used).
            let out = api::build_request(
                p.id,
                &p.default_operation().example_params(),
                Some(&context(p.id, scheme, "linux")),
            )
            .unwrap();
            assert_eq!(out["ok"], true, "{}: {out}", p.id);
            assert!(out["signing"]["signature"].is_string(), "{}", p.id);
            assert_no_secret(&out, p.id);
        }
    }
}

#[test]
fn build_request_errors_never_show_the_secret() {
    let p = providers::find("aliyun").unwrap();
    let params = params_with_password(p.id, &passwords()[0]);
    let base = context(p.id, None, "linux");
    let bad: Vec<(&str, Value)> = vec![
        ("scheme", json!("aws-sigv4")),      // not one of aliyun's
        ("scheme", json!("no-such-scheme")), // unknown
        ("timestamp", json!("yesterday")),
        ("region", json!(42)),
        ("endpoint", json!("https://h/path?x=1")),
        ("region", json!("NOT A REGION")),
        ("accessKeyId", json!(["x"])),
        ("userAgent", json!("bad\r\nheader")),
        ("securityToken", json!({"a": 1})),
        ("secretAccessKey", json!(7)),
    ];
    for (key, value) in bad {
        let mut ctx = base.clone();
        ctx[key] = value;
        match api::build_request(p.id, &params, Some(&ctx)) {
            Ok(out) => {
                assert_no_secret(&out, key);
                assert_issues_clean(&out, key);
            }
            Err(e) => assert_error_clean(&e, key),
        }
        match api::build_request_text(p.id, Some(&params.to_string()), &ctx.to_string()) {
            Ok(out) => assert_no_secret(&out, key),
            Err(e) => assert_error_clean(&e, key),
        }
    }
    // A context that is not JSON at all, and one too large, with the secret inside.
    let broken = format!("{{\"secretAccessKey\": \"{SECRET}\", ");
    let e = api::build_request_text(p.id, Some("{}"), &broken).unwrap_err();
    assert_error_clean(&e, "broken context");
    let large = format!(
        "{{\"secretAccessKey\": \"{SECRET}\", \"pad\": \"{}\"}}",
        "x".repeat(70_000)
    );
    let e = api::build_request_text(p.id, Some("{}"), &large).unwrap_err();
    assert_error_clean(&e, "large context");
}

fn sign_input(scheme: Scheme) -> Value {
    json!({
        "scheme": scheme.id(),
        "method": "POST",
        "url": format!("https://ecs.cn-north-4.example.com/v1/p/s?Password=Aa1!{PW_CORE}&a=1"),
        "headers": { "Content-Type": "application/json", "X-Extra": "v" },
        "body": format!("{{\"adminpass\": \"Aa1!{PW_CORE}\"}}"),
        "timestamp": "2024-05-06T07:08:09Z",
        "nonce": "nonce-canary",
        "accessKeyId": "AKIDCANARYTEST",
        "secretAccessKey": SECRET,
        "securityToken": TOKEN,
        "region": "cn-north-4",
        "service": "ecs",
    })
}

#[test]
fn sign_request_never_shows_the_secret() {
    for &scheme in Scheme::ALL {
        let out = api::sign_request(&sign_input(scheme)).unwrap();
        assert!(out["signature"].is_string(), "{}", scheme.id());
        assert_no_secret(&out, scheme.id());

        // Every way the input can be wrong: a clean error without the secret or password.
        let bad: Vec<(&str, Value)> = vec![
            ("url", json!("not a url")),
            ("url", json!(format!("https://user@h/?p={PW_CORE}"))),
            ("method", json!("GE T")),
            ("method", json!(7)),
            ("timestamp", json!("2024-13-01T00:00:00Z")),
            ("headers", json!({ "X-Bad": format!("a\r\n{SECRET}") })),
            ("headers", json!({ "Bad Name": "v" })),
            ("headers", json!(format!("Aa1!{PW_CORE}"))),
            (
                "headers",
                json!({ "X-Amz-Date": "garbage", "X-Sdk-Date": "garbage" }),
            ),
            ("region", Value::Null),
            ("service", Value::Null),
            ("nonce", Value::Null),
            ("accessKeyId", Value::Null),
            ("secretAccessKey", json!(12)),
            ("scheme", json!("nope")),
        ];
        for (key, value) in bad {
            let mut input = sign_input(scheme);
            input[key] = value;
            let what = format!("{} {key}", scheme.id());
            match api::sign_request(&input) {
                Ok(out) => assert_no_secret(&out, &what),
                Err(e) => assert_error_clean(&e, &what),
            }
        }
    }
    let e = api::sign_request(&json!(SECRET)).unwrap_err();
    assert_error_clean(&e, "not an object");
}

#[test]
fn debug_output_is_redacted() {
    for p in providers::ALL {
        let ctx = Context::from_json(Some(&context(p.id, None, "windows"))).unwrap();
        let debug = format!("{ctx:?} {ctx:#?}");
        assert!(
            !debug.contains(SECRET),
            "Context Debug shows the secret: {debug}"
        );
        assert!(
            !debug.contains(TOKEN),
            "Context Debug shows the token: {debug}"
        );
        assert!(debug.contains("<redacted>"), "{debug}");
    }
    for &scheme in Scheme::ALL {
        let input = SignInput {
            scheme,
            method: "GET".into(),
            url: "https://h/".into(),
            headers: vec![],
            body: String::new(),
            timestamp: Timestamp::parse_rfc3339("2024-05-06T07:08:09Z").unwrap(),
            nonce: None,
            access_key_id: "AK".into(),
            secret_access_key: Some(Secret::new(SECRET)),
            security_token: Some(Secret::new(TOKEN)),
            region: None,
            service: None,
        };
        let debug = format!("{input:?} {input:#?} {:?}", input.clone());
        assert!(!debug.contains(SECRET) && !debug.contains(TOKEN), "{debug}");
    }
    let secret = Secret::new(SECRET);
    assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
    assert_eq!(secret.expose(), SECRET);
}

#[test]
fn generate_password_and_providers_carry_no_canary() {
    for p in providers::ALL {
        match api::generate_password(p.id, Some(&json!({ "os": "windows", "username": SECRET }))) {
            Ok(pw) => assert!(!pw.contains(SECRET)),
            Err(e) => assert_error_clean(&e, p.id),
        }
    }
    assert_no_secret(&api::providers_json(), "providers");
}
