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
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString,
    PyTuple,
};

use crate::convert::from_py::py_to_value;
use crate::crossing::{Ref, Value};
use crate::host::{self, ToJsOptions};
use crate::jsproxy::JsProxy;

/// How the walk sees Python objects. A Python error is kept here (the
/// planner speaks `BridgeError`) and raised when the plan fails.
struct PyWalk<'py> {
    _py: std::marker::PhantomData<Python<'py>>,
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

    /// The JS property name a dict key becomes, or why it cannot be one.
    fn property_name(&mut self, key: &Bound<'py, PyAny>) -> Result<String, BridgeError> {
        if let Ok(s) = key.cast::<PyString>() {
            return self.keep(
                s.to_str()
                    .map(str::to_owned)
                    .or_else(|_| Ok(s.to_string_lossy().into_owned())),
            );
        }
        if key.is_instance_of::<PyBool>() {
            return Err(BridgeError::conversion(
                "bool",
                "a dict key must be a str or a number to become a JS object property; use dict_converter (e.g. js.Map.new) for other keys",
            ));
        }
        if let Ok(i) = key.cast::<PyInt>() {
            return self.keep(i.str().map(|s| s.to_string()));
        }
        if let Ok(f) = key.cast::<PyFloat>() {
            let x = f.value();
            return Ok(if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
                format!("{}", x as i64)
            } else {
                format!("{x}")
            });
        }
        let t = key
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        Err(BridgeError::conversion(
            t,
            "a dict key must be a str or a number to become a JS object property; use dict_converter (e.g. js.Map.new or Object.fromEntries) for other keys",
        ))
    }
}

impl<'py> Walk for PyWalk<'py> {
    type Node = Bound<'py, PyAny>;
    type Id = usize;
    type Handle = Ref;

    fn identity(&mut self, node: &Self::Node) -> Option<usize> {
        let container = node.is_instance_of::<PyList>()
            || node.is_instance_of::<PyTuple>()
            || node.is_instance_of::<PyDict>()
            || node.is_instance_of::<PySet>()
            || node.is_instance_of::<PyFrozenSet>();
        container.then(|| node.as_ptr() as usize)
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
        if let Ok(list) = node.cast::<PyList>() {
            return Ok(Shape::List(list.iter().collect()));
        }
        if let Ok(t) = node.cast::<PyTuple>() {
            return Ok(Shape::List(t.iter().collect()));
        }
        if let Ok(d) = node.cast::<PyDict>() {
            if self.object_keys {
                let mut seen = HashSet::new();
                for k in d.keys() {
                    let name = self.property_name(&k)?;
                    if !seen.insert(name.clone()) {
                        return Err(BridgeError::conversion(
                            "dict",
                            format!("two keys become the same JS property name {name:?}; use dict_converter (e.g. js.Map.new) to keep both"),
                        ));
                    }
                }
            }
            return Ok(Shape::Map(d.iter().collect()));
        }
        if let Ok(s) = node.cast::<PySet>() {
            return Ok(Shape::Set(s.iter().collect()));
        }
        if let Ok(s) = node.cast::<PyFrozenSet>() {
            return Ok(Shape::Set(s.iter().collect()));
        }
        if node.is_instance_of::<PyBytes>()
            || node.is_instance_of::<PyByteArray>()
            || crate::ffi::has_buffer(node)
        {
            let r = typed_array_of(node);
            return Ok(Shape::Leaf(self.keep(r)?));
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
}

/// `to_js(obj, ...)`: the converted JS value, as Python sees it (a JsProxy,
/// or a primitive).
pub fn to_js<'py>(obj: &Bound<'py, PyAny>, options: Options<'py>) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    let max_depth = if options.depth < 0 {
        usize::MAX
    } else {
        options.depth as usize
    };
    let mut walk = PyWalk {
        _py: std::marker::PhantomData,
        object_keys: options.dict_converter.is_none(),
        error: None,
    };
    // Objects with no rule: the user converter, else a PyProxy (or an error).
    let converter = options.default_converter.clone();
    let convert_nested = match &converter {
        Some(_) => Some(nested_converter(py, &options)?),
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
                let cache = py.None();
                let r = conv
                    .call1((node, nested, cache))
                    .and_then(|v| py_to_value(&v));
                return walk.keep(r).map(|v| Some(Shape::Leaf(v)));
            }
            if create {
                return Ok(Some(Shape::Leaf(V::Handle(Ref::Py(
                    crate::pytable::export(node)?,
                )))));
            }
            Ok(None)
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
    // A lone value (not an object that becomes a PyProxy) needs no JS-side build.
    if let [bridge_core::convert::PlanNode::Leaf(v)] = plan.nodes.as_slice() {
        if !matches!(v, V::Handle(Ref::Py(_))) {
            let Some(bridge_core::convert::PlanNode::Leaf(v)) = plan.nodes.into_iter().next()
            else {
                unreachable!("checked above")
            };
            return crate::convert::to_py::value_to_py(py, v, None);
        }
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

/// The `convert` a `default_converter` gets: `to_js` with the same options.
fn nested_converter<'py>(py: Python<'py>, options: &Options<'py>) -> PyResult<Bound<'py, PyAny>> {
    py.import(crate::runner::MODULE_NAME)?
        .getattr("nested_to_js")?
        .call1((
            options.depth,
            options.pyproxies.clone(),
            options.create_pyproxies,
            options.dict_converter.clone(),
            options.default_converter.clone(),
        ))
}
