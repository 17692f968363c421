//! What JS can ask of Python: the operations behind `PyProxy`, `runPython`,
//! `pyimport` and `globals`. Each attaches to the interpreter, works on a
//! Python-table entry named by its key, and reports failure as an [`OpError`].

use bridge_core::boundary::Direction;
use bridge_core::handle::PyRef;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;

use crate::convert::{from_py::py_to_value, to_py::value_to_py};
use crate::crossing::{PyHandle, Value};
use crate::error::OpError;

/// One JS→Python crossing: inside the depth limit, on the object at `key`.
fn with_obj<T>(
    key: PyRef,
    f: impl for<'py> FnOnce(Bound<'py, PyAny>) -> PyResult<T>,
) -> Result<T, OpError> {
    let _guard = crate::depth::enter(Direction::JsToPy)?;
    Python::attach(|py| {
        let obj = crate::pytable::get(py, key)?;
        f(obj).map_err(|e| OpError::from_pyerr(py, e))
    })
}

/// One JS→Python crossing that names no object.
fn attached<T>(f: impl for<'py> FnOnce(Python<'py>) -> PyResult<T>) -> Result<T, OpError> {
    let _guard = crate::depth::enter(Direction::JsToPy)?;
    Python::attach(|py| f(py).map_err(|e| OpError::from_pyerr(py, e)))
}

fn out(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    py_to_value(obj)
}

/// `proxy.name`: `None` when Python has no such attribute.
pub fn getattr(key: PyRef, name: &str) -> Result<Option<Value>, OpError> {
    with_obj(key, |obj| match obj.getattr(name) {
        Ok(v) => out(&v).map(Some),
        Err(e) if e.is_instance_of::<PyAttributeError>(obj.py()) => Ok(None),
        Err(e) => Err(e),
    })
}

/// One step of a Python iterator or generator, for a JS `it.next(value)`:
/// `(done, value)`. A generator is sent `send` (or `None`); any other
/// iterator gets `next(it)`. `StopIteration` ends it, its value
/// the generator's return value.
pub fn next(key: PyRef, send: Option<Value>) -> Result<(bool, Value), OpError> {
    with_obj(key, |obj| {
        let py = obj.py();
        // A generator's return value is only seen through `send` (its
        // `__next__` drops it), so generators are always sent to.
        let is_generator = crate::ffi::is_generator(&obj)
            || (send.is_some() && obj.hasattr(pyo3::intern!(py, "send"))?);
        let step = match send {
            Some(v) if is_generator => {
                obj.call_method1(pyo3::intern!(py, "send"), (value_to_py(py, v, None)?,))
            }
            None if is_generator => obj.call_method1(pyo3::intern!(py, "send"), (py.None(),)),
            _ => match obj.cast::<pyo3::types::PyIterator>() {
                Ok(it) => match it.clone().next() {
                    Some(r) => r,
                    None => return Ok((true, Value::Undefined)),
                },
                Err(_) => obj.call_method0(pyo3::intern!(py, "__next__")),
            },
        };
        match step {
            Ok(v) => Ok((false, out(&v)?)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyStopIteration>(py) => {
                let v = e.value(py).getattr(pyo3::intern!(py, "value"))?;
                Ok((true, out(&v)?))
            }
            Err(e) => Err(e),
        }
    })
}

/// `proxy.get(key)`: `obj[key]`, or `None` when it raises KeyError or
/// IndexError (JS gets `undefined`, as in Pyodide).
pub fn getitem(key: PyRef, item: Value) -> Result<Option<Value>, OpError> {
    with_obj(key, |obj| {
        let py = obj.py();
        let item = value_to_py(py, item, None)?;
        match obj.get_item(item) {
            Ok(v) => out(&v).map(Some),
            Err(e)
                if e.is_instance_of::<pyo3::exceptions::PyKeyError>(py)
                    || e.is_instance_of::<pyo3::exceptions::PyIndexError>(py) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    })
}

/// `proxy.name` with an interned name (`intern_name`).
pub fn getattr_interned(key: PyRef, name: u32) -> Result<Option<Value>, OpError> {
    with_obj(key, |obj| {
        let name = crate::names::get(obj.py(), name).map_err(crate::error::bridge_to_pyerr)?;
        match obj.getattr(&name) {
            Ok(v) => out(&v).map(Some),
            Err(e) if e.is_instance_of::<PyAttributeError>(obj.py()) => Ok(None),
            Err(e) => Err(e),
        }
    })
}

/// `proxy.name = value` with an interned name.
pub fn setattr_interned(key: PyRef, name: u32, value: Value) -> Result<(), OpError> {
    with_obj(key, |obj| {
        let name = crate::names::get(obj.py(), name).map_err(crate::error::bridge_to_pyerr)?;
        obj.setattr(&name, value_to_py(obj.py(), value, None)?)
    })
}

/// An id for an attribute name JS reads often (see `names.rs`).
pub fn intern_name(name: &str) -> Result<u32, OpError> {
    Python::attach(|py| crate::names::intern(py, name)).map_err(OpError::Bridge)
}

pub fn setattr(key: PyRef, name: &str, value: Value) -> Result<(), OpError> {
    with_obj(key, |obj| {
        obj.setattr(name, value_to_py(obj.py(), value, None)?)
    })
}

/// `delete proxy.name`: `false` when there was no such attribute.
pub fn delattr(key: PyRef, name: &str) -> Result<bool, OpError> {
    with_obj(key, |obj| match obj.delattr(name) {
        Ok(()) => Ok(true),
        Err(e) if e.is_instance_of::<PyAttributeError>(obj.py()) => Ok(false),
        Err(e) => Err(e),
    })
}

pub fn hasattr(key: PyRef, name: &str) -> Result<bool, OpError> {
    with_obj(key, |obj| obj.hasattr(name))
}

pub fn call(key: PyRef, args: impl IntoIterator<Item = Value>) -> Result<Value, OpError> {
    with_obj(key, |obj| {
        let py = obj.py();
        // Each argument owns its handle: one that fails to convert drops the
        // rest, releasing them.
        let mut converted: smallvec::SmallVec<[Bound<'_, PyAny>; 3]> = smallvec::SmallVec::new();
        for a in args {
            converted.push(value_to_py(py, a, None)?);
        }
        out(&crate::ffi::vectorcall(&obj, &converted)?)
    })
}

/// `checkInterrupt()`: signal `signum` arrives now and its handler runs, so
/// SIGINT raises `KeyboardInterrupt` here (as an `OpError`).
pub fn check_interrupt(signum: i32) -> Result<(), OpError> {
    attached(|py| {
        if !crate::ffi::set_interrupt(py, signum) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "interrupt buffer holds {signum}, which is not a signal number"
            )));
        }
        py.check_signals()
    })
}

