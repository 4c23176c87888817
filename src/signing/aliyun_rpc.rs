//! (being written)
use super::{SignError, SignInput, SigningResult};

pub fn sign(_input: &SignInput) -> Result<SigningResult, SignError> {
    Err(SignError::Missing("implementation"))
}
