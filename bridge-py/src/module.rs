//! The built-in `js` module: `from js import X` reads `globalThis.X`.

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;

use crate::convert::to_py::value_to_py;
use crate::jsexception::JsException;
use crate::jsproxy::{
    JsArray, JsBuffer, JsCallable, JsGenerator, JsIterable, JsIterator, JsMap, JsPromise, JsProxy,
    JsSet, JsTypedArray,
};

/// Module-level `__getattr__` (PEP 562): any JS global. A missing one raises
/// AttributeError, which `from js import x` reports as
/// `ImportError: cannot import name 'x' from 'js'`.
#[pyfunction]
#[pyo3(name = "__getattr__")]
fn module_getattr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    match crate::host::global(py, name)? {
        Some(value) => value_to_py(py, value, None),
        None => Err(PyAttributeError::new_err(format!(
            "JS global '{name}' is not defined"
        ))),
    }
}

/// `pyodide.ffi.to_js(obj, /, *, depth=-1, pyproxies=None, create_pyproxies=True,
/// dict_converter=None, default_converter=None)`: see `convert/to_js.rs`.
#[pyfunction]
#[pyo3(signature = (*args, depth = -1, pyproxies = None, create_pyproxies = true, dict_converter = None, default_converter = None, eager_converter = None, _eager_skip = None))]
#[allow(clippy::too_many_arguments)]
fn to_js<'py>(
    args: &Bound<'py, pyo3::types::PyTuple>,
    depth: i32,
    pyproxies: Option<Bound<'py, PyAny>>,
    create_pyproxies: bool,
    dict_converter: Option<Bound<'py, PyAny>>,
    default_converter: Option<Bound<'py, PyAny>>,
    eager_converter: Option<Bound<'py, PyAny>>,
    _eager_skip: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if args.len() != 1 {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "to_js() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let obj = args.get_item(0)?;
    crate::convert::to_js::to_js(
        &obj,
        crate::convert::to_js::Options {
            depth,
            pyproxies: pyproxies.filter(|p| !p.is_none()),
            create_pyproxies,
            dict_converter: dict_converter.filter(|c| !c.is_none()),
            default_converter: default_converter.filter(|c| !c.is_none()),
            eager_converter: eager_converter.filter(|c| !c.is_none()),
            eager_skip: _eager_skip,
        },
    )
}

/// `js._helper(name)`: one of the host's helper functions (for `_bridge.py`).
#[pyfunction]
#[pyo3(name = "_helper")]
fn helper<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    crate::host::helper(py, name)
}

#[pymodule]
#[pyo3(name = "js")]
pub fn js(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<JsProxy>()?;
    m.add_class::<JsCallable>()?;
    m.add_class::<JsPromise>()?;
    m.add_class::<JsIterable>()?;
    m.add_class::<JsIterator>()?;
    m.add_class::<JsGenerator>()?;
    m.add_class::<JsArray>()?;
    m.add_class::<JsMap>()?;
    m.add_class::<crate::jsproxy::JsMutableMap>()?;
    m.add_class::<JsBuffer>()?;
    m.add_class::<crate::jsproxy::ObjectMapBase>()?;
    m.add_class::<crate::jsproxy::JsJsonArray>()?;
    m.add_class::<JsTypedArray>()?; // `_JsTypedArrayBase`; `_bridge.py` sets `JsTypedArray`
    m.add_class::<JsSet>()?;
    m.add("JsException", m.py().get_type::<JsException>())?;
    m.add_class::<crate::jsnull::JsNull>()?;
    m.add("jsnull", crate::jsnull::jsnull(m.py()))?;
    m.add_class::<crate::jsproxy::JsAsyncIterable>()?;
    m.add_class::<crate::jsproxy::JsAsyncIterator>()?;
    m.add_class::<crate::jsproxy::JsAsyncGenerator>()?;
    m.add_class::<crate::jsproxy::JsDomElement>()?;
    m.add_function(wrap_pyfunction!(module_getattr, m)?)?;
    m.add_function(wrap_pyfunction!(helper, m)?)?;
    m.add_function(wrap_pyfunction!(to_js, m)?)?;
    m.add_class::<crate::jsproxy::JsDoubleProxy>()?;
    m.add_function(wrap_pyfunction!(crate::jsproxy::double::create_proxy, m)?)?;
    m.add_function(wrap_pyfunction!(
        crate::jsproxy::double::create_once_callable,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        crate::jsproxy::double::destroy_proxies,
        m
    )?)?;
    m.add(
        "ConversionError",
        m.py().get_type::<crate::jsexception::ConversionError>(),
    )?;
    Ok(())
}
