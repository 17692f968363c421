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

use super::iter::JsIterable;
use super::{proxy_of, JsMap, JsMutableMap, JsProxy};
use crate::host;

#[pyclass(module = "pyodide.ffi", name = "_JsObjectMapBase", extends = JsMutableMap, subclass, frozen)]
pub struct ObjectMapBase {
    hereditary: bool,
    /// An `as_py_json()` view: values that are objects or arrays come out as
    /// views too, all the way down.
    json: bool,
}

/// What a value read through a view becomes: for `as_py_json`, the JSON view
/// of an object or array; for `hereditary`, an object map one level down.
fn wrap_value<'py>(
    slf: &Bound<'py, ObjectMapBase>,
    v: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let this = slf.get();
    if this.json {
        return json_view(v);
    }
    if this.hereditary && !v.is_instance_of::<super::JsArray>() && !v.is_callable() {
        if let Ok(p) = v.cast::<JsProxy>() {
            if !p
                .get()
                .flags()
                .intersects(bridge_core::boundary::JsFlags::BUFFER)
            {
                return object_map(&v, false, false);
            }
        }
    }
    Ok(v)
}

fn object_map<'py>(
    obj: &Bound<'py, PyAny>,
    hereditary: bool,
    json: bool,
) -> PyResult<Bound<'py, PyAny>> {
    obj.py()
        .import(crate::runner::MODULE_NAME)?
        .getattr("JsObjectMap")?
        .call1((obj, hereditary, json))
}

/// The `as_py_json()` view of `v`: arrays as JSON arrays, other objects
/// (Maps, Dates… count as plain objects, as in Pyodide) as JSON objects;
/// primitives, functions and buffers as they are.
pub fn json_view<'py>(v: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let Ok(p) = v.cast::<JsProxy>() else {
        return Ok(v);
    };
    let flags = p.get().flags();
    use bridge_core::boundary::JsFlags as F;
    if flags.intersects(F::CALLABLE | F::BUFFER | F::TYPED_ARRAY) {
        return Ok(v);
    }
    if v.is_instance_of::<JsJsonArray>() || v.is_instance_of::<ObjectMapBase>() {
        return Ok(v);
    }
    if flags.contains(F::ARRAY) {
        let init = JsJsonArray::init(p.get())?;
        return Ok(Bound::new(v.py(), init)?.into_any());
    }
    object_map(&v, false, true)
}

/// A JS array seen through `as_py_json()`: a `JsArray` whose items come out
/// as JSON views.
#[pyclass(module = "pyodide.ffi", name = "_JsJsonArray", extends = super::JsArray, subclass, frozen)]
pub struct JsJsonArray;

impl JsJsonArray {
    fn init(proxy: &JsProxy) -> PyResult<PyClassInitializer<Self>> {
        Ok(JsProxy::init_sharing(proxy)?
            .add_subclass(JsIterable)
            .add_subclass(super::JsArray)
            .add_subclass(JsJsonArray))
    }
}

#[pymethods]
impl JsJsonArray {
    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        idx: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        // `JsArray.__getitem__` (the base's), not ours: called through the type.
        let base = slf.py().get_type::<super::JsArray>();
        let v = base.getattr("__getitem__")?.call1((slf, idx))?;
        if let Ok(list) = v.cast::<pyo3::types::PyList>() {
            let out = pyo3::types::PyList::empty(slf.py());
            for x in list.iter() {
                out.append(json_view(x)?)?;
            }
            return Ok(out.into_any());
        }
        json_view(v)
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let all = Self::__getitem__(slf, &pyo3::types::PySlice::full(slf.py()))?;
        all.try_iter().map(Bound::into_any)
    }
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
    #[pyo3(signature = (obj, hereditary = false, json = false))]
    fn new(
        obj: &Bound<'_, PyAny>,
        hereditary: bool,
        json: bool,
    ) -> PyResult<PyClassInitializer<Self>> {
        let proxy = proxy_of(obj)?;
        Ok(JsProxy::init_sharing(proxy)?
            .add_subclass(JsIterable)
            .add_subclass(JsMap)
            .add_subclass(JsMutableMap)
            .add_subclass(ObjectMapBase { hereditary, json }))
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
        wrap_value(slf, r.get_item(1)?)
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
