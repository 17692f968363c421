//! JsValue ↔ boundary [`Value`].
//!
//! Ownership: a `Value` owns one reference for every handle it carries
//! (bridge-py's `JsHandle`/`PyHandle` release on drop). An object crossing
//! *to* Python is a new JS-table entry (its `JsProxy` will own it); a `PyProxy`
//! crossing back takes a new reference on its Python-table entry. Going *to*
//! JS, a `Ref::Js` gives back the original JS value and hands its reference
//! back; a `Ref::Py`'s reference is taken over by the new `PyProxy`.

use bridge_core::boundary::{Tag, TagWord};
use bridge_core::error::BridgeError;
use bridge_core::handle::{PyRef, TableKey};
use bridge_core::value::BigInt;
use bridge_py::crossing::{JsHandle, Ref, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::{hooks, jstable, scratch, strings};

/// A JS value on its way into Python: one `classify` call learns its kind,
/// flags and identity (and, for numbers and short strings, its content).
/// A side effect for objects: a new JS-table entry, owned by the result.
pub fn to_value(v: JsValue) -> Result<Value, BridgeError> {
    let word = TagWord(hooks::with(|h| h.classify(&v)));
    Ok(match word.tag() {
        Some(Tag::Number) => Value::from_js_number(scratch::f64(0)),
        Some(Tag::String) => Value::Str(strings::from_js(&v)?),
        Some(Tag::Undefined) => Value::Undefined,
        Some(Tag::Null) => Value::Null,
        Some(Tag::False) => Value::Bool(false),
        Some(Tag::True) => Value::Bool(true),
        Some(Tag::BigInt) => {
            let hex = v
                .unchecked_ref::<js_sys::BigInt>()
                .to_string(16)
                .map_err(|_| BridgeError::conversion("BigInt", "BigInt.prototype.toString(16) failed"))?;
            Value::BigInt(BigInt::from_hex(&String::from(hex))?)
        }
        Some(Tag::Python) => {
            let key = PyRef::from_wire_f64(scratch::f64(0))?;
            Value::Handle(Ref::Py(bridge_py::ops::share(key)?))
        }
        Some(Tag::Object) => {
            let id = scratch::f64(0);
            let key = jstable::insert(v)?;
            Value::Handle(Ref::Js(JsHandle::assume_owned(key, word.flags(), id)))
        }
        None => return Err(BridgeError::conversion("JS value", format!("the JS side sent an unknown tag word {:#x}", word.0))),
    })
}

/// A value on its way out of Python. Hands over the references it carries.
pub fn from_value(v: Value) -> Result<JsValue, BridgeError> {
    Ok(match v {
        Value::Undefined => JsValue::UNDEFINED,
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(b),
        Value::Int(n) => JsValue::from_f64(n as f64),
        Value::BigInt(n) => big_int(&n)?,
        Value::Float(f) => JsValue::from_f64(f),
        Value::Str(text) => strings::to_js(&text),
        Value::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        Value::Handle(Ref::Js(obj)) => jstable::take(obj.into_raw())?,
        Value::Handle(Ref::Py(obj)) => {
            let flags = obj.flags.bits();
            let key = obj.into_raw();
            hooks::with(|h| h.make_py_proxy(key.to_wire() as f64, flags))
        }
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
