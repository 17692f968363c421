//! Attribute names as JS strings, cached.
//!
//! Passing a `&str` to JS makes the glue decode it into a new JS string on
//! every call. Attribute names repeat (a loop reads `o.x` a million times), so
//! the JS string for each name is kept and reused. The cache is bounded: when
//! it is full it is emptied, which keeps memory flat for programs that make
//! names up (`getattr(o, f"k{i}")`) at the cost of re-decoding.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsValue;

const CAPACITY: usize = 1024;
/// Longer names are rare and not worth keeping.
const MAX_LEN: usize = 64;

thread_local! {
    static NAMES: RefCell<HashMap<Box<str>, JsValue>> = RefCell::new(HashMap::with_capacity(64));
}

/// The JS string for `name`.
pub fn js_name(name: &str) -> JsValue {
    if name.len() > MAX_LEN {
        return JsValue::from_str(name);
    }
    if let Some(v) = NAMES.with(|cache| cache.borrow().get(name).cloned()) {
        return v;
    }
    // Made outside the borrow: no RefCell borrow is held across a call into JS.
    let v = JsValue::from_str(name);
    NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CAPACITY {
            cache.clear();
        }
        cache.insert(name.into(), v.clone());
    });
    v
}
