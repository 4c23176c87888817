//! Alibaba Cloud ECS ReplaceSystemDisk, seed 003 / RULES.md §4.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::{json, Value};

const P: &str = "aliyun";
const BAD_PASSWORD: Option<&str> = Some("InvalidPassword.Malformed");

fn base() -> Value {
    json!({"InstanceId": "i-bp67acfmxazb4ph****", "ImageId": "m-bp67acfmxazb4ph****"})
}

fn set(path: &str, value: Value) -> (bool, Vec<Value>) {
    check(P, with(base(), path, value))
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
    // The example column of S003's parameter table (public parameters).
    let seed = obj(&[
        ("InstanceId", json!("i-bp67acfmxazb4ph****")),
        ("ImageId", json!("m-bp67acfmxazb4ph****")),
        ("SystemDisk.Size", json!(80)),
        ("ClientToken", json!("123e4567-e89b-12d3-a456-426655440000")),
        ("UseAdditionalService", json!(true)),
        ("Password", json!("EcsV587!")),
        ("PasswordInherit", json!(false)),
        ("SecurityEnhancementStrategy", json!("Active")),
        ("Encrypted", json!(false)),
    ]);
    let (ok, issues) = check(P, seed);
    assert_no_issues(ok, &issues);
}

#[test]
fn action_and_version_are_fixed() {
    let (ok, issues) = check(
        P,
        with(
            with(base(), "Action", json!("ReplaceSystemDisk")),
            "Version",
            json!("2014-05-26"),
        ),
    );
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("Version", json!("2014-05-27"));
    assert!(!ok);
    assert_issue(&issues, "Version", "fixed", "error", None);
}

#[test]
fn instance_id_is_required() {
    for absent in [Value::Null, json!("")] {
        let (ok, issues) = set("InstanceId", absent);
        assert!(!ok);
        assert_issue(
            &issues,
            "InstanceId",
            "required",
            "error",
            Some("MissingParameter"),
        );
    }
    let (ok, issues) = set("InstanceId", json!(12));
    assert!(!ok);
    assert_issue(&issues, "InstanceId", "type", "error", None);
}

// ---- ImageId / DiskId (AX1, AX2, AX9) ----

#[test]
fn image_id_or_disk_id() {
    // Neither.
    let (ok, issues) = set("ImageId", Value::Null);
    assert!(!ok);
    assert_issue(
        &issues,
        "ImageId",
        "one_of",
        "error",
        Some("InvalidParameter.AllEmpty"),
    );
    // Both.
    let (ok, issues) = set("DiskId", json!("d-bp67acfmxazb4ph****"));
    assert!(!ok);
    assert_issue(
        &issues,
        "DiskId",
        "exclusive",
        "error",
        Some("InvalidParameter.Conflict"),
    );
    // DiskId alone: deprecated path, warnings only — including Platform/Architecture (AX9).
    let disk = with(
        with(base(), "ImageId", Value::Null),
        "DiskId",
        json!("d-bp67acfmxazb4ph****"),
    );
    let (ok, issues) = check(P, disk.clone());
    assert!(ok, "{issues:?}");
    assert_issue(&issues, "DiskId", "deprecated", "warning", None);
    assert_issue(
        &issues,
        "Platform",
        "required_with",
        "warning",
        Some("MissingParameter.Platform"),
    );
    assert_issue(
        &issues,
        "Architecture",
        "required_with",
        "warning",
        Some("MissingParameter.Architecture"),
    );
    let full = with(
        with(disk, "Platform", json!("CentOS")),
        "Architecture",
        json!("x86_64"),
    );
    let (ok, issues) = check(P, full);
    assert!(ok);
    assert_no_rule(&issues, "Platform", "required_with");
    assert_no_rule(&issues, "Architecture", "required_with");
}

