//! What the fuzz targets share: choosing a provider and options from a byte,
//! a signing context, structured JSON values whose keys are the documented
//! names, and the checks every `{ok, issues}` answer must pass.

use arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Number, Value};

use reinstall_kit::util::limits::{MAX_ENTRIES, MAX_NAME_BYTES};
use reinstall_kit::providers;

/// A secret no input ever carries: it must never come back in any output.
pub const CANARY_SECRET: &str = "qX7-canary-SECRET-must-not-leak-9Zw";

/// `flags` → a provider id and the options `{os, locale}` to validate with.
pub fn selector(flags: u8) -> (&'static str, Value) {
    let count = providers::ALL.len();
    let provider = providers::ALL[usize::from(flags) % count].id;
    let rest = usize::from(flags) / count;
    let os = match rest % 3 {
        0 => Value::Null,
        1 => Value::from("linux"),
        _ => Value::from("windows"),
    };
    let locale = if (rest / 3).is_multiple_of(2) {
        "en"
    } else {
        "zh"
    };
    (provider, json!({ "os": os, "locale": locale }))
}

/// A valid `buildRequest` context for `provider` that signs with [`CANARY_SECRET`],
/// carrying the same `os`/`locale`/`username` as `options`.
pub fn context(provider: &str, options: &Value) -> Value {
    let region = providers::find(provider).map_or("cn-north-4", |p| p.region.example);
    let mut ctx = json!({
        "region": region,
        "accessKeyId": "AKIDFUZZ",
        "secretAccessKey": CANARY_SECRET,
        "timestamp": "2024-05-06T07:08:09Z",
        "nonce": "fuzz-nonce",
        "clientToken": "123e4567-e89b-12d3-a456-426655440000",
    });
    if let (Value::Object(o), Value::Object(c)) = (options, &mut ctx) {
        for key in ["os", "locale", "username"] {
            if let Some(v) = o.get(key) {
                c.insert(key.into(), v.clone());
            }
        }
    }
    ctx
}

/// Checks the shape of `{ok, issues}` and that `ok` means "no error issue".
/// Returns `ok`.
pub fn check_result(out: &Value) -> bool {
    let ok = out["ok"].as_bool().expect("ok is a boolean");
    let issues = out["issues"].as_array().expect("issues is an array");
    let mut errors = 0;
    let mut reading = 0;
    for issue in issues {
        let field = issue["field"].as_str().expect("field is a string");
        // Longer names are not read and are shown cut to 64 bytes and `…`.
        assert!(
            field.len() <= MAX_NAME_BYTES,
            "issue field of {} bytes",
            field.len()
        );
        if issue["rule"]
            .as_str()
            .is_some_and(|r| r.starts_with("params."))
        {
            reading += 1;
        }
        assert!(issue["rule"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(issue["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(issue["code"].is_null() || issue["code"].is_string());
        match issue["severity"].as_str() {
            Some("error") => errors += 1,
            Some("warning") => {}
            other => panic!("bad severity {other:?}"),
        }
    }
    assert_eq!(ok, errors == 0, "ok must mean: no error issue");
    // Every node skipped while reading counts towards MAX_ENTRIES.
    assert!(reading <= MAX_ENTRIES + 1, "{reading} reading issues");
    ok
}

/// Every string anywhere in `v` (keys included).
pub fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                strings(v, out);
            }
        }
        _ => {}
    }
}

/// Asserts `CANARY_SECRET` appears in no string of `out`.
pub fn assert_no_canary(out: &Value) {
    let mut all = Vec::new();
    strings(out, &mut all);
    for s in all {
        assert!(!s.contains(CANARY_SECRET), "the secret leaked into {s:?}");
    }
}

/// Names worth using as keys: every documented name and its segments.
pub fn known_names() -> Vec<String> {
    let mut names: Vec<String> = vec![
        "Action".into(),
        "Version".into(),
        "__proto__".into(),
        "constructor".into(),
        "1".into(),
        "2".into(),
        "0".into(),
        "01".into(),
        "-1".into(),
        "N".into(),
        "".into(),
    ];
    for op in providers::ALL.iter().flat_map(|p| p.operations) {
        for f in op.fields {
            for pos in ["1", "2", "11"] {
                names.push(f.name.replace(".N", &format!(".{pos}")));
            }
            names.push(f.name.to_string());
            names.extend(f.name.split('.').map(str::to_string));
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Values the rules look at closely.
pub const INTERESTING: &[&str] = &[
    "true",
    "false",
    "TRUE",
    "False",
    "0",
    "1",
    "-1",
    "20",
    "80",
    "500",
    "2048",
    "2049",
    "999999999999999",
    "99999999999999999999",
    "e215580f-73ad-429d-b6f2-5433947433b0",
    "E215580F-73AD-429D-B6F2-5433947433B0",
    "i-bp67acfmxazb4ph****",
    "Admin123",
    "EcsV587!",
    "Administrator",
    "rotartsinimdA1!",
    "1qaQ!abc",
    "$6$abcdefgh",
    "/Abc1234!",
    "linux",
    "windows",
    "Active",
    "Deactive",
    "offline",
    "online",
    "withStopServer",
    "aGVsbG8=",
    "aGVsbG8",
    "KeyPair-350b",
    "",
    " ",
    "\u{0}",
    "~#*",
    "中文密码Abc1!",
];

fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> Result<&'a T> {
    Ok(&items[u.choose_index(items.len())?])
}

/// An arbitrary JSON value nested at most `depth` deep, keys mostly documented names.
pub fn arbitrary_value(u: &mut Unstructured, names: &[String], depth: usize) -> Result<Value> {
    let max = if depth == 0 { 5 } else { 7 };
    Ok(match u.int_in_range(0..=max)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        4 => Value::String(u.arbitrary()?),
        5 => Value::from(*pick(u, INTERESTING)?),
        6 => {
            let n = u.int_in_range(0..=12)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(arbitrary_value(u, names, depth - 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let n = u.int_in_range(0..=12)?;
            let mut map = Map::new();
            for _ in 0..n {
                let key = if u.ratio(3, 4)? {
                    pick(u, names)?.clone()
                } else {
                    u.arbitrary()?
                };
                map.insert(key, arbitrary_value(u, names, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}
