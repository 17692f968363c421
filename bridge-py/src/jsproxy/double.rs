//! `create_proxy(obj, *, capture_this=False, roundtrip=True)` and
//! `JsDoubleProxy`: a JS-side PyProxy held from Python, so that JS code can
//! keep a Python callable (an event handler) and Python can `destroy()` it
//! when done, as in Pyodide. Here a PyProxy passed to JS lives until it is
//! released or collected anyway (docs/lifetimes.md), so `create_proxy` is
//! about Pyodide's API and explicit release, not about keeping it alive.

use pyo3::prelude::*;

use bridge_core::handle::TableKey;

use super::{JsCallable, JsProxy};

/// A JS PyProxy of a Python object, seen from Python (`create_proxy`'s
/// result). Calling it calls the Python object through JS.
#[pyclass(module = "pyodide.ffi", name = "JsDoubleProxy", extends = JsCallable, subclass, frozen)]
pub struct JsDoubleProxy;

#[pymethods]
impl JsDoubleProxy {
    /// The Python object the PyProxy stands for.
    fn unwrap<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let key: f64 = crate::host::helper(py, "unwrapDouble")?
            .call1((slf,))?
            .extract()?;
        let key = bridge_core::handle::PyRef::from_wire_f64(key).map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(
                "JsDoubleProxy.unwrap(): the proxy was destroyed",
            )
        })?;
        crate::pytable::get(py, key).map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(
                "JsDoubleProxy.unwrap(): the proxy was destroyed",
            )
        })
    }

    /// Destroy the JS PyProxy (its Python reference is released); later use
    /// from JS throws, naming the Python type.
    fn destroy(slf: &Bound<'_, Self>) -> PyResult<()> {
        crate::host::helper(slf.py(), "destroyDouble")?
            .call1((slf,))
            .map(drop)
    }
}

/// `pyodide.ffi.create_proxy`.
#[pyfunction]
#[pyo3(signature = (*args, capture_this = false, roundtrip = true))]
pub fn create_proxy<'py>(
    args: &Bound<'py, pyo3::types::PyTuple>,
    capture_this: bool,
    roundtrip: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = args.py();
    if args.len() != 1 {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "create_proxy() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let obj = &args.get_item(0)?;
    if obj.is_instance_of::<JsProxy>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "create_proxy: the object is a JsProxy (a JS object already), not a Python object",
        ));
    }
    let exported = crate::pytable::export(obj).map_err(crate::error::bridge_to_pyerr)?;
    let value = crate::host::double_proxy(
        py,
        crate::crossing::Value::Handle(crate::crossing::Ref::Py(exported)),
        roundtrip,
        capture_this,
    )?;
    crate::convert::to_py::value_to_py(py, value, None)
}

/// `pyodide.ffi.create_once_callable`: a JS function that calls `obj` once,
/// then releases it; a second call throws.
#[pyfunction]
#[pyo3(signature = (obj, /, *, _may_syncify = false))]
pub fn create_once_callable<'py>(
    obj: &Bound<'py, PyAny>,
    _may_syncify: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if !obj.is_callable() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "create_once_callable: the object is not callable",
        ));
    }
    crate::host::helper(obj.py(), "onceCallable")?.call1((obj,))
}

/// `pyodide.ffi.destroy_proxies(pyproxies)`: destroy every PyProxy in a JS
/// array (as filled by `to_js(..., pyproxies=...)`).
#[pyfunction]
pub fn destroy_proxies(pyproxies: &Bound<'_, PyAny>) -> PyResult<()> {
    if !pyproxies.is_instance_of::<JsProxy>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "Expected a JsProxy for the argument",
        ));
    }
    crate::host::helper(pyproxies.py(), "destroyProxies")?
        .call1((pyproxies,))
        .map(drop)
}
