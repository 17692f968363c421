//! What crosses the boundary in one step: a [`Value`] (bridge-core's value
//! model), with the objects that do not cross by value carried as a [`Ref`] to
//! a handle-table entry.
//!
//! Primitives (the rows of `docs/conversions.md`) are copied; every other object
//! crosses by reference. A `Ref` names the table that owns the object, so an
//! object that goes back to the side it came from is unwrapped, not re-wrapped.

use bridge_core::handle::{JsRef, PyRef};

/// A value on its way across, in either direction: bridge-core's value model
/// with [`Ref`] as its handle.
pub type Value = bridge_core::value::Value<Ref>;

/// An object crossing by reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    /// A JS object held in the JS-object table (Python holds it as a `JsProxy`).
    Js(JsObj),
    /// A Python object held in the Python-object table (JS holds it as a `PyProxy`).
    Py(PyObj),
}

/// A JS object held for Python, with what Python needs to know to wrap it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsObj {
    pub key: JsRef,
    pub kind: JsKind,
}

/// The shape of a JS object, decided once when it crosses; it picks the
/// `JsProxy` behaviour (and, later, its typed subclass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsKind {
    Object,
    Function,
}

/// A Python object held for JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyObj {
    pub key: PyRef,
    /// `callable(obj)`: the JS side makes a callable `PyProxy` for it.
    pub callable: bool,
}
