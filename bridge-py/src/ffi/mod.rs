//! Raw CPython calls the safe API does not offer. The only `unsafe` in this crate.

use bridge_core::boundary::PyFlags;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

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
    let _state = unsafe { ffi::PyGILState_Ensure() };
    // The wasm build's pyo3 carries a small patch (patches/pyo3-0.30.1.patch)
    // so that pyo3 counts this thread as attached from now on too.
    #[cfg(target_family = "wasm")]
    // SAFETY: as above: the GIL is held by this thread for good, and no other
    // thread runs Python (wasm has one thread).
    unsafe {
        pyo3::impl_::pybridge_assume_attached_forever()
    };
}

/// `PyErr_SetInterruptEx(signum)`: signal `signum` has arrived; its Python
/// handler runs at the next check (SIGINT's raises `KeyboardInterrupt`).
/// False when `signum` is not a valid signal number.
pub fn set_interrupt(_py: Python<'_>, signum: i32) -> bool {
    // SAFETY: the GIL is held (the token proves it); the function only
    // records the signal (it validates `signum` itself and returns -1 for a
    // number out of range).
    unsafe { ffi::PyErr_SetInterruptEx(signum) == 0 }
}

extern "C" {
    // Part of CPython's C API (`Include/cpython/object.h`); pyo3-ffi does not
    // declare it for every configuration.
    fn _PyType_Lookup(tp: *mut ffi::PyTypeObject, name: *mut ffi::PyObject) -> *mut ffi::PyObject;
    // The `tp_iternext` of types that are not iterators but inherit the slot.
    fn _PyObject_NextNotImplemented(obj: *mut ffi::PyObject) -> *mut ffi::PyObject;
}

/// Whether `name` is an attribute of `obj`'s type (its MRO), without raising:
/// the lookup `object.__getattribute__` starts with, through CPython's method
/// cache, so a JsProxy can serve its own attributes before JS ones.
pub fn type_has_attr(obj: &Bound<'_, PyAny>, name: &Bound<'_, PyString>) -> bool {
    // SAFETY: both pointers are live objects borrowed for the call, the GIL is
    // held (we have a `Bound`), and `_PyType_Lookup` returns a borrowed
    // reference (or NULL) without setting an exception; we only test it.
    unsafe { !_PyType_Lookup(ffi::Py_TYPE(obj.as_ptr()), name.as_ptr()).is_null() }
}

/// What `obj` can do, read from its type's slots.
pub fn py_flags(obj: &Bound<'_, PyAny>) -> PyFlags {
    let mut f = PyFlags::empty();
    // SAFETY: the GIL is held and `obj` is alive, so its type object is alive
    // and its slot tables (if non-NULL) are valid for reading; we only read
    // pointers and flags, never call through them.
    unsafe {
        let tp = ffi::Py_TYPE(obj.as_ptr());
        let flags = (*tp).tp_flags;
        if (*tp).tp_call.is_some() {
            f |= PyFlags::CALL;
        }
        if (*tp).tp_iter.is_some() {
            f |= PyFlags::ITER;
        }
        let not_implemented: ffi::iternextfunc = _PyObject_NextNotImplemented;
        if (*tp)
            .tp_iternext
            .is_some_and(|f| !std::ptr::fn_addr_eq(f, not_implemented))
        {
            f |= PyFlags::NEXT;
        }
        let map = (*tp).tp_as_mapping;
        let seq = (*tp).tp_as_sequence;
        let has = |b: bool| b;
        if has(!map.is_null() && (*map).mp_length.is_some())
            || has(!seq.is_null() && (*seq).sq_length.is_some())
        {
            f |= PyFlags::LEN;
        }
        if has(!map.is_null() && (*map).mp_subscript.is_some())
            || has(!seq.is_null() && (*seq).sq_item.is_some())
        {
            f |= PyFlags::GETITEM;
        }
        if has(!map.is_null() && (*map).mp_ass_subscript.is_some())
            || has(!seq.is_null() && (*seq).sq_ass_item.is_some())
        {
            f |= PyFlags::SETITEM;
        }
        if !seq.is_null() && (*seq).sq_contains.is_some() {
            f |= PyFlags::CONTAINS;
        }
        let asy = (*tp).tp_as_async;
        if !asy.is_null() {
            if (*asy).am_await.is_some() {
                f |= PyFlags::AWAIT;
            }
            if (*asy).am_aiter.is_some() {
                f |= PyFlags::ASYNC_ITER;
            }
            if (*asy).am_anext.is_some() {
                f |= PyFlags::ASYNC_NEXT;
            }
        }
        let buf = (*tp).tp_as_buffer;
        if !buf.is_null() && (*buf).bf_getbuffer.is_some() {
            f |= PyFlags::BUFFER;
        }
        if flags & (ffi::Py_TPFLAGS_DICT_SUBCLASS | ffi::Py_TPFLAGS_MAPPING) != 0 {
            f |= PyFlags::DICT;
        }
        if flags & ffi::Py_TPFLAGS_SEQUENCE != 0 {
            f |= PyFlags::SEQUENCE;
        }
        if flags & ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS != 0 {
            f |= PyFlags::EXCEPTION;
        }
        if ffi::PyGen_Check(obj.as_ptr()) != 0 {
            f |= PyFlags::GENERATOR;
        }
        if ffi::PyAsyncGen_CheckExact(obj.as_ptr()) != 0 {
            f |= PyFlags::ASYNC_GENERATOR;
        }
    }
    f
}

