//! Every message exists in both languages, says its numbers, and every text a
//! form shows (labels, help, preconditions) is there in English and Chinese.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use reinstall_kit::api;
use reinstall_kit::issue::{Locale, Msg, Text, TypeName};
use serde_json::json;

fn every_message() -> Vec<Msg> {
    let t = [
        TypeName::String,
        TypeName::Integer,
        TypeName::Boolean,
        TypeName::Object,
        TypeName::List,
    ];
    let mut all = vec![
        Msg::NotAnObject,
        Msg::TooLarge { limit: 4194304 },
        Msg::TooDeep,
        Msg::Unreadable,
        Msg::NotJson,
        Msg::IntegerRange,
        Msg::TooMany { limit: 512 },
        Msg::Duplicate,
        Msg::Required,
        Msg::BooleanAsString,
        Msg::Length {
            min: 8,
            max: 26,
            actual: 7,
        },
        Msg::MaxLength {
            max: 64,
            actual: 65,
        },
        Msg::ExactLength {
            len: 36,
            actual: 35,
        },
        Msg::Minimum { min: 20 },
        Msg::Maximum { max: 2048 },
        Msg::Enum {
            allowed: &["offline", "online"],
        },
        Msg::Uuid,
        Msg::UuidLowercase,
        Msg::Base64,
        Msg::Ascii,
        Msg::PathSegment,
        Msg::Printable,
        Msg::PasswordLength {
            min: 8,
            max: 30,
            actual: 31,
        },
        Msg::PasswordClassesAtLeast {
            need: 3,
            specials: "!@#",
        },
        Msg::PasswordClassesAll,
        Msg::PasswordChars { specials: "!@#" },
        Msg::PasswordDisputedChars {
            chars: "~#*",
            why: Text::new("the SDK does not list", "SDK 未列出这些字符"),
        },
        Msg::PasswordNonVisible,
        Msg::PasswordOutsideVisible,
        Msg::PasswordUsername,
        Msg::PasswordPrefix {
            prefix: "/",
            windows_only: true,
        },
        Msg::PasswordPrefix {
            prefix: "$6$",
            windows_only: false,
        },
        Msg::ListIndex,
        Msg::ListGap,
        Msg::ListMaxItems { max: 10 },
        Msg::ListDuplicate,
        Msg::Unknown {
            suggestion: Some("ImageId"),
        },
        Msg::Unknown { suggestion: None },
        Msg::NotSupportedHere {
            provider: Text::new("Open Telekom Cloud ECS", "Open Telekom Cloud 弹性云服务器"),
        },
        Msg::Deprecated {
            instead: Some("ImageId"),
        },
        Msg::Deprecated { instead: None },
        Msg::NotPublic,
        Msg::ExactlyOne {
            a: "adminpass",
            b: "keyname",
        },
        Msg::BothSet {
            a: "ImageId",
            b: "DiskId",
        },
        Msg::Requires {
            other: "Encrypted",
            value: "true",
        },
        Msg::RequiresPresent { other: "DiskId" },
        Msg::Ignored {
            because: Text::new("KeepImageLogin is true", "KeepImageLogin 为 true "),
        },
        Msg::Text(Text::new("English.", "中文。")),
    ];
    all.extend(t.map(|expected| Msg::WrongType { expected }));
    all
}

