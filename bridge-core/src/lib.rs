//! Host-neutral core of the Python <-> JavaScript bridge. See
//! `docs/architecture.md`, `docs/lifetimes.md` and `docs/conversions.md`.
//!
//! * [`boundary`]: type tags, capability flags, crossing depth, shared JS constants.
//! * [`handle`]: handle tables with typed, checked keys ([`JsRef`], [`PyRef`]).
//! * [`lifetime`]: owned and borrowed references, per-call scopes.
//! * [`value`]: what crosses by value ([`Value`]), the integer rule.
//! * [`codec`]: UTF-8/WTF-8 <-> UTF-16 with lone surrogates.
//! * [`buffer`]: `struct` format codes <-> typed-array kinds, layouts.
//! * [`convert`]: the deep-conversion planner.
//! * [`error`]: the one error type, [`BridgeError`].
#![forbid(unsafe_code)]

pub mod boundary;
pub mod buffer;
pub mod codec;
pub mod convert;
pub mod error;
pub mod handle;
pub mod lifetime;
pub mod value;

pub use error::BridgeError;
pub use handle::{HandleTable, JsRef, PyRef, TableKey};
pub use lifetime::{with_scope, Borrowed, CallScope, Owned};
pub use value::{int_crosses_as_number, BigInt, Text, Value, MAX_SAFE_INTEGER};
