//! The JSON-level API: what the npm package exposes, as functions from
//! `serde_json::Value` to `serde_json::Value`. The wasm layer only moves JSON
//! text in and out of these; native callers and tests use them directly.

use serde_json::{Map, Value};

use crate::engine::build::parse_timestamp;
use crate::input::Input;
use crate::issue::{Issue, Severity};
use crate::options::Options;
use crate::providers;
use crate::schema::{Generator, Operation, Provider};
use crate::signing::{self, Scheme, Secret, SignInput, SigningResult};
use crate::util::error::shown;
pub use crate::util::error::ApiError;
use crate::util::json::push_json_str;
use crate::util::limits::{MAX_INPUT_BYTES, MAX_OPTIONS_BYTES};
use crate::util::random;
pub use crate::util::random::new_client_token;
use crate::util::random::random_error;

fn opt_str<'a>(obj: &'a Input<'_>, key: &str) -> Result<Option<&'a str>, ApiError> {
    match obj.get(key) {
        None | Some(Input::Null) => Ok(None),
        Some(Input::Str(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::new(
            "INVALID_INPUT",
            format!("{key} must be a string"),
        )),
    }
}

fn req_str<'a>(obj: &'a Input<'_>, key: &str) -> Result<&'a str, ApiError> {
    opt_str(obj, key)?.ok_or_else(|| ApiError::new("INVALID_INPUT", format!("{key} is required")))
}

/// Reads `{name: value}` headers; values may be strings or integers.
pub(crate) fn parse_headers(value: Option<&Input<'_>>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let obj = match value {
        Input::Null => return Ok(Vec::new()),
        Input::Object(o) => o,
        _ => {
            return Err(ApiError::new(
                "INVALID_INPUT",
                "headers must be an object of strings",
            ))
        }
    };
    if obj.len() > signing::MAX_HEADERS {
        // Checked before any work (see `signing::MAX_HEADERS`).
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            signing::SignError::TooManyHeaders.to_string(),
        ));
    }
    let mut given: Vec<(String, String)> = Vec::with_capacity(obj.len());
    for (k, v) in obj {
        let value = match v {
            Input::Str(s) => s.to_string(),
            other => other.integer_text().ok_or_else(|| {
                ApiError::new(
                    "INVALID_INPUT",
                    format!("header \"{}\" must be a string or an integer", shown(k)),
                )
            })?,
        };
        given.push((k.to_string(), value));
    }
    // Read as a map, as a `serde_json::Value` holds it: names in byte order,
    // a repeated name once with its last value (stable sort, the last wins).
    crate::util::sort::sort_by(&mut given, |a, b| a.0.cmp(&b.0));
    let mut headers: Vec<(String, String)> = Vec::with_capacity(given.len());
    for (name, value) in given {
        match headers.last_mut() {
            Some(last) if last.0 == name => last.1 = value,
            _ => headers.push((name, value)),
        }
    }
    Ok(headers)
}

/// `signRequest(input)`: signs an arbitrary request with one scheme.
pub fn sign_request(input: &Value) -> Result<Value, ApiError> {
    sign_answer_text(input).map(|text| value_of_answer(&text))
}

/// [`sign_request`] written straight to JSON text, as the wasm layer answers
/// it: `{"value":{…}}`, byte for byte what serializing the `Value` gives.
pub fn sign_answer_text(input: &Value) -> Result<String, ApiError> {
    sign_answer_input(&Input::from_value(input))
}

