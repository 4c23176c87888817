//! `aliyun-rpc-v1`: Alibaba Cloud RPC signature v1 (HMAC-SHA1, parameters in the URL).
//!
//! Byte-identical to the official signers, which agree on every step:
//! - `aliyun-python-sdk-core` aliyunsdkcore/auth/composer/rpc_signature_composer.py
//!   (`get_signed_url`) with algorithm/sha_hmac1.py;
//! - `alibabacloud-openapi-util` client.py `get_rpcsignature`, as called by
//!   `alibabacloud-tea-openapi` `do_rpcrequest`.
//!
//! 1. The signed parameters are the request's query (plus the form body, see
//!    `form_params`) and the common parameters this scheme adds when the URL
//!    lacks them: `SecurityToken` (only with a token), `Timestamp`,
//!    `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `AccessKeyId`.
//!    `Format`, `Version`, `Action`, `RegionId` belong to the request itself.
//! 2. Canonicalized query = pairs sorted by name, `rfc3986(name)=rfc3986(value)`
//!    joined with `&` (the SDKs' `urlencode` + `%20`/`%2A`/`~` fix-ups, or
//!    `quote(safe="~")`: the same bytes).
//! 3. String-to-sign = `METHOD&%2F&` + rfc3986(canonicalized query).
//! 4. Signature = base64(HMAC-SHA1(secret + "&", string-to-sign)), sent as the
//!    last URL parameter `Signature`.

use base64::Engine as _;
use zeroize::Zeroizing;

use super::encode::push_rfc3986;
use super::hmac_core::hmac_sha1;
use super::param_map::ParamMap;
use super::url::{parse_query, ParsedUrl};
use super::{required, Secret, SignError, SignInput, SigningResult};

/// True when a `Content-Type` header says `application/x-www-form-urlencoded`.
pub(crate) fn is_form(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("content-type")
            && value
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
    })
}

/// The form body's parameters, which aliyunsdkcore (`get_signed_url(…, body_params)`)
/// and tea-openapi `do_rpcrequest` (`merge(query, Utils.query(body))`) sign
/// together with the query whatever the HTTP method. A JSON or other body is
/// not signed by v1.
fn form_params(input: &SignInput) -> Vec<(String, String)> {
    if is_form(&input.headers) {
        parse_query(&input.body)
    } else {
        Vec::new()
    }
}

/// `METHOD&%2F&` + the RFC 3986-encoded canonicalized query.
fn string_to_sign(method: &str, canonicalized_query: &str) -> String {
    let mut out = String::with_capacity(method.len() + 6 + canonicalized_query.len() * 3 / 2);
    out.push_str(method);
    out.push_str("&%2F&");
    push_rfc3986(&mut out, canonicalized_query);
    out
}

/// The secret followed by `&`, the HMAC key of both SDKs.
fn signing_key(secret: &Secret) -> Zeroizing<String> {
    Zeroizing::new([secret.expose(), "&"].concat())
}

/// Base64 HMAC-SHA1 of the string to sign.
fn calculate_signature(signing_key: &str, string_to_sign: &str) -> String {
    let mac = hmac_sha1(signing_key.as_bytes(), string_to_sign.as_bytes());
    // Into a buffer, not `encode`: its `String::from_utf8(..).expect(..)`
    // is the one caller of the `Debug` formatting machinery in the wasm.
    let mut text = [0u8; 28]; // 20 bytes → 28 Base64 characters with padding
    let len = base64::engine::general_purpose::STANDARD
        .encode_slice(mac, &mut text)
        .unwrap_or(0);
    core::str::from_utf8(&text[..len])
        .unwrap_or_default()
        .to_string()
}

/// `url` is `input.url` parsed (`None`: not an absolute URL).
pub fn sign(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    let mut url = url.ok_or(SignError::InvalidUrl)?;
    let mut params = ParamMap::from_pairs(core::mem::take(&mut url.query));
    // aliyunsdkcore __refresh_sign_parameters drops a stale Signature before signing.
    params.remove("Signature");

    // Order as aliyunsdkcore builds its URL: the STS signer adds SecurityToken to
    // the request first, then __refresh_sign_parameters appends the rest.
    if let Some(token) = &input.security_token {
        params.insert_missing("SecurityToken", || token.expose().to_string());
    }
    params.insert_missing("Timestamp", || input.timestamp.iso8601());
    params.insert_missing("SignatureMethod", || "HMAC-SHA1".to_string());
    params.insert_missing("SignatureVersion", || "1.0".to_string());
    if !params.contains("SignatureNonce") {
        let nonce = required(input.nonce.as_deref(), "nonce")?;
        params.insert("SignatureNonce".to_string(), nonce.to_string());
    }
    params.insert_missing("AccessKeyId", || input.access_key_id.clone());

    // Form parameters override same-named query parameters (`dict.update`).
    let form = form_params(input);
    let canonicalized_query = if form.is_empty() {
        params.to_sorted_query()
    } else {
        let mut signed = params.clone();
        signed.extend(form);
        signed.to_sorted_query()
    };
    let string_to_sign = string_to_sign(&input.method, &canonicalized_query);

    // `scheme://host/path?query`, then `&Signature=…` when signed.
    let mut final_url = url.origin();
    final_url.push_str(&url.path);
    final_url.push('?');
    params.push_query(&mut final_url);
    let signature = match &input.secret_access_key {
        Some(secret) => {
            let sig = calculate_signature(&signing_key(secret), &string_to_sign);
            final_url.push_str("&Signature=");
            push_rfc3986(&mut final_url, &sig);
            Some(sig)
        }
        None => None,
    };

    Ok(SigningResult {
        scheme: input.scheme,
        canonical_request: canonicalized_query,
        string_to_sign,
        signed_headers: None,
        credential_scope: None,
        signature,
        // v1 carries the signature in the URL, never in a header.
        authorization: None,
        headers: input.headers.clone(),
        url: final_url,
        body: input.body.clone(),
    })
}
