//! Volcengine ECS ReplaceSystemVolume, seed 004 / RULES.md §5 (password and
//! key-pair rules from the 2023-12-19 page, VE-DOC-1219).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::{json, Value};

const P: &str = "volcengine";
const BAD_PASSWORD: Option<&str> = Some("InvalidPassword.Malformed");
const BAD_ARGUMENT: Option<&str> = Some("InvalidArgument");

fn base() -> Value {
    json!({"InstanceId": "i-a8j6n1i4hojfqpa0****", "ImageId": "image-38dfk6rfisf6kir6****", "Password": "Password@123"})
}

fn set(path: &str, value: Value) -> (bool, Vec<Value>) {
    check(P, with(base(), path, value))
}

fn without_password() -> Value {
    with(base(), "Password", Value::Null)
}

fn password_with(pw: &str, options: Value) -> (bool, Vec<Value>) {
    let (ok, issues) = check_with(P, with(base(), "Password", json!(pw)), options);
    assert_not_leaked(&issues, pw);
    (ok, issues)
}

fn password(pw: &str) -> (bool, Vec<Value>) {
    password_with(pw, json!({}))
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
    // S004's GET example, parameter for parameter.
    let seed = json!({
        "Action": "ReplaceSystemVolume",
        "Version": "2020-04-01",
        "InstanceId": "i-a8j6n1i4hojfqpa0****",
        "ImageId": "image-38dfk6rfisf6kir6****",
        "Password": "Password@123"
    });
    let (ok, issues) = check(P, seed);
    assert_no_issues(ok, &issues);
    // The example column of S004's table, with the key pair instead of the password.
    let table = json!({
        "InstanceId": "i-a8j6n1i4hojfqpa0****",
        "ImageId": "image-38dfk6rfisf6kir6****",
        "KeyPairName": "kp-test-123",
        "ClientToken": "333456899ff****",
        "KeepImageCredential": false,
        "DryRun": false
    });
    let (ok, issues) = check(P, table);
    assert_no_issues(ok, &issues);
}

#[test]
fn action_and_version_are_fixed() {
    let (ok, issues) = set("Action", json!("ReplaceSystemDisk"));
    assert!(!ok);
    assert_issue(&issues, "Action", "fixed", "error", None);
    // V1: Version 2020-04-01 only.
    let (ok, issues) = set("Version", json!("2020-04-01"));
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("Version", json!("2020-04-02"));
    assert!(!ok);
    assert_issue(&issues, "Version", "fixed", "error", None);
}

// ---- InstanceId / ImageId (V2, V3) ----

#[test]
fn instance_id_and_image_id_are_required() {
    for (field, code) in [
        ("InstanceId", "MissingParameter.InstanceId"),
        ("ImageId", "MissingParameter.ImageId"),
    ] {
        for absent in [Value::Null, json!("")] {
            let (ok, issues) = set(field, absent);
            assert!(!ok);
            assert_issue(&issues, field, "required", "error", Some(code));
        }
        let (ok, issues) = set(field, json!(42));
        assert!(!ok);
        assert_issue(&issues, field, "type", "error", BAD_ARGUMENT);
        let (ok, issues) = set(field, json!("i-\u{7}"));
        assert!(!ok);
        assert_issue(&issues, field, "format.control", "error", BAD_ARGUMENT);
    }
}

// ---- Password (V4–V7) ----

#[test]
fn password_length_8_to_30() {
    for (n, good) in [(7, false), (8, true), (30, true), (31, false)] {
        let (ok, issues) = password(&sized("Pass@123Word", n));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{n}");
            assert_issue(
                &issues,
                "Password",
                "password.length",
                "error",
                BAD_PASSWORD,
            );
        }
    }
}

#[test]
fn password_needs_three_of_four_classes() {
    for (pw, good) in [
        ("qwertyui", false),
        ("qwerty123", false),
        ("QWERTY@@@", false),
        ("12345678@", false),
        ("QwerTYUIx", false),
        ("Qwerty123", true),
        ("Qwerty@@@", true),
        ("qwerty@123", true),
        ("QWERTY@123", true),
    ] {
        let (ok, issues) = password(pw);
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{pw}");
            assert_issue(
                &issues,
                "Password",
                "password.classes",
                "error",
                BAD_PASSWORD,
            );
        }
    }
}

