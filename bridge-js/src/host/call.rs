//! `JsCalls`: calling functions and constructors.

use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{CallArgs, JsCalls, JsError};
use wasm_bindgen::JsValue;

use super::{lookup, thrown, to_js, to_python, JsRuntime};
use crate::{hooks, strings};

/// The JS arguments: the positional ones, then the keyword arguments as one
/// trailing plain object (Pyodide's convention). Every `Value` not yet
/// converted when one fails is dropped, releasing its handle.
fn js_args(args: CallArgs) -> Result<Vec<JsValue>, JsError> {
    let mut out = Vec::with_capacity(args.args.len() + usize::from(!args.kwargs.is_empty()));
    for a in args.args {
        out.push(to_js(a)?);
    }
    if !args.kwargs.is_empty() {
        let kw = js_sys::Object::new();
        for (k, v) in args.kwargs {
            let v = to_js(v)?;
            hooks::with(|h| h.define_kwarg(&kw, &strings::to_js(&k), &v));
        }
        out.push(kw.into());
    }
    Ok(out)
}

fn apply(f: &JsValue, this: &JsValue, args: &[JsValue]) -> Result<JsValue, JsValue> {
    hooks::with(|h| match args {
        [] => h.call0(f, this),
        [a] => h.call1(f, this, a),
        [a, b] => h.call2(f, this, a, b),
        [a, b, c] => h.call3(f, this, a, b, c),
        _ => h.call(f, this, args.iter().collect()),
    })
}

impl JsCalls for JsRuntime {
    fn call(&self, func: JsRef, this: Option<JsRef>, args: CallArgs) -> Result<Value, JsError> {
        let f = lookup(func)?;
        let this = match this {
            Some(t) => lookup(t)?,
            None => JsValue::UNDEFINED,
        };
        let args = js_args(args)?;
        to_python(apply(&f, &this, &args).map_err(thrown)?)
    }

    fn construct(&self, ctor: JsRef, args: CallArgs) -> Result<Value, JsError> {
        let c = lookup(ctor)?;
        let args: js_sys::Array = js_args(args)?.iter().collect();
        let result = hooks::with(|h| h.construct(&c, args)).map_err(thrown)?;
        to_python(result)
    }
}
