//! `obj.as_object_map(*, hereditary=False)`: a live mutable mapping view of a
//! JS object's enumerable properties (own ones, or with `hereditary` the
//! inherited ones too), since a plain object is not subscriptable itself.
//!
//! The view is still a JsProxy of the same object (it crosses back to JS as
//! the object). The core operations are here; `_bridge.py` makes the public
//! `JsObjectMap` class by adding `collections.abc.MutableMapping`'s mixin
//! methods (`keys`, `items`, `get`, `pop`, `update`…).

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

use super::{proxy_of, JsProxy};
use crate::host;

#[pyclass(module = "pyodide.ffi", name = "_JsObjectMapBase", extends = JsProxy, subclass, frozen)]
pub struct ObjectMapBase {
    hereditary: bool,
}

fn helper_call<'py>(
    slf: &Bound<'py, ObjectMapBase>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    host::helper(slf.py(), name)?.call1(args)
}

/// A mapping key must be a str (JS property names here are strings).
fn key_str<'py>(key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, pyo3::types::PyString>> {
    key.cast::<pyo3::types::PyString>()
        .cloned()
        .map_err(|_| PyKeyError::new_err(key.clone().unbind()))
}

#[pymethods]
impl ObjectMapBase {
    #[new]
    #[pyo3(signature = (obj, hereditary = false))]
    fn new(obj: &Bound<'_, PyAny>, hereditary: bool) -> PyResult<PyClassInitializer<Self>> {
        let proxy = proxy_of(obj)?;
        let handle = proxy
            .handle()
            .share()
            .map_err(crate::error::bridge_to_pyerr)?;
        Ok(PyClassInitializer::from(JsProxy::from_handle(handle))
            .add_subclass(ObjectMapBase { hereditary }))
    }

    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let k = key_str(key)?;
        let r = helper_call(slf, "objectGet", (slf, k, slf.get().hereditary))?;
        if !r.get_item(0)?.is_truthy()? {
            return Err(PyKeyError::new_err(key.clone().unbind()));
        }
        r.get_item(1)
    }

    fn __setitem__(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let k = key.cast::<pyo3::types::PyString>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "JS object map keys must be str, not {}",
                key.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        helper_call(slf, "objectSet", (slf, k, value)).map(drop)
    }

    fn __delitem__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<()> {
        let k = key_str(key)?;
        if helper_call(slf, "objectDelete", (slf, k))?.is_truthy()? {
            Ok(())
        } else {
            Err(PyKeyError::new_err(key.clone().unbind()))
        }
    }

    fn __contains__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(k) = key.cast::<pyo3::types::PyString>() else {
            return Ok(false);
        };
        helper_call(slf, "objectGet", (slf, k, slf.get().hereditary))?
            .get_item(0)?
            .is_truthy()
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let keys = helper_call(slf, "objectKeys", (slf, slf.get().hereditary))?;
        let list = pyo3::types::PyList::empty(slf.py());
        for k in keys.try_iter()? {
            list.append(k?)?;
        }
        list.as_any().try_iter().map(Bound::into_any)
    }

    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        helper_call(slf, "objectKeys", (slf, slf.get().hereditary))?.len()
    }
}
