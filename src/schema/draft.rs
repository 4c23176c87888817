//! The request a provider drafts (before endpoint and signature), and the
//! pieces the RPC-style builders share.

use crate::schema::{Got, Kind, Location, Operation, Status, Values};
use crate::signing::canonical::push_pairs;
use crate::signing::Scheme;

/// A provider's request before endpoint and signature.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub method: &'static str,
    /// Percent-encoded path.
    pub path: String,
    /// Decoded pairs, in the order they are sent.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The service name signed into the credential scope, where the scheme has one.
    pub service: Option<&'static str>,
}

/// What a builder may need besides the parameters.
#[derive(Clone, Debug)]
pub struct Target<'a> {
    pub scheme: Scheme,
    pub region: Option<&'a str>,
    /// Sent when the parameters carry no ClientToken (None: send none).
    pub client_token: Option<&'a str>,
    /// The STS token the signer will send, for builders that place it
    /// among the parameters as their SDK does (it travels in the clear).
    pub security_token: Option<&'a str>,
}

/// Adds the context's ClientToken when the parameters have none, so a retry
/// of the same built request stays idempotent.
pub fn add_client_token(
    query: &mut Vec<(String, String)>,
    values: &Values<'_>,
    target: &Target<'_>,
) {
    if let (false, Some(token)) = (values.is_set("ClientToken"), target.client_token) {
        query.push(("ClientToken".to_string(), token.to_string()));
    }
}

/// `k=v&k=v`, RFC 3986 encoded, in the given order.
pub fn encode_query(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    push_pairs(&mut out, &mut pairs.iter(), true);
    out
}

/// The documented RPC parameters that were given, flattened as the APIs name
/// them (`SystemDisk.Size`, `KeyId.1`), booleans as `true`/`false`, in table
/// order. Refused parameters are not sent.
pub fn rpc_params(op: &Operation, values: &Values<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for field in op.fields {
        if field.kind == Kind::Object
            || field.location == Location::Path
            || field.status == Status::Unsupported
        {
            continue;
        }
        match values.get(field.name) {
            Some(Got::List(items)) => {
                let mut list: Vec<(String, String)> = items
                    .iter()
                    .filter_map(|(name, got)| Some((name.clone(), scalar_text(got)?)))
                    .collect();
                // By position (`KeyId.2` before `KeyId.10`), as an array gives
                // them and the SDKs send them, whatever order flat names came in.
                crate::util::sort::sort_by(&mut list, |a, b| by_position(&a.0, &b.0));
                out.append(&mut list);
            }
            Some(got) => {
                if let Some(text) = scalar_text(got) {
                    out.push((field.name.to_string(), text));
                }
            }
            None => {}
        }
    }
    out
}

/// Dotted names compared segment by segment, numbers as numbers.
pub(crate) fn by_position(a: &str, b: &str) -> core::cmp::Ordering {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let mut a = a.split('.');
    let mut b = b.split('.');
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => {
                // Positions have no leading zeros (validation refuses them):
                // the shorter number is the smaller; no parsing, no overflow.
                let order = if digits(x) && digits(y) {
                    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
                } else {
                    x.cmp(y)
                };
                if order.is_ne() {
                    return order;
                }
            }
            (x, y) => return x.is_some().cmp(&y.is_some()),
        }
    }
}

fn scalar_text(got: &Got<'_>) -> Option<String> {
    match got {
        Got::Str(s) => Some((*s).to_string()),
        Got::Int(n) => Some(n.to_string()),
        Got::Bool(b) => Some(if *b { "true" } else { "false" }.to_string()),
        _ => None,
    }
}
