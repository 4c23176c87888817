//! The JSON-level API: what the npm package exposes, as functions from
//! `serde_json::Value` to `serde_json::Value`. The wasm layer only moves JSON
//! text in and out of these; native callers and tests use them directly.

use serde_json::{Map, Value};

use crate::issue::{Issue, Severity};
use crate::options::Options;
use crate::providers::{self, spec::Generator, Provider};
use crate::random;
use crate::signing::{self, Scheme, Secret, SignInput, SigningResult, Timestamp};

/// A caller's programming error (unknown provider or scheme, malformed signing
/// input). The JS layer throws it as an `Error` with this `code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("code".into(), Value::from(self.code));
        m.insert("message".into(), Value::from(self.message.clone()));
        Value::Object(m)
    }
}

impl core::fmt::Display for ApiError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// A caller-given name as it may appear in an error message: at most 64
/// printable ASCII characters (no Unicode escaping tables needed, no 10 MB messages).
pub(crate) fn shown(s: &str) -> String {
    s.chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

fn opt_str<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, ApiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(ApiError::new(
            "INVALID_INPUT",
            format!("{key} must be a string"),
        )),
    }
}

fn req_str<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a str, ApiError> {
    opt_str(obj, key)?.ok_or_else(|| ApiError::new("INVALID_INPUT", format!("{key} is required")))
}

/// Reads an RFC 3339 UTC timestamp string.
pub(crate) fn parse_timestamp(s: &str) -> Result<Timestamp, ApiError> {
    Timestamp::parse_rfc3339(s).ok_or_else(|| {
        ApiError::new(
            "INVALID_TIMESTAMP",
            "timestamp must be RFC 3339 in UTC, e.g. 2024-05-06T07:08:09Z",
        )
    })
}

/// Reads `{name: value}` headers; values may be strings or numbers.
pub(crate) fn parse_headers(value: Option<&Value>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let obj = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Object(o) => o,
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
    obj.iter()
        .map(|(k, v)| match v {
            Value::String(s) => Ok((k.clone(), s.clone())),
            Value::Number(n) => Ok((k.clone(), n.to_string())),
            _ => Err(ApiError::new(
                "INVALID_INPUT",
                format!("header \"{}\" must be a string", shown(k)),
            )),
        })
        .collect()
}

/// `signRequest(input)`: signs an arbitrary request with one scheme.
pub fn sign_request(input: &Value) -> Result<Value, ApiError> {
    let obj = input
        .as_object()
        .ok_or_else(|| ApiError::new("INVALID_INPUT", "signRequest takes an object"))?;
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
    Ok(signing_result_json(&result))
}

pub(crate) fn headers_json(headers: &[(String, String)]) -> Value {
    // Inserted one by one (a repeated name keeps its last value, as collect()
    // did): collecting into a Map would sort with one more copy of the sort code.
    let mut m = Map::new();
    for (k, v) in headers {
        m.insert(k.clone(), Value::from(v.as_str()));
    }
    Value::Object(m)
}

pub(crate) fn signing_result_json(r: &SigningResult) -> Value {
    let mut m = Map::new();
    m.insert("scheme".into(), Value::from(r.scheme.id()));
    m.insert(
        "canonicalRequest".into(),
        Value::from(r.canonical_request.as_str()),
    );
    m.insert(
        "stringToSign".into(),
        Value::from(r.string_to_sign.as_str()),
    );
    let optional = [
        ("signedHeaders", &r.signed_headers),
        ("credentialScope", &r.credential_scope),
        ("signature", &r.signature),
        ("authorization", &r.authorization),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            m.insert(key.into(), Value::from(v.as_str()));
        }
    }
    m.insert("headers".into(), headers_json(&r.headers));
    m.insert("url".into(), Value::from(r.url.as_str()));
    m.insert("body".into(), Value::from(r.body.as_str()));
    Value::Object(m)
}

/// Finds a provider or fails with `UNKNOWN_PROVIDER`.
pub fn provider(id: &str) -> Result<&'static Provider, ApiError> {
    providers::find(id).ok_or_else(|| {
        let ids: Vec<&str> = providers::ALL.iter().map(|p| p.id).collect();
        ApiError::new(
            "UNKNOWN_PROVIDER",
            format!(
                "unknown provider \"{}\"; known: {}",
                shown(id),
                ids.join(", ")
            ),
        )
    })
}

/// `providers()`: every provider with its fields, for forms and docs.
pub fn providers_json() -> Value {
    Value::Array(providers::ALL.iter().map(|p| p.to_json()).collect())
}

pub(crate) fn issues_json(issues: &[Issue]) -> Value {
    Value::Array(issues.iter().map(Issue::to_json).collect())
}

