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

/// A JS typed array (`Uint8Array`, `Float64Array`…): a sequence of numbers
/// (it is a `JsArray`) and a buffer of its element kind.
#[pyclass(module = "pyodide.ffi", name = "JsTypedArray", extends = JsArray, subclass, frozen)]
pub struct JsTypedArray;

/// The buffer's state, refusing a detached one with an error that says so.
fn live_info(slf: &Bound<'_, PyAny>) -> PyResult<BufferInfo> {
    let info = buffers::info(slf.py(), proxy_of(slf)?.handle().key())?;
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
    match info.kind {
        Some(kind) if kind.size() > 1 => {
            view.call_method1("cast", (format_code(Some(kind)).to_string(),))
        }
        _ => Ok(view),
    }
}

/// `new TextDecoder(encoding).decode(buffer)` (UTF-8 by default; invalid
/// bytes become U+FFFD, as in JS).
pub fn to_string(slf: &Bound<'_, PyAny>, encoding: Option<&str>) -> PyResult<String> {
    live_info(slf)?;
    buffers::decode(slf.py(), proxy_of(slf)?.handle().key(), encoding)
}

/// Copy the bytes of the Python buffer `src` into the JS buffer; their
/// lengths (in bytes) must be equal.
pub fn assign(slf: &Bound<'_, PyAny>, src: &Bound<'_, PyAny>) -> PyResult<()> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    raw::with_bytes(src, |bytes| {
        if bytes.len() != info.byte_len {
            return Err(PyValueError::new_err(format!(
                "cannot assign from a buffer of {} bytes to a JS buffer of {} bytes",
                bytes.len(),
                info.byte_len
            )));
        }
        buffers::write(slf.py(), key, 0, bytes)
    })
}

/// Copy the JS buffer into the writable Python buffer `dst`; their lengths
/// (in bytes) must be equal.
pub fn assign_to(slf: &Bound<'_, PyAny>, dst: &Bound<'_, PyAny>) -> PyResult<()> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    raw::with_bytes_mut(dst, |bytes| {
        if bytes.len() != info.byte_len {
            return Err(PyValueError::new_err(format!(
                "cannot assign a JS buffer of {} bytes to a buffer of {} bytes",
                info.byte_len,
                bytes.len()
            )));
        }
        buffers::read(slf.py(), key, bytes)
    })
}

/// The binary file under a text file (its `buffer`), else `f` itself.
fn binary_file<'py>(f: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text_io = f.py().import("io")?.getattr("TextIOBase")?;
    if f.is_instance(&text_io)? {
        f.call_method0("flush")?;
        return f.getattr("buffer");
    }
    Ok(f.clone())
}

/// Write the whole buffer at the file's position.
pub fn to_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    let data = to_bytes(slf)?;
    binary_file(f)?.call_method1("write", (data,))?;
    Ok(())
}

/// Read up to the buffer's length from the file's position into the buffer
/// (from its start); the bytes past what the file had are left as they were.
pub fn from_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    let info = live_info(slf)?;
    let key = proxy_of(slf)?.handle().key();
    let f = binary_file(f)?;
    let mut offset = 0;
    while offset < info.byte_len {
        let chunk = f.call_method1("read", (info.byte_len - offset,))?;
        let n = raw::with_bytes(&chunk, |bytes| {
            let n = bytes.len().min(info.byte_len - offset);
            buffers::write(slf.py(), key, offset, &bytes[..n])?;
            Ok(n)
        })?;
        if n == 0 {
            break;
        }
        offset += n;
    }
    Ok(())
}

/// Write the whole buffer to the file, then detach it: Pyodide hands the
/// memory over to its file system, so the buffer is unusable afterwards, and
/// so it is here.
pub fn into_file(slf: &Bound<'_, PyAny>, f: &Bound<'_, PyAny>) -> PyResult<()> {
    to_file(slf, f)?;
    buffers::detach(slf.py(), proxy_of(slf)?.handle().key())
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
    let info = live_info(slf)?;
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
    let Some(first) = old.iter().zip(new).position(|(a, b)| a != b) else {
        return; // nothing written
    };
    let last = old
        .iter()
        .zip(new)
        .rposition(|(a, b)| a != b)
        .unwrap_or(first);
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

/// The buffer methods, on both classes (pyo3 classes have one base, and a
/// typed array is first a `JsArray`).
macro_rules! buffer_methods {
    ($class:ty) => {
        #[pymethods]
        impl $class {
            /// A copy of the bytes, as `bytes` (Pyodide's name).
            fn to_bytes<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyBytes>> {
                to_bytes(slf.as_any())
            }

            fn __bytes__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyBytes>> {
                to_bytes(slf.as_any())
            }

            /// A `memoryview` of a copy, in the element kind's format.
            fn to_memoryview<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                to_memoryview(slf.as_any())
            }

            /// The bytes decoded by JS `TextDecoder` (UTF-8 by default).
            #[pyo3(signature = (encoding = None))]
            fn to_string(slf: &Bound<'_, Self>, encoding: Option<&str>) -> PyResult<String> {
                to_string(slf.as_any(), encoding)
            }

            /// Copy a Python buffer of the same byte length in.
            fn assign(slf: &Bound<'_, Self>, rhs: &Bound<'_, PyAny>) -> PyResult<()> {
                assign(slf.as_any(), rhs)
            }

            /// Copy into a writable Python buffer of the same byte length.
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
buffer_methods!(JsTypedArray);
