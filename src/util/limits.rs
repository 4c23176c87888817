//! Bounds on what one call reads: checked before any work, so hostile input
//! costs time and memory in proportion to these, not to its own size.

/// Inputs larger than this are answered with one issue, before any parsing.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// `options` (of validate, generatePassword) and buildRequest's `context` as
/// JSON text: larger options are ignored, a larger context is an error, both
/// before any parsing.
pub const MAX_OPTIONS_BYTES: usize = 64 * 1024;

/// Containers nested deeper than this are not read (no API here nests past 3).
pub const MAX_DEPTH: usize = 8;

/// No API here has more than a few dozen parameters; past this many nodes the
/// rest of the input is not read (keeps the work linear in a hostile input).
/// Nodes that are reported and skipped (too deep, name too long, duplicate)
/// count too, so the number of issues stays bounded as well.
pub const MAX_ENTRIES: usize = 512;

/// A dotted name longer than this is not read (the longest documented one is
/// under 40 bytes). Without it, one 4 MB key over a list of 500 items would
/// become 500 paths of 4 MB each.
pub const MAX_NAME_BYTES: usize = 256;

/// Headers a request may carry into a scheme. Some official signers look each
/// name up among the others (quadratic: 80 000 headers took 97 s), so more
/// are refused before any work.
pub const MAX_HEADERS: usize = 512;
