//! `JsDeep`: `to_py()`'s plan, walked in JS in one call (`package/to_py.js`),
//! copied into memory in a second, decoded by bridge-core (`convert::wire`).

use bridge_core::convert::{wire, Plan, PlanNode};
use bridge_core::handle::JsRef;
use bridge_core::value::Value as V;
use bridge_py::crossing::Ref;
use bridge_py::host::{JsDeep, JsError, ToJsOptions};

use super::{lookup, refused, thrown, to_js, to_python, JsRuntime};
use crate::hooks;

impl JsDeep for JsRuntime {
    fn to_js_build(
        &self,
        ops: &[f64],
        pool: &[u16],
        objects: Vec<Ref>,
        options: ToJsOptions,
    ) -> Result<bridge_py::crossing::Value, JsError> {
        let array = js_sys::Array::new();
        for o in objects {
            array.push(&to_js(V::Handle(o))?);
        }
        let conv = match options.dict_converter {
            Some(v) => to_js(v)?,
            None => wasm_bindgen::JsValue::NULL,
        };
        let pyproxies = match options.pyproxies {
            Some(v) => to_js(v)?,
            None => wasm_bindgen::JsValue::NULL,
        };
        let addr = |p: usize| p as u32;
        let v = hooks::with(|h| {
            h.to_js_build(
                addr(ops.as_ptr() as usize),
                ops.len() as u32,
                addr(pool.as_ptr() as usize),
                pool.len() as u32,
                array,
                &conv,
                &pyproxies,
            )
        })
        .map_err(thrown)?;
        to_python(v)
    }

    fn to_py_plan(&self, obj: JsRef, max_depth: i32) -> Result<Plan<Ref>, JsError> {
        let target = lookup(obj)?;
        let sizes = hooks::with(|h| h.to_py_plan(&target, max_depth)).map_err(thrown)?;
        let result = (|| {
            let n = |i| sizes.get(i).as_f64().unwrap_or(0.0) as usize;
            let (n_ops, n_pool, n_objects) = (n(0), n(1), n(2));
            let mut ops = vec![0f64; n_ops];
            let mut pool = vec![0u16; n_pool];
            hooks::with(|h| {
                h.to_py_copy(
                    ops.as_mut_ptr() as usize as u32,
                    pool.as_mut_ptr() as usize as u32,
                )
            });
            let plan = wire::decode_plan(&ops, &pool, n_objects).map_err(refused)?;
            let mut nodes = Vec::with_capacity(plan.nodes.len());
            for node in plan.nodes {
                nodes.push(match node {
                    PlanNode::Leaf(V::Handle(i)) => {
                        PlanNode::Leaf(to_python(hooks::with(|h| h.to_py_object(i)))?)
                    }
                    PlanNode::Leaf(v) => {
                        PlanNode::Leaf(v.map_handle(|_| unreachable!("only objects carry handles")))
                    }
                    PlanNode::List(v) => PlanNode::List(v),
                    PlanNode::Map(v) => PlanNode::Map(v),
                    PlanNode::Set(v) => PlanNode::Set(v),
                });
            }
            Ok(Plan {
                nodes,
                root: plan.root,
            })
        })();
        hooks::with(|h| h.to_py_done());
        result
    }
}
