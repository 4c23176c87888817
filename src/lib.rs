//! reinstall-kit: check, build and sign "reinstall the OS of a VM" requests for
//! five cloud providers, natively or compiled to WebAssembly.
//!
//! The JSON-level API in [`api`] is what the npm package calls; the typed
//! pieces ([`issue`], [`providers`], [`signing`]) are usable on their own.

pub mod api;
pub mod build;
pub mod input;
pub mod issue;
pub mod options;
pub mod params;
pub mod providers;
pub mod random;
pub mod rules;
pub mod signing;
mod sort;
pub mod validate;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(target_arch = "wasm32")]
mod alloc;

/// Smaller and faster than the default dlmalloc for this workload (see `alloc.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::ClassAllocator = alloc::ClassAllocator::new();
