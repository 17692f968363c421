//! `JsObjects`: string form, truthiness, identity and references.

use bridge_core::error::BridgeError;
use bridge_core::handle::JsRef;
use bridge_py::host::{JsError, JsObjects};

use bridge_py::crossing::Value;

use super::{lookup, thrown, to_python, JsRuntime};
use crate::{hooks, jstable};

impl JsObjects for JsRuntime {
    fn to_string(&self, obj: JsRef) -> Result<String, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.to_str(&target)).map_err(thrown)
    }

    fn truthy(&self, obj: JsRef) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.truthy(&target)).map_err(thrown)
    }

    fn same(&self, a: JsRef, b: JsRef) -> bool {
        match (jstable::get(a), jstable::get(b)) {
            (Ok(a), Ok(b)) => js_sys::Object::is(&a, &b),
            _ => false,
        }
    }

    fn incref(&self, obj: JsRef) -> Result<(), BridgeError> {
        jstable::incref(obj)
    }

    fn helper(&self, name: &str) -> Result<Option<Value>, JsError> {
        let f = hooks::with(|h| h.helper(name));
        if f.is_undefined() {
            return Ok(None);
        }
        to_python(f).map(Some)
    }

    fn double_proxy(
        &self,
        obj: Value,
        roundtrip: bool,
        capture_this: bool,
    ) -> Result<Value, JsError> {
        let p = super::to_js(obj)?;
        let v = hooks::with(|h| h.double_proxy(&p, roundtrip, capture_this));
        let word =
            bridge_core::boundary::TagWord(crate::scratch::f64(crate::scratch::RESULT_WORD) as u32);
        crate::convert::from_word(v, word, crate::scratch::RESULT).map_err(super::refused)
    }

    fn release(&self, obj: JsRef) {
        // A live handle names a live entry; a failure here is a bridge bug with
        // nothing left to undo.
        let _ = jstable::release(obj);
    }
}
