//! `JsException`: a JS exception seen from Python.
//!
//! Pyodide's `JsException` is both a `JsProxy` and an `Exception`; pyo3 cannot
//! make a class inherit from both, so ours is an `Exception` subclass that
//! carries the JS error as the attribute `js_error` (a `JsProxy`), beside
//! `name` and `message`; other attributes (`stack`, `cause`…) read the JS
//! error's (`_bridge.py`). `str(e)` is `"TypeError: boom"`, as in Pyodide. A
//! JS `Error` reaching Python as a value is a `JsException` too, and goes
//! back to JS as the original error.
//!
//! This file and `error.rs` are where an exception crosses:
//! - JS → Python: [`js_error_to_pyerr`]. A Python exception that went out
//!   through JS (a `PythonError`) comes back as itself.
//! - Python → JS: [`crate::error::describe`]. A `JsException` that came from
//!   JS goes back as the original JS value.

use pyo3::prelude::*;

use crate::convert::to_py::value_to_py;
use crate::crossing::{JsHandle, Ref, Value};
use crate::host::JsError;
use crate::jsproxy::JsProxy;

pyo3::create_exception!(
    js,
    JsException,
    pyo3::exceptions::PyException,
    "A JavaScript exception."
);

pyo3::create_exception!(
    js,
    ConversionError,
    pyo3::exceptions::PyException,
    "A value could not be converted between Python and JavaScript (pyodide.ffi.ConversionError)."
);

/// Turn a captured JS exception into the `PyErr` to raise.
pub fn js_error_to_pyerr(py: Python<'_>, err: JsError) -> PyErr {
    if let Some(refusal) = err.refusal {
        return crate::error::bridge_to_pyerr(*refusal);
    }
    // Converting the thrown value consumes the reference it carries.
    let thrown = match err.value {
        Some(v) => value_to_py(py, v, None).ok(),
        None => None,
    };
    if let Some(exc) = &thrown {
        if exc.is_instance_of::<JsException>() {
            // A JS Error arrives as a JsException already (`error_value`);
            // the name and message the JS side read safely win.
            let text = format!("{}: {}", err.name, err.message);
            let _ = exc.setattr("name", &err.name);
            let _ = exc.setattr("message", &err.message);
            let _ = exc.setattr("args", (text,));
            return PyErr::from_value(exc.clone());
        }
        if let Ok(exc) = exc.cast::<pyo3::exceptions::PyBaseException>() {
            return PyErr::from_value(exc.clone().into_any());
        }
    }
    let pyerr = JsException::new_err(format!("{}: {}", err.name, err.message));
    let exc = pyerr.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice;
    // if it did, the exception still carries the message.
    let _ = exc.setattr("name", &err.name);
    let _ = exc.setattr("message", &err.message);
    let _ = exc.setattr("js_error", thrown);
    pyerr
}

/// The JS value a `JsException` stands for, when it carries one: raised back
/// into JS, it is thrown as itself.
pub fn original_js_error(exc: &Bound<'_, PyAny>) -> Option<Value> {
    if !exc.is_instance_of::<JsException>() {
        return None;
    }
    let js = exc.getattr("js_error").ok()?;
    let proxy = js.cast::<JsProxy>().ok()?;
    let handle: JsHandle = proxy.get().handle().share().ok()?;
    Some(Value::Handle(Ref::Js(handle)))
}

/// A JS `Error` object arriving in Python as a value (a promise's rejection
/// reason, an argument, a property): a `JsException` carrying it, as in
/// Pyodide, where every JS error is one. `proxy` is a plain JsProxy of it.
pub fn error_value<'py>(proxy: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    proxy
        .py()
        .import(crate::runner::MODULE_NAME)?
        .getattr("js_exception_of")?
        .call1((proxy,))
}
