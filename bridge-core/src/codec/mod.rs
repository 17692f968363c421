//! String codecs between UTF-8 (Rust, Python) and UTF-16 (JS).
//!
//! Python and JS strings may both hold lone surrogates, so the Python side of
//! the codec is WTF-8 in the general case: UTF-8 where a surrogate code point
//! is encoded like any other three-byte character (what Python's
//! `str.encode("utf-8", "surrogatepass")` produces and
//! `bytes.decode("utf-8", "surrogatepass")` reads). Lone surrogates
//! round-trip both ways:
//!
//! * UTF-16 -> WTF-8 ([`utf16_to_wtf8`]) never fails: a surrogate pair
//!   becomes one 4-byte character, a lone surrogate a 3-byte sequence.
//! * WTF-8 -> UTF-16 ([`wtf8_to_utf16`]) rejects malformed bytes with
//!   [`BridgeError::InvalidUtf8`](crate::BridgeError::InvalidUtf8) naming the
//!   offset. It also accepts a surrogate *pair* written as two 3-byte
//!   sequences (Python's `surrogatepass` output for the two-code-point string
//!   `"\ud83d\ude00"`); in UTF-16 those are the same two units, so JS sees
//!   the astral character. That is the one place a round trip can change a
//!   Python string: coming back it is the single code point U+1F600.
//! * `&str` -> UTF-16 ([`str_to_utf16`]) and strict UTF-16 -> `String`
//!   ([`utf16_to_string`], error on a lone surrogate) are the fast paths when
//!   a side knows its string is valid Unicode.
//! * PEP 393 helpers ([`latin1_to_utf16`], [`ucs4_to_utf16`],
//!   [`utf16_to_ucs4`]) let a host copy CPython's internal representation
//!   without going through UTF-8.
//!
//! All paths have an ASCII fast path: runs of ASCII are found 16 bytes (or
//! 8 units) at a time and widened/narrowed with a loop the compiler
//! vectorizes.

mod ascii;
mod ucs;
mod utf16;
mod wtf8;

pub use ucs::{latin1_to_utf16, ucs4_to_utf16, utf16_to_ucs4};
pub use utf16::{utf16_to_string, utf16_to_wtf8, utf16_to_wtf8_into};
pub use wtf8::{str_to_utf16, str_to_utf16_into, wtf8_to_utf16, wtf8_to_utf16_into};

#[cfg(test)]
mod prop_tests;
