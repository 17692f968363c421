//! Python `struct` format codes <-> typed-array element kinds.
//!
//! A buffer's format is one item: an optional byte-order character and one
//! type code, optionally preceded by the repeat count `1` (e.g. `"B"`,
//! `"<i"`, `">d"`, `"=q"`). Sizes follow `struct`: native (`@`, or no
//! prefix) sizes come from the interpreter's [`Abi`] -- wasm32 by default,
//! where `long`, `ssize_t` and `size_t` are 4 bytes -- and standard sizes
//! (`=`, `<`, `>`, `!`) from the `struct` docs. Native order on wasm32 is
//! little-endian.

use crate::error::BridgeError;

/// JS typed-array element kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementKind {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float16,
    Float32,
    Float64,
    BigInt64,
    BigUint64,
}

/// All kinds, for tests and tables.
pub const ALL_KINDS: [ElementKind; 12] = [
    ElementKind::Int8,
    ElementKind::Uint8,
    ElementKind::Uint8Clamped,
    ElementKind::Int16,
    ElementKind::Uint16,
    ElementKind::Int32,
    ElementKind::Uint32,
    ElementKind::Float16,
    ElementKind::Float32,
    ElementKind::Float64,
    ElementKind::BigInt64,
    ElementKind::BigUint64,
];

impl ElementKind {
    /// Bytes per element.
    pub fn size(self) -> usize {
        use ElementKind::*;
        match self {
            Int8 | Uint8 | Uint8Clamped => 1,
            Int16 | Uint16 | Float16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Float64 | BigInt64 | BigUint64 => 8,
        }
    }

    /// The JS constructor name, e.g. `"Int16Array"`.
    pub fn typed_array_name(self) -> &'static str {
        use ElementKind::*;
        match self {
            Int8 => "Int8Array",
            Uint8 => "Uint8Array",
            Uint8Clamped => "Uint8ClampedArray",
            Int16 => "Int16Array",
            Uint16 => "Uint16Array",
            Int32 => "Int32Array",
            Uint32 => "Uint32Array",
            Float16 => "Float16Array",
            Float32 => "Float32Array",
            Float64 => "Float64Array",
            BigInt64 => "BigInt64Array",
            BigUint64 => "BigUint64Array",
        }
    }

    /// From a JS constructor name.
    pub fn from_typed_array_name(name: &str) -> Result<Self, BridgeError> {
        ALL_KINDS
            .into_iter()
            .find(|k| k.typed_array_name() == name)
            .ok_or_else(|| BridgeError::UnsupportedFormat {
                format: name.chars().take(64).collect(),
                reason: "not a typed-array constructor name",
            })
    }

    /// The native single-character `struct` code Python's
    /// `memoryview.cast` accepts on wasm32 (`Uint8Clamped` -> `B`).
    pub fn native_code(self) -> char {
        use ElementKind::*;
        match self {
            Int8 => 'b',
            Uint8 | Uint8Clamped => 'B',
            Int16 => 'h',
            Uint16 => 'H',
            Int32 => 'i',
            Uint32 => 'I',
            Float16 => 'e',
            Float32 => 'f',
            Float64 => 'd',
            BigInt64 => 'q',
            BigUint64 => 'Q',
        }
    }

    /// The format string for this kind in `order`: the bare native code for
    /// little-endian (native on wasm32), `>` + code for big-endian.
    pub fn format(self, order: ByteOrder) -> String {
        match (order, self.size()) {
            (ByteOrder::Big, n) if n > 1 => format!(">{}", self.native_code()),
            _ => self.native_code().to_string(),
        }
    }
}

/// Byte order of the elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    Little,
    Big,
}

/// Native C type sizes of the interpreter that made the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abi {
    /// `sizeof(long)`.
    pub long_size: usize,
    /// `sizeof(size_t)` (= `sizeof(ssize_t)`).
    pub size_t_size: usize,
    /// Native byte order.
    pub order: ByteOrder,
}

