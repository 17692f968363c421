//! Python object → Value.
//!
//! Ownership: a `JsProxy` goes back as a borrowed `Ref::Js` (JS unwraps it to
//! the original object); any other non-primitive is put in the Python-object
//! table as a new entry that the receiving `PyProxy` owns.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

use crate::crossing::{Ref, Value};
use crate::jsproxy::JsProxy;

pub fn py_to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Undefined);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return int_to_value(i);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Value::Float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        // A str holding lone surrogates has no UTF-8 form: to_str() raises
        // UnicodeEncodeError naming the position instead of losing data.
        return Ok(Value::Str(s.to_str()?.to_owned()));
    }
    if let Ok(p) = obj.cast::<JsProxy>() {
        return Ok(Value::Ref(Ref::Js(p.get().obj())));
    }
    let exported = crate::pytable::export(obj).map_err(crate::error::bridge_to_pyerr)?;
    Ok(Value::Ref(Ref::Py(exported)))
}

fn int_to_value(i: &Bound<'_, PyInt>) -> PyResult<Value> {
    match i.extract::<i64>() {
        Ok(n) => Ok(Value::from_i64(n)),
        Err(e) if e.is_instance_of::<PyOverflowError>(i.py()) => Ok(Value::BigInt(i.str()?.to_str()?.to_owned())),
        Err(e) => Err(e),
    }
}

impl<'py> FromPyObject<'_, 'py> for Value {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        py_to_value(&obj)
    }
}
