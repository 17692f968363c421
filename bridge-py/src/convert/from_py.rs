//! Python object → Value.
//!
//! Ownership: a `Value` owns one reference for every handle it carries. A
//! `JsProxy` goes out as a `Ref::Js` with a new reference to its entry (JS
//! unwraps it to the original object and drops that reference); any other
//! non-primitive goes into the Python-object table as a new entry that the
//! receiving `PyProxy` takes over.

use bridge_core::value::{BigInt, Text};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyString};

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
        return Ok(Value::Str(str_to_text(s)?));
    }
    if crate::jsnull::is_jsnull(obj) {
        return Ok(Value::Null);
    }
    if let Ok(p) = obj.cast::<JsProxy>() {
        // The proxy may die before JS unwraps the value (a temporary returned
        // from a call): the value holds its own reference.
        let js = p
            .get()
            .handle()
            .share()
            .map_err(crate::error::bridge_to_pyerr)?;
        return Ok(Value::Handle(Ref::Js(js)));
    }
    if let Some(js) = crate::jsexception::original_js_error(obj) {
        return Ok(js); // a JS error that came into Python goes back as itself
    }
    let exported = crate::pytable::export(obj).map_err(crate::error::bridge_to_pyerr)?;
    Ok(Value::Handle(Ref::Py(exported)))
}

fn int_to_value(i: &Bound<'_, PyInt>) -> PyResult<Value> {
    match i.extract::<i64>() {
        Ok(n) => Ok(Value::from_i64(n)),
        Err(e) if e.is_instance_of::<PyOverflowError>(i.py()) => {
            // Beyond i64: through hex, linear in both directions.
            let hex: String = i
                .py()
                .import("builtins")?
                .getattr("format")?
                .call1((i, "x"))?
                .extract()?;
            let n = BigInt::from_hex(&hex).map_err(crate::error::bridge_to_pyerr)?;
            Ok(Value::BigInt(n))
        }
        Err(e) => Err(e),
    }
}

/// A str is valid UTF-8 unless it holds lone surrogates; those are kept by
/// encoding with `surrogatepass` (WTF-8) and crossing as UTF-16.
pub fn str_to_text(s: &Bound<'_, PyString>) -> PyResult<Text> {
    if let Ok(utf8) = s.to_str() {
        return Ok(Text::Utf8(utf8.to_owned()));
    }
    let wtf8 = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
    Text::from_wtf8(wtf8.cast::<PyBytes>()?.as_bytes()).map_err(crate::error::bridge_to_pyerr)
}
