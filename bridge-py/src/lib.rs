//! The Python side of the bridge, on pyo3.
//!
//! - [`module`]: the built-in `js` module; [`jsproxy`]: `JsProxy` and its
//!   typed subclasses;
//!   [`jsexception`]: `JsException`; [`jsnull`]: JS `null`.
//! - [`convert`]: Python objects ↔ boundary [`crossing::Value`]s.
//! - [`ops`]: what JS may ask of Python (behind `PyProxy`, `runPython`).
//! - [`depth`]: how deeply JS and Python calls nest, and the limit.
//! - [`host`]: what Python may ask of JS, as a trait the embedder implements;
//!   this crate does not link wasm-bindgen.

pub mod convert;
pub mod crossing;
pub mod depth;
pub mod error;
mod ffi;
pub mod host;
pub mod jsexception;
pub mod jsnull;
pub mod jsproxy;
pub mod module;
mod names;
pub mod ops;
mod pytable;
pub(crate) mod runner;

use pyo3::prelude::*;

/// Start the interpreter with the `js` module built in, after the embedder has
/// installed its [`host::JsHost`]. Call once.
pub fn initialize() -> Result<(), error::PyErrInfo> {
    pyo3::append_to_inittab!(js);
    Python::initialize();
    Python::attach(|py| {
        runner::install(py).map_err(|e| error::describe(py, e))?;
        install_sigint_handler(py).map_err(|e| error::describe(py, e))
    })
}

/// SIGINT raises `KeyboardInterrupt`, as in a normal `python` (pyo3 starts
/// the interpreter without signal handlers): the interrupt buffer
/// (`setInterruptBuffer`) delivers SIGINT through this handler.
fn install_sigint_handler(py: Python<'_>) -> PyResult<()> {
    let signal = py.import("signal")?;
    let handler = signal.getattr("default_int_handler")?;
    match signal.call_method1("signal", (signal.getattr("SIGINT")?, handler)) {
        // Only the main thread may set handlers: a native embedder starting
        // Python on another thread (the mock-host tests) keeps the default.
        // A wasm module has one thread, which is the main one.
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyValueError>(py) => Ok(()),
        other => other.map(|_| ()),
    }
}

use module::js;

/// For single-threaded embedders (a wasm module): keep the GIL on this thread
/// for good, so each later operation attaches cheaply. Another thread that
/// tried to run Python afterwards would wait forever, so multi-threaded hosts
/// (the native tests) must not call this.
pub fn keep_gil_on_this_thread() {
    ffi::hold_gil_forever();
}
