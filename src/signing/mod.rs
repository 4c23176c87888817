//! Request signing, one scheme per file, no provider knowledge.
//!
//! Every scheme is a pure function of a [`SignInput`]: the time and the nonce
//! come in with it, so the same input always gives the same strings. Each
//! follows the official signers' steps: canonical request, string to sign,
//! and (only when a secret is given) signing key and signature. The steps
//! live once in `hmac_core`; a scheme file holds only its own rules, so a
//! new HMAC scheme is a short file.

pub mod canonical;
pub mod encode;
mod hmac_core;
#[cfg(any(feature = "aliyun-acs3", feature = "aliyun-rpc-v1"))]
mod param_map;
pub mod time;
pub mod url;

#[cfg(feature = "aliyun-acs3")]
pub mod aliyun_acs3;
#[cfg(feature = "aliyun-rpc-v1")]
pub mod aliyun_rpc;
#[cfg(feature = "huawei-sdk-hmac-sha256")]
pub mod huawei;
#[cfg(feature = "aws-sigv4")]
pub mod sigv4;
#[cfg(feature = "volc-hmac-sha256")]
pub mod volc;

use core::fmt;

use zeroize::Zeroizing;

pub(crate) use crate::util::hex::hex;
pub use crate::util::limits::MAX_HEADERS;
pub use time::Timestamp;
pub use url::ParsedUrl;

/// The signing schemes, by the ids the JS API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    #[cfg(feature = "huawei-sdk-hmac-sha256")]
    HuaweiSdkHmacSha256,
    #[cfg(feature = "aws-sigv4")]
    AwsSigV4,
    #[cfg(feature = "aliyun-rpc-v1")]
    AliyunRpcV1,
    #[cfg(feature = "aliyun-acs3")]
    AliyunAcs3,
    #[cfg(feature = "volc-hmac-sha256")]
    VolcHmacSha256,
}

impl Scheme {
    /// The schemes built in (each behind its cargo feature).
    pub const ALL: &'static [Scheme] = &[
        #[cfg(feature = "huawei-sdk-hmac-sha256")]
        Scheme::HuaweiSdkHmacSha256,
        #[cfg(feature = "aws-sigv4")]
        Scheme::AwsSigV4,
        #[cfg(feature = "aliyun-rpc-v1")]
        Scheme::AliyunRpcV1,
        #[cfg(feature = "aliyun-acs3")]
        Scheme::AliyunAcs3,
        #[cfg(feature = "volc-hmac-sha256")]
        Scheme::VolcHmacSha256,
    ];

    pub fn id(self) -> &'static str {
        match self {
            #[cfg(feature = "huawei-sdk-hmac-sha256")]
            Scheme::HuaweiSdkHmacSha256 => "huawei-sdk-hmac-sha256",
            #[cfg(feature = "aws-sigv4")]
            Scheme::AwsSigV4 => "aws-sigv4",
            #[cfg(feature = "aliyun-rpc-v1")]
            Scheme::AliyunRpcV1 => "aliyun-rpc-v1",
            #[cfg(feature = "aliyun-acs3")]
            Scheme::AliyunAcs3 => "aliyun-acs3",
            #[cfg(feature = "volc-hmac-sha256")]
            Scheme::VolcHmacSha256 => "volc-hmac-sha256",
        }
    }

    pub fn from_id(id: &str) -> Option<Scheme> {
        Scheme::ALL.iter().copied().find(|s| s.id() == id)
    }
}

/// A secret string (secret access key, security token). Its `Debug` never
/// shows the value, and its bytes are zeroized (`zeroize`) when it is dropped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(value.into()))
    }

    /// The value, for the signing code only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// What a scheme signs: one HTTP request plus the credentials and context.
#[derive(Clone, Debug)]
pub struct SignInput {
    pub scheme: Scheme,
    pub method: String,
    /// Absolute URL, its query already percent-encoded.
    pub url: String,
    /// Headers as given, in order; names keep their case.
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub timestamp: Timestamp,
    pub nonce: Option<String>,
    pub access_key_id: String,
    pub secret_access_key: Option<Secret>,
    pub security_token: Option<Secret>,
    pub region: Option<String>,
    pub service: Option<String>,
}

