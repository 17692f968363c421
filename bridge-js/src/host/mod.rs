//! bridge-py's [`JsHost`](bridge_py::host::JsHost) on js-sys: what Python asks
//! of JavaScript, one file per capability trait.
//!
//! Every hook that can run user code (getters, setters, Proxy traps,
//! `toString`, the function called) is declared `catch` in `hooks.rs`, and a
//! thrown value is turned into a [`JsError`] here, by [`thrown`], whose own JS
//! side (`errorInfo`) cannot throw. No JS exception unwinds through wasm
//! frames.

mod attr;
mod buffer;
mod call;
mod deep;
mod items;
mod object;

use bridge_core::error::BridgeError;
use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::JsError;
use wasm_bindgen::JsValue;

use crate::convert::{from_value, to_value};
use crate::{hooks, jstable};

pub struct JsRuntime;

pub static RUNTIME: JsRuntime = JsRuntime;

/// A JS exception as Python will see it.
pub(crate) fn thrown(e: JsValue) -> JsError {
    let info = hooks::with(|h| h.error_info(&e));
    let name = info
        .get(0)
        .as_string()
        .unwrap_or_else(|| "Error".to_owned());
    let message = info.get(1).as_string().unwrap_or_default();
    let value = if e.is_object() || e.is_function() {
        to_value(e).ok()
    } else {
        None
    };
    JsError {
        name,
        message,
        value,
        refusal: None,
    }
}

/// The result word of a hot hook, or the JS exception it caught.
pub(crate) fn result_word() -> Result<bridge_core::boundary::TagWord, JsError> {
    let word =
        bridge_core::boundary::TagWord(crate::scratch::f64(crate::scratch::RESULT_WORD) as u32);
    if word.tag() == Some(bridge_core::boundary::Tag::Thrown) {
        return Err(thrown(hooks::with(|h| h.take_thrown())));
    }
    Ok(word)
}

/// A bridge refusal (bad handle, full table…) as Python will see it.
pub(crate) fn refused(e: BridgeError) -> JsError {
    let own_class = matches!(e, BridgeError::OutOfMemory { .. });
    JsError {
        name: e.js_class().to_owned(),
        message: e.to_string(),
        value: None,
        refusal: own_class.then(|| Box::new(e)),
    }
}

pub(crate) fn lookup(obj: JsRef) -> Result<JsValue, JsError> {
    jstable::get(obj).map_err(refused)
}

/// A JS value coming into Python (side effect: objects get table entries).
pub(crate) fn to_python(v: JsValue) -> Result<Value, JsError> {
    to_value(v).map_err(refused)
}

/// A value going out to JS (hands over the references it carries).
pub(crate) fn to_js(v: Value) -> Result<JsValue, JsError> {
    from_value(v).map_err(refused)
}
