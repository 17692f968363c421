//! Conversions between Python objects and boundary [`Value`](crate::crossing::Value)s.
//! Which types copy and which cross by reference is tabled in `docs/conversions.md`.

pub mod deep;
pub mod from_py;
pub mod to_js;
pub mod to_py;
