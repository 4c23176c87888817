//! A provider and its reinstall API as the engines see it: identity, signing
//! schemes, endpoints, the field table, the cross-field rules and the builder.

use serde_json::Value;

use crate::issue::{Report, Text};
use crate::options::Options;
use crate::schema::{Draft, Field, Target, Values};
use crate::signing::Scheme;
use crate::util::json::{push_json_str, push_key_bool};

/// Where a provider's API lives.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    /// Whether a region (or an explicit endpoint) must be given.
    pub required: bool,
    pub example: &'static str,
    /// The published endpoint pattern, `{region}` to be replaced.
    pub endpoint: &'static str,
    /// Regions whose host the official SDK takes from its own endpoint map
    /// instead of the pattern: `(region, host)`.
    pub hosts: &'static [(&'static str, &'static str)],
}

/// One provider's reinstall API.
pub struct Provider {
    pub id: &'static str,
    pub name: Text,
    pub operation: &'static str,
    pub docs: &'static str,
    /// Signing schemes, the default first.
    pub schemes: &'static [Scheme],
    pub region: Region,
    /// Parameters with one allowed value (`Action`, `Version`): accepted when equal.
    pub fixed: &'static [(&'static str, &'static str)],
    pub fields: &'static [Field],
    /// The provider's code for parameters that are not a readable JSON object
    /// (a body the server cannot parse); `None` where everything is in the query.
    pub malformed_code: Option<&'static str>,
    /// Cross-field rules, run after every field was read.
    pub cross: fn(&Values<'_>, &Options, &mut Report),
    /// Builds the unsigned request from valid values.
    pub build: fn(&Values<'_>, &Target<'_>) -> Draft,
    /// What the server checks and this library cannot.
    pub preconditions: &'static [Text],
    /// The seed document's example request (placeholders made well-formed).
    pub example: &'static str,
}

impl Provider {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn example_params(&self) -> Value {
        serde_json::from_str(self.example).unwrap_or(Value::Null)
    }

    /// The provider as `providers()` describes it.
    pub fn to_json(&self) -> Value {
        let mut out = String::new();
        self.write_json(&mut out);
        serde_json::from_str(&out).unwrap_or(Value::Null)
    }

    /// [`Provider::to_json`] as JSON text, keys in any order (parsing sorts
    /// them): smaller WebAssembly than building the `Value` member by member.
    pub(crate) fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":");
        push_json_str(out, self.id);
        out.push_str(",\"name\":");
        self.name.write_json(out);
        out.push_str(",\"operation\":");
        push_json_str(out, self.operation);
        out.push_str(",\"docs\":");
        push_json_str(out, self.docs);
        out.push_str(",\"schemes\":[");
        for (i, s) in self.schemes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, s.id());
        }
        push_key_bool(out, "],\"region\":{\"required\":", self.region.required);
        out.push_str(",\"example\":");
        push_json_str(out, self.region.example);
        out.push_str(",\"endpoint\":");
        push_json_str(out, self.region.endpoint);
        out.push_str(",\"hosts\":{");
        for (i, (region, host)) in self.region.hosts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, region);
            out.push(':');
            push_json_str(out, host);
        }
        out.push_str("}},\"fixed\":{");
        for (i, (k, v)) in self.fixed.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, k);
            out.push(':');
            push_json_str(out, v);
        }
        out.push_str("},\"fields\":[");
        for (i, f) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            f.write_json(out);
        }
        out.push_str("],\"preconditions\":[");
        for (i, t) in self.preconditions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            t.write_json(out);
        }
        // The example is JSON text already; parsing normalizes it.
        out.push_str("],\"example\":");
        out.push_str(self.example);
        out.push('}');
    }
}
