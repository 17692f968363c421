//! `pyodide.ffi.to_js(obj, *, depth=-1, pyproxies=None, create_pyproxies=True,
//! dict_converter=None, default_converter=None)` (and, through it, JS
//! `proxy.toJs(options)`): a Python object graph converted to JS in bulk.
//!
//! bridge-core's [`Planner`] walks the graph here ([`PyWalk`]: list/tuple →
//! Array, dict → Object or what `dict_converter` makes of its entries,
//! set/frozenset → Set, buffers → a typed array copy of their format), the
//! plan is written in the wire format of `to_py()`'s direction
//! ([`wire::encode_plan`]), and the JS side decodes it in one call. A shared
//! child is converted once, a cycle stays a cycle; objects with no rule become
//! PyProxies (collected in `pyproxies`), or a `ConversionError` with
//! `create_pyproxies=False`, unless `default_converter` converts them.

use std::collections::HashSet;

use bridge_core::convert::{wire, Plan, PlanOptions, Planner, Shape, Walk};
use bridge_core::error::BridgeError;
use bridge_core::value::Value as V;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PySet, PyString, PyTuple,
};

use crate::convert::from_py::py_to_value;
use crate::crossing::{Ref, Value};
use crate::host::{self, ToJsOptions};
use crate::jsproxy::JsProxy;

/// `eager_converter`, its `convert`, its `cacheConversion`, and their cache.
type Eager<'py> = (
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
);

/// How the walk sees Python objects. A Python error is kept here (the
/// planner speaks `BridgeError`) and raised when the plan fails.
struct PyWalk<'py> {
    _py: std::marker::PhantomData<Python<'py>>,
    /// `eager_converter` with its `convert` and cache, and the object it
    /// must not see (the one its own `convert(value)` asked to convert).
    eager: Option<Eager<'py>>,
    eager_skip: Option<usize>,
    /// Dicts become plain JS objects: keys must be str or numbers, and
    /// distinct once made strings.
    object_keys: bool,
    error: Option<PyErr>,
}

impl<'py> PyWalk<'py> {
    fn keep<T>(&mut self, r: PyResult<T>) -> Result<T, BridgeError> {
        r.map_err(|e| {
            let msg = e.to_string();
            self.error = Some(e);
            BridgeError::conversion("object", msg)
        })
    }

    /// The JS property name a dict key becomes: JS `String(key)` of its
    /// converted value, as UTF-16 code units (lone surrogates kept, so two
    /// names are equal exactly when JS takes them as one), or why it cannot
    /// be one.
    fn property_name(&mut self, key: &Bound<'py, PyAny>) -> Result<Vec<u16>, BridgeError> {
        let ascii = |s: &str| -> Vec<u16> { s.encode_utf16().collect() };
        if let Ok(s) = key.cast::<PyString>() {
            let text = crate::convert::from_py::str_to_text(s);
            return Ok(self.keep(text)?.to_utf16().into_owned());
        }
        if let Ok(b) = key.cast::<PyBool>() {
            return Ok(ascii(if b.is_true() { "true" } else { "false" }));
        }
        if key.is_none() {
            return Ok(ascii("undefined"));
        }
        if crate::jsnull::is_jsnull(key) {
            return Ok(ascii("null"));
        }
        if let Ok(i) = key.cast::<PyInt>() {
            let s = self.keep(i.str().map(|s| s.to_string()))?;
            return Ok(ascii(&s));
        }
        if let Ok(f) = key.cast::<PyFloat>() {
            return Ok(ascii(&bridge_core::value::number_to_js_string(f.value())));
        }
        Err(self.fail(bad_key(key, "Map")))
    }

