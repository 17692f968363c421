//! Calling a `JsCallable`: `f(...)` and `Foo.new(...)`. Keyword arguments become
//! one trailing plain JS object, as in Pyodide: `f(1, a=2)` sends `[1, {a: 2}]`.
//!
//! Each converted argument owns its handle, so an argument that fails to
//! convert (or a call that fails) releases the ones made before it.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::convert::{from_py::py_to_value, from_py::str_to_text, to_py::value_to_py};
use crate::crossing::JsHandle;
use crate::host::{self, CallArgs};

fn slice_args(
    args: &[Bound<'_, PyAny>],
    kwargs: &[(Bound<'_, PyString>, Bound<'_, PyAny>)],
) -> PyResult<CallArgs> {
    let mut out = CallArgs::default();
    for a in args {
        out.args.push(py_to_value(a)?);
    }
    for (k, v) in kwargs {
        out.kwargs.push((str_to_text(k)?, py_to_value(v)?));
    }
    Ok(out)
}

/// A call from CPython's vectorcall: arguments as slices, no tuple or dict.
pub fn call_slices<'py>(
    py: Python<'py>,
    func: &JsHandle,
    this: Option<&JsHandle>,
    args: &[Bound<'py, PyAny>],
    kwargs: &[(Bound<'py, PyString>, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let args = slice_args(args, kwargs)?;
    let result = host::call(py, func.key(), this.map(JsHandle::key), args)?;
    value_to_py(py, result, None)
}

fn call_args(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<CallArgs> {
    let mut out = CallArgs::default();
    for a in args.iter() {
        out.args.push(py_to_value(&a)?);
    }
    if let Some(kw) = kwargs {
        for (k, v) in kw.iter() {
            let name = str_to_text(k.cast::<PyString>()?)?;
            out.kwargs.push((name, py_to_value(&v)?));
        }
    }
    Ok(out)
}

pub fn call<'py>(
    py: Python<'py>,
    func: &JsHandle,
    this: Option<&JsHandle>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = call_args(args, kwargs)?;
    let result = host::call(py, func.key(), this.map(JsHandle::key), args)?;
    value_to_py(py, result, None)
}

pub fn construct<'py>(
    py: Python<'py>,
    ctor: &JsHandle,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = call_args(args, kwargs)?;
    let result = host::construct(py, ctor.key(), args)?;
    value_to_py(py, result, None)
}
