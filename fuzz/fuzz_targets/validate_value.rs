//! `validate` and `buildRequest` on structured JSON values whose keys are
//! mostly the documented names (so the fuzzer reaches the field and
//! cross-field rules), nested past `util::limits::MAX_DEPTH`, with arbitrary options.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use reinstall_kit::api;
use reinstall_kit_fuzz::{
    arbitrary_value, assert_no_canary, check_result, context, known_names, selector, CANARY_SECRET,
};

static NAMES: OnceLock<Vec<String>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let names = NAMES.get_or_init(known_names);
    let mut u = Unstructured::new(data);
    let Ok(flags) = u.arbitrary::<u8>() else {
        return;
    };
    let (provider, mut options) = selector(flags);
    if u.ratio(1, 8).unwrap_or(false) {
        // Options themselves arbitrary: Options::from_json must take anything.
        let Ok(o) = arbitrary_value(&mut u, names, 2) else {
            return;
        };
        options = o;
    }
    let Ok(params) = arbitrary_value(&mut u, names, 10) else {
        return;
    };
    if params.to_string().contains(CANARY_SECRET) || options.to_string().contains(CANARY_SECRET) {
        return;
    }

    let out = api::validate(provider, &params, Some(&options)).expect("known provider");
    let ok = check_result(&out);

    let ctx = context(provider, &options);
    match api::build_request(provider, &params, Some(&ctx)) {
        Ok(built) => {
            let built_ok = check_result(&built);
            assert_eq!(built_ok, ok, "buildRequest and validate disagree on ok");
            assert_eq!(built.get("request").is_some(), built_ok);
            assert_no_canary(&built);
        }
        Err(e) => {
            // Only the context can be wrong here (e.g. a non-string os/locale copied from options).
            assert!(!e.code.is_empty() && !e.message.is_empty());
            assert!(!e.message.contains(CANARY_SECRET));
        }
    }
});
