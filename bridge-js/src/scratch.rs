//! The per-runtime scratch area in linear memory (layout:
//! `bridge_core::boundary::scratch`), where one call leaves what it carries
//! besides a JS value itself: numbers, tag words, identities, Python keys,
//! strings' bytes. That is what lets a crossing be one transition.
//!
//! Who writes when: the side that is about to make a call writes the
//! arguments right before it, and the callee reads them before running any
//! user code; the callee writes the result right before returning, after all
//! user code (and every drop that could run user code), and the caller reads
//! it right after the call returns. Nested crossings happen only in between,
//! so they never see each other's contents.
//!
//! No `unsafe`: the slots are `Cell`s (interior mutability tells the compiler
//! that code outside its view, here JS, may change them), and JS only gets
//! their address.

use std::cell::{Cell, RefCell};

pub use bridge_core::boundary::scratch::{
    arg_value, arg_word, BYTES, DONE, F64_SLOTS, MAX_ARGS, RESULT, RESULT_WORD,
};

struct Area {
    f64s: [Cell<f64>; F64_SLOTS],
    bytes: [Cell<u8>; BYTES],
    /// A string handed to JS by pointer stays here until the next one.
    keep: RefCell<Option<String>>,
}

thread_local! {
    // Const-initialized: a plain static on wasm, no lazy-init check per use,
    // and its address never changes.
    static AREA: Area = const {
        Area {
            f64s: [const { Cell::new(0.0) }; F64_SLOTS],
            bytes: [const { Cell::new(0) }; BYTES],
            keep: RefCell::new(None),
        }
    };
}

/// Number slot `i`.
pub fn f64(i: usize) -> f64 {
    AREA.with(|a| a.f64s[i].get())
}

pub fn set_f64(i: usize, v: f64) {
    AREA.with(|a| a.f64s[i].set(v))
}

/// String bytes `offset..offset + len`, copied out (clamped to the area).
pub fn bytes(offset: usize, len: usize) -> Vec<u8> {
    AREA.with(|a| {
        let end = offset.saturating_add(len).min(BYTES);
        a.bytes[offset.min(end)..end]
            .iter()
            .map(Cell::get)
            .collect()
    })
}

/// Keep `s` alive for JS to read by pointer; returns `(pointer, byte length)`.
/// The previous kept string is dropped (a `String`: no user code runs).
pub fn keep_string(s: String) -> (u32, u32) {
    AREA.with(|a| {
        let mut keep = a.keep.borrow_mut();
        let out = (s.as_ptr() as usize as u32, s.len() as u32);
        *keep = Some(s);
        out
    })
}

/// `(number slots address, string bytes address, string capacity)` for the JS side.
pub fn layout() -> (u32, u32, u32) {
    AREA.with(|a| {
        (
            a.f64s.as_ptr() as usize as u32,
            a.bytes.as_ptr() as usize as u32,
            BYTES as u32,
        )
    })
}