/// Whether `obj`'s type exports the buffer protocol (`bf_getbuffer`).
pub fn has_buffer(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: the GIL is held and `obj` is alive, so its type and the type's
    // buffer slot table (if any) are valid for reading; nothing is called.
    unsafe {
        let tp = ffi::Py_TYPE(obj.as_ptr());
        let buf = (*tp).tp_as_buffer;
        !buf.is_null() && (*buf).bf_getbuffer.is_some()
    }
}

/// The `tp_name` of `obj`'s type: `"list"`, `"collections.OrderedDict"`, a
/// class's `__qualname__`…
pub fn tp_name(obj: &Bound<'_, PyAny>) -> String {
    // SAFETY: the GIL is held and `obj` is alive; `tp_name` is a NUL-terminated
    // string owned by the type object, which outlives this call.
    unsafe {
        let name = (*ffi::Py_TYPE(obj.as_ptr())).tp_name;
        if name.is_null() {
            return "object".to_owned();
        }
        std::ffi::CStr::from_ptr(name)
            .to_string_lossy()
            .into_owned()
    }
}

/// `PyGen_Check`: a Python generator object.
pub fn is_generator(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: the GIL is held and `obj` is alive; `PyGen_Check` only reads
    // its type.
    unsafe { ffi::PyGen_Check(obj.as_ptr()) != 0 }
}

/// `object.__getattribute__(obj, name)` without the Python-level call.
pub fn generic_getattr<'py>(
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: both pointers are live for the call and the GIL is held;
    // `PyObject_GenericGetAttr` returns a new reference or NULL with an
    // exception set, which `assume_owned_or_err` turns into a `PyErr`.
    unsafe {
        Bound::from_owned_ptr_or_err(
            obj.py(),
            ffi::PyObject_GenericGetAttr(obj.as_ptr(), name.as_ptr()),
        )
    }
}

/// `callable(*args)` through CPython's vectorcall: no argument tuple is made.
pub fn vectorcall<'py>(
    callable: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    // `Bound<PyAny>` and `Py<PyAny>` are `#[repr(transparent)]` around one
    // `NonNull<PyObject>` (pyo3 0.30, `instance.rs`), so a
    // slice of them is the `PyObject *const *` array vectorcall wants.
    let ptr = args.as_ptr().cast::<*mut ffi::PyObject>();
    // SAFETY: the GIL is held; `callable` and every argument are live for the
    // call (borrowed from the slice); `nargsf` is the slice length (no
    // PY_VECTORCALL_ARGUMENTS_OFFSET, so CPython does not write before
    // `ptr`); no keyword names. The result is a new reference or NULL with an
    // exception set.
    unsafe {
        let r = ffi::PyObject_Vectorcall(callable.as_ptr(), ptr, args.len(), std::ptr::null_mut());
        Bound::from_owned_ptr_or_err(callable.py(), r)
    }
}

pub mod buffer;
pub mod vectorcall;
