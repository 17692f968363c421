//! Strings through linear memory, any length, lone surrogates kept.
//!
//! JS → Rust: a short well-formed string arrives already encoded as UTF-8 in
//! the scratch bytes (written by the same call that named its tag); anything
//! longer, or with lone surrogates, is copied as UTF-16 code units into a
//! buffer of the right size. Rust → JS: UTF-8 is read by the JS side from
//! memory by pointer; UTF-16 code units are decoded from memory in chunks,
//! never spread as call arguments (`String.fromCharCode(...units)` throws
//! past ~120k units).

use bridge_core::error::BridgeError;
use bridge_core::value::Text;
use wasm_bindgen::JsValue;

use crate::{hooks, scratch};

/// The text of a JS string whose value slot starts at `base`.
pub fn from_js(s: &JsValue, base: usize) -> Result<Text, BridgeError> {
    let utf8_len = scratch::f64(base);
    if utf8_len >= 0.0 {
        let bytes = scratch::bytes(scratch::f64(base + 1) as usize, utf8_len as usize);
        return String::from_utf8(bytes)
            .map(Text::Utf8)
            .map_err(|e| BridgeError::InvalidUtf8 {
                offset: e.utf8_error().valid_up_to(),
                reason: "the JS side wrote invalid UTF-8",
            });
    }
    let len = scratch::f64(base + 1) as usize;
    let well_formed = scratch::f64(base + 2) != 0.0;
    if well_formed {
        // Long and well-formed: the engine's UTF-8 encoder straight into a
        // buffer that surely fits (3 bytes per UTF-16 unit at most).
        let mut bytes = zeroed::<u8>(len.saturating_mul(3))?;
        let written =
            hooks::with(|h| h.copy_utf8(s, bytes.as_mut_ptr() as usize as u32, bytes.len() as u32))
                as usize;
        bytes.truncate(written.min(bytes.len()));
        return String::from_utf8(bytes)
            .map(Text::Utf8)
            .map_err(|e| BridgeError::InvalidUtf8 {
                offset: e.utf8_error().valid_up_to(),
                reason: "the JS side wrote invalid UTF-8",
            });
    }
    let mut units = zeroed::<u16>(len)?;
    hooks::with(|h| h.copy_utf16(s, units.as_mut_ptr() as usize as u32, len as u32));
    Ok(Text::Utf16(units))
}

/// A zeroed buffer of `n` items for a string's content, or `OutOfMemory`
/// when linear memory cannot grow that far: `vec![0; n]` would abort the
/// module (a trap in the middle of a crossing, leaving Python frames and a
/// counted crossing behind) where Python would raise `MemoryError`.
fn zeroed<T: Copy + Default>(n: usize) -> Result<Vec<T>, BridgeError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| BridgeError::OutOfMemory {
            what: "a JS string crossing into Python",
            bytes: n.saturating_mul(std::mem::size_of::<T>()),
        })?;
    v.resize(n, T::default());
    Ok(v)
}

/// Strings shorter than this (in bytes) are made by the glue directly;
/// longer ones through a hook that catches the engine's "Invalid string
/// length" (a JS string holds at most about 2^29 code units).
const GLUE_LIMIT: usize = 1 << 20;

/// A JS string for `text` (one transition).
pub fn to_js(text: &Text) -> Result<JsValue, BridgeError> {
    let too_long = |_| {
        BridgeError::conversion(
            "str",
            format!(
                "a string of {} UTF-16 code units is longer than JS strings can be",
                text.utf16_len()
            ),
        )
    };
    match text {
        Text::Utf8(s) if s.len() < GLUE_LIMIT => Ok(JsValue::from_str(s)),
        Text::Utf8(s) => {
            hooks::with(|h| h.utf8_to_string(s.as_ptr() as usize as u32, s.len() as u32))
                .map_err(too_long)
        }
        Text::Utf16(units) => {
            hooks::with(|h| h.utf16_to_string(units.as_ptr() as usize as u32, units.len() as u32))
                .map_err(too_long)
        }
    }
}
