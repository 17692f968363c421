//! `pyodide.ffi.JsProxy` and its typed subclasses: a JS object seen from Python.
//!
//! The class tree (pyo3 classes, Pyodide's public names):
//!
//! - [`JsProxy`]: every JS object. Attribute access, `repr`, `bool`, `==`
//!   (`Object.is`) and `hash` consistent with it, `new`, `js_type`.
//! - [`JsCallable`] (`typeof` "function"): adds `__call__`.
//! - [`JsPromise`] (has a `then` method): adds `__await__`.
//! - [`JsBuffer`] (`ArrayBuffer`, `DataView`): the buffer protocol and
//!   Pyodide's copying methods; [`JsTypedArray`], a `JsArray`, has them too.
//! - [`JsIterable`] (has `Symbol.iterator`): `__iter__`; under it
//!   [`JsArray`] (arrays, typed arrays, array-likes: the sequence protocol),
//!   [`JsMap`] (the mapping protocol), [`JsSet`], and [`JsIterator`] (`next`)
//!   with [`JsGenerator`] under it.
//!
//! Which class a JS object gets is decided from its capability flags
//! ([`bridge_core::boundary::JsFlags`]), computed once per object by the JS
//! side, so `callable(p)` and `hasattr(p, "__await__")` say the truth. Each
//! capability lives in its own file; this one declares the classes.
//!
//! A proxy owns one reference to its JS-table entry (and one to `this` for a
//! function read off an object) through [`JsHandle`]s, released when Python
//! frees the proxy.

mod async_iter;
mod attr;
pub(crate) mod buffer;
mod call;
pub(crate) mod double;
mod identity;
mod iter;
mod mapping;
mod object_map;
mod repr;
mod sequence;
mod to_py;

pub use async_iter::{JsAsyncGenerator, JsAsyncIterable, JsAsyncIterator};
pub use buffer::{JsBuffer, JsTypedArray};
pub use double::JsDoubleProxy;
pub use iter::{JsGenerator, JsIterable, JsIterator};
pub use mapping::{JsMap, JsMutableMap, JsSet};
pub use object_map::{JsJsonArray, ObjectMapBase};
pub use sequence::JsArray;

use bridge_core::boundary::JsFlags;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::crossing::JsHandle;

#[pyclass(module = "pyodide.ffi", name = "JsProxy", subclass, frozen, weakref)]
pub struct JsProxy {
    obj: JsHandle,
    /// The object this function was read from, for `this` binding.
    this: Option<JsHandle>,
}

/// A JS function (or class). Python calls reach it through CPython's
/// vectorcall (`ffi/vectorcall.rs`); `__call__` serves the other callers.
#[pyclass(module = "pyodide.ffi", name = "JsCallable", extends = JsProxy, subclass, frozen)]
pub struct JsCallable {
    vectorcall: crate::ffi::vectorcall::VectorcallSlot,
}

/// A JS promise or other thenable: `await` it inside `runPythonAsync`.
#[pyclass(module = "pyodide.ffi", name = "JsPromise", extends = JsProxy, subclass, frozen)]
pub struct JsPromise;

/// A DOM element (`instanceof Element`): a JsProxy by another name, as in
/// Pyodide (the element's members are JS properties).
#[pyclass(module = "pyodide.ffi", name = "JsDomElement", extends = JsProxy, subclass, frozen)]
pub struct JsDomElement;

