//! The JS host as Python sees it.
//!
//! bridge-py does not link wasm-bindgen: everything it asks of JavaScript goes
//! through [`JsHost`], which bridge-js implements with js-sys (and a test can
//! implement natively). Each method is one crossing; a thrown JS value comes
//! back as a [`JsError`].

use std::cell::RefCell;

use bridge_core::handle::JsRef;

use crate::crossing::Value;

/// A JS exception, captured on the JS side.
#[derive(Debug, Clone)]
pub struct JsError {
    /// `error.name` (`"TypeError"`), or `"Error"` when a non-Error was thrown.
    pub name: String,
    /// `error.message`, or `String(thrown)` when a non-Error was thrown.
    pub message: String,
    /// The thrown value itself, held in the JS table, when it is an object.
    pub value: Option<Value>,
}

/// Positional arguments and Pyodide-style keyword arguments (sent as one
/// trailing plain object).
pub struct CallArgs {
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
}

pub trait JsHost {
    /// `globalThis[name]`, or `None` when `name in globalThis` is false.
    fn global(&self, name: &str) -> Result<Option<Value>, JsError>;
    /// `obj[name]`, or `None` when the property is `undefined` and `name in obj` is false.
    fn get(&self, obj: JsRef, name: &str) -> Result<Option<Value>, JsError>;
    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError>;
    /// `delete obj[name]`; `false` when the property did not exist.
    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError>;
    /// `func.apply(this, args)`.
    fn call(&self, func: JsRef, this: Option<JsRef>, args: CallArgs) -> Result<Value, JsError>;
    /// `new ctor(...args)`.
    fn construct(&self, ctor: JsRef, args: CallArgs) -> Result<Value, JsError>;
    /// `String(obj)`.
    fn to_string(&self, obj: JsRef) -> Result<String, JsError>;
    /// Python truthiness of a JS object: falsy values, empty arrays and typed
    /// arrays, and empty Maps and Sets are false.
    fn truthy(&self, obj: JsRef) -> Result<bool, JsError>;
    /// `Object.is(a, b)`.
    fn same(&self, a: JsRef, b: JsRef) -> bool;
    /// Take another reference on a table entry (a second proxy for one object).
    fn incref(&self, obj: JsRef);
    /// Drop one reference: called when a `JsProxy` is deallocated.
    fn release(&self, obj: JsRef);
}

thread_local! {
    static HOST: RefCell<Option<&'static dyn JsHost>> = const { RefCell::new(None) };
}

/// Install the host. Called once by the embedding side before Python runs.
pub fn install(host: &'static dyn JsHost) {
    HOST.with(|h| *h.borrow_mut() = Some(host));
}

/// The installed host. Panics only if the embedder forgot [`install`]: that is a
/// bug in the embedding, not something user code can cause.
pub fn host() -> &'static dyn JsHost {
    HOST.with(|h| h.borrow().expect("bridge-py: no JS host installed (call bridge_py::host::install first)"))
}
