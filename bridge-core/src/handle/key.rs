//! Typed table keys and their wire encoding.
//!
//! A key crosses to JS as a plain Number, so the wire form must stay below
//! 2^53 (every integer up to there is exact in an `f64`). The 53 bits split:
//!
//! ```text
//!  bit 52      bits 51..24              bits 23..0
//! +-----+--------------------------+------------------------+
//! | tag |  generation (28 bits)    |   slot index (24 bits) |
//! +-----+--------------------------+------------------------+
//! ```
//!
//! * **tag**: 0 for [`JsRef`] (JS objects held by Python), 1 for [`PyRef`]
//!   (Python objects held by JS), so a key of one direction handed to the
//!   other table is caught as forged.
//! * **generation**: how many times the slot has been occupied, starting at 1
//!   (slotmap's odd version `v` is generation `(v + 1) / 2`). Generation 0 is
//!   never issued, so the wire value 0 is never a valid key. When a slot
//!   reaches [`MAX_GENERATION`] it is retired instead of reused (see
//!   `HandleTable`), so a stale key can never alias a live entry.
//! * **index**: the slotmap slot index. Index 0 is slotmap's sentinel and is
//!   never issued. At most [`MAX_INDEX`] slots exist per table.

use std::fmt;
use std::hash::Hash;

use slotmap::{DefaultKey, Key, KeyData};

use crate::error::BridgeError;

/// Bits of the slot index.
pub const INDEX_BITS: u32 = 24;
/// Bits of the generation.
pub const GENERATION_BITS: u32 = 28;
/// Bit position of the direction tag.
pub const TAG_SHIFT: u32 = INDEX_BITS + GENERATION_BITS;
/// Total wire bits: every wire value is `< 2^WIRE_BITS = 2^53`.
pub const WIRE_BITS: u32 = TAG_SHIFT + 1;
/// Largest slot index a key can carry (index 0 is never issued).
pub const MAX_INDEX: u32 = (1 << INDEX_BITS) - 1;
/// Largest generation a key can carry; slots are retired on reaching it.
pub const MAX_GENERATION: u32 = (1 << GENERATION_BITS) - 1;
/// Exclusive upper bound of wire values (2^53).
pub const WIRE_LIMIT: u64 = 1 << WIRE_BITS;

const _: () = assert!(WIRE_BITS == 53);

mod sealed {
    pub trait Sealed {}
}

/// A key type of one handle table. Implemented only by [`JsRef`] and
/// [`PyRef`]; the two are distinct types, so a key of one table cannot be
/// passed to the other at compile time (and the wire tag catches it at run
/// time).
pub trait TableKey: Copy + Eq + Hash + fmt::Debug + sealed::Sealed {
    /// Name used in error messages ("JsRef" / "PyRef").
    const KIND: &'static str;
    /// The tag bit value of this key type.
    const TAG: u64;

    /// The wire form: `< 2^53`, so `as f64` is exact.
    fn to_wire(self) -> u64;

    /// Decode a wire value. Checks range, tag and the never-issued
    /// index/generation 0; whether the key is *live* is the table's job.
    fn from_wire(w: u64) -> Result<Self, BridgeError>;

    /// Decode a wire value that arrived as a JS Number. Rejects NaN,
    /// infinities, fractions, negatives and values `>= 2^53` as
    /// [`BridgeError::KeyOutOfRange`].
    fn from_wire_f64(w: f64) -> Result<Self, BridgeError> {
        let reason = if w.is_nan() {
            Some("not a number (NaN)")
        } else if w.is_infinite() {
            Some("infinite")
        } else if w < 0.0 {
            Some("negative")
        } else if w.fract() != 0.0 {
            Some("not an integer")
        } else if w >= WIRE_LIMIT as f64 {
            Some("not below 2^53")
        } else {
            None
        };
        match reason {
            Some(reason) => Err(BridgeError::KeyOutOfRange {
                kind: Self::KIND,
                value: format!("{w:?}"),
                reason,
            }),
            // In range and integral: the cast is exact.
            None => Self::from_wire(w as u64),
        }
    }

    /// The wire form as a JS Number.
    fn to_wire_f64(self) -> f64 {
        self.to_wire() as f64
    }

    /// Slot index (1..=MAX_INDEX).
    fn index(self) -> u32 {
        self.to_slot_ffi() as u32
    }

    /// Generation (1..=MAX_GENERATION).
    fn generation(self) -> u32 {
        ((self.to_slot_ffi() >> 32) as u32 >> 1) + 1
    }

    #[doc(hidden)]
    /// Build from parts already known to be valid (table-internal).
    fn from_parts(index: u32, generation: u32) -> Self {
        Self::from_slot_key(
            KeyData::from_ffi((u64::from(generation) * 2 - 1) << 32 | u64::from(index)).into(),
        )
    }

    #[doc(hidden)]
    /// The key in slotmap's `KeyData::as_ffi` form (table-internal).
    fn to_slot_ffi(self) -> u64 {
        self.slot_key().data().as_ffi()
    }

    #[doc(hidden)]
    /// The slotmap key (table-internal).
    fn slot_key(self) -> DefaultKey;

    #[doc(hidden)]
    /// From a slotmap key the table issued (table-internal).
    fn from_slot_key(k: DefaultKey) -> Self;
}

