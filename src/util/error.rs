//! Errors a caller gets for a programming mistake (unknown provider, malformed
//! signing input), as opposed to the issues of a request.

use serde_json::{Map, Value};

use crate::util::json::push_json_str;

/// A caller's programming error (unknown provider or scheme, malformed signing
/// input). The JS layer throws it as an `Error` with this `code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("code".into(), Value::from(self.code));
        m.insert("message".into(), Value::from(self.message.clone()));
        Value::Object(m)
    }

    /// [`ApiError::to_json`] written as JSON text.
    pub fn push_json(&self, out: &mut String) {
        out.push_str("{\"code\":");
        push_json_str(out, self.code);
        out.push_str(",\"message\":");
        push_json_str(out, &self.message);
        out.push('}');
    }
}

impl core::fmt::Display for ApiError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// `unknown <what> "<name>"<context>; known: a, b`: the error for a name
/// that is not registered, listing the ones that are. Pushed piece by piece:
/// no `format!`/`join` machinery in the wasm.
pub fn unknown(
    code: &'static str,
    what: &str,
    name: &str,
    context: &str,
    known: &mut dyn Iterator<Item = &'static str>,
) -> ApiError {
    let mut message = String::from("unknown ");
    message.push_str(what);
    message.push_str(" \"");
    message.push_str(&shown(name));
    message.push('"');
    message.push_str(context);
    message.push_str("; known: ");
    for (i, k) in known.enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(k);
    }
    ApiError::new(code, message)
}

/// A caller-given name as it may appear in an error message: at most 64
/// printable ASCII characters (no Unicode escaping tables needed, no 10 MB messages).
pub fn shown(s: &str) -> String {
    s.chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}
