//! The checked pointer helpers: the only place where a raw pointer from C
//! becomes a Rust slice, reference or write target, and the guard every
//! entry point runs its body in.
//!
//! Each `assume_*` helper checks what can be checked (null, length, alignment)
//! and returns a typed [`CapiError`] otherwise; what cannot be checked (that a
//! non-null pointer really points at that many live, unaliased objects) is
//! the caller's promise, stated in its `# Safety` section and passed on by
//! the entry point's own `# Safety` section to C.

use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::panic::{self, AssertUnwindSafe};
use std::ptr::NonNull;

use crate::status::{self, bridge_status_t, CapiError, BRIDGE_OK};

/// Run an entry point's body: `Ok` is `BRIDGE_OK`; an error (or a panic,
/// which the code is written never to raise: wasm32 builds abort on panic)
/// sets the thread's last error, prefixed with `func`, and returns its
/// status.
pub(crate) fn guard(
    func: &'static str,
    body: impl FnOnce() -> Result<(), CapiError>,
) -> bridge_status_t {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => BRIDGE_OK,
        Ok(Err(e)) => status::fail(func, &e),
        Err(_) => status::fail(func, &CapiError::Internal("panicked (a bug)")),
    }
}

/// [`guard`] for the entry points that cannot fail and return a value
/// directly: a panic (a bug) gives `fallback`.
pub(crate) fn guard_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    panic::catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// `len` elements of `T` must stay within `isize::MAX` bytes (what Rust
/// slices and C objects can span).
fn check_len<T>(len: usize, arg: &'static str) -> Result<(), CapiError> {
    let max = isize::MAX as usize / size_of::<T>().max(1);
    if len > max {
        return Err(CapiError::BadLength { arg, len, max });
    }
    Ok(())
}

fn check_align<T>(addr: usize, arg: &'static str) -> Result<(), CapiError> {
    if addr % align_of::<T>() != 0 {
        return Err(CapiError::Misaligned {
            arg,
            addr,
            align: align_of::<T>(),
        });
    }
    Ok(())
}

/// The input slice `ptr[0..len]`. NULL with `len == 0` is the empty slice;
/// NULL with `len > 0` is `NULL_POINTER`; `len` past `isize::MAX` bytes is
/// `BAD_LENGTH` (checked first); a pointer not aligned for `T` is
/// `BAD_ARGUMENT`.
///
/// # Safety
/// If `ptr` is non-null it must point to `len` initialized `T`s that stay
/// valid and unmodified for `'a`.
pub(crate) unsafe fn assume_slice<'a, T>(
    ptr: *const T,
    len: usize,
    arg: &'static str,
) -> Result<&'a [T], CapiError> {
    check_len::<T>(len, arg)?;
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(CapiError::NullWithLength { arg, len })
        };
    }
    check_align::<T>(ptr as usize, arg)?;
    // SAFETY: non-null and aligned (checked), `len * size_of::<T>()` is at
    // most isize::MAX (checked), and the caller promises `len` initialized,
    // unmodified `T`s for `'a`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `&*ptr` for a struct C filled in. NULL is `NULL_POINTER`, a misaligned
/// pointer `BAD_ARGUMENT`.
///
/// # Safety
/// `ptr`, if non-null, must point to an initialized `T` valid for `'a`, and
/// `T` must be a mirror type for which every initialized bit pattern is
/// valid (integers, raw pointers, `u8` in place of C `bool`), so nothing C
/// could have stored makes the reference invalid.
pub(crate) unsafe fn assume_readable<'a, T>(
    ptr: *const T,
    arg: &'static str,
) -> Result<&'a T, CapiError> {
    if ptr.is_null() {
        return Err(CapiError::NullPointer { arg });
    }
    check_align::<T>(ptr as usize, arg)?;
    // SAFETY: non-null and aligned (checked); the caller promises an
    // initialized `T` for `'a` whose every bit pattern is valid.
    Ok(unsafe { &*ptr })
}

