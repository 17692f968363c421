//! `JsIterable`, `JsIterator`, `JsGenerator`: `for x in obj` over anything with
//! `Symbol.iterator`, and `next()` over JS iterators.

use pyo3::exceptions::PyStopIteration;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::{proxy_of, JsProxy};
use crate::convert::to_py::value_to_py;
use crate::host::{self, IterStep};

/// A JS object with `Symbol.iterator`.
#[pyclass(module = "pyodide.ffi", name = "JsIterable", extends = JsProxy, subclass, frozen)]
pub struct JsIterable;

/// A JS iterator (has `next()`); also iterable, returning itself.
#[pyclass(module = "pyodide.ffi", name = "JsIterator", extends = JsIterable, subclass, frozen)]
pub struct JsIterator;

/// A JS generator object.
#[pyclass(module = "pyodide.ffi", name = "JsGenerator", extends = JsIterator, subclass, frozen)]
pub struct JsGenerator;

/// `iter(obj)`: a `JsIterator` over `obj[Symbol.iterator]()`.
pub fn js_iter<'py>(slf: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let it = host::iter(py, proxy_of(slf)?.handle().key())?;
    value_to_py(py, it, None)
}

#[pymethods]
impl JsIterable {
    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        js_iter(slf.as_any())
    }
}

/// A JS iterator result `{done, value}` as Python's generator protocol has
/// it: the value, or `StopIteration` carrying the return value.
fn step_result<'py>(step: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = step.py();
    let v = step.getattr("value")?;
    if step.getattr("done")?.is_truthy()? {
        let arg = if v.is_none() {
            ().into_pyobject(py)?.into_any()
        } else {
            PyTuple::new(py, [v])?.into_any()
        };
        return Err(PyStopIteration::new_err(arg.unbind()));
    }
    Ok(v)
}

fn gen_method<'py>(slf: &Bound<'py, JsGenerator>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    super::attr::get(slf.py(), proxy_of(slf.as_any())?, name)
}

#[pymethods]
impl JsGenerator {
    /// `gen.next(value)`: the next value, or `StopIteration` carrying the
    /// generator's return value (Python's `generator.send`).
    fn send<'py>(slf: &Bound<'py, Self>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        step_result(gen_method(slf, "next")?.call1((value,))?)
    }

    /// `gen.throw(error)`: the exception is thrown into the JS generator at
    /// its `yield` (a `JsException` as its JS error, any other exception as
    /// a `PythonError`, as in Pyodide); what it yields next is returned,
    /// and if it does not catch the error, the error comes back out here.
    /// An exception class is instantiated first, as `generator.throw` does.
    fn throw<'py>(
        slf: &Bound<'py, Self>,
        error: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let step = slf
            .py()
            .import(crate::runner::MODULE_NAME)?
            .getattr("js_throw_step")?
            .call1((slf, "throw", error))?;
        step_result(step)
    }

    /// `gen.return()`: finish the generator (its `finally` blocks run). A
    /// generator that yields again instead is a `RuntimeError`, as for a
    /// Python generator that ignores `GeneratorExit`.
    fn close(slf: &Bound<'_, Self>) -> PyResult<()> {
        let step = gen_method(slf, "return")?.call0()?;
        if step.getattr("done")?.is_truthy()? {
            Ok(())
        } else {
            Err(pyo3::exceptions::PyRuntimeError::new_err(
                "JavaScript generator ignored return",
            ))
        }
    }
}

#[pymethods]
impl JsIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        match host::next(py, proxy_of(slf.as_any())?.handle().key())? {
            IterStep::Yielded(v) => value_to_py(py, v, None),
            // A generator's return value is `StopIteration.value`, as in Pyodide.
            IterStep::Done(crate::crossing::Value::Undefined) => Err(PyStopIteration::new_err(())),
            IterStep::Done(v) => Err(PyStopIteration::new_err((
                value_to_py(py, v, None)?.unbind(),
            ))),
        }
    }
}