    /// A Python buffer: a typed array copy of its format (1-D), nested
    /// Arrays of rows (n-D), an Array of booleans (format `?`), as in Pyodide.
    fn buffer_shape(
        &mut self,
        node: &Bound<'py, PyAny>,
    ) -> Result<Shape<Bound<'py, PyAny>, Ref>, BridgeError> {
        let py = node.py();
        if node.is_instance_of::<PyBytes>() || node.is_instance_of::<PyByteArray>() {
            let r = typed_array_of(node);
            return Ok(Shape::Leaf(self.keep(r)?));
        }
        let view = py
            .import("builtins")
            .and_then(|b| b.getattr("memoryview")?.call1((node,)));
        let view = self.keep(view)?;
        let format: String = self.keep(view.getattr("format").and_then(|f| f.extract()))?;
        let ndim: usize = self.keep(view.getattr("ndim").and_then(|n| n.extract()))?;
        if format.trim_start_matches(['@', '=', '<', '>', '!']) == "?" {
            let items = self.keep(view.call_method0("tolist"))?;
            let items = self.keep(
                items
                    .try_iter()
                    .and_then(|i| i.collect::<PyResult<Vec<_>>>()),
            )?;
            return Ok(Shape::List(items));
        }
        if ndim > 1 {
            let rows = py
                .import(crate::runner::MODULE_NAME)
                .and_then(|m| m.getattr("nd_rows")?.call1((&view,)))
                .and_then(|rows| rows.try_iter()?.collect::<PyResult<Vec<_>>>());
            return Ok(Shape::List(self.keep(rows)?));
        }
        if bridge_core::buffer::parse_format(&format).is_err() && format != "B" {
            let c = format.trim_start_matches(['@', '=', '<', '>', '!']);
            return Err(self.fail(format!("Unrecognized format character '{c}'.")));
        }
        let r = typed_array_of(&view);
        Ok(Shape::Leaf(self.keep(r)?))
    }

    /// Fail with `ConversionError("Conversion from python to javascript
    /// failed")` caused by `e` (a user method that raised).
    fn fail_from(&mut self, e: PyErr) -> BridgeError {
        let err = crate::jsexception::ConversionError::new_err(
            "Conversion from python to javascript failed",
        );
        Python::attach(|py| err.set_cause(py, Some(e)));
        self.error = Some(err);
        BridgeError::conversion("object", "a method raised")
    }

    /// Fail with `ConversionError(message)`, the message exactly as given.
    fn fail(&mut self, message: String) -> BridgeError {
        self.error = Some(crate::jsexception::ConversionError::new_err(
            message.clone(),
        ));
        BridgeError::conversion("object", message)
    }
}

/// Only primitives can be keys of a converted dict or members of a converted
/// set (as in Pyodide, whatever `dict_converter` is given).
fn is_primitive_key(key: &Bound<'_, PyAny>) -> bool {
    key.is_none()
        || key.is_instance_of::<PyBool>()
        || key.is_instance_of::<PyInt>()
        || key.is_instance_of::<PyFloat>()
        || key.is_instance_of::<PyString>()
        || key.is_instance_of::<JsProxy>()
        || crate::jsnull::is_jsnull(key)
}

fn bad_key(key: &Bound<'_, PyAny>, what: &str) -> String {
    let r = key
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "the key".into());
    format!("Cannot use {r} as a key for a Javascript {what}")
}

impl<'py> Walk for PyWalk<'py> {
    type Node = Bound<'py, PyAny>;
    type Id = usize;
    type Handle = Ref;

    fn identity(&mut self, node: &Self::Node) -> Option<usize> {
        // Containers and buffers: one reached twice converts once (a buffer
        // into one typed array). The planner keeps them alive for the walk.
        let memoized = node.is_instance_of::<PyList>()
            || node.is_instance_of::<PyTuple>()
            || node.is_instance_of::<PyDict>()
            || node.is_instance_of::<PySet>()
            || node.is_instance_of::<PyBytes>()
            || node.is_instance_of::<PyByteArray>()
            || (!node.is_instance_of::<JsProxy>() && crate::ffi::has_buffer(node));
        memoized.then(|| node.as_ptr() as usize)
    }

    fn is_container(&mut self, node: &Self::Node) -> Option<bool> {
        // With an eager converter, shape() decides: the converter sees every object.
        if self.eager.is_some() {
            return None;
        }
        let container = node.is_instance_of::<PyList>()
            || node.is_instance_of::<PyTuple>()
            || node.is_instance_of::<PyDict>()
            || node.is_instance_of::<PySet>();
        container.then_some(true)
    }