#[test]
fn deprecated_parameters_warn() {
    for (name, value) in [
        ("Platform", "CentOS"),
        ("Architecture", "i386"),
        ("Architecture", "x86_64"),
    ] {
        let (ok, issues) = set(name, json!(value));
        assert!(ok);
        assert_issue(&issues, name, "deprecated", "warning", None);
        assert_no_rule(&issues, name, "enum");
    }
    // Architecture outside the older docs' values: warning too.
    let (ok, issues) = set("Architecture", json!("arm64"));
    assert!(ok);
    assert_issue(
        &issues,
        "Architecture",
        "enum",
        "warning",
        Some("InvalidArchitecture.Malformed"),
    );
}

#[test]
fn not_public_and_hidden_parameters() {
    let (ok, issues) = check(
        P,
        with(
            with(base(), "Encrypted", json!(true)),
            "EncryptAlgorithm",
            json!("SM4"),
        ),
    );
    assert!(ok);
    assert_issue(&issues, "EncryptAlgorithm", "not_public", "warning", None);
    let (ok, issues) = set(
        "Arn",
        json!([{"RoleType": "x", "Rolearn": "acs:ram::1:role/r", "AssumeRoleFor": 1}]),
    );
    assert!(ok);
    // A parameter's standing is said once, under its documented (list) name.
    for f in ["Arn.N.RoleType", "Arn.N.Rolearn", "Arn.N.AssumeRoleFor"] {
        assert_issue(&issues, f, "not_public", "warning", None);
    }
    let (ok, issues) = set("Arn", json!([{"AssumeRoleFor": "soon"}]));
    assert!(!ok);
    assert_issue(&issues, "Arn.1.AssumeRoleFor", "type", "error", None);
    // A list of structs: an item may carry only some members (no gap), and a
    // scalar where the list goes is one type error, not one per member.
    let (ok, issues) = set("Arn", json!([{"RoleType": "x"}, {"Rolearn": "y"}]));
    assert!(ok, "{issues:?}");
    let (ok, issues) = set("Arn", json!("x"));
    assert!(!ok);
    assert_eq!(
        issues.iter().filter(|i| i["field"] == "Arn").count(),
        1,
        "{issues:?}"
    );
    assert_issue(&issues, "Arn", "type", "error", None);
    let (ok, issues) = set("Arn.0.RoleType", json!("x"));
    assert!(!ok);
    assert_issue(&issues, "Arn.0.RoleType", "list.index", "error", None);
    // Hidden owner parameters: accepted quietly, but typed.
    let (ok, issues) = check(
        P,
        with(
            with(base(), "OwnerId", json!(123)),
            "OwnerAccount",
            json!("a"),
        ),
    );
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("ResourceOwnerId", json!("abc"));
    assert!(!ok);
    assert_issue(&issues, "ResourceOwnerId", "type", "error", None);
    // RegionId is not a parameter of this API (A26): unknown, warning only.
    let (ok, issues) = set("RegionId", json!("cn-hangzhou"));
    assert!(ok);
    assert_issue(&issues, "RegionId", "unknown", "warning", None);
}

// ---- SystemDisk.Size (A3, A4) ----

#[test]
fn system_disk_size_1_to_2048() {
    for (n, code) in [
        (-1, Some("InvalidSystemDiskSize.LessThanMinSize")),
        (0, Some("InvalidSystemDiskSize.LessThanMinSize")),
        (20, None),
        (40, None),
        (2048, None),
        (2049, Some("InvalidSystemDiskSize.MoreThanMaxSize")),
    ] {
        for params in [
            with(base(), "SystemDisk/Size", json!(n)),
            with(base(), "SystemDisk.Size", json!(n)),
        ] {
            let (ok, issues) = check(P, params);
            match code {
                None => assert_no_issues(ok, &issues),
                Some(code) => {
                    assert!(!ok, "{n}");
                    assert_issue(&issues, "SystemDisk.Size", "range", "error", Some(code));
                }
            }
        }
    }
}

#[test]
fn system_disk_size_below_20_is_only_a_warning() {
    // ESSD PL0 / AutoPL start at 1 GiB, every other category at 20 (ALI-SDK).
    for n in [1, 19] {
        let (ok, issues) = set("SystemDisk.Size", json!(n));
        assert!(ok, "{n}: {issues:?}");
        assert_issue(
            &issues,
            "SystemDisk.Size",
            "range",
            "warning",
            Some("InvalidSystemDiskSize.LessThanMinSize"),
        );
    }
}

