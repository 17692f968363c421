//! `js.JsProxy`: a JS object seen from Python.
//!
//! The class owns one reference to its JS-table entry (and one to `this` for a
//! method fetched from an object) and releases them when Python frees it. Each
//! capability lives in its own file; this one only declares the class and
//! forwards the Python protocol methods to them.

mod attr;
mod call;
mod repr;

use bridge_core::handle::JsRef;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::crossing::{JsKind, JsObj};
use crate::host::host;

#[pyclass(module = "js", name = "JsProxy", frozen, weakref)]
pub struct JsProxy {
    obj: JsObj,
    /// The object this function was read from, for `this` binding.
    this: Option<JsRef>,
}

impl JsProxy {
    /// Wrap a JS-table entry, taking over the reference that came with it. A
    /// `this` is borrowed from its own proxy, so a reference is taken here.
    pub fn wrap(py: Python<'_>, obj: JsObj, this: Option<JsRef>) -> PyResult<Bound<'_, JsProxy>> {
        let this = match (obj.kind, this) {
            (JsKind::Function, Some(t)) => {
                host().incref(t);
                Some(t)
            }
            _ => None,
        };
        Bound::new(py, JsProxy { obj, this })
    }

    pub fn obj(&self) -> JsObj {
        self.obj
    }
}

impl Drop for JsProxy {
    fn drop(&mut self) {
        let host = host();
        host.release(self.obj.key);
        if let Some(t) = self.this {
            host.release(t);
        }
    }
}

#[pymethods]
impl JsProxy {
    /// Attribute reads go to JS first, except the proxy's own names (dunders,
    /// `new`, `js_type`), which the generic lookup serves. Using
    /// `__getattribute__` rather than `__getattr__` avoids the AttributeError
    /// the generic lookup would raise (and we would catch) on every JS read.
    fn __getattribute__<'py>(slf: &Bound<'py, Self>, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let text = name.to_str()?;
        if attr::is_own_name(text) {
            return attr::generic_get(slf.as_any(), name);
        }
        attr::get(py, slf.get().obj.key, text)
    }

    fn __setattr__(&self, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        attr::set(value.py(), self.obj.key, name, value)
    }

    fn __delattr__(&self, py: Python<'_>, name: &str) -> PyResult<()> {
        attr::delete(py, self.obj.key, name)
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __call__<'py>(
        &self,
        py: Python<'py>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call::call(py, self.obj, self.this, args, kwargs)
    }

    /// `Foo.new(...)`: JS `new Foo(...)` (the Pyodide name).
    #[pyo3(name = "new", signature = (*args, **kwargs))]
    fn construct<'py>(
        &self,
        py: Python<'py>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call::construct(py, self.obj.key, args, kwargs)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr::repr(py, self.obj.key)
    }

    fn __bool__(&self, py: Python<'_>) -> PyResult<bool> {
        repr::truthy(py, self.obj.key)
    }

    /// `await proxy` inside `runPythonAsync`: the driver awaits the JS thenable.
    fn __await__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::runner::await_js(slf.as_any())
    }

    /// The JS `typeof` of the object: `"object"` or `"function"`.
    #[getter]
    fn js_type(&self) -> &'static str {
        match self.obj.kind {
            JsKind::Object => "object",
            JsKind::Function => "function",
        }
    }
}
