//! This runtime's crossing depth (bridge-core's [`CrossingDepth`]): every
//! crossing that can run the other side's code enters it.

use bridge_core::boundary::{CrossingDepth, Direction};
use bridge_core::error::BridgeError;

/// Nested crossings allowed before Python→JS calls raise `RecursionError`.
/// Chosen well below what the smallest JS stack we run on holds (a main
/// thread's ~1 MB: about 700 nested crossings of a JS↔Python recursion, cold,
/// in Node 20): see `docs/lifetimes.md`, "Nesting".
pub const DEFAULT_LIMIT: u32 = 400;
/// JS→Python crossings get this much more, so that a JS↔Python recursion is
/// refused on the Python side (a clean `RecursionError`).
pub const MARGIN: u32 = 8;

thread_local! {
    static DEPTH: CrossingDepth = const { CrossingDepth::new(DEFAULT_LIMIT, MARGIN) };
}

/// One entered crossing of this runtime; left when dropped.
#[must_use = "the crossing is left when the guard is dropped"]
pub struct Guard(());

impl Drop for Guard {
    fn drop(&mut self) {
        DEPTH.with(CrossingDepth::leave);
    }
}

pub fn enter(dir: Direction) -> Result<Guard, BridgeError> {
    DEPTH.with(|d| d.enter_unguarded(dir)).map(|()| Guard(()))
}

pub fn current() -> u32 {
    DEPTH.with(CrossingDepth::current)
}

pub fn set_limit(limit: u32) {
    DEPTH.with(|d| d.set_limit(limit))
}

pub fn limit() -> u32 {
    DEPTH.with(CrossingDepth::limit)
}
