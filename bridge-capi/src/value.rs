//! The value model: one tagged union for what crosses by value, the integer
//! rule (integers within +-(2^53 - 1) cross as a JS Number, others as a
//! BigInt) and big integers as signed little-endian bytes.
//!
//! The layout is part of the ABI: a JS glue reads `bridge_value_t` from
//! wasm32 memory with a `DataView` at fixed offsets (checked at compile time
//! below, and at load time with `bridge_value_layout`).

use std::ffi::{c_char, CStr};
use std::mem::{align_of, offset_of, size_of};

use bridge_core::value::{classify_js_number, JsNumber};
use bridge_core::{codec, int_crosses_as_number, BigInt, BridgeError};

use crate::buffer::{self, bridge_buffer_t, RawBuffer};
use crate::ffi_util::{
    assume_out, assume_out_buf, assume_readable, assume_slice, guard, guard_value,
};
use crate::key;
use crate::status::{bridge_status_t, CapiError};

/// JS `undefined` (Python `None`). No payload.
pub const BRIDGE_VALUE_UNDEFINED: u32 = 0;
/// JS `null`. No payload.
pub const BRIDGE_VALUE_NULL: u32 = 1;
/// `as.boolean` (stored as one byte, 0 or 1).
pub const BRIDGE_VALUE_BOOL: u32 = 2;
/// `as.integer`, within +-(2^53 - 1): a JS Number, a Python `int`.
pub const BRIDGE_VALUE_INT: u32 = 3;
/// `as.bigint`: signed little-endian two's-complement bytes (len >= 1): a
/// JS BigInt, a Python `int`.
pub const BRIDGE_VALUE_BIGINT: u32 = 4;
/// `as.number`: any double (NaN, infinities, -0 kept): a JS Number, a
/// Python `float`.
pub const BRIDGE_VALUE_FLOAT: u32 = 5;
/// `as.string`: WTF-8 bytes (lone surrogates allowed), not NUL-terminated.
pub const BRIDGE_VALUE_STRING: u32 = 6;
/// `as.buffer`: a buffer descriptor.
pub const BRIDGE_VALUE_BUFFER: u32 = 7;
/// `as.handle`: a key of a handle table.
pub const BRIDGE_VALUE_HANDLE: u32 = 8;

/// Number of `uint32_t`s `bridge_value_layout` writes.
pub const BRIDGE_VALUE_LAYOUT_LEN: u32 = 8;

/// Bytes owned by someone else (the caller, or `storage` of
/// `bridge_value_set_int`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct bridge_bytes_t {
    /// First byte; NULL only if `len` is 0.
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

/// A key of a handle table.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct bridge_handle_t {
    /// The table id (must be the key's bits 45..52).
    pub table: u32,
    /// Write 0; ignored.
    pub _pad: u32,
    /// The key.
    pub key: u64,
}

/// The payload of a `bridge_value_t`; which member is meaningful is the tag.
#[repr(C)]
#[derive(Clone, Copy)]
pub union bridge_value_payload_t {
    /// `BRIDGE_VALUE_BOOL`.
    pub boolean: bool,
    /// `BRIDGE_VALUE_INT`.
    pub integer: i64,
    /// `BRIDGE_VALUE_FLOAT`.
    pub number: f64,
    /// `BRIDGE_VALUE_BIGINT`.
    pub bigint: bridge_bytes_t,
    /// `BRIDGE_VALUE_STRING`.
    pub string: bridge_bytes_t,
    /// `BRIDGE_VALUE_BUFFER`.
    pub buffer: bridge_buffer_t,
    /// `BRIDGE_VALUE_HANDLE`.
    pub handle: bridge_handle_t,
}

