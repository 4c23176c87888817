//! The Chinese bundle (`locales/zh.json`, written by `examples/locales.rs`)
//! holds every Chinese text of the crate keyed by its English one. Every
//! Chinese text is written next to its English one (`Text::new(en, zh)`, the
//! `(en, zh, args)` rows of `Msg::render`), and the wasm without the `zh`
//! feature looks each up by that English text; so when no Chinese literal
//! stands anywhere else and no English text has two translations, every
//! Chinese text the crate can show is in the bundle.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/locales.rs"]
#[allow(dead_code)]
mod locales;

use std::path::Path;

use reinstall_kit::api;
use serde_json::Value;

fn bundle() -> std::collections::BTreeMap<String, String> {
    let (texts, alone, conflicts) =
        locales::bundle(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        alone.is_empty(),
        "Chinese texts without their English one: {alone:?}"
    );
    assert!(
        conflicts.is_empty(),
        "English texts with two translations: {conflicts:?}"
    );
    texts
}

#[test]
fn the_reader_pairs_literals_and_sees_lone_ones() {
    let src = r##"
        Text::new("Project ID", "项目 ID"), // "不是" in a comment
        ("Must be \u{1} long.", "长度必须为 \u{1}。", &[n(1)]),
        let c = '"'; let s = "只有中文";
        Text::new(r#"a "b""#, "乙"),
    "##;
    let (pairs, alone) = locales::pairs_in(src);
    assert_eq!(
        pairs,
        [
            ("Project ID".to_string(), "项目 ID".to_string()),
            ("Must be \u{1} long.".into(), "长度必须为 \u{1}。".into()),
            ("a \"b\"".into(), "乙".into()),
        ]
    );
    assert_eq!(alone, ["只有中文"]);
}

#[test]
fn every_text_of_the_tables_is_in_the_bundle() {
    let texts = bundle();
    assert!(texts.len() > 200, "{} texts", texts.len());
    // Labels, help, preconditions and names, as providers() gives them in both languages.
    let all = api::providers_json();
    let mut seen = 0;
    let mut check = |t: &Value| {
        let (en, zh) = (t["en"].as_str().unwrap(), t["zh"].as_str().unwrap());
        // A text the same in both languages (a parameter name) needs no entry:
        // the lookup falls back to the English text.
        if !en.is_empty() && en != zh {
            assert_eq!(texts.get(en).map(String::as_str), Some(zh), "{en:?}");
            seen += 1;
        }
    };
    for p in all.as_array().unwrap() {
        check(&p["name"]);
        for op in p["operations"].as_array().unwrap() {
            for f in op["fields"].as_array().unwrap() {
                check(&f["label"]);
                check(&f["help"]);
            }
            op["preconditions"]
                .as_array()
                .unwrap()
                .iter()
                .for_each(&mut check);
        }
    }
    assert!(seen > 100);
}
