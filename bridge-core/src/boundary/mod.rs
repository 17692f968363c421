//! The boundary model both hosts share: what one call learns about a value
//! when it crosses ([`tag`]), the capability flags of JS and Python objects
//! ([`flags`]), how deep crossings nest ([`depth`]), and the JS text of the
//! constants, generated from here so Rust and JS never disagree ([`js_source`]).

pub mod depth;
pub mod flags;
pub mod js_source;
pub mod scratch;
pub mod tag;

pub use depth::{CrossingDepth, DepthGuard, Direction};
pub use flags::{JsFlags, PyFlags};
pub use tag::{Tag, TagWord};
