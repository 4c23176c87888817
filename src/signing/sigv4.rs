//! `aws-sigv4`: AWS Signature Version 4 as Kingsoft Cloud's official SDK
//! signs it (ksc-sdk-python 1.3.65, `kscore/auth.py` `SigV4Auth`, a fork of an
//! old botocore). Service `kec`, region e.g. `cn-beijing-6`.
//!
//! Where today's botocore (`botocore/auth.py` `SigV4Auth`) differs, this file
//! follows kscore, because Kingsoft's servers are checked against kscore:
//! - signed headers: kscore skips only `expect` and `user-agent`; botocore also
//!   skips `connection`, `keep-alive`, `te`, `trailer`, `transfer-encoding`,
//!   `upgrade`, `proxy-*`, `traceparent`, `tracestate`, `baggage`, `x-amzn-trace-id`;
//! - header values: kscore only strips them and sorts repeated values;
//!   botocore also folds inner whitespace runs and keeps the given order;
//! - host: kscore signs the URL's netloc as written (`:443` stays);
//!   botocore lower-cases it and drops a default port;
//! - payload: botocore may sign `UNSIGNED-PAYLOAD` over https and then adds
//!   `X-Amz-Content-SHA256` (only when an operation disables payload signing);
//!   kscore always hashes the body. Both use a caller-given
//!   `X-Amz-Content-SHA256` value as the payload hash.

use super::canonical::{find_first, join_pairs, push_pairs, py_strip, sorted_by_pair};
use super::encode::{rfc3986, rfc3986_path};
use super::hmac_core::{
    self, canonical_request, credential_scope, lowercase_headers, sha256_hex, sort_entries,
    Algorithm, CanonicalHeaders, Repeated, SortBy, EMPTY_SHA256,
};
use super::url::{raw_authority, ParsedUrl};
use super::{required, Scheme, SignError, SignInput, SigningResult, Timestamp};

const SIGV4: Algorithm = Algorithm {
    name: "AWS4-HMAC-SHA256",
    key_prefix: "AWS4",
    credential_label: "Credential=",
    separator: ", ",
};
/// kscore `SIGNED_HEADERS_BLACKLIST`.
const NOT_SIGNED: [&str; 2] = ["expect", "user-agent"];

