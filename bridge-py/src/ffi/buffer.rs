//! The CPython buffer protocol, for JS buffers lent to Python consumers
//! (`memoryview(u8)`, `bytes(u8)`, `struct.unpack_from(fmt, u8)`), and
//! Python buffers read or filled by the JS side (`assign`, `assign_to`).
//!
//! A JS buffer is not in Python's reach for the life of a view (JS can move
//! or detach it at any time), so an export is a copy: [`Export`] holds the
//! bytes Python sees and a snapshot of what they were, and the exporter
//! writes back what Python changed when the view is released.

use std::ffi::{c_int, c_void, CStr};
use std::mem::MaybeUninit;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};

/// The bytes lent to one `Py_buffer`, owned by the view (`view.internal`)
/// until it is released.
pub struct Export {
    /// What the consumer reads and writes.
    pub data: Vec<u8>,
    /// The bytes as they were copied in, to find what the consumer changed.
    pub snapshot: Vec<u8>,
    shape: [ffi::Py_ssize_t; 1],
    strides: [ffi::Py_ssize_t; 1],
}

impl Export {
    /// `len` bytes filled by `fill` (which must initialise all of them).
    pub fn copy_in(
        len: usize,
        fill: impl FnOnce(&mut [MaybeUninit<u8>]) -> PyResult<()>,
    ) -> PyResult<Export> {
        let mut data = Vec::with_capacity(len);
        fill(&mut data.spare_capacity_mut()[..len])?;
        // SAFETY: `fill` returned Ok, which by its contract means it wrote
        // all `len` bytes of the spare capacity (a host copy of exactly `len`
        // bytes); `len` is within the capacity reserved above.
        unsafe { data.set_len(len) };
        let snapshot = data.clone();
        Ok(Export {
            data,
            snapshot,
            shape: [0],
            strides: [0],
        })
    }
}

/// The static C string of a one-character `struct` format code.
pub fn format_cstr(code: char) -> &'static CStr {
    match code {
        'b' => c"b",
        'h' => c"h",
        'H' => c"H",
        'i' => c"i",
        'I' => c"I",
        'e' => c"e",
        'f' => c"f",
        'd' => c"d",
        'q' => c"q",
        'Q' => c"Q",
        _ => c"B",
    }
}

/// Fill `view` (handed to `bf_getbuffer` for `exporter`) with `export`'s
/// bytes as items of `itemsize` bytes in `format`. A consumer that does not
/// ask for the format (`PyBUF_FORMAT`) sees unsigned bytes, as the protocol
/// says it must assume; the shape and strides are given only when asked for.
///
/// # Safety
/// `view` must be the valid, writable `Py_buffer` CPython passed to the
/// exporter's `bf_getbuffer` slot; it must later reach [`take`] through
/// `bf_releasebuffer`.
pub unsafe fn fill(
    view: *mut ffi::Py_buffer,
    exporter: &Bound<'_, PyAny>,
    export: Export,
    itemsize: usize,
    format: &'static CStr,
    flags: c_int,
) {
    let mut export = Box::new(export);
    let nbytes = export.data.len();
    let (itemsize, format) = if flags & ffi::PyBUF_FORMAT != 0 {
        (itemsize.max(1), format.as_ptr())
    } else {
        (1, std::ptr::null())
    };
    export.shape = [(nbytes / itemsize) as ffi::Py_ssize_t];
    export.strides = [itemsize as ffi::Py_ssize_t];
    // SAFETY: per this function's contract `view` is valid for writes. The
    // pointers stored in it (data, shape, strides) point into the boxed
    // export, whose address is stable and which lives until `take` frees it
    // when the view is released. `view.obj` gets a new reference to the
    // exporter, dropped by `PyBuffer_Release`.
    unsafe {
        (*view).obj = exporter.clone().into_ptr();
        (*view).buf = export.data.as_mut_ptr().cast::<c_void>();
        (*view).len = nbytes as ffi::Py_ssize_t;
        (*view).readonly = 0;
        (*view).itemsize = itemsize as ffi::Py_ssize_t;
        (*view).format = format.cast_mut();
        (*view).ndim = 1;
        (*view).shape = if flags & ffi::PyBUF_ND == ffi::PyBUF_ND {
            export.shape.as_mut_ptr()
        } else {
            std::ptr::null_mut()
        };
        (*view).strides = if flags & ffi::PyBUF_STRIDES == ffi::PyBUF_STRIDES {
            export.strides.as_mut_ptr()
        } else {
            std::ptr::null_mut()
        };
        (*view).suboffsets = std::ptr::null_mut();
        (*view).internal = Box::into_raw(export).cast::<c_void>();
    }
}

