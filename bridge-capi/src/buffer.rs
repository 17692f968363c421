//! Buffers: Python `struct` format strings -> JS typed-array kinds, and
//! the check of a buffer's shape, strides and offset against its bytes.
//!
//! Formats are parsed for the wasm32 ABI (`long`, `size_t` are 4 bytes,
//! native order little-endian) on every target, so a native test gets the
//! answers the wasm build gives.

use std::ffi::{c_char, CStr};
use std::mem::{align_of, offset_of, size_of};

use bridge_core::buffer::format::ALL_KINDS;
use bridge_core::buffer::{
    parse_format_for, Abi, BufferFormat, BufferLayout, ElementKind, MAX_NDIM,
};
use bridge_core::BridgeError;

use crate::ffi_util::{assume_out, assume_readable, assume_slice, guard, guard_value};
use crate::status::{bridge_status_t, CapiError};

/// `Int8Array` (`b`).
pub const BRIDGE_ELEMENT_KIND_INT8: u32 = 0;
/// `Uint8Array` (`B`, `c`, `?`).
pub const BRIDGE_ELEMENT_KIND_UINT8: u32 = 1;
/// `Uint8ClampedArray` (no format code; a typed-array name only).
pub const BRIDGE_ELEMENT_KIND_UINT8_CLAMPED: u32 = 2;
/// `Int16Array` (`h`).
pub const BRIDGE_ELEMENT_KIND_INT16: u32 = 3;
/// `Uint16Array` (`H`).
pub const BRIDGE_ELEMENT_KIND_UINT16: u32 = 4;
/// `Int32Array` (`i`, `l`, `n` on wasm32).
pub const BRIDGE_ELEMENT_KIND_INT32: u32 = 5;
/// `Uint32Array` (`I`, `L`, `N` on wasm32).
pub const BRIDGE_ELEMENT_KIND_UINT32: u32 = 6;
/// `Float16Array` (`e`).
pub const BRIDGE_ELEMENT_KIND_FLOAT16: u32 = 7;
/// `Float32Array` (`f`).
pub const BRIDGE_ELEMENT_KIND_FLOAT32: u32 = 8;
/// `Float64Array` (`d`).
pub const BRIDGE_ELEMENT_KIND_FLOAT64: u32 = 9;
/// `BigInt64Array` (`q`).
pub const BRIDGE_ELEMENT_KIND_BIGINT64: u32 = 10;
/// `BigUint64Array` (`Q`).
pub const BRIDGE_ELEMENT_KIND_BIGUINT64: u32 = 11;
/// Number of element kinds.
pub const BRIDGE_ELEMENT_KIND_COUNT: u32 = 12;

/// The format had no order prefix, or `@` / `=` (little-endian on wasm32).
pub const BRIDGE_BYTE_ORDER_NATIVE: u32 = 0;
/// `<`.
pub const BRIDGE_BYTE_ORDER_LITTLE: u32 = 1;
/// `>` or `!`.
pub const BRIDGE_BYTE_ORDER_BIG: u32 = 2;

const _: () = assert!(ALL_KINDS.len() == BRIDGE_ELEMENT_KIND_COUNT as usize);

/// A buffer as the exporter describes it (a `Py_buffer`, a typed array...).
/// The bridge reads the descriptor and never the bytes.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct bridge_buffer_t {
    /// The exporter's bytes; NULL only if `byte_len` is 0.
    pub data: *const u8,
    /// Bytes at `data`.
    pub byte_len: usize,
    /// Byte offset of the first element from `data`.
    pub offset: usize,
    /// A `struct` format string, not NUL-terminated: `"B"`, `"<i"`, `"d"`.
    pub format: *const u8,
    /// Bytes of `format`.
    pub format_len: usize,
    /// Number of dimensions, 0..=64 (0: one element).
    pub ndim: u32,
    /// `ndim` extents; may be NULL only if `ndim` is 0.
    pub shape: *const i64,
    /// `ndim` byte strides, or NULL for C-contiguous.
    pub strides: *const i64,
    /// Whether the exporter forbids writes (0 or 1).
    pub readonly: bool,
}

