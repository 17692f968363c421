//! What crosses the boundary in one step: a [`Value`] (bridge-core's value
//! model), with the objects that do not cross by value carried as a [`Ref`] to
//! a handle-table entry.
//!
//! **Ownership is RAII.** A [`JsHandle`] or [`PyHandle`] owns one reference to
//! its table entry and releases it when dropped, so a `Value` dropped on any
//! path (an error halfway through converting an argument list, a `?`) leaks
//! nothing. Whoever hands the reference over to a proxy or unwraps it takes it
//! with `into_raw` (the `Owned::into_raw` of `docs/lifetimes.md`).

use std::mem::ManuallyDrop;

use bridge_core::boundary::{JsFlags, PyFlags};
use bridge_core::error::BridgeError;
use bridge_core::handle::{JsRef, PyRef};

/// A value on its way across, in either direction: bridge-core's value model
/// with [`Ref`] as its handle.
pub type Value = bridge_core::value::Value<Ref>;

/// An object crossing by reference; it owns one reference to its entry.
#[derive(Debug, PartialEq)]
pub enum Ref {
    /// A JS object held in the JS-object table (Python holds it as a `JsProxy`).
    Js(JsHandle),
    /// A Python object held in the Python-object table (JS holds it as a `PyProxy`).
    Py(PyHandle),
}

/// One owned reference to a JS-table entry, with what Python needs to know to
/// wrap it: the object's capability flags and its identity.
#[derive(Debug, PartialEq)]
pub struct JsHandle {
    key: JsRef,
    /// What the object can do, classified once by the JS side.
    pub flags: JsFlags,
    /// The object's stable identity on the JS side (`Object.is` ⇔ equal ids);
    /// 0 for values without one (symbols).
    pub id: f64,
}

impl JsHandle {
    /// Take over one reference that the caller holds on `key`.
    pub fn assume_owned(key: JsRef, flags: JsFlags, id: f64) -> Self {
        JsHandle { key, flags, id }
    }

    pub fn key(&self) -> JsRef {
        self.key
    }

    /// Hand the reference over (to a JS unwrap): it is no longer released here.
    pub fn into_raw(self) -> JsRef {
        ManuallyDrop::new(self).key
    }

    /// A second owned reference to the same entry.
    pub fn share(&self) -> Result<JsHandle, BridgeError> {
        crate::host::host().incref(self.key)?;
        Ok(JsHandle {
            key: self.key,
            flags: self.flags,
            id: self.id,
        })
    }
}

impl Drop for JsHandle {
    fn drop(&mut self) {
        crate::host::host().release(self.key);
    }
}

/// One owned reference to a Python-table entry.
#[derive(Debug, PartialEq)]
pub struct PyHandle {
    key: PyRef,
    /// What the object can do, from its type's slots.
    pub flags: PyFlags,
}

impl PyHandle {
    pub fn assume_owned(key: PyRef, flags: PyFlags) -> Self {
        PyHandle { key, flags }
    }

    pub fn key(&self) -> PyRef {
        self.key
    }

    /// Hand the reference over (to a new `PyProxy`).
    pub fn into_raw(self) -> PyRef {
        ManuallyDrop::new(self).key
    }
}

impl Drop for PyHandle {
    fn drop(&mut self) {
        // A stale key here would be a bridge bug; there is nothing to undo.
        let _ = crate::pytable::release(self.key);
    }
}