/// The export of a view filled by [`fill`], taken back when it is released.
///
/// # Safety
/// `view` must be the `Py_buffer` CPython passes to `bf_releasebuffer`, one
/// that [`fill`] filled.
pub unsafe fn take(view: *mut ffi::Py_buffer) -> Option<Box<Export>> {
    // SAFETY: per the contract `view` is valid and its `internal` is either
    // the box `fill` leaked (taken exactly once: it is nulled here) or NULL.
    unsafe {
        let internal = (*view).internal.cast::<Export>();
        (*view).internal = std::ptr::null_mut();
        (!internal.is_null()).then(|| Box::from_raw(internal))
    }
}

/// A new `bytes` of `len` bytes, filled by `fill` (which must write all of
/// them) without zeroing first: one copy for a 64 MiB buffer, not two passes.
pub fn bytes_with<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [MaybeUninit<u8>]) -> PyResult<()>,
) -> PyResult<Bound<'py, PyBytes>> {
    // SAFETY: the GIL is held. `PyBytes_FromStringAndSize(NULL, len)` returns
    // a new, uninitialised bytes object of `len` bytes (or NULL with an
    // exception); nobody else has seen it, so writing its buffer through a
    // `MaybeUninit` slice is sound, and `fill` initialises every byte before
    // the object is handed out (on error it is dropped unseen).
    unsafe {
        let obj = Bound::from_owned_ptr_or_err(
            py,
            ffi::PyBytes_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t),
        )?;
        let ptr = ffi::PyBytes_AsString(obj.as_ptr()).cast::<MaybeUninit<u8>>();
        fill(std::slice::from_raw_parts_mut(ptr, len))?;
        Ok(obj.cast_into_unchecked())
    }
}

/// A new `bytearray` of `len` bytes, filled by `fill` (see [`bytes_with`]).
pub fn bytearray_with<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [MaybeUninit<u8>]) -> PyResult<()>,
) -> PyResult<Bound<'py, PyByteArray>> {
    // SAFETY: as in `bytes_with`: a new, unshared bytearray of `len` bytes
    // (its buffer has at least `len` bytes; for `len == 0` it is not touched).
    unsafe {
        let obj = Bound::from_owned_ptr_or_err(
            py,
            ffi::PyByteArray_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t),
        )?;
        // `fill` runs even for no bytes: it is also where the JS side refuses
        // a detached buffer.
        if len > 0 {
            let ptr = ffi::PyByteArray_AsString(obj.as_ptr()).cast::<MaybeUninit<u8>>();
            fill(std::slice::from_raw_parts_mut(ptr, len))?;
        } else {
            fill(&mut [])?;
        }
        Ok(obj.cast_into_unchecked())
    }
}

/// Run `f` on the bytes of a Python object with the buffer protocol
/// (`bytes`, `bytearray`, `memoryview`, `array.array`…), contiguous, with
/// its `struct` format (`"B"` when it gives none).
pub fn with_bytes<R>(
    obj: &Bound<'_, PyAny>,
    f: impl FnOnce(&[u8], &str) -> PyResult<R>,
) -> PyResult<R> {
    let mut view = get_buffer(obj, ffi::PyBUF_C_CONTIGUOUS | ffi::PyBUF_FORMAT)?;
    // SAFETY: `PyObject_GetBuffer` succeeded with a contiguous request, so
    // `buf` points to `len` readable bytes and `format` (if not NULL) to a
    // NUL-terminated string, both valid until the view is released (after
    // `f`).
    let (bytes, format) = unsafe { (raw_slice(&view.0), format_of(&view.0)) };
    let r = f(bytes, &format);
    view.release();
    r
}

/// # Safety
/// `view` must be a live view from a successful request.
unsafe fn format_of(view: &ffi::Py_buffer) -> String {
    if view.format.is_null() {
        return "B".to_owned();
    }
    // SAFETY: per the contract, a non-NULL `format` is a C string owned by
    // the live view.
    unsafe { CStr::from_ptr(view.format) }
        .to_string_lossy()
        .into_owned()
}

/// Run `f` on the bytes of a writable Python buffer (`bytearray`, a writable
/// `memoryview`, `array.array`…), contiguous, with its format.
pub fn with_bytes_mut<R>(
    obj: &Bound<'_, PyAny>,
    f: impl FnOnce(&mut [MaybeUninit<u8>], &str) -> PyResult<R>,
) -> PyResult<R> {
    let mut view = get_buffer(
        obj,
        ffi::PyBUF_C_CONTIGUOUS | ffi::PyBUF_WRITABLE | ffi::PyBUF_FORMAT,
    )?;
    let len = view.0.len.max(0) as usize;
    // SAFETY: the writable contiguous request succeeded, so `buf` points to
    // `len` writable bytes, valid until the view is released (after `f`);
    // viewing initialised bytes as `MaybeUninit` is always sound. The format
    // as in `with_bytes`.
    let (bytes, format) = unsafe {
        let bytes: &mut [MaybeUninit<u8>] = if len == 0 {
            &mut []
        } else {
            std::slice::from_raw_parts_mut(view.0.buf.cast::<MaybeUninit<u8>>(), len)
        };
        (bytes, format_of(&view.0))
    };
    let r = f(bytes, &format);
    view.release();
    r
}

