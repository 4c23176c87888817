//! Small utilities every layer may use; they import nothing of the crate.

#[cfg(target_arch = "wasm32")]
pub mod alloc;
pub mod error;
pub mod hex;
pub mod json;
pub mod limits;
pub mod random;
pub mod sort;
