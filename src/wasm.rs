//! The wasm-bindgen surface: JSON text in, JSON text out, nothing else.
//! The JS wrapper (pkg-template/index.js) stringifies arguments inside a
//! try/catch, so hostile JS values never reach Rust, and turns an `error`
//! answer into a thrown `Error` with a `code`.

use serde_json::{Map, Value};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::{self, ApiError};

fn answer(result: Result<Value, ApiError>) -> String {
    let mut m = Map::new();
    match result {
        Ok(v) => m.insert("value".into(), v),
        Err(e) => m.insert("error".into(), e.to_json()),
    };
    Value::Object(m).to_string()
}

fn parse(text: &str) -> Result<Value, ApiError> {
    if text.len() > api::MAX_INPUT_BYTES {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "input is larger than 4 MiB",
        ));
    }
    serde_json::from_str(text)
        .map_err(|_| ApiError::new("INVALID_INPUT", "input is not a plain JSON value"))
}

#[wasm_bindgen]
pub fn providers_json() -> String {
    answer(Ok(api::providers_json()))
}

#[wasm_bindgen]
pub fn validate_json(provider: &str, params: Option<String>, options: Option<String>) -> String {
    answer(api::validate_text(
        provider,
        params.as_deref(),
        options.as_deref(),
    ))
}

#[wasm_bindgen]
pub fn sign_request_json(input: &str) -> String {
    answer(parse(input).and_then(|v| api::sign_request(&v)))
}

#[wasm_bindgen]
pub fn generate_password_json(provider: &str, options: Option<String>) -> String {
    let options = options.and_then(|o| parse(&o).ok());
    answer(api::generate_password(provider, options.as_ref()).map(Value::from))
}

#[wasm_bindgen]
pub fn new_client_token_json() -> String {
    answer(api::new_client_token().map(Value::from))
}

#[wasm_bindgen]
pub fn build_request_json(provider: &str, params: Option<String>, context: &str) -> String {
    answer(api::build_request_text(
        provider,
        params.as_deref(),
        context,
    ))
}
