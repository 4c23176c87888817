//! From validated parameters to the request to send: the provider's builder
//! makes a draft (method, path, query, headers, body), the endpoint comes from
//! the region or the caller, and the scheme signs it. Also renders `curl`.

use serde_json::Value;

use crate::engine::validate::check_into;
use crate::input::Input;
use crate::issue::{Msg, Report, Text};
use crate::options::Options;
use crate::schema::{Draft, Operation, Provider, Target};
use crate::signing::canonical::push_pairs;
use crate::signing::{self, Scheme, Secret, SignInput, SigningResult, Timestamp};
use crate::util::error::ApiError;

/// The request as it goes on the wire, borrowed from a [`Built`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpRequest<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a str,
}

/// `buildRequest`'s context, read from JSON. The secret is held in a
/// [`Secret`], so `Debug` never shows it.
#[derive(Debug, Default)]
pub struct Context {
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<Secret>,
    pub security_token: Option<Secret>,
    pub timestamp: Option<Timestamp>,
    pub nonce: Option<String>,
    /// `None`: generate one; `Some(None)`: the caller said `false`, send none.
    pub client_token: Option<Option<String>>,
    pub scheme: Option<Scheme>,
    /// Sent (and signed where the scheme signs it) as `User-Agent`; none by default.
    pub user_agent: Option<String>,
    pub options: Options,
}

fn ctx_str(obj: &Input<'_>, key: &str) -> Result<Option<String>, ApiError> {
    match obj.get(key) {
        None | Some(Input::Null) => Ok(None),
        Some(Input::Str(s)) if s.is_empty() => Ok(None),
        Some(Input::Str(s)) => Ok(Some(s.to_string())),
        Some(_) => Err(ApiError::new(
            "INVALID_INPUT",
            format!("context.{key} must be a string"),
        )),
    }
}

/// Reads an RFC 3339 UTC timestamp string.
pub fn parse_timestamp(s: &str) -> Result<Timestamp, ApiError> {
    Timestamp::parse_rfc3339(s).ok_or_else(|| {
        ApiError::new(
            "INVALID_TIMESTAMP",
            "timestamp must be RFC 3339 in UTC, e.g. 2024-05-06T07:08:09Z",
        )
    })
}

impl Context {
    /// Reads the context; a wrongly typed entry is the caller's programming
    /// error (thrown), not an issue of the request.
    pub fn from_json(value: Option<&Value>) -> Result<Context, ApiError> {
        Context::from_input(value.map(Input::from_value).as_ref())
    }

    /// [`Context::from_json`] of a context read by [`Input::from_text`].
    pub fn from_input(input: Option<&Input<'_>>) -> Result<Context, ApiError> {
        let empty = Input::Object(Vec::new());
        let obj = match input {
            None | Some(Input::Null) => &empty,
            Some(o @ Input::Object(_)) => o,
            Some(_) => return Err(ApiError::new("INVALID_INPUT", "context must be an object")),
        };
        let timestamp = match (ctx_str(obj, "timestamp")?, obj.get("now")) {
            (Some(t), _) => Some(parse_timestamp(&t)?),
            (None, Some(now)) => now.as_f64().and_then(Timestamp::from_unix_millis),
            _ => None,
        };
        let scheme = match ctx_str(obj, "scheme")? {
            None => None,
            Some(id) => Some(Scheme::from_id(&id).ok_or_else(|| {
                ApiError::new(
                    "UNKNOWN_SCHEME",
                    format!("unknown scheme \"{}\"", crate::util::error::shown(&id)),
                )
            })?),
        };
        Ok(Context {
            region: ctx_str(obj, "region")?,
            endpoint: ctx_str(obj, "endpoint")?,
            access_key_id: ctx_str(obj, "accessKeyId")?,
            secret_access_key: ctx_str(obj, "secretAccessKey")?.map(Secret::new),
            security_token: ctx_str(obj, "securityToken")?.map(Secret::new),
            timestamp,
            nonce: ctx_str(obj, "nonce")?,
            client_token: match obj.get("clientToken") {
                Some(Input::Bool(false)) => Some(None),
                _ => ctx_str(obj, "clientToken")?.map(Some),
            },
            scheme,
            user_agent: ctx_str(obj, "userAgent")?,
            options: Options::from_input(input),
        })
    }
}

