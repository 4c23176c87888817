//! Kingsoft Cloud KEC ModifyInstanceImage, seed 002 / RULES.md §3.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::{json, Value};

const P: &str = "ksyun";
const INSTANCE: &str = "98284100-f6d1-4bbf-886a-1b0765024738";
const IMAGE: &str = "8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2";
const KEY: &str = "552a0523-b9b4-4868-b8d9-52ad7a38bf89";
const PASS: &str = "InstancePassword";

fn base() -> Value {
    json!({"InstanceId": INSTANCE, "InstancePassword": "1qaQ!abc"})
}

fn set(path: &str, value: Value) -> (bool, Vec<Value>) {
    check(P, with(base(), path, value))
}

fn password(pw: &str) -> (bool, Vec<Value>) {
    let (ok, issues) = set(PASS, json!(pw));
    assert_not_leaked(&issues, pw);
    (ok, issues)
}

fn keys(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!(format!("552a0523-b9b4-4868-b8d9-52ad7a38bf{i:02}")))
        .collect()
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
    // S002's curl with its xxx placeholders made well-formed.
    let seed = obj(&[
        ("Action", json!("ModifyInstanceImage")),
        ("Version", json!("2016-03-04")),
        ("InstanceId", json!(INSTANCE)),
        ("ImageId", json!(IMAGE)),
        ("SystemDisk.DiskSize", json!("50")),
        ("InstancePassword", json!("1qaQ!abc")),
        ("KeyId.1", json!(KEY)),
        ("KeepImageLogin", json!("false")),
        ("SystemDisk.DiskType", json!("SSD3.0")),
        ("SystemDisk.ResizeType", json!("offline")),
        ("UserData", json!("IyEvYmluL2Jhc2gKZWNobyBoZWxsbw==")),
    ]);
    let (ok, issues) = check(P, seed);
    assert_no_issues(ok, &issues);
}

#[test]
fn action_and_version_are_fixed() {
    let (ok, issues) = check(
        P,
        with(
            with(base(), "Action", json!("ModifyInstanceImage")),
            "Version",
            json!("2016-03-04"),
        ),
    );
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("Action", json!("RunInstances"));
    assert!(!ok);
    assert_issue(&issues, "Action", "fixed", "error", None);
    let (ok, issues) = set("Version", json!("2016-03-05"));
    assert!(!ok);
    assert_issue(&issues, "Version", "fixed", "error", None);
}

// ---- InstanceId / ImageId: the document's lower-case UUID pattern (K2, K3) ----

#[test]
fn instance_id_is_a_lower_case_uuid() {
    for (value, rule) in [
        (json!(INSTANCE), None),
        (
            json!("98284100-F6D1-4BBF-886A-1B0765024738"),
            Some("format.uuid"),
        ),
        (
            json!("98284100-f6d1-4bbf-886a-1b076502473"),
            Some("format.uuid"),
        ),
        (
            json!("98284100-f6d1-4bbf-886a-1b07650247380"),
            Some("format.uuid"),
        ),
        (
            json!("98284100f6d14bbf886a1b0765024738"),
            Some("format.uuid"),
        ),
        (json!("i-98284100"), Some("format.uuid")),
        (json!(5), Some("type")),
        (json!(""), Some("required")),
        (Value::Null, Some("required")),
    ] {
        let (ok, issues) = set("InstanceId", value.clone());
        match rule {
            None => assert_no_issues(ok, &issues),
            Some(rule) => {
                assert!(!ok, "{value}");
                assert_issue(&issues, "InstanceId", rule, "error", None);
            }
        }
    }
}

#[test]
fn image_id_is_optional_and_a_lower_case_uuid() {
    let code = Some("ImageIdInvalidParameterValue");
    let (ok, issues) = set("ImageId", json!(IMAGE));
    assert_no_issues(ok, &issues);
    for bad in [
        "8F12AD9E-AE9A-44B9-95F3-C4E65CE582E2",
        "8f12ad9e-ae9a-44b9-95f3-c4e65ce582e",
        "img-1",
    ] {
        let (ok, issues) = set("ImageId", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "ImageId", "format.uuid", "error", code);
    }
    let (ok, issues) = set("ImageId", json!(1));
    assert!(!ok);
    assert_issue(&issues, "ImageId", "type", "error", code);
}