/// An output location: written with [`Out::write`], never read (C may hand
/// over uninitialized memory).
pub(crate) struct Out<'a, T> {
    ptr: NonNull<T>,
    _borrow: PhantomData<&'a mut T>,
}

impl<T> Out<'_, T> {
    /// Store `value` (the old contents are not read or dropped).
    pub(crate) fn write(&mut self, value: T) {
        // SAFETY: `assume_out` checked non-null and alignment; its caller
        // promised the location is writable for the lifetime of `self`.
        unsafe { self.ptr.as_ptr().write(value) }
    }
}

/// The output location `ptr`. NULL is `NULL_POINTER`, a misaligned pointer
/// `BAD_ARGUMENT`.
///
/// # Safety
/// `ptr`, if non-null, must be valid for writes of one `T` for `'a`, and
/// not read or written by anything else meanwhile.
pub(crate) unsafe fn assume_out<'a, T>(
    ptr: *mut T,
    arg: &'static str,
) -> Result<Out<'a, T>, CapiError> {
    match NonNull::new(ptr) {
        None => Err(CapiError::NullPointer { arg }),
        Some(ptr) => {
            check_align::<T>(ptr.as_ptr() as usize, arg)?;
            Ok(Out {
                ptr,
                _borrow: PhantomData,
            })
        }
    }
}

/// A nullable output location: NULL means "not wanted".
///
/// # Safety
/// As [`assume_out`].
pub(crate) unsafe fn assume_opt_out<'a, T>(
    ptr: *mut T,
    arg: &'static str,
) -> Result<Option<Out<'a, T>>, CapiError> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller's promise, passed on.
    unsafe { assume_out(ptr, arg) }.map(Some)
}

/// An output buffer (`dst`, `cap`, `out_len`): see [`OutBuf::put`].
pub(crate) struct OutBuf<'a, T> {
    dst: *mut T,
    cap: usize,
    out_len: Out<'a, usize>,
}

/// The output buffer `dst[0..cap]` with its length report `out_len`.
/// `out_len` NULL is `NULL_POINTER`; `cap` past `isize::MAX` bytes is
/// `BAD_LENGTH`; `dst` NULL with `cap > 0` is `NULL_POINTER` (NULL with
/// `cap == 0` is a size query); `dst` misaligned for `T` is `BAD_ARGUMENT`.
///
/// # Safety
/// `out_len` as for [`assume_out`]; `dst`, if non-null, must be valid for
/// writes of `cap` `T`s for `'a`. `dst` may overlap the inputs: nothing is
/// written before the inputs have been read.
pub(crate) unsafe fn assume_out_buf<'a, T>(
    dst: *mut T,
    cap: usize,
    out_len: *mut usize,
) -> Result<OutBuf<'a, T>, CapiError> {
    // SAFETY: the caller's promise for `out_len`, passed on.
    let out_len = unsafe { assume_out(out_len, "out_len") }?;
    check_len::<T>(cap, "cap")?;
    if dst.is_null() {
        if cap > 0 {
            return Err(CapiError::NullWithLength {
                arg: "dst",
                len: cap,
            });
        }
    } else {
        check_align::<T>(dst as usize, "dst")?;
    }
    Ok(OutBuf { dst, cap, out_len })
}

