//! `JsAttrs`: property access and globals.

use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{JsAttrs, JsError};

use super::{lookup, thrown, to_js, to_python, JsRuntime};
use crate::{hooks, names};

impl JsAttrs for JsRuntime {
    fn global(&self, name: &str) -> Result<Option<Value>, JsError> {
        let v = hooks::with(|h| h.get_global(name)).map_err(thrown)?;
        if v.is_undefined() && !hooks::with(|h| h.has_global(name)).map_err(thrown)? {
            return Ok(None);
        }
        to_python(v).map(Some)
    }

    fn get(&self, obj: JsRef, name: &str) -> Result<Option<Value>, JsError> {
        let target = lookup(obj)?;
        let key = names::js_name(name);
        let v = to_python(hooks::with(|h| h.get_prop(&target, &key)).map_err(thrown)?)?;
        if matches!(v, Value::Undefined) && !hooks::with(|h| h.has_prop(&target, &key)).map_err(thrown)? {
            return Ok(None);
        }
        Ok(Some(v))
    }

    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let value = to_js(value)?;
        hooks::with(|h| h.set_prop(&target, &names::js_name(name), &value)).map_err(thrown)
    }

    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.delete_prop(&target, &names::js_name(name))).map_err(thrown)
    }
}
