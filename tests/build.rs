//! buildRequest: validation first, then the request the official SDK sends,
//! then its signature; the secret never shows.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::*;

use reinstall_kit::api::build_request;
use serde_json::{json, Value};

fn ctx(region: &str) -> Value {
    json!({
        "region": region,
        "accessKeyId": "AKIDEXAMPLE",
        "secretAccessKey": "CANARY-SECRET-7f3a9c",
        "timestamp": "2024-05-06T07:08:09Z",
        "nonce": "a6c1b8d0-1f7e-4c52-9d3e-0b5a7f2c4e91",
        "clientToken": "123e4567-e89b-12d3-a456-426655440000"
    })
}

#[test]
fn invalid_params_give_issues_and_no_request() {
    let out = build_request(
        "aliyun",
        &json!({"InstanceId": "i-1"}),
        Some(&ctx("cn-hangzhou")),
    )
    .unwrap();
    assert_eq!(out["ok"], false);
    assert!(out.get("request").is_none());
    assert!(out.get("signing").is_none());
}

#[test]
fn every_example_builds_and_signs_without_leaking_the_secret() {
    for (id, op) in operations() {
        let region = provider_info(id)["region"]["example"].clone();
        // The default scheme (none named), then each of the operation's schemes.
        for scheme in [None]
            .into_iter()
            .chain(op.schemes.iter().map(|s| Some(s.id())))
        {
            let mut context = ctx(region.as_str().unwrap());
            context["operation"] = json!(op.name);
            if let Some(s) = scheme {
                context["scheme"] = json!(s);
            }
            let what = format!("{id} {} {scheme:?}", op.name);
            let out = build_request(id, &op.example_params(), Some(&context)).unwrap();
            assert_eq!(out["ok"], true, "{what}: {out}");
            let text = out.to_string();
            assert!(!text.contains("CANARY-SECRET"), "{what} leaked the secret");
            assert!(out["signing"]["signature"].is_string(), "{what}: {out}");
            let used = scheme.unwrap_or(op.schemes[0].id());
            assert_eq!(out["signing"]["scheme"], used, "{what}");
            assert!(
                out["curl"].as_str().unwrap().starts_with("curl -X"),
                "{what}"
            );
        }
    }
}

/// Flat list names come in any order (a `serde_json::Value` even sorts them
/// as text: `KeyId.1`, `KeyId.10`, `KeyId.2`); they are sent by position,
/// as an array gives them and kscore sends them.
#[test]
fn list_items_are_sent_by_position() {
    let mut params = json!({
        "InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738",
        "InstancePassword": "1qaQ!abc",
    });
    let keys: Vec<String> = (1..=10)
        .map(|i| format!("552a0523-b9b4-4868-b8d9-52ad7a38bf{i:02}"))
        .collect();
    for (i, key) in keys.iter().enumerate() {
        params[format!("KeyId.{}", i + 1)] = json!(key);
    }
    let out = build_request("ksyun", &params, Some(&ctx("cn-beijing-6"))).unwrap();
    assert_eq!(out["ok"], true, "{}", out["issues"]);
    let url = out["request"]["url"].as_str().unwrap();
    let sent: Vec<&str> = url
        .split(['?', '&'])
        .filter(|p| p.starts_with("KeyId."))
        .collect();
    let expected: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| format!("KeyId.{}={key}", i + 1))
        .collect();
    assert_eq!(sent, expected);
}

/// The host comes from the region as the official SDK resolves it: its
/// endpoint map first, then the published pattern.
#[test]
fn endpoints_follow_the_sdk_endpoint_maps() {
    let aliyun = json!({"InstanceId": "i-bp67acfmxazb4ph****", "ImageId": "m-bp67acfmxazb4ph****"});
    let volc = json!({"InstanceId": "i-a8j6n1i4hojfqpa0****", "ImageId": "image-38dfk6rfisf6kir6****", "Password": "Password@123"});
    let otc = example("otc");
    for (provider, params, region, origin) in [
        ("otc", &otc, "eu-de", "https://ecs.eu-de.otc.t-systems.com/"),
        (
            "otc",
            &otc,
            "eu-ch2",
            "https://ecs.eu-ch2.sc.otc.t-systems.com/",
        ),
        (
            "aliyun",
            &aliyun,
            "cn-hangzhou",
            "https://ecs-cn-hangzhou.aliyuncs.com/",
        ),
        ("aliyun", &aliyun, "cn-wuhan", "https://ecs.aliyuncs.com/"),
        (
            "aliyun",
            &aliyun,
            "cn-beijing",
            "https://ecs.cn-beijing.aliyuncs.com/",
        ),
        (
            "volcengine",
            &volc,
            "cn-beijing",
            "https://open.volcengineapi.com/",
        ),
        (
            "volcengine",
            &volc,
            "ap-southeast-3",
            "https://ecs.ap-southeast-3.volcengineapi.com/",
        ),
    ] {
        let out = build_request(provider, params, Some(&ctx(region))).unwrap();
        let url = out["request"]["url"].as_str().unwrap();
        assert!(url.starts_with(origin), "{provider} {region}: {url}");
        let host = origin.trim_start_matches("https://").trim_end_matches('/');
        // providers() says the same, for forms that show the endpoint.
        let described = provider_info(provider);
        let pattern = described["region"]["endpoint"].as_str().unwrap();
        let shown = match described["region"]["hosts"][region].as_str() {
            Some(h) => format!("https://{h}/"),
            None => format!("{}/", pattern.replace("{region}", region)),
        };
        assert_eq!(shown, origin, "{provider} {region}");
        assert_eq!(
            out["request"]["headers"]["host"]
                .as_str()
                .or(out["request"]["headers"]["Host"].as_str()),
            Some(host)
        );
    }
}

