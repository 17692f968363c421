//! Errors crossing from Python to JS, and bridge errors raised in Python.

use bridge_core::error::BridgeError;
use pyo3::prelude::*;
use pyo3::types::PyModule;

use crate::crossing::{PyHandle, Value};

/// A Python exception on its way to JS, where it becomes a `PythonError`
/// (or, for a `JsException` that came from JS, the original JS value).
#[derive(Debug)]
pub struct PyErrInfo {
    /// The exception's class name: `"ValueError"`.
    pub type_name: String,
    /// The formatted traceback, ending with `ValueError: message`, when it had
    /// to be made now; `None` when `exc` is held, and JS formats it on first
    /// read ([`crate::ops::format_exception`]). Formatting eagerly made an
    /// exception crossing d nested JS/Python calls cost O(d²).
    pub message: Option<String>,
    /// The exception object itself, so that if JS throws it back into Python
    /// the original exception is raised again.
    pub exc: Option<PyHandle>,
    /// For a `JsException`: the JS value it was made from, thrown as itself.
    pub js_error: Option<Value>,
}

/// Why an operation asked by JS failed.
#[derive(Debug)]
pub enum OpError {
    /// Python raised: JS gets a `PythonError`.
    Python(PyErrInfo),
    /// The bridge refused (bad handle, table full, too deep…): JS gets the
    /// error class the variant names.
    Bridge(BridgeError),
}

impl From<BridgeError> for OpError {
    fn from(e: BridgeError) -> Self {
        OpError::Bridge(e)
    }
}

impl OpError {
    pub fn from_pyerr(py: Python<'_>, err: PyErr) -> Self {
        OpError::Python(describe(py, err))
    }
}

/// Class name, traceback text, and the exception object, for JS.
pub fn describe(py: Python<'_>, err: PyErr) -> PyErrInfo {
    let value = err.value(py).clone();
    if let Some(js_error) = crate::jsexception::original_js_error(value.as_any()) {
        return PyErrInfo {
            type_name: "JsException".into(),
            message: None,
            exc: None,
            js_error: Some(js_error),
        };
    }
    let type_name = value
        .get_type()
        .name()
        .and_then(|n| n.extract::<String>())
        .unwrap_or_else(|_| "Exception".to_owned());
    let exc = crate::pytable::export(&value).ok();
    let message = match exc {
        Some(_) => None,
        None => Some(format_exception(&value)),
    };
    PyErrInfo {
        type_name,
        message,
        exc,
        js_error: None,
    }
}

/// The traceback text of an exception, without the bridge's own frames; if
/// even that fails, `Type: str(exc)`.
pub fn format_exception(exc: &Bound<'_, PyAny>) -> String {
    let formatted = PyModule::import(exc.py(), crate::runner::MODULE_NAME).and_then(|runner| {
        runner
            .getattr("format_exception")?
            .call1((exc,))?
            .extract::<String>()
    });
    match formatted {
        Ok(text) => text.trim_end().to_owned(),
        Err(_) => {
            let type_name = exc
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "Exception".into());
            let text = exc.str().map(|s| s.to_string()).unwrap_or_default();
            format!("{type_name}: {text}")
        }
    }
}

/// A bridge refusal raised in Python as the exception class the error names.
pub fn bridge_to_pyerr(err: BridgeError) -> PyErr {
    use pyo3::exceptions::*;
    let msg = err.to_string();
    match err.python_class() {
        "TypeError" => PyTypeError::new_err(msg),
        "ValueError" => PyValueError::new_err(msg),
        "OverflowError" => PyOverflowError::new_err(msg),
        "MemoryError" => PyMemoryError::new_err(msg),
        "KeyError" => PyKeyError::new_err(msg),
        "IndexError" => PyIndexError::new_err(msg),
        "RecursionError" => PyRecursionError::new_err(msg),
        // UnicodeDecodeError/UnicodeEncodeError need five constructor arguments;
        // their base class carries the message.
        "UnicodeError" | "UnicodeDecodeError" | "UnicodeEncodeError" => {
            PyUnicodeError::new_err(msg)
        }
        "SystemError" => PySystemError::new_err(msg),
        "NotImplementedError" => PyNotImplementedError::new_err(msg),
        "ConversionError" => crate::jsexception::ConversionError::new_err(msg),
        _ => PyRuntimeError::new_err(msg),
    }
}
