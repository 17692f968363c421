//! The table of Python objects held by JS (each `PyProxy` owns one reference
//! to an entry). Entries are removed outside the table borrow, because
//! dropping a Python object can run `__del__`, which may cross again.

use std::cell::RefCell;
use std::collections::HashMap;

use bridge_core::error::BridgeError;
use bridge_core::handle::{HandleTable, PyRef};
use pyo3::prelude::*;

use crate::crossing::PyHandle;

thread_local! {
    static TABLE: RefCell<HandleTable<PyRef, Py<PyAny>>> = RefCell::new(HandleTable::new());
    /// The entry of each object in the table (by address: the table holds a
    /// reference, so the address is the object's while it is there). An
    /// object sent to JS again, e.g. read twice as an attribute, takes another
    /// reference on its entry instead of a new entry.
    static INDEX: RefCell<HashMap<usize, PyRef>> = RefCell::new(HashMap::new());
}

/// Put `obj` in the table (or take another reference on its entry), one
/// reference owned by the returned handle.
pub fn export(obj: &Bound<'_, PyAny>) -> Result<PyHandle, BridgeError> {
    let flags = crate::ffi::py_flags(obj);
    let addr = obj.as_ptr() as usize;
    let key = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(key) = INDEX.with(|i| i.borrow().get(&addr).copied()) {
            t.incref(key)?;
            return Ok(key);
        }
        let key = t.insert(obj.clone().unbind())?;
        INDEX.with(|i| i.borrow_mut().insert(addr, key));
        Ok::<_, BridgeError>(key)
    })?;
    Ok(PyHandle::assume_owned(key, flags))
}

/// The object behind `key`, as a new Python reference; the entry keeps its own.
pub fn get<'py>(py: Python<'py>, key: PyRef) -> Result<Bound<'py, PyAny>, BridgeError> {
    TABLE.with(|t| t.borrow().get(key).map(|o| o.bind(py).clone()))
}

/// Take another reference on an entry (a `PyProxy` crossing back to Python),
/// owned by the returned handle.
pub fn share(key: PyRef) -> Result<PyHandle, BridgeError> {
    let flags = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        t.incref(key)?;
        Ok::<_, BridgeError>(())
    });
    flags?;
    Python::attach(|py| {
        let obj = get(py, key)?;
        Ok(PyHandle::assume_owned(key, crate::ffi::py_flags(&obj)))
    })
}

/// The object behind a handle, consuming the handle's reference.
pub fn take<'py>(py: Python<'py>, handle: PyHandle) -> Result<Bound<'py, PyAny>, BridgeError> {
    get(py, handle.key())
    // `handle` drops here and releases its reference; the object lives on in
    // the returned `Bound`.
}

/// Drop one reference (a `PyProxy` was collected or released).
pub fn release(key: PyRef) -> Result<(), BridgeError> {
    let removed = TABLE.with(|t| t.borrow_mut().decref(key))?;
    if let Some(obj) = &removed {
        let addr = obj.as_ptr() as usize;
        INDEX.with(|i| i.borrow_mut().remove(&addr));
    }
    drop(removed); // may run __del__: outside the borrow
    Ok(())
}

/// Live entries: for leak checks.
pub fn live() -> usize {
    TABLE.with(|t| t.borrow().len())
}
