//! Value → Python object.
//!
//! Ownership: a `Value` owns one reference for every handle it carries. A
//! `Ref::Js` arriving from JS is taken over by the `JsProxy` made here; a
//! `Ref::Py` (a `PyProxy` unwrapped by JS) gives back the original object and
//! its reference is dropped. On an error the remaining handles drop with the
//! value and release themselves.

use bridge_core::value::{BigInt, Text};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyString};

use crate::crossing::{JsHandle, Ref, Value};
use crate::jsproxy::JsProxy;

/// Convert `value`; `this` binds a JS function fetched as an attribute of the
/// object `this` (so `obj.method()` gets the right `this`).
pub fn value_to_py<'py>(
    py: Python<'py>,
    value: Value,
    this: Option<&JsHandle>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Undefined => py.None().into_bound(py),
        Value::Null => crate::jsnull::jsnull(py).clone().into_any(),
        Value::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
        Value::Int(n) => PyInt::new(py, n).into_any(),
        Value::BigInt(n) => big_int(py, &n)?,
        Value::Float(f) => PyFloat::new(py, f).into_any(),
        Value::Str(text) => text_to_py(py, &text)?,
        Value::Bytes(bytes) => PyBytes::new(py, &bytes).into_any(),
        Value::Handle(Ref::Js(obj)) => JsProxy::wrap(py, obj, this)?,
        Value::Handle(Ref::Py(obj)) => {
            crate::pytable::take(py, obj).map_err(crate::error::bridge_to_pyerr)?
        }
    })
}

/// `int(hex, 16)`: linear in the number's size, exact for any size.
fn big_int<'py>(py: Python<'py>, n: &BigInt) -> PyResult<Bound<'py, PyAny>> {
    py.get_type::<PyInt>().call1((n.to_hex(), 16))
}

/// A JS string; one with lone surrogates arrives as UTF-16 and is decoded
/// with `surrogatepass`, so it round-trips unchanged.
fn text_to_py<'py>(py: Python<'py>, text: &Text) -> PyResult<Bound<'py, PyAny>> {
    match text.as_str() {
        Some(s) => Ok(PyString::new(py, s).into_any()),
        None => {
            PyBytes::new(py, &text.to_wtf8()).call_method1("decode", ("utf-8", "surrogatepass"))
        }
    }
}
