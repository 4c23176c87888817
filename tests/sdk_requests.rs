//! The request built from each seed example equals, field for field, what
//! the provider's official SDK sends for the same input
//! (tests/vectors/requests/*.json, recorded by tests/vectors/gen/).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use reinstall_kit::api::build_request;
use serde_json::{Map, Value};

fn lower_keys(headers: &Value) -> Map<String, Value> {
    headers
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Builds `params` with `context` and compares with the recorded request and signing.
fn compare(name: &str, params: &Value, context: &Value, request: &Value, signing: &Value) {
    let mut context = context.clone();
    // The SDKs send a User-Agent of their own; we send one only when asked.
    if let Some(ua) = lower_keys(&request["headers"]).get("user-agent") {
        context["userAgent"] = ua.clone();
    }
    let out =
        build_request(name.split('/').next().unwrap(), params, Some(&context)).expect("builds");
    assert_eq!(out["ok"], true, "{name}: {out}");
    let got = &out["request"];
    assert_eq!(got["method"], request["method"], "{name}: method");
    assert_eq!(got["url"], request["url"], "{name}: url");
    assert_eq!(got["body"], request["body"], "{name}: body");
    assert_eq!(
        lower_keys(&got["headers"]),
        lower_keys(&request["headers"]),
        "{name}: headers"
    );
    for field in [
        "canonicalRequest",
        "stringToSign",
        "signedHeaders",
        "signature",
        "authorization",
    ] {
        if !signing[field].is_null() {
            assert_eq!(out["signing"][field], signing[field], "{name}: {field}");
        }
    }
}

fn load(text: &str) -> Value {
    serde_json::from_str(text).expect("request vector is JSON")
}

#[test]
fn huaweicloud_matches_huaweicloudsdkecs() {
    let v = load(include_str!("vectors/requests/huaweicloud.json"));
    compare(
        "huaweicloud",
        &v["input"]["params"],
        &v["input"]["context"],
        &v["request"],
        &v["signing"],
    );
}

/// Every body member at once, given in another order: the body is written
/// in the SDK model's member order, whatever order the caller used.
#[test]
fn huawei_and_otc_bodies_keep_the_sdk_model_order() {
    for text in [
        include_str!("vectors/requests/huaweicloud-every-member.json"),
        include_str!("vectors/requests/otc-every-member.json"),
    ] {
        let v = load(text);
        compare(
            v["provider"].as_str().unwrap(),
            &v["input"]["params"],
            &v["input"]["context"],
            &v["request"],
            &v["signing"],
        );
    }
}

#[test]
fn otc_matches_huaweicloudsdkecs() {
    let v = load(include_str!("vectors/requests/otc.json"));
    compare(
        "otc",
        &v["input"]["params"],
        &v["input"]["context"],
        &v["request"],
        &v["signing"],
    );
}

#[test]
fn ksyun_matches_kscore_with_documented_list_names() {
    let v = load(include_str!("vectors/requests/ksyun.json"));
    let d = &v["documentedNames"];
    compare(
        "ksyun",
        &d["params"],
        &v["input"]["context"],
        &d["request"],
        &d["signing"],
    );
}

/// Builds `params` and returns `(out, request)`.
fn built(provider: &str, params: &Value, context: &Value) -> (Value, Value) {
    let out = build_request(provider, params, Some(context)).expect("builds");
    assert_eq!(out["ok"], true, "{provider}: {out}");
    let request = out["request"].clone();
    (out, request)
}

/// Signs `request` (with `extra` headers the SDK adds for its own telemetry)
/// through `signRequest`, as the SDK's signer would see it.
fn resign(
    scheme: &str,
    request: &Value,
    extra: &Map<String, Value>,
    context: &Value,
    service: Option<&str>,
) -> Value {
    let mut headers = request["headers"].as_object().cloned().unwrap_or_default();
    headers.retain(|k, _| {
        !matches!(
            k.to_ascii_lowercase().as_str(),
            "authorization"
                | "host"
                | "x-date"
                | "x-content-sha256"
                | "x-acs-date"
                | "x-acs-signature-nonce"
                | "x-acs-content-sha256"
        )
    });
    headers.extend(extra.clone());
    let input = serde_json::json!({
        "scheme": scheme, "method": request["method"], "url": request["url"], "headers": headers,
        "body": request["body"], "timestamp": context["timestamp"], "nonce": context["nonce"],
        "accessKeyId": context["accessKeyId"], "secretAccessKey": context["secretAccessKey"],
        "region": context["region"], "service": service,
    });
    reinstall_kit::api::sign_request(&input).expect("signs")
}

fn pick(headers: &Value, names: &[&str]) -> Map<String, Value> {
    lower_keys(headers)
        .into_iter()
        .filter(|(k, _)| names.contains(&k.as_str()))
        .collect()
}

#[test]
fn volcengine_matches_volcengine_python_sdk() {
    let v = load(include_str!("vectors/requests/volcengine.json"));
    let mut context = v["input"]["context"].clone();
    context["endpoint"] = "https://open.volcengineapi.com".into();
    context["clientToken"] = false.into(); // the SDK sends none unless asked
    let (_, request) = built("volcengine", &v["input"]["params"], &context);
    let sdk = &v["request"];
    assert_eq!(request["method"], sdk["method"]);
    assert_eq!(request["url"], sdk["url"]);
    assert_eq!(request["body"], sdk["body"]);
    let api = [
        "accept",
        "content-type",
        "host",
        "x-date",
        "x-content-sha256",
    ];
    assert_eq!(pick(&request["headers"], &api), pick(&sdk["headers"], &api));
    // With the SDK's own signed telemetry headers added, the signature is the SDK's.
    let extra = pick(&sdk["headers"], &["x-sdk-invocation-id", "x-sdk-request"]);
    let signed = resign("volc-hmac-sha256", &request, &extra, &context, Some("ecs"));
    assert_eq!(signed["canonicalRequest"], v["signing"]["canonicalRequest"]);
    assert_eq!(signed["signature"], v["signing"]["signature"]);
}

#[test]
fn aliyun_acs3_matches_alibabacloud_ecs20140526() {
    let v = load(include_str!("vectors/requests/aliyun.json"));
    let r = &v["acs3"];
    // No endpoint given: the region's host comes from the SDK's endpoint map.
    let context = r["input"]["context"].clone();
    let (out, request) = built("aliyun", &r["input"]["params"], &context);
    let sdk = &r["request"];
    assert_eq!(request["method"], sdk["method"]);
    assert_eq!(request["url"], sdk["url"]);
    assert_eq!(request["body"], sdk["body"]);
    let api = [
        "accept",
        "host",
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
    ];
    assert_eq!(pick(&request["headers"], &api), pick(&sdk["headers"], &api));
    // The SDK also signs accept and user-agent; we sign what the V3 document and the
    // npm SDK sign (host, content-type, x-acs-*): that vector is the reference.
    let vectors = load(include_str!("vectors/aliyun-acs3.json"));
    let reference = vectors["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "reinstall-replace-system-disk-ecs20140526")
        .expect("reference vector");
    assert_eq!(request["url"], reference["input"]["url"]);
    let extra = pick(&sdk["headers"], &["x-acs-credentials-provider"]);
    let signed = resign("aliyun-acs3", &request, &extra, &context, None);
    assert_eq!(signed["signature"], reference["expected"]["signature"]);
    assert!(out["signing"]["signature"].is_string());
}

#[test]
fn aliyun_rpc_v1_matches_aliyun_python_sdk_ecs() {
    let v = load(include_str!("vectors/requests/aliyun.json"));
    let r = &v["rpcV1"];
    let mut context = r["input"]["context"].clone();
    context["endpoint"] = "http://ecs-cn-hangzhou.aliyuncs.com".into();
    context["scheme"] = "aliyun-rpc-v1".into();
    let (out, request) = built("aliyun", &r["input"]["params"], &context);
    let sdk = &r["request"];
    assert_eq!(request["method"], sdk["method"]);
    assert_eq!(request["body"], sdk["body"]);
    // aliyunsdkcore also sends an empty SignatureType=; with it, the parameters,
    // the canonical string and the signature are the SDK's.
    let query = |url: &Value| {
        let mut pairs: Vec<String> = url
            .as_str()
            .unwrap()
            .split_once('?')
            .unwrap()
            .1
            .split('&')
            .filter(|p| !p.starts_with("Signature="))
            .map(str::to_string)
            .collect();
        pairs.sort();
        pairs
    };
    let mut ours = query(&request["url"]);
    ours.push("SignatureType=".into());
    ours.sort();
    assert_eq!(ours, query(&sdk["url"]));
    let url = format!(
        "{}&SignatureType=",
        request["url"]
            .as_str()
            .unwrap()
            .split("&Signature=")
            .next()
            .unwrap()
    );
    let mut unsigned = request.clone();
    unsigned["url"] = url.into();
    let signed = resign("aliyun-rpc-v1", &unsigned, &Map::new(), &context, None);
    assert_eq!(signed["canonicalRequest"], r["signing"]["canonicalRequest"]);
    assert_eq!(signed["signature"], r["signing"]["signature"]);
    assert!(out["signing"]["signature"].is_string());
}

/// The ACS3 URL lists the parameters in the SDK's order (by name, the
/// SystemDisk struct last), whatever order the caller gave them in.
#[test]
fn aliyun_acs3_query_in_the_sdk_order() {
    let v = load(include_str!("vectors/requests/aliyun-acs3-order.json"));
    let (_, request) = built("aliyun", &v["input"]["params"], &v["input"]["context"]);
    assert_eq!(request["method"], v["request"]["method"]);
    assert_eq!(request["url"], v["request"]["url"]);
}

/// RPC v1 with an STS token: SecurityToken sits among the request's own
/// parameters, before Version, Action, Format and RegionId, as aliyunsdkcore
/// sends it (it also sends an empty SignatureType, left out of the comparison).
#[test]
fn aliyun_rpc_v1_places_the_security_token_as_the_sdk() {
    let v = load(include_str!("vectors/requests/aliyun-rpc-token.json"));
    let mut context = v["input"]["context"].clone();
    context["endpoint"] = "http://ecs-cn-hangzhou.aliyuncs.com".into();
    let (_, request) = built("aliyun", &v["input"]["params"], &context);
    let names = |url: &Value| -> Vec<String> {
        let query = url.as_str().unwrap().split_once('?').unwrap().1;
        query
            .split('&')
            .filter(|p| !p.starts_with("Signature=") && !p.starts_with("SignatureType="))
            .map(str::to_string)
            .collect()
    };
    // The request's own parameters come in the caller's order of `set_*`
    // calls (a set); from SecurityToken on, the order is the SDK's.
    let split = |all: Vec<String>| {
        let at = all
            .iter()
            .position(|p| p.starts_with("SecurityToken="))
            .expect("token sent");
        let (own, rest) = all.split_at(at);
        let mut own = own.to_vec();
        own.sort();
        (own, rest.to_vec())
    };
    assert_eq!(
        split(names(&request["url"])),
        split(names(&v["request"]["url"]))
    );
}

/// Every registered provider has its recorded SDK request
/// (tests/vectors/requests/<id>.json, also the fuzz seeds of fuzz/seed.mjs),
/// and every recorded request names a registered provider.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_provider_has_a_recorded_sdk_request() {
    use reinstall_kit::providers;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/requests");
    for p in providers::ALL {
        assert!(
            dir.join(format!("{}.json", p.id)).is_file(),
            "provider {} has no tests/vectors/requests/{}.json (recorded from its official SDK by tests/vectors/gen/)",
            p.id,
            p.id
        );
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc = load(&std::fs::read_to_string(&path).unwrap());
            let id = doc["provider"].as_str().unwrap_or_default();
            assert!(
                providers::find(id).is_some(),
                "{}: provider {id:?} is not registered",
                path.display()
            );
        }
    }
}