// ---- InstancePassword (K8–K10) ----

#[test]
fn password_length_8_to_32() {
    for (n, good) in [(7, false), (8, true), (32, true), (33, false)] {
        let (ok, issues) = password(&sized("1qaQ!abc", n));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{n}");
            assert_issue(&issues, PASS, "password.length", "error", None);
        }
    }
}

#[test]
fn password_needs_upper_lower_and_digit() {
    for (pw, good) in [
        ("abcdefg1", false), // no upper
        ("ABCDEFG1", false), // no lower
        ("ABCDefgh", false), // no digit
        ("Abcd!@#$", false), // specials do not replace a digit
        ("abcd123!", false),
        ("Abcdefg1", true), // no special needed
        ("1qaQ!abc", true),
    ] {
        let (ok, issues) = password(pw);
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{pw}");
            assert_issue(&issues, PASS, "password.classes", "error", None);
        }
    }
}

#[test]
fn password_allows_every_visible_character() {
    // "支持其他可见字符": printable ASCII 0x21–0x7E.
    for c in (0x21u8..=0x7e).map(char::from) {
        let (ok, issues) = password(&format!("Abcdef1{c}"));
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn password_space_and_non_ascii_only_warn_control_is_refused() {
    // RULES G-K3: "visible" is not defined for space / non-ASCII.
    for pw in ["Abc def1", "Abcdéf12", "Abcdef1中"] {
        let (ok, issues) = password(pw);
        assert!(ok, "{pw}");
        assert_issue(&issues, PASS, "password.charset", "warning", None);
    }
    for pw in ["Abcdef1\t", "Abcdef1\n", "Abcdef1\u{7f}", "Abc\u{0}def1"] {
        let (ok, issues) = password(pw);
        assert!(!ok, "{pw:?}");
        assert_issue(&issues, PASS, "password.charset", "error", None);
    }
}

#[test]
fn password_has_no_windows_rules() {
    for pw in ["Administrator1", "/Abcdef1", "$6$Abcdef1"] {
        let (ok, issues) = check_with(P, with(base(), PASS, json!(pw)), json!({"os": "windows"}));
        assert_no_issues(ok, &issues);
    }
}

// ---- InstancePassword / KeepImageLogin / KeyId.N (KX1–KX3) ----

#[test]
fn password_or_keep_image_login() {
    let no_password = with(base(), PASS, Value::Null);
    // Neither: error.
    let (ok, issues) = check(P, no_password.clone());
    assert!(!ok);
    assert_issue(&issues, PASS, "one_of", "error", None);
    // KeepImageLogin=false is not "given".
    for f in [json!(false), json!("false")] {
        let (ok, issues) = check(P, with(no_password.clone(), "KeepImageLogin", f));
        assert!(!ok);
        assert_issue(&issues, PASS, "one_of", "error", None);
    }
    // KeepImageLogin=true alone: fine.
    for t in [json!(true), json!("true")] {
        let (ok, issues) = check(P, with(no_password.clone(), "KeepImageLogin", t));
        assert_no_issues(ok, &issues);
    }
    // Both: the password is ignored (KX2) — warning.
    let (ok, issues) = set("KeepImageLogin", json!(true));
    assert!(ok);
    assert_issue(&issues, PASS, "ignored", "warning", None);
    // Keys only: the literal text still asks for one of the two (C-K1) — warning.
    let (ok, issues) = check(P, with(no_password, "KeyId", json!([KEY])));
    assert!(ok);
    assert_issue(&issues, PASS, "one_of", "warning", None);
}

#[test]
fn keep_image_login_is_a_boolean() {
    for good in [json!(true), json!(false), json!("true"), json!("false")] {
        let (ok, issues) = set("KeepImageLogin", good.clone());
        assert!(ok, "{good}");
        assert_no_error(&issues, "KeepImageLogin");
    }
    // K16: true/false only — not other spellings.
    for bad in [
        json!("True"),
        json!("FALSE"),
        json!("yes"),
        json!("1"),
        json!(1),
        json!(0),
        json!([true]),
    ] {
        let (ok, issues) = set("KeepImageLogin", bad.clone());
        assert!(!ok, "{bad}");
        assert_issue(&issues, "KeepImageLogin", "type", "error", None);
    }
}

#[test]
fn key_ids_at_most_10() {
    let code = Some("InvalidParameter.InstanceKeyLimitExceeded");
    for (n, good) in [(1, true), (10, true), (11, false)] {
        let (ok, issues) = set("KeyId", Value::Array(keys(n)));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok);
            assert_issue(&issues, "KeyId.N", "list.max_items", "error", code);
        }
        // The flat form says the same.
        let mut flat = base();
        for (i, k) in keys(n).into_iter().enumerate() {
            flat = with(flat, &format!("KeyId.{}", i + 1), k);
        }
        let (ok, issues) = check(P, flat);
        assert_eq!(ok, good, "{n} flat");
        if !good {
            assert_issue(&issues, "KeyId.N", "list.max_items", "error", code);
        }
    }
}

