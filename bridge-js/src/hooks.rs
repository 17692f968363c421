//! The JS half of the bridge's own machinery (`package/hooks.js`), handed to
//! [`crate::api::init`]. Composite JS operations live there so that one
//! operation is one crossing.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Hooks;

    /// A `PyProxy` owning one reference to the Python-table entry `key`;
    /// `flags` are its `PyFlags`.
    #[wasm_bindgen(method, js_name = makePyProxy)]
    pub fn make_py_proxy(this: &Hooks, key: f64, flags: u32) -> JsValue;
    /// What a JS value is, in one call: a `TagWord` (bridge-core's
    /// `boundary::tag`; `package/flags.js` is generated from it). Leaves the
    /// number, identity, Python key or string bytes in the scratch area.
    /// Cannot throw: every check that may run user code is guarded.
    #[wasm_bindgen(method)]
    pub fn classify(this: &Hooks, value: &JsValue) -> u32;
    /// Where the scratch area is (see `scratch.rs`).
    #[wasm_bindgen(method, js_name = setScratch)]
    pub fn set_scratch(this: &Hooks, f64_addr: u32, bytes_addr: u32, bytes_cap: u32);
    /// Copy the UTF-16 code units of the string `s` to `ptr` (`len` units).
    #[wasm_bindgen(method, js_name = copyUtf16)]
    pub fn copy_utf16(this: &Hooks, s: &JsValue, ptr: u32, len: u32);
    /// `TextEncoder.encodeInto(s, memory[ptr..ptr + cap])`: the bytes written.
    /// Only for well-formed strings (it would replace lone surrogates).
    #[wasm_bindgen(method, js_name = copyUtf8)]
    pub fn copy_utf8(this: &Hooks, s: &JsValue, ptr: u32, cap: u32) -> u32;
    /// The JS string of `len` UTF-16 code units at `ptr` (lone surrogates kept).
    #[wasm_bindgen(method, catch, js_name = utf16ToString)]
    pub fn utf16_to_string(this: &Hooks, ptr: u32, len: u32) -> Result<JsValue, JsValue>;
    /// The JS string of `len` bytes of UTF-8 at `ptr`.
    #[wasm_bindgen(method, catch, js_name = utf8ToString)]
    pub fn utf8_to_string(this: &Hooks, ptr: u32, len: u32) -> Result<JsValue, JsValue>;
    /// `Object.defineProperty(obj, key, {value, enumerable, writable, configurable})`
    /// on a fresh plain object (no setter runs, `__proto__` is a plain key).
    #[wasm_bindgen(method, js_name = defineKwarg)]
    pub fn define_kwarg(this: &Hooks, obj: &JsValue, key: &JsValue, value: &JsValue);
    /// Does nothing: the floor a bench measures one wasm→JS call against.
    #[wasm_bindgen(method)]
    pub fn noop(this: &Hooks, x: u32) -> u32;
    /// A `PythonError`. It owns the exception's table entry `key` (-1 if
    /// none); `message` is `None` when the error formats it from `key` on
    /// first read.
    #[wasm_bindgen(method, js_name = makePythonError)]
    pub fn make_python_error(
        this: &Hooks,
        type_name: &str,
        message: Option<String>,
        key: f64,
    ) -> JsValue;
    /// `[name, message]` of a thrown value. Cannot throw: a `name` getter
    /// that throws, a revoked Proxy, a `toString` that throws all give a
    /// generic description.
    #[wasm_bindgen(method, js_name = errorInfo)]
    pub fn error_info(this: &Hooks, thrown: &JsValue) -> js_sys::Array;
    /// The error message a use of the destroyed `PyProxy` `value` raises
    /// (it names the Python type). Cannot throw.
    #[wasm_bindgen(method, js_name = destroyedMessage)]
    pub fn destroyed_message(this: &Hooks, value: &JsValue) -> String;

    #[wasm_bindgen(method, catch, js_name = getGlobal)]
    pub fn get_global(this: &Hooks, name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = hasGlobal)]
    pub fn has_global(this: &Hooks, name: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getProp)]
    pub fn get_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = hasProp)]
    pub fn has_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setProp)]
    pub fn set_prop(
        this: &Hooks,
        obj: &JsValue,
        name: &JsValue,
        value: &JsValue,
    ) -> Result<(), JsValue>;
    /// `false` when the property did not exist.
    #[wasm_bindgen(method, catch, js_name = deleteProp)]
    pub fn delete_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<bool, JsValue>;
    /// `Reflect.apply(func, thisArg, args)`; `call0`..`call3` spare building
    /// an Array across the boundary for the common short argument lists.
    #[wasm_bindgen(method, catch, js_name = call)]
    pub fn call(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        args: js_sys::Array,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call0)]
    pub fn call0(this: &Hooks, func: &JsValue, this_arg: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call1)]
    pub fn call1(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        a: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call2)]
    pub fn call2(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        a: &JsValue,
        b: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call3)]
    pub fn call3(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        a: &JsValue,
        b: &JsValue,
        c: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// `func.apply(this, args)` with up to `MAX_ARGS` arguments in the
    /// scratch slots (objects among them passed as `o0`..`o2`); the result's
    /// tag word and content are left in the result slots.
    ///
    /// These three hot hooks never throw: a throw is caught in JS and the
    /// result word says `thrown` (fetch it with `take_thrown`), which spares
    /// the glue's exception wrapper on every call.
    #[wasm_bindgen(method, js_name = callFast)]
    pub fn call_fast(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        n: u32,
        o0: &JsValue,
        o1: &JsValue,
        o2: &JsValue,
    ) -> JsValue;
    /// `obj[name]`, classified into the result slots (`absent` when
    /// `undefined` and `name in obj` is false).
    #[wasm_bindgen(method, js_name = getAttr)]
    pub fn get_attr(this: &Hooks, obj: &JsValue, name: &JsValue) -> JsValue;
    /// `obj[name] = value`, the value in argument slot 0 (or `o0`).
    #[wasm_bindgen(method, js_name = setAttr)]
    pub fn set_attr(this: &Hooks, obj: &JsValue, name: &JsValue, o0: &JsValue);
    /// `obj[i]` (negative from the end) classified into the result slots,
    /// `absent` when out of range. Never throws (see `call_fast`).
    #[wasm_bindgen(method, js_name = getIndexFast)]
    pub fn get_index_fast(this: &Hooks, obj: &JsValue, i: f64) -> JsValue;
    /// `it.next()`: its value classified into the result slots, `done` in
    /// the DONE slot. Never throws (see `call_fast`).
    #[wasm_bindgen(method, js_name = iterNextFast)]
    pub fn iter_next_fast(this: &Hooks, it: &JsValue) -> JsValue;
    /// The value the last hot hook caught (result word `thrown`).
    #[wasm_bindgen(method, js_name = takeThrown)]
    pub fn take_thrown(this: &Hooks) -> JsValue;
    /// `obj.length`, or `obj.size` (package/items.js, like the rest below).
    #[wasm_bindgen(method, catch, js_name = itemsLen)]
    pub fn items_len(this: &Hooks, obj: &JsValue) -> Result<f64, JsValue>;
    /// `[found, value]`: `obj[i]` (negative from the end; not found when out
    /// of range), or for a map `[m.has(k), m.get(k)]`.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    pub fn get_item(
        this: &Hooks,
        obj: &JsValue,
        map: bool,
        key: &JsValue,
    ) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    pub fn set_item(
        this: &Hooks,
        obj: &JsValue,
        map: bool,
        key: &JsValue,
        value: &JsValue,
    ) -> Result<bool, JsValue>;
    /// An array index is spliced out; a map key deleted (`false` when absent).
    #[wasm_bindgen(method, catch, js_name = delItem)]
    pub fn del_item(this: &Hooks, obj: &JsValue, map: bool, key: &JsValue)
        -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = contains)]
    pub fn contains(this: &Hooks, obj: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
    /// `obj[Symbol.iterator]()`.
    #[wasm_bindgen(method, catch, js_name = getIter)]
    pub fn get_iter(this: &Hooks, obj: &JsValue) -> Result<JsValue, JsValue>;
    /// Walk `obj` for `to_py()` (package/to_py.js): `[ops, pool units, objects]`.
    /// User code runs here (getters, Proxy traps).
    #[wasm_bindgen(method, catch, js_name = toPyPlan)]
    pub fn to_py_plan(
        this: &Hooks,
        obj: &JsValue,
        max_depth: i32,
    ) -> Result<js_sys::Array, JsValue>;
    /// Copy the walked plan's numbers and code units into memory.
    #[wasm_bindgen(method, js_name = toPyCopy)]
    pub fn to_py_copy(this: &Hooks, ops_ptr: u32, pool_ptr: u32);
    /// Object `i` of the walked plan (crosses by reference).
    #[wasm_bindgen(method, js_name = toPyObject)]
    pub fn to_py_object(this: &Hooks, i: u32) -> JsValue;
    /// Drop the walked plan.
    #[wasm_bindgen(method, js_name = toPyDone)]
    pub fn to_py_done(this: &Hooks);
    /// `[kind, byteLength, detached]` of a typed array, `DataView` or
    /// `ArrayBuffer` (package/buffers.js, like the rest below): `kind` is the
    /// typed array's constructor name, `""` for bytes.
    #[wasm_bindgen(method, catch, js_name = bufferInfo)]
    pub fn buffer_info(this: &Hooks, obj: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// Copy the buffer's first `len` bytes to memory at `ptr`.
    #[wasm_bindgen(method, catch, js_name = bufferRead)]
    pub fn buffer_read(this: &Hooks, obj: &JsValue, ptr: u32, len: u32) -> Result<(), JsValue>;
    /// Copy `len` bytes at `ptr` into the buffer from byte `offset`.
    #[wasm_bindgen(method, catch, js_name = bufferWrite)]
    pub fn buffer_write(
        this: &Hooks,
        obj: &JsValue,
        offset: f64,
        ptr: u32,
        len: u32,
    ) -> Result<(), JsValue>;
    /// Write back, from byte `offset`, the bytes at `new_ptr` that differ from
    /// those at `old_ptr` (`len` each).
    #[wasm_bindgen(method, catch, js_name = bufferMerge)]
    pub fn buffer_merge(
        this: &Hooks,
        obj: &JsValue,
        offset: f64,
        old_ptr: u32,
        new_ptr: u32,
        len: u32,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = bufferDecode)]
    pub fn buffer_decode(
        this: &Hooks,
        obj: &JsValue,
        encoding: Option<String>,
    ) -> Result<Option<String>, JsValue>;
    /// Build `to_js()`'s value from a plan in memory (package/to_js.js).
    #[wasm_bindgen(method, catch, js_name = toJsBuild)]
    #[allow(clippy::too_many_arguments)]
    pub fn to_js_build(
        this: &Hooks,
        ops_ptr: u32,
        ops_len: u32,
        pool_ptr: u32,
        pool_len: u32,
        objects: js_sys::Array,
        dict_converter: &JsValue,
        pyproxies: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// A new typed array (`kind` its constructor name, `""` for Uint8Array)
    /// holding a copy of `len` bytes at `ptr`.
    #[wasm_bindgen(method, catch, js_name = newTypedArray)]
    pub fn new_typed_array(
        this: &Hooks,
        kind: &str,
        ptr: u32,
        len: u32,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = construct)]
    pub fn construct(this: &Hooks, ctor: &JsValue, args: js_sys::Array)
        -> Result<JsValue, JsValue>;
    /// A JS function of `package/py_helpers.js` (undefined if none).
    #[wasm_bindgen(method)]
    pub fn helper(this: &Hooks, name: &str) -> JsValue;
    /// `create_proxy`: the JS value to hold for the PyProxy `p`, its tag
    /// word left in the result slots (package/hooks.js).
    #[wasm_bindgen(method, js_name = doubleProxy)]
    pub fn double_proxy(this: &Hooks, p: &JsValue, roundtrip: bool, capture_this: bool) -> JsValue;
    #[wasm_bindgen(method, catch, js_name = toStr)]
    pub fn to_str(this: &Hooks, obj: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_name = truthy)]
    pub fn truthy(this: &Hooks, obj: &JsValue) -> Result<bool, JsValue>;
    /// The interrupt buffer's signal number (0: none), clearing it. Cannot throw.
    #[wasm_bindgen(method, js_name = interruptSignal)]
    pub fn interrupt_signal(this: &Hooks) -> i32;
}

thread_local! {
    static HOOKS: OnceCell<Hooks> = const { OnceCell::new() };
}

pub fn install(hooks: Hooks) -> Result<(), Hooks> {
    HOOKS.with(|h| h.set(hooks))
}

/// The installed hooks. `init` installs them before anything else can run.
pub fn with<R>(f: impl FnOnce(&Hooks) -> R) -> R {
    HOOKS.with(|h| f(h.get().expect("bridge-js: hooks used before init")))
}
