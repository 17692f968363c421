//! Attribute names JS reads often, interned once: the JS side asks for an id
//! per name the first time and passes the id afterwards, so a read carries no
//! string, and CPython gets an interned `str` (its attribute cache hits).
//!
//! Bounded: past [`CAPACITY`] names the JS side stops interning and passes
//! the name as a string (`ops::getattr`), so programs that make names up keep
//! memory flat.

use std::cell::RefCell;

use bridge_core::error::BridgeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

pub const CAPACITY: usize = 4096;

thread_local! {
    static NAMES: RefCell<Vec<Py<PyString>>> = const { RefCell::new(Vec::new()) };
}

/// The id of `name` (a new one each call: the JS side keeps the map).
pub fn intern(py: Python<'_>, name: &str) -> Result<u32, BridgeError> {
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if n.len() >= CAPACITY {
            return Err(BridgeError::CapacityExhausted {
                kind: "attribute name",
                limit: CAPACITY,
            });
        }
        n.push(PyString::intern(py, name).unbind());
        Ok((n.len() - 1) as u32)
    })
}

/// The interned name behind `id`.
pub fn get<'py>(py: Python<'py>, id: u32) -> Result<Bound<'py, PyString>, BridgeError> {
    NAMES.with(|n| {
        n.borrow()
            .get(id as usize)
            .map(|s| s.bind(py).clone())
            .ok_or_else(|| BridgeError::ForgedKey {
                kind: "attribute name",
                wire: u64::from(id),
                reason: "no name was interned with this id",
            })
    })
}
