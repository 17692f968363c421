//! `pyodide.ffi.jsnull`: JS `null` in Python, distinct from `None` (which is
//! JS `undefined`), as in Pyodide, whose code tests `x is jsnull`. It is
//! falsy and crosses back to JS as `null`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

#[pyclass(module = "pyodide.ffi", name = "JsNull", frozen)]
pub struct JsNull;

#[pymethods]
impl JsNull {
    /// `JsNull()` is the singleton, as in Pyodide.
    #[new]
    fn new(py: Python<'_>) -> Py<JsNull> {
        jsnull(py).clone().unbind()
    }

    fn __repr__(&self) -> &'static str {
        "jsnull"
    }

    fn __bool__(&self) -> bool {
        false
    }

    /// `copy`/`pickle` keep the singleton.
    fn __reduce__(&self) -> &'static str {
        "jsnull"
    }
}

static JSNULL: PyOnceLock<Py<JsNull>> = PyOnceLock::new();

/// The one `jsnull` object.
pub fn jsnull(py: Python<'_>) -> &Bound<'_, JsNull> {
    JSNULL
        .get_or_init(py, || {
            Py::new(py, JsNull).expect("allocating the jsnull singleton")
        })
        .bind(py)
}

/// Whether `obj` is `jsnull`.
pub fn is_jsnull(obj: &Bound<'_, PyAny>) -> bool {
    JSNULL
        .get(obj.py())
        .is_some_and(|n| obj.as_ptr() == n.as_ptr())
}
