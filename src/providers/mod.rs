//! The five providers. Each file reads like its API document: the field
//! table, then the cross-field rules, then the request builder.

pub mod spec;

pub mod aliyun;
pub mod huaweicloud;
pub mod ksyun;
pub mod otc;
pub mod volcengine;

use serde_json::{Map, Value};

use crate::build::{Draft, Target};
use crate::issue::{Report, Text};
use crate::options::Options;
use crate::signing::Scheme;
use crate::validate::Values;
use spec::Field;

/// Where a provider's API lives.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    /// Whether a region (or an explicit endpoint) must be given.
    pub required: bool,
    pub example: &'static str,
    /// The published endpoint pattern, `{region}` to be replaced.
    pub endpoint: &'static str,
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
    /// Cross-field rules, run after every field was read.
    pub cross: fn(&Values<'_>, &Options, &mut Report),
    /// Builds the unsigned request from valid values.
    pub build: fn(&Values<'_>, &Target<'_>) -> Draft,
    /// What the server checks and this library cannot.
    pub preconditions: &'static [Text],
    /// The seed document's example request (placeholders made well-formed).
    pub example: &'static str,
}

pub static ALL: [&Provider; 5] = [
    &huaweicloud::PROVIDER,
    &otc::PROVIDER,
    &ksyun::PROVIDER,
    &aliyun::PROVIDER,
    &volcengine::PROVIDER,
];

pub fn find(id: &str) -> Option<&'static Provider> {
    ALL.iter().copied().find(|p| p.id == id)
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
        let mut m = Map::new();
        m.insert("id".into(), Value::from(self.id));
        m.insert("name".into(), self.name.to_json());
        m.insert("operation".into(), Value::from(self.operation));
        m.insert("docs".into(), Value::from(self.docs));
        m.insert(
            "schemes".into(),
            Value::from(self.schemes.iter().map(|s| s.id()).collect::<Vec<_>>()),
        );
        let mut region = Map::new();
        region.insert("required".into(), Value::from(self.region.required));
        region.insert("example".into(), Value::from(self.region.example));
        region.insert("endpoint".into(), Value::from(self.region.endpoint));
        m.insert("region".into(), Value::Object(region));
        let mut fixed = Map::new();
        for (k, v) in self.fixed {
            fixed.insert(k.to_string(), Value::from(*v));
        }
        m.insert("fixed".into(), Value::Object(fixed));
        m.insert(
            "fields".into(),
            Value::Array(self.fields.iter().map(Field::to_json).collect()),
        );
        m.insert(
            "preconditions".into(),
            Value::Array(self.preconditions.iter().map(|t| t.to_json()).collect()),
        );
        m.insert("example".into(), self.example_params());
        Value::Object(m)
    }
}
