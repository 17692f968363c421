//! Calling JS functions and constructors.

use bridge_core::handle::JsRef;
use bridge_core::value::Text;
use pyo3::prelude::*;

use super::{crossing, JsError};
use crate::crossing::Value;

/// Up to this many positional arguments are kept inline (no allocation).
pub const INLINE_ARGS: usize = 3;

/// Positional arguments: inline up to [`INLINE_ARGS`].
pub type Args = smallvec::SmallVec<[Value; INLINE_ARGS]>;

/// Positional arguments and Pyodide-style keyword arguments (sent as one
/// trailing plain object). Names are [`Text`]: a keyword name with a lone
/// surrogate crosses unchanged, like any other string.
#[derive(Debug, Default)]
pub struct CallArgs {
    pub args: Args,
    pub kwargs: Vec<(Text, Value)>,
}

pub trait JsCalls {
    /// `func.apply(this, args)`.
    fn call(&self, func: JsRef, this: Option<JsRef>, args: CallArgs) -> Result<Value, JsError>;
    /// `new ctor(...args)`.
    fn construct(&self, ctor: JsRef, args: CallArgs) -> Result<Value, JsError>;
}

pub(crate) fn call(
    py: Python<'_>,
    func: JsRef,
    this: Option<JsRef>,
    args: CallArgs,
) -> PyResult<Value> {
    crossing(py, |h| h.call(func, this, args))
}

pub(crate) fn construct(py: Python<'_>, ctor: JsRef, args: CallArgs) -> PyResult<Value> {
    crossing(py, |h| h.construct(ctor, args))
}
