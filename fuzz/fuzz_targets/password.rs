//! Password generation and checking. `generate` driven by an arbitrary
//! stream of u32 (then a fixed PRNG, so it always terminates) must return a
//! password its policy accepts, for the OS and username given, and which
//! `validate` accepts in that provider's password field. `check` and
//! `contains_username` take any text.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reinstall_kit::api;
use reinstall_kit::options::Os;
use reinstall_kit::providers;
use reinstall_kit::rules::password::contains_username;
use reinstall_kit::schema::{Generator, Operation};
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Input {
    provider: u8,
    os: u8,
    username: Option<String>,
    stream: Vec<u32>,
    candidate: String,
}

fuzz_target!(|input: Input| {
    // Every registered operation of every provider.
    let operations: Vec<(&str, &Operation)> = providers::ALL
        .iter()
        .flat_map(|p| p.operations.iter().map(move |op| (p.id, *op)))
        .collect();
    let (provider_id, operation) = operations[usize::from(input.provider) % operations.len()];
    let Some(field) = operation
        .fields
        .iter()
        .find(|f| f.generator == Some(Generator::Password))
    else {
        return;
    };
    let policy = field
        .password_policy()
        .expect("a password field has a policy");
    let os = match input.os % 3 {
        0 => None,
        1 => Some(Os::Linux),
        _ => Some(Os::Windows),
    };
    // As Options::from_json keeps it: at most 64 characters, never empty.
    let username: Option<String> = input
        .username
        .as_deref()
        .filter(|u| !u.is_empty())
        .map(|u| u.chars().take(64).collect());
    let effective = username.as_deref().or(os.map(Os::default_username));

    let mut i = 0;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        if let Some(&v) = input.stream.get(i) {
            i += 1;
            return v;
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 32) as u32
    };
    let pw = policy.generate(os, effective, &mut next);
    assert!(
        policy.check(&pw, os, effective).is_empty(),
        "generated {pw:?} fails its own policy"
    );

    // The same password through validate, in the provider's own field.
    let mut params = json!({});
    match field.name.split_once('.') {
        Some((outer, inner)) => params[outer] = json!({ inner: pw }),
        None => params[field.name] = Value::from(pw.as_str()),
    }
    let os_name = match os {
        None => Value::Null,
        Some(Os::Linux) => Value::from("linux"),
        Some(Os::Windows) => Value::from("windows"),
    };
    let options = json!({ "os": os_name, "username": username, "operation": operation.name });
    let out = api::validate(provider_id, &params, Some(&options)).expect("known provider");
    let on_field: Vec<&Value> = out["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["field"] == field.name)
        .collect();
    assert!(
        on_field.is_empty(),
        "{pw:?} refused by validate: {on_field:?}"
    );

    // Any text: the checker answers, never panics.
    let findings = policy.check(&input.candidate, os, effective);
    for f in &findings {
        assert!(!f.rule.is_empty());
    }
    let _ = contains_username(&input.candidate, input.username.as_deref().unwrap_or(""));
});
