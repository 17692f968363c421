//! Raw CPython calls the safe API does not offer. The only `unsafe` in this crate.

/// Keep the GIL held by this thread from now on.
///
/// pyo3 releases the GIL after starting the interpreter, so every operation JS
/// asks of Python would otherwise re-acquire it (`PyGILState_Ensure`) and
/// release it again. In a wasm module there is one thread; holding the GIL
/// for good makes each later `Python::attach` the cheap nested case.
pub fn hold_gil_forever() {
    // SAFETY: the interpreter is initialized (called right after
    // `Python::initialize`), and this is the thread that will run all Python
    // code. The returned state is deliberately never released: the GIL stays
    // with this thread for the life of the module, and pyo3's own
    // `Python::attach`/`detach` nest correctly on top of a held GIL.
    let _state = unsafe { pyo3::ffi::PyGILState_Ensure() };
}
