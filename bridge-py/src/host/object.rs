//! What any JS object answers: its string form, truthiness, identity, and the
//! references Python holds on it.

use bridge_core::error::BridgeError;
use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};

pub trait JsObjects {
    /// `String(obj)`.
    fn to_string(&self, obj: JsRef) -> Result<String, JsError>;
    /// Python truthiness of a JS object: falsy values, empty arrays and typed
    /// arrays, and empty Maps and Sets are false.
    fn truthy(&self, obj: JsRef) -> Result<bool, JsError>;
    /// `Object.is(a, b)`, for values without an identity id (symbols).
    fn same(&self, a: JsRef, b: JsRef) -> bool;
    /// Take another reference on a table entry.
    fn incref(&self, obj: JsRef) -> Result<(), BridgeError>;
    /// Drop one reference: a `JsHandle` was dropped.
    fn release(&self, obj: JsRef);
}

pub(crate) fn to_string(py: Python<'_>, obj: JsRef) -> PyResult<String> {
    crossing(py, |h| h.to_string(obj))
}

pub(crate) fn truthy(py: Python<'_>, obj: JsRef) -> PyResult<bool> {
    crossing(py, |h| h.truthy(obj))
}

pub(crate) fn same(a: JsRef, b: JsRef) -> bool {
    super::host().same(a, b)
}
