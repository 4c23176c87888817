//! `aliyun-acs3`: Alibaba Cloud V3 signature, ACS3-HMAC-SHA256.
//!
//! Byte-identical to `alibabacloud-openapi-util` client.py `get_authorization`
//! (the same function lives in `alibabacloud-tea-openapi` utils.py), as
//! `alibabacloud-tea-openapi` client.py `do_request` calls it, and to both
//! worked examples of Alibaba's "V3 request body & signature" document.
//!
//! Canonical request (each part on its own line):
//! `METHOD`, the URL path, the query sorted by name as `rfc3986(name)=rfc3986(value)`,
//! one `name:value` line per signed header, the signed header names joined by
//! `;`, and the hex SHA-256 of the body. String-to-sign =
//! `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request; signature =
//! hex HMAC-SHA256(secret, string-to-sign).
//!
//! Signed headers are `host`, `content-type` and every `x-acs-*` header, as
//! npm `@alicloud/openapi-util` (`getAuthorizationHeaders`) and the V3
//! document do. The Python `get_authorization` signs every header it is given
//! (its SDK also signs `accept` and `user-agent`); the server takes either,
//! since `SignedHeaders` names what was signed.

use super::canonical::{
    add_missing, find_first as find, replace, trim_ows, trimmed_headers, url_with_query,
};
use super::hmac_core::{
    self, canonical_request, lowercase_headers, sha256_hex, sort_entries, Algorithm,
    CanonicalHeaders, Repeated, SortBy,
};
use super::param_map::ParamMap;
use super::url::ParsedUrl;
use super::{required, SignError, SignInput, SigningResult};

/// No scope: the secret itself is the key, and the credential is the bare
/// key id; no space after the commas.
const ACS3: Algorithm = Algorithm {
    name: "ACS3-HMAC-SHA256",
    key_prefix: "",
    credential_label: "Credential=",
    separator: ",",
};

fn is_signed(lower_name: &str) -> bool {
    lower_name == "host" || lower_name == "content-type" || lower_name.starts_with("x-acs-")
}

/// Signed names lower-cased and sorted; values trimmed, and those of the
/// same name sorted and joined by `,` (openapi-util `get_canonicalized_headers`).
fn canonical_headers(headers: &[(String, String)]) -> CanonicalHeaders {
    let mut entries = lowercase_headers(headers, &is_signed);
    for (_, value) in &mut entries {
        *value = trim_ows(value);
    }
    // Sorted by name, then value: each name's values come out grouped and sorted.
    sort_entries(&mut entries, SortBy::NameThenValue);
    hmac_core::canonical_headers(&entries, Repeated::Joined)
}

/// `url` is `input.url` parsed (`None`: not an absolute URL).
pub fn sign(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    let mut url = url.ok_or(SignError::InvalidUrl)?;
    // The SDK keeps the query in a dict: a repeated name is sent and signed once, with its last value.
    let query = ParamMap::from_pairs(core::mem::take(&mut url.query));

    // The caller's headers as sent (a stale Authorization is replaced below).
    let mut headers = trimmed_headers(&input.headers);

    // Headers the scheme adds, named and ordered as tea-openapi `do_request` does;
    // what the caller already gave is used as given.
    let mut add = |name: &str, value: String| add_missing(&mut headers, name, value);
    add("host", url.host_header());
    add("x-acs-date", input.timestamp.iso8601());
    if find(&input.headers, "x-acs-signature-nonce").is_none() {
        let nonce = required(input.nonce.as_deref(), "nonce")?;
        add("x-acs-signature-nonce", nonce.to_string());
    }
    add("x-acs-content-sha256", sha256_hex(input.body.as_bytes()));
    if let Some(token) = &input.security_token {
        // tea-openapi sends the key id next to the STS token, assigned over
        // whatever the caller gave (`request_.headers[...] = ...`).
        replace(
            &mut headers,
            "x-acs-accesskey-id",
            input.access_key_id.clone(),
        );
        replace(
            &mut headers,
            "x-acs-security-token",
            token.expose().to_string(),
        );
    }

    let canonical_headers = canonical_headers(&headers);
    let payload_hash = find(&headers, "x-acs-content-sha256").unwrap_or_default();
    // Names are sorted raw and written encoded: identical to the SDK (which
    // leaves names raw) for every real parameter name, and what the V3
    // document asks for names with reserved characters.
    let canonical_query = query.to_sorted_query();
    let canonical_request = canonical_request(
        &input.method,
        &url.path,
        &canonical_query,
        &canonical_headers,
        payload_hash,
    );

    let string_to_sign = ACS3.string_to_sign(&[], &canonical_request);
    let signed_headers = canonical_headers.signed_headers;
    let (signature, authorization) = ACS3.signature_and_authorization(
        input,
        &[],
        &string_to_sign,
        &signed_headers,
        &mut headers,
    );

    let mut sent_query = String::with_capacity(input.url.len());
    query.push_query(&mut sent_query);
    let final_url = url_with_query(&url, &sent_query);

    Ok(SigningResult {
        scheme: input.scheme,
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