impl JsProxy {
    /// Wrap a JS-table entry, taking over the reference `obj` owns. A function
    /// read off an object takes its own reference on `this`.
    pub fn wrap<'py>(
        py: Python<'py>,
        obj: JsHandle,
        this: Option<&JsHandle>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let flags = obj.flags;
        if flags.contains(JsFlags::TYPED_ARRAY)
            && !flags.intersects(JsFlags::CALLABLE | JsFlags::THENABLE)
        {
            // A JsArray and a JsBuffer: a class made in Python (see `JsTypedArray`).
            return JsTypedArray::wrap(py, obj);
        }
        if flags.contains(JsFlags::ERROR) && !flags.contains(JsFlags::CALLABLE) {
            let plain = Bound::new(py, JsProxy { obj, this: None })?;
            return crate::jsexception::error_value(plain.into_any());
        }
        let this = match this {
            Some(t) if flags.contains(JsFlags::CALLABLE) => {
                Some(t.share().map_err(crate::error::bridge_to_pyerr)?)
            }
            _ => None,
        };
        let base = PyClassInitializer::from(JsProxy { obj, this });
        let seq = JsFlags::ARRAY | JsFlags::TYPED_ARRAY | JsFlags::ARRAY_LIKE;
        Ok(if flags.contains(JsFlags::DOUBLE_PROXY) {
            let init = base
                .add_subclass(JsCallable {
                    vectorcall: Default::default(),
                })
                .add_subclass(JsDoubleProxy);
            let obj = Bound::new(py, init)?;
            crate::ffi::vectorcall::install(obj.as_any(), &obj.as_super().get().vectorcall);
            obj.into_any()
        } else if flags.contains(JsFlags::CALLABLE) {
            let obj = Bound::new(
                py,
                base.add_subclass(JsCallable {
                    vectorcall: Default::default(),
                }),
            )?;
            crate::ffi::vectorcall::install(obj.as_any(), &obj.get().vectorcall);
            obj.into_any()
        } else if flags.contains(JsFlags::THENABLE) {
            Bound::new(py, base.add_subclass(JsPromise))?.into_any()
        } else if flags.contains(JsFlags::BUFFER) {
            Bound::new(py, base.add_subclass(JsBuffer))?.into_any()
        } else if flags.intersects(seq) {
            Bound::new(py, base.add_subclass(JsIterable).add_subclass(JsArray))?.into_any()
        } else if flags.contains(JsFlags::MAP) || is_map_like(flags) {
            let map = base.add_subclass(JsIterable).add_subclass(JsMap);
            if flags.intersects(JsFlags::MAP | JsFlags::HAS_SET) {
                Bound::new(py, map.add_subclass(JsMutableMap))?.into_any()
            } else {
                Bound::new(py, map)?.into_any()
            }
        } else if flags.contains(JsFlags::SET) {
            Bound::new(py, base.add_subclass(JsIterable).add_subclass(JsSet))?.into_any()
        } else if flags.contains(JsFlags::GENERATOR) {
            let init = base
                .add_subclass(JsIterable)
                .add_subclass(JsIterator)
                .add_subclass(JsGenerator);
            Bound::new(py, init)?.into_any()
        } else if flags.contains(JsFlags::ASYNC_GENERATOR) {
            let init = base
                .add_subclass(JsAsyncIterable)
                .add_subclass(JsAsyncIterator)
                .add_subclass(JsAsyncGenerator);
            Bound::new(py, init)?.into_any()
        } else if flags.contains(JsFlags::ITERATOR)
            && (flags.contains(JsFlags::ITERABLE) || !flags.contains(JsFlags::ASYNC_ITERABLE))
        {
            // As in Pyodide: anything with a `next` method is an iterator
            // unless it is an async one, also a bare `{next}` (what a
            // [Symbol.iterator]() may return: for…of does not require the
            // iterator itself to be iterable).
            Bound::new(py, base.add_subclass(JsIterable).add_subclass(JsIterator))?.into_any()
        } else if flags.contains(JsFlags::ITERABLE) {
            Bound::new(py, base.add_subclass(JsIterable))?.into_any()
        } else if flags.contains(JsFlags::ASYNC_ITERABLE) && flags.contains(JsFlags::ITERATOR) {
            let init = base
                .add_subclass(JsAsyncIterable)
                .add_subclass(JsAsyncIterator);
            Bound::new(py, init)?.into_any()
        } else if flags.contains(JsFlags::ASYNC_ITERABLE) {
            Bound::new(py, base.add_subclass(JsAsyncIterable))?.into_any()
        } else if flags.contains(JsFlags::DOM_ELEMENT) {
            Bound::new(py, base.add_subclass(JsDomElement))?.into_any()
        } else {
            Bound::new(py, base)?.into_any()
        })
    }

    /// A plain proxy of a handle (no `this`), for views of an object.
    pub(crate) fn from_handle(obj: JsHandle) -> Self {
        JsProxy { obj, this: None }
    }

    /// The base of another proxy class for the object `proxy` stands for
    /// (its own reference): how views and the Python-made classes
    /// (`JsTypedArray`, `JsObjectMap`, `as_py_json`'s) are built.
    pub(crate) fn init_sharing(proxy: &JsProxy) -> PyResult<PyClassInitializer<JsProxy>> {
        let handle = proxy.obj.share().map_err(crate::error::bridge_to_pyerr)?;
        Ok(PyClassInitializer::from(JsProxy::from_handle(handle)))
    }

    pub fn handle(&self) -> &JsHandle {
        &self.obj
    }

    pub fn flags(&self) -> JsFlags {
        self.obj.flags
    }
}

