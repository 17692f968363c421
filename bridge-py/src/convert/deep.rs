//! `to_py()`: a JS object graph, planned by the JS side in one walk, built
//! into Python objects with bridge-core's `Plan::build` (containers first,
//! then filled, so cycles and shared children survive). Typed arrays,
//! `ArrayBuffer`s and `DataView`s become memoryviews of a copy.

use bridge_core::convert::{Build, Plan};
use bridge_core::error::BridgeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySet};

use crate::convert::to_py::value_to_py;
use crate::crossing::{Ref, Value};

/// Builds Python objects; a Python error is kept here (the plan builder
/// speaks `BridgeError`) and raised by [`build`].
struct PyBuild<'py, 'c> {
    py: Python<'py>,
    /// Pyodide's `default_converter(value, convert, cache)` for objects left as JsProxy.
    converter: Option<&'c Bound<'py, PyAny>>,
    convert: Option<Bound<'py, PyAny>>,
    error: Option<PyErr>,
}

impl PyBuild<'_, '_> {
    fn keep<T>(&mut self, r: PyResult<T>) -> Result<T, BridgeError> {
        r.map_err(|e| {
            self.error = Some(e);
            BridgeError::conversion("JS value", "a Python error occurred while building")
        })
    }
}

impl<'py> Build for PyBuild<'py, '_> {
    type Out = Bound<'py, PyAny>;
    type Handle = Ref;

    fn leaf(&mut self, v: Value) -> Result<Self::Out, BridgeError> {
        let is_js = matches!(v, Value::Handle(Ref::Js(_)));
        let out = value_to_py(self.py, v, None);
        let out = self.keep(out)?;
        if is_js && is_buffer(&out) {
            // Typed arrays, ArrayBuffer and DataView become a memoryview of a copy.
            let r = crate::jsproxy::buffer::to_memoryview(&out);
            return self.keep(r);
        }
        match (is_js, self.converter, &self.convert) {
            (true, Some(conv), Some(convert)) => {
                // `cacheConversion`: accepted (shared children and cycles are
                // built once anyway).
                let r = self
                    .py
                    .import(crate::runner::MODULE_NAME)
                    .and_then(|m| m.getattr("_no_cache"))
                    .and_then(|cache| conv.call1((&out, convert, cache)));
                self.keep(r)
            }
            _ => Ok(out),
        }
    }

    fn new_list(&mut self, _len: usize) -> Result<Self::Out, BridgeError> {
        Ok(PyList::empty(self.py).into_any())
    }

    fn new_map(&mut self, _len: usize) -> Result<Self::Out, BridgeError> {
        Ok(PyDict::new(self.py).into_any())
    }

    fn new_set(&mut self, _len: usize) -> Result<Self::Out, BridgeError> {
        let r = PySet::empty(self.py).map(Bound::into_any);
        self.keep(r)
    }

    fn push(&mut self, list: &Self::Out, item: &Self::Out) -> Result<(), BridgeError> {
        let r = list
            .cast::<PyList>()
            .map_err(PyErr::from)
            .and_then(|l| l.append(item));
        self.keep(r)
    }

    fn insert(
        &mut self,
        map: &Self::Out,
        key: &Self::Out,
        value: &Self::Out,
    ) -> Result<(), BridgeError> {
        let r = map
            .cast::<PyDict>()
            .map_err(PyErr::from)
            .and_then(|d| d.set_item(key, value));
        self.keep(r)
    }

    fn add(&mut self, set: &Self::Out, item: &Self::Out) -> Result<(), BridgeError> {
        let r = set
            .cast::<PySet>()
            .map_err(PyErr::from)
            .and_then(|s| s.add(item));
        self.keep(r)
    }
}

fn is_buffer(obj: &Bound<'_, PyAny>) -> bool {
    crate::jsproxy::proxy_of(obj)
        .is_ok_and(|p| p.flags().contains(bridge_core::boundary::JsFlags::BUFFER))
}

/// Build `plan`; `convert` is what `default_converter` gets to convert a
/// nested value with the same options.
pub fn build<'py>(
    py: Python<'py>,
    plan: Plan<Ref>,
    converter: Option<&Bound<'py, PyAny>>,
    convert: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut b = PyBuild {
        py,
        converter,
        convert,
        error: None,
    };
    match plan.build(&mut b) {
        Ok(out) => Ok(out),
        Err(e) => Err(b
            .error
            .take()
            .unwrap_or_else(|| crate::error::bridge_to_pyerr(e))),
    }
}