/// One value crossing by value. On wasm32: `tag` @0, `_reserved` @4,
/// payload @8 (bool @8; integer/number @8; bytes ptr @8, len @12; handle
/// table @8, key @16); 48 bytes, 8-aligned.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct bridge_value_t {
    /// A `BRIDGE_VALUE_*`.
    pub tag: u32,
    /// Write 0; ignored.
    pub _reserved: u32,
    /// The payload, per `tag`.
    pub r#as: bridge_value_payload_t,
}

/// The payload as the bridge reads it: the bool as a byte (C may have
/// stored any byte there), the buffer as `RawBuffer`.
#[repr(C)]
#[derive(Clone, Copy)]
union RawPayload {
    boolean: u8,
    integer: i64,
    number: f64,
    bytes: bridge_bytes_t,
    buffer: RawBuffer,
    handle: bridge_handle_t,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct RawValue {
    tag: u32,
    _reserved: u32,
    payload: RawPayload,
}

const _: () = {
    assert!(size_of::<RawValue>() == size_of::<bridge_value_t>());
    assert!(align_of::<RawValue>() == align_of::<bridge_value_t>());
    assert!(offset_of!(RawValue, payload) == offset_of!(bridge_value_t, r#as));
    assert!(size_of::<RawPayload>() == size_of::<bridge_value_payload_t>());
};

#[cfg(target_arch = "wasm32")]
const _: () = {
    assert!(offset_of!(bridge_value_t, tag) == 0);
    assert!(offset_of!(bridge_value_t, _reserved) == 4);
    assert!(offset_of!(bridge_value_t, r#as) == 8);
    assert!(offset_of!(bridge_bytes_t, ptr) == 0);
    assert!(offset_of!(bridge_bytes_t, len) == 4);
    assert!(offset_of!(bridge_handle_t, table) == 0);
    assert!(offset_of!(bridge_handle_t, key) == 8);
    assert!(size_of::<bridge_value_payload_t>() == 40);
    assert!(size_of::<bridge_value_t>() == 48);
    assert!(align_of::<bridge_value_t>() == 8);
};

/// The layout `bridge_value_layout` reports.
const fn layout() -> [u32; BRIDGE_VALUE_LAYOUT_LEN as usize] {
    let payload = offset_of!(bridge_value_t, r#as);
    [
        size_of::<bridge_value_t>() as u32,
        payload as u32,
        size_of::<bridge_value_payload_t>() as u32,
        (payload + offset_of!(bridge_handle_t, key)) as u32,
        (payload + offset_of!(bridge_bytes_t, len)) as u32,
        size_of::<bridge_buffer_t>() as u32,
        align_of::<bridge_value_t>() as u32,
        size_of::<*const u8>() as u32,
    ]
}

/// Write the value model's layout to `out[0..8]`, so a glue (a JS
/// `DataView` reader, another language's FFI) can check it at load time:
/// `out[0]` sizeof(bridge_value_t), `[1]` offsetof(bridge_value_t, as),
/// `[2]` sizeof(bridge_value_payload_t), `[3]` offsetof(bridge_value_t,
/// as.handle.key), `[4]` offsetof(bridge_value_t, as.string.len), `[5]`
/// sizeof(bridge_buffer_t), `[6]` alignof(bridge_value_t), `[7]`
/// sizeof(void *). On wasm32: 48, 8, 40, 16, 12, 36, 8, 4.
///
/// # Safety
/// `out` must be NULL or valid for writes of 8 `uint32_t`s.
#[no_mangle]
pub unsafe extern "C" fn bridge_value_layout(out: *mut u32) -> bridge_status_t {
    guard("bridge_value_layout", || {
        // SAFETY: the caller's promise: 8 writable, aligned `uint32_t`s.
        let mut out = unsafe { assume_out(out.cast::<[u32; 8]>(), "out") }?;
        out.write(layout());
        Ok(())
    })
}

fn value(tag: u32, payload: bridge_value_payload_t) -> bridge_value_t {
    bridge_value_t {
        tag,
        _reserved: 0,
        r#as: payload,
    }
}

/// Whether `n` crosses to JS as a Number: `-(2^53 - 1) <= n <= 2^53 - 1`.
#[no_mangle]
pub extern "C" fn bridge_int_crosses_as_number(n: i64) -> bool {
    guard_value(false, || int_crosses_as_number(n))
}

/// `*out` = `n` by the integer rule: `BRIDGE_VALUE_INT` within
/// +-(2^53 - 1), else `BRIDGE_VALUE_BIGINT` whose shortest signed
/// little-endian bytes (at most 8) are written to `storage`, which
/// `out->as.bigint.ptr` then points to. `storage` may be NULL when `n` is
/// within range; otherwise NULL is `BRIDGE_ERR_NULL_POINTER`.
///
/// # Safety
/// `out` must be NULL or valid for writes of one `bridge_value_t`;
/// `storage` must be NULL or valid for writes of 8 bytes, and must outlive
/// every use of `*out`.
#[no_mangle]
pub unsafe extern "C" fn bridge_value_set_int(
    out: *mut bridge_value_t,
    n: i64,
    storage: *mut u8,
) -> bridge_status_t {
    guard("bridge_value_set_int", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        if int_crosses_as_number(n) {
            out.write(value(
                BRIDGE_VALUE_INT,
                bridge_value_payload_t { integer: n },
            ));
            return Ok(());
        }
        // SAFETY: the caller's promise: 8 writable bytes (alignment 1).
        let mut slot = unsafe { assume_out(storage.cast::<[u8; 8]>(), "storage") }?;
        let bytes = BigInt::from(n).to_signed_le_bytes();
        let mut full = n.to_le_bytes();
        full[bytes.len()..].fill(0);
        slot.write(full);
        out.write(value(
            BRIDGE_VALUE_BIGINT,
            bridge_value_payload_t {
                bigint: bridge_bytes_t {
                    ptr: storage,
                    len: bytes.len(),
                },
            },
        ));
        Ok(())
    })
}

/// `*out` = the JS Number `x` as Python sees it: `BRIDGE_VALUE_INT` when
/// `x` is integral, within +-(2^53 - 1) and not -0; else
/// `BRIDGE_VALUE_FLOAT` with the exact bits of `x`.
///
/// # Safety
/// `out` must be NULL or valid for writes of one `bridge_value_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_value_set_number(
    out: *mut bridge_value_t,
    x: f64,
) -> bridge_status_t {
    guard("bridge_value_set_number", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        out.write(match classify_js_number(x) {
            JsNumber::Int(n) => value(BRIDGE_VALUE_INT, bridge_value_payload_t { integer: n }),
            JsNumber::Float(f) => value(BRIDGE_VALUE_FLOAT, bridge_value_payload_t { number: f }),
        });
        Ok(())
    })
}

/// Big-integer bytes from C: at least one.
fn bigint_of(bytes: &[u8]) -> Result<BigInt, CapiError> {
    if bytes.is_empty() {
        return Err(BridgeError::MalformedBigInt {
            input: String::new(),
            reason: "no bytes (a big integer has at least one)",
        }
        .into());
    }
    Ok(BigInt::from_signed_le_bytes(bytes))
}

/// The signed little-endian bytes `bytes[0..len]` (len >= 1, any length,
/// not necessarily shortest) as an `int64_t`. `BRIDGE_ERR_MALFORMED_BIGINT`
/// for len 0, `BRIDGE_ERR_INTEGER_OVERFLOW` if it does not fit.
///
/// # Safety
/// `bytes` must be NULL (only with `len` 0) or point to `len` readable
/// bytes; `out` must be NULL or valid for writes of one `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_bigint_to_i64(
    bytes: *const u8,
    len: usize,
    out: *mut i64,
) -> bridge_status_t {
    guard("bridge_bigint_to_i64", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        // SAFETY: the caller's promise for `bytes`.
        let bytes = unsafe { assume_slice(bytes, len, "bytes") }?;
        out.write(bigint_of(bytes)?.to_i64()?);
        Ok(())
    })
}

/// The signed little-endian bytes `bytes[0..len]` (len >= 1) as decimal
/// ASCII (`-` for negatives, no NUL) in `dst[0..cap]`; `*out_len` = bytes
/// written, or needed with `BRIDGE_ERR_OUTPUT_TOO_SMALL` (`dst` may be NULL
/// with `cap` 0 to ask).
///
/// # Safety
/// `bytes` must be NULL (only with `len` 0) or point to `len` readable
/// bytes; `dst` must be NULL (only with `cap` 0) or valid for writes of
/// `cap` bytes; `out_len` must be NULL or valid for writes of one `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_bigint_to_decimal(
    bytes: *const u8,
    len: usize,
    dst: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_bigint_to_decimal", || {
        // SAFETY: the caller's promise for `dst`, `cap` and `out_len`.
        let out = unsafe { assume_out_buf(dst, cap, out_len) }?;
        // SAFETY: the caller's promise for `bytes`.
        let bytes = unsafe { assume_slice(bytes, len, "bytes") }?;
        let text = bigint_of(bytes)?.to_string();
        out.put(text.as_bytes(), "bytes")
    })
}

