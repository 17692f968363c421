//! How deeply crossings nest: JS calls Python calls JS calls Python…
//!
//! Each crossing that can run the other side's code enters a [`DepthGuard`].
//! Past the limit the bridge refuses the crossing with
//! [`BridgeError::CrossingTooDeep`] (Python `RecursionError`, JS `RangeError`)
//! instead of letting the JS engine's stack overflow in the middle of wasm
//! frames, which would abandon Python frames and leak handles.
//!
//! A Python→JS crossing is refused at `limit`, a JS→Python one only at
//! `limit + margin`: in a JS↔Python recursion the refusal then always happens
//! in Python, as a `RecursionError` that unwinds every level cleanly.

use std::cell::Cell;

use crate::error::BridgeError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    PyToJs,
    JsToPy,
}

/// A per-runtime nesting counter. Not `Sync`: one runtime, one thread.
#[derive(Debug)]
pub struct CrossingDepth {
    depth: Cell<u32>,
    limit: Cell<u32>,
    margin: u32,
    deepest: Cell<u32>,
}

impl CrossingDepth {
    pub const fn new(limit: u32, margin: u32) -> Self {
        CrossingDepth {
            depth: Cell::new(0),
            limit: Cell::new(limit),
            margin,
            deepest: Cell::new(0),
        }
    }

    /// Enter one crossing; the guard leaves it when dropped.
    pub fn enter(&self, dir: Direction) -> Result<DepthGuard<'_>, BridgeError> {
        let d = self.depth.get();
        let limit = match dir {
            Direction::PyToJs => self.limit.get(),
            Direction::JsToPy => self.limit.get().saturating_add(self.margin),
        };
        if d >= limit {
            return Err(BridgeError::CrossingTooDeep {
                depth: d,
                limit: self.limit.get(),
            });
        }
        self.depth.set(d + 1);
        if d + 1 > self.deepest.get() {
            self.deepest.set(d + 1);
        }
        Ok(DepthGuard { depth: self })
    }

    /// [`enter`](Self::enter) for hosts that keep the counter in a
    /// thread-local and cannot hold a borrow of it: pair every `Ok` with one
    /// [`leave`](Self::leave).
    pub fn enter_unguarded(&self, dir: Direction) -> Result<(), BridgeError> {
        self.enter(dir).map(std::mem::forget)
    }

    /// Leave a crossing entered with [`enter_unguarded`](Self::enter_unguarded).
    pub fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    pub fn current(&self) -> u32 {
        self.depth.get()
    }

    /// The deepest nesting reached so far (for tests and diagnostics).
    pub fn deepest(&self) -> u32 {
        self.deepest.get()
    }

    pub fn limit(&self) -> u32 {
        self.limit.get()
    }

    pub fn set_limit(&self, limit: u32) {
        self.limit.set(limit);
    }
}

/// One entered crossing.
#[must_use = "the crossing is left when the guard is dropped"]
pub struct DepthGuard<'a> {
    depth: &'a CrossingDepth,
}

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.depth.depth.set(self.depth.depth.get() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_and_refused_past_the_limit() {
        let d = CrossingDepth::new(2, 1);
        let a = d.enter(Direction::JsToPy).unwrap();
        let b = d.enter(Direction::PyToJs).unwrap();
        let e = d.enter(Direction::PyToJs).err().unwrap();
        assert_eq!(e.python_class(), "RecursionError");
        assert_eq!(e.js_class(), "RangeError");
        // JS→Python gets the margin, so a recursion is refused on the Python side first.
        let c = d.enter(Direction::JsToPy).unwrap();
        assert!(d.enter(Direction::JsToPy).is_err());
        assert_eq!(d.current(), 3);
        drop((c, b, a));
        assert_eq!(d.current(), 0);
        assert_eq!(d.deepest(), 3);
    }

    #[test]
    fn unguarded_enter_and_leave_pair_up() {
        let d = CrossingDepth::new(1, 0);
        d.enter_unguarded(Direction::PyToJs).unwrap();
        assert!(d.enter_unguarded(Direction::PyToJs).is_err());
        d.leave();
        assert_eq!(d.current(), 0);
    }

    #[test]
    fn a_refusal_leaves_the_count_unchanged() {
        let d = CrossingDepth::new(0, 0);
        assert!(d.enter(Direction::PyToJs).is_err());
        assert_eq!(d.current(), 0);
    }
}
