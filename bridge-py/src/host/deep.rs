//! Deep conversion of a JS object graph, planned by the JS side in one walk
//! (`to_py()`; see `bridge_core::convert::wire`).

use bridge_core::convert::Plan;
use bridge_core::handle::JsRef;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Ref;

pub trait JsDeep {
    /// The plan of `obj`'s graph: containers deeper than `max_depth` (or
    /// none when negative) and objects with no rule cross by reference.
    fn to_py_plan(&self, obj: JsRef, max_depth: i32) -> Result<Plan<Ref>, JsError>;
}

pub(crate) fn to_py_plan(py: Python<'_>, obj: JsRef, max_depth: i32) -> PyResult<Plan<Ref>> {
    crossing(py, |h| h.to_py_plan(obj, max_depth))
}
