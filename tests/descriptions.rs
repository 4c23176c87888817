//! The form texts shipped as `descriptions/<provider>.<locale>.json` are the
//! tables' own texts: what `providers()` gives with the `descriptions`
//! feature, one language per file, for every operation and field.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api;
use reinstall_kit::issue::Locale;
use reinstall_kit::providers;
use serde_json::Value;

fn descriptions(p: &reinstall_kit::schema::Provider, locale: Locale) -> Value {
    let mut text = String::new();
    p.write_descriptions(locale, &mut text);
    serde_json::from_str(&text).expect("descriptions are JSON")
}

#[test]
fn the_files_hold_the_tables_texts() {
    let all = api::providers_json();
    for (p, listed) in providers::ALL.iter().zip(all.as_array().unwrap()) {
        for locale in Locale::ALL {
            let tag = locale.tag();
            let d = descriptions(p, locale);
            assert_eq!(d["provider"], p.id);
            assert_eq!(d["locale"], tag);
            let ops = d["operations"].as_object().unwrap();
            assert_eq!(ops.len(), p.operations.len(), "{}", p.id);
            for op in listed["operations"].as_array().unwrap() {
                let name = op["name"].as_str().unwrap();
                let texts = &ops[name];
                let fields = texts["fields"].as_object().unwrap();
                assert_eq!(fields.len(), op["fields"].as_array().unwrap().len());
                for f in op["fields"].as_array().unwrap() {
                    let t = &fields[f["name"].as_str().unwrap()];
                    assert_eq!(t["label"], f["label"][tag], "{} {name} {f}", p.id);
                    assert_eq!(t["help"], f["help"][tag], "{} {name} {f}", p.id);
                    assert_eq!(t.get("example"), f.get("example"), "{} {name}", p.id);
                }
                let pre: Vec<&Value> = op["preconditions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| &t[tag])
                    .collect();
                let shipped: Vec<&Value> =
                    texts["preconditions"].as_array().unwrap().iter().collect();
                assert_eq!(shipped, pre, "{} {name}", p.id);
                assert_eq!(texts["example"], op["example"], "{} {name}", p.id);
            }
        }
    }
}

#[test]
fn every_text_is_there_in_its_language() {
    for p in providers::ALL {
        for locale in Locale::ALL {
            let d = descriptions(p, locale);
            for (_, op) in d["operations"].as_object().unwrap() {
                for (name, f) in op["fields"].as_object().unwrap() {
                    for key in ["label", "help"] {
                        let text = f[key].as_str().unwrap();
                        assert!(!text.trim().is_empty(), "{} {name} {key}", p.id);
                    }
                }
            }
        }
    }
}
