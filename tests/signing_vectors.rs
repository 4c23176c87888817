//! Every committed signing vector (tests/vectors/<scheme>.json, made with the
//! official SDK signers by tests/vectors/gen/) must match byte for byte,
//! natively and in wasm.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api::sign_request;
use reinstall_kit::providers;
use reinstall_kit::signing::Scheme;
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

/// tests/vectors/<scheme>.json, embedded (`include_str!` needs a literal
/// path) so that the wasm run, without a file system, reads them too. Checked
/// both ways: every registered scheme has its file here, every file here names
/// a registered scheme, and (natively) every file in tests/vectors/ is here.
macro_rules! vector_files {
    ($($scheme:literal),* $(,)?) => {
        [$(($scheme, include_str!(concat!("vectors/", $scheme, ".json")))),*]
    };
}

const FILES: [(&str, &str); 5] = vector_files![
    "huawei-sdk-hmac-sha256",
    "aws-sigv4",
    "aliyun-rpc-v1",
    "aliyun-acs3",
    "volc-hmac-sha256",
];

#[test]
fn every_registered_scheme_matches_its_vectors() {
    for &scheme in Scheme::ALL {
        let id = scheme.id();
        let Some((_, text)) = FILES.iter().find(|(file, _)| *file == id) else {
            panic!(
                "scheme {id} has no signing vectors: add tests/vectors/{id}.json \
                 (made with the official SDK signer, see tests/vectors/gen/) and its line in FILES"
            );
        };
        let n = check_file(text);
        assert!(n >= 12, "{id}.json has only {n} vectors");
    }
}

#[test]
fn every_vectors_file_names_a_registered_scheme() {
    for (file, text) in FILES {
        let doc: Value = serde_json::from_str(text).expect("vector file is JSON");
        assert_eq!(doc["scheme"], file, "{file}.json names another scheme");
        assert!(
            Scheme::from_id(file).is_some(),
            "{file}.json: no such scheme in signing::Scheme::ALL"
        );
    }
}

/// JS sees the schemes only through `providers()`: each registered scheme
/// is offered by some provider's operation.
#[test]
fn every_registered_scheme_is_offered_by_a_provider() {
    for &scheme in Scheme::ALL {
        assert!(
            providers::ALL
                .iter()
                .flat_map(|p| p.operations)
                .any(|op| op.schemes.contains(&scheme)),
            "no provider offers {}",
            scheme.id()
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_vectors_file_is_checked() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(scheme) = name.strip_suffix(".json") {
            assert!(
                FILES.iter().any(|(file, _)| *file == scheme),
                "tests/vectors/{name} is not in FILES"
            );
        }
    }
}

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
