//! Every JSON input (parameters, options, context, `signRequest`) as read
//! from text: a tree that borrows its strings from the text wherever they
//! hold no escape, and keeps each object's members as a list in input order.
//! serde_json's `Value` would allocate every name and string and insert each
//! member into a `BTreeMap`: building and dropping that tree was about half
//! the time of a `validate`, and its code is no longer in the wasm at all.
//!
//! Behaviour that follows from the list: a name given twice in one JSON
//! object is read twice (and reported as a duplicate), where a `Value` would
//! silently keep the last one.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::util::json::push_decimal;
use crate::util::limits::MAX_DEPTH;

/// One JSON value of an input.
#[derive(Clone, Debug, PartialEq)]
pub enum Input<'a> {
    Null,
    Bool(bool),
    /// A JSON integer that fits in `i64`.
    Int(i64),
    /// A JSON integer above `i64::MAX`.
    UInt(u64),
    /// Any other JSON number.
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Input<'a>>),
    /// Members in the order given; a repeated name appears twice.
    Object(Vec<(Cow<'a, str>, Input<'a>)>),
}

impl<'a> Input<'a> {
    /// Reads JSON text (serde_json's parser and its recursion limit).
    pub fn from_text(text: &'a str) -> Result<Input<'a>, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The same tree over a `Value`, borrowing its strings (the native API).
    /// Members come in the `Value`'s own order. Containers below
    /// [`MAX_DEPTH`] are copied empty: the reading reports them as too deep
    /// without looking inside, and a hostile depth cannot exhaust the stack.
    pub fn from_value(value: &'a Value) -> Input<'a> {
        Input::from_value_at(value, 0)
    }

    fn from_value_at(value: &'a Value, depth: usize) -> Input<'a> {
        let deeper = |v: &'a Value| {
            if depth < MAX_DEPTH {
                Input::from_value_at(v, depth + 1)
            } else {
                match v {
                    Value::Array(_) => Input::Array(Vec::new()),
                    Value::Object(_) => Input::Object(Vec::new()),
                    _ => Input::from_value_at(v, depth + 1),
                }
            }
        };
        match value {
            Value::Null => Input::Null,
            Value::Bool(b) => Input::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Input::Int(i),
                (None, Some(u)) => Input::UInt(u),
                // serde_json numbers are finite: `as_f64` always answers.
                _ => Input::Float(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => Input::Str(Cow::Borrowed(s)),
            Value::Array(items) => Input::Array(items.iter().map(deeper).collect()),
            Value::Object(map) => Input::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), deeper(v)))
                    .collect(),
            ),
        }
    }

    /// An object's member by name: the last one given, as a map keeps it.
    /// `None` for a missing name or when this is not an object.
    pub fn get(&self, name: &str) -> Option<&Input<'a>> {
        match self {
            Input::Object(members) => members
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// A number as an `f64` (`None` for anything else).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Input::Int(n) => Some(*n as f64),
            Input::UInt(n) => Some(*n as f64),
            Input::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// An integer in decimal (`None` for anything else, fractions included:
    /// their text differs between JS, Python and Rust, and writing one would
    /// take a float formatter into the WebAssembly for a header no API has).
    pub fn integer_text(&self) -> Option<String> {
        let mut out = String::new();
        match self {
            Input::Int(n) => push_decimal(&mut out, *n < 0, n.unsigned_abs()),
            Input::UInt(n) => push_decimal(&mut out, false, *n),
            _ => return None,
        }
        Some(out)
    }

    /// Overwrites every string this tree owns: those that held an escape
    /// (the others are slices of the caller's text, which the caller wipes).
    pub fn wipe(&mut self) {
        use zeroize::Zeroize as _;
        match self {
            Input::Str(Cow::Owned(s)) => s.zeroize(),
            Input::Array(items) => items.iter_mut().for_each(Input::wipe),
            Input::Object(members) => {
                for (name, value) in members {
                    if let Cow::Owned(name) = name {
                        name.zeroize();
                    }
                    value.wipe();
                }
            }
            _ => {}
        }
    }

    pub fn is_container(&self) -> bool {
        matches!(self, Input::Object(_) | Input::Array(_))
    }
}