/// Decimal ASCII `text[0..len]` (optional `-`, then at least one digit; no
/// `+`, spaces or `_`) as the shortest signed little-endian bytes in
/// `dst[0..cap]`; `*out_len` = bytes written or needed, as
/// `bridge_bigint_to_decimal`. `BRIDGE_ERR_MALFORMED_BIGINT` otherwise.
///
/// # Safety
/// As `bridge_bigint_to_decimal`, with `text` for `bytes`.
#[no_mangle]
pub unsafe extern "C" fn bridge_bigint_from_decimal(
    text: *const u8,
    len: usize,
    dst: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> bridge_status_t {
    guard("bridge_bigint_from_decimal", || {
        // SAFETY: the caller's promise for `dst`, `cap` and `out_len`.
        let out = unsafe { assume_out_buf(dst, cap, out_len) }?;
        // SAFETY: the caller's promise for `text`.
        let text = unsafe { assume_slice(text, len, "text") }?;
        let text = std::str::from_utf8(text).map_err(|_| BridgeError::MalformedBigInt {
            input: String::from_utf8_lossy(text).chars().take(64).collect(),
            reason: "not valid UTF-8",
        })?;
        let n = BigInt::from_decimal(text)?;
        out.put(&n.to_signed_le_bytes(), "bytes")
    })
}

/// Check one value: the tag is known; a bool is 0 or 1 (read as a byte);
/// an int is within +-(2^53 - 1) (`BRIDGE_ERR_INTEGER_OVERFLOW`); a bigint
/// has len >= 1; a string is WTF-8; a buffer passes `bridge_buffer_check`;
/// a handle's key passes `bridge_key_parts` and its `table` is the key's
/// table id (`BRIDGE_ERR_WRONG_TABLE`). Liveness of a handle is the
/// table's job. `_reserved` and `_pad` are ignored.
///
/// # Safety
/// `v` must be NULL or point to a readable `bridge_value_t` whose pointers
/// (for its tag) are NULL or valid for their lengths.
#[no_mangle]
pub unsafe extern "C" fn bridge_value_check(v: *const bridge_value_t) -> bridge_status_t {
    guard("bridge_value_check", || {
        // SAFETY: the caller's promise for `v`; `RawValue` has its layout
        // (checked above), and every initialized bit pattern of the tag and
        // of the member the tag names is valid for it.
        let v = unsafe { assume_readable(v.cast::<RawValue>(), "v") }?;
        // SAFETY: the caller's promise for the pointers of the member `tag`
        // names; only that member is read.
        unsafe { check(v) }
    })
}

/// # Safety
/// The member `v.tag` names is initialized and its pointers valid.
unsafe fn check(v: &RawValue) -> Result<(), CapiError> {
    match v.tag {
        BRIDGE_VALUE_UNDEFINED | BRIDGE_VALUE_NULL | BRIDGE_VALUE_FLOAT => Ok(()),
        BRIDGE_VALUE_BOOL => {
            // SAFETY: the tag says C stored the bool; any byte is a valid u8.
            let b = unsafe { v.payload.boolean };
            if b > 1 {
                return Err(CapiError::BadArgument {
                    arg: "as.boolean",
                    reason: format!("a bool must be 0 or 1, not {b}"),
                });
            }
            Ok(())
        }
        BRIDGE_VALUE_INT => {
            // SAFETY: the tag says C stored the integer.
            let n = unsafe { v.payload.integer };
            if !int_crosses_as_number(n) {
                return Err(BridgeError::IntegerOverflow {
                    target: "BRIDGE_VALUE_INT (|n| <= 2^53 - 1; use BRIDGE_VALUE_BIGINT)",
                    value: n.to_string(),
                }
                .into());
            }
            Ok(())
        }
        BRIDGE_VALUE_BIGINT | BRIDGE_VALUE_STRING => {
            // SAFETY: the tag says C stored `bigint` / `string` (the same
            // type at the same offset).
            let b = unsafe { v.payload.bytes };
            let arg = if v.tag == BRIDGE_VALUE_STRING {
                "as.string"
            } else {
                "as.bigint"
            };
            // SAFETY: the caller's promise for the bytes.
            let bytes = unsafe { assume_slice(b.ptr, b.len, arg) }?;
            if v.tag == BRIDGE_VALUE_BIGINT {
                bigint_of(bytes).map(drop)
            } else {
                codec::wtf8_to_utf16(bytes).map(drop).map_err(Into::into)
            }
        }
        BRIDGE_VALUE_BUFFER => {
            // SAFETY: the tag says C stored the buffer; `RawBuffer` is
            // valid for any initialized bits.
            let b = unsafe { v.payload.buffer };
            // SAFETY: the caller's promise for the buffer's pointers.
            unsafe { buffer::check(&b) }.map(drop)
        }
        BRIDGE_VALUE_HANDLE => {
            // SAFETY: the tag says C stored the handle.
            let h = unsafe { v.payload.handle };
            let parts = key::parts_of(h.key)?;
            if parts.table != h.table {
                return Err(CapiError::WrongTable {
                    key: h.key,
                    key_table: parts.table,
                    table: h.table,
                });
            }
            Ok(())
        }
        tag => Err(CapiError::BadArgument {
            arg: "tag",
            reason: format!("unknown value tag {tag} (known: 0..=8)"),
        }),
    }
}

fn type_name(tag: u32) -> &'static CStr {
    match tag {
        BRIDGE_VALUE_UNDEFINED => c"undefined",
        BRIDGE_VALUE_NULL => c"null",
        BRIDGE_VALUE_BOOL => c"bool",
        BRIDGE_VALUE_INT => c"int",
        BRIDGE_VALUE_BIGINT => c"bigint",
        BRIDGE_VALUE_FLOAT => c"float",
        BRIDGE_VALUE_STRING => c"str",
        BRIDGE_VALUE_BUFFER => c"buffer",
        BRIDGE_VALUE_HANDLE => c"handle",
        _ => c"unknown",
    }
}

/// The name of a value tag (static): `"undefined"`, `"null"`, `"bool"`,
/// `"int"`, `"bigint"`, `"float"`, `"str"`, `"buffer"`, `"handle"`;
/// `"unknown"` for any other tag.
#[no_mangle]
pub extern "C" fn bridge_value_type_name(tag: u32) -> *const c_char {
    guard_value(c"unknown".as_ptr(), || type_name(tag).as_ptr())
}

#[cfg(test)]
#[path = "value_tests.rs"]
mod tests;