/// `bridge_buffer_t` as the bridge reads it: `readonly` as a byte, so a C
/// `bool` holding 2 is reported, not undefined behaviour.
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct RawBuffer {
    data: *const u8,
    byte_len: usize,
    offset: usize,
    format: *const u8,
    format_len: usize,
    ndim: u32,
    shape: *const i64,
    strides: *const i64,
    readonly: u8,
}

const _: () = {
    assert!(size_of::<RawBuffer>() == size_of::<bridge_buffer_t>());
    assert!(align_of::<RawBuffer>() == align_of::<bridge_buffer_t>());
    assert!(offset_of!(RawBuffer, byte_len) == offset_of!(bridge_buffer_t, byte_len));
    assert!(offset_of!(RawBuffer, offset) == offset_of!(bridge_buffer_t, offset));
    assert!(offset_of!(RawBuffer, format) == offset_of!(bridge_buffer_t, format));
    assert!(offset_of!(RawBuffer, format_len) == offset_of!(bridge_buffer_t, format_len));
    assert!(offset_of!(RawBuffer, ndim) == offset_of!(bridge_buffer_t, ndim));
    assert!(offset_of!(RawBuffer, shape) == offset_of!(bridge_buffer_t, shape));
    assert!(offset_of!(RawBuffer, strides) == offset_of!(bridge_buffer_t, strides));
    assert!(offset_of!(RawBuffer, readonly) == offset_of!(bridge_buffer_t, readonly));
};

#[cfg(target_arch = "wasm32")]
const _: () = {
    assert!(size_of::<bridge_buffer_t>() == 36);
    assert!(offset_of!(bridge_buffer_t, format) == 12);
    assert!(offset_of!(bridge_buffer_t, ndim) == 20);
    assert!(offset_of!(bridge_buffer_t, readonly) == 32);
};

/// A parsed format (`bridge_buffer_format_parse`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct bridge_buffer_format_t {
    /// A `BRIDGE_ELEMENT_KIND_*`.
    pub kind: u32,
    /// Bytes per element.
    pub itemsize: u32,
    /// A `BRIDGE_BYTE_ORDER_*`: what the format string says.
    pub byte_order: u32,
    /// Whether a typed array can view the bytes as they are (little-endian
    /// or one-byte elements); else the host must byte-swap a copy.
    pub native_order: bool,
    /// The typed-array constructor name, e.g. `"Int32Array"` (static).
    pub typed_array: *const c_char,
}

/// What `bridge_buffer_check` found.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct bridge_buffer_info_t {
    /// A `BRIDGE_ELEMENT_KIND_*`.
    pub kind: u32,
    /// Bytes per element.
    pub itemsize: u32,
    /// Number of elements (the product of the shape; 1 for ndim 0).
    pub len: u64,
    /// Row-major without gaps.
    pub c_contiguous: bool,
    /// Column-major without gaps.
    pub f_contiguous: bool,
    /// When `c_contiguous`: byte offset from `data` of a typed-array view
    /// (the buffer's `offset`); else 0. A typed array needs it to be a
    /// multiple of `itemsize`; if it is not, copy the bytes.
    pub view_offset: usize,
    /// When `c_contiguous`: the view's length in elements (= `len`); else 0.
    pub view_len: usize,
}

/// The number of a kind (its position in the core's `ALL_KINDS`).
pub(crate) fn kind_number(kind: ElementKind) -> u32 {
    ALL_KINDS.iter().position(|&k| k == kind).unwrap_or(0) as u32
}