/// [`sign_answer_text`] of an input read by [`Input::from_text`].
pub fn sign_answer_input(input: &Input<'_>) -> Result<String, ApiError> {
    let obj = match input {
        Input::Object(_) => input,
        _ => {
            return Err(ApiError::new(
                "INVALID_INPUT",
                "signRequest takes an object",
            ))
        }
    };
    let scheme_id = req_str(obj, "scheme")?;
    let scheme = Scheme::from_id(scheme_id).ok_or_else(|| {
        ApiError::new(
            "UNKNOWN_SCHEME",
            format!("unknown scheme \"{}\"", shown(scheme_id)),
        )
    })?;
    let sign_input = SignInput {
        scheme,
        method: req_str(obj, "method")?.to_string(),
        url: req_str(obj, "url")?.to_string(),
        headers: parse_headers(obj.get("headers"))?,
        body: opt_str(obj, "body")?.unwrap_or("").to_string(),
        timestamp: parse_timestamp(req_str(obj, "timestamp")?)?,
        nonce: opt_str(obj, "nonce")?.map(str::to_string),
        access_key_id: req_str(obj, "accessKeyId")?.to_string(),
        secret_access_key: opt_str(obj, "secretAccessKey")?
            .filter(|s| !s.is_empty())
            .map(Secret::new),
        security_token: opt_str(obj, "securityToken")?
            .filter(|s| !s.is_empty())
            .map(Secret::new),
        region: opt_str(obj, "region")?.map(str::to_string),
        service: opt_str(obj, "service")?.map(str::to_string),
    };
    let result = signing::sign(&sign_input).map_err(|e| ApiError::new(e.code(), e.to_string()))?;
    let mut out = String::with_capacity(answer_capacity(&result));
    let mut headers = String::new();
    push_headers(&mut headers, &result.headers);
    out.push_str("{\"value\":");
    push_signing_result(&mut out, &result, Some(&headers));
    out.push('}');
    Ok(out)
}

/// The `value` of an answer this module wrote, for the native `Value` API:
/// one writer, so the text and `Value` forms cannot disagree.
fn value_of_answer(text: &str) -> Value {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut m)) => m.remove("value").unwrap_or_default(),
        _ => Value::Null, // unreachable: the writers emit valid JSON
    }
}

/// A first guess at an answer's length, so its string rarely grows.
fn answer_capacity(r: &SigningResult) -> usize {
    let headers: usize = r.headers.iter().map(|(k, v)| k.len() + v.len() + 6).sum();
    // The headers, URL and body appear twice in a full build answer (request and signing).
    512 + r.canonical_request.len() + 2 * (headers + r.url.len() + r.body.len())
}

/// How a build answer writes the signing result's `body`, `headers` and
/// `url`, which are always the request's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerForm {
    /// Written out in both places: the answer as the API returns it.
    Full,
    /// What crosses into JS, where the wrapper (pkg-template/index.js) turns
    /// it into the full answer:
    /// - the signing result's body, headers and url are written once, under
    ///   `request`; under `signing` each is the placeholder
    ///   [`SHARED_WITH_REQUEST`], replaced with the request's values (keeping
    ///   the key order). A signed answer is about a quarter shorter;
    /// - `issues` is one flat array, five values per issue, made objects in
    ///   JS: V8's `JSON.parse` takes about 2.5 times as long to build the
    ///   objects itself (bench/RESULTS.md, "Where the time goes").
    Transport,
}

/// What [`AnswerForm::Transport`] writes in place of a shared value.
pub const SHARED_WITH_REQUEST: &str = "0";

/// `{name: value}` as a serde_json map writes it: names in byte order, a
/// repeated name once with its last value.
fn push_headers(out: &mut String, headers: &[(String, String)]) {
    let mut sorted: Vec<&(String, String)> = headers.iter().collect();
    crate::util::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0)); // stable: the last stays last
    out.push('{');
    let mut first = true;
    for (i, (k, v)) in sorted.iter().enumerate() {
        if sorted.get(i + 1).is_some_and(|next| next.0 == *k) {
            continue; // a later value of the same name wins
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_json_str(out, k);
        out.push(':');
        push_json_str(out, v);
    }
    out.push('}');
}