/// `context.clientToken` is sent as the ClientToken parameter when the
/// parameters have none: it is held to that parameter's rules.
#[test]
fn a_context_client_token_is_checked_as_the_parameter() {
    let aliyun = json!({"InstanceId": "i-1", "ImageId": "m-1"});
    let volc = json!({"InstanceId": "i-1", "ImageId": "image-1", "Password": "Password@123"});
    for (provider, params, token, rule, severity) in [
        ("aliyun", &aliyun, "x".repeat(65), "length", "error"),
        ("aliyun", &aliyun, "é".to_string(), "format.ascii", "error"),
        ("volcengine", &volc, "x".repeat(65), "length", "warning"),
    ] {
        let mut context = ctx(if provider == "aliyun" {
            "cn-hangzhou"
        } else {
            "cn-beijing"
        });
        context["clientToken"] = json!(token);
        let out = build_request(provider, params, Some(&context)).unwrap();
        let issues = out["issues"].as_array().unwrap();
        assert_eq!(out["ok"], severity == "warning", "{provider}: {out}");
        let issue = issues
            .iter()
            .find(|i| i["field"] == "context.clientToken")
            .unwrap_or_else(|| panic!("{provider}: {issues:?}"));
        assert_eq!(
            (issue["rule"].as_str(), issue["severity"].as_str()),
            (Some(rule), Some(severity))
        );
        // Given as a parameter, the parameter's own token wins and the
        // context's is neither checked nor sent.
        let mut own = params.clone();
        own["ClientToken"] = json!("own-token");
        let out = build_request(provider, &own, Some(&context)).unwrap();
        assert_eq!(out["ok"], true, "{out}");
        assert!(out["request"]["url"]
            .as_str()
            .unwrap()
            .contains("ClientToken=own-token"));
    }
}

/// `context.endpoint` is `[https://]host[:port]`: a DNS name or an IP
/// address, and a port from 1 to 65535.
#[test]
fn an_endpoint_is_a_host_and_port() {
    let params = json!({"InstanceId": "i-1", "ImageId": "m-1"});
    for (endpoint, origin) in [
        ("ecs.example.com", Some("https://ecs.example.com")),
        (
            "https://ecs.example.com:8443",
            Some("https://ecs.example.com:8443"),
        ),
        ("http://127.0.0.1:65535", Some("http://127.0.0.1:65535")),
        ("https://[::1]:443", Some("https://[::1]:443")),
        ("[2001:db8::1]", Some("https://[2001:db8::1]")),
        ("javascript:alert(1)", None),
        ("host:99999", None),
        ("host:0", None),
        ("host:", None),
        ("user@host", None),
        ("https://", None),
        ("[::1", None),
        ("[zz]:1", None),
        ("ftp://host", None),
        ("https://host/path", None),
        (
            "https://ECS.Example.com.:443",
            Some("https://ecs.example.com.:443"),
        ),
        ("https://[::]:8080", Some("https://[::]:8080")),
        ("https://a..b", None),
        ("https://.", None),
        ("https://-bad.com", None),
        ("https://256.1.1.1", None),
        ("https://1.2.3", None),
        ("https://0x7f.1", None),
        ("https://[:]", None),
        ("https://[.]", None),
        ("https://[1.2.3.4]", None),
        ("https://[1:2:3:4:5:6:7:8:9]", None),
        ("https://host:0443", None),
        ("https://host#frag", None),
        ("https://host?", None),
    ] {
        let mut context = ctx("cn-hangzhou");
        context["endpoint"] = json!(endpoint);
        let out = build_request("aliyun", &params, Some(&context)).unwrap();
        match origin {
            Some(origin) => {
                assert_eq!(out["ok"], true, "{endpoint}: {out}");
                let url = out["request"]["url"].as_str().unwrap();
                assert!(url.starts_with(&format!("{origin}/?")), "{endpoint}: {url}");
            }
            None => {
                assert_eq!(out["ok"], false, "{endpoint}: {out}");
                let issues = out["issues"].as_array().unwrap();
                assert!(
                    issues.iter().any(|i| i["field"] == "context.endpoint"),
                    "{endpoint}: {issues:?}"
                );
            }
        }
    }
}