#[pymethods]
impl JsProxy {
    /// Python attributes of the proxy's class (dunders, `new`, `js_type`, and
    /// those of subclasses) first, as in Pyodide; every other name reads the
    /// JS property, so `o.__esModule` reaches JS.
    fn __getattribute__<'py>(
        slf: &Bound<'py, Self>,
        name: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if crate::ffi::type_has_attr(slf.as_any(), name) {
            return crate::ffi::generic_getattr(slf.as_any(), name);
        }
        attr::get(slf.py(), slf.get(), attr::js_name(name.to_str()?))
    }

    fn __setattr__(&self, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        attr::set(value.py(), self.obj.key(), attr::js_name(name), value)
    }

    fn __delattr__(&self, py: Python<'_>, name: &str) -> PyResult<()> {
        attr::delete(py, self.obj.key(), attr::js_name(name))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr::repr(py, self.obj.key())
    }

    fn __bool__(&self, py: Python<'_>) -> PyResult<bool> {
        repr::truthy(py, self.obj.key())
    }

    /// `==` is JS `Object.is`.
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> Py<PyAny> {
        identity::richcmp(self, other, op)
    }

    fn __hash__(&self) -> isize {
        identity::hash(self)
    }

    /// Convert to Python objects, deeply (see `to_py.rs`).
    #[pyo3(signature = (*, depth = -1, default_converter = None))]
    fn to_py<'py>(
        slf: &Bound<'py, Self>,
        depth: i32,
        default_converter: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py::to_py(slf.as_any(), depth, default_converter)
    }

    /// JS `typeof` of the object (Pyodide's name): `"object"`, `"function"`
    /// or `"symbol"`.
    #[getter]
    #[pyo3(name = "typeof")]
    fn js_typeof(&self) -> &'static str {
        if self.obj.flags.contains(JsFlags::CALLABLE) {
            "function"
        } else if self.obj.flags.contains(JsFlags::SYMBOL) {
            "symbol"
        } else {
            "object"
        }
    }

    /// The object's identity as an int: equal for two proxies of one JS
    /// object (`Object.is`), as Pyodide's `js_id`.
    #[getter]
    fn js_id(&self) -> i64 {
        self.obj.id as i64
    }

    /// `Object.keys(obj)`, as a JsArray.
    fn object_keys<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        object_fn(slf.py(), "keys")?.call1((slf,))
    }

    /// `Object.values(obj)`, as a JsArray.
    fn object_values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        object_fn(slf.py(), "values")?.call1((slf,))
    }

    /// `Object.entries(obj)`, as a JsArray of `[key, value]` JsArrays.
    fn object_entries<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        object_fn(slf.py(), "entries")?.call1((slf,))
    }

    /// `dir(obj)`: the Python attributes and the JS properties along the
    /// prototype chain (array indices left out).
    fn __dir__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let names = pyo3::types::PySet::empty(py)?;
        let own = py
            .get_type::<pyo3::PyAny>()
            .getattr("__dir__")?
            .call1((slf,))?;
        for n in own.try_iter()? {
            names.add(n?)?;
        }
        for n in crate::host::helper(py, "dir")?.call1((slf,))?.try_iter()? {
            let n = n?;
            match n.extract::<String>() {
                Ok(s) => names.add(attr::py_name(&s).as_ref())?,
                Err(_) => names.add(n)?,
            }
        }
        Ok(pyo3::types::PyList::new(py, names)?.into_any())
    }

    /// A live mutable mapping of the object's enumerable properties
    /// (`object_map.rs`); with `hereditary`, inherited ones count too.
    #[pyo3(signature = (*, hereditary = false))]
    fn as_object_map<'py>(slf: &Bound<'py, Self>, hereditary: bool) -> PyResult<Bound<'py, PyAny>> {
        use bridge_core::boundary::JsFlags as F;
        if slf
            .get()
            .flags()
            .intersects(F::CALLABLE | F::ARRAY | F::TYPED_ARRAY | F::ARRAY_LIKE)
        {
            // As in Pyodide: arrays and functions have no object-map view.
            return Err(pyo3::exceptions::PyAttributeError::new_err("as_object_map"));
        }
        slf.py()
            .import(crate::runner::MODULE_NAME)?
            .getattr("JsObjectMap")?
            .call1((slf, hereditary))
    }

    /// A view for JSON-shaped data (Pyodide's `as_py_json`): objects are
    /// mutable mappings and arrays sequences, all the way down; `null` is
    /// `jsnull`. Functions, buffers and errors have none.
    fn as_py_json<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        use bridge_core::boundary::JsFlags as F;
        if slf
            .get()
            .flags()
            .intersects(F::CALLABLE | F::BUFFER | F::ERROR)
        {
            return Err(pyo3::exceptions::PyAttributeError::new_err("as_py_json"));
        }
        object_map::json_view(slf.clone().into_any())
    }

    /// The JS `typeof` of the object: `"object"` or `"function"`.
    #[getter]
    fn js_type(&self) -> &'static str {
        if self.obj.flags.contains(JsFlags::CALLABLE) {
            "function"
        } else {
            "object"
        }
    }
}

