//! Every signing scheme on structured requests: a URL assembled from parts
//! (sometimes well formed, sometimes not), arbitrary headers, body, time,
//! nonce, token, region and service; with and without a secret.
//! Checks: no panic; deterministic; the JSON API agrees with `signing::sign`;
//! a signature exactly when a secret is given; the secret never comes back.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reinstall_kit::api;
use reinstall_kit::signing::{self, encode, Scheme, Secret, SignInput, Timestamp};
use reinstall_kit_fuzz::{assert_no_canary, CANARY_SECRET};
use serde_json::{json, Map, Value};

#[derive(Arbitrary, Debug)]
struct Input {
    scheme: u8,
    method: u8,
    raw_method: String,
    url_kind: u8,
    host: String,
    path: String,
    query: Vec<(String, String)>,
    raw_url: String,
    headers: Vec<(String, String)>,
    body: String,
    time: (u16, u8, u8, u8, u8, u8),
    nonce: Option<String>,
    access_key_id: String,
    with_secret: bool,
    token: Option<String>,
    region: Option<String>,
    service: Option<String>,
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "get", "DELETE"];
const HOSTS: [&str; 4] = [
    "ecs.cn-hangzhou.aliyuncs.com",
    "KEC.api.ksyun.com:443",
    "open.volcengineapi.com",
    "[::1]:8443",
];

fuzz_target!(|input: Input| {
    let scheme = Scheme::ALL[usize::from(input.scheme) % Scheme::ALL.len()];
    let method = match input.method % 6 {
        5 => input.raw_method.clone(),
        m => METHODS[usize::from(m)].to_string(),
    };
    let query = input
        .query
        .iter()
        .map(|(k, v)| format!("{}={}", encode::rfc3986(k), encode::rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let host = if input.url_kind & 1 == 0 {
        HOSTS[usize::from(input.url_kind / 2) % HOSTS.len()].to_string()
    } else {
        input.host.clone()
    };
    let url = match input.url_kind % 5 {
        4 => input.raw_url.clone(),
        3 => format!("https://{host}{}?{}", input.path, input.raw_url),
        _ => format!(
            "https://{host}/{}?{query}",
            encode::rfc3986_path(&input.path)
        ),
    };
    let (y, mo, d, h, mi, s) = input.time;
    let stamp = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        y % 10000,
        mo % 13,
        d % 32,
        h % 25,
        mi % 61,
        s % 61
    );
    let Some(timestamp) = Timestamp::parse_rfc3339(&stamp) else {
        return;
    };
    let everything = format!("{input:?}");
    // Pieces can meet in the assembled URL (a host ending in "qX7", a path
    // starting "-canary…"): such an input carries the canary itself.
    if everything.contains(CANARY_SECRET) || url.contains(CANARY_SECRET) {
        return;
    }
    let secret = input.with_secret.then(|| Secret::new(CANARY_SECRET));
    let sign_input = SignInput {
        scheme,
        method: method.clone(),
        url: url.clone(),
        headers: input.headers.clone(),
        body: input.body.clone(),
        timestamp,
        nonce: input.nonce.clone(),
        access_key_id: input.access_key_id.clone(),
        secret_access_key: secret,
        security_token: input.token.clone().map(Secret::new),
        region: input.region.clone(),
        service: input.service.clone(),
    };
    let debug = format!("{sign_input:?}");
    assert!(!debug.contains(CANARY_SECRET), "Debug shows the secret");

    let direct = signing::sign(&sign_input);
    assert_eq!(signing::sign(&sign_input), direct, "not deterministic");
    if let Ok(r) = &direct {
        assert_eq!(r.signature.is_some(), input.with_secret);
        for s in [&r.canonical_request, &r.string_to_sign, &r.url, &r.body] {
            assert!(!s.contains(CANARY_SECRET));
        }
        for (k, v) in &r.headers {
            assert!(!k.contains(CANARY_SECRET) && !v.contains(CANARY_SECRET));
        }
    }

    // The same through the JSON API (headers as an object: last value of a name wins).
    let mut headers = Map::new();
    for (k, v) in &input.headers {
        headers.insert(k.clone(), Value::from(v.as_str()));
    }
    let mut obj = json!({
        "scheme": scheme.id(),
        "method": method,
        "url": url,
        "headers": headers,
        "body": input.body,
        "timestamp": stamp,
        "nonce": input.nonce,
        "accessKeyId": input.access_key_id,
        "securityToken": input.token,
        "region": input.region,
        "service": input.service,
    });
    if input.with_secret {
        obj["secretAccessKey"] = Value::from(CANARY_SECRET);
    }
    match api::sign_request(&obj) {
        Ok(out) => {
            assert_no_canary(&out);
            assert_eq!(out.get("signature").is_some(), input.with_secret);
        }
        Err(e) => {
            assert!(!e.code.is_empty() && !e.message.contains(CANARY_SECRET));
        }
    }
});
