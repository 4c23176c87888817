//! Reusable checks, free of provider knowledge: formats and password policies.

pub mod format;
pub mod password;
