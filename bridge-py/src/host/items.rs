//! Items and iteration of JS objects: `len`, `obj[i]` / `map.get(k)`,
//! membership, and the JS iterator protocol (`[Symbol.iterator]()`, `next()`).

use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Value;

/// How an item key is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `obj[i]`, an array index; negative counts from the end, and an index
    /// out of range is "not found" (`None` / `false`), checked on the JS side
    /// in the same call.
    Index,
    /// `map.get(k)` / `map.has(k)` / `map.set(k, v)` / `map.delete(k)`.
    MapKey,
}

/// One step of a JS iterator.
#[derive(Debug)]
pub enum IterStep {
    /// `{done: false, value}`.
    Yielded(Value),
    /// `{done: true, value}`: a generator's return value (else `undefined`).
    Done(Value),
}

pub trait JsItems {
    /// `obj.length`, or `obj.size` for Maps and Sets.
    fn len(&self, obj: JsRef) -> Result<usize, JsError>;
    /// The item, or `None` when a map has no such key.
    fn get_item(&self, obj: JsRef, kind: ItemKind, key: Value) -> Result<Option<Value>, JsError>;
    /// `false` when an index is out of range.
    fn set_item(
        &self,
        obj: JsRef,
        kind: ItemKind,
        key: Value,
        value: Value,
    ) -> Result<bool, JsError>;
    /// Remove the item (an array index is spliced out); `false` when there was none.
    fn del_item(&self, obj: JsRef, kind: ItemKind, key: Value) -> Result<bool, JsError>;
    /// `arr.includes(v)` for arrays and array-likes, `obj.has(v)` for Maps and Sets.
    fn contains(&self, obj: JsRef, value: Value) -> Result<bool, JsError>;
    /// `obj[Symbol.iterator]()`.
    fn iter(&self, obj: JsRef) -> Result<Value, JsError>;
    /// `it.next()`.
    fn next(&self, it: JsRef) -> Result<IterStep, JsError>;
}

pub(crate) fn len(py: Python<'_>, obj: JsRef) -> PyResult<usize> {
    crossing(py, |h| h.len(obj))
}

pub(crate) fn get_item(
    py: Python<'_>,
    obj: JsRef,
    kind: ItemKind,
    key: Value,
) -> PyResult<Option<Value>> {
    crossing(py, |h| h.get_item(obj, kind, key))
}

pub(crate) fn set_item(
    py: Python<'_>,
    obj: JsRef,
    kind: ItemKind,
    key: Value,
    value: Value,
) -> PyResult<bool> {
    crossing(py, |h| h.set_item(obj, kind, key, value))
}

pub(crate) fn del_item(py: Python<'_>, obj: JsRef, kind: ItemKind, key: Value) -> PyResult<bool> {
    crossing(py, |h| h.del_item(obj, kind, key))
}

pub(crate) fn contains(py: Python<'_>, obj: JsRef, value: Value) -> PyResult<bool> {
    crossing(py, |h| h.contains(obj, value))
}

pub(crate) fn iter(py: Python<'_>, obj: JsRef) -> PyResult<Value> {
    crossing(py, |h| h.iter(obj))
}

pub(crate) fn next(py: Python<'_>, it: JsRef) -> PyResult<IterStep> {
    crossing(py, |h| h.next(it))
}
