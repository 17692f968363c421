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

// What `hooks.typeTag` answers (`TAG` in package/hooks.js).
const TAG_UNDEFINED: u32 = 0;
const TAG_NUMBER: u32 = 1;
const TAG_STRING: u32 = 2;
const TAG_FALSE: u32 = 3;
const TAG_TRUE: u32 = 4;
const TAG_BIGINT: u32 = 5;
const TAG_FUNCTION: u32 = 6;
const TAG_NULL: u32 = 7;
const TAG_OBJECT: u32 = 8;
const TAG_PYTHON: u32 = 9;

/// A JS value on its way into Python: one call learns its kind, at most one
/// more fetches its content.
pub fn to_value(v: JsValue) -> Result<Value, BridgeError> {
    Ok(match hooks::with(|h| h.type_tag(&v)) {
        TAG_NUMBER => Value::from_js_number(v.as_f64().unwrap_or(f64::NAN)),
        TAG_STRING => {
            let decoded = v.as_string().unwrap_or_default();
            Value::Str(js_text(&v, decoded))
        }
        TAG_UNDEFINED => Value::Undefined,
        TAG_NULL => Value::Null,
        TAG_FALSE => Value::Bool(false),
        TAG_TRUE => Value::Bool(true),
        TAG_BIGINT => {
            let hex = v
                .unchecked_ref::<js_sys::BigInt>()
                .to_string(16)
                .map_err(|_| BridgeError::conversion("BigInt", "BigInt.prototype.toString(16) failed"))?;
            Value::BigInt(BigInt::from_hex(&String::from(hex))?)
        }
        TAG_PYTHON => {
            let key = PyRef::from_wire_f64(hooks::with(|h| h.py_key_of(&v)))?;
            bridge_py::ops::incref(key)?;
            Value::Handle(Ref::Py(PyObj { key, callable: v.is_function() }))
        }
        tag => {
            let kind = if tag == TAG_FUNCTION { JsKind::Function } else { JsKind::Object };
            debug_assert!(tag == TAG_FUNCTION || tag == TAG_OBJECT, "unknown type tag {tag}");
            let key = jstable::insert(v)?;
            Value::Handle(Ref::Js(JsObj { key, kind }))
        }
    })
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