#[test]
fn password_each_listed_special() {
    // VE-DOC-1219: `~!@#$%^&*()_-+=|{}[]:;'<>,.?/
    for c in "`~!@#$%^&*()_-+=|{}[]:;'<>,.?".chars() {
        let (ok, issues) = password(&format!("Passwor{c}"));
        assert_no_issues(ok, &issues);
    }
    // The slash is listed too (only not as the first character).
    let (ok, issues) = password("Passwor/");
    assert_no_issues(ok, &issues);
}

#[test]
fn password_only_listed_characters() {
    // "密码只能由…组成": space, double quote, backslash, non-ASCII are out.
    for c in [" ", "\"", "\\", "é", "中", "\t"] {
        let (ok, issues) = password(&format!("Password1{c}"));
        assert!(!ok, "{c:?}");
        assert_issue(
            &issues,
            "Password",
            "password.charset",
            "error",
            BAD_PASSWORD,
        );
    }
}

#[test]
fn password_must_not_start_with_slash_or_dollar_6_dollar_on_any_os() {
    for options in [json!({}), json!({"os": "linux"}), json!({"os": "windows"})] {
        for pw in ["/Password1", "$6$Password1"] {
            let (ok, issues) = password_with(pw, options.clone());
            assert!(!ok, "{pw} {options}");
            assert_issue(
                &issues,
                "Password",
                "password.prefix",
                "error",
                BAD_PASSWORD,
            );
        }
        for pw in [
            "Pass/word1",
            "P$6$assword1",
            "$6Password1",
            "$5$Password1",
            "6$Password1",
        ] {
            let (ok, issues) = password_with(pw, options.clone());
            assert_no_issues(ok, &issues);
        }
    }
}

// ---- Password / KeyPairName / KeepImageCredential (VX1–VX5) ----