pub(crate) fn is_ok(issues: &[Issue]) -> bool {
    !issues.iter().any(|i| i.severity == Severity::Error)
}

/// Inputs larger than this are answered with one issue, before any parsing.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// `options` (of validate, generatePassword) and buildRequest's `context` as
/// JSON text: larger options are ignored, a larger context is an error, both
/// before any parsing.
pub const MAX_OPTIONS_BYTES: usize = 64 * 1024;

/// Overwrites the credential strings of a parsed input (`secretAccessKey`,
/// `securityToken`) once they were copied into [`Secret`]s.
pub fn wipe_credentials(value: &mut Value) {
    use zeroize::Zeroize as _;
    if let Value::Object(m) = value {
        for key in ["secretAccessKey", "securityToken"] {
            if let Some(Value::String(s)) = m.get_mut(key) {
                s.zeroize();
            }
        }
    }
}

/// Parses JSON text coming from JS. `None` means the JS side could not turn
/// the value into JSON at all (cycles, BigInt, a throwing getter…).
fn params_from_text(text: Option<&str>, locale: crate::issue::Locale) -> Result<Value, Vec<Issue>> {
    use crate::issue::{Msg, Report};
    let mut report = Report::new(locale);
    match text {
        Some(t) if t.len() > MAX_INPUT_BYTES => report.error(
            "",
            "params.too_large",
            None,
            Msg::TooLarge {
                limit: MAX_INPUT_BYTES,
            },
        ),
        Some(t) => match serde_json::from_str(t) {
            Ok(v) => return Ok(v),
            // serde_json's recursion limit (128) lands here too: deep nesting is an issue, not a crash.
            Err(_) => report.error("", "params.unreadable", None, Msg::Unreadable),
        },
        None => report.error("", "params.unreadable", None, Msg::Unreadable),
    }
    Err(report.issues)
}

/// Options from JSON text: absent when over [`MAX_OPTIONS_BYTES`] or not JSON.
pub fn options_from_text(text: Option<&str>) -> Option<Value> {
    text.filter(|t| t.len() <= MAX_OPTIONS_BYTES)
        .and_then(|t| serde_json::from_str(t).ok())
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
    let options_value = options_from_text(options);
    let opts = Options::from_json(options_value.as_ref());
    match params_from_text(params, opts.locale) {
        Ok(value) => Ok(result_json(&crate::validate::validate(
            provider, &value, &opts,
        ))),
        Err(issues) => Ok(result_json(&issues)),
    }
}

/// [`validate_text`] written straight to JSON text, as the wasm layer answers
/// it: `{"value":{"issues":[…],"ok":…}}`, byte for byte what serializing the
/// `Value` gives, without building one (the hot path of `validate`).
pub fn validate_answer_text(
    provider_id: &str,
    params: Option<&str>,
    options: Option<&str>,
) -> Result<String, ApiError> {
    let provider = provider(provider_id)?;
    let options_value = options_from_text(options);
    let opts = Options::from_json(options_value.as_ref());
    let issues = match params_from_text(params, opts.locale) {
        Ok(value) => crate::validate::validate(provider, &value, &opts),
        Err(issues) => issues,
    };
    let mut out = String::with_capacity(40 + issues.len() * 160);
    out.push_str("{\"value\":{\"issues\":[");
    for (n, issue) in issues.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        // Keys in the order serde_json's sorted map writes them.
        out.push_str("{\"code\":");
        match issue.code {
            Some(code) => push_json_str(&mut out, code),
            None => out.push_str("null"),
        }
        out.push_str(",\"field\":");
        push_json_str(&mut out, &issue.field);
        out.push_str(",\"message\":");
        push_json_str(&mut out, &issue.message);
        out.push_str(",\"rule\":");
        push_json_str(&mut out, issue.rule);
        out.push_str(",\"severity\":");
        push_json_str(&mut out, issue.severity.as_str());
        out.push('}');
    }
    out.push_str("],\"ok\":");
    out.push_str(if is_ok(&issues) { "true" } else { "false" });
    out.push_str("}}");
    Ok(out)
}

/// `value` as compact JSON text, byte for byte as serde_json writes it
/// (sorted keys, the same escapes), without serde's serializer: smaller
/// WebAssembly and faster (the answers of every call go through here).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn push_json_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => push_json_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_str(out, k);
                out.push(':');
                push_json_value(out, v);
            }
            out.push('}');
        }
    }
}

/// A JSON string literal, escaped as serde_json escapes it.
pub(crate) fn push_json_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        start = i + 1;
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(short);
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
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
    Ok(result_json(&crate::validate::validate(
        provider, params, &options,
    )))
}

