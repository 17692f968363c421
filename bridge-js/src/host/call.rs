//! `JsCalls`: calling functions and constructors.

use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{CallArgs, JsCalls, JsError};
use wasm_bindgen::JsValue;

use bridge_core::boundary::{Tag, TagWord};

use super::{lookup, refused, thrown, to_js, to_python, JsRuntime};
use crate::convert::{from_word, write_value};
use crate::{hooks, scratch, strings};

/// Up to `MAX_ARGS` positional arguments, through the scratch area: one call
/// to JS for the call and its classified result.
fn call_fast(f: &JsValue, this: &JsValue, args: bridge_py::host::Args) -> Result<Value, JsError> {
    let n = args.len();
    let mut objs = [JsValue::UNDEFINED, JsValue::UNDEFINED, JsValue::UNDEFINED];
    let mut holds: [Option<String>; scratch::MAX_ARGS] = Default::default();
    for (i, a) in args.into_iter().enumerate() {
        match write_value(
            a,
            scratch::arg_word(i),
            scratch::arg_value(i),
            &mut holds[i],
        ) {
            Ok(o) => objs[i] = o,
            Err(e) => {
                release_written(i);
                return Err(refused(e));
            }
        }
    }
    let r = hooks::with(|h| h.call_fast(f, this, n as u32, &objs[0], &objs[1], &objs[2]));
    drop(holds); // JS has read the strings by now
    let word = super::result_word()?;
    from_word(r, word, scratch::RESULT).map_err(refused)
}

/// An argument list that failed halfway: the Python references already
/// written for JS to take are released instead.
fn release_written(n: usize) {
    for i in 0..n {
        if TagWord(scratch::f64(scratch::arg_word(i)) as u32).tag() == Some(Tag::Python) {
            if let Ok(key) =
                <bridge_core::handle::PyRef as bridge_core::handle::TableKey>::from_wire_f64(
                    scratch::f64(scratch::arg_value(i)),
                )
            {
                let _ = bridge_py::ops::release(key);
            }
        }
    }
}

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
            let k = strings::to_js(&k).map_err(refused)?;
            hooks::with(|h| h.define_kwarg(&kw, &k, &v));
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
        if args.kwargs.is_empty() && args.args.len() <= scratch::MAX_ARGS {
            return call_fast(&f, &this, args.args);
        }
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