fn typed_array_cstr(kind: ElementKind) -> &'static CStr {
    use ElementKind::*;
    match kind {
        Int8 => c"Int8Array",
        Uint8 => c"Uint8Array",
        Uint8Clamped => c"Uint8ClampedArray",
        Int16 => c"Int16Array",
        Uint16 => c"Uint16Array",
        Int32 => c"Int32Array",
        Uint32 => c"Uint32Array",
        Float16 => c"Float16Array",
        Float32 => c"Float32Array",
        Float64 => c"Float64Array",
        BigInt64 => c"BigInt64Array",
        BigUint64 => c"BigUint64Array",
    }
}

/// Parse a format (bytes from C) for wasm32, with the order its prefix
/// names.
fn parse(fmt: &[u8]) -> Result<(BufferFormat, u32), CapiError> {
    let text = std::str::from_utf8(fmt).map_err(|_| BridgeError::MalformedFormat {
        format: String::from_utf8_lossy(fmt).chars().take(64).collect(),
        reason: "not valid UTF-8",
    })?;
    let parsed = parse_format_for(text, Abi::WASM32)?;
    let order = match fmt.first() {
        Some(b'<') => BRIDGE_BYTE_ORDER_LITTLE,
        Some(b'>' | b'!') => BRIDGE_BYTE_ORDER_BIG,
        _ => BRIDGE_BYTE_ORDER_NATIVE,
    };
    Ok((parsed, order))
}

/// Check a buffer descriptor (shared with `bridge_value_check`).
///
/// # Safety
/// `b.format`, `b.shape` and `b.strides` must each be NULL or point to
/// `format_len` bytes / `ndim` `int64_t`s, valid for this call.
pub(crate) unsafe fn check(b: &RawBuffer) -> Result<bridge_buffer_info_t, CapiError> {
    if b.readonly > 1 {
        return Err(CapiError::BadArgument {
            arg: "readonly",
            reason: format!("a bool must be 0 or 1, not {}", b.readonly),
        });
    }
    if b.byte_len > isize::MAX as usize {
        return Err(CapiError::BadLength {
            arg: "byte_len",
            len: b.byte_len,
            max: isize::MAX as usize,
        });
    }
    if b.data.is_null() && b.byte_len > 0 {
        return Err(CapiError::NullWithLength {
            arg: "data",
            len: b.byte_len,
        });
    }
    // SAFETY: the caller's promise for `format`.
    let fmt = unsafe { assume_slice(b.format, b.format_len, "format") }?;
    let (format, _) = parse(fmt)?;
    let ndim = b.ndim as usize;
    if ndim > MAX_NDIM {
        return Err(BridgeError::InvalidShape {
            reason: format!("{ndim} dimensions (at most {MAX_NDIM})"),
        }
        .into());
    }
    if b.shape.is_null() && ndim > 0 {
        return Err(CapiError::NullWithLength {
            arg: "shape",
            len: ndim,
        });
    }
    // SAFETY: the caller's promise for `shape`.
    let shape = unsafe { assume_slice(b.shape, ndim, "shape") }?;
    let strides = if b.strides.is_null() {
        None
    } else {
        // SAFETY: the caller's promise for `strides`.
        Some(unsafe { assume_slice(b.strides, ndim, "strides") }?)
    };
    let layout = BufferLayout::new(format.itemsize(), b.byte_len, b.offset, shape, strides)?;
    let c = layout.is_c_contiguous();
    Ok(bridge_buffer_info_t {
        kind: kind_number(format.kind),
        itemsize: format.itemsize() as u32,
        len: layout.len() as u64,
        c_contiguous: c,
        f_contiguous: layout.is_f_contiguous(),
        view_offset: if c { layout.offset() } else { 0 },
        view_len: if c { layout.len() } else { 0 },
    })
}

