//! `==` and `hash` of a `JsProxy`: JS identity (`Object.is`).
//!
//! The JS side gives each object a stable id the first time it crosses (kept
//! in a WeakMap beside its flags), so two proxies of one object compare equal
//! without crossing, and `hash` is the id's. Values without an id (symbols)
//! ask JS.

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;

use super::JsProxy;

pub fn same(a: &JsProxy, b: &JsProxy) -> bool {
    let (x, y) = (a.obj.id, b.obj.id);
    if x != 0.0 && y != 0.0 {
        return x == y;
    }
    crate::host::same(a.obj.key(), b.obj.key())
}

pub fn richcmp(this: &JsProxy, other: &Bound<'_, PyAny>, op: CompareOp) -> Py<PyAny> {
    let py = other.py();
    let Ok(other) = other.cast::<JsProxy>() else {
        return py.NotImplemented();
    };
    let eq = same(this, other.get());
    match op {
        CompareOp::Eq => eq
            .into_pyobject(py)
            .map(|b| b.to_owned().into_any().unbind())
            .unwrap_or_else(|_| py.NotImplemented()),
        CompareOp::Ne => (!eq)
            .into_pyobject(py)
            .map(|b| b.to_owned().into_any().unbind())
            .unwrap_or_else(|_| py.NotImplemented()),
        _ => py.NotImplemented(),
    }
}

pub fn hash(this: &JsProxy) -> isize {
    let id = this.obj.id as u64;
    // Symbols (id 0) all hash alike; equality still tells them apart.
    let folded = (id ^ (id >> 32)) as u32 as i32 as isize;
    if folded == -1 {
        -2
    } else {
        folded
    }
}
