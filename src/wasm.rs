//! The wasm-bindgen surface: JSON text in, JSON text out, nothing else.
//! The JS wrapper (pkg-template/index.js) stringifies arguments inside a
//! try/catch, so hostile JS values never reach Rust, and turns an `error`
//! answer into a thrown `Error` with a `code`.

use wasm_bindgen::prelude::wasm_bindgen;
use zeroize::Zeroize as _;

use crate::api::{self, ApiError};
use crate::input::Input;

/// `{"value":"…"}` or `{"error":{"code":…,"message":…}}`, written as text.
fn answer(result: Result<String, ApiError>) -> String {
    let mut out = String::with_capacity(128);
    match result {
        Ok(value) => {
            out.push_str("{\"value\":");
            crate::util::json::push_json_str(&mut out, &value);
        }
        Err(e) => {
            out.push_str("{\"error\":");
            e.push_json(&mut out);
        }
    }
    out.push('}');
    out
}

fn parse(text: &str) -> Result<Input<'_>, ApiError> {
    if text.len() > crate::util::limits::MAX_INPUT_BYTES {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "input is larger than 4 MiB",
        ));
    }
    Input::from_text(text)
        .map_err(|_| ApiError::new("INVALID_INPUT", "input is not a plain JSON value"))
}

#[wasm_bindgen]
pub fn providers_json() -> String {
    ["{\"value\":", &api::providers_text(), "}"].concat()
}

/// `None` stands for the clean answer `{ok: true, issues: []}`, the common
/// case of a form being filled in: JS builds that object itself, with no
/// string to decode and parse.
#[wasm_bindgen]
pub fn validate_json(
    provider: &str,
    params: Option<String>,
    options: Option<String>,
) -> Option<String> {
    // Written straight to JSON text: no `Value` tree for the answer.
    match api::validate_answer_text_as(
        provider,
        params.as_deref(),
        options.as_deref(),
        api::AnswerForm::Transport,
    ) {
        Ok(text) if text == api::CLEAN_VALIDATE_ANSWER => None,
        Ok(text) => Some(text),
        Err(e) => Some(answer(Err(e))),
    }
}

/// The input carries the secret key: its text and parsed copy are zeroized
/// once signed.
#[wasm_bindgen]
pub fn sign_request_json(mut input: String) -> String {
    // Written straight to JSON text: no `Value` tree for the answer.
    let result = parse(&input).and_then(|mut parsed| {
        let signed = api::sign_answer_input(&parsed);
        // Strings that held an escape were copied: wiped, then the text.
        parsed.wipe();
        signed
    });
    input.zeroize();
    result.unwrap_or_else(|e| answer(Err(e)))
}

#[wasm_bindgen]
pub fn generate_password_json(provider: &str, options: Option<String>) -> String {
    let options = api::options_from_text(options.as_deref());
    answer(api::generate_password_for(provider, &options))
}

#[wasm_bindgen]
pub fn new_client_token_json() -> String {
    answer(api::new_client_token())
}

/// `loadLocale`: the bundle's JSON text (`locales/zh.json`).
#[wasm_bindgen]
pub fn load_locale_json(bundle: &str) -> String {
    answer(api::load_locale(bundle).map(|()| String::new()))
}

/// `context` carries the secret key: its text is zeroized once used.
#[wasm_bindgen]
pub fn build_request_json(provider: &str, params: Option<String>, mut context: String) -> String {
    // Written straight to JSON text: no `Value` tree for the answer.
    let result = api::build_answer_text_as(
        provider,
        params.as_deref(),
        &context,
        api::AnswerForm::Transport,
    );
    context.zeroize();
    result.unwrap_or_else(|e| answer(Err(e)))
}