#[test]
fn system_disk_size_is_an_integer() {
    for good in [json!("80"), json!(80), json!(80.0)] {
        let (ok, issues) = set("SystemDisk.Size", good);
        assert_no_issues(ok, &issues);
    }
    for bad in [
        json!(80.5),
        json!("80.5"),
        json!("80.0"),
        json!("8O"),
        json!("80GiB"),
        json!("0x50"),
        json!(true),
        json!({}),
    ] {
        let (ok, issues) = set("SystemDisk.Size", bad.clone());
        assert!(!ok, "{bad}");
        assert_issue(
            &issues,
            "SystemDisk.Size",
            "type",
            "error",
            Some("InvalidSystemDiskSize.ValueNotSupported"),
        );
    }
}

// ---- ClientToken (A6) ----

#[test]
fn client_token_ascii_at_most_64() {
    for (n, good) in [(1, true), (64, true), (65, false)] {
        let (ok, issues) = set("ClientToken", json!(sized("0123456789abcdef", n)));
        if good {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok);
            assert_issue(&issues, "ClientToken", "length", "error", None);
        }
    }
    for bad in ["token-ü", "令牌", "tok\u{80}en"] {
        let (ok, issues) = set("ClientToken", json!(bad));
        assert!(!ok, "{bad}");
        assert_issue(&issues, "ClientToken", "format.ascii", "error", None);
    }
    // Any ASCII, including punctuation and space.
    let (ok, issues) = set("ClientToken", json!("a b!~{}"));
    assert_no_issues(ok, &issues);
}

// ---- Password (A8–A12, AX8) ----

