//! Status codes, what each becomes in Python and JS, the crate's error type
//! and the thread's last error.
//!
//! Every fallible entry point returns a `bridge_status_t`. On an error it
//! also stores the status and a message (naming the function and what was
//! wrong) as the calling thread's *last error*; a success leaves the last
//! error alone, as `errno` does.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};

use bridge_core::BridgeError;
use thiserror::Error;

use crate::ffi_util::guard_value;

/// A status: `BRIDGE_OK` (0) or one of the `BRIDGE_ERR_*` codes.
pub type bridge_status_t = i32;

/// Success.
pub const BRIDGE_OK: bridge_status_t = 0;
/// A required pointer was NULL (or NULL with a length above 0).
pub const BRIDGE_ERR_NULL_POINTER: bridge_status_t = 1;
/// A length or capacity above `isize::MAX` bytes.
pub const BRIDGE_ERR_BAD_LENGTH: bridge_status_t = 2;
/// An unknown enum value, a misaligned pointer, a `bool` that is not 0/1,
/// or an argument outside its documented range.
pub const BRIDGE_ERR_BAD_ARGUMENT: bridge_status_t = 3;
/// The table id (passed, or inside a key) is 0 or names no live table.
pub const BRIDGE_ERR_NO_SUCH_TABLE: bridge_status_t = 4;
/// The key belongs to another live table than the one passed.
pub const BRIDGE_ERR_WRONG_TABLE: bridge_status_t = 5;
/// The key has bits 53..63 set: it is not a key at all.
pub const BRIDGE_ERR_KEY_OUT_OF_RANGE: bridge_status_t = 6;
/// The key was never issued by this table (index or generation 0, never
/// reached, ...).
pub const BRIDGE_ERR_FORGED_KEY: bridge_status_t = 7;
/// The key's entry was released (its refcount reached 0).
pub const BRIDGE_ERR_STALE_KEY: bridge_status_t = 8;
/// The key's entry was destroyed (`bridge_table_destroy`).
pub const BRIDGE_ERR_DESTROYED_KEY: bridge_status_t = 9;
/// The table is full.
pub const BRIDGE_ERR_CAPACITY: bridge_status_t = 10;
/// A refcount would pass `UINT32_MAX`.
pub const BRIDGE_ERR_REFCOUNT_OVERFLOW: bridge_status_t = 11;
/// Bytes that are not WTF-8.
pub const BRIDGE_ERR_INVALID_UTF8: bridge_status_t = 12;
/// A lone surrogate where strict UTF-8 was asked for.
pub const BRIDGE_ERR_LONE_SURROGATE: bridge_status_t = 13;
/// A code point above U+10FFFF.
pub const BRIDGE_ERR_INVALID_CODE_POINT: bridge_status_t = 14;
/// An integer does not fit the target type.
pub const BRIDGE_ERR_INTEGER_OVERFLOW: bridge_status_t = 15;
/// Malformed big-integer text or bytes.
pub const BRIDGE_ERR_MALFORMED_BIGINT: bridge_status_t = 16;
/// A buffer format that is not `struct` syntax.
pub const BRIDGE_ERR_MALFORMED_FORMAT: bridge_status_t = 17;
/// A valid `struct` format with no typed-array equivalent.
pub const BRIDGE_ERR_UNSUPPORTED_FORMAT: bridge_status_t = 18;
/// Shape, strides, offset and length that do not describe a valid buffer.
pub const BRIDGE_ERR_INVALID_BUFFER: bridge_status_t = 19;
/// The output buffer is too small; `*out_len` holds the length needed.
pub const BRIDGE_ERR_OUTPUT_TOO_SMALL: bridge_status_t = 20;
/// All 255 table ids are live.
pub const BRIDGE_ERR_TOO_MANY_TABLES: bridge_status_t = 21;
/// A call from a release callback that the table cannot take while it is
/// being freed (freeing it again, inserting into it).
pub const BRIDGE_ERR_REENTRANT: bridge_status_t = 22;
/// A bug in the bridge (it never panics across the boundary).
pub const BRIDGE_ERR_INTERNAL: bridge_status_t = 23;

/// One status: its name and the Python and JS classes it becomes.
pub(crate) struct StatusInfo {
    pub(crate) code: bridge_status_t,
    pub(crate) name: &'static CStr,
    pub(crate) python: &'static CStr,
    pub(crate) js: &'static CStr,
}

