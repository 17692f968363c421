//! JsValue ↔ boundary [`Value`].
//!
//! Ownership: a `Value` owns one reference for every handle it carries, and
//! whoever consumes the value takes it over. An object crossing *to* Python is
//! a new JS-table entry (its `JsProxy` will own it); a `PyProxy` crossing back
//! takes a new reference on its Python-table entry. Going *to* JS, a `Ref::Js`
//! gives back the original JS value and drops its reference; a `Ref::Py`'s
//! reference is taken over by the new `PyProxy`.

use bridge_core::error::BridgeError;
use bridge_core::handle::{PyRef, TableKey};
use bridge_core::value::{BigInt, Text};
use bridge_py::crossing::{JsKind, JsObj, PyObj, Ref, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::{hooks, jstable};

/// A JS value on its way into Python.
pub fn to_value(v: JsValue) -> Result<Value, BridgeError> {
    if let Some(n) = v.as_f64() {
        return Ok(Value::from_js_number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::Str(js_text(&v, s)));
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
        let hex = v
            .unchecked_ref::<js_sys::BigInt>()
            .to_string(16)
            .map_err(|_| BridgeError::conversion("BigInt", "BigInt.prototype.toString(16) failed"))?;
        return Ok(Value::BigInt(BigInt::from_hex(&String::from(hex))?));
    }
    let py_key = hooks::with(|h| h.py_key_of(&v));
    if py_key >= 0.0 {
        let key = PyRef::from_wire_f64(py_key)?;
        bridge_py::ops::incref(key)?;
        return Ok(Value::Handle(Ref::Py(PyObj { key, callable: v.is_function() })));
    }
    let kind = if v.is_function() { JsKind::Function } else { JsKind::Object };
    let key = jstable::insert(v)?;
    Ok(Value::Handle(Ref::Js(JsObj { key, kind })))
}

/// wasm-bindgen decodes JS strings to UTF-8 replacing lone surrogates with
/// U+FFFD. Only when a U+FFFD shows up is the string checked, and if it really
/// held lone surrogates its UTF-16 code units are taken as they are.
fn js_text(v: &JsValue, decoded: String) -> Text {
    if decoded.contains('\u{FFFD}') {
        let js = v.unchecked_ref::<js_sys::JsString>();
        if !js.is_valid_utf16() {
            return Text::Utf16(js.iter().collect());
        }
    }
    Text::Utf8(decoded)
}

/// A value on its way out of Python.
pub fn from_value(v: Value) -> Result<JsValue, BridgeError> {
    Ok(match v {
        Value::Undefined => JsValue::UNDEFINED,
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(b),
        Value::Int(n) => JsValue::from_f64(n as f64),
        Value::BigInt(n) => big_int(&n)?,
        Value::Float(f) => JsValue::from_f64(f),
        Value::Str(Text::Utf8(s)) => JsValue::from_str(&s),
        Value::Str(Text::Utf16(units)) => js_sys::JsString::from_char_code(&units).into(),
        Value::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        Value::Handle(Ref::Js(obj)) => jstable::take(obj.key)?,
        Value::Handle(Ref::Py(obj)) => hooks::with(|h| h.make_py_proxy(obj.key.to_wire() as f64, obj.callable)),
    })
}

/// `BigInt("0x…")`, negated for negatives (BigInt() takes no signed hex).
fn big_int(n: &BigInt) -> Result<JsValue, BridgeError> {
    let hex = n.to_hex();
    let magnitude = hex.strip_prefix('-').unwrap_or(&hex);
    let big = js_sys::BigInt::new(&JsValue::from_str(&format!("0x{magnitude}")))
        .map_err(|_| BridgeError::conversion("int", "BigInt() rejected a hex integer"))?;
    Ok(if n.is_negative() { (-&big).into() } else { big.into() })
}