#[test]
fn key_id_items_are_named_by_position() {
    let code = Some("KeyIdInvalidParameterValue");
    let (ok, issues) = set("KeyId", json!([KEY, "bad\u{1}key"]));
    assert!(!ok);
    assert_issue(&issues, "KeyId.2", "format.control", "error", code);
    let (ok, issues) = set("KeyId", json!([KEY, 7]));
    assert!(!ok);
    assert_issue(&issues, "KeyId.2", "type", "error", code);
    let (ok, issues) = set("KeyId", json!("not-a-list"));
    assert!(!ok);
    assert_issue(&issues, "KeyId", "type", "error", code);
    assert_no_rule(&issues, "KeyId", "unknown");
    // An empty item is not given: the next one leaves a gap.
    let (ok, issues) = check(
        P,
        with(with(base(), "KeyId.1", json!("")), "KeyId.2", json!(KEY)),
    );
    assert!(!ok);
    assert_issue(&issues, "KeyId.N", "list.gap", "error", code);
}

#[test]
fn key_id_positions_start_at_1_without_gaps() {
    let code = Some("KeyIdInvalidParameterValue");
    for bad in ["KeyId.0", "KeyId.01", "KeyId.-1"] {
        let (ok, issues) = set(bad, json!(KEY));
        assert!(!ok, "{bad}");
        assert_issue(&issues, bad, "list.index", "error", code);
    }
    let gap = with(with(base(), "KeyId.1", json!(KEY)), "KeyId.3", json!("k3"));
    let (ok, issues) = check(P, gap);
    assert!(!ok);
    assert_issue(&issues, "KeyId.N", "list.gap", "error", code);
    let late = with(base(), "KeyId.2", json!(KEY));
    let (ok, issues) = check(P, late);
    assert!(!ok);
    assert_issue(&issues, "KeyId.N", "list.gap", "error", code);
}

#[test]
fn key_id_duplicates_warn() {
    let (ok, issues) = set("KeyId", json!([KEY, KEY]));
    assert!(ok);
    // A hint: no error code, the request is not refused for it.
    assert_issue(&issues, "KeyId.N", "list.distinct", "warning", None);
}

// ---- SystemDisk.* (K4–K7) ----

#[test]
fn disk_size_is_a_positive_integer_20_to_500_advised() {
    let code = Some("RootDiskGbInvalidParameterValue");
    // (value, error, warning): 1 is the documented floor (positive); 20–500 is Terraform's (G-K1).
    // Below 1 the error says it all: no "at least 20" warning on top.
    for (n, error, warning) in [
        (-1, true, false),
        (0, true, false),
        (1, false, true),
        (19, false, true),
        (20, false, false),
        (500, false, false),
        (501, false, true),
    ] {
        let (ok, issues) = set("SystemDisk/DiskSize", json!(n));
        assert_eq!(ok, !error, "{n}: {issues:?}");
        if error {
            assert_issue(&issues, "SystemDisk.DiskSize", "range", "error", code);
        }
        let warned = on(&issues, "SystemDisk.DiskSize")
            .iter()
            .any(|i| i["severity"] == "warning");
        assert_eq!(warned, warning, "{n}: {issues:?}");
        if warning {
            assert_issue(&issues, "SystemDisk.DiskSize", "range", "warning", code);
        }
    }
}