/// A signing result as a JSON object, keys in serde_json's (sorted) order;
/// absent optional strings are left out. `headers` is `r.headers` already
/// written by [`push_headers`]; `None` writes body, headers and url as
/// [`SHARED_WITH_REQUEST`] (see [`AnswerForm::Transport`]).
fn push_signing_result(out: &mut String, r: &SigningResult, headers: Option<&str>) {
    out.push('{');
    if let Some(v) = &r.authorization {
        out.push_str("\"authorization\":");
        push_json_str(out, v);
        out.push(',');
    }
    out.push_str("\"body\":");
    match headers {
        Some(_) => push_json_str(out, &r.body),
        None => out.push_str(SHARED_WITH_REQUEST),
    }
    out.push_str(",\"canonicalRequest\":");
    push_json_str(out, &r.canonical_request);
    if let Some(v) = &r.credential_scope {
        out.push_str(",\"credentialScope\":");
        push_json_str(out, v);
    }
    out.push_str(",\"headers\":");
    out.push_str(headers.unwrap_or(SHARED_WITH_REQUEST));
    out.push_str(",\"scheme\":");
    push_json_str(out, r.scheme.id());
    if let Some(v) = &r.signature {
        out.push_str(",\"signature\":");
        push_json_str(out, v);
    }
    if let Some(v) = &r.signed_headers {
        out.push_str(",\"signedHeaders\":");
        push_json_str(out, v);
    }
    out.push_str(",\"stringToSign\":");
    push_json_str(out, &r.string_to_sign);
    out.push_str(",\"url\":");
    match headers {
        Some(_) => push_json_str(out, &r.url),
        None => out.push_str(SHARED_WITH_REQUEST),
    }
    out.push('}');
}

/// The request to send as a JSON object, keys in serde_json's order;
/// `headers` is `r.headers` written by [`push_headers`].
fn push_request(out: &mut String, r: &crate::engine::build::HttpRequest<'_>, headers: &str) {
    out.push_str("{\"body\":");
    push_json_str(out, r.body);
    out.push_str(",\"headers\":");
    out.push_str(headers);
    out.push_str(",\"method\":");
    push_json_str(out, r.method);
    out.push_str(",\"url\":");
    push_json_str(out, r.url);
    out.push('}');
}

/// Finds a provider or fails with `UNKNOWN_PROVIDER`.
pub use crate::providers::get as provider;

/// `providers()`: every provider with its fields, for forms and docs.
pub fn providers_json() -> Value {
    // Parsing sorts the keys, as a `Value` holds them.
    serde_json::from_str(&providers_text()).unwrap_or(Value::Null)
}

/// [`providers_json`] as JSON text, members in the order they are written
/// (the wasm layer hands it to JS as it is: no tree in the WebAssembly).
pub fn providers_text() -> String {
    let mut out = String::with_capacity(48 * 1024);
    for (i, p) in providers::ALL.iter().enumerate() {
        out.push(if i > 0 { ',' } else { '[' });
        p.write_json(&mut out);
    }
    out.push(']');
    out
}

pub(crate) fn issues_json(issues: &[Issue]) -> Value {
    Value::Array(issues.iter().map(Issue::to_json).collect())
}

pub(crate) fn is_ok(issues: &[Issue]) -> bool {
    !issues.iter().any(|i| i.severity == Severity::Error)
}

/// Parses JSON text coming from JS. `None` means the JS side could not turn
/// the value into JSON at all (cycles, BigInt, a throwing getter…).
fn params_from_text<'a>(
    op: &Operation,
    text: Option<&'a str>,
    locale: crate::issue::Locale,
) -> Result<Input<'a>, Vec<Issue>> {
    use crate::issue::{Msg, Report};
    let mut report = Report::new(locale);
    match text {
        // This library's limit, not the server's: no provider code.
        Some(t) if t.len() > MAX_INPUT_BYTES => report.error(
            "",
            "params.too_large",
            None,
            Msg::TooLarge {
                limit: MAX_INPUT_BYTES,
            },
        ),
        Some(t) => match Input::from_text(t) {
            Ok(v) => return Ok(v),
            // serde_json's recursion limit (128) lands here too: deep nesting is an issue, not a crash.
            Err(_) => report.error("", "params.unreadable", op.malformed_code, Msg::NotJson),
        },
        None => report.error("", "params.unreadable", op.malformed_code, Msg::Unreadable),
    }
    Err(report.issues)
}

/// The operation the options name (the default for none), resolved first by
/// every entry point that answers issues; then their language must be
/// writable. Chinese messages need the bundle where they are not built in
/// (the browser package): asking for them before `loadLocale('zh')` is the
/// caller's mistake, not English in disguise.
fn operation_for(provider: &Provider, options: &Options) -> Result<&'static Operation, ApiError> {
    let op = provider.operation(options.operation.as_deref())?;
    if options.locale == crate::issue::Locale::Zh && !crate::issue::has_chinese() {
        return Err(ApiError::new(
            "LOCALE_NOT_LOADED",
            "Chinese messages are not loaded: call loadLocale('zh') first",
        ));
    }
    Ok(op)
}

