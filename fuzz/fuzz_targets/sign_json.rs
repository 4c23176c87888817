//! `signRequest` on arbitrary JSON text (seeded with the signing vectors).
//! Checks: no panic; an answer or a clean error; deterministic; a signature
//! exactly when a secret is given; the secret never comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reinstall_kit::api;
use reinstall_kit_fuzz::{assert_no_canary, CANARY_SECRET};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.len() > reinstall_kit::util::limits::MAX_INPUT_BYTES || text.contains(CANARY_SECRET) {
        return;
    }
    let Ok(mut input) = serde_json::from_str::<Value>(text) else {
        return;
    };
    // Sign with the canary secret instead of whatever the input says.
    let has_secret = match input.as_object_mut() {
        Some(obj) if obj.get("secretAccessKey").is_some_and(Value::is_string) => {
            obj.insert("secretAccessKey".into(), Value::from(CANARY_SECRET));
            true
        }
        _ => false,
    };
    match api::sign_request(&input) {
        Ok(out) => {
            assert!(out["canonicalRequest"].is_string() && out["stringToSign"].is_string());
            assert_eq!(out.get("signature").is_some(), has_secret);
            assert_no_canary(&out);
            assert_eq!(
                api::sign_request(&input).ok(),
                Some(out),
                "not deterministic"
            );
        }
        Err(e) => {
            assert!(!e.code.is_empty() && !e.message.is_empty());
            assert!(!e.message.contains(CANARY_SECRET));
        }
    }
});
