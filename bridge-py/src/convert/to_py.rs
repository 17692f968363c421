//! Value → Python object.
//!
//! Ownership: a `Ref::Js` arriving from JS is a new JS-table entry that the
//! `JsProxy` made here takes over; a `Ref::Py` is borrowed (the JS side keeps its
//! own reference), so the original object is returned, not a wrapper.

use bridge_core::handle::JsRef;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

use crate::crossing::{Ref, Value};
use crate::jsproxy::JsProxy;

/// Convert `value`; `this` binds a JS function fetched as an attribute of the
/// object `this` (so `obj.method()` gets the right `this`).
pub fn value_to_py<'py>(py: Python<'py>, value: Value, this: Option<JsRef>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Undefined | Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
        Value::Int(n) => PyInt::new(py, n).into_any(),
        Value::BigInt(digits) => big_int(py, &digits)?,
        Value::Float(f) => PyFloat::new(py, f).into_any(),
        Value::Str(s) => PyString::new(py, &s).into_any(),
        Value::Ref(Ref::Js(obj)) => JsProxy::wrap(py, obj, this)?.into_any(),
        Value::Ref(Ref::Py(obj)) => crate::pytable::get(py, obj.key).map_err(crate::error::bridge_to_pyerr)?,
    })
}

fn big_int<'py>(py: Python<'py>, digits: &str) -> PyResult<Bound<'py, PyAny>> {
    // int(str) is exact for any size; BigInts only come here beyond ±(2^53−1).
    py.get_type::<PyInt>().call1((digits,))
}

impl<'py> IntoPyObject<'py> for Value {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        value_to_py(py, self, None)
    }
}
