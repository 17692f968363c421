//! `JsItems`: `len`, items, membership and iteration (`package/items.js`).

use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{ItemKind, IterStep, JsError, JsItems};

use bridge_core::boundary::Tag;

use super::{lookup, refused, result_word, thrown, to_js, to_python, JsRuntime};
use crate::convert::from_word;
use crate::{hooks, scratch};

fn map_kind(kind: ItemKind) -> bool {
    kind == ItemKind::MapKey
}

impl JsItems for JsRuntime {
    fn len(&self, obj: JsRef) -> Result<usize, JsError> {
        let target = lookup(obj)?;
        let n = hooks::with(|h| h.items_len(&target)).map_err(thrown)?;
        Ok(if n.is_finite() && n > 0.0 {
            n as usize
        } else {
            0
        })
    }

    fn get_item(&self, obj: JsRef, kind: ItemKind, key: Value) -> Result<Option<Value>, JsError> {
        let target = lookup(obj)?;
        if let (ItemKind::Index, Value::Int(i)) = (kind, &key) {
            // The hot case, one transition: `arr[i]` classified in the same call.
            let v = hooks::with(|h| h.get_index_fast(&target, *i as f64));
            let word = result_word()?;
            if word.tag() == Some(Tag::Absent) {
                return Ok(None);
            }
            return from_word(v, word, scratch::RESULT)
                .map(Some)
                .map_err(refused);
        }
        let key = to_js(key)?;
        let r = hooks::with(|h| h.get_item(&target, map_kind(kind), &key)).map_err(thrown)?;
        // [found, value]
        if !r.get(0).is_truthy() {
            return Ok(None);
        }
        to_python(r.get(1)).map(Some)
    }

    fn set_item(
        &self,
        obj: JsRef,
        kind: ItemKind,
        key: Value,
        value: Value,
    ) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        let key = to_js(key)?;
        let value = to_js(value)?;
        hooks::with(|h| h.set_item(&target, map_kind(kind), &key, &value)).map_err(thrown)
    }

    fn del_item(&self, obj: JsRef, kind: ItemKind, key: Value) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        let key = to_js(key)?;
        hooks::with(|h| h.del_item(&target, map_kind(kind), &key)).map_err(thrown)
    }

    fn contains(&self, obj: JsRef, value: Value) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        let value = to_js(value)?;
        hooks::with(|h| h.contains(&target, &value)).map_err(thrown)
    }

    fn iter(&self, obj: JsRef) -> Result<Value, JsError> {
        let target = lookup(obj)?;
        to_python(hooks::with(|h| h.get_iter(&target)).map_err(thrown)?)
    }

    fn next(&self, it: JsRef) -> Result<IterStep, JsError> {
        let target = lookup(it)?;
        let v = hooks::with(|h| h.iter_next_fast(&target));
        let word = result_word()?;
        let done = scratch::f64(scratch::DONE) != 0.0;
        let value = from_word(v, word, scratch::RESULT).map_err(refused)?;
        Ok(if done {
            IterStep::Done(value)
        } else {
            IterStep::Yielded(value)
        })
    }
}
