//! `JsAttrs`: property access and globals. A get or a set is one call to JS:
//! the value travels through the scratch area (see `convert::write_value`),
//! and a get's result comes back already classified.

use bridge_core::boundary::Tag;
use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{JsAttrs, JsError};

use super::{lookup, refused, result_word, thrown, to_python, JsRuntime};
use crate::convert::{from_word, write_value};
use crate::{hooks, names, scratch};

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
        let v = hooks::with(|h| h.get_attr(&target, &key));
        let word = result_word()?;
        if word.tag() == Some(Tag::Absent) {
            return Ok(None);
        }
        from_word(v, word, scratch::RESULT)
            .map(Some)
            .map_err(refused)
    }

    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let key = names::js_name(name);
        let mut hold = None;
        let o0 = write_value(
            value,
            scratch::arg_word(0),
            scratch::arg_value(0),
            &mut hold,
        )
        .map_err(refused)?;
        hooks::with(|h| h.set_attr(&target, &key, &o0));
        drop(hold); // JS has read the string by now
        result_word().map(drop)
    }

    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.delete_prop(&target, &names::js_name(name))).map_err(thrown)
    }
}
