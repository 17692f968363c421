//! Calling a `JsProxy`: `f(...)` and `Foo.new(...)`. Keyword arguments become
//! one trailing plain JS object, as in Pyodide: `f(1, a=2)` sends `[1, {a: 2}]`.

use bridge_core::handle::JsRef;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::crossing::{JsKind, JsObj};
use crate::host::{host, CallArgs};
use crate::jsexception::js_error_to_pyerr;

fn call_args(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<CallArgs> {
    let args = args.iter().map(|a| py_to_value(&a)).collect::<PyResult<Vec<_>>>()?;
    let kwargs = match kwargs {
        Some(kw) => kw
            .iter()
            .map(|(k, v)| Ok((k.extract::<String>()?, py_to_value(&v)?)))
            .collect::<PyResult<Vec<_>>>()?,
        None => Vec::new(),
    };
    Ok(CallArgs { args, kwargs })
}

pub fn call<'py>(
    py: Python<'py>,
    func: JsObj,
    this: Option<JsRef>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    if func.kind != JsKind::Function {
        let shown = super::repr::repr(py, func.key).unwrap_or_else(|_| "JS object".to_owned());
        return Err(PyTypeError::new_err(format!("this JsProxy is not callable: {shown} is not a JS function")));
    }
    let func = func.key;
    let args = call_args(args, kwargs)?;
    let result = host().call(func, this, args).map_err(|e| js_error_to_pyerr(py, e))?;
    value_to_py(py, result, None)
}

pub fn construct<'py>(
    py: Python<'py>,
    ctor: JsRef,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = call_args(args, kwargs)?;
    let result = host().construct(ctor, args).map_err(|e| js_error_to_pyerr(py, e))?;
    value_to_py(py, result, None)
}
