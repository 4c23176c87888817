//! Each operation's own example request (from its API document) validates
//! with `ok: true`, for every registered provider and operation.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use serde_json::json;

#[test]
fn every_seed_example_is_valid() {
    for (id, op) in operations() {
        let options = json!({ "operation": op.name });
        let (ok, issues) = check_with(id, op.example_params(), options);
        assert_clean(ok, &issues);
    }
}
