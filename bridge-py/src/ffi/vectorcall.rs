//! CPython's vectorcall protocol for `JsCallable`: Python `f(1, 2)` reaches
//! the bridge with the arguments as a C array, without the argument tuple
//! and keyword dict that `tp_call` (pyo3's `__call__`) needs, and without
//! pyo3's per-call argument extraction.
//!
//! pyo3 classes have no vectorcall support, so the slot is installed on the
//! type by hand: `JsCallable` holds a [`VectorcallSlot`] field, and the first
//! time an instance exists, its offset is written into the type's
//! `tp_vectorcall_offset` and `Py_TPFLAGS_HAVE_VECTORCALL` is set. CPython
//! reads both at every call, so calls made after that take this path; pyo3's
//! `__call__` stays for `PyObject_Call`-style callers before it.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

/// The per-instance function pointer CPython's vectorcall reads. It calls
/// [`crate::jsproxy::vectorcall_entry`].
#[repr(transparent)]
pub struct VectorcallSlot(ffi::vectorcallfunc);

impl VectorcallSlot {
    pub fn new() -> Self {
        VectorcallSlot(trampoline)
    }
}

impl Default for VectorcallSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// Point the type of `obj` at its `slot` (once per type: `JsCallable` and
/// its subclasses such as `JsDoubleProxy`): `slot` must be the
/// `VectorcallSlot` field of the object `obj` itself.
pub fn install(obj: &Bound<'_, PyAny>, slot: &VectorcallSlot) {
    // SAFETY: the GIL is held and `obj` is alive; reading its type's flags.
    let done =
        unsafe { (*ffi::Py_TYPE(obj.as_ptr())).tp_flags & ffi::Py_TPFLAGS_HAVE_VECTORCALL != 0 };
    if done {
        return;
    }
    let offset = (slot as *const VectorcallSlot as usize).wrapping_sub(obj.as_ptr() as usize);
    // SAFETY: the GIL is held; `slot` lives inside `obj`'s allocation (the
    // caller passes the object's own field), so `offset` is the field's
    // position in every instance of this pyo3 class (pyo3 lays out every
    // instance of a class alike). The type is a heap type made by pyo3 that
    // we own the definition of; setting the vectorcall offset and flag on it
    // and calling `PyType_Modified` is how CPython expects a type's slots to
    // change. `VectorcallSlot` is `repr(transparent)` over `vectorcallfunc`.
    unsafe {
        let tp = ffi::Py_TYPE(obj.as_ptr());
        (*tp).tp_vectorcall_offset = offset as ffi::Py_ssize_t;
        (*tp).tp_flags |= ffi::Py_TPFLAGS_HAVE_VECTORCALL;
        ffi::PyType_Modified(tp);
    }
}

unsafe extern "C" fn trampoline(
    callable: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargsf: usize,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: CPython calls this with the GIL held, `callable` a live
    // JsCallable, `args` an array of `nargs + len(kwnames)` borrowed live
    // objects, and `kwnames` NULL or a tuple of str. `Bound` is
    // `repr(transparent)` over one object pointer, so the array is a slice of
    // borrowed `Bound`s; we never drop them (ManuallyDrop via `from_borrowed`
    // semantics: the slice is only read). The result is a new reference, or
    // NULL with an exception set.
    unsafe {
        let py = Python::assume_attached();
        let nargs = nargsf & !ffi::PY_VECTORCALL_ARGUMENTS_OFFSET;
        let nkw = if kwnames.is_null() {
            0
        } else {
            ffi::PyTuple_GET_SIZE(kwnames) as usize
        };
        let all: &[Bound<'_, PyAny>] = if nargs + nkw == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(args.cast::<Bound<'_, PyAny>>(), nargs + nkw)
        };
        let callable = Bound::from_borrowed_ptr(py, callable);
        let mut kw = Vec::new();
        if nkw > 0 {
            let names = Bound::from_borrowed_ptr(py, kwnames).cast_into_unchecked::<PyTuple>();
            for (i, value) in all[nargs..].iter().enumerate() {
                let name = names
                    .get_borrowed_item_unchecked(i)
                    .to_owned()
                    .cast_into_unchecked::<PyString>();
                kw.push((name, value.clone()));
            }
        }
        match crate::jsproxy::vectorcall_entry(&callable, &all[..nargs], &kw) {
            Ok(r) => r.into_ptr(),
            Err(e) => {
                e.restore(py);
                std::ptr::null_mut()
            }
        }
    }
}