pub fn str(key: PyRef) -> Result<String, OpError> {
    with_obj(key, |obj| Ok(obj.str()?.to_string()))
}

pub fn repr(key: PyRef) -> Result<String, OpError> {
    with_obj(key, |obj| Ok(obj.repr()?.to_string()))
}

/// The type's C name (`tp_name`): `PyProxy.type`, as in Pyodide (`"ConfCm"`,
/// `"collections.OrderedDict"`).
pub fn type_name(key: PyRef) -> Result<String, OpError> {
    with_obj(key, |obj| Ok(crate::ffi::tp_name(&obj)))
}

/// One JS reference is gone (a `PyProxy` was collected).
pub fn release(key: PyRef) -> Result<(), OpError> {
    Python::attach(|_| crate::pytable::release(key)).map_err(OpError::Bridge)
}

/// `destroy()`: the class name (for the error a later use raises), then one
/// reference dropped: one crossing for both.
pub fn destroy(key: PyRef) -> Result<String, OpError> {
    let name = Python::attach(|py| {
        crate::pytable::get(py, key)
            .ok()
            .map(|o| crate::ffi::tp_name(&o))
    });
    release(key)?;
    Ok(name.unwrap_or_else(|| "object".to_owned()))
}

/// The traceback text of the exception held at `key` (a `PythonError`'s
/// message, formatted on first read).
pub fn format_exception(key: PyRef) -> Result<String, OpError> {
    with_obj(key, |exc| Ok(crate::error::format_exception(&exc)))
}

/// `runPython(code)`.
pub fn run_python(code: &str) -> Result<Value, OpError> {
    attached(|py| crate::runner::run(py, code).and_then(|v| out(&v)))
}

/// `runPythonAsync(code)`: the `AsyncRun` object the JS driver steps.
pub fn run_python_async(code: &str) -> Result<Value, OpError> {
    attached(|py| crate::runner::run_async(py, code).and_then(|v| out(&v)))
}

/// `pyimport(name)`.
pub fn import(name: &str) -> Result<Value, OpError> {
    attached(|py| py.import(name).and_then(|m| out(m.as_any())))
}

/// `globals`: `__main__.__dict__`.
pub fn globals() -> Result<Value, OpError> {
    attached(|py| crate::runner::main_globals(py).and_then(|g| out(g.as_any())))
}

/// Take a reference on a Python-table entry: a `PyProxy` crossing back to
/// Python carries its own reference, like every handle in a `Value`.
pub fn share(key: PyRef) -> Result<PyHandle, bridge_core::error::BridgeError> {
    crate::pytable::share(key)
}

/// The current crossing depth and its limit (for tests and diagnostics).
pub fn crossing_depth() -> (u32, u32) {
    (crate::depth::current(), crate::depth::limit())
}

/// Change the crossing-depth limit (a runtime option).
pub fn set_crossing_limit(limit: u32) {
    crate::depth::set_limit(limit)
}

/// Live entries in the Python-object table.
pub fn live_py_handles() -> usize {
    crate::pytable::live()
}

pub use crate::ffi::buffer::HeldInfo;

/// `proxy.getBuffer()`: a zero-copy view of a Python buffer, held until
/// [`release_buffer`]: `(id, info)`. A non-buffer is a `TypeError`.
pub fn get_buffer(key: PyRef) -> Result<(u32, HeldInfo), OpError> {
    with_obj(key, |obj| {
        if !crate::ffi::has_buffer(&obj) {
            let t = obj.get_type().name()?;
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "getBuffer: a '{t}' object does not support the buffer protocol"
            )));
        }
        crate::ffi::buffer::hold(&obj)
    })
}

/// Release a view `get_buffer` made; `false` when it was released already.
pub fn release_buffer(id: u32) -> bool {
    Python::attach(|_| crate::ffi::buffer::release_held(id))
}
