//! The steps every HMAC scheme shares, named as smithy-rs `aws-sigv4` names
//! them: hash the payload, canonical header block, canonical request, string
//! to sign, signing key (an HMAC chain over the credential scope), signature,
//! Authorization value. A scheme file keeps only its own rules (which headers,
//! how values, paths and queries are written, the scope's parts) and calls
//! these; one copy of each step in the wasm serves every scheme.

use hmac::{Hmac, Mac};
#[cfg(feature = "aliyun-rpc-v1")]
use sha1::Sha1;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{hex, Secret, SignInput};

/// The SHA-256 of nothing, which most requests (GET, empty POST) sign.
pub(super) const EMPTY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Lower-case hex SHA-256: the payload hash, and the canonical request's
/// hash in the string to sign.
pub(super) fn sha256_hex(data: &[u8]) -> String {
    if data.is_empty() {
        return EMPTY_SHA256.to_string();
    }
    hex(&Sha256::digest(data))
}

/// HMAC-SHA256. The result is often a derived signing key, so it is wiped
/// when dropped.
pub(super) fn hmac_sha256(key: &[u8], data: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data);
    Zeroizing::new(mac.finalize().into_bytes().into())
}

/// HMAC-SHA1 (Alibaba's RPC signature v1).
#[cfg(feature = "aliyun-rpc-v1")]
pub(super) fn hmac_sha1(key: &[u8], data: &[u8]) -> [u8; 20] {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Signed headers as `(lower-case name, value)`: the scheme picks, trims and
/// sorts them its own way, then [`canonical_headers`] writes them.
pub(super) type HeaderEntries<'a> = Vec<(String, &'a str)>;

/// The caller's headers whose lower-case name `is_signed` accepts, with
/// their values as given, in the given order.
pub(super) fn lowercase_headers<'a>(
    headers: &'a [(String, String)],
    is_signed: &dyn Fn(&str) -> bool,
) -> HeaderEntries<'a> {
    headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.as_str()))
        .filter(|(name, _)| is_signed(name))
        .collect()
}

/// How a scheme orders its signed headers.
#[derive(Clone, Copy)]
pub(super) enum SortBy {
    /// Stably, by name: a name's values keep the given order.
    Name,
    /// By name, then value (byte order).
    NameThenValue,
}

/// One sort for every scheme's entries (one copy in the wasm).
pub(super) fn sort_entries(entries: &mut HeaderEntries, by: SortBy) {
    crate::util::sort::sort_by(entries, |a, b| match by {
        SortBy::Name => a.0.cmp(&b.0),
        SortBy::NameThenValue => a.cmp(b),
    });
}

/// What a scheme does with a name that comes more than once.
#[derive(Clone, Copy)]
pub(super) enum Repeated {
    /// One `name:v1,v2` line (SigV4, ACS3).
    Joined,
    /// The last value only (Volcengine's dict).
    LastWins,
    /// A line per entry, the name listed as often (Huawei's SDK).
    Listed,
}

/// The canonical header block and the `SignedHeaders` list.
pub(super) struct CanonicalHeaders {
    /// `name:value\n` per signed header.
    pub lines: String,
    /// The names joined by `;`.
    pub signed_headers: String,
}

/// Writes sorted `entries` as the canonical header block and the signed
/// header names.
pub(super) fn canonical_headers(
    entries: &[(String, &str)],
    repeated: Repeated,
) -> CanonicalHeaders {
    let mut lines = String::new();
    let mut signed_headers = String::new();
    for (i, (name, value)) in entries.iter().enumerate() {
        let same_as = |j: usize| entries.get(j).is_some_and(|(other, _)| other == name);
        match repeated {
            Repeated::LastWins if same_as(i + 1) => continue,
            Repeated::Joined if i > 0 && same_as(i - 1) => {
                lines.pop(); // the previous line's '\n'
                lines.push(',');
            }
            _ => {
                if !signed_headers.is_empty() {
                    signed_headers.push(';');
                }
                signed_headers.push_str(name);
                lines.push_str(name);
                lines.push(':');
            }
        }
        lines.push_str(value);
        lines.push('\n');
    }
    CanonicalHeaders {
        lines,
        signed_headers,
    }
}

/// The six-part canonical request: method, path, query, header block
/// (its lines end with `\n`), signed header names, payload hash, each on its
/// own line. Each scheme canonicalizes the parts its own way.
pub(super) fn canonical_request(
    method: &str,
    path: &str,
    query: &str,
    headers: &CanonicalHeaders,
    payload_hash: &str,
) -> String {
    [
        method,
        "\n",
        path,
        "\n",
        query,
        "\n",
        &headers.lines,
        "\n",
        &headers.signed_headers,
        "\n",
        payload_hash,
    ]
    .concat()
}

/// An HMAC-SHA256 scheme's algorithm: its name and the spelling of its key
/// and of its Authorization value.
pub(super) struct Algorithm {
    /// `AWS4-HMAC-SHA256` and the like: first line of the string to sign
    /// and first word of the Authorization value.
    pub name: &'static str,
    /// Put before the secret to start the key chain (`AWS4`, `TC3`, or none).
    pub key_prefix: &'static str,
    /// `Credential=` (SigV4 and kin) or `Access=` (Huawei).
    pub credential_label: &'static str,
    /// Between the Authorization fields: `, ` (SigV4 and kin) or `,` (ACS3).
    pub separator: &'static str,
}

