//! Inputs that crashed, hung or blew up memory or output (found by the fuzz
//! targets in fuzz/ or while hardening for them), kept as plain tests so they
//! run natively and in wasm on every `make test`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api;
use reinstall_kit::providers;
use reinstall_kit::signing::{self, Scheme, SignError, SignInput, Timestamp, MAX_HEADERS};
use reinstall_kit::util::limits::{MAX_ENTRIES, MAX_NAME_BYTES};
use serde_json::{json, Map, Value};

/// The ids of the registered providers.
fn provider_ids() -> impl Iterator<Item = &'static str> {
    providers::ALL.iter().map(|p| p.id)
}

fn issues(out: &Value) -> &Vec<Value> {
    out["issues"].as_array().expect("issues")
}

/// Total bytes of every issue field: the answer must stay about as large as the input.
fn field_bytes(out: &Value) -> usize {
    issues(out)
        .iter()
        .map(|i| i["field"].as_str().unwrap().len())
        .sum()
}

/// One 3 MB key over a list of 500 items used to become 500 paths of 3 MB
/// (1.5 GB of memory, and as much again in the issues' fields).
#[test]
fn long_key_over_a_list_is_one_issue() {
    let key = "k".repeat(3 * 1024 * 1024);
    let params = json!({ key: vec![1; 500] });
    for id in provider_ids() {
        let out = api::validate(id, &params, None).unwrap();
        assert_eq!(out["ok"], false);
        let long: Vec<&Value> = issues(&out)
            .iter()
            .filter(|i| i["rule"] == "params.name_too_long")
            .collect();
        assert_eq!(long.len(), 1, "{id}: {:?}", issues(&out).len());
        assert!(
            field_bytes(&out) < 64 * 1024,
            "{id}: {} bytes of fields",
            field_bytes(&out)
        );
    }
    // Through the text entry point, as the wasm layer calls it.
    let text = format!(
        "{{\"{}\": [{}]}}",
        "k".repeat(3_000_000),
        vec!["1"; 500].join(",")
    );
    let out = api::validate_text("aliyun", Some(&text), None).unwrap();
    assert!(field_bytes(&out) < 64 * 1024);
}

/// Names at the limit are read; one byte more is not.
#[test]
fn name_length_boundary() {
    let at = "a".repeat(MAX_NAME_BYTES);
    let over = "a".repeat(MAX_NAME_BYTES + 1);
    let out = api::validate("volcengine", &json!({ at.clone(): 1 }), None).unwrap();
    assert!(issues(&out)
        .iter()
        .any(|i| i["field"] == at.as_str() && i["rule"] == "unknown"));
    let out = api::validate("volcengine", &json!({ over: 1 }), None).unwrap();
    let i = issues(&out)
        .iter()
        .find(|i| i["rule"] == "params.name_too_long")
        .expect("name_too_long");
    assert_eq!(i["severity"], "warning");
    assert!(i["field"].as_str().unwrap().ends_with('…'));
    // Cut on a character boundary, never inside one.
    let wide = "中".repeat(100);
    let out = api::validate("volcengine", &json!({ wide: 1 }), None).unwrap();
    let field = issues(&out)[0]["field"].as_str().unwrap();
    assert!(
        field.len() <= 67 && field.starts_with("中中") && field.ends_with('…'),
        "{field}"
    );
}

/// A list at the deepest level with a million items used to give one
/// `params.too_deep` issue per item (hundreds of MB of answer for 4 MB of input).
#[test]
fn wide_list_below_the_depth_limit_is_bounded() {
    // `Deep` is level 1, the seven `a` levels 2–8, so the list is at level 8
    // and every item one level too deep.
    let mut deep = Value::Array(vec![json!(1); 200_000]);
    for _ in 0..7 {
        deep = json!({ "a": deep });
    }
    for id in provider_ids() {
        let out = api::validate(id, &json!({ "Deep": deep }), None).unwrap();
        assert_eq!(out["ok"], false);
        let n = issues(&out).len();
        assert!(n <= MAX_ENTRIES + 50, "{id}: {n} issues");
        assert!(issues(&out).iter().any(|i| i["rule"] == "params.too_deep"));
        assert!(issues(&out).iter().any(|i| i["rule"] == "params.too_many"));
    }
}

