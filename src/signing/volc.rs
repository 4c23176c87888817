//! `volc-hmac-sha256`: Volcengine's signature (an AWS SigV4 sibling).
//!
//! Follows the two official Python signers, `volcengine` volcengine/auth/SignerV4.py
//! and `volcengine-python-sdk` volcenginesdkcore/signv4.py, and reproduces the
//! worked example of Volcengine's signing document (ListUsers, 20201230T081805Z).
//!
//! Canonical request: `METHOD`, the URL path, the canonical query, the signed
//! `name:value` lines, the signed names joined by `;`, and the body's hex
//! SHA-256 (`X-Content-Sha256`). String-to-sign =
//! `HMAC-SHA256\n<X-Date>\n<YYYYMMDD/region/service/request>\n<hex sha256(canonical)>`;
//! key = HMAC chain over date, region, service, `"request"` starting from the
//! secret; signature = hex HMAC-SHA256(key, string-to-sign).
//!
//! Where the SDKs differ, this follows what the server accepts:
//! - Signed headers: both SDKs sign `Content-Type`, `Content-Md5`, `Host` and
//!   every `X-*` header, matching names case-sensitively; names here match
//!   case-insensitively (HTTP names are), the same set for canonical spelling.
//! - Header values: neither SDK trims; the document's `Trimall` and HTTP itself
//!   (optional whitespace is not part of a value) do, so values are trimmed
//!   and sent trimmed.
//! - Query: `volcengine` sorts by name and keeps repeated names in URL order;
//!   `volcengine-python-sdk` collapses repeats (`dict(query)`, last wins) and
//!   sorts `(name, value)` pairs. Repeats are kept here, as `volcengine` does,
//!   so what is sent is what is signed. Both encode RFC 3986 (`quote(safe='-_.~')`).
//! - Path: `volcengine` quotes a raw path, `volcengine-python-sdk` signs it as
//!   given; the URL path here is already encoded, so it is signed as given.
//! - Content-Type: both add `application/x-www-form-urlencoded; charset=utf-8`
//!   to a non-GET request that has none; so does this scheme.

use super::url::ParsedUrl;
use super::{encode::rfc3986, hex, hmac_sha256, sha256_hex, SignError, SignInput, SigningResult};

const ALGORITHM: &str = "HMAC-SHA256";
const DEFAULT_CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

fn trim_ows(value: &str) -> &str {
    value.trim_matches(|c| c == ' ' || c == '\t')
}

fn find<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn is_signed(lower_name: &str) -> bool {
    matches!(lower_name, "content-type" | "content-md5" | "host") || lower_name.starts_with("x-")
}

/// Both SDKs sign `host` without a `:80` or `:443` suffix, whatever the URL scheme
/// (`split(':')[1]` is the port; an IPv6 literal is left alone by that test).
fn signed_host(value: &str) -> &str {
    let mut parts = value.split(':');
    match (parts.next(), parts.next()) {
        (Some(host), Some("80" | "443")) => host,
        _ => value,
    }
}

/// Query sorted by name (stable, so repeated names keep URL order), RFC 3986-encoded.
fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = pairs.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    encode_pairs(sorted.into_iter())
}

