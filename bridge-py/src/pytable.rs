//! The table of Python objects held by JS (each `PyProxy` owns one reference
//! to an entry). Entries are removed outside the table borrow, because
//! dropping a Python object can run `__del__`, which may cross again.

use std::cell::RefCell;

use bridge_core::error::BridgeError;
use bridge_core::handle::{HandleTable, PyRef};
use pyo3::prelude::*;

use crate::crossing::PyObj;

thread_local! {
    static TABLE: RefCell<HandleTable<PyRef, Py<PyAny>>> = RefCell::new(HandleTable::new());
}

/// Put `obj` in the table with one reference, owned by the receiver (a `PyProxy`).
pub fn export(obj: &Bound<'_, PyAny>) -> Result<PyObj, BridgeError> {
    let callable = obj.is_callable();
    let key = TABLE.with(|t| t.borrow_mut().insert(obj.clone().unbind()))?;
    Ok(PyObj { key, callable })
}

/// The object behind `key`, as a new Python reference; the entry keeps its own.
pub fn get<'py>(py: Python<'py>, key: PyRef) -> Result<Bound<'py, PyAny>, BridgeError> {
    TABLE.with(|t| t.borrow().get(key).map(|o| o.bind(py).clone()))
}

/// Take another reference on an entry (a `PyProxy` crossing back to Python).
pub fn incref(key: PyRef) -> Result<(), BridgeError> {
    TABLE.with(|t| t.borrow_mut().incref(key)).map(drop)
}

/// The object behind `key`, consuming one reference to the entry.
pub fn take<'py>(py: Python<'py>, key: PyRef) -> Result<Bound<'py, PyAny>, BridgeError> {
    let obj = get(py, key)?;
    release(key)?;
    Ok(obj)
}

/// Drop one reference (a `PyProxy` was collected or released).
pub fn release(key: PyRef) -> Result<(), BridgeError> {
    let removed = TABLE.with(|t| t.borrow_mut().decref(key))?;
    drop(removed); // may run __del__: outside the borrow
    Ok(())
}

/// Live entries: for leak checks.
pub fn live() -> usize {
    TABLE.with(|t| t.borrow().len())
}
