//! The crate's one error type.
//!
//! Every variant knows which Python exception class and which JS error class
//! it becomes when it crosses ([`BridgeError::python_class`],
//! [`BridgeError::js_class`]). The exception object itself is built by the
//! host (bridge-py / bridge-js) only when the error actually crosses.
//!
//! Python class names are builtins except `ConversionError`, which the bridge
//! defines (as Pyodide's `pyodide.ffi.ConversionError`, a subclass of
//! `Exception`). JS class names are always builtins.

use thiserror::Error;

/// Everything that can go wrong in `bridge-core`.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum BridgeError {
    // ---- handle keys -------------------------------------------------------
    /// The wire value is not a key at all: NaN, fractional, negative, or
    /// `>= 2^53`.
    #[error("{kind} key {value} is out of range: {reason}")]
    KeyOutOfRange {
        kind: &'static str,
        value: String,
        reason: &'static str,
    },

    /// The bits are in range but never named an entry of this table: wrong
    /// tag, index/generation 0, an index never allocated, or a generation
    /// the slot never reached.
    #[error("forged {kind} key {wire:#x}: {reason}")]
    ForgedKey {
        kind: &'static str,
        wire: u64,
        reason: &'static str,
    },

    /// The key named an entry that has since been released (its refcount
    /// reached 0) -- a use after release.
    #[error("stale {kind} key {wire:#x}: {reason}")]
    StaleKey {
        kind: &'static str,
        wire: u64,
        reason: &'static str,
    },

    /// The key named an entry that was explicitly destroyed.
    #[error("{kind} key {wire:#x} was used after its object was destroyed")]
    DestroyedKey { kind: &'static str, wire: u64 },

    /// A `PyProxy` the user destroyed crossed back into Python (its entry
    /// may still be live through another proxy of the same object). The
    /// message is the host's, naming the object's type.
    #[error("{message}")]
    DestroyedProxy { message: String },

    /// The table cannot take another entry.
    #[error("{kind} handle table is full ({limit} live entries)")]
    CapacityExhausted { kind: &'static str, limit: usize },

    /// An entry's refcount would exceed `u32::MAX`.
    #[error("{kind} key {wire:#x}: reference count would overflow")]
    RefcountOverflow { kind: &'static str, wire: u64 },

    // ---- strings -----------------------------------------------------------
    /// Bytes that are not (generalized) UTF-8 / WTF-8.
    #[error("invalid UTF-8 at byte {offset}: {reason}")]
    InvalidUtf8 { offset: usize, reason: &'static str },

    /// A lone surrogate where a Rust `String` was required.
    #[error("lone surrogate {unit:#06x} at UTF-16 offset {offset} cannot become a Rust string")]
    LoneSurrogate { offset: usize, unit: u16 },

    /// A code point above U+10FFFF.
    #[error("code point {value:#x} at offset {offset} is above U+10FFFF")]
    InvalidCodePoint { offset: usize, value: u32 },

    // ---- integers ----------------------------------------------------------
    /// An integer does not fit the requested target type.
    #[error("integer {value} does not fit in {target}")]
    IntegerOverflow { target: &'static str, value: String },

    /// A malformed textual or byte encoding of a big integer.
    #[error("malformed big integer {input:?}: {reason}")]
    MalformedBigInt { input: String, reason: &'static str },

    // ---- buffers -----------------------------------------------------------
    /// A buffer format string that is not valid `struct` syntax.
    #[error("malformed buffer format {format:?}: {reason}")]
    MalformedFormat {
        format: String,
        reason: &'static str,
    },

    /// A valid `struct` format that has no typed-array equivalent.
    #[error("buffer format {format:?} has no typed-array equivalent: {reason}")]
    UnsupportedFormat {
        format: String,
        reason: &'static str,
    },

    /// Shape and strides disagree (length, ndim limit, zero itemsize...).
    #[error("invalid buffer shape: {reason}")]
    InvalidShape { reason: String },

    /// A negative dimension.
    #[error("buffer dimension {dim} has negative extent {extent}")]
    NegativeDimension { dim: usize, extent: i64 },

    /// A negative stride (typed arrays cannot express one).
    #[error("buffer dimension {dim} has negative stride {stride}")]
    NegativeStride { dim: usize, stride: i64 },

    /// Computing the layout overflows `usize`.
    #[error("buffer layout overflows: {what}")]
    LayoutOverflow { what: String },

    /// The shape/strides/offset reach past the end of the bytes.
    #[error("buffer layout needs {needed} bytes but the buffer has {byte_len}")]
    BufferOutOfBounds { needed: usize, byte_len: usize },

    /// An offset or stride that is not a multiple of the item size.
    #[error("buffer {what} {value} is not a multiple of the item size {itemsize}")]
    MisalignedBuffer {
        what: &'static str,
        value: usize,
        itemsize: usize,
    },

    // ---- deep conversion ---------------------------------------------------
    /// A value that cannot be converted (and no user converter took it).
    #[error("cannot convert {type_name}: {reason}")]
    Conversion { type_name: String, reason: String },

    /// A malformed conversion plan handed to a builder.
    #[error("invalid conversion plan: {reason}")]
    InvalidPlan { reason: String },

    // ---- the boundary ------------------------------------------------------
    /// JS and Python calls nest deeper than the bridge allows (see
    /// `boundary::depth`): refused before the JS engine's stack overflows.
    #[error("maximum JS/Python crossing depth exceeded ({depth} nested crossings, limit {limit})")]
    CrossingTooDeep { depth: u32, limit: u32 },

    /// Linear memory cannot hold a buffer the bridge needs for a value
    /// crossing (a long string's bytes): the allocator failed, which would
    /// otherwise abort the whole module.
    #[error("out of memory: no room for the {bytes} bytes of {what}")]
    OutOfMemory { what: &'static str, bytes: usize },
}

impl BridgeError {
    /// The Python exception class this error becomes (name in `builtins`,
    /// except `ConversionError`, which the bridge defines).
    pub fn python_class(&self) -> &'static str {
        use BridgeError::*;
        match self {
            KeyOutOfRange { .. } => "ValueError",
            ForgedKey { .. } => "ValueError",
            StaleKey { .. } => "RuntimeError",
            DestroyedKey { .. } => "RuntimeError",
            DestroyedProxy { .. } => "RuntimeError",
            CapacityExhausted { .. } => "MemoryError",
            RefcountOverflow { .. } => "OverflowError",
            InvalidUtf8 { .. } => "UnicodeDecodeError",
            LoneSurrogate { .. } => "UnicodeEncodeError",
            InvalidCodePoint { .. } => "ValueError",
            IntegerOverflow { .. } => "OverflowError",
            MalformedBigInt { .. } => "ValueError",
            MalformedFormat { .. } => "ValueError",
            UnsupportedFormat { .. } => "NotImplementedError",
            InvalidShape { .. } => "ValueError",
            NegativeDimension { .. } => "ValueError",
            NegativeStride { .. } => "ValueError",
            LayoutOverflow { .. } => "OverflowError",
            BufferOutOfBounds { .. } => "ValueError",
            MisalignedBuffer { .. } => "ValueError",
            Conversion { .. } => "ConversionError",
            InvalidPlan { .. } => "SystemError",
            CrossingTooDeep { .. } => "RecursionError",
            OutOfMemory { .. } => "MemoryError",
        }
    }

    /// The JS error class this error becomes (a JS builtin).
    pub fn js_class(&self) -> &'static str {
        use BridgeError::*;
        match self {
            KeyOutOfRange { .. } => "RangeError",
            ForgedKey { .. } => "TypeError",
            StaleKey { .. } => "Error",
            DestroyedKey { .. } => "Error",
            DestroyedProxy { .. } => "Error",
            CapacityExhausted { .. } => "RangeError",
            RefcountOverflow { .. } => "RangeError",
            InvalidUtf8 { .. } => "TypeError",
            LoneSurrogate { .. } => "TypeError",
            InvalidCodePoint { .. } => "RangeError",
            IntegerOverflow { .. } => "RangeError",
            MalformedBigInt { .. } => "SyntaxError",
            MalformedFormat { .. } => "TypeError",
            UnsupportedFormat { .. } => "TypeError",
            InvalidShape { .. } => "TypeError",
            NegativeDimension { .. } => "RangeError",
            NegativeStride { .. } => "RangeError",
            LayoutOverflow { .. } => "RangeError",
            BufferOutOfBounds { .. } => "RangeError",
            MisalignedBuffer { .. } => "RangeError",
            Conversion { .. } => "TypeError",
            InvalidPlan { .. } => "Error",
            CrossingTooDeep { .. } => "RangeError",
            OutOfMemory { .. } => "RangeError",
        }
    }

    /// Short helper for [`BridgeError::Conversion`].
    pub fn conversion(type_name: impl Into<String>, reason: impl Into<String>) -> Self {
        BridgeError::Conversion {
            type_name: type_name.into(),
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PY_ALLOWED: &[&str] = &[
        "ValueError",
        "TypeError",
        "RuntimeError",
        "MemoryError",
        "OverflowError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "NotImplementedError",
        "SystemError",
        "ConversionError",
        "RecursionError",
    ];
    const JS_ALLOWED: &[&str] = &["Error", "TypeError", "RangeError", "SyntaxError"];

    fn samples() -> Vec<BridgeError> {
        use BridgeError::*;
        vec![
            KeyOutOfRange {
                kind: "JsRef",
                value: "NaN".into(),
                reason: "not a number",
            },
            ForgedKey {
                kind: "JsRef",
                wire: 0,
                reason: "generation 0 is never issued",
            },
            StaleKey {
                kind: "PyRef",
                wire: 1,
                reason: "released",
            },
            DestroyedKey {
                kind: "PyRef",
                wire: 1,
            },
            DestroyedProxy {
                message: "Object has already been destroyed".into(),
            },
            CapacityExhausted {
                kind: "JsRef",
                limit: 3,
            },
            RefcountOverflow {
                kind: "JsRef",
                wire: 1,
            },
            InvalidUtf8 {
                offset: 0,
                reason: "x",
            },
            LoneSurrogate {
                offset: 0,
                unit: 0xd800,
            },
            InvalidCodePoint {
                offset: 0,
                value: 0x110000,
            },
            IntegerOverflow {
                target: "i64",
                value: "1".into(),
            },
            MalformedBigInt {
                input: "x".into(),
                reason: "y",
            },
            MalformedFormat {
                format: "".into(),
                reason: "empty",
            },
            UnsupportedFormat {
                format: "x".into(),
                reason: "pad",
            },
            InvalidShape { reason: "r".into() },
            NegativeDimension { dim: 0, extent: -1 },
            NegativeStride { dim: 0, stride: -1 },
            LayoutOverflow { what: "w".into() },
            BufferOutOfBounds {
                needed: 2,
                byte_len: 1,
            },
            MisalignedBuffer {
                what: "offset",
                value: 1,
                itemsize: 4,
            },
            Conversion {
                type_name: "T".into(),
                reason: "r".into(),
            },
            InvalidPlan { reason: "r".into() },
            CrossingTooDeep { depth: 3, limit: 2 },
            OutOfMemory {
                what: "a string",
                bytes: 12,
            },
        ]
    }

    #[test]
    fn every_variant_names_known_classes_and_a_message() {
        for e in samples() {
            assert!(PY_ALLOWED.contains(&e.python_class()), "{e:?}");
            assert!(JS_ALLOWED.contains(&e.js_class()), "{e:?}");
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn key_errors_are_distinguishable() {
        let s = samples();
        assert!(s[1].to_string().starts_with("forged JsRef key"));
        assert!(s[2].to_string().starts_with("stale PyRef key"));
        assert!(s[3].to_string().contains("destroyed"));
        assert!(s[0].to_string().contains("out of range"));
    }
}
