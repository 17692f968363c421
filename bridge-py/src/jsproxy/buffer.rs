//! `JsBuffer` (`ArrayBuffer`, `DataView`) and `JsTypedArray`: JS bytes as
//! Python buffers, and Pyodide's copying methods.
//!
//! Both classes implement the buffer protocol, which Pyodide's do not:
//! `memoryview(u8)`, `bytes(u8)`, `struct.unpack_from(fmt, u8)` work, with
//! the format and item size of the element kind (bridge-core's
//! [`ElementKind`]: Float64Array is `"d"`, BigInt64Array `"q"`, little-endian
//! as wasm). The bytes are copied in when a view is taken, and the bytes the
//! Python side changed are written back when it is released (see
//! `ffi/buffer.rs`); docs/conversions.md says what that means for users.

// pyo3's generated slot wrappers call the two `unsafe fn` slot methods
// without an `unsafe` block of their own; every unsafe operation in this file
// is still in an explicit `unsafe` block with its SAFETY comment.
#![allow(unsafe_op_in_unsafe_fn)]

use std::ffi::c_int;

use bridge_core::buffer::ElementKind;
use pyo3::exceptions::{PyBufferError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use super::sequence::JsArray;
use super::{proxy_of, JsProxy};
use crate::ffi::buffer::{self as raw, Export};
use crate::host::{buffers, BufferInfo};

/// A JS `ArrayBuffer` or `DataView`: bytes.
#[pyclass(module = "pyodide.ffi", name = "JsBuffer", extends = JsProxy, subclass, frozen)]
pub struct JsBuffer;

/// The pyo3 half of a JS typed array (`Uint8Array`, `Float64Array`…): a
/// `JsArray` with the buffer methods. The public class, `pyodide.ffi.
/// JsTypedArray`, is made in `_bridge.py` as a subclass of this one *and* of
/// `JsBuffer`, so that a typed array is both, as in Pyodide (pyo3 classes
/// have one base; these add no fields, so the two layouts agree). Proxies of
/// typed arrays are made by calling that class ([`JsTypedArray::wrap`]).
#[pyclass(module = "pyodide.ffi", name = "_JsTypedArrayBase", extends = JsArray, subclass, frozen)]
pub struct JsTypedArray;

static PUBLIC_CLASS: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();

impl JsTypedArray {
    /// A `pyodide.ffi.JsTypedArray` owning `obj`'s reference.
    pub fn wrap<'py>(
        py: Python<'py>,
        obj: crate::crossing::JsHandle,
    ) -> PyResult<Bound<'py, PyAny>> {
        let class = PUBLIC_CLASS.get_or_try_init(py, || {
            py.import(crate::runner::MODULE_NAME)?
                .getattr("typed_array_class_cached")?
                .call0()
                .map(Bound::unbind)
        })?;
        let plain = Bound::new(py, JsProxy::from_handle(obj))?;
        class.bind(py).call1((plain,))
    }
}

#[pymethods]
impl JsTypedArray {
    /// Called by the public class: a proxy of the same object as `plain`.
    #[new]
    fn new(plain: &Bound<'_, JsProxy>) -> PyResult<PyClassInitializer<Self>> {
        Ok(JsProxy::init_sharing(plain.get())?
            .add_subclass(super::iter::JsIterable)
            .add_subclass(JsArray)
            .add_subclass(JsTypedArray))
    }
}

/// The buffer's state. A detached buffer reports 0 bytes; Pyodide's methods
/// then fail in JS (a `JsException` wrapping the engine's TypeError, as in
/// Pyodide) when they copy.
fn live_info(slf: &Bound<'_, PyAny>) -> PyResult<BufferInfo> {
    buffers::info(slf.py(), proxy_of(slf)?.handle().key())
}

/// The buffer's state for the buffer protocol, refusing a detached one with
/// an error that says so.
fn exportable_info(slf: &Bound<'_, PyAny>) -> PyResult<BufferInfo> {
    let info = live_info(slf)?;
    if info.detached {
        return Err(PyValueError::new_err(
            "the JS ArrayBuffer is detached (it was transferred away); its bytes are gone",
        ));
    }
    Ok(info)
}

fn itemsize(kind: Option<ElementKind>) -> usize {
    kind.map_or(1, ElementKind::size)
}