#[test]
fn password_length_8_to_30() {
    for (n, good) in [(7, false), (8, true), (30, true), (31, false)] {
        let (ok, issues) = password(&sized("EcsV587!", n));
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
        ("abcdefgh", false),
        ("abcdefg1", false),
        ("ABCDEFG!", false),
        ("12345678", false),
        ("1234567!", false),
        ("abcdEFGH", false),
        ("abcdEFG1", true),
        ("abcdEFG!", true),
        ("abcd123!", true),
        ("ABCD123!", true),
        ("EcsV587!", true),
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
    // S003's list is cut; filled from Alibaba's docs: ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/
    for c in "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/".chars() {
        let (ok, issues) = password(&format!("Abcdefg{c}"));
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn password_quote_and_backslash_are_disputed() {
    // RULES C-A1: the SDK docstrings print `"` (or `\"`) where the docs have `'`.
    for c in ['"', '\\'] {
        let (ok, issues) = password(&format!("Abcdefg{c}"));
        assert!(ok, "{c}");
        assert_issue(
            &issues,
            "Password",
            "password.disputed_chars",
            "warning",
            BAD_PASSWORD,
        );
    }
}

#[test]
fn password_other_characters_are_refused() {
    for c in [" ", "é", "中", "\t", "€"] {
        let (ok, issues) = password(&format!("Abcdef1{c}"));
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
fn windows_password_must_not_start_with_a_slash() {
    let (ok, issues) = password_with("/Abcdef1", json!({"os": "windows"}));
    assert!(!ok);
    assert_issue(
        &issues,
        "Password",
        "password.prefix",
        "error",
        BAD_PASSWORD,
    );
    // Linux or unknown OS: fine; a slash elsewhere: fine.
    for options in [json!({}), json!({"os": "linux"})] {
        let (ok, issues) = password_with("/Abcdef1", options);
        assert_no_issues(ok, &issues);
    }
    let (ok, issues) = password_with("Abcdef1/", json!({"os": "windows"}));
    assert_no_issues(ok, &issues);
    // No username rule on Alibaba Cloud.
    let (ok, issues) = password_with("Administrator1!", json!({"os": "windows"}));
    assert_no_issues(ok, &issues);
}

// ---- PasswordInherit (AX3) ----

#[test]
fn password_inherit_with_password() {
    let code = Some("InvalidPasswordParam.Mismatch");
    for t in [json!(true), json!("true"), json!("True")] {
        let (ok, issues) = check(
            P,
            with(
                with(base(), "PasswordInherit", t.clone()),
                "Password",
                json!("EcsV587!"),
            ),
        );
        assert!(!ok, "{t}");
        assert_issue(&issues, "Password", "exclusive", "error", code);
    }
    // PasswordInherit=false with a password, or true without: fine.
    let (ok, issues) = check(
        P,
        with(
            with(base(), "PasswordInherit", json!(false)),
            "Password",
            json!("EcsV587!"),
        ),
    );
    assert_no_issues(ok, &issues);
    let (ok, issues) = set("PasswordInherit", json!(true));
    assert_no_issues(ok, &issues);
    // An empty password is "left empty".
    let (ok, issues) = check(
        P,
        with(
            with(base(), "PasswordInherit", json!(true)),
            "Password",
            json!(""),
        ),
    );
    assert_no_issues(ok, &issues);
}

// ---- KeyPairName (A14, AX6, AX7) ----

#[test]
fn key_pair_is_linux_only() {
    let keyed = with(base(), "KeyPairName", json!("testKeyPairName"));
    let (ok, issues) = check_with(P, keyed.clone(), json!({"os": "windows"}));
    assert!(!ok);
    assert_issue(
        &issues,
        "KeyPairName",
        "windows_key_pair",
        "error",
        Some("DependencyViolation.WindowsInstance"),
    );
    for options in [json!({}), json!({"os": "linux"})] {
        let (ok, issues) = check_with(P, keyed.clone(), options);
        assert_no_issues(ok, &issues);
    }
    // Key pair and password on Linux: password logon disabled (G-A1) — warning.
    let (ok, issues) = check(P, with(keyed, "Password", json!("EcsV587!")));
    assert!(ok);
    assert_issue(&issues, "Password", "ignored", "warning", None);
}

// ---- Encryption (AX4, AX5) ----

#[test]
fn kms_key_needs_encrypted_true() {
    let code = Some("InvalidEncrypted.NotMatchKmsKeyId");
    let kms = with(
        base(),
        "KMSKeyId",
        json!("e522b26d-abf6-4e0d-b5da-04b7******3c"),
    );
    let (ok, issues) = check(P, kms.clone());
    assert!(!ok);
    assert_issue(&issues, "KMSKeyId", "requires", "error", code);
    for f in [json!(false), json!("false")] {
        let (ok, issues) = check(P, with(kms.clone(), "Encrypted", f));
        assert!(!ok);
        assert_issue(&issues, "KMSKeyId", "requires", "error", code);
    }
    for t in [json!(true), json!("true"), json!("True"), json!("TRUE")] {
        let (ok, issues) = check(P, with(kms.clone(), "Encrypted", t));
        assert_no_issues(ok, &issues);
    }
}

#[test]
fn encrypt_algorithm_needs_encrypted_true() {
    let code = Some("InvalidEncrypted.NotMatchEncryptAlgorithm");
    let (ok, issues) = set("EncryptAlgorithm", json!("SM4"));
    assert!(!ok);
    assert_issue(&issues, "EncryptAlgorithm", "requires", "error", code);
    let (ok, issues) = check(
        P,
        with(
            with(base(), "Encrypted", json!("false")),
            "EncryptAlgorithm",
            json!("SM4"),
        ),
    );
    assert!(!ok);
    assert_issue(&issues, "EncryptAlgorithm", "requires", "error", code);
}

// ---- enums and booleans (A18, A24) ----

#[test]
fn security_enhancement_strategy_active_or_deactive() {
    for good in ["Active", "Deactive"] {
        let (ok, issues) = set("SecurityEnhancementStrategy", json!(good));
        assert_no_issues(ok, &issues);
    }
    for bad in ["active", "DEACTIVE", "Inactive", "Deactivate", ""] {
        let (ok, issues) = set("SecurityEnhancementStrategy", json!(bad));
        if bad.is_empty() {
            assert_no_issues(ok, &issues);
        } else {
            assert!(!ok, "{bad}");
            assert_issue(
                &issues,
                "SecurityEnhancementStrategy",
                "enum",
                "error",
                None,
            );
        }
    }
}

#[test]
fn booleans_in_any_case_but_nothing_else() {
    // A24: case-insensitive on the wire (the Python SDK sends True/False).
    for name in ["UseAdditionalService", "PasswordInherit", "Encrypted"] {
        for good in [
            json!(true),
            json!(false),
            json!("true"),
            json!("false"),
            json!("True"),
            json!("False"),
            json!("TRUE"),
        ] {
            let (ok, issues) = set(name, good.clone());
            assert_no_issues(ok, &issues);
        }
        for bad in [
            json!("yes"),
            json!("1"),
            json!(1),
            json!(0),
            json!("t"),
            json!(["true"]),
        ] {
            let (ok, issues) = set(name, bad.clone());
            assert!(!ok, "{name}={bad}");
            assert_issue(&issues, name, "type", "error", None);
        }
    }
}

#[test]
fn misspellings_name_the_documented_parameter() {
    for (wrong, right) in [
        ("Imageid", "ImageId"),
        ("instanceid", "InstanceId"),
        ("systemdisk.size", "SystemDisk.Size"),
        ("KmsKeyId", "KMSKeyId"),
        ("PasswdInherit", "PasswordInherit"),
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

#[test]
fn malformed_encrypt_algorithm_and_platform_carry_their_codes() {
    // S003 error table (RULES 4.5): InvalidEncryptAlgorithm, InvalidPlatform.Malformed.
    let (ok, issues) = check(
        P,
        with(
            with(base(), "Encrypted", json!(true)),
            "EncryptAlgorithm",
            json!(5),
        ),
    );
    assert!(!ok);
    assert_issue(
        &issues,
        "EncryptAlgorithm",
        "type",
        "error",
        Some("InvalidEncryptAlgorithm"),
    );
    let (ok, issues) = set("Platform", json!(["CentOS"]));
    assert!(!ok);
    assert_issue(
        &issues,
        "Platform",
        "type",
        "error",
        Some("InvalidPlatform.Malformed"),
    );
    // The standing warnings stay without a code.
    let (ok, issues) = set("Platform", json!("CentOS"));
    assert!(ok);
    assert_issue(&issues, "Platform", "deprecated", "warning", None);
}

/// JSON integers of any size: past `i64` they are over the bound (with its
/// code), not a wrong type; 64-bit owner ids read whole.
#[test]
fn integers_beyond_64_bits_are_out_of_range() {
    let over = "InvalidSystemDiskSize.MoreThanMaxSize";
    for size in [
        json!(i64::MAX),
        json!(9223372036854775808u64),
        json!(1e20),
        json!("99999999999999999999"),
    ] {
        let (ok, issues) = set("SystemDisk.Size", size.clone());
        assert!(!ok, "{size}");
        assert_issue(&issues, "SystemDisk.Size", "range", "error", Some(over));
        assert_no_rule(&issues, "SystemDisk.Size", "type");
    }
    for size in [json!(-1e20), json!("-99999999999999999999")] {
        let (_, issues) = set("SystemDisk.Size", size);
        assert_issue(
            &issues,
            "SystemDisk.Size",
            "range",
            "error",
            Some("InvalidSystemDiskSize.LessThanMinSize"),
        );
    }
    // Values that are not integers at all stay a wrong type
    // (system_disk_size_is_an_integer).
    // A 19-digit owner id fits in an i64: read as given.
    let (_, issues) = set("OwnerId", json!("1234567890123456789"));
    assert_no_rule(&issues, "OwnerId", "type");
    assert_no_rule(&issues, "OwnerId", "range");
    let (_, issues) = set("OwnerId", json!(18446744073709551615u64));
    assert_issue(&issues, "OwnerId", "range", "error", None);
}
