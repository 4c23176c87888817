//! `validate` and `buildRequest` on arbitrary JSON text, as the wasm layer
//! receives it. The first byte picks the provider and the options.
//! Checks: no panic; `{ok, issues}` well formed; the text and Value entry
//! points agree on the same canonical text (the text entry point reads
//! members in input order and reports a repeated name, a `Value` has sorted,
//! unique names); `buildRequest` returns a request exactly when `validate`
//! finds no error; the secret never comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reinstall_kit::api;
use reinstall_kit_fuzz::{assert_no_canary, check_result, context, selector, CANARY_SECRET};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    // JS strings cross into wasm as UTF-8, so the text is always valid UTF-8.
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if text.contains(CANARY_SECRET) {
        return;
    }
    let (provider, options) = selector(flags);
    let options_text = options.to_string();

    let out =
        api::validate_text(provider, Some(text), Some(&options_text)).expect("known provider");
    let ok = check_result(&out);
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let direct = api::validate(provider, &value, Some(&options)).expect("known provider");
        let canonical = api::validate_text(provider, Some(&value.to_string()), Some(&options_text))
            .expect("known provider");
        assert_eq!(direct, canonical, "validate_text and validate disagree");
    }

    let ctx = context(provider, &options).to_string();
    match api::build_request_text(provider, Some(text), &ctx) {
        Ok(built) => {
            let built_ok = check_result(&built);
            assert_eq!(built_ok, ok, "buildRequest and validate disagree on ok");
            assert_eq!(built.get("request").is_some(), built_ok);
            assert_no_canary(&built);
        }
        Err(e) => {
            assert!(!e.code.is_empty() && !e.message.is_empty());
            assert!(!e.message.contains(CANARY_SECRET));
        }
    }
});
