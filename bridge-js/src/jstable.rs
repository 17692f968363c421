//! The table of JS values held by Python (each `JsHandle` owns one reference).

use std::cell::RefCell;

use bridge_core::error::BridgeError;
use bridge_core::handle::{HandleTable, JsRef};
use wasm_bindgen::JsValue;

thread_local! {
    static TABLE: RefCell<HandleTable<JsRef, JsValue>> = RefCell::new(HandleTable::new());
}

/// A new entry with one reference (a side effect: the caller owns it).
pub fn insert(value: JsValue) -> Result<JsRef, BridgeError> {
    TABLE.with(|t| t.borrow_mut().insert(value))
}

/// The value behind `key` (a new JS reference; the entry keeps its own).
pub fn get(key: JsRef) -> Result<JsValue, BridgeError> {
    TABLE.with(|t| t.borrow().get(key).cloned())
}

/// The value behind `key`, consuming one reference to the entry.
pub fn take(key: JsRef) -> Result<JsValue, BridgeError> {
    let value = get(key)?;
    release(key)?;
    Ok(value)
}

pub fn incref(key: JsRef) -> Result<(), BridgeError> {
    TABLE.with(|t| t.borrow_mut().incref(key)).map(drop)
}

pub fn release(key: JsRef) -> Result<(), BridgeError> {
    let removed = TABLE.with(|t| t.borrow_mut().decref(key))?;
    drop(removed);
    Ok(())
}

pub fn live() -> usize {
    TABLE.with(|t| t.borrow().len())
}
