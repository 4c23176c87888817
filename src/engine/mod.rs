//! Orchestration over the provider contract: run a provider's table and rules
//! ([`validate`]), then its builder, the endpoint and the signer ([`build`]).

pub mod build;
pub mod validate;
