//! `JsArray`: JS arrays and array-likes (NodeList, `arguments`, typed arrays)
//! as Python sequences: `len`, indexing with negative indices, slices to a
//! list, `in`, iteration, `reversed`, `index`, `count`, and on real arrays
//! item assignment and deletion and the list methods that mutate.

use bridge_core::value::Value as V;
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyList, PySlice};

use super::iter::JsIterable;
use super::{attr, proxy_of};
use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::host::{self, ItemKind};

#[pyclass(module = "pyodide.ffi", name = "JsArray", extends = JsIterable, subclass, frozen)]
pub struct JsArray;

/// `i` as an index into a sequence of `len` items (negative counts from the end).
fn normalize(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyIndexError::new_err(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// An integer index (`int`, or anything with `__index__` but a float), as Python lists take.
fn int_index(idx: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    if idx.is_instance_of::<PyInt>() {
        return idx.extract::<i64>().map(Some);
    }
    if !idx.is_instance_of::<pyo3::types::PyFloat>() && idx.hasattr("__index__")? {
        return idx.call_method0("__index__")?.extract::<i64>().map(Some);
    }
    Ok(None)
}

/// Item `i` (negative from the end): one crossing, range checked by JS.
fn get_index<'py>(slf: &Bound<'py, PyAny>, i: i64) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let key = proxy_of(slf)?.handle().key();
    match host::get_item(py, key, ItemKind::Index, V::from_i64(i))? {
        Some(v) => value_to_py(py, v, None),
        None => Err(PyIndexError::new_err("JsArray index out of range")),
    }
}

fn get_at<'py>(slf: &Bound<'py, PyAny>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    get_index(slf, i as i64)
}

fn len_of(slf: &Bound<'_, PyAny>) -> PyResult<usize> {
    host::len(slf.py(), proxy_of(slf)?.handle().key())
}

fn type_error(idx: &Bound<'_, PyAny>) -> PyErr {
    let t = idx
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into());
    PyTypeError::new_err(format!(
        "JsArray indices must be integers or slices, not {t}"
    ))
}

/// A new, empty JS array.
fn new_array(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    crate::host::helper(py, "newArray")?.call0()
}

fn method<'py>(slf: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    attr::get(slf.py(), proxy_of(slf)?, name)
}