fn encode_pairs<'a>(pairs: impl Iterator<Item = &'a (String, String)>) -> String {
    pairs
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn required<'a>(value: Option<&'a str>, what: &'static str) -> Result<&'a str, SignError> {
    value
        .filter(|v| !v.is_empty())
        .ok_or(SignError::Missing(what))
}

pub fn sign(input: &SignInput) -> Result<SigningResult, SignError> {
    let region = required(input.region.as_deref(), "region")?;
    let service = required(input.service.as_deref(), "service")?;
    let url = ParsedUrl::parse(&input.url).ok_or(SignError::InvalidUrl)?;

    let mut headers: Vec<(String, String)> = input
        .headers
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("authorization"))
        .map(|(k, v)| (k.clone(), trim_ows(v).to_string()))
        .collect();

    // Added with the SDKs' spelling; what the caller already gave is used as given.
    let mut add = |name: &str, value: String| {
        if find(&headers, name).is_none() {
            headers.push((name.to_string(), value));
        }
    };
    add("Host", url.host_header());
    if input.method != "GET" {
        add("Content-Type", DEFAULT_CONTENT_TYPE.to_string());
    }
    add("X-Date", input.timestamp.iso8601_basic());
    add("X-Content-Sha256", sha256_hex(input.body.as_bytes()));
    if let Some(token) = &input.security_token {
        add("X-Security-Token", token.expose().to_string());
    }

    let x_date = find(&headers, "x-date").unwrap_or_default().to_string();
    // The scope's date is X-Date's (the SDKs take `format_date[:8]`).
    let date = match x_date.get(..8) {
        Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => d.to_string(),
        _ => input.timestamp.date_basic(),
    };
    let credential_scope = format!("{date}/{region}/{service}/request");
    let payload_hash = find(&headers, "x-content-sha256")
        .unwrap_or_default()
        .to_string();

    // A name given twice (in different case) is signed with its last value, as the SDKs' dict does.
    let mut given: Vec<(String, &str)> = Vec::new();
    for (name, value) in &headers {
        let lower = name.to_ascii_lowercase();
        if is_signed(&lower) {
            let value = if lower == "host" {
                signed_host(value)
            } else {
                value.as_str()
            };
            given.push((lower, value));
        }
    }
    // Stable: a name's values stay in the given order, and the last one wins.
    crate::sort::sort_by(&mut given, |a, b| a.0.cmp(&b.0));
    let mut signed: Vec<(String, &str)> = Vec::with_capacity(given.len());
    for (name, value) in given {
        match signed.last_mut() {
            Some(last) if last.0 == name => last.1 = value,
            _ => signed.push((name, value)),
        }
    }
    let mut header_lines = String::new();
    for (name, value) in &signed {
        header_lines.push_str(name);
        header_lines.push(':');
        header_lines.push_str(value);
        header_lines.push('\n');
    }
    let signed_headers = signed
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(";");

    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        input.method,
        url.path,
        canonical_query(&url.query),
        header_lines,
        signed_headers,
        payload_hash
    );
    let string_to_sign = format!(
        "{ALGORITHM}\n{x_date}\n{credential_scope}\n{}",
        sha256_hex(canonical_request.as_bytes())
    );

    let (signature, authorization) = match &input.secret_access_key {
        Some(secret) => {
            // Every derived key is wiped on drop (`hmac_sha256` returns `Zeroizing`).
            let k_date = hmac_sha256(secret.expose().as_bytes(), date.as_bytes());
            let k_region = hmac_sha256(k_date.as_slice(), region.as_bytes());
            let k_service = hmac_sha256(k_region.as_slice(), service.as_bytes());
            let k_signing = hmac_sha256(k_service.as_slice(), b"request");
            let sig = hex(hmac_sha256(k_signing.as_slice(), string_to_sign.as_bytes()).as_slice());
            let auth = format!(
                "{ALGORITHM} Credential={}/{credential_scope}, SignedHeaders={signed_headers}, Signature={sig}",
                input.access_key_id
            );
            headers.push(("Authorization".to_string(), auth.clone()));
            (Some(sig), Some(auth))
        }
        None => (None, None),
    };

    let sent_query = encode_pairs(url.query.iter());
    let final_url = if sent_query.is_empty() {
        format!("{}{}", url.origin(), url.path)
    } else {
        format!("{}{}?{}", url.origin(), url.path, sent_query)
    };

    Ok(SigningResult {
        scheme: input.scheme,
        canonical_request,
        string_to_sign,
        signed_headers: Some(signed_headers),
        credential_scope: Some(credential_scope),
        signature,
        authorization,
        headers,
        url: final_url,
        body: input.body.clone(),
    })
}
