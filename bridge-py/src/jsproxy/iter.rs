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

#[pymethods]
impl JsGenerator {
    /// `gen.next(value)`: the next value, or `StopIteration` carrying the
    /// generator's return value (Python's `generator.send`).
    fn send<'py>(slf: &Bound<'py, Self>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let step = super::attr::get(py, proxy_of(slf.as_any())?, "next")?.call1((value,))?;
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
