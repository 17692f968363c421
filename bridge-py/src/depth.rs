//! This runtime's crossing depth (bridge-core's [`CrossingDepth`]): every
//! crossing that can run the other side's code enters it.

use bridge_core::boundary::{CrossingDepth, DepthGuard, Direction};
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
    static DEPTH: &'static CrossingDepth = Box::leak(Box::new(CrossingDepth::new(DEFAULT_LIMIT, MARGIN)));
}

fn depth() -> &'static CrossingDepth {
    DEPTH.with(|d| *d)
}

pub fn enter(dir: Direction) -> Result<DepthGuard<'static>, BridgeError> {
    depth().enter(dir)
}

pub fn current() -> u32 {
    depth().current()
}

pub fn set_limit(limit: u32) {
    depth().set_limit(limit)
}

pub fn limit() -> u32 {
    depth().limit()
}