fn format_code(kind: Option<ElementKind>) -> char {
    kind.map_or('B', ElementKind::native_code)
}

/// `bytes` holding a copy of the buffer.
pub fn to_bytes<'py>(slf: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    raw::bytes_with(slf.py(), info.byte_len, |dst| {
        buffers::read(slf.py(), key, dst)
    })
}

/// A `memoryview` of a copy, with the element kind's format (`"d"` for a
/// Float64Array); writable, but not connected to the JS buffer.
pub fn to_memoryview<'py>(slf: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    let copy = raw::bytearray_with(py, info.byte_len, |dst| buffers::read(py, key, dst))?;
    let view = py
        .import("builtins")?
        .getattr("memoryview")?
        .call1((copy,))?;
    match format_code(info.kind) {
        'B' => Ok(view),
        code => view.call_method1("cast", (code.to_string(),)),
    }
}

/// The bytes decoded by JS `TextDecoder` with the WHATWG `encoding` label
/// (UTF-8 by default), strictly: invalid input is a `ValueError`, as in
/// Pyodide; a byte-order mark is kept.
pub fn to_string(slf: &Bound<'_, PyAny>, encoding: Option<&str>) -> PyResult<String> {
    live_info(slf)?;
    match buffers::decode(slf.py(), proxy_of(slf)?.handle().key(), encoding)? {
        Some(s) => Ok(s),
        None => Err(PyValueError::new_err(format!(
            "Failed to decode Javascript TypedArray as {}",
            encoding.unwrap_or("utf8")
        ))),
    }
}

/// Pyodide's rule for `assign`/`assign_to`: a multi-byte element kind needs
/// a buffer of the same kind (`array("h")` for an Int16Array); bytes
/// (`ArrayBuffer`, `DataView`, 8-bit arrays) take any one-byte format.
fn check_format(kind: Option<ElementKind>, format: &str) -> PyResult<()> {
    let parsed = bridge_core::buffer::parse_format(format).ok();
    let agree = match (kind, parsed) {
        (None, _) => true,
        (Some(k), Some(p)) if k.size() == 1 => p.itemsize() == 1,
        (Some(k), Some(p)) => p.kind == k && p.is_native_order(),
        (Some(_), None) => false,
    };
    if agree {
        Ok(())
    } else {
        Err(PyValueError::new_err(
            "TypedArray and memorybuffer have incompatible formats",
        ))
    }
}

/// Copy the bytes of the Python buffer `src` into the JS buffer; their
/// lengths (in bytes) and formats must agree.
pub fn assign(slf: &Bound<'_, PyAny>, src: &Bound<'_, PyAny>) -> PyResult<()> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    raw::with_bytes(src, |bytes, format| {
        if bytes.len() != info.byte_len {
            return Err(PyValueError::new_err(format!(
                "cannot assign to TypedArray of length {} from buffer of length {}",
                info.byte_len,
                bytes.len()
            )));
        }
        check_format(info.kind, format)?;
        buffers::write(slf.py(), key, 0, bytes)
    })
}

/// Copy the JS buffer into the writable Python buffer `dst`; their lengths
/// (in bytes) and formats must agree.
pub fn assign_to(slf: &Bound<'_, PyAny>, dst: &Bound<'_, PyAny>) -> PyResult<()> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    raw::with_bytes_mut(dst, |bytes, format| {
        if bytes.len() != info.byte_len {
            return Err(PyValueError::new_err(format!(
                "cannot assign from TypedArray of length {} to buffer of length {}",
                info.byte_len,
                bytes.len()
            )));
        }
        check_format(info.kind, format)?;
        buffers::read(slf.py(), key, bytes)
    })
}

/// `file.fileno()`, after flushing what the file object buffers, so that
/// bytes written to the descriptor land after them (Pyodide reads and
/// writes the descriptor; a file without one raises `UnsupportedOperation`).
fn descriptor(f: &Bound<'_, PyAny>) -> PyResult<i64> {
    let fd = f.call_method0("fileno")?.extract::<i64>()?;
    if f.hasattr("flush")? {
        f.call_method0("flush")?;
    }
    Ok(fd)
}