impl Abi {
    /// CPython compiled for wasm32 (what the bridge runs).
    pub const WASM32: Abi = Abi {
        long_size: 4,
        size_t_size: 4,
        order: ByteOrder::Little,
    };
    /// A 64-bit little-endian Unix host (for native tools and tests).
    pub const LP64_LE: Abi = Abi {
        long_size: 8,
        size_t_size: 8,
        order: ByteOrder::Little,
    };
}

/// A parsed single-item buffer format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BufferFormat {
    /// The typed-array kind with the same size and meaning.
    pub kind: ElementKind,
    /// Element byte order.
    pub order: ByteOrder,
    /// The type code as written (`'l'`, `'?'`, `'c'`...).
    pub code: char,
}

impl BufferFormat {
    /// Bytes per item.
    pub fn itemsize(&self) -> usize {
        self.kind.size()
    }

    /// Whether a typed array can view the bytes directly (little-endian or
    /// single-byte elements). Otherwise the host must byte-swap a copy.
    pub fn is_native_order(&self) -> bool {
        self.order == ByteOrder::Little || self.kind.size() == 1
    }
}

/// [`parse_format_for`] with [`Abi::WASM32`].
pub fn parse_format(fmt: &str) -> Result<BufferFormat, BridgeError> {
    parse_format_for(fmt, Abi::WASM32)
}

