//! [`JsHost`] on js-sys: what Python asks of JavaScript.

use bridge_core::error::BridgeError;
use bridge_core::handle::JsRef;
use bridge_py::crossing::Value;
use bridge_py::host::{CallArgs, JsError, JsHost};
use wasm_bindgen::JsValue;

use crate::convert::{from_value, to_value};
use crate::{hooks, jstable, names};

pub struct JsRuntime;

pub static RUNTIME: JsRuntime = JsRuntime;

/// A JS exception (or a bridge refusal) as Python will see it.
fn thrown(e: JsValue) -> JsError {
    let info = hooks::with(|h| h.error_info(&e));
    let name = info.get(0).as_string().unwrap_or_else(|| "Error".to_owned());
    let message = info.get(1).as_string().unwrap_or_default();
    let value = if e.is_object() { to_value(e).ok() } else { None };
    JsError { name, message, value }
}

fn refused(e: BridgeError) -> JsError {
    JsError { name: e.js_class().to_owned(), message: e.to_string(), value: None }
}

fn lookup(obj: JsRef) -> Result<JsValue, JsError> {
    jstable::get(obj).map_err(refused)
}

fn incoming(v: JsValue) -> Result<Value, JsError> {
    to_value(v).map_err(refused)
}

fn outgoing(v: Value) -> Result<JsValue, JsError> {
    from_value(v).map_err(refused)
}

/// The JS arguments: the positional ones, then the keyword arguments as one
/// trailing plain object (Pyodide's convention).
fn js_args(args: CallArgs) -> Result<Vec<JsValue>, JsError> {
    let mut out = Vec::with_capacity(args.args.len() + usize::from(!args.kwargs.is_empty()));
    for a in args.args {
        out.push(outgoing(a)?);
    }
    if !args.kwargs.is_empty() {
        let kw = js_sys::Object::new();
        for (k, v) in args.kwargs {
            js_sys::Reflect::set(&kw, &names::js_name(&k), &outgoing(v)?).map_err(thrown)?;
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

impl JsHost for JsRuntime {
    fn global(&self, name: &str) -> Result<Option<Value>, JsError> {
        let v = hooks::with(|h| h.get_global(name)).map_err(thrown)?;
        if v.is_undefined() && !hooks::with(|h| h.has_global(name)).map_err(thrown)? {
            return Ok(None);
        }
        incoming(v).map(Some)
    }

    fn get(&self, obj: JsRef, name: &str) -> Result<Option<Value>, JsError> {
        let target = lookup(obj)?;
        let key = names::js_name(name);
        let v = incoming(hooks::with(|h| h.get_prop(&target, &key)).map_err(thrown)?)?;
        if matches!(v, Value::Undefined) && !hooks::with(|h| h.has_prop(&target, &key)).map_err(thrown)? {
            return Ok(None);
        }
        Ok(Some(v))
    }

    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError> {
        let target = lookup(obj)?;
        let value = outgoing(value)?;
        hooks::with(|h| h.set_prop(&target, &names::js_name(name), &value)).map_err(thrown)
    }

    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.delete_prop(&target, &names::js_name(name))).map_err(thrown)
    }

    fn call(&self, func: JsRef, this: Option<JsRef>, args: CallArgs) -> Result<Value, JsError> {
        let f = lookup(func)?;
        let this = match this {
            Some(t) => lookup(t)?,
            None => JsValue::UNDEFINED,
        };
        let args = js_args(args)?;
        incoming(apply(&f, &this, &args).map_err(thrown)?)
    }

    fn construct(&self, ctor: JsRef, args: CallArgs) -> Result<Value, JsError> {
        let c = lookup(ctor)?;
        let args: js_sys::Array = js_args(args)?.iter().collect();
        let result = hooks::with(|h| h.construct(&c, args)).map_err(thrown)?;
        incoming(result)
    }

    fn to_string(&self, obj: JsRef) -> Result<String, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.to_str(&target)).map_err(thrown)
    }

    fn truthy(&self, obj: JsRef) -> Result<bool, JsError> {
        let target = lookup(obj)?;
        hooks::with(|h| h.truthy(&target)).map_err(thrown)
    }

    fn same(&self, a: JsRef, b: JsRef) -> bool {
        match (jstable::get(a), jstable::get(b)) {
            (Ok(a), Ok(b)) => js_sys::Object::is(&a, &b),
            _ => false,
        }
    }

    fn incref(&self, obj: JsRef) {
        // A live proxy names a live entry; a failure here is a bridge bug and
        // would at worst leave this proxy without its extra reference.
        let _ = jstable::incref(obj);
    }

    fn release(&self, obj: JsRef) {
        let _ = jstable::release(obj);
    }
}
