//! `repr()` and `bool()` of a `JsProxy`: JS `String(x)` and JS-aware truthiness.

use bridge_core::handle::JsRef;
use pyo3::prelude::*;

pub fn repr(py: Python<'_>, obj: JsRef) -> PyResult<String> {
    crate::host::to_string(py, obj)
}

pub fn truthy(py: Python<'_>, obj: JsRef) -> PyResult<bool> {
    crate::host::truthy(py, obj)
}
