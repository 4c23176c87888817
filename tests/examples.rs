//! Each seed document's own example request validates with `ok: true`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

#[test]
fn every_seed_example_is_valid() {
    for id in ["huaweicloud", "otc", "ksyun", "aliyun", "volcengine"] {
        let (ok, issues) = check(id, example(id));
        assert_clean(ok, &issues);
    }
}
