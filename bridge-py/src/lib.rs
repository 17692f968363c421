//! The Python side of the bridge, on pyo3.
//!
//! - [`module`]: the built-in `js` module; [`jsproxy`]: `JsProxy`;
//!   [`jsexception`]: `JsException`.
//! - [`convert`]: Python objects ↔ boundary [`crossing::Value`]s.
//! - [`ops`]: what JS may ask of Python (behind `PyProxy`, `runPython`).
//! - [`host`]: what Python may ask of JS, as a trait the embedder implements;
//!   this crate does not link wasm-bindgen.

pub mod convert;
pub mod crossing;
pub mod error;
pub mod host;
pub mod jsexception;
pub mod jsproxy;
pub mod module;
pub mod ops;
mod pytable;
pub(crate) mod runner;

use pyo3::prelude::*;

/// Start the interpreter with the `js` module built in, after the embedder has
/// installed its [`host::JsHost`]. Call once.
pub fn initialize() -> Result<(), error::PyErrInfo> {
    pyo3::append_to_inittab!(js);
    Python::initialize();
    Python::attach(|py| runner::install(py).map_err(|e| error::describe(py, e)))
}

use module::js;
