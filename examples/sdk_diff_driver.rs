//! Driver for the differential tests in `tests/sdk_diff/`: the Python side
//! makes random requests, runs the official SDKs on them and asks this binary
//! what reinstall-kit does with the same input.
//!
//! Protocol: one JSON object per line on stdin, one JSON answer line on stdout,
//! in the same order.
//!
//! - `{"sign": <signRequest input>}` → `sign_answer_text`'s `{"value": {…}}`
//! - `{"build": {"provider": "…", "params": …, "context": …}}` →
//!   `{"value": <build_request result>}`
//!
//! A library error is answered `{"error": {"code": …, "message": …}}`, a
//! panic `{"panic": "message at file:line"}`, a line this driver cannot read
//! `{"harnessError": "…"}`.
//!
//! Build: `cargo build --release --example sdk_diff_driver`. The release
//! profile has `panic = "abort"`: the panic answer is still written (by the
//! panic hook), then the process ends and the Python wrapper starts a new
//! one. With `CARGO_PROFILE_RELEASE_PANIC=unwind` the same process goes on.

use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};

use reinstall_kit::api::{build_request, sign_answer_text, ApiError};
use serde_json::{json, Value};

fn main() {
    // The hook, not catch_unwind, writes the panic answer: under panic=abort
    // catch_unwind never gets control back.
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-string panic payload)".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        write_line(&json!({ "panic": format!("{message}{at}") }).to_string());
    }));

    let mut stdin = io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        match stdin.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("sdk_diff_driver: reading stdin: {e}");
                break;
            }
        }
        let text = match std::str::from_utf8(&line) {
            Ok(text) => text.trim(),
            Err(e) => {
                write_line(&harness_error(format!("line is not UTF-8: {e}")));
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        // On a panic the hook has already answered; just read the next line.
        if let Ok(answer) = panic::catch_unwind(AssertUnwindSafe(|| answer(text))) {
            write_line(&answer);
        }
    }
}

/// The answer line for one request line.
fn answer(text: &str) -> String {
    let request: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return harness_error(format!("line is not JSON: {e}")),
    };
    if let Some(input) = request.get("sign") {
        return match sign_answer_text(input) {
            Ok(text) => text,
            Err(e) => error(&e),
        };
    }
    if let Some(build) = request.get("build") {
        let Some(provider) = build.get("provider").and_then(Value::as_str) else {
            return harness_error("build.provider must be a string".to_string());
        };
        let params = build.get("params").unwrap_or(&Value::Null);
        let context = build.get("context").filter(|c| !c.is_null());
        return match build_request(provider, params, context) {
            Ok(value) => json!({ "value": value }).to_string(),
            Err(e) => error(&e),
        };
    }
    harness_error("expected {\"sign\": …} or {\"build\": …}".to_string())
}

fn error(e: &ApiError) -> String {
    json!({ "error": e.to_json() }).to_string()
}

fn harness_error(message: String) -> String {
    json!({ "harnessError": message }).to_string()
}

/// Writes one answer line and flushes it: the caller waits for each line.
/// A closed stdout (the caller went away) ends the process quietly.
fn write_line(text: &str) {
    let mut out = io::stdout().lock();
    if writeln!(out, "{text}").and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}