/// `url` is `input.url` parsed (`None`: not an absolute URL).
pub fn sign(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    let url = url.ok_or(SignError::InvalidUrl)?;
    let authority = raw_authority(&input.url).ok_or(SignError::InvalidUrl)?;
    let region = required(input.region.as_deref(), "region")?;
    let service = required(input.service.as_deref(), "service")?;

    // kscore stamps X-Amz-Date from its clock; a caller-given X-Amz-Date is
    // taken as that clock reading instead.
    let ts = match find_first(&input.headers, "X-Amz-Date") {
        Some(v) => Timestamp::parse_iso8601_basic(v)
            .ok_or_else(|| SignError::InvalidHeader("X-Amz-Date".into()))?,
        None => input.timestamp,
    };
    let amz_date = ts.iso8601_basic();
    let date = ts.date_basic();

    // `_modify_request_before_signing`: drop an old Authorization, set the
    // date header, replace the token header. Header lookups are
    // case-insensitive (an email.message-style header map).
    let has_date = find_first(&input.headers, "Date").is_some();
    let mut headers: Vec<(String, String)> = input
        .headers
        .iter()
        .filter(|(n, _)| {
            !(n.eq_ignore_ascii_case("authorization")
                || n.eq_ignore_ascii_case("x-amz-date")
                || n.eq_ignore_ascii_case("date")
                || (input.security_token.is_some()
                    && n.eq_ignore_ascii_case("x-amz-security-token")))
        })
        .cloned()
        .collect();
    if has_date {
        // `_set_necessary_date_headers`: a Date header is re-stamped with
        // `email.utils.formatdate` and then no X-Amz-Date is sent.
        headers.push(("Date".into(), rfc2822(ts)));
    } else {
        headers.push(("X-Amz-Date".into(), amz_date.clone()));
    }
    if let Some(token) = &input.security_token {
        headers.push(("X-Amz-Security-Token".into(), token.expose().to_string()));
    }
    // kscore leaves Host to the HTTP library but signs the netloc; sending
    // exactly the signed value keeps the two equal.
    if find_first(&headers, "Host").is_none() {
        headers.push(("Host".into(), authority.to_string()));
    }

    let canonical_headers = canonical_headers(&headers);
    let payload_hash = match find_first(&headers, "X-Amz-Content-SHA256") {
        // Used raw, not stripped (`request.headers['X-Amz-Content-SHA256']`).
        Some(v) => v.to_string(),
        None if input.body.is_empty() => EMPTY_SHA256.to_string(),
        None => sha256_hex(input.body.as_bytes()),
    };
    // The query is normalized to RFC 3986 (what kscore's own
    // `percent_encode_sequence` writes); kscore then sorts the encoded pairs.
    let encoded: Vec<(String, String)> = url
        .query
        .iter()
        .map(|(k, v)| (rfc3986(k), rfc3986(v)))
        .collect();
    let canonical_query = join_pairs(&sorted_by_pair(&encoded), false);
    let canonical_request = canonical_request(
        &input.method.to_ascii_uppercase(),
        &canonical_uri(&url.path),
        &canonical_query,
        &canonical_headers,
        &payload_hash,
    );

    let scope = [date.as_str(), region, service, "aws4_request"];
    let credential_scope = credential_scope(&scope);
    let string_to_sign = SIGV4.string_to_sign(&[&amz_date, &credential_scope], &canonical_request);
    let signed_headers = canonical_headers.signed_headers;
    let (signature, authorization) = SIGV4.signature_and_authorization(
        input,
        &scope,
        &string_to_sign,
        &signed_headers,
        &mut headers,
    );

    // kscore sends its URL unchanged; only the query is normalized here, in
    // its original order.
    let base_end = input.url.find(['?', '#']).unwrap_or(input.url.len());
    let mut final_url = String::with_capacity(input.url.len() + canonical_query.len());
    final_url.push_str(input.url.get(..base_end).unwrap_or(&input.url));
    if !encoded.is_empty() {
        final_url.push('?');
        push_pairs(&mut final_url, &mut encoded.iter(), false);
    }

    Ok(SigningResult {
        scheme: Scheme::AwsSigV4,
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

/// `headers_to_sign`, `canonical_headers` and `signed_headers` of kscore.
fn canonical_headers(headers: &[(String, String)]) -> CanonicalHeaders {
    let mut entries = lowercase_headers(headers, &|name| !NOT_SIGNED.contains(&name));
    // Sorting the (name, raw value) pairs groups each name with its values in
    // the order kscore joins them (`sorted(get_all(name))`, stripped after).
    sort_entries(&mut entries, SortBy::NameThenValue);
    for (_, value) in &mut entries {
        *value = py_strip(value);
    }
    hmac_core::canonical_headers(&entries, Repeated::Joined)
}

/// `_normalize_url_path`: dot segments and empty segments removed, then
/// `quote(safe='/~')` over the raw path, so `%` is encoded again.
fn canonical_uri(path: &str) -> String {
    rfc3986_path(&remove_dot_segments(path))
}

/// `remove_dot_segments` of kscore/botocore `utils.py` (RFC 3986 5.2.4, and
/// empty segments dropped too).
fn remove_dot_segments(path: &str) -> String {
    if path.is_empty() {
        return "/".to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    let mut normalized = String::with_capacity(path.len());
    if path.starts_with('/') {
        normalized.push('/');
    }
    for (i, seg) in out.iter().enumerate() {
        if i > 0 {
            normalized.push('/');
        }
        normalized.push_str(seg);
    }
    if path.ends_with('/') && !out.is_empty() {
        normalized.push('/');
    }
    normalized
}

/// `email.utils.formatdate(t)` (localtime=False, usegmt=False):
/// `Mon, 06 May 2024 07:08:09 -0000`.
fn rfc2822(t: Timestamp) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Days since 1970-01-01 (a Thursday), Howard Hinnant's days_from_civil.
    let (m, d) = (i64::from(t.month), i64::from(t.day));
    let y = i64::from(t.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let weekday = DAYS
        .get(usize::try_from((days + 3).rem_euclid(7)).unwrap_or(0))
        .unwrap_or(&"Mon");
    let month = MONTHS
        .get(usize::from(t.month.saturating_sub(1)))
        .unwrap_or(&"Jan");
    format!(
        "{weekday}, {:02} {month} {:04} {:02}:{:02}:{:02} -0000",
        t.day, t.year, t.hour, t.minute, t.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments() {
        assert_eq!(remove_dot_segments("/"), "/");
        assert_eq!(remove_dot_segments("/a/./b/../c//d/"), "/a/c/d/");
        assert_eq!(remove_dot_segments("/.."), "/");
        assert_eq!(remove_dot_segments(""), "/");
    }

    #[test]
    fn formatdate() {
        let t = Timestamp::parse_rfc3339("2024-05-06T07:08:09Z").unwrap();
        assert_eq!(rfc2822(t), "Mon, 06 May 2024 07:08:09 -0000");
        let t = Timestamp::parse_rfc3339("2000-02-29T23:59:59Z").unwrap();
        assert_eq!(rfc2822(t), "Tue, 29 Feb 2000 23:59:59 -0000");
        let t = Timestamp::parse_rfc3339("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(rfc2822(t), "Thu, 01 Jan 1970 00:00:00 -0000");
    }
}