/// Parse a buffer format string for an interpreter with `abi`.
pub fn parse_format_for(fmt: &str, abi: Abi) -> Result<BufferFormat, BridgeError> {
    let malformed = |reason| BridgeError::MalformedFormat {
        format: fmt.chars().take(64).collect(),
        reason,
    };
    let unsupported = |reason| BridgeError::UnsupportedFormat {
        format: fmt.chars().take(64).collect(),
        reason,
    };
    let mut chars = fmt.chars().peekable();
    let (native, order) = match chars.peek() {
        Some('@') => (true, abi.order),
        Some('=') => (false, abi.order),
        Some('<') => (false, ByteOrder::Little),
        Some('>') | Some('!') => (false, ByteOrder::Big),
        _ => (true, abi.order),
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let mut count: Option<u64> = None;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        count = Some(
            count
                .unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(u64::from(d)),
        );
        chars.next();
    }
    let Some(code) = chars.next() else {
        return Err(malformed(if fmt.is_empty() {
            "empty format"
        } else {
            "missing type code"
        }));
    };
    if chars.next().is_some() {
        return Err(unsupported(
            "more than one item (structured formats are not typed arrays)",
        ));
    }
    match count {
        Some(0) => return Err(unsupported("a repeat count of 0 describes no element")),
        Some(c) if c > 1 => return Err(unsupported("a repeat count above 1 is not one element")),
        _ => {}
    }
    use ElementKind::*;
    let int_of = |size: usize, signed: bool| match (size, signed) {
        (4, true) => Ok(Int32),
        (4, false) => Ok(Uint32),
        (8, true) => Ok(BigInt64),
        (8, false) => Ok(BigUint64),
        _ => Err(unsupported("the ABI's native size has no typed array")),
    };
    let kind = match code {
        'b' => Int8,
        'B' | 'c' | '?' => Uint8,
        'h' => Int16,
        'H' => Uint16,
        'i' => Int32,
        'I' => Uint32,
        'l' => int_of(if native { abi.long_size } else { 4 }, true)?,
        'L' => int_of(if native { abi.long_size } else { 4 }, false)?,
        'q' => BigInt64,
        'Q' => BigUint64,
        'n' | 'N' if !native => {
            return Err(malformed("'n'/'N' are only valid with native byte order"))
        }
        'n' => int_of(abi.size_t_size, true)?,
        'N' => int_of(abi.size_t_size, false)?,
        'e' => Float16,
        'f' => Float32,
        'd' => Float64,
        'P' => return Err(unsupported("pointers ('P') do not cross")),
        'x' => return Err(unsupported("pad bytes ('x') hold no element")),
        's' | 'p' => return Err(unsupported("byte strings ('s'/'p') are not typed arrays")),
        'g' => return Err(unsupported("long double ('g') has no typed array")),
        'Z' => return Err(unsupported("complex numbers ('Z') have no typed array")),
        'T' | '(' | '&' | 'O' | 'u' | 'w' | ':' | '{' => {
            return Err(unsupported(
                "PEP 3118 extended formats are not typed arrays",
            ))
        }
        _ => return Err(malformed("unknown type code")),
    };
    Ok(BufferFormat { kind, order, code })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ElementKind::*;

    #[test]
    fn every_code_maps_to_its_kind() {
        for (fmt, kind, order) in [
            ("b", Int8, ByteOrder::Little),
            ("B", Uint8, ByteOrder::Little),
            ("c", Uint8, ByteOrder::Little),
            ("?", Uint8, ByteOrder::Little),
            ("h", Int16, ByteOrder::Little),
            ("<H", Uint16, ByteOrder::Little),
            ("i", Int32, ByteOrder::Little),
            ("@I", Uint32, ByteOrder::Little),
            ("l", Int32, ByteOrder::Little), // wasm32: long is 4 bytes
            ("L", Uint32, ByteOrder::Little),
            ("=l", Int32, ByteOrder::Little),
            ("q", BigInt64, ByteOrder::Little),
            ("Q", BigUint64, ByteOrder::Little),
            ("n", Int32, ByteOrder::Little),
            ("N", Uint32, ByteOrder::Little),
            ("e", Float16, ByteOrder::Little),
            ("f", Float32, ByteOrder::Little),
            ("1d", Float64, ByteOrder::Little),
            (">i", Int32, ByteOrder::Big),
            ("!d", Float64, ByteOrder::Big),
            (">q", BigInt64, ByteOrder::Big),
        ] {
            let f = parse_format(fmt).unwrap_or_else(|e| panic!("{fmt}: {e}"));
            assert_eq!((f.kind, f.order), (kind, order), "{fmt}");
        }
        let lp64 = parse_format_for("l", Abi::LP64_LE).unwrap();
        assert_eq!(lp64.kind, BigInt64);
        assert_eq!(parse_format_for("<l", Abi::LP64_LE).unwrap().kind, Int32);
        assert!(!parse_format(">i").unwrap().is_native_order());
        assert!(parse_format(">b").unwrap().is_native_order());
    }

    #[test]
    fn every_kind_round_trips_in_both_orders() {
        for kind in ALL_KINDS {
            assert_eq!(
                ElementKind::from_typed_array_name(kind.typed_array_name()),
                Ok(kind)
            );
            for order in [ByteOrder::Little, ByteOrder::Big] {
                let f = parse_format(&kind.format(order)).unwrap();
                let expect_kind = if kind == Uint8Clamped { Uint8 } else { kind };
                assert_eq!(f.kind, expect_kind, "{kind:?}");
                assert_eq!(f.itemsize(), kind.size());
                if kind.size() > 1 {
                    assert_eq!(f.order, order);
                }
            }
        }
    }

    #[test]
    fn bad_formats_are_typed_errors_naming_the_problem() {
        for (fmt, malformed, why) in [
            ("", true, "empty"),
            ("<", true, "missing type code"),
            ("3", true, "missing type code"),
            ("y", true, "unknown type code"),
            ("<n", true, "native byte order"),
            ("ii", false, "more than one item"),
            ("2i", false, "repeat count"),
            ("0i", false, "repeat count of 0"),
            ("P", false, "pointers"),
            ("x", false, "pad"),
            ("5s", false, "repeat count"),
            ("s", false, "byte strings"),
            ("Zd", false, "more than one item"),
            ("Z", false, "complex"),
            ("T{i:x:}", false, "more than one item"),
            ("g", false, "long double"),
            ("O", false, "PEP 3118"),
        ] {
            let e = parse_format(fmt).unwrap_err();
            if malformed {
                assert!(
                    matches!(e, BridgeError::MalformedFormat { .. }),
                    "{fmt}: {e:?}"
                );
            } else {
                assert!(
                    matches!(e, BridgeError::UnsupportedFormat { .. }),
                    "{fmt}: {e:?}"
                );
            }
            assert!(e.to_string().contains(why), "{fmt}: {e}");
        }
        assert!(ElementKind::from_typed_array_name("Array").is_err());
    }
}