/// Write the whole buffer at the file's position.
pub fn to_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    let py = slf.py();
    let data = to_bytes(slf)?;
    let fd = descriptor(f)?;
    let os = py.import("os")?;
    let view = py
        .import("builtins")?
        .getattr("memoryview")?
        .call1((data,))?;
    let total = view.len()?;
    let mut done = 0;
    while done < total {
        let n: usize = os
            .call_method1(
                "write",
                (
                    fd,
                    view.get_item(pyo3::types::PySlice::new(
                        py,
                        done as isize,
                        total as isize,
                        1,
                    ))?,
                ),
            )?
            .extract()?;
        if n == 0 {
            return Err(pyo3::exceptions::PyOSError::new_err(
                "to_file: the file took no more bytes",
            ));
        }
        done += n;
    }
    Ok(())
}

/// Read up to the buffer's length from the file's position into the buffer
/// (from its start); the bytes past what the file had keep their values.
pub fn from_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    let py = slf.py();
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    let fd = descriptor(f)?;
    let os = py.import("os")?;
    let mut offset = 0;
    while offset < info.byte_len {
        let chunk = os.call_method1("read", (fd, info.byte_len - offset))?;
        let n = raw::with_bytes(&chunk, |bytes, _| {
            let n = bytes.len().min(info.byte_len - offset);
            buffers::write(py, key, offset, &bytes[..n])?;
            Ok(n)
        })?;
        if n == 0 {
            break;
        }
        offset += n;
    }
    Ok(())
}

/// Write the whole buffer to the file (Pyodide hands its memory to the file
/// system without a copy; here it is copied, and the JS buffer stays usable).
pub fn into_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    to_file(slf, f)
}

/// `bf_getbuffer`: a copy of the bytes, as items of the element kind.
///
/// # Safety
/// `view` must be the `Py_buffer` CPython handed to the slot.
pub unsafe fn get_buffer(
    slf: &Bound<'_, PyAny>,
    view: *mut ffi::Py_buffer,
    flags: c_int,
) -> PyResult<()> {
    if view.is_null() {
        return Err(PyBufferError::new_err(
            "a JS buffer was asked for a NULL view",
        ));
    }
    let info = exportable_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    let export = Export::copy_in(info.byte_len, |dst| buffers::read(slf.py(), key, dst))?;
    let format = raw::format_cstr(format_code(info.kind));
    // SAFETY: `view` is the slot's view (this function's contract); the
    // release slot below hands it to `take`.
    unsafe { raw::fill(view, slf, export, itemsize(info.kind), format, flags) };
    Ok(())
}

/// `bf_releasebuffer`: write back the bytes the consumer changed. A failure
/// (the JS buffer was detached or shrank meanwhile) cannot be raised here, so
/// it is reported as unraisable (printed to stderr), never dropped silently.
///
/// # Safety
/// `view` must be the `Py_buffer` CPython hands to the slot, filled by
/// [`get_buffer`].
pub unsafe fn release_buffer(slf: &Bound<'_, PyAny>, view: *mut ffi::Py_buffer) {
    // SAFETY: per the contract, a view `get_buffer` filled.
    let Some(export) = (unsafe { raw::take(view) }) else {
        return;
    };
    let (old, new) = (&export.snapshot, &export.data);
    let Some((first, last)) = changed_span(old, new) else {
        return; // nothing written
    };
    let r = proxy_of(slf).and_then(|p| {
        buffers::merge(
            slf.py(),
            p.handle().key(),
            first,
            &old[first..=last],
            &new[first..=last],
        )
    });
    if let Err(e) = r {
        let context = PyString::new(
            slf.py(),
            "writing back bytes changed through a memoryview of a JS buffer",
        );
        e.write_unraisable(slf.py(), Some(context.as_any()));
    }
}

