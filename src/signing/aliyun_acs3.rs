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

use super::aliyun_rpc::ParamMap;
use super::canonical::{
    add_missing, canonical_request, find_first as find, replace, trim_ows, trimmed_headers,
    url_with_query,
};
use super::url::ParsedUrl;
use super::{hex, hmac_sha256, sha256_hex, SignError, SignInput, SigningResult};

const ALGORITHM: &str = "ACS3-HMAC-SHA256";

fn is_signed(lower_name: &str) -> bool {
    lower_name == "host" || lower_name == "content-type" || lower_name.starts_with("x-acs-")
}

/// `(canonical header lines, signed header names)`: names lower-cased and
/// sorted; values of the same name sorted and joined by `,`
/// (openapi-util `get_canonicalized_headers`).
fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    // (name, value) pairs sorted by name, then value: each name's values
    // come out grouped and sorted.
    let mut signed: Vec<(String, &str)> = headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), trim_ows(value)))
        .filter(|(lower, _)| is_signed(lower))
        .collect();
    crate::util::sort::sort_by(&mut signed, |a, b| a.cmp(b));
    let mut lines = String::new();
    let mut names = String::new();
    for (i, (name, value)) in signed.iter().enumerate() {
        if i > 0 && signed[i - 1].0 == *name {
            lines.push(',');
        } else {
            if i > 0 {
                lines.push('\n');
                names.push(';');
            }
            lines.push_str(name);
            lines.push(':');
            names.push_str(name);
        }
        lines.push_str(value);
    }
    if !signed.is_empty() {
        lines.push('\n');
    }
    (lines, names)
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
        let nonce = input
            .nonce
            .as_deref()
            .filter(|n| !n.is_empty())
            .ok_or(SignError::Missing("nonce"))?;
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

    let (header_lines, signed_headers) = canonical_headers(&headers);
    let payload_hash = find(&headers, "x-acs-content-sha256").unwrap_or_default();
    // Names are sorted raw and written encoded: identical to the SDK (which
    // leaves names raw) for every real parameter name, and what the V3
    // document asks for names with reserved characters.
    let canonical_query = query.to_sorted_query();
    // `concat` sizes the string once (`format!` grows it piece by piece).
    let canonical_request = canonical_request(
        &input.method,
        &url.path,
        &canonical_query,
        &header_lines,
        &signed_headers,
        payload_hash,
    );
    let string_to_sign = [ALGORITHM, "\n", &sha256_hex(canonical_request.as_bytes())].concat();

    let (signature, authorization) = match &input.secret_access_key {
        Some(secret) => {
            let sig =
                hex(hmac_sha256(secret.expose().as_bytes(), string_to_sign.as_bytes()).as_slice());
            let auth = [
                ALGORITHM,
                " Credential=",
                &input.access_key_id,
                ",SignedHeaders=",
                &signed_headers,
                ",Signature=",
                &sig,
            ]
            .concat();
            headers.push(("Authorization".to_string(), auth.clone()));
            (Some(sig), Some(auth))
        }
        None => (None, None),
    };

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