/// The `/`-joined credential scope, e.g. `20240506/cn-beijing-6/kec/aws4_request`.
pub(super) fn credential_scope(scope: &[&str]) -> String {
    scope.join("/")
}

impl Algorithm {
    /// The algorithm name, the scheme's `context` lines (request time,
    /// credential scope: whichever it signs), and the canonical request's
    /// hex SHA-256, one per line.
    pub(super) fn string_to_sign(&self, context: &[&str], canonical_request: &str) -> String {
        let mut out = String::from(self.name);
        for line in context {
            out.push('\n');
            out.push_str(line);
        }
        out.push('\n');
        out.push_str(&sha256_hex(canonical_request.as_bytes()));
        out
    }

    /// `key_prefix + secret`, then one HMAC-SHA256 per scope part, in order
    /// (no part: the secret itself is the key). Every key is wiped on drop.
    pub(super) fn signing_key(&self, secret: &Secret, scope: &[&str]) -> Zeroizing<Vec<u8>> {
        let mut key = Zeroizing::new([self.key_prefix, secret.expose()].concat().into_bytes());
        for part in scope {
            key = Zeroizing::new(hmac_sha256(&key, part.as_bytes()).to_vec());
        }
        key
    }

    /// `NAME Credential=id/scope, SignedHeaders=…, Signature=…`, in this
    /// algorithm's spelling; without a scope the credential is the bare id.
    pub(super) fn authorization(
        &self,
        access_key_id: &str,
        credential_scope: &str,
        signed_headers: &str,
        signature: &str,
    ) -> String {
        let slash = if credential_scope.is_empty() { "" } else { "/" };
        [
            self.name,
            " ",
            self.credential_label,
            access_key_id,
            slash,
            credential_scope,
            self.separator,
            "SignedHeaders=",
            signed_headers,
            self.separator,
            "Signature=",
            signature,
        ]
        .concat()
    }

    /// With a secret: the key over `scope`, the signature, and the
    /// Authorization value, which is also added to `headers`. Without one:
    /// `(None, None)`, the rest being ready for a backend to sign.
    pub(super) fn signature_and_authorization(
        &self,
        input: &SignInput,
        scope: &[&str],
        string_to_sign: &str,
        signed_headers: &str,
        headers: &mut Vec<(String, String)>,
    ) -> (Option<String>, Option<String>) {
        let Some(secret) = &input.secret_access_key else {
            return (None, None);
        };
        let key = self.signing_key(secret, scope);
        let signature = calculate_signature(&key, string_to_sign);
        let authorization = self.authorization(
            &input.access_key_id,
            &credential_scope(scope),
            signed_headers,
            &signature,
        );
        headers.push(("Authorization".to_string(), authorization.clone()));
        (Some(signature), Some(authorization))
    }
}

/// Hex HMAC-SHA256 of the string to sign under the derived key.
pub(super) fn calculate_signature(signing_key: &[u8], string_to_sign: &str) -> String {
    hex(hmac_sha256(signing_key, string_to_sign.as_bytes()).as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TC3: Algorithm = Algorithm {
        name: "TC3-HMAC-SHA256",
        key_prefix: "TC3",
        credential_label: "Credential=",
        separator: ", ",
    };

    /// Tencent's TC3 shape: a `TC3` key prefix and a three-part scope.
    #[test]
    fn tc3_shape_on_the_core() {
        let scope = ["2019-02-25", "cvm", "tc3_request"];
        let key = TC3.signing_key(&Secret::new("secret"), &scope);
        let mut want = hmac_sha256(b"TC3secret", b"2019-02-25");
        want = hmac_sha256(want.as_slice(), b"cvm");
        want = hmac_sha256(want.as_slice(), b"tc3_request");
        assert_eq!(key.as_slice(), want.as_slice());
        let sts = TC3.string_to_sign(&["1551113065", &credential_scope(&scope)], "");
        assert_eq!(
            sts,
            [
                "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n",
                EMPTY_SHA256
            ]
            .concat()
        );
        let auth = TC3.authorization("AKID", &credential_scope(&scope), "host", "ab");
        assert_eq!(
            auth,
            "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=ab"
        );
    }

    #[test]
    fn a_scope_of_any_length() {
        let secret = Secret::new("s");
        let none = Algorithm {
            key_prefix: "",
            ..TC3
        };
        assert_eq!(none.signing_key(&secret, &[]).as_slice(), b"s");
        let one = none.signing_key(&secret, &["a"]);
        assert_eq!(one.as_slice(), hmac_sha256(b"s", b"a").as_slice());
        let two = none.signing_key(&secret, &["a", "b"]);
        assert_eq!(two.as_slice(), hmac_sha256(&one, b"b").as_slice());
    }

    #[test]
    fn repeated_names() {
        let entries: Vec<(String, &str)> =
            vec![("a".into(), "1"), ("a".into(), "2"), ("b".into(), "3")];
        let joined = canonical_headers(&entries, Repeated::Joined);
        assert_eq!(joined.lines, "a:1,2\nb:3\n");
        assert_eq!(joined.signed_headers, "a;b");
        let last = canonical_headers(&entries, Repeated::LastWins);
        assert_eq!(last.lines, "a:2\nb:3\n");
        assert_eq!(last.signed_headers, "a;b");
        let listed = canonical_headers(&entries, Repeated::Listed);
        assert_eq!(listed.lines, "a:1\na:2\nb:3\n");
        assert_eq!(listed.signed_headers, "a;a;b");
    }
}
