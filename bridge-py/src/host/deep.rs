//! Deep conversion of a JS object graph, planned by the JS side in one walk
//! (`to_py()`; see `bridge_core::convert::wire`).

use bridge_core::convert::Plan;
use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::{Ref, Value};

/// The JS-side options of one `to_js` build.
#[derive(Debug, Default)]
pub struct ToJsOptions {
    /// A JS function turning a dict's `[key, value]` entries into its JS
    /// value (`Object.fromEntries`, `(e) => new Map(e)`); `None`: a plain object.
    pub dict_converter: Option<Value>,
    /// A JS array every PyProxy made is pushed to.
    pub pyproxies: Option<Value>,
}

pub trait JsDeep {
    /// The plan of `obj`'s graph: containers deeper than `max_depth` (or
    /// none when negative) and objects with no rule cross by reference.
    fn to_py_plan(&self, obj: JsRef, max_depth: i32) -> Result<Plan<Ref>, JsError>;
    /// Build the JS value of a plan in `bridge_core::convert::wire`'s format
    /// (`to_js`), its by-reference leaves in `objects`.
    fn to_js_build(
        &self,
        ops: &[f64],
        pool: &[u16],
        objects: Vec<Ref>,
        options: ToJsOptions,
    ) -> Result<Value, JsError>;
}

pub(crate) fn to_py_plan(py: Python<'_>, obj: JsRef, max_depth: i32) -> PyResult<Plan<Ref>> {
    crossing(py, |h| h.to_py_plan(obj, max_depth))
}

pub(crate) fn to_js_build(
    py: Python<'_>,
    ops: &[f64],
    pool: &[u16],
    objects: Vec<Ref>,
    options: ToJsOptions,
) -> PyResult<Value> {
    crossing(py, |h| h.to_js_build(ops, pool, objects, options))
}
