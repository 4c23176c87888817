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
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::canonical::{join_pairs, push_pairs, sorted_by_name};
use super::encode::push_rfc3986;
use super::url::{parse_query, ParsedUrl};
use super::{SignError, SignInput, SigningResult};

/// Parameters with Python `dict` semantics, which is what both SDKs sign: a
/// repeated name keeps its first position and takes the last value.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParamMap {
    /// Unique names, in first-given order.
    pairs: Vec<(String, String)>,
}

impl ParamMap {
    // `Vec`s rather than `impl IntoIterator`: one copy of this code in the wasm.
    pub(crate) fn from_pairs(pairs: Vec<(String, String)>) -> ParamMap {
        let mut map = ParamMap::default();
        map.extend(pairs);
        map
    }

    /// `dict.update`: every pair inserted in order, in O(n log n).
    pub(crate) fn extend(&mut self, pairs: Vec<(String, String)>) {
        // A request's few parameters: a linear look-up each is cheapest.
        if self.pairs.len() + pairs.len() <= 32 {
            for (k, v) in pairs {
                self.insert(k, v);
            }
            return;
        }
        let mut all: Vec<(usize, String, String)> = core::mem::take(&mut self.pairs)
            .into_iter()
            .chain(pairs)
            .enumerate()
            .map(|(i, (k, v))| (i, k, v))
            .collect();
        // Stable by name: each name's pairs stay in order; the first keeps
        // its position and takes the last value.
        crate::util::sort::sort_by(&mut all, |a, b| a.1.cmp(&b.1));
        let mut unique: Vec<(usize, String, String)> = Vec::with_capacity(all.len());
        for (i, k, v) in all {
            match unique.last_mut() {
                Some(last) if last.1 == k => last.2 = v,
                _ => unique.push((i, k, v)),
            }
        }
        crate::util::sort::sort_by(&mut unique, |a, b| a.0.cmp(&b.0));
        self.pairs = unique.into_iter().map(|(_, k, v)| (k, v)).collect();
    }

    pub(crate) fn insert(&mut self, key: String, value: String) {
        match self.pairs.iter_mut().find(|(k, _)| *k == key) {
            Some(pair) => pair.1 = value,
            None => self.pairs.push((key, value)),
        }
    }

    /// Adds `key` only when it is absent: what the caller gave wins.
    fn insert_missing(&mut self, key: &str, value: impl FnOnce() -> String) {
        if !self.contains(key) {
            self.insert(key.to_string(), value());
        }
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == key)
    }

    fn remove(&mut self, key: &str) {
        self.pairs.retain(|(k, _)| k != key);
    }

    /// Appends `k=v&…` in insertion order, every name and value RFC 3986-encoded.
    pub(crate) fn push_query(&self, out: &mut String) {
        push_pairs(out, &mut self.pairs.iter(), true);
    }

    /// `k=v&…` sorted by name (names are unique), RFC 3986-encoded.
    pub(crate) fn to_sorted_query(&self) -> String {
        // Byte order, which for UTF-8 is Python's code-point order.
        join_pairs(&sorted_by_name(&self.pairs), true)
    }
}

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

fn hmac_sha1_base64(key: &[u8], data: &[u8]) -> Result<String, SignError> {
    let mut mac =
        Hmac::<Sha1>::new_from_slice(key).map_err(|_| SignError::Missing("secretAccessKey"))?;
    mac.update(data);
    Ok(base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
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
        let nonce = input
            .nonce
            .as_deref()
            .filter(|n| !n.is_empty())
            .ok_or(SignError::Missing("nonce"))?;
        params.insert("SignatureNonce".to_string(), nonce.to_string());
    }
    params.insert_missing("AccessKeyId", || input.access_key_id.clone());

    // Form parameters override same-named query parameters (`dict.update`).
    let form = form_params(input);
    let canonical = if form.is_empty() {
        params.to_sorted_query()
    } else {
        let mut signed = params.clone();
        signed.extend(form);
        signed.to_sorted_query()
    };
    let mut string_to_sign =
        String::with_capacity(input.method.len() + 6 + canonical.len() * 3 / 2);
    string_to_sign.push_str(&input.method);
    string_to_sign.push_str("&%2F&");
    push_rfc3986(&mut string_to_sign, &canonical);

    // `scheme://host/path?query`, then `&Signature=…` when signed.
    let mut final_url = url.origin();
    final_url.push_str(&url.path);
    final_url.push('?');
    params.push_query(&mut final_url);
    let signature = match &input.secret_access_key {
        Some(secret) => {
            let key = zeroize::Zeroizing::new([secret.expose(), "&"].concat());
            let sig = hmac_sha1_base64(key.as_bytes(), string_to_sign.as_bytes())?;
            final_url.push_str("&Signature=");
            push_rfc3986(&mut final_url, &sig);
            Some(sig)
        }
        None => None,
    };

    Ok(SigningResult {
        scheme: input.scheme,
        canonical_request: canonical,
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

#[cfg(test)]
mod tests {
    use super::ParamMap;

    /// Python `dict` semantics, one insert at a time: the reference.
    fn dict(pairs: &[(String, String)]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            match out.iter_mut().find(|(name, _)| name == k) {
                Some(pair) => pair.1 = v.clone(),
                None => out.push((k.clone(), v.clone())),
            }
        }
        out
    }

    #[test]
    fn both_extend_paths_keep_dict_semantics() {
        // 32 pairs take the linear path, more take the sorting one.
        for n in [0, 1, 5, 16, 32, 33, 80] {
            let pairs: Vec<(String, String)> = (0..n)
                .map(|i| (format!("k{}", (i * 7) % 11), format!("v{i}")))
                .collect();
            let (first, rest) = pairs.split_at(n / 3);
            let mut map = ParamMap::from_pairs(first.to_vec());
            map.extend(rest.to_vec());
            assert_eq!(map.pairs, dict(&pairs), "n = {n}");
        }
    }
}