impl<T: Copy> OutBuf<'_, T> {
    /// Copy `data` out and set `*out_len = data.len()`. If `cap` is too
    /// small nothing is written to `dst`, `*out_len` is the length needed
    /// and the result is `OUTPUT_TOO_SMALL`.
    pub(crate) fn put(mut self, data: &[T], what: &'static str) -> Result<(), CapiError> {
        self.out_len.write(data.len());
        if data.len() > self.cap {
            return Err(CapiError::OutputTooSmall {
                what,
                needed: data.len(),
                cap: self.cap,
            });
        }
        if !data.is_empty() {
            // SAFETY: `dst` is non-null (cap >= data.len() > 0), aligned,
            // and writable for `cap >= data.len()` elements (checked /
            // promised in `assume_out_buf`); `copy` allows overlap.
            unsafe { std::ptr::copy(data.as_ptr(), self.dst, data.len()) }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::*;

    #[test]
    fn slices_null_len_and_alignment() {
        // SAFETY: NULL pointers are never dereferenced.
        let empty = unsafe { assume_slice::<u8>(std::ptr::null(), 0, "src") };
        assert_eq!(empty.unwrap(), &[] as &[u8]);
        // SAFETY: as above.
        let e = unsafe { assume_slice::<u8>(std::ptr::null(), 3, "src") }.unwrap_err();
        assert_eq!(e.status(), BRIDGE_ERR_NULL_POINTER);
        assert_eq!(e.to_string(), "src is NULL but its length is 3");
        // SAFETY: the length check fails before the pointer is used.
        let e = unsafe { assume_slice::<u16>(std::ptr::null(), usize::MAX, "src") }.unwrap_err();
        assert_eq!(e.status(), BRIDGE_ERR_BAD_LENGTH);
        assert_eq!(
            e.to_string(),
            format!(
                "src length {} exceeds the maximum {}",
                usize::MAX,
                isize::MAX as usize / 2
            )
        );
        let units = [1u16, 2, 3];
        let odd = (units.as_ptr() as *const u8).wrapping_add(1) as *const u16;
        // SAFETY: the alignment check fails before the pointer is used.
        let e = unsafe { assume_slice(odd, 1, "src") }.unwrap_err();
        assert_eq!(e.status(), BRIDGE_ERR_BAD_ARGUMENT);
        assert!(e.to_string().contains("not aligned to 2"), "{e}");
        // SAFETY: `units` holds 3 u16s.
        let ok = unsafe { assume_slice(units.as_ptr(), 3, "src") }.unwrap();
        assert_eq!(ok, &[1, 2, 3]);
    }

    #[test]
    fn out_buffers_report_the_needed_length() {
        let mut dst = [0u8; 4];
        let mut len = 99usize;
        // SAFETY: `dst` and `len` are live locals.
        let buf = unsafe { assume_out_buf(dst.as_mut_ptr(), 2, &mut len) }.unwrap();
        let e = buf.put(b"abc", "bytes").unwrap_err();
        assert_eq!(e.status(), BRIDGE_ERR_OUTPUT_TOO_SMALL);
        assert_eq!(e.to_string(), "the output needs 3 bytes but cap is 2");
        assert_eq!((len, dst), (3, [0; 4]));
        // SAFETY: as above.
        let buf = unsafe { assume_out_buf(dst.as_mut_ptr(), 4, &mut len) }.unwrap();
        buf.put(b"abc", "bytes").unwrap();
        assert_eq!((len, &dst), (3, b"abc\0"));
        // Size query: NULL with cap 0.
        // SAFETY: NULL dst with cap 0 is never written.
        let buf = unsafe { assume_out_buf::<u8>(std::ptr::null_mut(), 0, &mut len) }.unwrap();
        assert!(buf.put(b"hello", "bytes").is_err());
        assert_eq!(len, 5);
        // SAFETY: NULL pointers are rejected before use.
        let e = unsafe { assume_out_buf::<u8>(std::ptr::null_mut(), 1, &mut len) }
            .err()
            .unwrap();
        assert_eq!(e.status(), BRIDGE_ERR_NULL_POINTER);
        // SAFETY: as above.
        let e = unsafe { assume_out_buf::<u8>(dst.as_mut_ptr(), 1, std::ptr::null_mut()) }
            .err()
            .unwrap();
        assert_eq!(e.to_string(), "out_len is NULL");
    }

    #[test]
    fn guard_turns_panics_into_internal() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let s = guard("bridge_test", || panic!("boom"));
        let v = guard_value(7, || panic!("boom"));
        std::panic::set_hook(prev);
        assert_eq!(v, 7);
        assert_eq!(s, BRIDGE_ERR_INTERNAL);
        assert_eq!(bridge_last_error_status(), BRIDGE_ERR_INTERNAL);
        assert_eq!(
            last_error_string(),
            "bridge_test: internal error: panicked (a bug)"
        );
    }
}
