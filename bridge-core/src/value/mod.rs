//! The value model: what crosses by value, and what by reference.
//!
//! By value: `undefined`, `null`, booleans, integers, floats, strings and
//! byte buffers. Everything else crosses as a [`Value::Handle`] into one of
//! the handle tables. See `docs/conversions.md` for the full table.

mod bigint;
mod int;
mod number_string;
mod text;

pub use bigint::BigInt;
pub use int::{
    classify_js_number, int_crosses_as_number, JsNumber, MAX_SAFE_INTEGER, MIN_SAFE_INTEGER,
};
pub use number_string::number_to_js_string;
pub use text::Text;

/// One value crossing the boundary. `H` is the handle (key) type of the
/// direction, e.g. [`crate::PyRef`] for Python objects going to JS.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<H> {
    /// JS `undefined`; Python `None` becomes this.
    Undefined,
    /// JS `null`.
    Null,
    /// `bool` / `boolean`.
    Bool(bool),
    /// An integer within +-(2^53 - 1): a JS Number, a Python `int`.
    /// Build with [`Value::from_i64`] / [`Value::from_js_number`] to keep
    /// the invariant.
    Int(i64),
    /// Any other integer, or one that came from a JS BigInt: a JS BigInt,
    /// a Python `int`.
    BigInt(BigInt),
    /// A float (NaN, infinities and -0.0 kept bit for bit): a JS Number, a
    /// Python `float`.
    Float(f64),
    /// A string.
    Str(Text),
    /// A byte buffer, copied: Python `bytes` <-> JS `Uint8Array`.
    Bytes(Vec<u8>),
    /// Everything else: a key of a handle table.
    Handle(H),
}

impl<H> Value<H> {
    /// A Python `int` that fits `i64`: `Int` inside the safe range, else
    /// `BigInt`.
    pub fn from_i64(n: i64) -> Self {
        if int_crosses_as_number(n) {
            Value::Int(n)
        } else {
            Value::BigInt(BigInt::from(n))
        }
    }

    /// A Python `int` of any size: `Int` inside the safe range, else
    /// `BigInt`.
    pub fn from_py_int(n: BigInt) -> Self {
        match n.to_i128() {
            Some(i) if int_crosses_as_number(i) => Value::Int(i as i64),
            _ => Value::BigInt(n),
        }
    }

    /// A JS BigInt: always `BigInt` (JS gave it that type), even if small.
    pub fn from_js_bigint(n: BigInt) -> Self {
        Value::BigInt(n)
    }

    /// A JS Number: `Int` when integral and safe (Python `int`), else
    /// `Float` (Python `float`; -0 stays -0.0).
    pub fn from_js_number(x: f64) -> Self {
        match classify_js_number(x) {
            JsNumber::Int(i) => Value::Int(i),
            JsNumber::Float(f) => Value::Float(f),
        }
    }

    /// The value's type name as the *other* side would describe it in an
    /// error message.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::BigInt(_) => "bigint",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Handle(_) => "handle",
        }
    }

    /// Map the handle type (e.g. after re-keying into another table).
    pub fn map_handle<G>(self, f: impl FnOnce(H) -> G) -> Value<G> {
        match self {
            Value::Undefined => Value::Undefined,
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Int(i) => Value::Int(i),
            Value::BigInt(b) => Value::BigInt(b),
            Value::Float(f) => Value::Float(f),
            Value::Str(s) => Value::Str(s),
            Value::Bytes(b) => Value::Bytes(b),
            Value::Handle(h) => Value::Handle(f(h)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handle::PyRef;

    type V = Value<PyRef>;

    #[test]
    fn ints_pick_number_or_bigint_by_the_rule() {
        assert_eq!(V::from_i64(MAX_SAFE_INTEGER), Value::Int(MAX_SAFE_INTEGER));
        assert_eq!(
            V::from_i64(MAX_SAFE_INTEGER + 1),
            Value::BigInt(BigInt::from(MAX_SAFE_INTEGER + 1))
        );
        assert_eq!(
            V::from_i64(-MAX_SAFE_INTEGER - 1),
            Value::BigInt(BigInt::from(-MAX_SAFE_INTEGER - 1))
        );
        assert_eq!(V::from_py_int(BigInt::from(5)), Value::Int(5));
        assert_eq!(
            V::from_py_int(BigInt::from(1u128 << 100)),
            Value::BigInt(BigInt::from(1u128 << 100))
        );
        assert_eq!(
            V::from_js_bigint(BigInt::from(5)),
            Value::BigInt(BigInt::from(5))
        );
    }

    #[test]
    fn floats_keep_their_bits() {
        assert_eq!(V::from_js_number(2.0), Value::Int(2));
        assert_eq!(
            V::from_js_number(2f64.powi(53)),
            Value::Float(2f64.powi(53))
        );
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.5] {
            match V::from_js_number(x) {
                Value::Float(f) => assert_eq!(f.to_bits(), x.to_bits()),
                other => panic!("{x} -> {other:?}"),
            }
        }
    }

    #[test]
    fn map_handle_and_names() {
        let v: Value<u32> = Value::Handle(3);
        assert_eq!(v.map_handle(|h| h + 1), Value::Handle(4));
        assert_eq!(V::Str(Text::from("x")).type_name(), "str");
        assert_eq!(V::Undefined.type_name(), "undefined");
    }
}
