//! The functions the JS package calls (`package/index.js`, `package/pyproxy.js`).
//! Not a public JS API: names and shapes may change with the package.

use bridge_core::error::BridgeError;
use bridge_core::handle::{PyRef, TableKey};
use bridge_py::error::OpError;
use bridge_py::ops;
use wasm_bindgen::prelude::*;

use bridge_core::boundary::TagWord;
use std::cell::RefCell;

use crate::convert::{from_value, from_word, to_value, write_result};
use crate::hooks::{self, Hooks};
use crate::scratch;

/// A bridge refusal as the JS error class its variant names.
fn bridge_error(e: BridgeError) -> JsValue {
    let msg = e.to_string();
    match e.js_class() {
        "TypeError" => js_sys::TypeError::new(&msg).into(),
        "RangeError" => js_sys::RangeError::new(&msg).into(),
        _ => js_sys::Error::new(&msg).into(),
    }
}

/// What JS throws for a failed operation. A `JsException` that came from JS
/// is thrown as the original JS value; any other Python exception becomes a
/// `PythonError` owning the exception's table entry.
fn op_error(e: OpError) -> JsValue {
    match e {
        OpError::Python(info) => {
            if let Some(original) = info.js_error {
                if let Ok(v) = from_value(original) {
                    return v;
                }
            }
            let key = info
                .exc
                .map(|o| o.into_raw().to_wire() as f64)
                .unwrap_or(-1.0);
            hooks::with(|h| h.make_python_error(&info.type_name, info.message, key))
        }
        OpError::Bridge(b) => bridge_error(b),
    }
}

fn key(k: f64) -> Result<PyRef, JsValue> {
    PyRef::from_wire_f64(k).map_err(bridge_error)
}

fn out(v: Result<bridge_py::crossing::Value, OpError>) -> Result<JsValue, JsValue> {
    from_value(v.map_err(op_error)?).map_err(bridge_error)
}

fn arg(v: JsValue) -> Result<bridge_py::crossing::Value, JsValue> {
    to_value(v).map_err(bridge_error)
}

/// Start Python. `hooks` is the package's `hooks.js` object.
#[wasm_bindgen]
pub fn init(hooks: Hooks) -> Result<(), JsValue> {
    hooks::install(hooks).map_err(|_| JsValue::from_str("bridge-js: init called twice"))?;
    let (f64s, bytes, cap) = crate::scratch::layout();
    hooks::with(|h| h.set_scratch(f64s, bytes, cap));
    bridge_py::host::install(&crate::host::RUNTIME);
    bridge_py::initialize().map_err(|info| op_error(OpError::Python(info)))?;
    // wasm has one thread: keep the GIL on it (see the function's doc).
    bridge_py::keep_gil_on_this_thread();
    Ok(())
}

#[wasm_bindgen]
pub fn run_python(code: &str) -> Result<JsValue, JsValue> {
    out(ops::run_python(code))
}

/// The `AsyncRun` behind `runPythonAsync`, as a PyProxy.
#[wasm_bindgen]
pub fn run_python_async(code: &str) -> Result<JsValue, JsValue> {
    out(ops::run_python_async(code))
}

#[wasm_bindgen]
pub fn pyimport(name: &str) -> Result<JsValue, JsValue> {
    out(ops::import(name))
}

#[wasm_bindgen]
pub fn globals() -> Result<JsValue, JsValue> {
    out(ops::globals())
}

/// `proxy[name]`; `undefined` when Python has no such attribute.
#[wasm_bindgen]
pub fn py_get(k: f64, name: &str) -> Result<JsValue, JsValue> {
    match ops::getattr(key(k)?, name).map_err(op_error)? {
        Some(v) => from_value(v).map_err(bridge_error),
        None => Ok(JsValue::UNDEFINED),
    }
}

#[wasm_bindgen]
pub fn py_set(k: f64, name: &str, value: JsValue) -> Result<(), JsValue> {
    ops::setattr(key(k)?, name, arg(value)?).map_err(op_error)
}

#[wasm_bindgen]
pub fn py_delete(k: f64, name: &str) -> Result<bool, JsValue> {
    ops::delattr(key(k)?, name).map_err(op_error)
}

#[wasm_bindgen]
pub fn py_has(k: f64, name: &str) -> Result<bool, JsValue> {
    ops::hasattr(key(k)?, name).map_err(op_error)
}

thread_local! {
    /// A fast call's result that is a JS value (tag word `returned`), for
    /// `take_result_object`: returning it directly would cost one more
    /// JS→wasm transition (freeing its externref slot) on every call.
    static RESULT_OBJECT: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
}

/// Leave a result in the scratch result slots; the word is also returned.
fn fast_out(v: Result<bridge_py::crossing::Value, OpError>) -> Result<u32, JsValue> {
    let v = v.map_err(op_error)?;
    let js = write_result(v).map_err(bridge_error)?;
    let word = scratch::f64(scratch::RESULT_WORD) as u32;
    // (Testing the word, not `js.is_undefined()`, which would be a call into JS.)
    if word == bridge_core::boundary::Tag::Returned as u32 {
        RESULT_OBJECT.with(|r| *r.borrow_mut() = js);
    }
    Ok(word)
}