/// `Object[name]`, the JS builtin.
fn object_fn<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let object = match crate::host::global(py, "Object")? {
        Some(v) => crate::convert::to_py::value_to_py(py, v, None)?,
        None => {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "the JS global Object is missing",
            ))
        }
    };
    object.getattr(name)
}

/// Pyodide's map-like: a `get` method, a numeric `size` or `length`, and
/// `Symbol.iterator` (`has` is not required).
fn is_map_like(flags: JsFlags) -> bool {
    flags.contains(JsFlags::HAS_GET | JsFlags::HAS_LENGTH | JsFlags::ITERABLE)
        && !flags.intersects(JsFlags::SET | JsFlags::CALLABLE)
}

/// The `JsProxy` part of any proxy object.
pub(crate) fn proxy_of<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a JsProxy> {
    Ok(obj.cast::<JsProxy>()?.get())
}

/// A vectorcall of a `JsCallable` (from `ffi/vectorcall.rs`).
pub(crate) fn vectorcall_entry<'py>(
    callable: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: &[(Bound<'py, PyString>, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let callable = callable.cast::<JsCallable>()?;
    let proxy = callable.as_super().get();
    call::call_slices(callable.py(), &proxy.obj, proxy.this.as_ref(), args, kwargs)
}

#[pymethods]
impl JsCallable {
    /// `Foo.new(...)`: JS `new Foo(...)` (the Pyodide name; callables only).
    #[pyo3(name = "new", signature = (*args, **kwargs))]
    fn construct<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call::construct(slf.py(), &slf.as_super().get().obj, args, kwargs)
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __call__<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let proxy = slf.as_super().get();
        call::call(slf.py(), &proxy.obj, proxy.this.as_ref(), args, kwargs)
    }
}

#[pymethods]
impl JsPromise {
    /// `await proxy` inside `runPythonAsync`: the driver awaits the JS thenable.
    fn __await__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::runner::await_js(slf.as_any())
    }
}
