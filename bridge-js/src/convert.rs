//! JsValue ↔ boundary [`Value`].
//!
//! Ownership: a `Value` owns one reference for every handle it carries
//! (bridge-py's `JsHandle`/`PyHandle` release on drop). An object crossing
//! *to* Python is a new JS-table entry (its `JsProxy` will own it); a `PyProxy`
//! crossing back takes a new reference on its Python-table entry. Going *to*
//! JS, a `Ref::Js` gives back the original JS value and hands its reference
//! back; a `Ref::Py`'s reference is taken over by the new `PyProxy`.
//!
//! Two ways out to JS: [`from_value`] makes a `JsValue` (one transition for
//! numbers and strings), and [`write_value`] leaves primitives in a scratch
//! value slot for the JS side to read, making a `JsValue` only for the rest.

use bridge_core::boundary::{Tag, TagWord};
use bridge_core::error::BridgeError;
use bridge_core::handle::{PyRef, TableKey};
use bridge_core::value::{BigInt, Text};
use bridge_py::crossing::{JsHandle, Ref, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::{hooks, jstable, scratch, strings};

/// A JS value on its way into Python: one `classify` call learns its kind,
/// flags and identity (and, for numbers and short strings, its content).
/// A side effect for objects: a new JS-table entry, owned by the result.
pub fn to_value(v: JsValue) -> Result<Value, BridgeError> {
    let word = TagWord(hooks::with(|h| h.classify(&v)));
    from_word(v, word, scratch::RESULT)
}

/// A JS value whose tag word the JS side already wrote, with its value slot
/// at `base` (see `bridge_core::boundary::scratch`).
pub fn from_word(v: JsValue, word: TagWord, base: usize) -> Result<Value, BridgeError> {
    Ok(match word.tag() {
        Some(Tag::Number) => Value::from_js_number(scratch::f64(base)),
        Some(Tag::String) => Value::Str(strings::from_js(&v, base)?),
        Some(Tag::Undefined) => Value::Undefined,
        Some(Tag::Null) => Value::Null,
        Some(Tag::False) => Value::Bool(false),
        Some(Tag::True) => Value::Bool(true),
        Some(Tag::BigInt) => {
            let hex = v
                .unchecked_ref::<js_sys::BigInt>()
                .to_string(16)
                .map_err(|_| {
                    BridgeError::conversion("BigInt", "BigInt.prototype.toString(16) failed")
                })?;
            Value::BigInt(BigInt::from_hex(&String::from(hex))?)
        }
        Some(Tag::Python) => {
            // A destroyed PyProxy still answers its key, and the entry may
            // live on through another proxy of the same object: the JS side
            // marks it in the second slot, and it never resolves.
            if scratch::f64(base + 1) != 0.0 {
                return Err(BridgeError::DestroyedProxy {
                    message: hooks::with(|h| h.destroyed_message(&v)),
                });
            }
            let key = PyRef::from_wire_f64(scratch::f64(base))?;
            // A PyProxy's own reference is gone only after `destroy()`.
            let handle = bridge_py::ops::share(key).map_err(|e| match e {
                BridgeError::StaleKey { kind, wire, .. } => {
                    BridgeError::DestroyedKey { kind, wire }
                }
                other => other,
            })?;
            Value::Handle(Ref::Py(handle))
        }
        Some(Tag::Object) => {
            let id = scratch::f64(base);
            let key = jstable::insert(v)?;
            Value::Handle(Ref::Js(JsHandle::assume_owned(key, word.flags(), id)))
        }
        Some(Tag::Returned | Tag::Absent | Tag::Thrown) | None => {
            return Err(BridgeError::conversion(
                "JS value",
                format!("the JS side sent an unexpected tag word {:#x}", word.0),
            ))
        }
    })
}

/// A value on its way out of Python, as a `JsValue`. Hands over the
/// references it carries.
pub fn from_value(v: Value) -> Result<JsValue, BridgeError> {
    Ok(match v {
        Value::Undefined => JsValue::UNDEFINED,
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(b),
        Value::Int(n) => JsValue::from_f64(n as f64),
        Value::BigInt(n) => big_int(&n)?,
        Value::Float(f) => JsValue::from_f64(f),
        Value::Str(text) => strings::to_js(&text)?,
        Value::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        Value::Handle(Ref::Js(obj)) => jstable::take(obj.into_raw())?,
        Value::Handle(Ref::Py(obj)) => {
            let flags = obj.flags.bits();
            let key = obj.into_raw();
            hooks::with(|h| h.make_py_proxy(key.to_wire() as f64, flags))
        }
    })
}

/// A value on its way out of Python, through the scratch area: its tag word
/// at `word_slot`, its content in the value slot at `base`. Returns the
/// `JsValue` the JS side takes when the word is `returned` (else `undefined`).
/// A UTF-8 string is read by JS by pointer: with `keep`, the string is kept
/// alive past this call (a result); without, the caller keeps `v` alive until
/// JS has read it (an argument) and passes it back through `hold`.
pub fn write_value(
    v: Value,
    word_slot: usize,
    base: usize,
    hold: &mut Option<String>,
) -> Result<JsValue, BridgeError> {
    let tag = match v {
        Value::Undefined => Tag::Undefined,
        Value::Null => Tag::Null,
        Value::Bool(true) => Tag::True,
        Value::Bool(false) => Tag::False,
        Value::Int(n) => {
            scratch::set_f64(base, n as f64);
            Tag::Number
        }
        Value::Float(f) => {
            scratch::set_f64(base, f);
            Tag::Number
        }
        Value::Str(Text::Utf8(s)) => {
            let (ptr, len) = (s.as_ptr() as usize, s.len());
            scratch::set_f64(base, ptr as f64);
            scratch::set_f64(base + 1, len as f64);
            *hold = Some(s);
            Tag::String
        }
        Value::Handle(Ref::Py(obj)) => {
            scratch::set_f64(base + 1, obj.flags.bits() as f64);
            scratch::set_f64(base, obj.into_raw().to_wire() as f64);
            Tag::Python
        }
        other => {
            let js = from_value(other)?;
            scratch::set_f64(word_slot, Tag::Returned as u8 as f64);
            return Ok(js);
        }
    };
    scratch::set_f64(word_slot, tag as u8 as f64);
    Ok(JsValue::UNDEFINED)
}

/// A result of a JS→Python call, through the scratch result slots.
pub fn write_result(v: Value) -> Result<JsValue, BridgeError> {
    let mut hold = None;
    let js = write_value(v, scratch::RESULT_WORD, scratch::RESULT, &mut hold)?;
    if let Some(s) = hold {
        let (ptr, len) = scratch::keep_string(s);
        scratch::set_f64(scratch::RESULT, ptr as f64);
        scratch::set_f64(scratch::RESULT + 1, len as f64);
    }
    Ok(js)
}

/// `BigInt("0x…")`, negated for negatives (BigInt() takes no signed hex).
fn big_int(n: &BigInt) -> Result<JsValue, BridgeError> {
    let hex = n.to_hex();
    let magnitude = hex.strip_prefix('-').unwrap_or(&hex);
    let big = js_sys::BigInt::new(&JsValue::from_str(&format!("0x{magnitude}")))
        .map_err(|_| BridgeError::conversion("int", "BigInt() rejected a hex integer"))?;
    Ok(if n.is_negative() {
        (-&big).into()
    } else {
        big.into()
    })
}