/// The argument `i` the JS side left in the scratch slots (`o` if it is an object).
fn fast_arg(i: usize, o: JsValue) -> Result<bridge_py::crossing::Value, JsValue> {
    let word = TagWord(scratch::f64(scratch::arg_word(i)) as u32);
    from_word(o, word, scratch::arg_value(i)).map_err(bridge_error)
}

/// `proxy(a, b, c)` with up to three arguments in the scratch slots: one
/// JS→wasm call; the result is left in the result slots.
///
/// The fast exports return a plain `u32` word, never a `Result`: a `Result`
/// comes back to JS as a multi-value array allocated on every call. A failure
/// is the word `thrown`, with the error to throw in `take_result_object`.
#[wasm_bindgen]
pub fn py_call_fast(k: f64, n: u32, o0: JsValue, o1: JsValue, o2: JsValue) -> u32 {
    word_or_thrown((|| {
        let key = key(k)?;
        let mut values = bridge_py::host::Args::new();
        for (i, o) in [o0, o1, o2]
            .into_iter()
            .take((n as usize).min(scratch::MAX_ARGS))
            .enumerate()
        {
            values.push(fast_arg(i, o)?);
        }
        fast_out(ops::call(key, values))
    })())
}

/// A fast export's word, or `thrown` with the error kept for `take_result_object`.
fn word_or_thrown(r: Result<u32, JsValue>) -> u32 {
    match r {
        Ok(word) => word,
        Err(e) => {
            RESULT_OBJECT.with(|r| *r.borrow_mut() = e);
            let thrown = bridge_core::boundary::Tag::Thrown as u32;
            scratch::set_f64(scratch::RESULT_WORD, thrown as f64);
            thrown
        }
    }
}

/// `proxy.name` with an interned name id (`py_intern`); word `absent` when
/// Python has no such attribute.
#[wasm_bindgen]
pub fn py_get_fast(k: f64, name: u32) -> u32 {
    word_or_thrown((|| {
        let key = key(k)?;
        match ops::getattr_interned(key, name).map_err(op_error)? {
            Some(v) => fast_out(Ok(v)),
            None => {
                let absent = bridge_core::boundary::Tag::Absent as u8 as f64;
                scratch::set_f64(scratch::RESULT_WORD, absent);
                Ok(absent as u32)
            }
        }
    })())
}

/// `proxy.name = value`, the value in argument slot 0 (or `o0`).
#[wasm_bindgen]
pub fn py_set_fast(k: f64, name: u32, o0: JsValue) -> u32 {
    word_or_thrown((|| {
        let key = key(k)?;
        let v = fast_arg(0, o0)?;
        ops::setattr_interned(key, name, v).map_err(op_error)?;
        Ok(bridge_core::boundary::Tag::Undefined as u32)
    })())
}

/// `it.next(value)` on a Python iterator or generator: the value in the
/// result slots, `done` in the DONE slot. `has_value` is 0 for a bare
/// `next()` (and for the steps of `for…of`), else the value to send is in
/// argument slot 0 (or `o0`).
#[wasm_bindgen]
pub fn py_next_fast(k: f64, has_value: u32, o0: JsValue) -> u32 {
    word_or_thrown((|| {
        let key = key(k)?;
        let send = if has_value != 0 {
            Some(fast_arg(0, o0)?)
        } else {
            None
        };
        let (done, v) = ops::next(key, send).map_err(op_error)?;
        let word = fast_out(Ok(v))?;
        scratch::set_f64(scratch::DONE, if done { 1.0 } else { 0.0 });
        Ok(word)
    })())
}

/// `proxy.get(key)`, the key in argument slot 0 (or `o0`): the item, or
/// `undefined` when missing; one crossing.
#[wasm_bindgen]
pub fn py_getitem_fast(k: f64, o0: JsValue) -> u32 {
    word_or_thrown((|| {
        let key = key(k)?;
        let item = fast_arg(0, o0)?;
        match ops::getitem(key, item).map_err(op_error)? {
            Some(v) => fast_out(Ok(v)),
            None => {
                let undefined = bridge_core::boundary::Tag::Undefined as u32;
                scratch::set_f64(scratch::RESULT_WORD, undefined as f64);
                Ok(undefined)
            }
        }
    })())
}

/// An id for an attribute name JS will read often.
#[wasm_bindgen]
pub fn py_intern(name: &str) -> Result<u32, JsValue> {
    ops::intern_name(name).map_err(op_error)
}

/// The JS value of the last fast result whose word was `returned`.
#[wasm_bindgen]
pub fn take_result_object() -> JsValue {
    RESULT_OBJECT.with(|r| std::mem::replace(&mut *r.borrow_mut(), JsValue::UNDEFINED))
}

