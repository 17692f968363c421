//! `JsMap` (a JS `Map`, or anything with `get`/`has`/`size`) as a Python
//! mapping, and `JsSet` (a JS `Set`) with `len`, `in`, `add`, `discard`.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use super::iter::{js_iter, JsIterable};
use super::{attr, proxy_of};
use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::host::{self, ItemKind};

/// A map-like: `get`, a numeric `size` (or `length`) and `Symbol.iterator`
/// (Pyodide's rule); read-only.
#[pyclass(module = "pyodide.ffi", name = "JsMap", extends = JsIterable, subclass, frozen)]
pub struct JsMap;

/// A map-like with `set` too (a JS `Map`): the mutable mapping protocol.
#[pyclass(module = "pyodide.ffi", name = "JsMutableMap", extends = JsMap, subclass, frozen)]
pub struct JsMutableMap;

/// A JS `Set` (our addition: Pyodide has no class of its own for sets).
#[pyclass(module = "pyodide.ffi", name = "JsSet", extends = JsIterable, subclass, frozen)]
pub struct JsSet;

fn method<'py>(slf: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    attr::get(slf.py(), proxy_of(slf)?, name)
}

/// `m.get(k)`, or `None` when `m.has(k)` is false.
fn lookup<'py>(
    slf: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = slf.py();
    let obj = proxy_of(slf)?.handle().key();
    match host::get_item(py, obj, ItemKind::MapKey, py_to_value(key)?)? {
        Some(v) => value_to_py(py, v, None).map(Some),
        None => Ok(None),
    }
}

/// `collections.abc.<kind>(map)`.
fn view<'py>(map: &Bound<'py, PyAny>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    map.py()
        .import("collections.abc")?
        .getattr(kind)?
        .call1((map,))
}

fn has_method(slf: &Bound<'_, PyAny>, name: &str) -> PyResult<bool> {
    Ok(match attr::get(slf.py(), proxy_of(slf)?, name) {
        Ok(f) => f.is_callable(),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyAttributeError>(slf.py()) => false,
        Err(e) => return Err(e),
    })
}

#[pymethods]
impl JsMap {
    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        host::len(slf.py(), proxy_of(slf.as_any())?.handle().key())
    }

    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        lookup(slf.as_any(), key)?.ok_or_else(|| PyKeyError::new_err(key.clone().unbind()))
    }

    fn __contains__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        host::contains(
            slf.py(),
            proxy_of(slf.as_any())?.handle().key(),
            py_to_value(key)?,
        )
    }

    /// Iterating a map gives its keys, as for a dict: `keys()` when it has
    /// one, else `Symbol.iterator`.
    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        if has_method(slf.as_any(), "keys")? {
            method(slf.as_any(), "keys")?.call0()
        } else {
            js_iter(slf.as_any())
        }
    }

    /// Live views, as for a dict (and as in Pyodide): iterating one walks
    /// the JS map as it is at that moment.
    fn keys<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf.as_any(), "KeysView")
    }

    fn values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf.as_any(), "ValuesView")
    }

    fn items<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf.as_any(), "ItemsView")
    }

    #[pyo3(signature = (key, default = None))]
    fn get<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(match lookup(slf.as_any(), key)? {
            Some(v) => v,
            None => default.unwrap_or_else(|| slf.py().None().into_bound(slf.py())),
        })
    }
}

#[pymethods]
impl JsMutableMap {
    fn __setitem__(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let obj = proxy_of(slf.as_any())?.handle().key();
        host::set_item(
            slf.py(),
            obj,
            ItemKind::MapKey,
            py_to_value(key)?,
            py_to_value(value)?,
        )
        .map(drop)
    }

    fn __delitem__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<()> {
        let obj = proxy_of(slf.as_any())?.handle().key();
        if host::del_item(slf.py(), obj, ItemKind::MapKey, py_to_value(key)?)? {
            Ok(())
        } else {
            Err(PyKeyError::new_err(key.clone().unbind()))
        }
    }

    #[pyo3(signature = (key, *default))]
    fn pop<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match lookup(slf.as_any(), key)? {
            Some(v) => {
                Self::__delitem__(slf, key)?;
                Ok(v)
            }
            None if !default.is_empty() => default.get_item(0),
            None => Err(PyKeyError::new_err(key.clone().unbind())),
        }
    }

    #[pyo3(signature = (key, default = None))]
    fn setdefault<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Some(v) = lookup(slf.as_any(), key)? {
            return Ok(v);
        }
        let v = default.unwrap_or_else(|| slf.py().None().into_bound(slf.py()));
        Self::__setitem__(slf, key, &v)?;
        Ok(v)
    }

    /// `m.update(mapping_or_pairs, **kw)`, as for a dict.
    #[pyo3(signature = (other = None, **kwargs))]
    fn update(
        slf: &Bound<'_, Self>,
        other: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
    ) -> PyResult<()> {
        if let Some(other) = other {
            if other.hasattr("keys")? {
                for k in other.call_method0("keys")?.try_iter()? {
                    let k = k?;
                    Self::__setitem__(slf, &k, &other.get_item(&k)?)?;
                }
            } else {
                for pair in other.try_iter()? {
                    let pair = pair?;
                    Self::__setitem__(slf, &pair.get_item(0)?, &pair.get_item(1)?)?;
                }
            }
        }
        if let Some(kw) = kwargs {
            for (k, v) in kw.iter() {
                Self::__setitem__(slf, &k, &v)?;
            }
        }
        Ok(())
    }

    /// Remove and return the last `(key, value)` pair (`KeyError` when empty).
    fn popitem<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let base = slf.as_super();
        let keys = PyList::new(
            slf.py(),
            JsMap::keys(base)?
                .try_iter()?
                .collect::<PyResult<Vec<_>>>()?,
        )?;
        if keys.is_empty() {
            return Err(PyKeyError::new_err("popitem(): JS map is empty"));
        }
        let k = keys.get_item(keys.len() - 1)?;
        let v = JsMap::__getitem__(base, &k)?;
        Self::__delitem__(slf, &k)?;
        PyTuple::new(slf.py(), [k, v])
    }

    fn clear(slf: &Bound<'_, Self>) -> PyResult<()> {
        if has_method(slf.as_any(), "clear")? {
            return method(slf.as_any(), "clear")?.call0().map(drop);
        }
        let keys: Vec<_> = JsMap::keys(slf.as_super())?
            .try_iter()?
            .collect::<PyResult<_>>()?;
        for k in keys {
            Self::__delitem__(slf, &k)?;
        }
        Ok(())
    }
}

#[pymethods]
impl JsSet {
    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        host::len(slf.py(), proxy_of(slf.as_any())?.handle().key())
    }

    fn __contains__(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        host::contains(
            slf.py(),
            proxy_of(slf.as_any())?.handle().key(),
            py_to_value(value)?,
        )
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        js_iter(slf.as_any())
    }

    /// `s.add(value)`.
    fn add(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        method(slf.as_any(), "add")?.call1((value,)).map(drop)
    }

    /// `s.delete(value)`, silently when absent.
    fn discard(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        method(slf.as_any(), "delete")?.call1((value,)).map(drop)
    }

    /// `s.delete(value)`; `KeyError` when absent.
    fn remove(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        if method(slf.as_any(), "delete")?
            .call1((value,))?
            .is_truthy()?
        {
            Ok(())
        } else {
            Err(PyKeyError::new_err(value.clone().unbind()))
        }
    }
}
