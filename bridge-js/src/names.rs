//! Attribute names as JS strings, cached.
//!
//! Passing a `&str` to JS makes the glue decode it into a new JS string on
//! every call. Attribute names repeat (a loop reads `o.x` a million times), so
//! the JS string for each name is kept and reused. The cache is bounded: when
//! it is full it is emptied, which keeps memory flat for programs that make
//! names up (`getattr(o, f"k{i}")`) at the cost of re-decoding.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use wasm_bindgen::JsValue;

const CAPACITY: usize = 1024;
/// Longer names are rare and not worth keeping.
const MAX_LEN: usize = 64;

/// FNV-1a: names are short and come from our own process, so the DoS
/// resistance of the default SipHash buys nothing and costs a few percent of
/// an attribute read.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Names = HashMap<Box<str>, JsValue, BuildHasherDefault<Fnv>>;

thread_local! {
    static NAMES: RefCell<Names> = RefCell::new(Names::with_capacity_and_hasher(64, Default::default()));
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
