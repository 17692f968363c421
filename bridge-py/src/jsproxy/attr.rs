//! Attribute get/set/delete on a `JsProxy`: JS property access.

use bridge_core::handle::JsRef;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;

use super::JsProxy;
use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::host;

/// `proxy.name`: a function read off the object keeps it as `this`.
pub fn get<'py>(py: Python<'py>, proxy: &JsProxy, name: &str) -> PyResult<Bound<'py, PyAny>> {
    match host::get(py, proxy.obj.key(), name)? {
        Some(value) => value_to_py(py, value, Some(&proxy.obj)),
        None => Err(PyAttributeError::new_err(name.to_owned())),
    }
}

pub fn set(py: Python<'_>, obj: JsRef, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let value = py_to_value(value)?;
    host::set(py, obj, name, value)
}

pub fn delete(py: Python<'_>, obj: JsRef, name: &str) -> PyResult<()> {
    if host::delete(py, obj, name)? {
        Ok(())
    } else {
        Err(PyAttributeError::new_err(name.to_owned()))
    }
}