/// `loadLocale`: installs a message bundle, `{"locale":"zh","texts":{english: chinese}}`
/// (`locales/zh.json`). Builds with the `zh` feature have the texts built in
/// and only check the bundle's form.
pub fn load_locale(text: &str) -> Result<(), ApiError> {
    let bad = || {
        ApiError::new(
            "INVALID_INPUT",
            "not a locale bundle (locales/<locale>.json)",
        )
    };
    if text.len() > MAX_INPUT_BYTES {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "input is larger than 4 MiB",
        ));
    }
    let bundle = Input::from_text(text).map_err(|_| bad())?;
    match bundle.get("locale") {
        Some(Input::Str(l)) if l == "zh" => {}
        _ => return Err(bad()),
    }
    let Some(Input::Object(texts)) = bundle.get("texts") else {
        return Err(bad());
    };
    let mut pairs = Vec::with_capacity(texts.len());
    for (en, zh) in texts {
        let Input::Str(zh) = zh else {
            return Err(bad());
        };
        pairs.push((en.to_string(), zh.to_string()));
    }
    #[cfg(not(feature = "zh"))]
    crate::issue::load_chinese(pairs);
    #[cfg(feature = "zh")]
    drop(pairs);
    Ok(())
}

/// Options from JSON text: the defaults when over [`MAX_OPTIONS_BYTES`] or not JSON.
pub fn options_from_text(text: Option<&str>) -> Options {
    let input = text
        .filter(|t| t.len() <= MAX_OPTIONS_BYTES)
        .and_then(|t| Input::from_text(t).ok());
    Options::from_input(input.as_ref())
}

fn result_json(issues: &[Issue]) -> Value {
    let mut m = Map::new();
    m.insert("ok".into(), Value::from(is_ok(issues)));
    m.insert("issues".into(), issues_json(issues));
    Value::Object(m)
}

/// [`validate`] from JSON text, as the wasm layer calls it.
pub fn validate_text(
    provider_id: &str,
    params: Option<&str>,
    options: Option<&str>,
) -> Result<Value, ApiError> {
    let provider = provider(provider_id)?;
    let opts = options_from_text(options);
    let op = operation_for(provider, &opts)?;
    match params_from_text(op, params, opts.locale) {
        Ok(input) => Ok(result_json(&crate::engine::validate::validate_input(
            provider, op, &input, &opts,
        ))),
        Err(issues) => Ok(result_json(&issues)),
    }
}

/// What [`validate_answer_text`] writes when there is nothing to report.
pub const CLEAN_VALIDATE_ANSWER: &str = r#"{"value":{"issues":[],"ok":true}}"#;

/// [`validate_text`] written straight to JSON text:
/// `{"value":{"issues":[…],"ok":…}}`, byte for byte what serializing the
/// `Value` gives, without building one.
pub fn validate_answer_text(
    provider_id: &str,
    params: Option<&str>,
    options: Option<&str>,
) -> Result<String, ApiError> {
    validate_answer_text_as(provider_id, params, options, AnswerForm::Full)
}

/// [`validate_answer_text`] in the given [`AnswerForm`] (the wasm layer asks
/// for [`AnswerForm::Transport`]: the hot path of `validate`).
pub fn validate_answer_text_as(
    provider_id: &str,
    params: Option<&str>,
    options: Option<&str>,
    form: AnswerForm,
) -> Result<String, ApiError> {
    let provider = provider(provider_id)?;
    let opts = options_from_text(options);
    let op = operation_for(provider, &opts)?;
    let issues = match params_from_text(op, params, opts.locale) {
        Ok(input) => crate::engine::validate::validate_input(provider, op, &input, &opts),
        Err(issues) => issues,
    };
    let mut out = String::with_capacity(40 + issues.len() * 160);
    out.push_str("{\"value\":{");
    push_issues_ok(&mut out, &issues, form);
    out.push_str("}}");
    Ok(out)
}

