//! Properties (proptest, native only): generated passwords pass their own
//! provider's rules; canonical requests do not depend on query order; the
//! percent encoders round-trip; validate is total; buildRequest never builds
//! what validate refuses.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reinstall_kit::api;
use reinstall_kit::options::Os;
use reinstall_kit::providers;
use reinstall_kit::schema::{Generator, Provider};
use reinstall_kit::signing::encode::{percent_decode, rfc3986, rfc3986_path};
use reinstall_kit::signing::{self, Scheme, Secret, SignInput, Timestamp};
use serde_json::{json, Map, Value};

fn password_providers() -> Vec<&'static Provider> {
    providers::ALL
        .iter()
        .copied()
        .filter(|p| {
            p.default_operation()
                .fields
                .iter()
                .any(|f| f.generator == Some(Generator::Password))
        })
        .collect()
}

/// `{field: pw}` or `{outer: {inner: pw}}` for the provider's password field.
fn password_params(field: &str, pw: &str) -> Value {
    match field.split_once('.') {
        Some((outer, inner)) => json!({ outer: { inner: pw } }),
        None => json!({ field: pw }),
    }
}

fn os_strategy() -> impl Strategy<Value = Option<Os>> {
    prop_oneof![Just(None), Just(Some(Os::Linux)), Just(Some(Os::Windows))]
}

