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
//!   sorts encoded `(name, value)` pairs. Repeats are kept and names sorted
//!   raw here, as `volcengine` does, so what is sent is what is signed (the
//!   orders differ only for names with a character outside `A-Za-z0-9-_.~`,
//!   which no Volcengine parameter has). Both encode RFC 3986 (`quote(safe='-_.~')`).
//! - Path: `volcengine` quotes a raw path, `volcengine-python-sdk` signs it as
//!   given; the URL path here is already encoded, so it is signed as given.
//! - Content-Type: both add `application/x-www-form-urlencoded; charset=utf-8`
//!   to a non-GET request that has none; so does this scheme.

use super::canonical::{
    add_missing, find_last as find, join_pairs, push_pairs, replace, sorted_by_name,
    trimmed_headers, url_with_query,
};
use super::hmac_core::{
    self, canonical_request, credential_scope, lowercase_headers, sha256_hex, sort_entries,
    Algorithm, CanonicalHeaders, Repeated, SortBy,
};
use super::url::ParsedUrl;
use super::{required, SignError, SignInput, SigningResult};

/// SigV4's shape with no key prefix.
const VOLC: Algorithm = Algorithm {
    name: "HMAC-SHA256",
    key_prefix: "",
    credential_label: "Credential=",
    separator: ", ",
};
const DEFAULT_CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

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

/// Signed names lower-cased and sorted, `host` without a default port; a
/// name given twice (in different case) is signed with its last value, as
/// the SDKs' dict does.
fn canonical_headers(headers: &[(String, String)]) -> CanonicalHeaders {
    let mut entries = lowercase_headers(headers, &is_signed);
    for (name, value) in &mut entries {
        if name == "host" {
            *value = signed_host(value);
        }
    }
    // Stable: a name's values stay in the given order, and the last one wins.
    sort_entries(&mut entries, SortBy::Name);
    hmac_core::canonical_headers(&entries, Repeated::LastWins)
}

/// Query sorted by name (stable, so repeated names keep URL order), RFC 3986-encoded.
fn canonical_query(pairs: &[(String, String)]) -> String {
    join_pairs(&sorted_by_name(pairs), true)
}

/// `url` is `input.url` parsed (`None`: not an absolute URL).
pub fn sign(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    let region = required(input.region.as_deref(), "region")?;
    let service = required(input.service.as_deref(), "service")?;
    let url = url.ok_or(SignError::InvalidUrl)?;

    let mut headers = trimmed_headers(&input.headers);

    // Added with the SDKs' spelling; what the caller already gave is used as given.
    let mut add = |name: &str, value: String| add_missing(&mut headers, name, value);
    add("Host", url.host_header());
    if input.method != "GET" {
        add("Content-Type", DEFAULT_CONTENT_TYPE.to_string());
    }
    add("X-Date", input.timestamp.iso8601_basic());
    add("X-Content-Sha256", sha256_hex(input.body.as_bytes()));
    if let Some(token) = &input.security_token {
        // Both SDKs assign it over a caller's value (`headers['X-Security-Token'] = token`).
        replace(&mut headers, "X-Security-Token", token.expose().to_string());
    }

    let x_date = find(&headers, "x-date").unwrap_or_default().to_string();
    // The scope's date is X-Date's (the SDKs take `format_date[:8]`).
    let date = match x_date.get(..8) {
        Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => d.to_string(),
        _ => input.timestamp.date_basic(),
    };
    let canonical_headers = canonical_headers(&headers);
    let payload_hash = find(&headers, "x-content-sha256").unwrap_or_default();
    let canonical_request = canonical_request(
        &input.method,
        &url.path,
        &canonical_query(&url.query),
        &canonical_headers,
        payload_hash,
    );

    let scope = [date.as_str(), region, service, "request"];
    let credential_scope = credential_scope(&scope);
    let string_to_sign = VOLC.string_to_sign(&[&x_date, &credential_scope], &canonical_request);
    let signed_headers = canonical_headers.signed_headers;
    let (signature, authorization) = VOLC.signature_and_authorization(
        input,
        &scope,
        &string_to_sign,
        &signed_headers,
        &mut headers,
    );

    let mut sent_query = String::with_capacity(input.url.len());
    push_pairs(&mut sent_query, &mut url.query.iter(), true);
    let final_url = url_with_query(&url, &sent_query);

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