/// `"issues":[…],"ok":…` (the members every validate and build answer has),
/// as serde_json writes them.
/// In [`AnswerForm::Transport`], each issue is its five values in a row of
/// one flat array (`[code, field, message, rule, severity, code, …]`).
fn push_issues_ok(out: &mut String, issues: &[Issue], form: AnswerForm) {
    // Keys in the order serde_json's sorted map writes them.
    const KEYS: [&str; 5] = [
        "{\"code\":",
        ",\"field\":",
        ",\"message\":",
        ",\"rule\":",
        ",\"severity\":",
    ];
    const FLAT: [&str; 5] = ["", ",", ",", ",", ","];
    let (separators, end) = match form {
        AnswerForm::Full => (KEYS, "}"),
        AnswerForm::Transport => (FLAT, ""),
    };
    out.push_str("\"issues\":[");
    for (n, issue) in issues.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(separators[0]);
        match issue.code {
            Some(code) => push_json_str(out, code),
            None => out.push_str("null"),
        }
        out.push_str(separators[1]);
        push_json_str(out, &issue.field);
        out.push_str(separators[2]);
        push_json_str(out, &issue.message);
        out.push_str(separators[3]);
        push_json_str(out, issue.rule);
        out.push_str(separators[4]);
        push_json_str(out, issue.severity.as_str());
        out.push_str(end);
    }
    out.push_str("],\"ok\":");
    out.push_str(if is_ok(issues) { "true" } else { "false" });
}

/// `validate(provider, params, options)` → `{ok, issues}`. Only an unknown
/// provider is an error; anything wrong with `params` is an issue.
pub fn validate(
    provider_id: &str,
    params: &Value,
    options: Option<&Value>,
) -> Result<Value, ApiError> {
    let provider = provider(provider_id)?;
    let options = Options::from_json(options);
    let op = operation_for(provider, &options)?;
    Ok(result_json(&crate::engine::validate::validate(
        provider, op, params, &options,
    )))
}

/// `generatePassword(provider, {os?, username?})`: random, and accepted by
/// that provider's own password rules for that OS.
pub fn generate_password(provider_id: &str, options: Option<&Value>) -> Result<String, ApiError> {
    generate_password_for(provider_id, &Options::from_json(options))
}

/// [`generate_password`] with options already read.
pub fn generate_password_for(provider_id: &str, options: &Options) -> Result<String, ApiError> {
    let provider = provider(provider_id)?;
    if options.os_invalid {
        // Not a password for some other OS's rules.
        return Err(ApiError::new(
            "INVALID_INPUT",
            "options.os must be \"linux\" or \"windows\"",
        ));
    }
    let policy = provider
        .operation(options.operation.as_deref())?
        .fields
        .iter()
        .find(|f| f.generator == Some(Generator::Password))
        .and_then(|f| f.password_policy())
        .ok_or_else(|| {
            let mut message = provider_id.to_string();
            message.push_str(" takes no password in this API");
            ApiError::new("NO_PASSWORD", message)
        })?;
    let mut rng = random::SystemRandom::new().map_err(random_error)?;
    Ok(policy.generate(options.os, options.username(), &mut || rng.next_u32()))
}

/// `buildRequest(provider, params, context)` → `{ok, issues, request?, signing?, curl?}`.
pub fn build_request(
    provider_id: &str,
    params: &Value,
    context: Option<&Value>,
) -> Result<Value, ApiError> {
    let provider = provider(provider_id)?;
    let ctx = crate::engine::build::Context::from_json(context)?;
    let op = operation_for(provider, &ctx.options)?;
    let mut out = String::from("{\"value\":");
    let params = Input::from_value(params);
    build_with(provider, op, Ok(&params), &ctx, AnswerForm::Full, &mut out)?;
    out.push('}');
    Ok(value_of_answer(&out))
}

/// [`build_request`] from JSON text, as a `Value` (see [`build_answer_text`]).
pub fn build_request_text(
    provider_id: &str,
    params: Option<&str>,
    context: &str,
) -> Result<Value, ApiError> {
    build_answer_text(provider_id, params, context).map(|text| value_of_answer(&text))
}