struct BufferGuard(ffi::Py_buffer, bool);

impl BufferGuard {
    fn release(&mut self) {
        if self.1 {
            self.1 = false;
            // SAFETY: the view was filled by a successful `PyObject_GetBuffer`
            // and is released exactly once (the flag).
            unsafe { ffi::PyBuffer_Release(&mut self.0) };
        }
    }
}

impl Drop for BufferGuard {
    fn drop(&mut self) {
        self.release();
    }
}

fn get_buffer(obj: &Bound<'_, PyAny>, flags: c_int) -> PyResult<BufferGuard> {
    let mut view = MaybeUninit::<ffi::Py_buffer>::zeroed();
    // SAFETY: the GIL is held and `obj` is alive; `view` is writable storage
    // for one `Py_buffer`, which `PyObject_GetBuffer` fills on success (0) or
    // leaves with an exception set (-1). A zeroed `Py_buffer` is a valid value
    // (all pointers NULL, all integers 0).
    unsafe {
        if ffi::PyObject_GetBuffer(obj.as_ptr(), view.as_mut_ptr(), flags) != 0 {
            return Err(PyErr::fetch(obj.py()));
        }
        Ok(BufferGuard(view.assume_init(), true))
    }
}

/// # Safety
/// `view` must be a live view from a successful contiguous request.
unsafe fn raw_slice(view: &ffi::Py_buffer) -> &[u8] {
    let len = view.len.max(0) as usize;
    if len == 0 {
        return &[];
    }
    // SAFETY: per the contract, `buf` points to `len` readable bytes.
    unsafe { std::slice::from_raw_parts(view.buf.cast::<u8>(), len) }
}

/// A Python buffer lent to JS without a copy (`proxy.getBuffer()`): the
/// exporter keeps the memory where it is until [`release_held`].
pub struct HeldInfo {
    /// Address of the first item (`view.buf`).
    pub start: usize,
    /// The bytes touched, relative to `start` (see `bridge_core::buffer::byte_span`).
    pub lo: isize,
    pub hi: isize,
    pub itemsize: usize,
    pub readonly: bool,
    pub format: String,
    pub shape: Vec<usize>,
    /// In bytes.
    pub strides: Vec<isize>,
}

thread_local! {
    static HELD: std::cell::RefCell<(u32, std::collections::HashMap<u32, BufferGuard>)> =
        std::cell::RefCell::new((0, std::collections::HashMap::new()));
}

/// Take a full (strided, formatted, read-only allowed) view of `obj` and keep
/// it until [`release_held`]: `(id, info)`.
pub fn hold(obj: &Bound<'_, PyAny>) -> PyResult<(u32, HeldInfo)> {
    let view = get_buffer(obj, ffi::PyBUF_RECORDS_RO)?;
    let v = &view.0;
    let ndim = v.ndim.max(0) as usize;
    let itemsize = v.itemsize.max(1) as usize;
    // SAFETY: the view is live; for a PyBUF_RECORDS_RO request `shape` and
    // `strides` are arrays of `ndim` entries (or NULL when ndim is 0), and
    // `format` a C string or NULL.
    let (shape, strides, format) = unsafe {
        let shape: Vec<usize> = if ndim == 0 || v.shape.is_null() {
            Vec::new()
        } else {
            std::slice::from_raw_parts(v.shape, ndim)
                .iter()
                .map(|&n| n.max(0) as usize)
                .collect()
        };
        let strides: Vec<isize> = if ndim == 0 || v.strides.is_null() {
            // C-contiguous
            let mut s = vec![0isize; shape.len()];
            let mut acc = itemsize as isize;
            for i in (0..shape.len()).rev() {
                s[i] = acc;
                acc *= shape[i] as isize;
            }
            s
        } else {
            std::slice::from_raw_parts(v.strides, ndim).to_vec()
        };
        (shape, strides, format_of(v))
    };
    let (lo, hi) = bridge_core::buffer::byte_span(itemsize, &shape, &strides)
        .map_err(crate::error::bridge_to_pyerr)?;
    let info = HeldInfo {
        start: v.buf as usize,
        lo,
        hi,
        itemsize,
        readonly: v.readonly != 0,
        format,
        shape,
        strides,
    };
    let id = HELD.with(|h| {
        let mut h = h.borrow_mut();
        h.0 = h.0.wrapping_add(1);
        let id = h.0;
        h.1.insert(id, view);
        id
    });
    Ok((id, info))
}

/// Release a view taken by [`hold`]; `false` if it was released already.
pub fn release_held(id: u32) -> bool {
    let view = HELD.with(|h| h.borrow_mut().1.remove(&id));
    // Dropping releases the view (outside the borrow: the exporter's
    // release slot may run Python code).
    view.is_some()
}
