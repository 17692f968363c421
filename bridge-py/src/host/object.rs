//! What any JS object answers: its string form, truthiness, identity, and the
//! references Python holds on it.

use bridge_core::error::BridgeError;
use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Value;

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
    /// One of the host's helper functions (`dir`, `objectKeys`…), for
    /// features that are a JS function called like any other; `None` when
    /// the host has no such helper.
    fn helper(&self, name: &str) -> Result<Option<Value>, JsError>;
    /// `create_proxy`: a JS object that is the PyProxy of `obj` (a
    /// `Ref::Py` value), held in the JS table rather than unwrapped; it comes
    /// back to Python as a `JsDoubleProxy` when `roundtrip`, else as `obj`.
    /// With `capture_this`, calls pass JS `this` first.
    fn double_proxy(
        &self,
        obj: Value,
        roundtrip: bool,
        capture_this: bool,
    ) -> Result<Value, JsError>;
}

pub(crate) fn to_string(py: Python<'_>, obj: JsRef) -> PyResult<String> {
    crossing(py, |h| h.to_string(obj))
}

pub(crate) fn truthy(py: Python<'_>, obj: JsRef) -> PyResult<bool> {
    crossing(py, |h| h.truthy(obj))
}

/// The host helper `name` as a Python callable (a `JsCallable`).
pub(crate) fn helper<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    match crossing(py, |h| h.helper(name))? {
        Some(v) => crate::convert::to_py::value_to_py(py, v, None),
        None => Err(pyo3::exceptions::PyNotImplementedError::new_err(format!(
            "the JS host has no helper '{name}'"
        ))),
    }
}

pub(crate) fn double_proxy(
    py: Python<'_>,
    obj: Value,
    roundtrip: bool,
    capture_this: bool,
) -> PyResult<Value> {
    crossing(py, |h| h.double_proxy(obj, roundtrip, capture_this))
}

pub(crate) fn same(a: JsRef, b: JsRef) -> bool {
    super::host().same(a, b)
}
