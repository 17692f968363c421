//! The JS host as Python sees it.
//!
//! bridge-py does not link wasm-bindgen: everything it asks of JavaScript goes
//! through [`JsHost`], which bridge-js implements with js-sys (and a test can
//! implement natively). The seam is split by capability, one trait per file
//! ([`JsAttrs`], [`JsBuffers`], [`JsCalls`], [`JsItems`], [`JsObjects`]); a new capability is a new trait
//! here and a new file on each side, not an edit to one ever-growing trait.
//!
//! The functions in this module are how the rest of bridge-py crosses: each
//! enters the crossing depth ([`crate::depth`]) and turns a thrown JS value
//! into the Python exception it becomes ([`crate::jsexception`]).

mod attr;
pub(crate) mod buffer;
mod call;
mod deep;
mod items;
mod object;

pub use attr::JsAttrs;
pub use buffer::{BufferInfo, JsBuffers};
pub use call::{Args, CallArgs, JsCalls, INLINE_ARGS};
pub use deep::{JsDeep, ToJsOptions};
pub use items::{ItemKind, IterStep, JsItems};
pub use object::JsObjects;

pub(crate) use attr::{delete, get, global, set};
pub(crate) use buffer as buffers;
pub(crate) use call::{call, construct};
pub(crate) use deep::{to_js_build, to_py_plan};
pub(crate) use items::{contains, del_item, get_item, iter, len, next, set_item};
pub(crate) use object::{double_proxy, helper, same, to_string, truthy};

use std::cell::Cell;

use bridge_core::boundary::Direction;
use pyo3::prelude::*;

use crate::crossing::Value;

/// A JS exception, captured on the JS side.
#[derive(Debug)]
pub struct JsError {
    /// `error.name` (`"TypeError"`), or `"Error"` when a non-Error was thrown
    /// or reading the name threw.
    pub name: String,
    /// `error.message`, or `String(thrown)` when a non-Error was thrown.
    pub message: String,
    /// The thrown value itself, held in the JS table, when it is an object;
    /// dropping the error releases it.
    pub value: Option<Value>,
    /// Set when the bridge itself refused rather than JS throwing, for the
    /// refusals Python should see as their own class (out of memory is a
    /// `MemoryError`, as any failed Python allocation), not as a JsException.
    pub refusal: Option<Box<bridge_core::error::BridgeError>>,
}

/// Everything bridge-py asks of JavaScript.
pub trait JsHost: JsAttrs + JsBuffers + JsCalls + JsDeep + JsItems + JsObjects {}

impl<T: JsAttrs + JsBuffers + JsCalls + JsDeep + JsItems + JsObjects> JsHost for T {}

thread_local! {
    static HOST: Cell<Option<&'static dyn JsHost>> = const { Cell::new(None) };
}

/// Install the host. Called once by the embedding side before Python runs.
pub fn install(host: &'static dyn JsHost) {
    HOST.with(|h| h.set(Some(host)));
}

/// The installed host. Panics only if the embedder forgot [`install`]: that is a
/// bug in the embedding, not something user code can cause.
pub fn host() -> &'static dyn JsHost {
    HOST.with(|h| {
        h.get()
            .expect("bridge-py: no JS host installed (call bridge_py::host::install first)")
    })
}

/// Run one Python→JS crossing inside the depth limit; a JS throw becomes the
/// Python exception it stands for.
fn crossing<T>(
    py: Python<'_>,
    f: impl FnOnce(&'static dyn JsHost) -> Result<T, JsError>,
) -> PyResult<T> {
    let _guard = crate::depth::enter(Direction::PyToJs).map_err(crate::error::bridge_to_pyerr)?;
    f(host()).map_err(|e| crate::jsexception::js_error_to_pyerr(py, e))
}