/// `generatePassword(provider, {os?, username?})`: random, and accepted by
/// that provider's own password rules for that OS.
pub fn generate_password(provider_id: &str, options: Option<&Value>) -> Result<String, ApiError> {
    let provider = provider(provider_id)?;
    let policy = provider
        .fields
        .iter()
        .find(|f| f.generator == Some(Generator::Password))
        .and_then(|f| f.password_policy())
        .ok_or_else(|| {
            ApiError::new(
                "NO_PASSWORD",
                format!("{provider_id} takes no password in this API"),
            )
        })?;
    let options = Options::from_json(options);
    let mut rng = random::SystemRandom::new().map_err(random_error)?;
    Ok(policy.generate(options.os, options.username(), &mut || rng.next_u32()))
}

/// `newClientToken()`: a random UUID v4.
pub fn new_client_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 16];
    random::fill(&mut bytes).map_err(random_error)?;
    Ok(random::uuid_v4(bytes))
}

fn random_error(_: getrandom::Error) -> ApiError {
    ApiError::new("RANDOM_UNAVAILABLE", "no secure random source is available")
}

/// `buildRequest(provider, params, context)` → `{ok, issues, request?, signing?, curl?}`.
pub fn build_request(
    provider_id: &str,
    params: &Value,
    context: Option<&Value>,
) -> Result<Value, ApiError> {
    let provider = provider(provider_id)?;
    let ctx = crate::build::Context::from_json(context)?;
    build_with(provider, Ok(params), &ctx)
}

/// [`build_request`] from JSON text, as the wasm layer calls it.
pub fn build_request_text(
    provider_id: &str,
    params: Option<&str>,
    context: &str,
) -> Result<Value, ApiError> {
    let provider = provider(provider_id)?;
    if context.len() > MAX_OPTIONS_BYTES {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "context is larger than 64 KiB",
        ));
    }
    let mut context: Value = serde_json::from_str(context)
        .map_err(|_| ApiError::new("INVALID_INPUT", "context must be a plain JSON object"))?;
    let ctx = crate::build::Context::from_json(Some(&context));
    wipe_credentials(&mut context);
    let ctx = ctx?;
    match params_from_text(params, ctx.options.locale) {
        Ok(value) => build_with(provider, Ok(&value), &ctx),
        Err(issues) => build_with(provider, Err(issues), &ctx),
    }
}

fn build_with(
    provider: &Provider,
    params: Result<&Value, Vec<Issue>>,
    ctx: &crate::build::Context,
) -> Result<Value, ApiError> {
    let params = match params {
        Ok(p) => p,
        Err(issues) => return Ok(result_json(&issues)),
    };
    let mut report = crate::issue::Report::new(ctx.options.locale);
    let built = crate::build::build(provider, params, ctx, &mut report)?;
    let mut out = result_json(&report.issues);
    if let (Some(built), Value::Object(m)) = (built, &mut out) {
        m.insert("request".into(), crate::build::request_json(&built.request));
        if let Some(signing) = &built.signing {
            m.insert("signing".into(), signing_result_json(signing));
        }
        m.insert(
            "curl".into(),
            Value::from(crate::build::curl(&built.request)),
        );
    }
    Ok(out)
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
        for p in ALL_IDS {
            for input in inputs {
                for options in [
                    None,
                    Some(r#"{"locale":"zh","os":"windows","username":"a\"b"}"#),
                ] {
                    let expected = serde_json::json!({ "value": validate_text(p, Some(input), options).unwrap() });
                    let got = validate_answer_text(p, Some(input), options).unwrap();
                    assert_eq!(got, expected.to_string(), "{p} {input}");
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
    fn values_are_written_as_serde_json_writes_them() {
        let mut all = vec![providers_json()];
        let v: Value = serde_json::from_str(
            r#"{"a":[1,-2,3.5,1e300,-0.0,18446744073709551615,null,true,false,"x\u0000\"\\/é😀"],"b":{},"c":[]}"#,
        )
        .unwrap();
        all.push(v);
        for p in ALL_IDS {
            let ctx = serde_json::json!({"region": "cn-north-4", "accessKeyId": "AK", "secretAccessKey": "SK",
                "timestamp": "2024-05-06T07:08:09Z", "nonce": "n", "clientToken": "t"});
            let example = providers::find(p).unwrap().example_params();
            all.push(build_request(p, &example, Some(&ctx)).unwrap());
        }
        for v in all {
            let mut out = String::new();
            push_json_value(&mut out, &v);
            assert_eq!(out, v.to_string());
        }
    }

    const ALL_IDS: [&str; 5] = ["huaweicloud", "otc", "ksyun", "aliyun", "volcengine"];
}
