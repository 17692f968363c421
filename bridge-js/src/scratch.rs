//! The per-runtime scratch area in linear memory, where the JS side leaves
//! what a crossing returns besides the value itself (a number, an object's
//! identity, a string's UTF-8 bytes), so that one call carries it all.
//!
//! The JS side writes here only right before it returns from a hook, after
//! any user code has run; the Rust side reads right after the call returns,
//! before it calls JS again. Nested crossings in between therefore never see
//! each other's contents.
//!
//! No `unsafe`: the slots are `Cell`s (interior mutability tells the compiler
//! that code outside its view, here JS, may change them), and JS only gets
//! their address.

use std::cell::Cell;

/// Number slots (`Float64Array` on the JS side).
pub const F64_SLOTS: usize = 4;
/// Bytes for a string's UTF-8 (`Uint8Array` on the JS side).
pub const STR_CAP: usize = 4096;

struct Area {
    f64s: Box<[Cell<f64>; F64_SLOTS]>,
    bytes: Box<[Cell<u8>; STR_CAP]>,
}

thread_local! {
    static AREA: Area = Area {
        f64s: Box::new([const { Cell::new(0.0) }; F64_SLOTS]),
        bytes: Box::new([const { Cell::new(0) }; STR_CAP]),
    };
}

/// Number slot `i`.
pub fn f64(i: usize) -> f64 {
    AREA.with(|a| a.f64s[i].get())
}

/// The first `len` string bytes, copied out.
pub fn bytes(len: usize) -> Vec<u8> {
    AREA.with(|a| a.bytes[..len.min(STR_CAP)].iter().map(Cell::get).collect())
}

/// `(f64 slots address, string bytes address, string capacity)` for the JS side.
pub fn layout() -> (u32, u32, u32) {
    AREA.with(|a| (a.f64s.as_ptr() as usize as u32, a.bytes.as_ptr() as usize as u32, STR_CAP as u32))
}