/// Split and validate a wire value for key type `kind`/`tag`.
fn decode(w: u64, kind: &'static str, tag: u64) -> Result<u64, BridgeError> {
    if w >= WIRE_LIMIT {
        return Err(BridgeError::KeyOutOfRange {
            kind,
            value: w.to_string(),
            reason: "not below 2^53",
        });
    }
    let forged = |reason| {
        Err(BridgeError::ForgedKey {
            kind,
            wire: w,
            reason,
        })
    };
    if w >> TAG_SHIFT != tag {
        return forged(if tag == 0 {
            "tag bit says PyRef (a key of the other table)"
        } else {
            "tag bit says JsRef (a key of the other table)"
        });
    }
    if w & u64::from(MAX_INDEX) == 0 {
        return forged("slot index 0 is never issued");
    }
    if (w >> INDEX_BITS) & u64::from(MAX_GENERATION) == 0 {
        return forged("generation 0 is never issued");
    }
    Ok(w)
}

macro_rules! key_type {
    ($(#[$m:meta])* $name:ident, $tag:expr) => {
        $(#[$m])*
        ///
        /// Inside Rust the key is the slotmap key itself, so table lookups
        /// need no conversion; the wire form is computed when it crosses.
        #[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(DefaultKey);

        impl sealed::Sealed for $name {}

        impl TableKey for $name {
            const KIND: &'static str = stringify!($name);
            const TAG: u64 = $tag;

            #[inline]
            fn to_wire(self) -> u64 {
                (Self::TAG << TAG_SHIFT)
                    | (u64::from(self.generation() & MAX_GENERATION) << INDEX_BITS)
                    | u64::from(self.index() & MAX_INDEX)
            }

            #[inline]
            fn from_wire(w: u64) -> Result<Self, BridgeError> {
                decode(w, Self::KIND, Self::TAG).map(|w| {
                    let index = (w & u64::from(MAX_INDEX)) as u32;
                    let generation = ((w >> INDEX_BITS) & u64::from(MAX_GENERATION)) as u32;
                    Self::from_parts(index, generation)
                })
            }

            #[inline]
            fn slot_key(self) -> DefaultKey {
                self.0
            }

            #[inline]
            fn from_slot_key(k: DefaultKey) -> Self {
                $name(k)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({}v{})", stringify!($name), self.index(), self.generation())
            }
        }
    };
}

key_type!(
    /// Key of a JS object held by Python (an entry of the JS-object table
    /// that Python-side proxies point into). Wire tag 0.
    JsRef,
    0
);
key_type!(
    /// Key of a Python object held by JS (an entry of the Python-object table
    /// that JS-side proxies point into). Wire tag 1.
    PyRef,
    1
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_and_stay_below_2_53() {
        let k = PyRef::from_parts(MAX_INDEX, MAX_GENERATION);
        assert_eq!(k.to_wire(), WIRE_LIMIT - 1);
        assert_eq!(k.to_wire_f64() as u64, k.to_wire());
        assert_eq!(PyRef::from_wire(k.to_wire()), Ok(k));
        assert_eq!(PyRef::from_wire_f64(k.to_wire_f64()), Ok(k));
        let j = JsRef::from_parts(1, 1);
        assert_eq!(j.to_wire(), (1 << 24) | 1);
        assert_eq!((j.index(), j.generation()), (1, 1));
        assert_eq!(format!("{j:?}"), "JsRef(1v1)");
    }

    #[test]
    fn zero_and_zero_parts_are_forged() {
        for w in [0u64, 1, 1 << 24, (1 << 52) | 1] {
            assert!(
                matches!(JsRef::from_wire(w), Err(BridgeError::ForgedKey { .. })),
                "{w:#x}"
            );
        }
    }

    #[test]
    fn wrong_tag_is_forged_both_ways() {
        let j = JsRef::from_parts(5, 7);
        let e = PyRef::from_wire(j.to_wire()).unwrap_err();
        assert!(
            matches!(e, BridgeError::ForgedKey { kind: "PyRef", .. }),
            "{e}"
        );
        assert!(e.to_string().contains("other table"));
        let p = PyRef::from_parts(5, 7);
        assert!(matches!(
            JsRef::from_wire(p.to_wire()),
            Err(BridgeError::ForgedKey { kind: "JsRef", .. })
        ));
    }

    #[test]
    fn out_of_range_wire_values() {
        for w in [WIRE_LIMIT, WIRE_LIMIT + 1, u64::MAX] {
            assert!(matches!(
                JsRef::from_wire(w),
                Err(BridgeError::KeyOutOfRange { .. })
            ));
        }
        for (f, why) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "infinite"),
            (f64::NEG_INFINITY, "infinite"),
            (-1.0, "negative"),
            (-0.5, "negative"),
            (1.5, "integer"),
            (2f64.powi(53), "2^53"),
            (1e300, "2^53"),
        ] {
            let e = JsRef::from_wire_f64(f).unwrap_err();
            assert!(matches!(e, BridgeError::KeyOutOfRange { .. }), "{f}");
            assert!(e.to_string().contains(why), "{e}");
        }
        // -0.0 is the number 0: in range, but never issued.
        assert!(matches!(
            JsRef::from_wire_f64(-0.0),
            Err(BridgeError::ForgedKey { .. })
        ));
    }
}