/// [`build_request`] from JSON text, written straight to JSON text as the
/// wasm layer answers it: `{"value":{…}}`, byte for byte what serializing the
/// `Value` gives, without building one (the hot path of `buildRequest`).
pub fn build_answer_text(
    provider_id: &str,
    params: Option<&str>,
    context: &str,
) -> Result<String, ApiError> {
    build_answer_text_as(provider_id, params, context, AnswerForm::Full)
}

/// [`build_answer_text`] in the given [`AnswerForm`] (the wasm layer asks
/// for [`AnswerForm::Transport`]).
pub fn build_answer_text_as(
    provider_id: &str,
    params: Option<&str>,
    context: &str,
    form: AnswerForm,
) -> Result<String, ApiError> {
    let provider = provider(provider_id)?;
    if context.len() > MAX_OPTIONS_BYTES {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "context is larger than 64 KiB",
        ));
    }
    let mut context = Input::from_text(context)
        .map_err(|_| ApiError::new("INVALID_INPUT", "context must be a plain JSON object"))?;
    let ctx = crate::engine::build::Context::from_input(Some(&context));
    // The secret is in the `Secret` now; the caller wipes the text itself.
    context.wipe();
    let ctx = ctx?;
    let op = operation_for(provider, &ctx.options)?;
    let mut out = String::from("{\"value\":");
    match params_from_text(op, params, ctx.options.locale) {
        Ok(value) => build_with(provider, op, Ok(&value), &ctx, form, &mut out)?,
        Err(issues) => build_with(provider, op, Err(issues), &ctx, form, &mut out)?,
    }
    out.push('}');
    Ok(out)
}

/// Appends the answer object `{"curl":…,"issues":…,"ok":…,"request":…,"signing":…}`
/// (keys in serde_json's sorted order; `curl`, `request`, `signing` only when built).
fn build_with(
    provider: &Provider,
    op: &Operation,
    params: Result<&Input<'_>, Vec<Issue>>,
    ctx: &crate::engine::build::Context,
    form: AnswerForm,
    out: &mut String,
) -> Result<(), ApiError> {
    let params = match params {
        Ok(p) => p,
        Err(issues) => {
            out.push('{');
            push_issues_ok(out, &issues, form);
            out.push('}');
            return Ok(());
        }
    };
    let mut report = crate::issue::Report::new(ctx.options.locale);
    let built = crate::engine::build::build(provider, op, params, ctx, &mut report)?;
    let Some(built) = built else {
        out.push('{');
        push_issues_ok(out, &report.issues, form);
        out.push('}');
        return Ok(());
    };
    let request = built.request();
    let curl = crate::engine::build::curl(&request);
    out.reserve(match built.signing() {
        Some(signing) => answer_capacity(signing) + curl.len() + report.issues.len() * 160,
        None => 1024 + curl.len() * 2,
    });
    out.push_str("{\"curl\":");
    push_json_str(out, &curl);
    out.push(',');
    push_issues_ok(out, &report.issues, form);
    // When signed, the request's headers are the signing result's: written once.
    let mut headers = String::new();
    push_headers(&mut headers, request.headers);
    out.push_str(",\"request\":");
    push_request(out, &request, &headers);
    if let Some(signing) = built.signing() {
        out.push_str(",\"signing\":");
        let shared = match form {
            AnswerForm::Full => Some(headers.as_str()),
            AnswerForm::Transport => None,
        };
        push_signing_result(out, signing, shared);
    }
    out.push('}');
    Ok(())
}

#[cfg(test)]
mod answer_text_tests {
    use super::*;