#[test]
fn disk_size_integer_forms() {
    let code = Some("RootDiskGbInvalidParameterValue");
    for good in [json!(50), json!("50"), json!(50.0)] {
        let (ok, issues) = set("SystemDisk/DiskSize", good.clone());
        assert_no_issues(ok, &issues);
        let (ok, issues) = check(P, with(base(), "SystemDisk.DiskSize", good));
        assert_no_issues(ok, &issues);
    }
    for bad in [
        json!(50.5),
        json!("50.5"),
        json!("5e1"),
        json!(" 50"),
        json!("fifty"),
        json!(true),
        json!([50]),
    ] {
        let (ok, issues) = set("SystemDisk.DiskSize", bad.clone());
        assert!(!ok, "{bad}");
        assert_issue(&issues, "SystemDisk.DiskSize", "type", "error", code);
    }
}

#[test]
fn disk_type_from_terraform_only_warns() {
    // K6: every value of the Terraform provider's list.
    for &good in reinstall_kit::providers::ksyun::DISK_TYPES {
        let (ok, issues) = set("SystemDisk/DiskType", json!(good));
        assert_no_issues(ok, &issues);
    }
    for other in ["ssd3.0", "SSD2.0", "cloud_essd"] {
        let (ok, issues) = set("SystemDisk/DiskType", json!(other));
        assert!(ok);
        assert_issue(&issues, "SystemDisk.DiskType", "enum", "warning", None);
    }
}

#[test]
fn resize_type_offline_or_online() {
    for good in ["offline", "online"] {
        let (ok, issues) = set("SystemDisk/ResizeType", json!(good));
        assert_no_issues(ok, &issues);
    }
    for bad in ["Offline", "ONLINE", "hot", " online"] {
        let (ok, issues) = set("SystemDisk/ResizeType", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "SystemDisk.ResizeType", "enum", "error", None);
    }
}

// ---- UserData (K14, K15) ----

#[test]
fn user_data_is_base64() {
    for good in ["IyEvYmluL3NoCmVjaG8gaGk=", "YQ==", "YWI=", "YWJj"] {
        let (ok, issues) = set("UserData", json!(good));
        assert_no_issues(ok, &issues);
    }
    for bad in ["#!/bin/sh", "YQ", "YQ=", "Y*==", "YWJj\n", "中文"] {
        let (ok, issues) = set("UserData", json!(bad));
        assert!(!ok, "{bad:?}");
        assert_issue(&issues, "UserData", "format.base64", "error", None);
    }
    // 16 KB from Terraform only (G-K4): warning past it.
    let (ok, issues) = set("UserData", json!(sized("YWJj", 16 * 1024)));
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("UserData", json!(sized("YWJj", 16 * 1024 + 4)));
    assert!(ok);
    assert_issue(&issues, "UserData", "length", "warning", None);
}

#[test]
fn host_name_is_not_a_parameter_of_this_api() {
    // K18: the error table lists HostNameInvalidParameterValue (an inherited
    // table), but ModifyInstanceImage takes no HostName.
    let (ok, issues) = set("HostName", json!("web-1"));
    assert!(ok);
    assert_issue(&issues, "HostName", "unknown", "warning", None);
}

#[test]
fn misspellings_name_the_documented_parameter() {
    for (wrong, right) in [
        ("Imageid", "ImageId"),
        ("instancepassword", "InstancePassword"),
        ("KeyID.1", "KeyId.N"),
        ("keepImageLogin", "KeepImageLogin"),
    ] {
        let (_, issues) = set(wrong, json!("x"));
        assert_issue(&issues, wrong, "unknown", "warning", None);
        let msg = on(&issues, wrong)[0]["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(msg.contains(right), "{wrong}: {msg}");
    }
}

/// Past `i64` the size is an error, but not "at most 500": that bound is
/// only advised (from Terraform), so the message says the integer range.
#[test]
fn disk_size_beyond_64_bits_names_no_advised_bound() {
    let (ok, issues) = set("SystemDisk/DiskSize", json!(1e30));
    assert!(!ok);
    assert_issue(
        &issues,
        "SystemDisk.DiskSize",
        "range",
        "error",
        Some("RootDiskGbInvalidParameterValue"),
    );
    let message = on(&issues, "SystemDisk.DiskSize")[0]["message"]
        .as_str()
        .unwrap();
    assert!(
        message.contains("64-bit") && !message.contains("500"),
        "{message}"
    );
}
