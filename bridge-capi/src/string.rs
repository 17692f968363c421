//! String codecs: WTF-8 (Python's `surrogatepass` UTF-8) <-> UTF-16 (JS),
//! lone surrogates kept both ways, and strict UTF-16 -> UTF-8.
//!
//! Lengths are in units: bytes for WTF-8/UTF-8, `uint16_t`s for UTF-16.
//! UTF-16 pointers must be 2-aligned (`BRIDGE_ERR_BAD_ARGUMENT`).
//! The decoder also accepts a surrogate *pair* written as two 3-byte
//! sequences (what Python's `surrogatepass` makes of `"\ud83d\ude00"`): in
//! UTF-16 those are the two units of the astral character.

use bridge_core::codec;

use crate::ffi_util::{assume_opt_out, assume_out_buf, assume_slice, guard};
use crate::status::bridge_status_t;

/// Check that `src[0..len]` is WTF-8 (`BRIDGE_ERR_INVALID_UTF8` naming the
/// byte offset); `*out_utf16_len` (nullable) is its length in UTF-16 units.
///
/// # Safety
/// `src` must be NULL (only with `len` 0) or point to `len` readable bytes;
/// `out_utf16_len` must be NULL or valid for writes of one `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_wtf8_check(
    src: *const u8,
    len: usize,
    out_utf16_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_wtf8_check", || {
        // SAFETY: the caller's promise for `out_utf16_len`.
        let out = unsafe { assume_opt_out(out_utf16_len, "out_utf16_len") }?;
        // SAFETY: the caller's promise for `src`.
        let src = unsafe { assume_slice(src, len, "src") }?;
        let units = codec::wtf8_to_utf16(src)?;
        if let Some(mut out) = out {
            out.write(units.len());
        }
        Ok(())
    })
}

/// WTF-8 `src[0..len]` -> UTF-16 in `dst[0..cap]`; `*out_len` = units
/// written, or needed with `BRIDGE_ERR_OUTPUT_TOO_SMALL` (`dst` may be NULL
/// with `cap` 0 to ask). `BRIDGE_ERR_INVALID_UTF8` naming the byte offset.
///
/// # Safety
/// `src` must be NULL (only with `len` 0) or point to `len` readable bytes;
/// `dst` must be NULL (only with `cap` 0) or valid for writes of `cap`
/// `uint16_t`s; `out_len` must be NULL or valid for writes of one `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_wtf8_to_utf16(
    src: *const u8,
    len: usize,
    dst: *mut u16,
    cap: usize,
    out_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_wtf8_to_utf16", || {
        // SAFETY: the caller's promise for `dst`, `cap` and `out_len`.
        let out = unsafe { assume_out_buf(dst, cap, out_len) }?;
        // SAFETY: the caller's promise for `src`.
        let src = unsafe { assume_slice(src, len, "src") }?;
        let units = codec::wtf8_to_utf16(src)?;
        out.put(&units, "UTF-16 units")
    })
}

/// UTF-16 `src[0..len]` -> WTF-8 in `dst[0..cap]` (never fails on content:
/// a pair becomes 4 bytes, a lone surrogate 3); `*out_len` as
/// `bridge_wtf8_to_utf16`.
///
/// # Safety
/// `src` must be NULL (only with `len` 0) or point to `len` readable,
/// 2-aligned `uint16_t`s; `dst` must be NULL (only with `cap` 0) or valid
/// for writes of `cap` bytes; `out_len` must be NULL or valid for writes of
/// one `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_utf16_to_wtf8(
    src: *const u16,
    len: usize,
    dst: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_utf16_to_wtf8", || {
        // SAFETY: the caller's promise for `dst`, `cap` and `out_len`.
        let out = unsafe { assume_out_buf(dst, cap, out_len) }?;
        // SAFETY: the caller's promise for `src`.
        let src = unsafe { assume_slice(src, len, "src") }?;
        out.put(&codec::utf16_to_wtf8(src), "bytes")
    })
}

/// Strict UTF-16 `src[0..len]` -> UTF-8 in `dst[0..cap]`: a lone surrogate
/// is `BRIDGE_ERR_LONE_SURROGATE` naming its unit offset; `*out_len` as
/// `bridge_wtf8_to_utf16`.
///
/// # Safety
/// As `bridge_utf16_to_wtf8`.
#[no_mangle]
pub unsafe extern "C" fn bridge_utf16_to_utf8(
    src: *const u16,
    len: usize,
    dst: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_utf16_to_utf8", || {
        // SAFETY: the caller's promise for `dst`, `cap` and `out_len`.
        let out = unsafe { assume_out_buf(dst, cap, out_len) }?;
        // SAFETY: the caller's promise for `src`.
        let src = unsafe { assume_slice(src, len, "src") }?;
        let s = codec::utf16_to_string(src)?;
        out.put(s.as_bytes(), "bytes")
    })
}

#[cfg(test)]
#[path = "string_tests.rs"]
mod tests;