#[wasm_bindgen]
pub fn py_call(k: f64, args: Vec<JsValue>) -> Result<JsValue, JsValue> {
    let key = key(k)?;
    // Each converted argument owns its handle: if a later one fails, the
    // earlier ones are released as the Vec drops.
    let mut values = Vec::with_capacity(args.len());
    for a in args {
        values.push(arg(a)?);
    }
    out(ops::call(key, values))
}

#[wasm_bindgen]
pub fn py_str(k: f64) -> Result<String, JsValue> {
    ops::str(key(k)?).map_err(op_error)
}

#[wasm_bindgen]
pub fn py_repr(k: f64) -> Result<String, JsValue> {
    ops::repr(key(k)?).map_err(op_error)
}

#[wasm_bindgen]
pub fn py_type(k: f64) -> Result<String, JsValue> {
    ops::type_name(key(k)?).map_err(op_error)
}

/// The traceback text behind a `PythonError`, formatted when first read.
#[wasm_bindgen]
pub fn py_format_exception(k: f64) -> Result<String, JsValue> {
    ops::format_exception(key(k)?).map_err(op_error)
}

/// Another reference to the table entry `k`, for `proxy.copy()`: the key the
/// new PyProxy owns (the same entry).
#[wasm_bindgen]
pub fn py_copy(k: f64) -> Result<f64, JsValue> {
    let handle = ops::share(key(k)?).map_err(bridge_error)?;
    Ok(handle.into_raw().to_wire() as f64)
}

/// `proxy.getBuffer()`: `[id, start, lo, hi, itemsize, readonly, format,
/// shape, strides]` (addresses in linear memory, strides in bytes), the view
/// held until `py_buffer_release(id)`.
#[wasm_bindgen]
pub fn py_get_buffer(k: f64) -> Result<js_sys::Array, JsValue> {
    let (id, b) = ops::get_buffer(key(k)?).map_err(op_error)?;
    let a = js_sys::Array::new();
    for n in [
        id as f64,
        b.start as f64,
        b.lo as f64,
        b.hi as f64,
        b.itemsize as f64,
    ] {
        a.push(&JsValue::from_f64(n));
    }
    a.push(&JsValue::from_bool(b.readonly));
    a.push(&JsValue::from_str(&b.format));
    let shape = js_sys::Array::new();
    for n in &b.shape {
        shape.push(&JsValue::from_f64(*n as f64));
    }
    let strides = js_sys::Array::new();
    for n in &b.strides {
        strides.push(&JsValue::from_f64(*n as f64));
    }
    a.push(&shape);
    a.push(&strides);
    Ok(a)
}

/// Release a view `py_get_buffer` made; `false` if it was released already.
#[wasm_bindgen]
pub fn py_buffer_release(id: u32) -> bool {
    ops::release_buffer(id)
}

/// One `PyProxy` reference is gone: `destroy()` or its finalizer.
#[wasm_bindgen]
pub fn py_release(k: f64) -> Result<(), JsValue> {
    ops::release(key(k)?).map_err(op_error)
}

/// `proxy.destroy()`: drop its reference; the Python class name, for the
/// error a later use raises.
#[wasm_bindgen]
pub fn py_destroy(k: f64) -> Result<String, JsValue> {
    ops::destroy(key(k)?).map_err(op_error)
}

/// `[current crossing depth, its limit]`.
#[wasm_bindgen]
pub fn crossing_depth() -> Vec<u32> {
    let (d, l) = ops::crossing_depth();
    vec![d, l]
}

/// Set the crossing-depth limit (`loadPython({maxCrossingDepth})`).
#[wasm_bindgen]
pub fn set_crossing_limit(limit: u32) {
    ops::set_crossing_limit(limit)
}

/// The floor a bench measures a crossing against: `n` calls of a JS no-op
/// from a wasm loop.
#[wasm_bindgen]
pub fn bench_import_floor(n: u32) -> u32 {
    hooks::with(|h| {
        let mut calls = 0u32;
        for i in 0..n {
            // The JS no-op answers its argument: count the answers, so the
            // loop's result depends on every call.
            calls += u32::from(h.noop(i) == i);
        }
        calls
    })
}

/// `setInterruptBuffer`: poll the buffer from CPython's evaluation loop
/// (`on`), or stop.
#[wasm_bindgen]
pub fn set_interrupt_polling(on: bool) {
    #[cfg(target_arch = "wasm32")]
    crate::interrupt::set_polling(on);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = on;
}

/// `checkInterrupt()` with a non-zero buffer: deliver signal `signum` now
/// (SIGINT: a `KeyboardInterrupt` thrown as a `PythonError`).
#[wasm_bindgen]
pub fn py_check_interrupt(signum: i32) -> Result<(), JsValue> {
    ops::check_interrupt(signum).map_err(op_error)
}

/// `[live JS-table entries, live Python-table entries]`, for leak checks.
#[wasm_bindgen]
pub fn live_handles() -> Vec<u32> {
    vec![crate::jstable::live() as u32, ops::live_py_handles() as u32]
}