const fn row(
    code: bridge_status_t,
    name: &'static CStr,
    python: &'static CStr,
    js: &'static CStr,
) -> StatusInfo {
    StatusInfo {
        code,
        name,
        python,
        js,
    }
}

/// Every status, indexed by its code. The classes of the statuses that come
/// from a `BridgeError` are the core's (checked by a test); the rest follow
/// the spec.
pub(crate) const STATUSES: [StatusInfo; 24] = [
    row(BRIDGE_OK, c"BRIDGE_OK", c"", c""),
    row(
        BRIDGE_ERR_NULL_POINTER,
        c"BRIDGE_ERR_NULL_POINTER",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_BAD_LENGTH,
        c"BRIDGE_ERR_BAD_LENGTH",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_BAD_ARGUMENT,
        c"BRIDGE_ERR_BAD_ARGUMENT",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_NO_SUCH_TABLE,
        c"BRIDGE_ERR_NO_SUCH_TABLE",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_WRONG_TABLE,
        c"BRIDGE_ERR_WRONG_TABLE",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_KEY_OUT_OF_RANGE,
        c"BRIDGE_ERR_KEY_OUT_OF_RANGE",
        c"ValueError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_FORGED_KEY,
        c"BRIDGE_ERR_FORGED_KEY",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_STALE_KEY,
        c"BRIDGE_ERR_STALE_KEY",
        c"RuntimeError",
        c"Error",
    ),
    row(
        BRIDGE_ERR_DESTROYED_KEY,
        c"BRIDGE_ERR_DESTROYED_KEY",
        c"RuntimeError",
        c"Error",
    ),
    row(
        BRIDGE_ERR_CAPACITY,
        c"BRIDGE_ERR_CAPACITY",
        c"MemoryError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_REFCOUNT_OVERFLOW,
        c"BRIDGE_ERR_REFCOUNT_OVERFLOW",
        c"OverflowError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_INVALID_UTF8,
        c"BRIDGE_ERR_INVALID_UTF8",
        c"UnicodeDecodeError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_LONE_SURROGATE,
        c"BRIDGE_ERR_LONE_SURROGATE",
        c"UnicodeEncodeError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_INVALID_CODE_POINT,
        c"BRIDGE_ERR_INVALID_CODE_POINT",
        c"ValueError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_INTEGER_OVERFLOW,
        c"BRIDGE_ERR_INTEGER_OVERFLOW",
        c"OverflowError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_MALFORMED_BIGINT,
        c"BRIDGE_ERR_MALFORMED_BIGINT",
        c"ValueError",
        c"SyntaxError",
    ),
    row(
        BRIDGE_ERR_MALFORMED_FORMAT,
        c"BRIDGE_ERR_MALFORMED_FORMAT",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_UNSUPPORTED_FORMAT,
        c"BRIDGE_ERR_UNSUPPORTED_FORMAT",
        c"NotImplementedError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_INVALID_BUFFER,
        c"BRIDGE_ERR_INVALID_BUFFER",
        c"ValueError",
        c"TypeError",
    ),
    row(
        BRIDGE_ERR_OUTPUT_TOO_SMALL,
        c"BRIDGE_ERR_OUTPUT_TOO_SMALL",
        c"ValueError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_TOO_MANY_TABLES,
        c"BRIDGE_ERR_TOO_MANY_TABLES",
        c"MemoryError",
        c"RangeError",
    ),
    row(
        BRIDGE_ERR_REENTRANT,
        c"BRIDGE_ERR_REENTRANT",
        c"RuntimeError",
        c"Error",
    ),
    row(
        BRIDGE_ERR_INTERNAL,
        c"BRIDGE_ERR_INTERNAL",
        c"SystemError",
        c"Error",
    ),
];

fn info(s: bridge_status_t) -> Option<&'static StatusInfo> {
    usize::try_from(s)
        .ok()
        .and_then(|i| STATUSES.get(i))
        .filter(|row| row.code == s)
}