    fn shape(&mut self, node: &Self::Node) -> Result<Shape<Self::Node, Ref>, BridgeError> {
        if node.is_none()
            || node.is_instance_of::<PyBool>()
            || node.is_instance_of::<PyInt>()
            || node.is_instance_of::<PyFloat>()
            || node.is_instance_of::<PyString>()
            || node.is_instance_of::<JsProxy>()
            || crate::jsnull::is_jsnull(node)
        {
            let v = py_to_value(node);
            return Ok(Shape::Leaf(self.keep(v)?));
        }
        if let Some((eager, convert, cache_fn, cache)) = &self.eager {
            if self.eager_skip != Some(node.as_ptr() as usize) {
                let r = node
                    .py()
                    .import(crate::runner::MODULE_NAME)
                    .and_then(|m| m.getattr("call_default_converter"))
                    .and_then(|call| call.call1((eager, node, convert, cache_fn, cache)))
                    .and_then(|v| py_to_value(&v));
                return r.map(Shape::Leaf).map_err(|e| self.fail_from(e));
            }
        }
        if let Ok(list) = node.cast::<PyList>() {
            if !node.is_exact_instance_of::<PyList>() {
                // A subclass may override __len__/__iter__: they are called,
                // and a failure is a ConversionError naming it (as in Pyodide).
                let items = node
                    .len()
                    .and_then(|_| node.try_iter()?.collect::<PyResult<Vec<_>>>());
                return items.map(Shape::List).map_err(|e| self.fail_from(e));
            }
            return Ok(Shape::List(list.iter().collect()));
        }
        if let Ok(t) = node.cast::<PyTuple>() {
            return Ok(Shape::List(t.iter().collect()));
        }
        if let Ok(d) = node.cast::<PyDict>() {
            let mut seen = HashSet::new();
            for k in d.keys() {
                if !is_primitive_key(&k) {
                    return Err(self.fail(bad_key(&k, "Map")));
                }
                if self.object_keys {
                    let name = self.property_name(&k)?;
                    if !seen.insert(name.clone()) {
                        let name = String::from_utf16_lossy(&name);
                        return Err(self.fail(format!(
                            "Key collision when converting Python dictionary to JavaScript. Key: '{name}'"
                        )));
                    }
                }
            }
            if !node.is_exact_instance_of::<PyDict>() {
                let items = node.call_method0("items").and_then(|it| {
                    it.try_iter()?
                        .map(|kv| {
                            let kv = kv?;
                            Ok((kv.get_item(0)?, kv.get_item(1)?))
                        })
                        .collect::<PyResult<Vec<_>>>()
                });
                return items.map(Shape::Map).map_err(|e| self.fail_from(e));
            }
            return Ok(Shape::Map(d.iter().collect()));
        }
        if let Ok(s) = node.cast::<PySet>() {
            let items: Vec<_> = s.iter().collect();
            if let Some(k) = items.iter().find(|k| !is_primitive_key(k)) {
                let msg = bad_key(k, "Set");
                return Err(self.fail(msg));
            }
            return Ok(Shape::Set(items));
        }
        if node.is_instance_of::<PyBytes>()
            || node.is_instance_of::<PyByteArray>()
            || crate::ffi::has_buffer(node)
        {
            return self.buffer_shape(node);
        }
        if let Some(js) = crate::jsexception::original_js_error(node) {
            return Ok(Shape::Leaf(js));
        }
        let type_name = node
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        Ok(Shape::Unsupported { type_name })
    }

    fn by_ref(&mut self, node: &Self::Node) -> Result<Ref, BridgeError> {
        Ok(Ref::Py(crate::pytable::export(node)?))
    }
}

/// A new JS typed array holding a copy of a Python buffer's bytes, of the
/// kind its format names (`array('d')` → Float64Array; bytes → Uint8Array).
fn typed_array_of(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let py = obj.py();
    let r = crate::ffi::buffer::with_bytes(obj, |bytes, format| {
        let kind = bridge_core::buffer::parse_format(format)
            .ok()
            .filter(|f| f.is_native_order())
            .map(|f| f.kind);
        host::buffers::new_typed_array(py, kind, bytes)
    });
    match r {
        Ok(v) => Ok(v),
        // Not contiguous (`memoryview(b)[::-1]`): through a contiguous copy.
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyBufferError>(py) => {
            let copy = obj.call_method0("tobytes")?;
            let format: String = obj
                .getattr("format")
                .and_then(|f| f.extract())
                .unwrap_or_else(|_| "B".into());
            let kind = bridge_core::buffer::parse_format(&format)
                .ok()
                .filter(|f| f.is_native_order())
                .map(|f| f.kind);
            crate::ffi::buffer::with_bytes(&copy, |bytes, _| {
                host::buffers::new_typed_array(py, kind, bytes)
            })
        }
        Err(e) => Err(e),
    }
}

/// Options of one `to_js` call, as given.
pub struct Options<'py> {
    pub depth: i32,
    pub pyproxies: Option<Bound<'py, PyAny>>,
    pub create_pyproxies: bool,
    pub dict_converter: Option<Bound<'py, PyAny>>,
    pub default_converter: Option<Bound<'py, PyAny>>,
    pub eager_converter: Option<Bound<'py, PyAny>>,
    /// Internal: the object the eager converter's own `convert` asked for.
    pub eager_skip: Option<Bound<'py, PyAny>>,
}

