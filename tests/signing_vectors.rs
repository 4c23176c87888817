//! Every committed signing vector (tests/vectors/<scheme>.json, made with the
//! official SDK signers by tests/vectors/gen/) must match byte for byte,
//! natively and in wasm.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api::sign_request;
use serde_json::Value;

const FIELDS: [&str; 9] = [
    "canonicalRequest",
    "stringToSign",
    "signedHeaders",
    "credentialScope",
    "signature",
    "authorization",
    "headers",
    "url",
    "body",
];

fn check_file(text: &str) -> usize {
    let doc: Value = serde_json::from_str(text).expect("vector file is JSON");
    let scheme = doc["scheme"].as_str().expect("scheme");
    let vectors = doc["vectors"].as_array().expect("vectors");
    let mut failures = Vec::new();
    for v in vectors {
        let name = v["name"].as_str().unwrap_or("?");
        let mut input = v["input"].clone();
        input["scheme"] = Value::from(scheme);
        let got = match sign_request(&input) {
            Ok(got) => got,
            Err(e) => {
                failures.push(format!("{name}: error {e}"));
                continue;
            }
        };
        for field in FIELDS {
            let want = &v["expected"][field];
            if want.is_null() {
                continue;
            }
            if &got[field] != want {
                failures.push(format!(
                    "{name}: {field}\n  want {want}\n  got  {}",
                    got[field]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{scheme}: {} mismatches\n{}",
        failures.len(),
        failures.join("\n")
    );
    vectors.len()
}

macro_rules! vector_test {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let n = check_file(include_str!(concat!("vectors/", $file)));
            assert!(n >= 12, "{} has only {n} vectors", $file);
        }
    };
}

vector_test!(huawei_sdk_hmac_sha256, "huawei-sdk-hmac-sha256.json");
vector_test!(aws_sigv4, "aws-sigv4.json");
vector_test!(aliyun_rpc_v1, "aliyun-rpc-v1.json");
vector_test!(aliyun_acs3, "aliyun-acs3.json");
vector_test!(volc_hmac_sha256, "volc-hmac-sha256.json");

/// Header values are strings; an integer is taken as its decimal text. A
/// fraction is refused: JS, Python and Rust write fractions differently, so
/// there is no one text to sign.
#[test]
fn header_values_are_strings_or_integers() {
    let input = |value: Value| {
        serde_json::json!({
            "scheme": "aws-sigv4", "method": "GET", "url": "https://kec.api.ksyun.com/?Action=DescribeInstances",
            "headers": {"X-Count": value}, "timestamp": "2024-05-06T07:08:09Z",
            "accessKeyId": "AK", "region": "cn-beijing-6", "service": "kec"
        })
    };
    for (given, sent) in [
        (serde_json::json!(12), "12"),
        (serde_json::json!(-3), "-3"),
        (serde_json::json!("1.5"), "1.5"),
    ] {
        let out = sign_request(&input(given)).unwrap();
        assert_eq!(out["headers"]["X-Count"], sent);
    }
    for refused in [
        serde_json::json!(1.5),
        serde_json::json!(true),
        serde_json::json!([1]),
    ] {
        let err = sign_request(&input(refused.clone())).unwrap_err();
        assert_eq!(err.code, "INVALID_INPUT", "{refused}");
    }
}
