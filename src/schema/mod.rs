//! The provider contract: what a provider file supplies (its field table,
//! descriptors, cross-field rules and builder) and the types the engines hand
//! it (typed values, the request draft). Providers and engines both look down
//! here; neither knows the other.

pub mod draft;
pub mod field;
pub mod provider;
pub mod values;

pub use draft::{Draft, Target};
pub use field::{Check, Field, Generator, Kind, Location, Rule, Status};
pub use provider::{Description, Operation, Provider, Region};
pub use values::{Got, Values};
