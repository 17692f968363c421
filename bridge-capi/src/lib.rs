//! The C ABI of the bridge core, for language runtimes compiled to wasm
//! (and natively) that embed it: handle tables with checked keys, the value
//! model and integer rule, WTF-8/UTF-16 codecs, buffer formats and layouts,
//! and status codes that know their Python and JS classes.
//!
//! The header is `include/bridge.h`, generated from this crate by cbindgen
//! (`tests/header.rs` checks it is current). The guide for embedders is
//! `docs/c-abi.md`.
//!
//! * [`status`]: status codes, their classes, the thread's last error.
//! * [`key`]: the key format (below 2^53) and `bridge_key_parts`.
//! * [`table`]: the table registry and release callbacks.
//! * [`value`]: `bridge_value_t`, the integer rule, big integers.
//! * [`string`]: the codecs.
//! * [`buffer`]: format strings and layout checks.
//!
//! Every entry point checks its pointers through `ffi_util` (the only place
//! raw pointers become slices), runs inside `catch_unwind`, and never
//! panics on any input.
// The ABI's names are C names (`bridge_value_t`); they are the contract.
#![allow(non_camel_case_types)]

mod ffi_util;

// In header order (cbindgen follows the declarations; the groups keep
// rustfmt from sorting them).
pub mod status;

pub mod key;

pub mod table;

pub mod value;

pub mod string;

pub mod buffer;

pub use buffer::*;
pub use key::*;
pub use status::*;
pub use string::*;
pub use table::*;
pub use value::*;

/// The ABI version this library implements (`bridge_abi_version`).
pub const BRIDGE_ABI_VERSION: u32 = 1;

/// The ABI version of the linked library: 1. A runtime built against this
/// header should refuse a different major version.
#[no_mangle]
pub extern "C" fn bridge_abi_version() -> u32 {
    BRIDGE_ABI_VERSION
}

#[cfg(test)]
mod tests {
    #[test]
    fn abi_version_is_1() {
        assert_eq!(super::bridge_abi_version(), 1);
    }
}
