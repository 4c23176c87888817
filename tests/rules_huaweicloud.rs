//! Huawei Cloud ECS changeos (no Cloud-Init), seed 000 / RULES.md §1: every
//! rule at its boundary, with the field name, severity and error code.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::{json, Value};

const P: &str = "huaweicloud";
const IMAGE: &str = "e215580f-73ad-429d-b6f2-5433947433b0";
const PASS: &str = "os-change.adminpass";
const BAD_PASSWORD: Option<&str> = Some("Ecs.0011");
const INVALID: Option<&str> = Some("Ecs.0005");

/// A valid password request (no keyname, so no userid notes).
fn base() -> Value {
    json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {"adminpass": "Abcdef1!", "imageid": IMAGE}
    })
}

/// A valid key-pair request.
fn base_key() -> Value {
    json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {"keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e", "imageid": IMAGE}
    })
}

fn set(path: &str, value: Value) -> (bool, Vec<Value>) {
    check(P, with(base(), path, value))
}

fn password(pw: &str, options: Value) -> (bool, Vec<Value>) {
    let (ok, issues) = check_with(P, with(base(), "os-change/adminpass", json!(pw)), options);
    assert_not_leaked(&issues, pw);
    (ok, issues)
}

#[test]
fn base_requests_are_clean() {
    let (ok, issues) = check(P, base());
    assert_no_issues(ok, &issues);
    let (ok, issues) = check(P, base_key());
    assert_no_issues(ok, &issues);
}

#[test]
fn seed_example_is_ok() {
    let (ok, issues) = check(P, example(P));
    assert_clean(ok, &issues);
    // S000's example body as printed (its trailing comma removed), with path parameters.
    let seed = json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {
            "keyname": "KeyPair-350b",
            "userid": "7e25b1da389f4697a79df3a0e5bd494e",
            "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
            "metadata": {"__system__encrypted": "1", "__system__cmkid": "83cdb52d-9ebf-4469-9cfa-e7b5b80da846"}
        }
    });
    let (ok, issues) = check(P, seed);
    assert_no_issues(ok, &issues);
}

// ---- adminpass (S000 Table 3; RULES H5–H9) ----

#[test]
fn adminpass_length_8_to_26() {
    for (pw, len_ok) in [
        (sized("Abcdef1!", 7), false),
        (sized("Abcdef1!", 8), true),
        (sized("Abcdef1!", 26), true),
        (sized("Abcdef1!", 27), false),
    ] {
        let (ok, issues) = password(&pw, json!({}));
        if len_ok {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{} characters", pw.len());
            assert_issue(&issues, PASS, "password.length", "error", BAD_PASSWORD);
        }
    }
}

#[test]
fn adminpass_needs_three_of_four_classes() {
    let cases = [
        ("abcdefgh", false),   // lower only
        ("abcdefgh12", false), // lower, digit
        ("ABCDEFGH12", false), // upper, digit
        ("abcdEFGH", false),   // lower, upper
        ("abcd!@$%", false),   // lower, special
        ("ABCD!@$%", false),   // upper, special
        ("1234!@$%", false),   // digit, special
        ("abcdEFG1", true),    // no special
        ("abcdEF!@", true),    // no digit
        ("abcd12!@", true),    // no upper
        ("ABCD12!@", true),    // no lower
        ("Abcd12!@", true),    // all four
    ];
    for (pw, good) in cases {
        let (ok, issues) = password(pw, json!({}));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{pw}");
            assert_issue(&issues, PASS, "password.classes", "error", BAD_PASSWORD);
            assert_no_rule(&issues, PASS, "password.charset");
        }
    }
}

