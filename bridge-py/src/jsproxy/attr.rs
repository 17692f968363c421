//! Attribute get/set/delete on a `JsProxy`: JS property access.

use bridge_core::handle::JsRef;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::host::host;
use crate::jsexception::js_error_to_pyerr;

/// Names the `JsProxy` class serves itself: dunders and its Pyodide-named methods.
pub fn is_own_name(name: &str) -> bool {
    name.starts_with("__") || OWN_METHODS.contains(&name)
}

const OWN_METHODS: &[&str] = &["new", "js_type"];

/// `object.__getattribute__(obj, name)`: the class's own attributes.
pub fn generic_get<'py>(obj: &Bound<'py, PyAny>, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    static GENERIC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = obj.py();
    GENERIC
        .get_or_try_init(py, || {
            let object = py.import("builtins")?.getattr("object")?;
            object.getattr("__getattribute__").map(Bound::unbind)
        })?
        .bind(py)
        .call1((obj, name))
}

pub fn get<'py>(py: Python<'py>, obj: JsRef, name: &str) -> PyResult<Bound<'py, PyAny>> {
    match host().get(obj, name) {
        Ok(Some(value)) => value_to_py(py, value, Some(obj)),
        Ok(None) => Err(PyAttributeError::new_err(name.to_owned())),
        Err(e) => Err(js_error_to_pyerr(py, e)),
    }
}

pub fn set(py: Python<'_>, obj: JsRef, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let value = py_to_value(value)?;
    host().set(obj, name, value).map_err(|e| js_error_to_pyerr(py, e))
}

pub fn delete(py: Python<'_>, obj: JsRef, name: &str) -> PyResult<()> {
    match host().delete(obj, name) {
        Ok(true) => Ok(()),
        Ok(false) => Err(PyAttributeError::new_err(name.to_owned())),
        Err(e) => Err(js_error_to_pyerr(py, e)),
    }
}
