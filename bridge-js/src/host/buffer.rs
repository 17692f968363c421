//! `JsBuffers`: the bytes of typed arrays, `DataView`s and `ArrayBuffer`s
//! (`package/buffers.js`). Python's memory is this module's linear memory, so
//! a slice's address is where the JS side copies to or from.

use std::mem::MaybeUninit;

use bridge_core::buffer::ElementKind;
use bridge_core::handle::JsRef;
use bridge_py::host::{BufferInfo, JsBuffers, JsError};

use super::{lookup, refused, thrown, JsRuntime};
use crate::hooks;

/// The linear-memory address of a slice (wasm32: addresses are 32-bit).
fn addr<T>(p: *const T) -> u32 {
    p as usize as u32
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl JsBuffers for JsRuntime {
    fn buffer_info(&self, obj: JsRef) -> Result<BufferInfo, JsError> {
        let target = lookup(obj)?;
        let r = hooks::with(|h| h.buffer_info(&target)).map_err(thrown)?;
        let name = r.get(0).as_string().unwrap_or_default();
        let kind = if name.is_empty() {
            None
        } else {
            Some(ElementKind::from_typed_array_name(&name).map_err(refused)?)
        };
        let n = r.get(1).as_f64().unwrap_or(0.0);
        Ok(BufferInfo {
            kind,
            byte_len: if n.is_finite() && n > 0.0 {
                n as usize
            } else {
                0
            },
            detached: r.get(2).is_truthy(),
        })
    }

    fn buffer_read(&self, obj: JsRef, dst: &mut [MaybeUninit<u8>]) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let (ptr, len) = (addr(dst.as_mut_ptr()), len32(dst.len()));
        hooks::with(|h| h.buffer_read(&target, ptr, len)).map_err(thrown)
    }

    fn buffer_write(&self, obj: JsRef, offset: usize, src: &[u8]) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let (ptr, len) = (addr(src.as_ptr()), len32(src.len()));
        hooks::with(|h| h.buffer_write(&target, offset as f64, ptr, len)).map_err(thrown)
    }

    fn buffer_merge(
        &self,
        obj: JsRef,
        offset: usize,
        old: &[u8],
        new: &[u8],
    ) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let len = len32(old.len().min(new.len()));
        let (old, new) = (addr(old.as_ptr()), addr(new.as_ptr()));
        hooks::with(|h| h.buffer_merge(&target, offset as f64, old, new, len)).map_err(thrown)
    }

    fn new_typed_array(
        &self,
        kind: Option<ElementKind>,
        src: &[u8],
    ) -> Result<bridge_py::crossing::Value, JsError> {
        let name = kind.map_or("", ElementKind::typed_array_name);
        let (ptr, len) = (addr(src.as_ptr()), len32(src.len()));
        let v = hooks::with(|h| h.new_typed_array(name, ptr, len)).map_err(thrown)?;
        super::to_python(v)
    }

    fn buffer_decode(&self, obj: JsRef, encoding: Option<&str>) -> Result<Option<String>, JsError> {
        let target = lookup(obj)?;
        let encoding = encoding.map(str::to_owned);
        hooks::with(|h| h.buffer_decode(&target, encoding)).map_err(thrown)
    }
}
