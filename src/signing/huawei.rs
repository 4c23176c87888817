//! `huawei-sdk-hmac-sha256`: the AK/SK signature of Huawei Cloud and Open
//! Telekom Cloud, byte for byte as the official Python SDK makes it
//! (huaweicloudsdkcore 3.1.219: `auth/credentials.py` `Credentials.sign_request`,
//! then `signer/signer.py` `Signer.sign`).
//!
//! The SDK signs every header it holds at signing time. For an ECS call those
//! are `Content-Type`, `User-Agent` and `X-Project-Id` (the caller's job: pass
//! them in `headers`), plus what this scheme adds itself: `X-Security-Token`
//! (when a token is given), `X-Sdk-Content-Sha256` (non-JSON bodies),
//! `X-Sdk-Date` and `Host`.

use super::canonical::{find_first, find_last, join_pairs, py_strip, sorted_by_pair};
use super::encode::{percent_decode, push_rfc3986};
use super::hmac_core::{
    self, canonical_request, lowercase_headers, sha256_hex, sort_entries, Algorithm,
    CanonicalHeaders, Repeated, SortBy, EMPTY_SHA256,
};
use super::url::{raw_authority, ParsedUrl};
use super::{Scheme, SignError, SignInput, SigningResult, Timestamp};

/// No scope: the secret itself is the key; the key id goes in `Access=`.
const SDK_HMAC: Algorithm = Algorithm {
    name: "SDK-HMAC-SHA256",
    key_prefix: "",
    credential_label: "Access=",
    separator: ", ",
};
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// `url` is `input.url` parsed (`None`: not an absolute URL).
pub fn sign(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    let url = url.ok_or(SignError::InvalidUrl)?;
    // The SDK signs `request.host`, the endpoint's netloc as written (case and
    // port kept, even a default one), and sends that same value as `Host`.
    let authority = raw_authority(&input.url).ok_or(SignError::InvalidUrl)?;

    // `header_params` is a Python dict: an exact-name repeat replaces the value
    // in place. A caller's Authorization is dropped: the SDK would skip signing
    // altogether when it sees one (credentials.py), which is never wanted here.
    let mut headers: Vec<(String, String)> = Vec::with_capacity(input.headers.len() + 5);
    for (name, value) in &input.headers {
        if !name.eq_ignore_ascii_case("authorization") {
            set_exact(&mut headers, name, value);
        }
    }
    if let Some(token) = &input.security_token {
        set_exact(&mut headers, "X-Security-Token", token.expose());
    }
    // `_process_content_header`: exact key "Content-Type" only (a lower-case
    // `content-type` does not count), and only a non-empty value.
    let unsigned = headers.iter().any(|(n, v)| {
        n == "Content-Type"
            && !v.is_empty()
            && !v.starts_with("application/json")
            && !v.starts_with("application/bson")
    });
    if unsigned {
        set_exact(&mut headers, "X-Sdk-Content-Sha256", UNSIGNED_PAYLOAD);
    }
    // `_process_header_time`: a given X-Sdk-Date (any case) is the signing
    // time; the SDK parses it with strptime and refuses what does not parse.
    let date = match find_first(&headers, "X-Sdk-Date") {
        // Read and written back, as the SDK's strptime/strftime round trip does.
        Some(v) => Timestamp::parse_iso8601_basic(v)
            .ok_or_else(|| SignError::InvalidHeader("X-Sdk-Date".into()))?
            .iso8601_basic(),
        None => {
            let d = input.timestamp.iso8601_basic();
            headers.push(("X-Sdk-Date".into(), d.clone()));
            d
        }
    };
    if find_first(&headers, "Host").is_none() {
        headers.push(("Host".into(), authority.to_string()));
    }
    // `_process_canonical_headers` writes every value back stripped, so the
    // stripped value is also what is sent. Inner runs of spaces stay.
    for (_, value) in &mut headers {
        let trimmed = py_strip(value);
        if trimmed.len() != value.len() {
            *value = trimmed.to_string();
        }
    }

    let canonical_headers = canonical_headers(&headers);

    // `_process_hash_payload`: empty body → hash of "", else a given
    // X-Sdk-Content-Sha256 value, else SHA-256 of the body.
    let body_hash;
    let payload_hash = if input.body.is_empty() {
        EMPTY_SHA256
    } else {
        match find_first(&headers, "X-Sdk-Content-Sha256") {
            Some(v) if !v.is_empty() => v,
            _ => {
                body_hash = sha256_hex(input.body.as_bytes());
                &body_hash
            }
        }
    };

    let query = canonical_query(&url.query);
    let canonical_request = canonical_request(
        &input.method.to_ascii_uppercase(),
        &canonical_uri(&url.path),
        &query,
        &canonical_headers,
        payload_hash,
    );

    let string_to_sign = SDK_HMAC.string_to_sign(&[&date], &canonical_request);
    let signed_headers = canonical_headers.signed_headers;
    let (signature, authorization) = SDK_HMAC.signature_and_authorization(
        input,
        &[],
        &string_to_sign,
        &signed_headers,
        &mut headers,
    );

    // `process_request_uri`: the SDK sends the canonical query string as the
    // URL's query, and the path as given.
    let mut final_url = [&url.scheme, "://", authority, &url.path].concat();
    if !query.is_empty() {
        final_url.push('?');
        final_url.push_str(&query);
    }

    Ok(SigningResult {
        scheme: Scheme::HuaweiSdkHmacSha256,
        canonical_request,
        string_to_sign,
        signed_headers: Some(signed_headers),
        credential_scope: None,
        signature,
        authorization,
        headers,
        url: final_url,
        body: input.body.clone(),
    })
}

/// `_process_signed_headers` and `_process_canonical_headers`: every name
/// without '_', lower-cased and sorted; names differing only in case are both
/// kept (the SDK lists them twice), each with the last value given for it.
fn canonical_headers(headers: &[(String, String)]) -> CanonicalHeaders {
    let mut entries = lowercase_headers(headers, &|name| !name.contains('_'));
    for (name, value) in &mut entries {
        *value = find_last(headers, name).unwrap_or("");
    }
    sort_entries(&mut entries, SortBy::Name);
    hmac_core::canonical_headers(&entries, Repeated::Listed)
}

/// `_process_canonical_uri`: decode the whole path (so `%2F` splits a
/// segment), re-encode each segment with `quote(safe='~')`, end with `/`.
fn canonical_uri(raw_path: &str) -> String {
    let decoded = percent_decode(raw_path, false);
    let mut out = String::with_capacity(decoded.len() + 1);
    for (i, segment) in decoded.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        push_rfc3986(&mut out, segment);
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// `_process_canonical_query_string`: pairs sorted by (key, value) on the
/// decoded text (Python compares code points, which is UTF-8 byte order), each
/// side encoded with `quote(safe='~')`; a key without a value signs as `key=`.
fn canonical_query(pairs: &[(String, String)]) -> String {
    join_pairs(&sorted_by_pair(pairs), true)
}

fn set_exact(headers: &mut Vec<(String, String)>, name: &str, value: &str) {
    match headers.iter_mut().find(|(n, _)| n == name) {
        Some(slot) => slot.1 = value.to_string(),
        None => headers.push((name.to_string(), value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_uri_forces_trailing_slash_and_encodes_segments() {
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri("/v1/a%20b/c*~/x%2Fy"), "/v1/a%20b/c%2A~/x/y/");
        assert_eq!(canonical_uri("/v1/p/"), "/v1/p/");
    }
}
