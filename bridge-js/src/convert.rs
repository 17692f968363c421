//! JsValue ↔ boundary [`Value`].
//!
//! Ownership mirrors bridge-py's: an object crossing *to* Python is put in the
//! JS table as a new entry its `JsProxy` will own; a `PyProxy` crossing back is
//! unwrapped to its Python-table key (borrowed). Going *to* JS, a `Ref::Js` is
//! borrowed (the original JS value is returned) and a `Ref::Py` is a new entry
//! the new `PyProxy` owns.

use bridge_core::error::BridgeError;
use bridge_core::handle::{PyRef, TableKey};
use bridge_core::value::MAX_SAFE_INTEGER;
use bridge_py::crossing::{JsKind, JsObj, PyObj, Ref, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::{hooks, jstable};

/// A JS value on its way into Python.
pub fn to_value(v: JsValue) -> Result<Value, BridgeError> {
    if let Some(n) = v.as_f64() {
        return Ok(number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::Str(s));
    }
    if v.is_undefined() {
        return Ok(Value::Undefined);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    if v.is_bigint() {
        let digits = v.unchecked_ref::<js_sys::BigInt>().to_string(10).map_err(|_| BridgeError::conversion("BigInt", "BigInt.prototype.toString failed"))?;
        return Ok(Value::BigInt(String::from(digits)));
    }
    let py_key = hooks::with(|h| h.py_key_of(&v));
    if py_key >= 0.0 {
        return Ok(Value::Ref(Ref::Py(PyObj { key: PyRef::from_wire_f64(py_key)?, callable: v.is_function() })));
    }
    let kind = if v.is_function() { JsKind::Function } else { JsKind::Object };
    let key = jstable::insert(v)?;
    Ok(Value::Ref(Ref::Js(JsObj { key, kind })))
}

/// Integral numbers within ±(2^53−1) become `int`; the rest (fractions,
/// NaN, ±inf, −0, and integral values beyond the safe range) become `float`.
fn number(n: f64) -> Value {
    let integral = n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER as f64;
    if integral && !(n == 0.0 && n.is_sign_negative()) {
        Value::Int(n as i64)
    } else {
        Value::Float(n)
    }
}

/// A value on its way out of Python.
pub fn from_value(v: Value) -> Result<JsValue, BridgeError> {
    Ok(match v {
        Value::Undefined => JsValue::UNDEFINED,
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(b),
        Value::Int(n) => JsValue::from_f64(n as f64),
        Value::BigInt(digits) => js_sys::BigInt::new(&JsValue::from_str(&digits))
            .map_err(|_| BridgeError::conversion("int", "BigInt() rejected a decimal integer"))?
            .into(),
        Value::Float(f) => JsValue::from_f64(f),
        Value::Str(s) => JsValue::from_str(&s),
        Value::Ref(Ref::Js(obj)) => jstable::get(obj.key)?,
        Value::Ref(Ref::Py(obj)) => hooks::with(|h| h.make_py_proxy(obj.key.to_wire() as f64, obj.callable)),
    })
}
