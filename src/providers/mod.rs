//! The providers, one file each, registered here. Each file reads like its
//! API document: the field table, then the cross-field rules, then the
//! request builder. A new provider is one file and one line in [`ALL`].

#[cfg(feature = "aliyun")]
pub mod aliyun;
// OTC's tables reuse Huawei's rows and builder.
#[cfg(any(feature = "huaweicloud", feature = "otc"))]
pub mod huaweicloud;
#[cfg(feature = "ksyun")]
pub mod ksyun;
#[cfg(feature = "otc")]
pub mod otc;
#[cfg(feature = "volcengine")]
pub mod volcengine;

use crate::schema::Provider;
use crate::util::error::{unknown, ApiError};

/// The registered providers, each behind its cargo feature.
pub static ALL: &[&Provider] = &[
    #[cfg(feature = "huaweicloud")]
    &huaweicloud::PROVIDER,
    #[cfg(feature = "otc")]
    &otc::PROVIDER,
    #[cfg(feature = "ksyun")]
    &ksyun::PROVIDER,
    #[cfg(feature = "aliyun")]
    &aliyun::PROVIDER,
    #[cfg(feature = "volcengine")]
    &volcengine::PROVIDER,
];

pub fn find(id: &str) -> Option<&'static Provider> {
    ALL.iter().copied().find(|p| p.id == id)
}

/// [`find`], or the `UNKNOWN_PROVIDER` error naming the known ids.
pub fn get(id: &str) -> Result<&'static Provider, ApiError> {
    find(id).ok_or_else(|| {
        unknown(
            "UNKNOWN_PROVIDER",
            "provider",
            id,
            "",
            &mut ALL.iter().map(|p| p.id),
        )
    })
}
