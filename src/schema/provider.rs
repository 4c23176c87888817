//! A provider and its reinstall API as the engines see it: identity, signing
//! schemes, endpoints, the field table, the cross-field rules and the builder.

use serde_json::Value;

#[cfg(feature = "descriptions")]
use crate::issue::Locale;
use crate::issue::{Report, Text};
use crate::options::Options;
use crate::schema::{Draft, Field, Target, Values};
use crate::signing::Scheme;
use crate::util::error::{unknown, ApiError};
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

/// One cloud's reinstall APIs: who it is, where its endpoints are, and its
/// operations (the default first).
pub struct Provider {
    pub id: &'static str,
    pub name: Text,
    pub region: Region,
    /// The default first: the API this library supported before operations
    /// existed, so calls that name none keep their meaning.
    pub operations: &'static [&'static Operation],
}

/// One API of a provider, named as the provider names it.
pub struct Operation {
    /// The provider's own API name (`ReplaceSystemDisk`, `ChangeServerOsWithCloudInit`).
    pub name: &'static str,
    /// The API version (`2014-05-26`), or the path's version (`v1`).
    pub version: &'static str,
    pub method: &'static str,
    /// The path as documented, placeholders in braces.
    pub path: &'static str,
    pub docs: &'static str,
    /// Signing schemes, the default first.
    pub schemes: &'static [Scheme],
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
    /// What only a form needs; absent from builds without `descriptions`.
    pub description: Description,
}

/// An operation's texts for forms and docs. The `descriptions` feature keeps
/// them; without it (the browser package) they are dropped at compile time and
/// shipped as JSON files instead (`examples/descriptions.rs`).
#[derive(Clone, Copy, Debug)]
pub struct Description {
    /// What the server checks and this library cannot.
    #[cfg(feature = "descriptions")]
    pub preconditions: &'static [Text],
    /// The API document's example request (placeholders made well-formed), JSON text.
    #[cfg(feature = "descriptions")]
    pub example: &'static str,
}

impl Description {
    pub const fn new(preconditions: &'static [Text], example: &'static str) -> Description {
        #[cfg(not(feature = "descriptions"))]
        let _ = (preconditions, example);
        Description {
            #[cfg(feature = "descriptions")]
            preconditions,
            #[cfg(feature = "descriptions")]
            example,
        }
    }
}

impl Provider {
    /// The operation calls get when they name none.
    pub fn default_operation(&self) -> &'static Operation {
        self.operations[0]
    }

    /// The operation named `name` (the default for `None`), or the
    /// `UNKNOWN_OPERATION` error naming the known ones.
    pub fn operation(&self, name: Option<&str>) -> Result<&'static Operation, ApiError> {
        let Some(name) = name else {
            return Ok(self.default_operation());
        };
        self.operations
            .iter()
            .copied()
            .find(|o| o.name == name)
            .ok_or_else(|| {
                let context = [" for ", self.id].concat();
                let known = &mut self.operations.iter().map(|o| o.name);
                unknown("UNKNOWN_OPERATION", "operation", name, &context, known)
            })
    }

    /// The provider as `providers()` describes it.
    pub fn to_json(&self) -> Value {
        let mut out = String::new();
        self.write_json(&mut out);
        serde_json::from_str(&out).unwrap_or(Value::Null)
    }

    /// [`Provider::to_json`] as JSON text, keys in any order (parsing sorts
    /// them): smaller WebAssembly than building the `Value` member by member.
    /// The default operation's members also stand at the top level, as they
    /// did before providers had several operations.
    pub(crate) fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":");
        push_json_str(out, self.id);
        out.push_str(",\"name\":");
        self.name.write_json(out);
        out.push_str(",\"operation\":");
        push_json_str(out, self.default_operation().name);
        push_key_bool(out, ",\"region\":{\"required\":", self.region.required);
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
        out.push_str("}},");
        self.default_operation().write_members(out);
        out.push_str(",\"operations\":[");
        for (i, op) in self.operations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"name\":");
            push_json_str(out, op.name);
            out.push(',');
            op.write_members(out);
            out.push('}');
        }
        out.push_str("]}");
    }
}

impl Operation {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The API document's example as parameters.
    #[cfg(feature = "descriptions")]
    pub fn example_params(&self) -> Value {
        serde_json::from_str(self.description.example).unwrap_or(Value::Null)
    }

    /// The operation's members but its name (no braces) as `providers()`
    /// describes them: the provider's own `name` is another thing.
    fn write_members(&self, out: &mut String) {
        out.push_str("\"version\":");
        push_json_str(out, self.version);
        out.push_str(",\"method\":");
        push_json_str(out, self.method);
        out.push_str(",\"path\":");
        push_json_str(out, self.path);
        out.push_str(",\"docs\":");
        push_json_str(out, self.docs);
        out.push_str(",\"schemes\":[");
        for (i, s) in self.schemes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, s.id());
        }
        out.push_str("],\"fixed\":{");
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
        out.push(']');
        #[cfg(feature = "descriptions")]
        {
            out.push_str(",\"preconditions\":[");
            for (i, t) in self.description.preconditions.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                t.write_json(out);
            }
            // The example is JSON text already; parsing normalizes it.
            out.push_str("],\"example\":");
            out.push_str(self.description.example);
        }
    }
}

#[cfg(feature = "descriptions")]
impl Provider {
    /// Every operation's form texts in one language, as the package ships
    /// them in `descriptions/<id>.<locale>.json` (written by
    /// `examples/descriptions.rs`; the JS side merges them into `providers()`):
    /// `{"provider":…,"locale":…,"operations":{name:{"fields":{name:{"label",
    /// "help","example"?}},"preconditions":[…],"example":{…}}}}`.
    pub fn write_descriptions(&self, locale: Locale, out: &mut String) {
        out.push_str("{\"provider\":");
        push_json_str(out, self.id);
        out.push_str(",\"locale\":");
        push_json_str(out, locale.tag());
        out.push_str(",\"operations\":{");
        for (i, op) in self.operations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_str(out, op.name);
            out.push_str(":{\"fields\":{");
            for (j, f) in op.fields.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                push_json_str(out, f.name);
                out.push_str(":{\"label\":");
                push_json_str(out, f.label.get(locale));
                out.push_str(",\"help\":");
                push_json_str(out, f.help.get(locale));
                if let Some(e) = f.example {
                    out.push_str(",\"example\":");
                    push_json_str(out, e);
                }
                out.push('}');
            }
            out.push_str("},\"preconditions\":[");
            for (j, t) in op.description.preconditions.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                push_json_str(out, t.get(locale));
            }
            out.push_str("],\"example\":");
            out.push_str(op.description.example);
            out.push('}');
        }
        out.push_str("}}");
    }
}
