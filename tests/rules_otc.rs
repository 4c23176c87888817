//! Open Telekom Cloud changeos (no Cloud-Init), seed 001 / RULES.md §2: the
//! Huawei API with its own table — keyname mandatory, no adminpass, metadata
//! BYOL only, and nothing Huawei-only accepted silently.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::{json, Value};

const P: &str = "otc";
const IMAGE: &str = "e215580f-73ad-429d-b6f2-5433947433b0";
const INVALID: Option<&str> = Some("Ecs.0005");

fn base() -> Value {
    json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {"keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e", "imageid": IMAGE}
    })
}

fn set(path: &str, value: Value) -> (bool, Vec<Value>) {
    check(P, with(base(), path, value))
}

#[test]
fn base_request_is_clean() {
    let (ok, issues) = check(P, base());
    assert_no_issues(ok, &issues);
}

#[test]
fn seed_example_is_ok() {
    let (ok, issues) = check(P, example(P));
    assert_clean(ok, &issues);
    // S001's example body as printed, with path parameters.
    let seed = json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {
            "keyname": "KeyPair-350b",
            "userid": "7e25b1da389f4697a79df3a0e5bd494e",
            "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
            "mode": "withStopServer"
        }
    });
    let (ok, issues) = check(P, seed);
    assert_no_issues(ok, &issues);
}

#[test]
fn keyname_is_mandatory() {
    // S001 Table 3 (O4, OX1).
    for absent in [Value::Null, json!("")] {
        let (ok, issues) = set("os-change/keyname", absent);
        assert!(!ok);
        assert_issue(&issues, "os-change.keyname", "required", "error", INVALID);
    }
    let (ok, issues) = set("os-change/keyname", json!(["KeyPair-350b"]));
    assert!(!ok);
    assert_issue(&issues, "os-change.keyname", "type", "error", INVALID);
}

#[test]
fn adminpass_is_refused_and_never_echoed() {
    // O10: not a parameter here; a good Huawei password is still refused.
    let secret = "Abcdef1!Canary";
    let (ok, issues) = set("os-change/adminpass", json!(secret));
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.adminpass",
        "unsupported",
        "error",
        INVALID,
    );
    assert_not_leaked(&issues, secret);
    // Only a password, no key pair: refused, and keyname reported missing (OX1).
    let mut params = with(base(), "os-change/adminpass", json!(secret));
    params = with(params, "os-change/keyname", Value::Null);
    let (ok, issues) = check(P, params);
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.adminpass",
        "unsupported",
        "error",
        INVALID,
    );
    assert_issue(&issues, "os-change.keyname", "required", "error", INVALID);
    assert_not_leaked(&issues, secret);
}

#[test]
fn huawei_only_parameters_are_refused() {
    // O11: isAutoPay and the encryption metadata are not in S001.
    for (path, field, value) in [
        ("os-change/isAutoPay", "os-change.isAutoPay", json!("true")),
        (
            "os-change/metadata/__system__encrypted",
            "os-change.metadata.__system__encrypted",
            json!("1"),
        ),
        (
            "os-change/metadata/__system__cmkid",
            "os-change.metadata.__system__cmkid",
            json!("83cdb52d-9ebf-4469-9cfa-e7b5b80da846"),
        ),
    ] {
        let (ok, issues) = set(path, value);
        assert!(!ok, "{field}");
        assert_issue(&issues, field, "unsupported", "error", INVALID);
    }
    // Huawei's own example (with encryption metadata) is not an OTC request.
    let (ok, _) = check(P, example("huaweicloud"));
    assert!(!ok);
}

#[test]
fn byol_other_than_true_only_warns() {
    // S001 Table 4 (O8, C-O1): any other value means "BYOL not used".
    let (ok, issues) = set("os-change/metadata/BYOL", json!("true"));
    assert_no_issues(ok, &issues);
    for other in ["false", "TRUE", "no", ""] {
        let (ok, issues) = set("os-change/metadata/BYOL", json!(other));
        assert!(ok, "{other}: {issues:?}");
        if !other.is_empty() {
            // The server takes it: a hint, with no error code to expect.
            assert_issue(&issues, "os-change.metadata.BYOL", "enum", "warning", None);
            // Said as what the value means, not as "must be one of".
            let message = on(&issues, "os-change.metadata.BYOL")[0]["message"]
                .as_str()
                .unwrap();
            assert!(message.contains("BYOL is not used"), "{message}");
            assert!(!message.contains("Must be"), "{message}");
        }
    }
    // Still a string field: a JSON boolean is a type error.
    let (ok, issues) = set("os-change/metadata/BYOL", json!(true));
    assert!(!ok);
    assert_issue(&issues, "os-change.metadata.BYOL", "type", "error", INVALID);
}

#[test]
fn mode_is_only_with_stop_server() {
    let (ok, issues) = set("os-change/mode", json!("withStopServer"));
    assert_no_issues(ok, &issues);
    for bad in ["withstopserver", "WITHSTOPSERVER", "x"] {
        let (ok, issues) = set("os-change/mode", json!(bad));
        assert!(!ok);
        assert_issue(&issues, "os-change.mode", "enum", "error", INVALID);
    }
}

#[test]
fn imageid_is_a_uuid() {
    for (value, good) in [
        (IMAGE, true),
        ("E215580F-73AD-429D-B6F2-5433947433B0", true),
        ("e215580f-73ad-429d-b6f2-5433947433b", false),
        ("e215580f-73ad-429d-b6f2-5433947433b00", false),
        ("image-1", false),
    ] {
        let (ok, issues) = set("os-change/imageid", json!(value));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok);
            assert_issue(
                &issues,
                "os-change.imageid",
                "format.uuid",
                "error",
                INVALID,
            );
        }
    }
    let (ok, issues) = set("os-change/imageid", Value::Null);
    assert!(!ok);
    assert_issue(&issues, "os-change.imageid", "required", "error", INVALID);
}

/// S001 Table 3: userid is optional, blank means the token's user. The
/// Huawei SDK's "mandatory with keyname" (RULES C-H2) is not OTC's.
#[test]
fn userid_is_optional() {
    let (ok, issues) = set("os-change/userid", Value::Null);
    assert!(ok);
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn path_parameters_and_body_shape() {
    for field in ["project_id", "server_id"] {
        let (ok, issues) = set(field, Value::Null);
        assert!(!ok);
        assert_issue(&issues, field, "required", "error", None);
        for bad in ["a/b", ".."] {
            let (ok, issues) = set(field, json!(bad));
            assert!(!ok, "{field}={bad}");
            assert_issue(&issues, field, "format.path_segment", "error", None);
        }
        // Dots inside a segment are fine; only `.` and `..` are resolved away.
        let (_, issues) = set(field, json!("a..b"));
        assert_no_rule(&issues, field, "format.path_segment");
    }
    let (ok, issues) = set("os-change", json!("x"));
    assert!(!ok);
    assert_issue(&issues, "os-change", "type", "error", INVALID);
    // OX3: `user_data` belongs to the Cloud-Init variant (/v2), not to this API.
    for (key, value) in [("foo", "bar"), ("user_data", "IyEvYmluL2Jhc2g=")] {
        let (ok, issues) = set(&format!("os-change/metadata/{key}"), json!(value));
        assert!(ok);
        let field = format!("os-change.metadata.{key}");
        assert_issue(&issues, &field, "unknown", "warning", None);
    }
}

#[test]
fn windows_option_changes_nothing_here() {
    let (ok, issues) = check_with(P, base(), json!({"os": "windows"}));
    assert_no_issues(ok, &issues);
}