fn os_json(os: Option<Os>) -> Value {
    match os {
        None => Value::Null,
        Some(Os::Linux) => json!("linux"),
        Some(Os::Windows) => json!("windows"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// PasswordPolicy::generate, fed by any u32 stream (then a fixed PRNG so it
    /// always ends), returns a password its policy and `validate` accept.
    #[test]
    fn generated_passwords_validate(
        which in 0..password_providers().len(),
        os in os_strategy(),
        username in proptest::option::of("[ -~]{1,20}"),
        stream in proptest::collection::vec(any::<u32>(), 0..64),
    ) {
        let provider = password_providers()[which];
        let field = provider.default_operation().fields.iter().find(|f| f.generator == Some(Generator::Password)).unwrap();
        let policy = field.password_policy().unwrap();
        let effective = username.as_deref().or(os.map(Os::default_username));
        let mut i = 0;
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            if let Some(&v) = stream.get(i) {
                i += 1;
                return v;
            }
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u32
        };
        let pw = policy.generate(os, effective, &mut next);
        prop_assert!(policy.check(&pw, os, effective).is_empty(), "{:?}", pw);
        let options = json!({ "os": os_json(os), "username": username });
        let out = api::validate(provider.id, &password_params(field.name, &pw), Some(&options)).unwrap();
        let on_field: Vec<&Value> = out["issues"].as_array().unwrap().iter()
            .filter(|i| i["field"] == field.name).collect();
        prop_assert!(on_field.is_empty(), "{:?}: {:?}", pw, on_field);
    }

    /// api::generate_password (system randomness) for every provider and OS.
    #[test]
    fn api_generate_password_validates(which in 0..password_providers().len(), os in os_strategy()) {
        let provider = password_providers()[which];
        let field = provider.default_operation().fields.iter().find(|f| f.generator == Some(Generator::Password)).unwrap();
        let options = json!({ "os": os_json(os) });
        let pw = api::generate_password(provider.id, Some(&options)).unwrap();
        let out = api::validate(provider.id, &password_params(field.name, &pw), Some(&options)).unwrap();
        prop_assert!(
            out["issues"].as_array().unwrap().iter().all(|i| i["field"] != field.name),
            "{} {:?}: {}", provider.id, pw, out
        );
    }

    /// rfc3986 / rfc3986_path, then percent_decode, give back the input.
    #[test]
    fn encode_decode_round_trips(s in any::<String>()) {
        prop_assert_eq!(percent_decode(&rfc3986(&s), false), s.clone());
        prop_assert_eq!(percent_decode(&rfc3986(&s), true), s.clone());
        prop_assert_eq!(percent_decode(&rfc3986_path(&s), false), s.clone());
        prop_assert!(rfc3986(&s).bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
    }

    /// For every scheme: the same query pairs in another order give the same
    /// canonical request and signature.
    #[test]
    fn canonical_query_ignores_order(
        pairs in proptest::collection::btree_map(any::<String>(), any::<String>(), 0..12)
            .prop_map(|m| m.into_iter().collect::<Vec<_>>())
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let (ordered, shuffled) = pairs;
        for &scheme in Scheme::ALL {
            let a = sign(scheme, &ordered);
            let b = sign(scheme, &shuffled);
            prop_assert_eq!(&a.canonical_request, &b.canonical_request, "{}", scheme.id());
            prop_assert_eq!(&a.string_to_sign, &b.string_to_sign, "{}", scheme.id());
            prop_assert_eq!(&a.signature, &b.signature, "{}", scheme.id());
        }
    }

    /// validate takes any JSON value, with any options, and answers {ok, issues}.
    #[test]
    fn validate_is_total(params in json_value(), options in json_value()) {
        for id in providers::ALL.iter().map(|p| p.id) {
            for opts in [None, Some(&options)] {
                let out = api::validate(id, &params, opts).unwrap();
                assert_result(&out);
            }
        }
    }

    /// buildRequest returns a request exactly when validate finds no error.
    #[test]
    fn build_never_builds_what_validate_refuses(params in json_value(), windows in any::<bool>()) {
        for id in providers::ALL.iter().map(|p| p.id) {
            let options = json!({ "os": if windows { "windows" } else { "linux" } });
            let checked = api::validate(id, &params, Some(&options)).unwrap();
            let ok = assert_result(&checked);
            let built = api::build_request(id, &params, Some(&context(id, &options))).unwrap();
            let built_ok = assert_result(&built);
            prop_assert_eq!(built_ok, ok, "{}: {} vs {}", id, checked, built);
            prop_assert_eq!(built.get("request").is_some(), ok);
            if !ok {
                prop_assert!(built.get("signing").is_none() && built.get("curl").is_none());
            }
        }
    }

    /// Examples with one field replaced: still the same agreement (reaches the
    /// field and cross-field rules much more often than random objects).
    #[test]
    fn build_agrees_with_validate_near_examples(which in 0..providers::ALL.len(), key in known_name(), value in json_value()) {
        let provider = providers::ALL[which];
        let mut params = provider.default_operation().example_params();
        if let Value::Object(m) = &mut params {
            m.insert(key, value);
        }
        let options = json!({});
        let ok = assert_result(&api::validate(provider.id, &params, Some(&options)).unwrap());
        let built = api::build_request(provider.id, &params, Some(&context(provider.id, &options))).unwrap();
        prop_assert_eq!(assert_result(&built), ok);
        prop_assert_eq!(built.get("request").is_some(), ok);
    }
}

fn sign(scheme: Scheme, pairs: &[(String, String)]) -> signing::SigningResult {
    let query = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let input = SignInput {
        scheme,
        method: "POST".into(),
        url: format!("https://ecs.example-region.example.com/v1/p?{query}"),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: "{}".into(),
        timestamp: Timestamp::parse_rfc3339("2024-05-06T07:08:09Z").unwrap(),
        nonce: Some("nonce-1".into()),
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: Some(Secret::new("property-secret")),
        security_token: None,
        region: Some("cn-north-4".into()),
        service: Some("ecs".into()),
    };
    signing::sign(&input).unwrap()
}

fn context(id: &str, options: &Value) -> Value {
    let region = providers::find(id).unwrap().region.example;
    let mut ctx = json!({
        "region": region, "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "property-secret",
        "timestamp": "2024-05-06T07:08:09Z", "nonce": "n-1",
        "clientToken": "123e4567-e89b-12d3-a456-426655440000",
    });
    for key in ["os", "locale", "username"] {
        if let Some(v) = options.get(key) {
            ctx[key] = v.clone();
        }
    }
    ctx
}

/// Checks `{ok, issues}` and that ok means "no error"; returns ok.
fn assert_result(out: &Value) -> bool {
    let ok = out["ok"].as_bool().expect("ok");
    let issues = out["issues"].as_array().expect("issues");
    for i in issues {
        assert!(i["field"].is_string() && i["rule"].is_string(), "{i}");
        assert!(i["message"].as_str().is_some_and(|m| !m.is_empty()), "{i}");
        assert!(
            i["severity"] == "error" || i["severity"] == "warning",
            "{i}"
        );
    }
    assert_eq!(ok, !issues.iter().any(|i| i["severity"] == "error"));
    ok
}

/// Every documented name (lists at positions 1, 2, 0) and its segments.
fn known_names() -> Vec<String> {
    let mut names = vec![
        "Action".to_string(),
        "Version".to_string(),
        "__proto__".to_string(),
    ];
    for p in providers::ALL {
        for f in p.default_operation().fields {
            names.push(f.name.to_string());
            for pos in ["1", "2", "0"] {
                names.push(f.name.replace(".N", &format!(".{pos}")));
            }
            names.extend(f.name.split('.').map(str::to_string));
        }
    }
    names.sort();
    names.dedup();
    names
}

fn known_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(known_names()),
        1 => any::<String>(),
    ]
}

/// Any JSON value up to 10 levels deep, keys mostly documented names, strings
/// mostly values the rules look at.
fn json_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        proptest::sample::select(vec![
            "true",
            "false",
            "TRUE",
            "0",
            "1",
            "-1",
            "80",
            "2048",
            "99999999999999999999",
            "e215580f-73ad-429d-b6f2-5433947433b0",
            "Admin123!",
            "EcsV587!",
            "aGVsbG8=",
            "linux",
            "windows",
            "Active",
            "offline",
            "withStopServer",
            "$6$x",
            "/Abc123!",
            "",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(10, 128, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((known_name(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}
