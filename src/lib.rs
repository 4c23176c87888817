//! reinstall-kit: check, build and sign "reinstall the OS of a VM" requests for
//! cloud providers, natively or compiled to WebAssembly.
//!
//! Layers, each importing only the ones below it (`tests/layers.rs` checks):
//!
//! | layer | modules |
//! |---|---|
//! | the wasm surface | `wasm` |
//! | the JSON-level API | [`api`] |
//! | orchestration | [`engine`] (validate, build, endpoints, curl) |
//! | one file per provider | [`providers`] |
//! | the provider contract, reusable checks, signing | [`schema`], [`rules`], [`signing`] |
//! | reading input, options, issues | [`input`], [`params`], [`options`], [`issue`] |
//! | small utilities | [`util`] (JSON text, limits, errors, sort, randomness) |

// A build with some providers only (a `providers/<id>` package entry) leaves
// shared helpers that serve the others unused.
#![cfg_attr(not(feature = "all-providers"), allow(dead_code, unused_imports))]

pub mod util;

pub mod input;
pub mod issue;
pub mod options;
pub mod params;

pub mod rules;
pub mod schema;
pub mod signing;

pub mod providers;

pub mod engine;

pub mod api;

#[cfg(target_arch = "wasm32")]
mod wasm;

/// Smaller and faster than the default dlmalloc for this workload (see `util/alloc.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: util::alloc::ClassAllocator = util::alloc::ClassAllocator::new();