    #[test]
    fn the_direct_answer_is_the_serialized_value() {
        let inputs = [
            r#"{"InstanceId":"i-1","ImageId":"m-1","DiskId":"d","Password":"ab\"c\\\n\u0001\t\u001f\u007f中文","SystemDisk.Size":4096}"#,
            r#"{"os-change":{"adminpass":"abc","keyname":"k","imageid":"x"},"project_id":"a/b","Weird\u0002\"name":1}"#,
            r#"{"InstanceId":"98284100-F6D1-4BBF-886A-1B0765024738","KeyId":[1,2,2],"KeepImageLogin":"maybe"}"#,
            r#"[1,2]"#,
            r#"not json"#,
            r#"{}"#,
        ];
        for p in all_ids() {
            for input in inputs {
                for options in [
                    None,
                    Some(r#"{"locale":"zh","os":"windows","username":"a\"b"}"#),
                ] {
                    let expected = serde_json::json!({ "value": validate_text(p, Some(input), options).unwrap() });
                    let got = validate_answer_text(p, Some(input), options).unwrap();
                    assert_eq!(got, expected.to_string(), "{p} {input}");
                    let transport =
                        validate_answer_text_as(p, Some(input), options, AnswerForm::Transport)
                            .unwrap();
                    assert_eq!(from_transport(&transport), got, "{p} {input}");
                }
            }
            let got = validate_answer_text(p, None, None).unwrap();
            assert_eq!(
                got,
                serde_json::json!({ "value": validate_text(p, None, None).unwrap() }).to_string()
            );
        }
        assert!(validate_answer_text("nope", None, None).is_err());
    }

    #[test]
    fn a_clean_request_gets_the_clean_answer_the_js_side_builds_itself() {
        for p in all_ids() {
            let example = providers::find(p)
                .unwrap()
                .default_operation()
                .example_params()
                .to_string();
            let got = validate_answer_text(p, Some(&example), None).unwrap();
            assert_eq!(got, CLEAN_VALIDATE_ANSWER, "{p}");
            let got = validate_answer_text_as(p, Some(&example), None, AnswerForm::Transport);
            assert_eq!(got.unwrap(), CLEAN_VALIDATE_ANSWER, "{p}");
        }
        let got = validate_answer_text("aliyun", Some("{}"), None).unwrap();
        assert_ne!(got, CLEAN_VALIDATE_ANSWER);
    }

    #[test]
    fn a_header_repeated_in_text_keeps_its_last_value_as_a_map_would() {
        let input = |headers: &str| {
            [
                r#"{"scheme":"aws-sigv4","method":"GET","url":"https://h.example.com/","#,
                r#""timestamp":"2024-05-06T07:08:09Z","accessKeyId":"AK","secretAccessKey":"SK","#,
                r#""region":"r","service":"s","headers":"#,
                headers,
                "}",
            ]
            .concat()
        };
        let sign = |text: &str| sign_answer_input(&Input::from_text(text).unwrap()).unwrap();
        assert_eq!(
            sign(&input(r#"{"X-B":"1","X-A":2,"X-B":"3"}"#)),
            sign(&input(r#"{"X-A":"2","X-B":"3"}"#))
        );
    }

    #[test]
    fn errors_are_written_as_serde_json_writes_them() {
        for e in [
            ApiError::new("UNKNOWN_PROVIDER", "unknown provider \"x\"\n\u{1}é"),
            ApiError::new("INVALID_INPUT", ""),
        ] {
            let mut out = String::new();
            e.push_json(&mut out);
            assert_eq!(out, e.to_json().to_string());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every ASCII byte and some wider characters, at every offset of the
        // 8-byte steps the writer takes.
        let mut specials: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        specials.extend(["é", "中", "😀", "\u{2028}", "\u{7f}", "\u{80}"].map(String::from));
        for special in &specials {
            for offset in 0..17 {
                for len in [offset, offset + 3, 24] {
                    let mut s = "abcdefghijklmnopqrstuvwxyz"
                        .chars()
                        .take(offset)
                        .collect::<String>();
                    s.push_str(special);
                    s.extend("0123456789ABCDEFGHIJ".chars().take(len - offset));
                    let mut out = String::new();
                    push_json_str(&mut out, &s);
                    assert_eq!(out, serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    /// The build and sign answers are written directly; parsing and
    /// re-serializing them must give the same bytes (sorted keys, no repeated
    /// key, serde_json's escapes), and the `Value` API must agree with them.
    #[test]
    fn build_and_sign_answers_are_what_serde_json_writes() {
        use serde_json::json;
        let roundtrip = |text: &str| serde_json::from_str::<Value>(text).unwrap().to_string();
        let base = json!({"region": "cn-north-4", "accessKeyId": "AK", "secretAccessKey": "SK",
            "timestamp": "2024-05-06T07:08:09Z", "nonce": "n\"1", "clientToken": "t\\1"});
        let mut contexts = vec![base.clone()];
        let mut with_token = base.clone();
        with_token["securityToken"] = json!("tok\u{1}en");
        with_token["userAgent"] = json!("ua 'q' \"x\" é\u{7f}");
        contexts.push(with_token);
        let mut unsigned = base.clone();
        unsigned.as_object_mut().unwrap().remove("accessKeyId");
        contexts.push(unsigned);
        let mut bad_region = base.clone();
        bad_region["region"] = json!("NOT A REGION");
        contexts.push(bad_region);
        for p in all_ids() {
            let provider = providers::find(p).unwrap();
            let params = [
                provider.default_operation().example_params(),
                json!({"InstanceId": "i-1", "ImageId": "m'1\"\\", "Password": "Ab1!\u{1}中'\"", "UserData": "a b"}),
                json!({"os-change": {"adminpass": "Ab1!'\"x\\", "imageid": "x"}, "project_id": "a", "server_id": "b"}),
            ];
            for ctx in &contexts {
                for scheme in provider
                    .default_operation()
                    .schemes
                    .iter()
                    .map(|s| Some(s.id()))
                    .chain([None])
                {
                    let mut ctx = ctx.clone();
                    if let Some(id) = scheme {
                        ctx["scheme"] = json!(id);
                    }
                    for params in &params {
                        let text =
                            build_answer_text(p, Some(&params.to_string()), &ctx.to_string())
                                .unwrap();
                        assert_eq!(text, roundtrip(&text), "{p} {ctx}");
                        let value = build_request(p, params, Some(&ctx)).unwrap();
                        assert_eq!(text, json!({ "value": value }).to_string(), "{p} {ctx}");
                        let transport = build_answer_text_as(
                            p,
                            Some(&params.to_string()),
                            &ctx.to_string(),
                            AnswerForm::Transport,
                        )
                        .unwrap();
                        assert_eq!(from_transport(&transport), text, "{p} {ctx}");
                    }
                }
            }
        }
        for &scheme in crate::signing::Scheme::ALL {
            for (headers, body) in [
                (json!({}), ""),
                (
                    json!({"Content-Type": "application/x-www-form-urlencoded", "X-A": " v'\"\\ ", "x-a": "2"}),
                    "a=1&b=%20",
                ),
            ] {
                let input = json!({"scheme": scheme.id(), "method": "POST",
                    "url": "https://h.example.com/p%20q?b=2&a=1&a=0&c", "headers": headers, "body": body,
                    "timestamp": "2024-05-06T07:08:09Z", "nonce": "n", "accessKeyId": "AK",
                    "secretAccessKey": "SK", "securityToken": "T", "region": "r", "service": "s"});
                let text = sign_answer_text(&input).unwrap();
                assert_eq!(text, roundtrip(&text), "{}", scheme.id());
                assert_eq!(
                    text,
                    json!({ "value": sign_request(&input).unwrap() }).to_string()
                );
            }
        }
    }

    /// What the JS wrapper does to an [`AnswerForm::Transport`] answer.
    fn from_transport(text: &str) -> String {
        use serde_json::json;
        let mut answer: Value = serde_json::from_str(text).unwrap();
        let value = &mut answer["value"];
        let flat = value["issues"].as_array().unwrap().clone();
        assert_eq!(flat.len() % 5, 0, "five values per issue");
        value["issues"] = flat
            .chunks(5)
            .map(|v| json!({"code": v[0], "field": v[1], "message": v[2], "rule": v[3], "severity": v[4]}))
            .collect();
        if let Some(request) = value.get("request").cloned() {
            if let Some(signing) = value.get_mut("signing") {
                for key in ["body", "headers", "url"] {
                    assert_eq!(signing[key], json!(0), "placeholder for {key}");
                    signing[key] = request[key].clone();
                }
            }
        }
        answer.to_string()
    }

    fn all_ids() -> impl Iterator<Item = &'static str> {
        providers::ALL.iter().map(|p| p.id)
    }
}
