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
    Value::Object(
        headers
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
            .collect(),
    )
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

fn options_from_text(text: Option<&str>) -> Option<Value> {
    text.filter(|t| t.len() <= 64 * 1024)
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
    if context.len() > 64 * 1024 {
        return Err(ApiError::new(
            "INPUT_TOO_LARGE",
            "context is larger than 64 KiB",
        ));
    }
    let context: Value = serde_json::from_str(context)
        .map_err(|_| ApiError::new("INVALID_INPUT", "context must be a plain JSON object"))?;
    let ctx = crate::build::Context::from_json(Some(&context))?;
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
