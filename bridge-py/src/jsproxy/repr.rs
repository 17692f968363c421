//! `repr()` and `bool()` of a `JsProxy`: JS `String(x)` and JS-aware truthiness.

use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use crate::host::host;
use crate::jsexception::js_error_to_pyerr;

pub fn repr(py: Python<'_>, obj: JsRef) -> PyResult<String> {
    host().to_string(obj).map_err(|e| js_error_to_pyerr(py, e))
}

pub fn truthy(py: Python<'_>, obj: JsRef) -> PyResult<bool> {
    host().truthy(obj).map_err(|e| js_error_to_pyerr(py, e))
}
