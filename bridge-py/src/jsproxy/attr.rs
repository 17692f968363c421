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

/// Python's keywords (`keyword.kwlist`, 3.13).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The JS property a Python attribute name stands for: a keyword with a
/// trailing underscore (`p.finally_`, `o.for_`) is the keyword, as in
/// Pyodide, since `p.finally` is a syntax error.
pub fn js_name(name: &str) -> &str {
    match name.strip_suffix('_') {
        Some(k) if KEYWORDS.contains(&k) => k,
        _ => name,
    }
}

/// The Python attribute name `dir()` shows for a JS property (the reverse).
pub fn py_name(name: &str) -> std::borrow::Cow<'_, str> {
    if KEYWORDS.contains(&name) {
        format!("{name}_").into()
    } else {
        name.into()
    }
}
