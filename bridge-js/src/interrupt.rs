//! `setInterruptBuffer`: CPython polls the embedder's interrupt buffer.
//!
//! The wasm build of CPython carries a small patch
//! (`patches/cpython/cpython-3.13.5-wasi-interrupt.patch`): where Emscripten
//! builds poll their signal buffer (every 50 evaluation-breaker checks, and in
//! `PyErr_CheckSignals`), ours calls the C function pointer
//! `_PyWasi_interrupt_hook` when it is set. The hook asks the JS side for the
//! buffer's value (`Hooks::interrupt_signal`, which also clears it); a
//! non-zero signal number becomes `PyErr_SetInterruptEx(signum)`, so SIGINT
//! (2) raises `KeyboardInterrupt` at the next check, as in Pyodide. While no
//! buffer is set the pointer is NULL and the check is one load and compare.

use std::os::raw::c_int;

type Hook = Option<extern "C" fn() -> c_int>;

extern "C" {
    /// Defined by the patch in CPython's `Python/ceval.c`.
    static mut _PyWasi_interrupt_hook: Hook;
}

extern "C" fn poll() -> c_int {
    // Cannot throw: the hook reads one element of a typed array.
    crate::hooks::with(|h| h.interrupt_signal()) as c_int
}

/// Turn polling on (a buffer was set) or off.
pub fn set_polling(on: bool) {
    let hook: Hook = if on { Some(poll) } else { None };
    // SAFETY: wasm has one thread, and CPython reads the pointer only on this
    // thread (in its evaluation loop), never concurrently with this write;
    // the value is either NULL or a valid `extern "C" fn() -> int`, the
    // signature the patch declares.
    unsafe { *std::ptr::addr_of_mut!(_PyWasi_interrupt_hook) = hook };
}
