//! `JsAsyncIterable`, `JsAsyncIterator`, `JsAsyncGenerator`: `async for`
//! over anything with `Symbol.asyncIterator`, and `asend`/`athrow`/`aclose`
//! on JS async generators.
//!
//! Each step is a coroutine (`_bridge.py`) awaiting the promise the JS
//! method returns, so it runs wherever a JS promise can be awaited: inside
//! `runPythonAsync` today, and on the asyncio loop once there is one.

use pyo3::prelude::*;

use super::JsProxy;

/// A JS object with `Symbol.asyncIterator`.
#[pyclass(module = "pyodide.ffi", name = "JsAsyncIterable", extends = JsProxy, subclass, frozen)]
pub struct JsAsyncIterable;

/// A JS async iterator (`next()` returns a promise of `{done, value}`).
#[pyclass(module = "pyodide.ffi", name = "JsAsyncIterator", extends = JsAsyncIterable, subclass, frozen)]
pub struct JsAsyncIterator;

/// A JS async generator object.
#[pyclass(module = "pyodide.ffi", name = "JsAsyncGenerator", extends = JsAsyncIterator, subclass, frozen)]
pub struct JsAsyncGenerator;

fn bridge_fn<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import(crate::runner::MODULE_NAME)?.getattr(name)
}

#[pymethods]
impl JsAsyncIterable {
    /// `obj[Symbol.asyncIterator]()`.
    fn __aiter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        bridge_fn(slf.py(), "js_aiter")?.call1((slf,))
    }
}

#[pymethods]
impl JsAsyncIterator {
    /// A JsAsyncIterator of the object `plain` is a proxy of (for
    /// `__aiter__` results whose own flags do not say so).
    #[new]
    fn new(plain: &Bound<'_, JsProxy>) -> PyResult<PyClassInitializer<Self>> {
        Ok(JsProxy::init_sharing(plain.get())?
            .add_subclass(JsAsyncIterable)
            .add_subclass(JsAsyncIterator))
    }

    fn __aiter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// A coroutine: `await it.next()`, its value, or `StopAsyncIteration`.
    fn __anext__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        bridge_fn(slf.py(), "js_astep")?.call1((slf, "next"))
    }
}

#[pymethods]
impl JsAsyncGenerator {
    /// `await gen.next(value)` (Python's `agen.asend`).
    fn asend<'py>(
        slf: &Bound<'py, Self>,
        value: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        bridge_fn(slf.py(), "js_astep")?.call1((slf, "next", value))
    }

    /// `await gen.throw(error)` (a `JsException` as its JS error).
    fn athrow<'py>(
        slf: &Bound<'py, Self>,
        error: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        bridge_fn(slf.py(), "js_athrow")?.call1((slf, error))
    }

    /// `await gen.return()`.
    fn aclose<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        bridge_fn(slf.py(), "js_aclose")?.call1((slf,))
    }
}