/// `to_js(obj, ...)`: the converted JS value, as Python sees it (a JsProxy,
/// or a primitive).
pub fn to_js<'py>(obj: &Bound<'py, PyAny>, options: Options<'py>) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    if let Some(list) = &options.pyproxies {
        if !list.is_instance_of::<crate::jsproxy::JsArray>() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "Expected a JsArray for the pyproxies argument",
            ));
        }
    }
    let max_depth = if options.depth < 0 {
        usize::MAX
    } else {
        options.depth as usize
    };
    let eager = match &options.eager_converter {
        Some(conv) => {
            let (convert, cache_fn, cache) = nested_converter(py, &options, Some(conv))?;
            Some((conv.clone(), convert, cache_fn, cache))
        }
        None => None,
    };
    let mut walk = PyWalk {
        _py: std::marker::PhantomData,
        eager,
        eager_skip: options.eager_skip.as_ref().map(|o| o.as_ptr() as usize),
        object_keys: options.dict_converter.is_none(),
        error: None,
    };
    // Objects with no rule: the user converter, else a PyProxy (or an error).
    let converter = options.default_converter.clone();
    let convert_nested = match &converter {
        Some(_) => Some(nested_converter(py, &options, None)?),
        None => None,
    };
    let create = options.create_pyproxies;
    let plan: Result<Plan<Ref>, BridgeError> = {
        let mut planner = Planner::new(PlanOptions {
            max_depth,
            ..PlanOptions::default()
        })
        .with_converter(move |node, walk: &mut PyWalk<'py>| {
            if let (Some(conv), Some(nested)) = (&converter, &convert_nested) {
                let r = py
                    .import(crate::runner::MODULE_NAME)
                    .and_then(|m| m.getattr("call_default_converter"))
                    .and_then(|call| call.call1((conv, node, &nested.0, &nested.1, &nested.2)))
                    .and_then(|v| py_to_value(&v));
                return match r {
                    Ok(v) => Ok(Some(Shape::Leaf(v))),
                    Err(e) => {
                        let err = crate::jsexception::ConversionError::new_err(
                            "Conversion from python to javascript failed",
                        );
                        err.set_cause(py, Some(e));
                        walk.error = Some(err);
                        Err(BridgeError::conversion(
                            "object",
                            "default_converter raised",
                        ))
                    }
                };
            }
            if create {
                return Ok(Some(Shape::Leaf(V::Handle(Ref::Py(
                    crate::pytable::export(node)?,
                )))));
            }
            Err(walk.fail("No conversion known for x.".to_owned()))
        });
        planner.plan(&mut walk, obj.clone())
    };
    let plan = match plan {
        Ok(p) => p,
        Err(e) => {
            return Err(walk
                .error
                .take()
                .unwrap_or_else(|| crate::error::bridge_to_pyerr(e)))
        }
    };
    // A lone value needs no JS-side build. An object with no rule at the root
    // becomes a JS PyProxy that Python holds, a JsDoubleProxy, as in Pyodide
    // (`destroy()` it, or let it be collected).
    if let [bridge_core::convert::PlanNode::Leaf(_)] = plan.nodes.as_slice() {
        let Some(bridge_core::convert::PlanNode::Leaf(v)) = plan.nodes.into_iter().next() else {
            unreachable!("checked above")
        };
        if matches!(v, V::Handle(Ref::Py(_))) {
            let proxy = host::double_proxy(py, v, true, false)?;
            let proxy = crate::convert::to_py::value_to_py(py, proxy, None)?;
            if let Some(list) = &options.pyproxies {
                list.call_method1("push", (&proxy,))?;
            }
            return Ok(proxy);
        }
        return crate::convert::to_py::value_to_py(py, v, None);
    }
    let (ops, pool, objects) = wire::encode_plan(plan).map_err(crate::error::bridge_to_pyerr)?;
    let opts = ToJsOptions {
        dict_converter: js_ref(&options.dict_converter)?,
        pyproxies: js_ref(&options.pyproxies)?,
    };
    let v = host::to_js_build(py, &ops, &pool, objects, opts)?;
    crate::convert::to_py::value_to_py(py, v, None)
}

/// A JS value given as an option (a JsProxy), as the value the host gets.
fn js_ref(v: &Option<Bound<'_, PyAny>>) -> PyResult<Option<Value>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => py_to_value(v).map(Some),
    }
}

/// The `convert` and `cacheConversion` a `default_converter` gets: `to_js`
/// with the same options, and (accepted, not needed: shared children are
/// converted once anyway) a cache hook.
fn nested_converter<'py>(
    py: Python<'py>,
    options: &Options<'py>,
    eager: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let common = (
        options.depth,
        options.pyproxies.clone(),
        options.create_pyproxies,
        options.dict_converter.clone(),
        options.default_converter.clone(),
    );
    let m = py.import(crate::runner::MODULE_NAME)?;
    let t = match eager {
        // `convert` of an eager converter: the built-in rules for the value itself.
        Some(e) => m
            .getattr("nested_eager")?
            .call1((common.0, common.1, common.2, common.3, common.4, e))?,
        None => m.getattr("nested_to_js")?.call1(common)?,
    };
    Ok((t.get_item(0)?, t.get_item(1)?, t.get_item(2)?))
}
