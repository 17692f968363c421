//! Property access on JS objects, and JS globals.

use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Value;

pub trait JsAttrs {
    /// `globalThis[name]`, or `None` when `name in globalThis` is false.
    fn global(&self, name: &str) -> Result<Option<Value>, JsError>;
    /// `obj[name]`, or `None` when the property is `undefined` and `name in obj` is false.
    fn get(&self, obj: JsRef, name: &str) -> Result<Option<Value>, JsError>;
    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError>;
    /// `delete obj[name]`; `false` when the property did not exist.
    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError>;
}

pub(crate) fn global(py: Python<'_>, name: &str) -> PyResult<Option<Value>> {
    crossing(py, |h| h.global(name))
}

pub(crate) fn get(py: Python<'_>, obj: JsRef, name: &str) -> PyResult<Option<Value>> {
    crossing(py, |h| h.get(obj, name))
}

pub(crate) fn set(py: Python<'_>, obj: JsRef, name: &str, value: Value) -> PyResult<()> {
    crossing(py, |h| h.set(obj, name, value))
}

pub(crate) fn delete(py: Python<'_>, obj: JsRef, name: &str) -> PyResult<bool> {
    crossing(py, |h| h.delete(obj, name))
}
