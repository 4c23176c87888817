//! The providers, one file each, registered here. Each file reads like its
//! API document: the field table, then the cross-field rules, then the
//! request builder. A new provider is one file and one line in [`ALL`].

pub mod aliyun;
pub mod huaweicloud;
pub mod ksyun;
pub mod otc;
pub mod volcengine;

use crate::schema::Provider;
use crate::util::error::{shown, ApiError};

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

/// [`find`], or the `UNKNOWN_PROVIDER` error naming the known ids.
pub fn get(id: &str) -> Result<&'static Provider, ApiError> {
    find(id).ok_or_else(|| {
        // Pushed piece by piece: no `format!`/`join` machinery in the wasm.
        let mut message = String::from("unknown provider \"");
        message.push_str(&shown(id));
        message.push_str("\"; known: ");
        for (i, p) in ALL.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push_str(p.id);
        }
        ApiError::new("UNKNOWN_PROVIDER", message)
    })
}