/// The first and last index where `a` and `b` differ (over their common
/// length), compared eight bytes at a time: a big view is often released
/// unchanged, and a byte loop over 64 MiB in wasm is slow.
fn changed_span(a: &[u8], b: &[u8]) -> Option<(usize, usize)> {
    const W: usize = 8;
    fn word(s: &[u8], i: usize) -> u64 {
        let mut w = [0u8; W];
        w.copy_from_slice(&s[i..i + W]);
        u64::from_ne_bytes(w)
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + W <= n && word(a, i) == word(b, i) {
        i += W;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    if i == n {
        return None;
    }
    // a[i] != b[i]: the scan from the end stops at i at the latest.
    let mut j = n;
    while j >= i + 1 + W && word(a, j - W) == word(b, j - W) {
        j -= W;
    }
    while a[j - 1] == b[j - 1] {
        j -= 1;
    }
    Some((i, j - 1))
}

/// The buffer methods and slots of `JsBuffer`; the public `JsTypedArray`
/// inherits them (and the buffer slots) as a subclass of `JsBuffer`.
macro_rules! buffer_methods {
    ($class:ty) => {
        #[pymethods]
        impl $class {
            /// A copy of the bytes, as `bytes` (Pyodide's name).
            fn to_bytes<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyBytes>> {
                to_bytes(slf.as_any())
            }

            /// `bytes(buf)`: part of the buffer protocol (our addition), so a
            /// detached buffer is the protocol's `ValueError`.
            fn __bytes__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyBytes>> {
                exportable_info(slf.as_any())?;
                to_bytes(slf.as_any())
            }

            /// A `memoryview` of a copy, in the element kind's format.
            fn to_memoryview<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                to_memoryview(slf.as_any())
            }

            /// The bytes decoded by JS `TextDecoder` (UTF-8 by default).
            #[pyo3(signature = (encoding = "utf8"))]
            fn to_string(slf: &Bound<'_, Self>, encoding: &str) -> PyResult<String> {
                to_string(slf.as_any(), Some(encoding))
            }

            /// Copy a Python buffer of the same byte length (and kind) in.
            #[pyo3(signature = (rhs, /))]
            fn assign(slf: &Bound<'_, Self>, rhs: &Bound<'_, PyAny>) -> PyResult<()> {
                assign(slf.as_any(), rhs)
            }

            /// Copy into a writable Python buffer of the same byte length.
            #[pyo3(signature = (to, /))]
            fn assign_to(slf: &Bound<'_, Self>, to: &Bound<'_, PyAny>) -> PyResult<()> {
                assign_to(slf.as_any(), to)
            }

            fn to_file(slf: &Bound<'_, Self>, file: &Bound<'_, PyAny>) -> PyResult<()> {
                to_file(slf.as_any(), file)
            }

            fn from_file(slf: &Bound<'_, Self>, file: &Bound<'_, PyAny>) -> PyResult<()> {
                from_file(slf.as_any(), file)
            }

            fn _into_file(slf: &Bound<'_, Self>, file: &Bound<'_, PyAny>) -> PyResult<()> {
                into_file(slf.as_any(), file)
            }

            // SAFETY (both slots): pyo3 calls them from the type's buffer
            // slots with the view CPython passed, which is what the
            // functions they forward to require.
            unsafe fn __getbuffer__(
                slf: Bound<'_, Self>,
                view: *mut ffi::Py_buffer,
                flags: c_int,
            ) -> PyResult<()> {
                // SAFETY: `view` is the one CPython passed to the slot.
                unsafe { get_buffer(slf.as_any(), view, flags) }
            }

            unsafe fn __releasebuffer__(slf: Bound<'_, Self>, view: *mut ffi::Py_buffer) {
                // SAFETY: `view` is the one CPython passed to the slot,
                // filled by `__getbuffer__`.
                unsafe { release_buffer(slf.as_any(), view) }
            }
        }
    };
}

buffer_methods!(JsBuffer);

#[cfg(test)]
mod tests {
    use super::changed_span;

    #[test]
    fn changed_span_finds_the_first_and_last_difference() {
        let a = vec![0u8; 100];
        assert_eq!(changed_span(&a, &a), None);
        for (i, j) in [
            (0, 0),
            (0, 99),
            (7, 8),
            (8, 8),
            (13, 77),
            (99, 99),
            (63, 64),
            (91, 92),
        ] {
            let mut b = a.clone();
            b[i] = 1;
            b[j] = 2;
            assert_eq!(changed_span(&a, &b), Some((i, j)), "{i} {j}");
        }
        assert_eq!(changed_span(&[1, 2, 3], &[1, 9, 3]), Some((1, 1)));
        assert_eq!(changed_span(&[], &[]), None);
    }
}
