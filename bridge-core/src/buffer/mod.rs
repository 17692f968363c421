//! Buffer descriptors: Python buffer-protocol formats and layouts on one
//! side, JS typed arrays on the other.
//!
//! * [`format`]: `struct` format codes <-> [`ElementKind`] + [`ByteOrder`].
//! * [`layout`]: shape/strides validation and contiguity.

pub mod format;
pub mod layout;

pub use format::{parse_format, parse_format_for, Abi, BufferFormat, ByteOrder, ElementKind};
pub use layout::{byte_span, BufferLayout, MAX_NDIM};