/// What `buildRequest` returns when the parameters are valid.
#[derive(Debug)]
pub enum Built {
    /// No access key: the drafted request, nothing signed.
    Unsigned {
        method: &'static str,
        url: String,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Signed: what is sent is the signing result's URL, headers (with its
    /// `Authorization`) and body, so they are not kept twice.
    Signed {
        method: &'static str,
        signing: SigningResult,
    },
}

impl Built {
    /// The request to send.
    pub fn request(&self) -> HttpRequest<'_> {
        match self {
            Built::Unsigned {
                method,
                url,
                headers,
                body,
            } => HttpRequest {
                method,
                url,
                headers,
                body,
            },
            Built::Signed { method, signing } => HttpRequest {
                method,
                url: &signing.url,
                headers: &signing.headers,
                body: &signing.body,
            },
        }
    }

    pub fn signing(&self) -> Option<&SigningResult> {
        match self {
            Built::Unsigned { .. } => None,
            Built::Signed { signing, .. } => Some(signing),
        }
    }
}

/// Region names are DNS labels joined by hyphens.
fn is_region(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `https://host[:port]` from the explicit endpoint or the provider's pattern.
fn origin(provider: &Provider, ctx: &Context, report: &mut Report) -> Option<String> {
    if let Some(endpoint) = &ctx.endpoint {
        // A fragment or an empty query would be dropped silently.
        let extra = endpoint.bytes().any(|b| b == b'#' || b == b'?');
        let with_scheme = if signing::url::split_scheme(endpoint).is_some() {
            endpoint.clone()
        } else {
            format!("https://{endpoint}")
        };
        return match signing::ParsedUrl::parse(&with_scheme) {
            Some(u)
                if !extra
                    && u.path == "/"
                    && u.query.is_empty()
                    && matches!(u.scheme.as_str(), "http" | "https")
                    && is_host_and_port(&u.host) =>
            {
                Some(u.origin())
            }
            _ => {
                report.error(
                    "context.endpoint",
                    "context.endpoint",
                    None,
                    Msg::Text(Text::new(
                        "The endpoint must be http(s)://host[:port] (a port from 1 to 65535), without path or query.",
                        "接入地址必须为 http(s)://主机[:端口]（端口 1–65535），不能带路径或查询参数。",
                    )),
                );
                None
            }
        };
    }
    match ctx.region.as_deref() {
        Some(r) if is_region(r) => Some(match provider.region.hosts.iter().find(|h| h.0 == r) {
            Some((_, host)) => ["https://", host].concat(),
            None => fill_region(provider.region.endpoint, r),
        }),
        Some(_) => {
            report.error(
                "context.region",
                "context.region",
                None,
                Msg::Text(Text::new(
                    "The region must be 1 to 64 lower-case letters, digits and hyphens, e.g. cn-north-4.",
                    "地域必须为 1–64 个小写字母、数字或连字符，例如 cn-north-4。",
                )),
            );
            None
        }
        None => {
            report.error(
                "context.region",
                "required",
                None,
                Msg::Text(Text::new(
                    "Give a region (or an endpoint).",
                    "请填写地域（或接入地址）。",
                )),
            );
            None
        }
    }
}

/// `name[:port]` or `[v6][:port]`: a DNS name (labels of letters, digits,
/// `-`, `_`, not starting or ending with `-`; a final dot allowed), an IPv4
/// address (four decimal bytes) or a bracketed IPv6 address, and a port from
/// 1 to 65535 without leading zeros. Not `user@host`, `javascript:alert(1)`,
/// `a..b`, `256.1.1.1` or `[:]`.
fn is_host_and_port(host: &str) -> bool {
    let is_port = |p: &str| small_decimal(p.as_bytes()).is_some_and(|n| (1..=65535).contains(&n));
    if let Some(v6) = host.strip_prefix('[') {
        let Some((addr, rest)) = signing::url::split_around(v6, "]") else {
            return false;
        };
        return is_ipv6(addr) && (rest.is_empty() || rest.strip_prefix(':').is_some_and(is_port));
    }
    let (name, port) = match host.bytes().rposition(|b| b == b':') {
        Some(i) => (host.get(..i).unwrap_or_default(), host.get(i + 1..)),
        None => (host, None),
    };
    is_dns_name_or_ipv4(name) && port.is_none_or(is_port)
}

/// A decimal of 1 to 5 digits without a leading zero (a port, an IPv4 byte).
fn small_decimal(digits: &[u8]) -> Option<u32> {
    let ok = (1..=5).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit)
        && (digits.len() == 1 || digits[0] != b'0');
    ok.then(|| digits.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

fn is_dns_name_or_ipv4(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    // Byte splits, not `str::split`: no string searcher in the wasm.
    let labels = || name.as_bytes().split(|&b| b == b'.');
    let labels_ok = labels().all(|label| {
        (1..=63).contains(&label.len())
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    // A name whose last label is all digits reads as an IPv4 address
    // (`1.2.3` is 1.2.0.3 to a URL parser): only the dotted-quad form.
    let numeric_end = labels()
        .next_back()
        .is_some_and(|l| l.iter().all(u8::is_ascii_digit));
    let ipv4 = || {
        labels().count() == 4
            && labels().all(|p| p.len() <= 3 && small_decimal(p).is_some_and(|n| n <= 255))
    };
    labels_ok && (!numeric_end || ipv4())
}

/// Hex groups of 1–4 digits separated by `:`, at most 8, one `::` at most
/// (an embedded IPv4 tail is not needed for an API endpoint).
fn is_ipv6(addr: &str) -> bool {
    let b = addr.as_bytes();
    let compressed = b.windows(2).filter(|w| w == b"::").count();
    if compressed > 1 || !b.contains(&b':') {
        return false;
    }
    let groups = || b.split(|&c| c == b':');
    let filled = groups().filter(|g| !g.is_empty()).count();
    let hex_ok = groups().all(|g| g.len() <= 4 && g.iter().all(u8::is_ascii_hexdigit));
    let shape_ok = if compressed == 1 {
        // `::` may open or close the address; a single `:` may not.
        let lone_start = b.first() == Some(&b':') && !b.starts_with(b"::");
        let lone_end = b.last() == Some(&b':') && !b.ends_with(b"::");
        filled <= 7 && !lone_start && !lone_end
    } else {
        groups().count() == 8 && filled == 8
    };
    hex_ok && shape_ok
}

/// The endpoint pattern with its `{region}` filled in (each pattern has one).
fn fill_region(pattern: &str, region: &str) -> String {
    match signing::url::split_around(pattern, "{region}") {
        Some((before, after)) => [before, region, after].concat(),
        None => pattern.to_string(),
    }
}

/// Validates, builds and (with an access key) signs. Issues go to `report`;
/// `None` when there is an error-severity issue.
pub fn build(
    provider: &Provider,
    op: &Operation,
    params: &Input<'_>,
    ctx: &Context,
    report: &mut Report,
) -> Result<Option<Built>, ApiError> {
    let values = check_into(provider, op, params, &ctx.options, report);
    if let (Some(Some(token)), false) = (&ctx.client_token, values.is_set("ClientToken")) {
        // Sent as the ClientToken parameter: held to its rules.
        let shown_as = "context.clientToken";
        crate::engine::validate::check_as(op, "ClientToken", token, shown_as, &ctx.options, report);
    }
    let scheme = match ctx.scheme {
        None => op.schemes[0],
        Some(s) if op.schemes.contains(&s) => s,
        Some(s) => {
            return Err(ApiError::new(
                "UNSUPPORTED_SCHEME",
                format!("{} does not sign with {}", provider.id, s.id()),
            ))
        }
    };
    let origin = origin(provider, ctx, report);
    let timestamp = match ctx.timestamp.or_else(now) {
        Some(t) => t,
        None => {
            return Err(ApiError::new(
                "INVALID_TIMESTAMP",
                "no timestamp given and no clock available",
            ))
        }
    };
    if report.has_errors() {
        return Ok(None);
    }
    let Some(origin) = origin else {
        return Ok(None);
    };
    let client_token = match &ctx.client_token {
        Some(given) => given.clone(),
        None => Some(crate::util::random::new_client_token()?),
    };
    let target = Target {
        scheme,
        region: ctx.region.as_deref(),
        client_token: client_token.as_deref(),
        security_token: ctx.security_token.as_ref().map(Secret::expose),
    };
    let mut draft = (op.build)(&values, &target);
    if let Some(ua) = &ctx.user_agent {
        draft.headers.push(("User-Agent".to_string(), ua.clone()));
    }
    let url = draft_url(&origin, &draft);
    let Some(access_key_id) = &ctx.access_key_id else {
        report.warning(
            "context.accessKeyId",
            "context.access_key",
            None,
            Msg::Text(Text::new(
                "Give an access key ID to get the signing strings.",
                "填写访问密钥 ID（AccessKey ID）后可得到待签名字符串。",
            )),
        );
        return Ok(Some(Built::Unsigned {
            method: draft.method,
            url,
            headers: draft.headers,
            body: draft.body,
        }));
    };
    let nonce = match &ctx.nonce {
        Some(n) => n.clone(),
        None => crate::util::random::new_client_token()?,
    };
    // The URL as the signer would parse it, from the decoded query at hand.
    let parsed_url = signing::ParsedUrl::parse(&origin).map(|origin| signing::ParsedUrl {
        path: draft.path,
        query: draft.query,
        ..origin
    });
    // The draft moves into the input; the signing result carries what is sent.
    let input = SignInput {
        scheme,
        method: draft.method.to_string(),
        url,
        headers: draft.headers,
        body: draft.body,
        timestamp,
        nonce: Some(nonce),
        access_key_id: access_key_id.clone(),
        secret_access_key: ctx.secret_access_key.clone(),
        security_token: ctx.security_token.clone(),
        region: ctx.region.clone(),
        service: draft.service.map(str::to_string),
    };
    let signing = signing::sign_parsed(&input, parsed_url)
        .map_err(|e| ApiError::new(e.code(), e.to_string()))?;
    Ok(Some(Built::Signed {
        method: draft.method,
        signing,
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn now() -> Option<Timestamp> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_millis();
    Timestamp::from_unix_millis(ms as f64)
}

/// No clock inside wasm32-unknown-unknown: the JS wrapper passes `now`.
#[cfg(target_arch = "wasm32")]
fn now() -> Option<Timestamp> {
    None
}

fn draft_url(origin: &str, draft: &Draft) -> String {
    let query_len: usize = draft.query.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    let mut url = String::with_capacity(origin.len() + draft.path.len() + 1 + query_len);
    url.push_str(origin);
    url.push_str(&draft.path);
    if !draft.query.is_empty() {
        url.push('?');
        push_pairs(&mut url, &mut draft.query.iter(), true);
    }
    url
}

/// The request as a `curl` command line, single-quoted for POSIX shells.
pub fn curl(request: &HttpRequest<'_>) -> String {
    /// `'…'` around the pieces, each `'` inside written `'\''`.
    fn push_quoted(out: &mut String, pieces: &[&str]) {
        out.push('\'');
        for piece in pieces {
            for (i, run) in piece.split('\'').enumerate() {
                if i > 0 {
                    out.push_str("'\\''");
                }
                out.push_str(run);
            }
        }
        out.push('\'');
    }
    const NEXT_LINE: &str = " \\\n  ";
    let headers_len: usize = request.headers.iter().map(|(k, v)| k.len() + v.len()).sum();
    let mut out = String::with_capacity(
        24 + request.url.len() + request.body.len() + headers_len + request.headers.len() * 12,
    );
    out.push_str("curl -X ");
    out.push_str(request.method);
    out.push(' ');
    push_quoted(&mut out, &[request.url]);
    for (k, v) in request.headers {
        if k.eq_ignore_ascii_case("host") {
            continue; // curl derives it from the URL
        }
        out.push_str(NEXT_LINE);
        out.push_str("-H ");
        push_quoted(&mut out, &[k, ": ", v]);
    }
    if !request.body.is_empty() {
        out.push_str(NEXT_LINE);
        out.push_str("--data-raw ");
        push_quoted(&mut out, &[request.body]);
    }
    out
}
