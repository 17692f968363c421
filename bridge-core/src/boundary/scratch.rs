//! The layout of a runtime's scratch area: the number slots (a
//! `Float64Array` on the JS side) through which one call carries what it
//! returns and, for short calls, its arguments, instead of making JS values
//! one transition at a time.
//!
//! One value in slots `base..base + 3` (a *value slot*):
//!
//! | slot | JS → Rust | Rust → JS |
//! |---|---|---|
//! | `base` | number; object id; Python key; string byte length, or -1 | number; Python key; string pointer |
//! | `base + 1` | string byte offset, or UTF-16 length when -1; for a Python key, 1 if its PyProxy was destroyed (else 0) | Python flags; string byte length |
//! | `base + 2` | string well-formed (1/0) | — |
//!
//! The result's tag word is in [`RESULT_WORD`]; the result's value slot
//! starts at [`RESULT`]; argument `i` has its tag word at
//! `ARGS + i * ARG_STRIDE` and its value slot right after.

/// The result's value slot.
pub const RESULT: usize = 0;
/// The result's tag word.
pub const RESULT_WORD: usize = 3;
/// The first argument's tag word.
pub const ARGS: usize = 4;
/// Slots per argument: its tag word, then a value slot.
pub const ARG_STRIDE: usize = 4;
/// Arguments that travel through the scratch area; longer calls use an Array.
pub const MAX_ARGS: usize = 3;
/// An iterator step's `done` (1/0), beside its value in the result slots.
pub const DONE: usize = ARGS + MAX_ARGS * ARG_STRIDE;
/// Number slots in all.
pub const F64_SLOTS: usize = DONE + 1;
/// Bytes for strings travelling JS → Rust.
pub const BYTES: usize = 4096;

/// The tag-word slot of argument `i`.
pub const fn arg_word(i: usize) -> usize {
    ARGS + i * ARG_STRIDE
}

/// The value slot of argument `i`.
pub const fn arg_value(i: usize) -> usize {
    ARGS + i * ARG_STRIDE + 1
}