/// Flat and nested spellings of the same name, many times over: each
/// duplicate counts towards the entry limit, so the issues stay bounded.
#[test]
fn duplicates_are_bounded() {
    let mut m = Map::new();
    let items: Vec<Value> = (0..5000).map(|i| json!(i)).collect();
    m.insert("KeyId".into(), Value::Array(items));
    for i in 1..=5000 {
        m.insert(format!("KeyId.{i}"), json!(i));
    }
    let out = api::validate("ksyun", &Value::Object(m), None).unwrap();
    assert!(
        issues(&out).len() <= MAX_ENTRIES + 50,
        "{}",
        issues(&out).len()
    );
}

/// Half a million headers: the Huawei scheme looks each name up among the
/// others (quadratic: 80 000 headers took 97 s natively). More than 512
/// headers are refused up front, by the API and by `signing::sign` itself.
#[test]
fn too_many_headers_are_refused_before_signing() {
    let headers: Map<String, Value> = (0..100_000)
        .map(|i| (format!("X-H{i}"), json!("v")))
        .collect();
    for scheme in Scheme::ALL.iter().map(|s| s.id()) {
        let input = json!({
            "scheme": scheme, "method": "GET", "url": "https://h/", "headers": headers,
            "timestamp": "2024-05-06T07:08:09Z", "accessKeyId": "AK", "secretAccessKey": "SK",
            "nonce": "n", "region": "r", "service": "s",
        });
        let e = api::sign_request(&input).unwrap_err();
        assert_eq!(e.code, "INPUT_TOO_LARGE", "{scheme}");
    }
    let at_limit: Map<String, Value> = (0..MAX_ENTRIES)
        .map(|i| (format!("X-H{i}"), json!("v")))
        .collect();
    let input = json!({
        "scheme": "huawei-sdk-hmac-sha256", "method": "GET", "url": "https://h/", "headers": at_limit,
        "timestamp": "2024-05-06T07:08:09Z", "accessKeyId": "AK", "secretAccessKey": "SK",
    });
    assert!(api::sign_request(&input).is_ok());
    let direct = SignInput {
        scheme: Scheme::HuaweiSdkHmacSha256,
        method: "GET".into(),
        url: "https://h/".into(),
        headers: (0..=MAX_HEADERS)
            .map(|i| (format!("X-H{i}"), "v".into()))
            .collect(),
        body: String::new(),
        timestamp: Timestamp::parse_rfc3339("2024-05-06T07:08:09Z").unwrap(),
        nonce: None,
        access_key_id: "AK".into(),
        secret_access_key: None,
        security_token: None,
        region: None,
        service: None,
    };
    assert_eq!(signing::sign(&direct), Err(SignError::TooManyHeaders));
}

/// Options and context past 64 KiB: ignored (options) or refused (context), unparsed.
#[test]
fn options_and_context_limits() {
    let pad = "x".repeat(reinstall_kit::util::limits::MAX_OPTIONS_BYTES);
    let options = format!("{{\"os\": \"windows\", \"pad\": \"{pad}\"}}");
    let params = r#"{"os-change": {"adminpass": "Administrator1!"}}"#;
    let out = api::validate_text("huaweicloud", Some(params), Some(&options)).unwrap();
    // The options were not read, so the Windows-only username rule did not run.
    assert!(!issues(&out)
        .iter()
        .any(|i| i["rule"] == "password.username"));
    let context = format!("{{\"region\": \"cn-hangzhou\", \"pad\": \"{pad}\"}}");
    let e = api::build_request_text("aliyun", Some("{}"), &context).unwrap_err();
    assert_eq!(e.code, "INPUT_TOO_LARGE");
}
