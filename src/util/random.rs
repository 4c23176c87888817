//! Randomness at the edge: the only place that reads the system's random
//! source. Everything else takes random values as arguments.

use crate::util::error::ApiError;
use crate::util::hex::hex;

/// Fills `buf` from the OS (natively) or `crypto.getRandomValues` (wasm).
pub fn fill(buf: &mut [u8]) -> Result<(), getrandom::Error> {
    getrandom::fill(buf)
}

/// A random UUID version 4 (RFC 9562 §5.4) made from 16 random bytes.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, c) in hex(&bytes).chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// A source of random `u32`s drawing from [`fill`] in blocks.
pub struct SystemRandom {
    block: [u8; 256],
    pos: usize,
}

impl SystemRandom {
    pub fn new() -> Result<SystemRandom, getrandom::Error> {
        let mut r = SystemRandom {
            block: [0; 256],
            pos: 0,
        };
        fill(&mut r.block)?;
        Ok(r)
    }

    /// Next value; refills the block when used up (a failed refill after a
    /// successful first fill is not expected; the old block is then reused
    /// shifted, never a constant).
    pub fn next_u32(&mut self) -> u32 {
        if self.pos + 4 > self.block.len() {
            if fill(&mut self.block).is_err() {
                self.block.rotate_left(1);
            }
            self.pos = 0;
        }
        let b = &self.block[self.pos..self.pos + 4];
        self.pos += 4;
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }
}

/// `newClientToken()`: a random UUID v4.
pub fn new_client_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 16];
    fill(&mut bytes).map_err(random_error)?;
    Ok(uuid_v4(bytes))
}

pub fn random_error(_: getrandom::Error) -> ApiError {
    ApiError::new("RANDOM_UNAVAILABLE", "no secure random source is available")
}
