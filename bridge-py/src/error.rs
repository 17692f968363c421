//! Errors crossing from Python to JS, and bridge errors raised in Python.

use bridge_core::error::BridgeError;
use pyo3::prelude::*;
use pyo3::types::PyModule;

use crate::crossing::PyObj;

/// A Python exception on its way to JS, where it becomes a `PythonError`.
#[derive(Debug)]
pub struct PyErrInfo {
    /// The exception's class name: `"ValueError"`.
    pub type_name: String,
    /// The formatted traceback, ending with `ValueError: message`.
    pub message: String,
    /// The exception object itself, so that if JS throws it back into Python
    /// the original exception is raised again.
    pub exc: Option<PyObj>,
}

/// Why an operation asked by JS failed.
#[derive(Debug)]
pub enum OpError {
    /// Python raised: JS gets a `PythonError`.
    Python(PyErrInfo),
    /// The bridge refused (bad handle, table full, …): JS gets the error class
    /// the variant names.
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
    let type_name = value
        .get_type()
        .name()
        .and_then(|n| n.extract::<String>())
        .unwrap_or_else(|_| "Exception".to_owned());
    let message = format_exception(py, &value).map(|m| m.trim_end().to_owned()).unwrap_or_else(|_| {
        let text = value.str().map(|s| s.to_string()).unwrap_or_default();
        format!("{type_name}: {text}")
    });
    let exc = crate::pytable::export(&value).ok();
    PyErrInfo { type_name, message, exc }
}

fn format_exception(py: Python<'_>, exc: &Bound<'_, PyAny>) -> PyResult<String> {
    let runner = PyModule::import(py, crate::runner::MODULE_NAME)?;
    runner.getattr("format_exception")?.call1((exc,))?.extract()
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
        "UnicodeError" | "UnicodeDecodeError" | "UnicodeEncodeError" => PyUnicodeError::new_err(msg),
        "SystemError" => PySystemError::new_err(msg),
        "NotImplementedError" => PyNotImplementedError::new_err(msg),
        _ => PyRuntimeError::new_err(msg),
    }
}
