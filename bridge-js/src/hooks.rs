//! The JS half of the bridge's own machinery (`package/hooks.js`), handed to
//! [`crate::api::init`]. Composite JS operations live there so that one
//! operation is one crossing.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Hooks;

    /// A `PyProxy` owning one reference to the Python-table entry `key`.
    #[wasm_bindgen(method, js_name = makePyProxy)]
    pub fn make_py_proxy(this: &Hooks, key: f64, callable: bool) -> JsValue;
    /// The kind of a JS value in one call: one of the `TAG_*` constants in
    /// `convert.rs` (the same numbers as `TAG` in `hooks.js`).
    #[wasm_bindgen(method, js_name = typeTag)]
    pub fn type_tag(this: &Hooks, value: &JsValue) -> u32;
    /// The Python-table key behind a `PyProxy`, or -1 for any other value.
    #[wasm_bindgen(method, js_name = pyKeyOf)]
    pub fn py_key_of(this: &Hooks, value: &JsValue) -> f64;
    /// A `PythonError`. It owns the exception's table entry `key` (-1 if
    /// none); `message` is `None` when the error formats it from `key` on
    /// first read.
    #[wasm_bindgen(method, js_name = makePythonError)]
    pub fn make_python_error(this: &Hooks, type_name: &str, message: Option<String>, key: f64) -> JsValue;
    /// `[name, message]` of a thrown value.
    #[wasm_bindgen(method, js_name = errorInfo)]
    pub fn error_info(this: &Hooks, thrown: &JsValue) -> js_sys::Array;

    #[wasm_bindgen(method, catch, js_name = getGlobal)]
    pub fn get_global(this: &Hooks, name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = hasGlobal)]
    pub fn has_global(this: &Hooks, name: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getProp)]
    pub fn get_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = hasProp)]
    pub fn has_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setProp)]
    pub fn set_prop(this: &Hooks, obj: &JsValue, name: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    /// `false` when the property did not exist.
    #[wasm_bindgen(method, catch, js_name = deleteProp)]
    pub fn delete_prop(this: &Hooks, obj: &JsValue, name: &JsValue) -> Result<bool, JsValue>;
    /// `Reflect.apply(func, thisArg, args)`; `call0`..`call3` spare building
    /// an Array across the boundary for the common short argument lists.
    #[wasm_bindgen(method, catch, js_name = call)]
    pub fn call(this: &Hooks, func: &JsValue, this_arg: &JsValue, args: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call0)]
    pub fn call0(this: &Hooks, func: &JsValue, this_arg: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call1)]
    pub fn call1(this: &Hooks, func: &JsValue, this_arg: &JsValue, a: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call2)]
    pub fn call2(this: &Hooks, func: &JsValue, this_arg: &JsValue, a: &JsValue, b: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call3)]
    pub fn call3(
        this: &Hooks,
        func: &JsValue,
        this_arg: &JsValue,
        a: &JsValue,
        b: &JsValue,
        c: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = construct)]
    pub fn construct(this: &Hooks, ctor: &JsValue, args: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = toStr)]
    pub fn to_str(this: &Hooks, obj: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_name = truthy)]
    pub fn truthy(this: &Hooks, obj: &JsValue) -> Result<bool, JsValue>;
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