impl<'de> Deserialize<'de> for Input<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Input<'de>, E> {
        Ok(Input::Null)
    }

    fn visit_none<E>(self) -> Result<Input<'de>, E> {
        Ok(Input::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Input<'de>, D::Error> {
        Input::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Input<'de>, E> {
        Ok(Input::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Input<'de>, E> {
        Ok(Input::Int(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Input<'de>, E> {
        Ok(i64::try_from(n).map_or(Input::UInt(n), Input::Int))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Input<'de>, E> {
        Ok(Input::Float(n))
    }

    /// A string without escapes: borrowed from the text, no copy.
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Input<'de>, E> {
        Ok(Input::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Input<'de>, E> {
        Ok(Input::Str(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Input<'de>, E> {
        Ok(Input::Str(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Input::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input<'de>, A::Error> {
        let mut members = Vec::new();
        // JSON names are strings: read as one, borrowed when unescaped.
        while let Some(name) = map.next_key::<Input<'de>>()? {
            let value = map.next_value()?;
            let name = match name {
                Input::Str(s) => s,
                _ => Cow::Borrowed(""), // unreachable: serde_json names are strings
            };
            members.push((name, value));
        }
        Ok(Input::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::Input;
    use std::borrow::Cow;

    #[test]
    fn reads_like_value_in_input_order_borrowing_plain_strings() {
        let text = r#"{"b":[1,-2,18446744073709551615,1.5,true,null],"a":{"x":"plain","y":"esc\"aped"},"b":"again"}"#;
        let input = Input::from_text(text).unwrap();
        let Input::Object(members) = &input else {
            panic!("{input:?}")
        };
        let names: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(names, ["b", "a", "b"]);
        assert_eq!(
            members[0].1,
            Input::Array(vec![
                Input::Int(1),
                Input::Int(-2),
                Input::UInt(u64::MAX),
                Input::Float(1.5),
                Input::Bool(true),
                Input::Null,
            ])
        );
        let Input::Object(a) = &members[1].1 else {
            panic!()
        };
        assert!(matches!(a[0].1, Input::Str(Cow::Borrowed("plain"))));
        assert!(matches!(&a[1].1, Input::Str(Cow::Owned(s)) if s == "esc\"aped"));
        // The Value form: the same tree, members in the Value's order.
        let value: serde_json::Value = serde_json::from_str(r#"{"b":[1,1e3],"a":"s"}"#).unwrap();
        assert_eq!(
            Input::from_value(&value),
            Input::Object(vec![
                (Cow::Borrowed("a"), Input::Str(Cow::Borrowed("s"))),
                (
                    Cow::Borrowed("b"),
                    Input::Array(vec![Input::Int(1), Input::Float(1000.0)])
                ),
            ])
        );
    }

    #[test]
    fn bad_text_and_deep_nesting_are_errors_not_crashes() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "nul", "{\"a\":1}x"] {
            assert!(Input::from_text(text).is_err(), "{text}");
        }
        let deep = "[".repeat(100_000);
        assert!(Input::from_text(&deep).is_err());
    }

    #[test]
    fn a_deep_value_is_copied_only_as_deep_as_it_is_read() {
        let mut value = serde_json::json!("leaf");
        for _ in 0..200_000 {
            value = serde_json::Value::Array(vec![value]);
        }
        let mut input = &Input::from_value(&value);
        let mut depth = 0;
        while let Input::Array(items) = input {
            match items.first() {
                Some(item) => input = item,
                None => break,
            }
            depth += 1;
        }
        assert_eq!(depth, crate::util::limits::MAX_DEPTH + 1);
        // Dropping a `Value` this deep recurses past the stack: leaked (a test).
        std::mem::forget(value);
    }
}