/// Everything a scheme produced. Without a secret, `signature` and
/// `authorization` are `None` and the rest is ready for a backend to sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningResult {
    pub scheme: Scheme,
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: Option<String>,
    pub credential_scope: Option<String>,
    pub signature: Option<String>,
    pub authorization: Option<String>,
    /// All headers to send, in a stable order.
    pub headers: Vec<(String, String)>,
    /// The final URL (for `aliyun-rpc-v1`, with the common parameters and `Signature`).
    pub url: String,
    pub body: String,
}

/// Why a request could not be signed. Messages never carry secret values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    InvalidUrl,
    InvalidMethod,
    InvalidHeader(String),
    Missing(&'static str),
    /// More than [`MAX_HEADERS`] headers.
    TooManyHeaders,
}

impl SignError {
    /// A stable machine-readable code (the JS `Error.code`).
    pub fn code(&self) -> &'static str {
        match self {
            SignError::InvalidUrl => "INVALID_URL",
            SignError::InvalidMethod => "INVALID_METHOD",
            SignError::InvalidHeader(_) => "INVALID_HEADER",
            SignError::Missing(_) => "MISSING_INPUT",
            SignError::TooManyHeaders => "INPUT_TOO_LARGE",
        }
    }
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::InvalidUrl => f.write_str("url must be absolute (scheme://host/path?query)"),
            SignError::InvalidMethod => {
                f.write_str("method must be an HTTP token such as GET or POST")
            }
            SignError::InvalidHeader(name) => {
                write!(f, "header \"{name}\" has an invalid name or value")
            }
            SignError::Missing(what) => write!(f, "{what} is required by this scheme"),
            SignError::TooManyHeaders => write!(f, "more than {MAX_HEADERS} headers"),
        }
    }
}

/// Signs `input` with its scheme.
pub fn sign(input: &SignInput) -> Result<SigningResult, SignError> {
    check_common(input)?;
    sign_checked(input, ParsedUrl::parse(&input.url))
}

/// [`sign`] for a caller that holds `input.url` already parsed, as
/// [`ParsedUrl::parse`] gives it: the builder, which wrote the URL from its
/// decoded query and so need not decode it back.
pub(crate) fn sign_parsed(
    input: &SignInput,
    url: Option<ParsedUrl>,
) -> Result<SigningResult, SignError> {
    debug_assert_eq!(ParsedUrl::parse(&input.url), url);
    check_common(input)?;
    sign_checked(input, url)
}

fn sign_checked(input: &SignInput, url: Option<ParsedUrl>) -> Result<SigningResult, SignError> {
    match input.scheme {
        #[cfg(feature = "huawei-sdk-hmac-sha256")]
        Scheme::HuaweiSdkHmacSha256 => huawei::sign(input, url),
        #[cfg(feature = "aws-sigv4")]
        Scheme::AwsSigV4 => sigv4::sign(input, url),
        #[cfg(feature = "aliyun-rpc-v1")]
        Scheme::AliyunRpcV1 => aliyun_rpc::sign(input, url),
        #[cfg(feature = "aliyun-acs3")]
        Scheme::AliyunAcs3 => aliyun_acs3::sign(input, url),
        #[cfg(feature = "volc-hmac-sha256")]
        Scheme::VolcHmacSha256 => volc::sign(input, url),
    }
}

/// A value the scheme cannot sign without.
fn required<'a>(value: Option<&'a str>, what: &'static str) -> Result<&'a str, SignError> {
    value
        .filter(|v| !v.is_empty())
        .ok_or(SignError::Missing(what))
}

fn check_common(input: &SignInput) -> Result<(), SignError> {
    let m = input.method.as_bytes();
    if m.is_empty() || m.len() > 16 || !m.iter().all(u8::is_ascii_alphabetic) {
        return Err(SignError::InvalidMethod);
    }
    if input.headers.len() > MAX_HEADERS {
        return Err(SignError::TooManyHeaders);
    }
    for (name, value) in &input.headers {
        let bad_name = name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
        let bad_value = value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0);
        if bad_name || bad_value {
            return Err(SignError::InvalidHeader(name.chars().take(64).collect()));
        }
    }
    Ok(())
}
