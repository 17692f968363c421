//! The bytes of JS buffers (typed arrays, `DataView`, `ArrayBuffer`): what
//! they hold, and copies between them and Python memory.
//!
//! In the wasm build Python's memory is the module's linear memory, so a copy
//! is one `TypedArray.prototype.set` on the JS side, into or out of the slice
//! given here.

use std::mem::MaybeUninit;

use bridge_core::buffer::ElementKind;
use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Value;

/// What a JS buffer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BufferInfo {
    /// The element kind of a typed array; `None` for a `DataView` or an
    /// `ArrayBuffer` (bytes).
    pub kind: Option<ElementKind>,
    /// `byteLength`.
    pub byte_len: usize,
    /// The underlying `ArrayBuffer` was detached (transferred).
    pub detached: bool,
}

pub trait JsBuffers {
    /// Element kind, byte length and detached state of a buffer object.
    fn buffer_info(&self, obj: JsRef) -> Result<BufferInfo, JsError>;
    /// Copy the buffer's first `dst.len()` bytes into `dst` (all of them, or
    /// fail).
    fn buffer_read(&self, obj: JsRef, dst: &mut [MaybeUninit<u8>]) -> Result<(), JsError>;
    /// Copy `src` into the buffer from byte `offset`.
    fn buffer_write(&self, obj: JsRef, offset: usize, src: &[u8]) -> Result<(), JsError>;
    /// Write back the bytes where `new` differs from `old` (both the same
    /// length, the buffer's bytes from `offset` when they were copied out), so
    /// that bytes JS changed meanwhile and Python did not are kept.
    fn buffer_merge(
        &self,
        obj: JsRef,
        offset: usize,
        old: &[u8],
        new: &[u8],
    ) -> Result<(), JsError>;
    /// A new typed array of `kind` (`None`: a Uint8Array) holding a copy of
    /// `src` (for `to_js` of a Python buffer).
    fn new_typed_array(&self, kind: Option<ElementKind>, src: &[u8]) -> Result<Value, JsError>;
    /// `new TextDecoder(encoding ?? "utf-8", {fatal: true, ignoreBOM: true})
    /// .decode(buffer)`; `None` when the bytes are not valid in the encoding
    /// (an unknown label is a JS error).
    fn buffer_decode(&self, obj: JsRef, encoding: Option<&str>) -> Result<Option<String>, JsError>;
}

pub(crate) fn info(py: Python<'_>, obj: JsRef) -> PyResult<BufferInfo> {
    crossing(py, |h| h.buffer_info(obj))
}

pub(crate) fn read(py: Python<'_>, obj: JsRef, dst: &mut [MaybeUninit<u8>]) -> PyResult<()> {
    crossing(py, |h| h.buffer_read(obj, dst))
}

pub(crate) fn write(py: Python<'_>, obj: JsRef, offset: usize, src: &[u8]) -> PyResult<()> {
    crossing(py, |h| h.buffer_write(obj, offset, src))
}

pub(crate) fn merge(
    py: Python<'_>,
    obj: JsRef,
    offset: usize,
    old: &[u8],
    new: &[u8],
) -> PyResult<()> {
    crossing(py, |h| h.buffer_merge(obj, offset, old, new))
}

pub(crate) fn decode(
    py: Python<'_>,
    obj: JsRef,
    encoding: Option<&str>,
) -> PyResult<Option<String>> {
    crossing(py, |h| h.buffer_decode(obj, encoding))
}

pub(crate) fn new_typed_array(
    py: Python<'_>,
    kind: Option<ElementKind>,
    src: &[u8],
) -> PyResult<Value> {
    crossing(py, |h| h.new_typed_array(kind, src))
}