#[pymethods]
impl JsArray {
    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        len_of(slf.as_any())
    }

    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        idx: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let any = slf.as_any();
        if let Ok(i) = idx.cast::<PyInt>() {
            // The common case first: one crossing, the range checked by JS.
            return get_index(any, i.extract::<i64>()?);
        }
        if let Ok(slice) = idx.cast::<PySlice>() {
            let len = len_of(any)?;
            let ind = slice.indices(len as isize)?;
            let out = PyList::empty(slf.py());
            let mut i = ind.start;
            for _ in 0..ind.slicelength {
                out.append(get_at(any, i as usize)?)?;
                i += ind.step;
            }
            return Ok(out.into_any());
        }
        match int_index(idx)? {
            Some(i) => get_index(any, i),
            None => Err(type_error(idx)),
        }
    }

    fn __setitem__(
        slf: &Bound<'_, Self>,
        idx: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let any = slf.as_any();
        let Some(i) = int_index(idx)? else {
            return Err(type_error(idx));
        };
        let key = proxy_of(any)?.handle().key();
        if host::set_item(
            slf.py(),
            key,
            ItemKind::Index,
            V::from_i64(i),
            py_to_value(value)?,
        )? {
            Ok(())
        } else {
            Err(PyIndexError::new_err(
                "JsArray assignment index out of range",
            ))
        }
    }

    fn __delitem__(slf: &Bound<'_, Self>, idx: &Bound<'_, PyAny>) -> PyResult<()> {
        let any = slf.as_any();
        let Some(i) = int_index(idx)? else {
            return Err(type_error(idx));
        };
        let key = proxy_of(any)?.handle().key();
        if host::del_item(slf.py(), key, ItemKind::Index, V::from_i64(i))? {
            Ok(())
        } else {
            Err(PyIndexError::new_err(
                "JsArray assignment index out of range",
            ))
        }
    }

    fn __contains__(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        let key = proxy_of(slf.as_any())?.handle().key();
        host::contains(slf.py(), key, py_to_value(value)?)
    }

    fn __reversed__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let any = slf.as_any();
        let len = len_of(any)?;
        let out = PyList::empty(slf.py());
        for i in (0..len).rev() {
            out.append(get_at(any, i)?)?;
        }
        out.as_any().try_iter().map(Bound::into_any)
    }

    /// The first index of `value` (compared with Python `==`).
    #[pyo3(signature = (value, start = 0, stop = None))]
    fn index(
        slf: &Bound<'_, Self>,
        value: &Bound<'_, PyAny>,
        start: i64,
        stop: Option<i64>,
    ) -> PyResult<usize> {
        let any = slf.as_any();
        let len = len_of(any)? as i64;
        let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
        let (start, stop) = (clamp(start), clamp(stop.unwrap_or(len)));
        for i in start..stop {
            if get_at(any, i as usize)?.eq(value)? {
                return Ok(i as usize);
            }
        }
        Err(PyValueError::new_err("value is not in JsArray"))
    }

    /// How many items equal `value` (Python `==`).
    fn count(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        let any = slf.as_any();
        let mut n = 0;
        for i in 0..len_of(any)? {
            n += usize::from(get_at(any, i)?.eq(value)?);
        }
        Ok(n)
    }

    /// `arr.push(value)`.
    fn append(slf: &Bound<'_, Self>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        method(slf.as_any(), "push")?.call1((value,)).map(drop)
    }

    /// `arr.push(...items)`.
    fn extend(slf: &Bound<'_, Self>, items: &Bound<'_, PyAny>) -> PyResult<()> {
        let push = method(slf.as_any(), "push")?;
        for item in items.try_iter()? {
            push.call1((item?,))?;
        }
        Ok(())
    }

    /// Remove and return the item at `index` (default the last), like `list.pop`.
    #[pyo3(signature = (index = -1))]
    fn pop<'py>(slf: &Bound<'py, Self>, index: i64) -> PyResult<Bound<'py, PyAny>> {
        let any = slf.as_any();
        let len = len_of(any)?;
        if len == 0 {
            return Err(PyIndexError::new_err("pop from empty JsArray"));
        }
        let i = normalize(index, len, "pop")?;
        let item = get_at(any, i)?;
        let key = proxy_of(any)?.handle().key();
        host::del_item(slf.py(), key, ItemKind::Index, V::Int(i as i64))?;
        Ok(item)
    }

    /// `arr += items`: extends the JS array in place (it stays the same object).
    fn __iadd__(slf: &Bound<'_, Self>, items: &Bound<'_, PyAny>) -> PyResult<()> {
        Self::extend(slf, items)
    }

    /// `arr * n`: a new JS array of the items repeated (as for a list).
    fn __mul__<'py>(slf: &Bound<'py, Self>, n: isize) -> PyResult<Bound<'py, PyAny>> {
        let out = new_array(slf.py())?;
        let push = out.getattr("push")?;
        let items = Self::__getitem__(slf, &pyo3::types::PySlice::full(slf.py()))?;
        for _ in 0..n.max(0) {
            for item in items.try_iter()? {
                push.call1((item?,))?;
            }
        }
        Ok(out)
    }

    fn __rmul__<'py>(slf: &Bound<'py, Self>, n: isize) -> PyResult<Bound<'py, PyAny>> {
        Self::__mul__(slf, n)
    }

    /// `arr *= n`: repeats the items in place (`n <= 0` empties the array).
    fn __imul__(slf: &Bound<'_, Self>, n: isize) -> PyResult<()> {
        let items = Self::__getitem__(slf, &pyo3::types::PySlice::full(slf.py()))?;
        if n <= 0 {
            return method(slf.as_any(), "splice")?.call1((0,)).map(drop);
        }
        for _ in 1..n {
            Self::extend(slf, &items)?;
        }
        Ok(())
    }

    /// `arr + iterable`: a new JS array (the operands are unchanged).
    fn __add__<'py>(
        slf: &Bound<'py, Self>,
        other: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let out = new_array(slf.py())?;
        let push = out.getattr("push")?;
        for item in Self::__getitem__(slf, &pyo3::types::PySlice::full(slf.py()))?.try_iter()? {
            push.call1((item?,))?;
        }
        for item in other.try_iter()? {
            push.call1((item?,))?;
        }
        Ok(out)
    }

    /// Reverse in place (JS `arr.reverse()`), returning `None` as `list.reverse`.
    fn reverse(slf: &Bound<'_, Self>) -> PyResult<()> {
        method(slf.as_any(), "reverse")?.call0().map(drop)
    }

    /// Sort in place as `list.sort` does (Python comparisons, `key`,
    /// `reverse`, stable), not as JS `arr.sort()` (which compares strings).
    #[pyo3(signature = (*, key = None, reverse = false))]
    fn sort(slf: &Bound<'_, Self>, key: Option<Bound<'_, PyAny>>, reverse: bool) -> PyResult<()> {
        let any = slf.as_any();
        let py = slf.py();
        let len = len_of(any)?;
        let items = PyList::empty(py);
        for i in 0..len {
            items.append(get_at(any, i)?)?;
        }
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("key", key)?;
        kwargs.set_item("reverse", reverse)?;
        items.call_method("sort", (), Some(&kwargs))?;
        let obj = proxy_of(any)?.handle().key();
        for (i, item) in items.iter().enumerate() {
            host::set_item(
                py,
                obj,
                ItemKind::Index,
                V::Int(i as i64),
                py_to_value(&item)?,
            )?;
        }
        Ok(())
    }

    /// `arr.splice(index, 0, value)`, with `list.insert`'s clamping.
    fn insert(slf: &Bound<'_, Self>, index: i64, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let any = slf.as_any();
        let len = len_of(any)? as i64;
        let i = if index < 0 {
            (index + len).max(0)
        } else {
            index.min(len)
        };
        method(any, "splice")?.call1((i, 0, value)).map(drop)
    }
}