#[test]
fn adminpass_each_listed_special_counts_as_a_class() {
    // S000: !@$%^-_=+[{}]:,./?~#* — upper + lower + the special make three classes.
    for c in "!@$%^-_=+[{}]:,./?".chars() {
        let (ok, issues) = password(&format!("Abcdefg{c}"), json!({}));
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn adminpass_tilde_hash_star_are_accepted_with_a_warning() {
    // RULES C-H1: in S000, not in the SDK docstring / API Explorer.
    for c in "~#*".chars() {
        let (ok, issues) = password(&format!("Abcdefg{c}"), json!({}));
        assert!(ok, "{c}");
        assert_issue(
            &issues,
            PASS,
            "password.disputed_chars",
            "warning",
            BAD_PASSWORD,
        );
        assert!(errors(&issues).is_empty());
    }
}

#[test]
fn adminpass_characters_outside_the_list_are_refused() {
    // S000 lists the special characters; the validation issue (#2) and the
    // console take the list as exhaustive (RULES G-H1): anything else is an error.
    for c in [
        " ", "&", "\"", "'", "`", "(", ")", "|", ";", "<", ">", "\\", "é", "中", "\t", "\u{0}",
    ] {
        let (ok, issues) = password(&format!("Abcdef1{c}"), json!({}));
        assert!(!ok, "{c:?}: {issues:?}");
        assert_issue(&issues, PASS, "password.charset", "error", BAD_PASSWORD);
    }
}

#[test]
fn adminpass_length_counts_characters_not_bytes() {
    // 8 characters, 9 bytes: the length rule is met, the charset rule is not.
    let (_, issues) = password("Abcdef1é", json!({}));
    assert_no_rule(&issues, PASS, "password.length");
    assert_issue(&issues, PASS, "password.charset", "error", BAD_PASSWORD);
    let (_, issues) = password("Abcdeé1", json!({}));
    assert_issue(&issues, PASS, "password.length", "error", BAD_PASSWORD);
}

#[test]
fn adminpass_windows_username_rule() {
    let win = json!({"os": "windows"});
    // The username, reversed, and any run of three of its characters, in any case.
    for pw in [
        "Administrator1!",
        "xADMINISTRATOR9!",
        "rotartsinimdA1!",
        "Tennis12!",
    ] {
        let (ok, issues) = password(pw, win.clone());
        assert!(!ok, "{pw}");
        assert_issue(&issues, PASS, "password.username", "error", BAD_PASSWORD);
    }
    // Past the maximum length: both findings.
    let (_, issues) = password(&format!("Administrator{}", sized("x1!", 14)), win.clone());
    assert_issue(&issues, PASS, "password.length", "error", BAD_PASSWORD);
    assert_issue(&issues, PASS, "password.username", "error", BAD_PASSWORD);
    let user = "administrator";
    for i in 0..=user.len() - 3 {
        let run = &user[i..i + 3];
        for variant in [run.to_string(), run.to_uppercase()] {
            let pw = format!("Qz9!{variant}Kw");
            let (ok, issues) = password(&pw, win.clone());
            assert!(!ok, "{pw}");
            assert_issue(&issues, PASS, "password.username", "error", BAD_PASSWORD);
        }
    }
    // Two consecutive characters are allowed.
    for pw in ["Qz9!AdKw", "Qz9!miKwNi", "Qz9!toKw"] {
        let (ok, issues) = password(pw, win.clone());
        assert!(ok, "{pw}: {issues:?}");
        assert_no_rule(&issues, PASS, "password.username");
    }
}

#[test]
fn adminpass_username_rule_is_windows_only() {
    for options in [json!({}), json!({"os": "linux"})] {
        let (ok, issues) = password("Administrator1!", options);
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn adminpass_username_option_replaces_administrator() {
    let options = json!({"os": "windows", "username": "ecsuser"});
    let (ok, issues) = password("Ecsuser12!", options.clone());
    assert!(!ok);
    assert_issue(&issues, PASS, "password.username", "error", BAD_PASSWORD);
    let (_, issues) = password("resusce12!A", options.clone());
    assert_issue(&issues, PASS, "password.username", "error", BAD_PASSWORD);
    let (ok, issues) = password("Administrator1!", options);
    assert!(ok, "{issues:?}");
    assert_no_rule(&issues, PASS, "password.username");
}

#[test]
fn windows_target_is_warned_about() {
    // S000 NOTE: this API cannot change an ECS OS to Windows (RULES H20).
    let (ok, issues) = check_with(P, base(), json!({"os": "windows"}));
    assert!(ok);
    assert_issue(
        &issues,
        "os-change.imageid",
        "windows_unsupported",
        "warning",
        None,
    );
    let (_, issues) = check_with(P, base(), json!({"os": "linux"}));
    assert_quiet(&issues, "os-change.imageid");
}

#[test]
fn adminpass_must_be_a_string() {
    let (ok, issues) = set("os-change/adminpass", json!(12345678));
    assert!(!ok);
    assert_issue(&issues, PASS, "type", "error", BAD_PASSWORD);
}

// ---- adminpass / keyname (HX1) ----

#[test]
fn exactly_one_of_adminpass_and_keyname() {
    // Both set.
    let both = with(base_key(), "os-change/adminpass", json!("Abcdef1!"));
    let (ok, issues) = check(P, both);
    assert!(!ok);
    assert_issue(&issues, PASS, "exclusive", "error", INVALID);
    // Neither set.
    let neither = with(base(), "os-change/adminpass", Value::Null);
    let (ok, issues) = check(P, neither);
    assert!(!ok);
    assert_issue(&issues, PASS, "exclusive", "error", INVALID);
    // An empty string counts as not set.
    let (ok, issues) = check(P, with(base_key(), "os-change/adminpass", json!("")));
    assert_no_issues(ok, &issues);
    let (ok, issues) = check(P, with(base(), "os-change/keyname", json!("")));
    assert_no_issues(ok, &issues);
    let (ok, issues) = check(
        P,
        with(
            with(base(), "os-change/adminpass", json!("")),
            "os-change/keyname",
            json!(""),
        ),
    );
    assert!(!ok);
    assert_issue(&issues, PASS, "exclusive", "error", INVALID);
}

#[test]
fn userid_goes_with_keyname() {
    // userid without keyname: ignored (HX5).
    let (ok, issues) = set(
        "os-change/userid",
        json!("7e25b1da389f4697a79df3a0e5bd494e"),
    );
    assert!(ok);
    assert_issue(&issues, "os-change.userid", "ignored", "warning", None);
    // keyname without userid: the SDK calls userid mandatory (RULES C-H2) — a warning.
    let (ok, issues) = check(P, with(base_key(), "os-change/userid", Value::Null));
    assert!(ok);
    assert_issue(
        &issues,
        "os-change.userid",
        "recommended",
        "warning",
        INVALID,
    );
}

#[test]
fn keyname_and_userid_are_strings() {
    for field in ["keyname", "userid"] {
        let (ok, issues) = check(
            P,
            with(base_key(), &format!("os-change/{field}"), json!(42)),
        );
        assert!(!ok);
        assert_issue(
            &issues,
            &format!("os-change.{field}"),
            "type",
            "error",
            INVALID,
        );
    }
    let (ok, issues) = check(P, with(base_key(), "os-change/keyname", json!("Key\npair")));
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.keyname",
        "format.control",
        "error",
        INVALID,
    );
}

// ---- imageid (H4) ----

#[test]
fn imageid_is_a_uuid() {
    let cases: [(Value, Option<&str>); 10] = [
        (json!(IMAGE), None),
        (json!("E215580F-73AD-429D-B6F2-5433947433B0"), None),
        (
            json!("e215580f73ad429db6f25433947433b0"),
            Some("format.uuid"),
        ),
        (
            json!("e215580f-73ad-429d-b6f2-5433947433b"),
            Some("format.uuid"),
        ),
        (
            json!("e215580f-73ad-429d-b6f2-5433947433b00"),
            Some("format.uuid"),
        ),
        (
            json!("g215580f-73ad-429d-b6f2-5433947433b0"),
            Some("format.uuid"),
        ),
        (
            json!("{e215580f-73ad-429d-b6f2-5433947433b0}"),
            Some("format.uuid"),
        ),
        (json!(42), Some("type")),
        (json!(""), Some("required")),
        (Value::Null, Some("required")),
    ];
    for (value, rule) in cases {
        let (ok, issues) = set("os-change/imageid", value.clone());
        match rule {
            None => assert_no_issues(ok, &issues),
            Some(rule) => {
                assert!(!ok, "{value}");
                assert_issue(&issues, "os-change.imageid", rule, "error", INVALID);
            }
        }
    }
}

// ---- mode, isAutoPay, metadata (H12–H18) ----

#[test]
fn mode_is_only_with_stop_server() {
    let (ok, issues) = set("os-change/mode", json!("withStopServer"));
    assert_no_issues(ok, &issues);
    for bad in [
        "withstopserver",
        "WithStopServer",
        "withStopServer ",
        "stop",
    ] {
        let (ok, issues) = set("os-change/mode", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "os-change.mode", "enum", "error", INVALID);
    }
    let (ok, issues) = set("os-change/mode", json!(true));
    assert!(!ok);
    assert_issue(&issues, "os-change.mode", "type", "error", INVALID);
}

#[test]
fn is_auto_pay_is_the_string_true_or_false() {
    for good in ["true", "false"] {
        let (ok, issues) = set("os-change/isAutoPay", json!(good));
        assert_no_issues(ok, &issues);
    }
    for bad in ["True", "FALSE", "yes", "1"] {
        let (ok, issues) = set("os-change/isAutoPay", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "os-change.isAutoPay", "enum", "error", INVALID);
    }
    // A JSON boolean: the type is string (S000 Table 3).
    for b in [true, false] {
        let (ok, issues) = set("os-change/isAutoPay", json!(b));
        assert!(!ok);
        assert_issue(&issues, "os-change.isAutoPay", "type", "error", INVALID);
    }
}

#[test]
fn byol_is_only_true() {
    // S000 Table 4: "Other values are invalid and an error will be reported."
    let (ok, issues) = set("os-change/metadata/BYOL", json!("true"));
    assert_no_issues(ok, &issues);
    for bad in ["false", "TRUE", "True", "yes", "1"] {
        let (ok, issues) = set("os-change/metadata/BYOL", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "os-change.metadata.BYOL", "enum", "error", INVALID);
    }
    let (ok, issues) = set("os-change/metadata/BYOL", json!(true));
    assert!(!ok);
    assert_issue(&issues, "os-change.metadata.BYOL", "type", "error", INVALID);
}

#[test]
fn system_encrypted_is_0_or_1() {
    const ENC: &str = "os-change/metadata/__system__encrypted";
    for good in ["0", "1"] {
        let (ok, issues) = set(ENC, json!(good));
        assert_no_issues(ok, &issues);
    }
    for bad in ["2", "true", "01", "yes"] {
        let (ok, issues) = set(ENC, json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(
            &issues,
            "os-change.metadata.__system__encrypted",
            "enum",
            "error",
            INVALID,
        );
    }
    for bad in [json!(1), json!(true)] {
        let (ok, issues) = set(ENC, bad);
        assert!(!ok);
        assert_issue(
            &issues,
            "os-change.metadata.__system__encrypted",
            "type",
            "error",
            INVALID,
        );
    }
}

#[test]
fn cmkid_is_36_characters() {
    const CMK: &str = "os-change.metadata.__system__cmkid";
    for (len, good) in [(35, false), (36, true), (37, false)] {
        let params = with(
            with(base(), "os-change/metadata/__system__encrypted", json!("1")),
            "os-change/metadata/__system__cmkid",
            json!(sized("83cdb52d-9ebf-4469-9cfa-e7b5b80da846x", len)),
        );
        let (ok, issues) = check(P, params);
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{len}");
            assert_issue(&issues, CMK, "length", "error", INVALID);
        }
    }
    // RULES H17: 36 bytes. 36 characters with one outside ASCII are 37.
    let params = with(
        with(base(), "os-change/metadata/__system__encrypted", json!("1")),
        "os-change/metadata/__system__cmkid",
        json!("83cdb52d-9ebf-4469-9cfa-e7b5b80da84é"),
    );
    let (ok, issues) = check(P, params);
    assert!(!ok);
    assert_issue(&issues, CMK, "format.ascii", "error", INVALID);
}

#[test]
fn cmkid_needs_encrypted() {
    const CMK: &str = "os-change.metadata.__system__cmkid";
    let cmk = json!("83cdb52d-9ebf-4469-9cfa-e7b5b80da846");
    // Without __system__encrypted: error (S000 "used with", HX2).
    let (ok, issues) = set("os-change/metadata/__system__cmkid", cmk.clone());
    assert!(!ok);
    assert_issue(&issues, CMK, "requires", "error", INVALID);
    // With "0": contradictory, not documented as an error (HX4) — warning.
    let params = with(
        with(base(), "os-change/metadata/__system__encrypted", json!("0")),
        "os-change/metadata/__system__cmkid",
        cmk.clone(),
    );
    let (ok, issues) = check(P, params);
    assert!(ok);
    assert_issue(&issues, CMK, "requires", "warning", INVALID);
    // With "1": fine; and "1" without a CMK is not an issue (G-H2).
    let params = with(
        with(base(), "os-change/metadata/__system__encrypted", json!("1")),
        "os-change/metadata/__system__cmkid",
        cmk,
    );
    let (ok, issues) = check(P, params);
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("os-change/metadata/__system__encrypted", json!("1"));
    assert_no_issues(ok, &issues);
}

#[test]
fn metadata_is_an_object_with_three_keys() {
    let (ok, issues) = set("os-change/metadata", json!("BYOL=true"));
    assert!(!ok);
    assert_issue(&issues, "os-change.metadata", "type", "error", INVALID);
    // Keys not in Table 4 (user_data belongs to the Cloud-Init API): warning (H21).
    let (ok, issues) = set("os-change/metadata/user_data", json!("IyEvYmluL3No"));
    assert!(ok);
    assert_issue(
        &issues,
        "os-change.metadata.user_data",
        "unknown",
        "warning",
        None,
    );
    let (ok, issues) = set("os-change/user_data", json!("IyEvYmluL3No"));
    assert!(ok);
    assert_issue(&issues, "os-change.user_data", "unknown", "warning", None);
}

// ---- request shape (H1–H3, H22) ----

#[test]
fn os_change_is_a_required_object() {
    let mut params = base();
    params.as_object_mut().unwrap().remove("os-change");
    let (ok, issues) = check(P, params);
    assert!(!ok);
    assert_issue(&issues, "os-change", "required", "error", INVALID);
    for bad in [json!("x"), json!([]), json!(1)] {
        let (ok, issues) = set("os-change", bad);
        assert!(!ok);
        assert_issue(&issues, "os-change", "type", "error", INVALID);
    }
}

#[test]
fn path_parameters() {
    for field in ["project_id", "server_id"] {
        for absent in [Value::Null, json!("")] {
            let (ok, issues) = set(field, absent);
            assert!(!ok);
            assert_issue(&issues, field, "required", "error", None);
        }
        for bad in ["a/b", "a b", "a?b", "a#b", "a%2Fb", "a\\b", ".", ".."] {
            let (ok, issues) = set(field, json!(bad));
            assert!(!ok, "{field}={bad}");
            assert_issue(&issues, field, "format.path_segment", "error", None);
        }
        let (ok, issues) = set(field, json!(7));
        assert!(!ok);
        assert_issue(&issues, field, "type", "error", None);
    }
    // server_id: UUID-shaped in the API definition only (H2) — a warning.
    let (ok, issues) = set("server_id", json!("ecs-12345"));
    assert!(ok);
    assert_issue(&issues, "server_id", "format.uuid", "warning", None);
}

#[test]
fn flat_and_nested_forms_agree() {
    let flat = obj(&[
        ("project_id", json!("0b7a1d0d8a80f2f92fd9c00d6d3d4d84")),
        ("server_id", json!("9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d")),
        ("os-change.adminpass", json!("Abcdef1!")),
        ("os-change.imageid", json!(IMAGE)),
    ]);
    let (ok, issues) = check(P, flat.clone());
    assert_no_issues(ok, &issues);
    let bad = with(flat, "os-change.adminpass", json!("short"));
    let (ok, issues) = check(P, bad);
    assert!(!ok);
    assert_issue(&issues, PASS, "password.length", "error", BAD_PASSWORD);
}

#[test]
fn misspelled_names_are_pointed_to() {
    for (wrong, right) in [
        ("adminPass", PASS),
        ("imageId", "os-change.imageid"),
        ("keyName", "os-change.keyname"),
    ] {
        let (_, issues) = set(&format!("os-change/{wrong}"), json!("x"));
        let field = format!("os-change.{wrong}");
        assert_issue(&issues, &field, "unknown", "warning", None);
        let msg = on(&issues, &field)[0]["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(msg.contains(right), "{msg}");
    }
}

/// S000: "You can only log in to a Windows ECS using a username and password".
#[test]
fn windows_target_refuses_a_key_pair() {
    let keyed = json!({
        "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
        "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
        "os-change": {"keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e", "imageid": "e215580f-73ad-429d-b6f2-5433947433b0"}
    });
    let (ok, issues) = check_with(P, keyed.clone(), json!({"os": "windows"}));
    assert!(!ok);
    assert_issue(
        &issues,
        "os-change.keyname",
        "windows_key_pair",
        "error",
        Some("Ecs.0005"),
    );
    for options in [json!({"os": "linux"}), json!({})] {
        let (ok, issues) = check_with(P, keyed.clone(), options);
        assert!(ok, "{issues:?}");
        assert_quiet(&issues, "os-change.keyname");
    }
    // With a password (the example), Windows is only the warning above.
    let (ok, issues) = check_with(P, base(), json!({"os": "windows"}));
    assert!(ok);
    assert_no_rule(&issues, "os-change.keyname", "windows_key_pair");
}