/// Parse a `struct` format string (`fmt[0..len]`, not NUL-terminated) for
/// the wasm32 ABI: one item, optional byte-order prefix, optional repeat
/// count 1. `BRIDGE_ERR_MALFORMED_FORMAT` (not `struct` syntax, not UTF-8,
/// empty) or `BRIDGE_ERR_UNSUPPORTED_FORMAT` (valid, no typed array: `"P"`,
/// `"2i"`, `"ii"`...).
///
/// # Safety
/// `fmt` must be NULL (only with `len` 0) or point to `len` readable bytes;
/// `out` must be NULL or valid for writes of one `bridge_buffer_format_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_buffer_format_parse(
    fmt: *const u8,
    len: usize,
    out: *mut bridge_buffer_format_t,
) -> bridge_status_t {
    guard("bridge_buffer_format_parse", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        // SAFETY: the caller's promise for `fmt`.
        let fmt = unsafe { assume_slice(fmt, len, "fmt") }?;
        let (f, byte_order) = parse(fmt)?;
        out.write(bridge_buffer_format_t {
            kind: kind_number(f.kind),
            itemsize: f.itemsize() as u32,
            byte_order,
            native_order: f.is_native_order(),
            typed_array: typed_array_cstr(f.kind).as_ptr(),
        });
        Ok(())
    })
}

/// The typed-array constructor name of a `BRIDGE_ELEMENT_KIND_*` (static),
/// or NULL for an unknown kind.
#[no_mangle]
pub extern "C" fn bridge_element_kind_typed_array(kind: u32) -> *const c_char {
    guard_value(std::ptr::null(), || {
        ALL_KINDS
            .get(kind as usize)
            .map_or(std::ptr::null(), |&k| typed_array_cstr(k).as_ptr())
    })
}

/// The kind of a typed-array constructor name (`name[0..len]`, e.g.
/// `"Float64Array"`). An unknown name is `BRIDGE_ERR_UNSUPPORTED_FORMAT`.
///
/// # Safety
/// `name` must be NULL (only with `len` 0) or point to `len` readable
/// bytes; `out_kind` must be NULL or valid for writes of one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_element_kind_from_typed_array(
    name: *const u8,
    len: usize,
    out_kind: *mut u32,
) -> bridge_status_t {
    guard("bridge_element_kind_from_typed_array", || {
        // SAFETY: the caller's promise for `out_kind`.
        let mut out = unsafe { assume_out(out_kind, "out_kind") }?;
        // SAFETY: the caller's promise for `name`.
        let name = unsafe { assume_slice(name, len, "name") }?;
        let text = String::from_utf8_lossy(name);
        let kind = ElementKind::from_typed_array_name(&text)?;
        out.write(kind_number(kind));
        Ok(())
    })
}

/// Check a buffer descriptor: `readonly` is 0/1, `data` is non-NULL if
/// `byte_len` > 0, the format parses (as `bridge_buffer_format_parse`),
/// `ndim` <= 64, `shape` is non-NULL if `ndim` > 0, and
/// shape/strides/offset stay inside `byte_len` (`BRIDGE_ERR_INVALID_BUFFER`
/// naming the dimension otherwise; negative strides are refused, as typed
/// arrays cannot express them). `*out` is written only on success.
///
/// # Safety
/// `b` must be NULL or point to a readable `bridge_buffer_t` whose
/// `format`, `shape` and `strides` are NULL or point to `format_len` bytes
/// and `ndim` `int64_t`s; `out` must be NULL or valid for writes of one
/// `bridge_buffer_info_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_buffer_check(
    b: *const bridge_buffer_t,
    out: *mut bridge_buffer_info_t,
) -> bridge_status_t {
    guard("bridge_buffer_check", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        // SAFETY: the caller's promise for `b`; `RawBuffer` has its layout
        // (checked above) and every initialized bit pattern is valid for it.
        let raw = unsafe { assume_readable(b.cast::<RawBuffer>(), "b") }?;
        // SAFETY: the caller's promise for the pointers inside `b`.
        let info = unsafe { check(raw) }?;
        out.write(info);
        Ok(())
    })
}

#[cfg(test)]
#[path = "buffer_tests.rs"]
mod tests;