/// The numbers and names a message must carry, whatever the language.
fn must_say(m: &Msg) -> Vec<String> {
    match m {
        Msg::TooLarge { limit } | Msg::TooMany { limit } => vec![limit.to_string()],
        Msg::Length { min, max, actual } | Msg::PasswordLength { min, max, actual } => {
            vec![min.to_string(), max.to_string(), actual.to_string()]
        }
        Msg::MaxLength { max, actual } => vec![max.to_string(), actual.to_string()],
        Msg::ExactLength { len, actual } => vec![len.to_string(), actual.to_string()],
        Msg::Minimum { min } => vec![min.to_string()],
        Msg::Maximum { max } => vec![max.to_string()],
        Msg::ListMaxItems { max } => vec![max.to_string()],
        Msg::Enum { allowed } => allowed.iter().map(|s| s.to_string()).collect(),
        Msg::PasswordClassesAtLeast { need, specials } => {
            vec![need.to_string(), specials.to_string()]
        }
        Msg::PasswordChars { specials } => {
            vec![specials.to_string()]
        }
        // Shown a space apart.
        Msg::PasswordDisputedChars { chars, .. } => chars.chars().map(String::from).collect(),
        Msg::PasswordPrefix { prefix, .. } => vec![prefix.to_string()],
        Msg::Unknown {
            suggestion: Some(s),
        }
        | Msg::Deprecated { instead: Some(s) } => vec![s.to_string()],
        Msg::ExactlyOne { a, b } | Msg::BothSet { a, b } => {
            vec![a.to_string(), b.to_string()]
        }
        Msg::Requires { other, value } => vec![other.to_string(), value.to_string()],
        Msg::RequiresPresent { other } => vec![other.to_string()],
        _ => vec![],
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_message_in_both_languages() {
    for m in every_message() {
        let en = m.render(Locale::En);
        let zh = m.render(Locale::Zh);
        assert!(!en.is_empty() && !zh.is_empty(), "{m:?}");
        assert_ne!(en, zh, "{m:?}");
        assert!(en.is_ascii(), "{m:?}: {en}");
        assert!(has_cjk(&zh), "{m:?}: {zh}");
        for part in must_say(&m) {
            assert!(
                en.contains(&part) && zh.contains(&part),
                "{m:?} must say {part}: {en} / {zh}"
            );
        }
    }
}

/// Reasons put into a message come in the message's language: no English
/// clause inside a Chinese sentence.
#[test]
fn inserted_reasons_follow_the_locale() {
    let reason = Text::new("English reason", "中文理由");
    for m in [
        Msg::Ignored { because: reason },
        Msg::PasswordDisputedChars {
            chars: "~",
            why: reason,
        },
        Msg::NotSupportedHere { provider: reason },
    ] {
        let (en, zh) = (m.render(Locale::En), m.render(Locale::Zh));
        assert!(
            en.contains("English reason") && !en.contains("中文理由"),
            "{en}"
        );
        assert!(
            zh.contains("中文理由") && !zh.contains("English reason"),
            "{zh}"
        );
    }
}

/// Every issue of a few inputs that raise the cross-field warnings, in
/// Chinese: no run of three English words (parameter names and values are
/// single words) slips into the Chinese text.
#[test]
fn chinese_issues_have_no_english_clauses() {
    let zh = json!({"locale": "zh"});
    let inputs = [
        (
            "huaweicloud",
            with(example("huaweicloud"), "os-change.userid", json!("u")),
        ),
        (
            "otc",
            with(example("otc"), "os-change.metadata.BYOL", json!("false")),
        ),
        (
            "ksyun",
            json!({"InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738", "KeepImageLogin": true, "InstancePassword": "1qaQ!abc", "KeyId.1": "552a0523-b9b4-4868-b8d9-52ad7a38bf89", "KeyId.2": "552a0523-b9b4-4868-b8d9-52ad7a38bf89"}),
        ),
        (
            "volcengine",
            json!({"InstanceId": "i-1", "ImageId": "image-1", "Password": "Password@123", "KeyPairName": "k"}),
        ),
        (
            "aliyun",
            json!({"InstanceId": "i-1", "ImageId": "m-1", "Password": "abcdefg1\"", "SystemDisk.Size": 99999999999999999999u128.to_string()}),
        ),
    ];
    for (provider, params) in inputs {
        let (_, issues) = check_with(provider, params, zh.clone());
        assert!(!issues.is_empty(), "{provider}");
        for issue in &issues {
            let text = issue["message"].as_str().unwrap();
            // Runs of ASCII words and spaces, e.g. "keyname is not set ".
            let clause = text
                .split(|c: char| !(c.is_ascii_alphanumeric() || " _.".contains(c)))
                .any(|run| {
                    run.split_whitespace()
                        .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
                        .count()
                        >= 3
                });
            assert!(has_cjk(text) && !clause, "{provider}: {text}");
        }
    }
}

#[test]
fn locale_tags() {
    for tag in ["zh", "ZH", "zh-CN", "zh-Hans-CN", "zh_TW", " zh "] {
        assert_eq!(Locale::parse(tag), Locale::Zh, "{tag}");
    }
    for tag in ["en", "en-US", "", "fr", "zhx", "cn"] {
        assert_eq!(Locale::parse(tag), Locale::En, "{tag}");
    }
}

#[test]
fn provider_texts_in_both_languages() {
    let all = api::providers_json();
    for p in all.as_array().unwrap() {
        let mut texts = vec![&p["name"]];
        for f in p["fields"].as_array().unwrap() {
            texts.push(&f["label"]);
            texts.push(&f["help"]);
        }
        texts.extend(p["preconditions"].as_array().unwrap());
        for t in texts {
            let (en, zh) = (t["en"].as_str().unwrap(), t["zh"].as_str().unwrap());
            assert!(!en.is_empty() && !zh.is_empty(), "{}: {t}", p["id"]);
            // Parameter names are their own label in both languages; any sentence differs.
            if en.contains(' ') {
                assert_ne!(en, zh, "{}: {t}", p["id"]);
                assert!(has_cjk(zh), "{}: {t}", p["id"]);
            }
        }
    }
}

#[test]
fn issue_messages_follow_the_locale() {
    let params = json!({"InstanceId": "X", "KeyId.0": "k", "SystemDisk.ResizeType": "hot"});
    let (_, en) = check_with("ksyun", params.clone(), json!({"locale": "en"}));
    let (_, zh) = check_with("ksyun", params, json!({"locale": "zh"}));
    assert!(en.len() >= 4);
    for (e, z) in en.iter().zip(&zh) {
        assert!(e["message"].as_str().unwrap().is_ascii(), "{e}");
        assert!(has_cjk(z["message"].as_str().unwrap()), "{z}");
    }
}