#[test]
fn password_and_key_pair_not_both_empty() {
    let code = Some("MissingParameter.PasswordAndKeyPair");
    let (ok, issues) = check(P, without_password());
    assert!(!ok);
    assert_issue(&issues, "Password", "one_of", "error", code);
    for f in [json!(false), json!("false")] {
        let (ok, issues) = check(P, with(without_password(), "KeepImageCredential", f));
        assert!(!ok);
        assert_issue(&issues, "Password", "one_of", "error", code);
    }
    let (ok, issues) = check(
        P,
        with(without_password(), "KeyPairName", json!("kp-test-123")),
    );
    assert_no_issues(ok, &issues);
    for t in [json!(true), json!("true")] {
        let (ok, issues) = check(P, with(without_password(), "KeepImageCredential", t));
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn keep_image_credential_excludes_password_and_key_pair() {
    let (ok, issues) = set("KeepImageCredential", json!(true));
    assert!(!ok);
    assert_issue(
        &issues,
        "Password",
        "exclusive",
        "error",
        Some("InvalidPassword.KeepImageCredentialMismatch"),
    );
    // Refused by the server (412), so the message does not say "ignored".
    let msg = on(&issues, "Password")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        msg.contains("KeepImageCredential") && !msg.contains("no effect"),
        "{msg}"
    );
    let keyed = with(
        with(without_password(), "KeyPairName", json!("kp-test-123")),
        "KeepImageCredential",
        json!("true"),
    );
    let (ok, issues) = check(P, keyed);
    assert!(!ok);
    assert_issue(
        &issues,
        "KeyPairName",
        "exclusive",
        "error",
        Some("InvalidKeyPairName.KeepImageCredentialMismatch"),
    );
}

#[test]
fn key_pair_wins_over_password() {
    // VE-DOC-1219: with both, only KeyPairName takes effect (VX4) — warning.
    let (ok, issues) = set("KeyPairName", json!("kp-test-123"));
    assert!(ok);
    assert_issue(&issues, "Password", "ignored", "warning", None);
}

#[test]
fn key_pair_is_linux_only() {
    let keyed = with(without_password(), "KeyPairName", json!("kp-test-123"));
    let (ok, issues) = check_with(P, keyed.clone(), json!({"os": "windows"}));
    assert!(!ok);
    assert_issue(
        &issues,
        "KeyPairName",
        "windows_key_pair",
        "error",
        Some("InvalidKeyPairForWindows.Unsupported"),
    );
    let (ok, issues) = check_with(P, keyed, json!({"os": "linux"}));
    assert_no_issues(ok, &issues);
    // A Windows password request is fine.
    let (ok, issues) = check_with(P, base(), json!({"os": "windows"}));
    assert_no_issues(ok, &issues);
}

// ---- booleans (V10–V12) ----

#[test]
fn dry_run_and_keep_image_credential_are_booleans() {
    for name in ["DryRun", "KeepImageCredential"] {
        for good in [json!(false), json!("false")] {
            let (ok, issues) = set(name, good.clone());
            assert_no_issues(ok, &issues);
        }
        // V12: true/false only.
        for bad in [
            json!("False"),
            json!("TRUE"),
            json!("yes"),
            json!("no"),
            json!("1"),
            json!(1),
            json!(0),
            json!({}),
        ] {
            let (ok, issues) = set(name, bad.clone());
            assert!(!ok, "{name}={bad}");
            assert_issue(&issues, name, "type", "error", BAD_ARGUMENT);
        }
    }
    for t in [json!(true), json!("true")] {
        let (ok, issues) = set("DryRun", t);
        assert_no_issues(ok, &issues);
    }
}

// ---- ClientToken (V9, G-V1) ----

#[test]
fn client_token_rule_is_uncertain_so_only_warns() {
    let code = Some("InvalidClientToken.Malformed");
    for (n, warned) in [(64, false), (65, true)] {
        let (ok, issues) = set("ClientToken", json!(sized("0123456789abcdef", n)));
        assert!(ok);
        if warned {
            assert_issue(&issues, "ClientToken", "length", "warning", code);
        } else {
            assert_quiet(&issues, "ClientToken");
        }
    }
    let (ok, issues) = set("ClientToken", json!("令牌"));
    assert!(ok);
    assert_issue(&issues, "ClientToken", "format.ascii", "warning", code);
    let (ok, issues) = set("ClientToken", json!(64));
    assert!(!ok);
    assert_issue(&issues, "ClientToken", "type", "error", code);
}

// ---- newer parameters (V13–V15, C-V1) ----

#[test]
fn size_from_the_sdk_only_warns() {
    let code = Some("LimitExceeded.SystemVolumeSize");
    for (n, warned) in [(9, true), (10, false), (2048, false), (2049, true)] {
        let (ok, issues) = set("Size", json!(n));
        assert!(ok, "{n}");
        if warned {
            assert_issue(&issues, "Size", "range", "warning", code);
        } else {
            assert_quiet(&issues, "Size");
        }
    }
    let (ok, issues) = set("Size", json!("40"));
    assert_no_issues(ok, &issues);
    // Not a size at all: an error, whatever the range.
    for n in [0, -5] {
        let (ok, issues) = set("Size", json!(n));
        assert!(!ok, "{n}");
        assert_issue(&issues, "Size", "range", "error", Some("InvalidArgument"));
        assert_eq!(on(&issues, "Size").len(), 1, "{issues:?}");
    }
    // RULES 5.5: a wrong type is InvalidArgument, not the size-limit code.
    for bad in [json!(40.5), json!("abc"), json!(true)] {
        let (ok, issues) = set("Size", bad.clone());
        assert!(!ok, "{bad}");
        assert_issue(&issues, "Size", "type", "error", Some("InvalidArgument"));
    }
}

#[test]
fn user_data_and_image_release_version() {
    let (ok, issues) = set("UserData", json!("IyEvYmluL3No"));
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("UserData", json!("#!/bin/sh"));
    assert!(ok);
    assert_issue(
        &issues,
        "UserData",
        "format.base64",
        "warning",
        BAD_ARGUMENT,
    );
    let (ok, issues) = set("ImageReleaseVersion", json!("3.0"));
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("ImageReleaseVersion", json!("3.0\n"));
    assert!(!ok);
    assert_issue(
        &issues,
        "ImageReleaseVersion",
        "format.control",
        "error",
        BAD_ARGUMENT,
    );
}

#[test]
fn misspellings_name_the_documented_parameter() {
    for (wrong, right) in [
        ("Imageid", "ImageId"),
        ("instanceid", "InstanceId"),
        ("KeypairName", "KeyPairName"),
        ("dryrun", "DryRun"),
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

/// Past `i64` the size is over every limit: an error, though 2049 (over the
/// newer documents' limit) is only a warning.
#[test]
fn size_beyond_64_bits_is_an_error() {
    for size in [
        json!(99999999999999999999u128 as f64),
        json!("99999999999999999999"),
    ] {
        let (ok, issues) = check(P, with(base(), "Size", size.clone()));
        assert!(!ok, "{size}");
        assert_issue(
            &issues,
            "Size",
            "range",
            "error",
            Some("LimitExceeded.SystemVolumeSize"),
        );
    }
}
