//! The JavaScript side of the bridge, on wasm-bindgen, and the crate that
//! becomes the one wasm module (CPython + bridge + wasi-libc).
//!
//! - [`api`]: the functions the JS package (`package/`) calls.
//! - [`host`]: bridge-py's `JsHost`, implemented with js-sys.
//! - [`convert`]: JsValue ↔ boundary value; [`jstable`]: JS values held by Python.
//! - [`hooks`]: JS helpers from `package/hooks.js`.
//! - [`scratch`]: the linear-memory area crossings leave numbers and strings in;
//!   `strings`: strings through memory.
//! - [`alloc`]: Rust allocates with wasi-libc's malloc.
//! - `interrupt`: CPython polls the interrupt buffer (`setInterruptBuffer`).

pub mod api;
pub mod convert;
pub mod hooks;
pub mod host;
#[cfg(target_arch = "wasm32")]
mod interrupt;
pub mod jstable;
mod names;
pub mod scratch;
mod strings;

#[cfg(target_arch = "wasm32")]
mod alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::LibcAllocator = alloc::LibcAllocator;