/// What went wrong in a call. The message (`Display`) names the argument,
/// key or table at fault; [`CapiError::status`] is the code C sees.
#[derive(Debug, Error)]
pub(crate) enum CapiError {
    /// A core error that needs no translation (codecs, big integers,
    /// buffer formats and layouts).
    #[error("{0}")]
    Core(BridgeError),
    #[error("{arg} is NULL")]
    NullPointer { arg: &'static str },
    #[error("{arg} is NULL but its length is {len}")]
    NullWithLength { arg: &'static str, len: usize },
    #[error("{arg} length {len} exceeds the maximum {max}")]
    BadLength {
        arg: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{arg} {addr:#x} is not aligned to {align} bytes")]
    Misaligned {
        arg: &'static str,
        addr: usize,
        align: usize,
    },
    #[error("{arg}: {reason}")]
    BadArgument { arg: &'static str, reason: String },
    #[error("no table {table}: {reason}")]
    NoSuchTable { table: u32, reason: &'static str },
    #[error("key {key:#x} belongs to table {key_table}, not to table {table}")]
    WrongTable {
        key: u64,
        key_table: u32,
        table: u32,
    },
    #[error("key {key:#x} is out of range: bits 53..63 must be 0 (keys are below 2^53)")]
    KeyOutOfRange { key: u64 },
    #[error("forged key {key:#x}: {reason}")]
    ForgedKey { key: u64, reason: &'static str },
    #[error("stale key {key:#x}: {reason}")]
    StaleKey { key: u64, reason: &'static str },
    #[error("key {key:#x} was used after its entry was destroyed")]
    DestroyedKey { key: u64 },
    #[error("table {table} is full ({limit} live entries)")]
    Capacity { table: u32, limit: usize },
    #[error("key {key:#x}: its reference count would pass 4294967295")]
    RefcountOverflow { key: u64 },
    #[error("the output needs {needed} {what} but cap is {cap}")]
    OutputTooSmall {
        what: &'static str,
        needed: usize,
        cap: usize,
    },
    #[error("all 255 table ids are live")]
    TooManyTables,
    #[error("table {table} is being freed: {what} is refused until its release callbacks return")]
    Reentrant { table: u32, what: &'static str },
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl CapiError {
    /// The status C sees.
    pub(crate) fn status(&self) -> bridge_status_t {
        use CapiError::*;
        match self {
            Core(e) => core_status(e),
            NullPointer { .. } | NullWithLength { .. } => BRIDGE_ERR_NULL_POINTER,
            BadLength { .. } => BRIDGE_ERR_BAD_LENGTH,
            Misaligned { .. } | BadArgument { .. } => BRIDGE_ERR_BAD_ARGUMENT,
            NoSuchTable { .. } => BRIDGE_ERR_NO_SUCH_TABLE,
            WrongTable { .. } => BRIDGE_ERR_WRONG_TABLE,
            KeyOutOfRange { .. } => BRIDGE_ERR_KEY_OUT_OF_RANGE,
            ForgedKey { .. } => BRIDGE_ERR_FORGED_KEY,
            StaleKey { .. } => BRIDGE_ERR_STALE_KEY,
            DestroyedKey { .. } => BRIDGE_ERR_DESTROYED_KEY,
            Capacity { .. } => BRIDGE_ERR_CAPACITY,
            RefcountOverflow { .. } => BRIDGE_ERR_REFCOUNT_OVERFLOW,
            OutputTooSmall { .. } => BRIDGE_ERR_OUTPUT_TOO_SMALL,
            TooManyTables => BRIDGE_ERR_TOO_MANY_TABLES,
            Reentrant { .. } => BRIDGE_ERR_REENTRANT,
            Internal(_) => BRIDGE_ERR_INTERNAL,
        }
    }
}

impl From<BridgeError> for CapiError {
    fn from(e: BridgeError) -> Self {
        CapiError::Core(e)
    }
}

/// The status of a core error. Every variant is listed; the `_` arm exists
/// only because `BridgeError` is `#[non_exhaustive]` (a variant added to the
/// core later is `INTERNAL` until it gets a row here).
pub(crate) fn core_status(e: &BridgeError) -> bridge_status_t {
    use BridgeError::*;
    match e {
        KeyOutOfRange { .. } => BRIDGE_ERR_KEY_OUT_OF_RANGE,
        ForgedKey { .. } => BRIDGE_ERR_FORGED_KEY,
        StaleKey { .. } => BRIDGE_ERR_STALE_KEY,
        DestroyedKey { .. } | DestroyedProxy { .. } => BRIDGE_ERR_DESTROYED_KEY,
        CapacityExhausted { .. } | OutOfMemory { .. } => BRIDGE_ERR_CAPACITY,
        RefcountOverflow { .. } => BRIDGE_ERR_REFCOUNT_OVERFLOW,
        InvalidUtf8 { .. } => BRIDGE_ERR_INVALID_UTF8,
        LoneSurrogate { .. } => BRIDGE_ERR_LONE_SURROGATE,
        InvalidCodePoint { .. } => BRIDGE_ERR_INVALID_CODE_POINT,
        IntegerOverflow { .. } => BRIDGE_ERR_INTEGER_OVERFLOW,
        MalformedBigInt { .. } => BRIDGE_ERR_MALFORMED_BIGINT,
        MalformedFormat { .. } => BRIDGE_ERR_MALFORMED_FORMAT,
        UnsupportedFormat { .. } => BRIDGE_ERR_UNSUPPORTED_FORMAT,
        InvalidShape { .. }
        | NegativeDimension { .. }
        | NegativeStride { .. }
        | LayoutOverflow { .. }
        | BufferOutOfBounds { .. }
        | MisalignedBuffer { .. } => BRIDGE_ERR_INVALID_BUFFER,
        Conversion { .. } => BRIDGE_ERR_BAD_ARGUMENT,
        InvalidPlan { .. } | CrossingTooDeep { .. } => BRIDGE_ERR_INTERNAL,
        _ => BRIDGE_ERR_INTERNAL,
    }
}

struct LastError {
    status: bridge_status_t,
    message: String,
}

thread_local! {
    static LAST_ERROR: RefCell<LastError> = const {
        RefCell::new(LastError { status: BRIDGE_OK, message: String::new() })
    };
}

/// Record `e` as this thread's last error ("func: message") and return its
/// status.
pub(crate) fn fail(func: &'static str, e: &CapiError) -> bridge_status_t {
    let status = e.status();
    let message = format!("{func}: {e}");
    LAST_ERROR.with(|l| *l.borrow_mut() = LastError { status, message });
    status
}

/// The last error message as a Rust string (tests).
#[cfg(test)]
pub(crate) fn last_error_string() -> String {
    LAST_ERROR.with(|l| l.borrow().message.clone())
}

/// The name of a status, e.g. `"BRIDGE_ERR_FORGED_KEY"`; an unknown code
/// gives `"BRIDGE_ERR_UNKNOWN"`. The string is static.
#[no_mangle]
pub extern "C" fn bridge_status_name(s: bridge_status_t) -> *const c_char {
    guard_value(c"BRIDGE_ERR_INTERNAL".as_ptr(), || {
        info(s).map_or(c"BRIDGE_ERR_UNKNOWN", |i| i.name).as_ptr()
    })
}

/// The Python exception class a status becomes (a name in `builtins`), e.g.
/// `"ValueError"`; `""` for `BRIDGE_OK`, `"SystemError"` for an unknown
/// code. The string is static.
#[no_mangle]
pub extern "C" fn bridge_status_python_class(s: bridge_status_t) -> *const c_char {
    guard_value(c"SystemError".as_ptr(), || {
        info(s).map_or(c"SystemError", |i| i.python).as_ptr()
    })
}

/// The JS error class a status becomes (a JS builtin), e.g. `"TypeError"`;
/// `""` for `BRIDGE_OK`, `"Error"` for an unknown code. The string is
/// static.
#[no_mangle]
pub extern "C" fn bridge_status_js_class(s: bridge_status_t) -> *const c_char {
    guard_value(c"Error".as_ptr(), || {
        info(s).map_or(c"Error", |i| i.js).as_ptr()
    })
}

/// The status of this thread's last error; `BRIDGE_OK` if there was none
/// yet or it was cleared.
#[no_mangle]
pub extern "C" fn bridge_last_error_status() -> bridge_status_t {
    guard_value(BRIDGE_ERR_INTERNAL, || {
        LAST_ERROR.with(|l| l.borrow().status)
    })
}

/// Copy this thread's last error message (UTF-8, e.g. `"bridge_table_get:
/// forged key 0x2000001000001: its slot index or generation was never
/// issued"`) into `buf`: `min(len, cap - 1)` bytes and a NUL. Nothing is
/// written if `cap` is 0 (`buf` may then be NULL) or if `buf` is NULL.
/// Returns the message's full length without the NUL, so a first call with
/// `cap` 0 sizes the buffer. A truncated copy may end inside a UTF-8
/// sequence. With no last error the message is empty.
///
/// # Safety
/// `buf`, if non-null, must be valid for writes of `cap` bytes.
#[no_mangle]
pub unsafe extern "C" fn bridge_last_error_message(buf: *mut u8, cap: usize) -> usize {
    guard_value(0, || {
        LAST_ERROR.with(|l| {
            let l = l.borrow();
            let msg = l.message.as_bytes();
            if !buf.is_null() && cap > 0 {
                let n = msg.len().min(cap - 1);
                // SAFETY: `buf` is non-null and the caller promises `cap`
                // writable bytes; `n + 1 <= cap`. `msg` is our own String,
                // which cannot overlap C's buffer.
                unsafe {
                    std::ptr::copy_nonoverlapping(msg.as_ptr(), buf, n);
                    buf.add(n).write(0);
                }
            }
            msg.len()
        })
    })
}

/// Forget this thread's last error: `bridge_last_error_status` is then
/// `BRIDGE_OK` and the message empty.
#[no_mangle]
pub extern "C" fn bridge_clear_error() {
    guard_value((), || {
        LAST_ERROR.with(|l| {
            *l.borrow_mut() = LastError {
                status: BRIDGE_OK,
                message: String::new(),
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: *const c_char) -> &'static str {
        // SAFETY: every pointer these functions return is a static C string.
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn table_is_indexed_by_code() {
        for (i, row) in STATUSES.iter().enumerate() {
            assert_eq!(row.code as usize, i);
            assert!(row.name.to_str().unwrap().starts_with("BRIDGE_"));
        }
        assert_eq!(
            s(bridge_status_name(BRIDGE_ERR_FORGED_KEY)),
            "BRIDGE_ERR_FORGED_KEY"
        );
        assert_eq!(s(bridge_status_name(0)), "BRIDGE_OK");
        assert_eq!(s(bridge_status_name(23)), "BRIDGE_ERR_INTERNAL");
        for unknown in [-1, 24, i32::MAX, i32::MIN] {
            assert_eq!(s(bridge_status_name(unknown)), "BRIDGE_ERR_UNKNOWN");
            assert_eq!(s(bridge_status_python_class(unknown)), "SystemError");
            assert_eq!(s(bridge_status_js_class(unknown)), "Error");
        }
        assert_eq!(s(bridge_status_python_class(BRIDGE_OK)), "");
        assert_eq!(s(bridge_status_js_class(BRIDGE_OK)), "");
        assert_eq!(
            s(bridge_status_python_class(BRIDGE_ERR_FORGED_KEY)),
            "ValueError"
        );
        assert_eq!(
            s(bridge_status_js_class(BRIDGE_ERR_FORGED_KEY)),
            "TypeError"
        );
        assert_eq!(
            s(bridge_status_python_class(BRIDGE_ERR_REENTRANT)),
            "RuntimeError"
        );
        assert_eq!(s(bridge_status_js_class(BRIDGE_ERR_INTERNAL)), "Error");
        assert_eq!(
            s(bridge_status_python_class(BRIDGE_ERR_INTERNAL)),
            "SystemError"
        );
        assert_eq!(
            s(bridge_status_js_class(BRIDGE_ERR_OUTPUT_TOO_SMALL)),
            "RangeError"
        );
        assert_eq!(
            s(bridge_status_python_class(BRIDGE_ERR_TOO_MANY_TABLES)),
            "MemoryError"
        );
    }

    /// One sample per core variant; the status's classes must be the
    /// core's for the variant the spec names as the status's model.
    fn core_samples() -> Vec<(BridgeError, bridge_status_t, bool)> {
        use BridgeError::*;
        // (error, status, whether its classes define the status's classes)
        vec![
            (
                KeyOutOfRange {
                    kind: "JsRef",
                    value: "x".into(),
                    reason: "r",
                },
                6,
                true,
            ),
            (
                ForgedKey {
                    kind: "JsRef",
                    wire: 1,
                    reason: "r",
                },
                7,
                true,
            ),
            (
                StaleKey {
                    kind: "JsRef",
                    wire: 1,
                    reason: "r",
                },
                8,
                true,
            ),
            (
                DestroyedKey {
                    kind: "JsRef",
                    wire: 1,
                },
                9,
                true,
            ),
            (
                DestroyedProxy {
                    message: "m".into(),
                },
                9,
                true,
            ),
            (
                CapacityExhausted {
                    kind: "JsRef",
                    limit: 1,
                },
                10,
                true,
            ),
            (
                OutOfMemory {
                    what: "w",
                    bytes: 1,
                },
                10,
                true,
            ),
            (
                RefcountOverflow {
                    kind: "JsRef",
                    wire: 1,
                },
                11,
                true,
            ),
            (
                InvalidUtf8 {
                    offset: 0,
                    reason: "r",
                },
                12,
                true,
            ),
            (
                LoneSurrogate {
                    offset: 0,
                    unit: 0xd800,
                },
                13,
                true,
            ),
            (
                InvalidCodePoint {
                    offset: 0,
                    value: 0x110000,
                },
                14,
                true,
            ),
            (
                IntegerOverflow {
                    target: "i64",
                    value: "1".into(),
                },
                15,
                true,
            ),
            (
                MalformedBigInt {
                    input: "x".into(),
                    reason: "r",
                },
                16,
                true,
            ),
            (
                MalformedFormat {
                    format: "x".into(),
                    reason: "r",
                },
                17,
                true,
            ),
            (
                UnsupportedFormat {
                    format: "x".into(),
                    reason: "r",
                },
                18,
                true,
            ),
            (InvalidShape { reason: "r".into() }, 19, true),
            (NegativeDimension { dim: 0, extent: -1 }, 19, false),
            (NegativeStride { dim: 0, stride: -1 }, 19, false),
            (LayoutOverflow { what: "w".into() }, 19, false),
            (
                BufferOutOfBounds {
                    needed: 2,
                    byte_len: 1,
                },
                19,
                false,
            ),
            (
                MisalignedBuffer {
                    what: "offset",
                    value: 1,
                    itemsize: 4,
                },
                19,
                false,
            ),
            (
                Conversion {
                    type_name: "T".into(),
                    reason: "r".into(),
                },
                3,
                false,
            ),
            (InvalidPlan { reason: "r".into() }, 23, true),
            (CrossingTooDeep { depth: 2, limit: 1 }, 23, false),
        ]
    }

    #[test]
    fn core_errors_map_to_statuses_with_the_cores_classes() {
        for (e, status, defines) in core_samples() {
            assert_eq!(core_status(&e), status, "{e:?}");
            let c = CapiError::from(e.clone());
            assert_eq!(c.status(), status);
            assert_eq!(c.to_string(), e.to_string());
            if defines {
                let row = &STATUSES[status as usize];
                assert_eq!(row.python.to_str().unwrap(), e.python_class(), "{e:?}");
                assert_eq!(row.js.to_str().unwrap(), e.js_class(), "{e:?}");
            }
        }
    }

    #[test]
    fn last_error_is_per_thread_and_copies_with_a_nul() {
        bridge_clear_error();
        assert_eq!(bridge_last_error_status(), BRIDGE_OK);
        // SAFETY: NULL with cap 0 is a size query.
        let got = unsafe { bridge_last_error_message(std::ptr::null_mut(), 0) };
        assert_eq!(got, 0);
        let st = fail("bridge_x", &CapiError::NullPointer { arg: "out" });
        assert_eq!(st, BRIDGE_ERR_NULL_POINTER);
        assert_eq!(bridge_last_error_status(), BRIDGE_ERR_NULL_POINTER);
        let full = "bridge_x: out is NULL";
        // SAFETY: as above.
        let got = unsafe { bridge_last_error_message(std::ptr::null_mut(), 0) };
        assert_eq!(got, full.len());
        let mut buf = [0xffu8; 8];
        // SAFETY: `buf` has 8 bytes.
        let n = unsafe { bridge_last_error_message(buf.as_mut_ptr(), buf.len()) };
        assert_eq!(n, full.len());
        assert_eq!(&buf, b"bridge_\0");
        let mut big = [0xffu8; 64];
        // SAFETY: `big` has 64 bytes.
        unsafe { bridge_last_error_message(big.as_mut_ptr(), big.len()) };
        assert_eq!(&big[..full.len() + 1], format!("{full}\0").as_bytes());
        assert_eq!(big[full.len() + 1], 0xff);
        let mut one = [0xffu8; 1];
        // SAFETY: `one` has 1 byte.
        unsafe { bridge_last_error_message(one.as_mut_ptr(), 1) };
        assert_eq!(one, [0]);
        // SAFETY: a NULL buf is never written, whatever cap says.
        let got = unsafe { bridge_last_error_message(std::ptr::null_mut(), 10) };
        assert_eq!(got, full.len());
        // Another thread has its own last error.
        std::thread::spawn(|| assert_eq!(bridge_last_error_status(), BRIDGE_OK))
            .join()
            .unwrap();
        bridge_clear_error();
        assert_eq!(bridge_last_error_status(), BRIDGE_OK);
        assert_eq!(last_error_string(), "");
    }
}
