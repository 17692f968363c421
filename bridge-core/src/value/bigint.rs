//! [`BigInt`]: an arbitrary-size integer, just enough to carry Python ints
//! and JS BigInts across. No arithmetic beyond what the encodings need.
//!
//! Hosts move it in one of three encodings, whichever is cheapest for them:
//! signed little-endian two's-complement bytes (Python `int.to_bytes` /
//! `int.from_bytes(..., "little", signed=True)`), hex text (JS
//! `BigInt.prototype.toString(16)` / `BigInt("0x...")`), or decimal text.

use std::fmt;

use crate::error::BridgeError;
use crate::value::int::int_crosses_as_number;

/// Sign and magnitude; the magnitude is base-2^32 limbs, least significant
/// first, without trailing zero limbs. Zero is never negative.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    negative: bool,
    mag: Vec<u32>,
}

impl BigInt {
    /// Zero.
    pub fn zero() -> Self {
        BigInt::default()
    }

    fn from_parts(negative: bool, mut mag: Vec<u32>) -> Self {
        while mag.last() == Some(&0) {
            mag.pop();
        }
        let negative = negative && !mag.is_empty();
        BigInt { negative, mag }
    }

    /// From a 128-bit unsigned magnitude and a sign.
    fn from_u128_signed(negative: bool, m: u128) -> Self {
        let mag = (0..4).map(|i| (m >> (32 * i)) as u32).collect();
        Self::from_parts(negative, mag)
    }

    /// From any primitive integer up to 128 bits.
    pub fn from_i128(n: i128) -> Self {
        Self::from_u128_signed(n < 0, n.unsigned_abs())
    }

    /// From an unsigned 128-bit integer.
    pub fn from_u128(n: u128) -> Self {
        Self::from_u128_signed(false, n)
    }

    /// Whether it is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Whether it is zero.
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// Magnitude limbs, least significant first.
    pub fn magnitude(&self) -> &[u32] {
        &self.mag
    }

    /// Bits of the magnitude (Python `int.bit_length`).
    pub fn bit_length(&self) -> u64 {
        match self.mag.last() {
            None => 0,
            Some(top) => 32 * (self.mag.len() as u64 - 1) + u64::from(32 - top.leading_zeros()),
        }
    }

    /// As an `i128`, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        if self.mag.len() > 4 {
            return None;
        }
        let m = self
            .mag
            .iter()
            .rev()
            .fold(0u128, |acc, &l| (acc << 32) | u128::from(l));
        if self.negative {
            if m <= i128::MIN.unsigned_abs() {
                Some((m as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }

    /// As an `i64`, or [`BridgeError::IntegerOverflow`].
    pub fn to_i64(&self) -> Result<i64, BridgeError> {
        self.to_i128()
            .and_then(|n| i64::try_from(n).ok())
            .ok_or_else(|| BridgeError::IntegerOverflow {
                target: "i64",
                value: self.to_string(),
            })
    }

    /// Whether it crosses to JS as a Number (see [`int_crosses_as_number`]).
    pub fn crosses_as_number(&self) -> bool {
        self.to_i128().is_some_and(int_crosses_as_number)
    }

    /// From signed little-endian two's-complement bytes (empty = 0).
    pub fn from_signed_le_bytes(bytes: &[u8]) -> Self {
        let negative = bytes.last().is_some_and(|b| b & 0x80 != 0);
        let mut mag_bytes = bytes.to_vec();
        if negative {
            negate_twos_complement(&mut mag_bytes);
        }
        let mag = mag_bytes
            .chunks(4)
            .map(|c| {
                c.iter()
                    .rev()
                    .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
            })
            .collect();
        Self::from_parts(negative, mag)
    }

    /// Shortest signed little-endian two's-complement bytes (zero is `[0]`).
    pub fn to_signed_le_bytes(&self) -> Vec<u8> {
        let mut out: Vec<u8> = self.mag.iter().flat_map(|l| l.to_le_bytes()).collect();
        out.push(0);
        if self.negative {
            negate_twos_complement(&mut out);
            while out.len() > 1 && out[out.len() - 1] == 0xff && out[out.len() - 2] & 0x80 != 0 {
                out.pop();
            }
        } else {
            while out.len() > 1 && out[out.len() - 1] == 0 && out[out.len() - 2] & 0x80 == 0 {
                out.pop();
            }
        }
        out
    }

    /// Parse hex: optional `-`, optional `0x`/`0X`, then at least one hex
    /// digit. (`-ff`, `0xff`, `-0xFF`.)
    pub fn from_hex(s: &str) -> Result<Self, BridgeError> {
        let err = |reason| BridgeError::MalformedBigInt {
            input: s.chars().take(64).collect(),
            reason,
        };
        let (negative, rest) = split_sign(s);
        let digits = rest
            .strip_prefix("0x")
            .or_else(|| rest.strip_prefix("0X"))
            .unwrap_or(rest);
        if digits.is_empty() {
            return Err(err("no digits"));
        }
        let bytes = digits.as_bytes();
        let mut mag = Vec::with_capacity(bytes.len() / 8 + 1);
        for chunk in bytes.rchunks(8) {
            let mut limb = 0u32;
            for &b in chunk {
                let d = (b as char)
                    .to_digit(16)
                    .ok_or_else(|| err("not a hex digit"))?;
                limb = (limb << 4) | d;
            }
            mag.push(limb);
        }
        Ok(Self::from_parts(negative, mag))
    }

    /// Lower-case hex with a `-` for negatives and no prefix, like JS
    /// `n.toString(16)`.
    pub fn to_hex(&self) -> String {
        let mut s = String::with_capacity(self.mag.len() * 8 + 1);
        if self.negative {
            s.push('-');
        }
        match self.mag.split_last() {
            None => s.push('0'),
            Some((top, rest)) => {
                s.push_str(&format!("{top:x}"));
                for l in rest.iter().rev() {
                    s.push_str(&format!("{l:08x}"));
                }
            }
        }
        s
    }

    /// Parse decimal: optional `-`, then at least one ASCII digit.
    pub fn from_decimal(s: &str) -> Result<Self, BridgeError> {
        let err = |reason| BridgeError::MalformedBigInt {
            input: s.chars().take(64).collect(),
            reason,
        };
        let (negative, digits) = split_sign(s);
        if digits.is_empty() {
            return Err(err("no digits"));
        }
        let mut mag: Vec<u32> = Vec::new();
        for chunk in digits.as_bytes().chunks(9) {
            let mut v = 0u32;
            for &b in chunk {
                if !b.is_ascii_digit() {
                    return Err(err("not a decimal digit"));
                }
                v = v * 10 + u32::from(b - b'0');
            }
            mul_add_small(&mut mag, 10u32.pow(chunk.len() as u32), v);
        }
        Ok(Self::from_parts(negative, mag))
    }
}

fn split_sign(s: &str) -> (bool, &str) {
    match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    }
}

/// `bytes = -bytes` in two's complement (invert, add one).
fn negate_twos_complement(bytes: &mut [u8]) {
    let mut carry = true;
    for b in bytes.iter_mut() {
        let (v, c) = (!*b).overflowing_add(u8::from(carry));
        *b = v;
        carry = c;
    }
}

/// `mag = mag * mul + add`.
fn mul_add_small(mag: &mut Vec<u32>, mul: u32, add: u32) {
    let mut carry = u64::from(add);
    for l in mag.iter_mut() {
        let v = u64::from(*l) * u64::from(mul) + carry;
        *l = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        mag.push(carry as u32);
    }
}

/// `mag /= div`, returning the remainder.
fn div_rem_small(mag: &mut Vec<u32>, div: u32) -> u32 {
    let mut rem = 0u64;
    for l in mag.iter_mut().rev() {
        let v = (rem << 32) | u64::from(*l);
        *l = (v / u64::from(div)) as u32;
        rem = v % u64::from(div);
    }
    while mag.last() == Some(&0) {
        mag.pop();
    }
    rem as u32
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mag.is_empty() {
            return f.write_str("0");
        }
        let mut mag = self.mag.clone();
        let mut chunks = Vec::new();
        while !mag.is_empty() {
            chunks.push(div_rem_small(&mut mag, 1_000_000_000));
        }
        if self.negative {
            f.write_str("-")?;
        }
        let (top, rest) = chunks.split_last().unwrap_or((&0, &[]));
        write!(f, "{top}")?;
        for c in rest.iter().rev() {
            write!(f, "{c:09}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BigInt({self})")
    }
}

macro_rules! from_prim {
    ($($t:ty),*) => {$(
        impl From<$t> for BigInt {
            fn from(n: $t) -> Self {
                BigInt::from_i128(i128::from(n))
            }
        }
    )*};
}
from_prim!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

impl From<u128> for BigInt {
    fn from(n: u128) -> Self {
        BigInt::from_u128(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_values() {
        assert_eq!(BigInt::zero().to_string(), "0");
        assert_eq!(BigInt::from(-1i8).to_signed_le_bytes(), vec![0xff]);
        assert_eq!(BigInt::from(128u8).to_signed_le_bytes(), vec![0x80, 0]);
        assert_eq!(BigInt::from(-128i16).to_signed_le_bytes(), vec![0x80]);
        assert_eq!(BigInt::from(-129i16).to_signed_le_bytes(), vec![0x7f, 0xff]);
        assert_eq!(BigInt::zero().to_signed_le_bytes(), vec![0]);
        assert_eq!(BigInt::from_signed_le_bytes(&[]), BigInt::zero());
        assert_eq!(BigInt::from(-255i32).to_hex(), "-ff");
        assert_eq!(BigInt::from_hex("-0xFF").unwrap(), BigInt::from(-255i32));
        assert!(!BigInt::from_hex("-0").unwrap().is_negative());
        assert_eq!(BigInt::from(1u64 << 63).bit_length(), 64);
    }

    #[test]
    fn two_to_the_64_and_beyond() {
        let n = BigInt::from_decimal("18446744073709551616").unwrap();
        assert_eq!(n.to_hex(), "10000000000000000");
        assert_eq!(n.to_string(), "18446744073709551616");
        assert!(n.to_i64().is_err());
        let big = "-123456789012345678901234567890123456789012345678901234567890";
        assert_eq!(BigInt::from_decimal(big).unwrap().to_string(), big);
    }

    #[test]
    fn malformed_text_is_a_typed_error() {
        for s in ["", "-", "0x", "12g", "--1", "0x-1", " 1"] {
            assert!(
                matches!(
                    BigInt::from_hex(s),
                    Err(BridgeError::MalformedBigInt { .. })
                ),
                "{s:?}"
            );
        }
        for s in ["", "-", "1.5", "1e3", "+1"] {
            assert!(
                matches!(
                    BigInt::from_decimal(s),
                    Err(BridgeError::MalformedBigInt { .. })
                ),
                "{s:?}"
            );
        }
        assert_eq!(
            BigInt::from(u64::MAX).to_i64().unwrap_err().python_class(),
            "OverflowError"
        );
    }

    #[test]
    fn crossing_rule_on_bigints() {
        let b = super::super::int::MAX_SAFE_INTEGER;
        assert!(BigInt::from(b).crosses_as_number());
        assert!(!BigInt::from(b + 1).crosses_as_number());
        assert!(BigInt::from(-b).crosses_as_number());
        assert!(!BigInt::from(-b - 1).crosses_as_number());
        assert!(
            !BigInt::from_decimal("1000000000000000000000000000000000000000000")
                .unwrap()
                .crosses_as_number()
        );
    }

    proptest! {
        #[test]
        fn i128_round_trips_every_encoding(n in any::<i128>()) {
            let b = BigInt::from(n);
            prop_assert_eq!(b.to_i128(), Some(n));
            prop_assert_eq!(b.to_string(), n.to_string());
            prop_assert_eq!(BigInt::from_decimal(&n.to_string()).unwrap(), b.clone());
            let hex = if n < 0 { format!("-{:x}", n.unsigned_abs()) } else { format!("{n:x}") };
            prop_assert_eq!(b.to_hex(), hex.clone());
            prop_assert_eq!(BigInt::from_hex(&hex).unwrap(), b.clone());
            let bytes = b.to_signed_le_bytes();
            prop_assert_eq!(BigInt::from_signed_le_bytes(&bytes), b.clone());
            // Shortest form, and it agrees with i128's own bytes.
            let full = n.to_le_bytes();
            prop_assert_eq!(&full[..bytes.len()], &bytes[..]);
            prop_assert_eq!(BigInt::from_signed_le_bytes(&full), b);
        }

        #[test]
        fn arbitrary_bytes_round_trip(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
            let b = BigInt::from_signed_le_bytes(&bytes);
            prop_assert_eq!(BigInt::from_signed_le_bytes(&b.to_signed_le_bytes()), b.clone());
            prop_assert_eq!(BigInt::from_hex(&b.to_hex()).unwrap(), b.clone());
            prop_assert_eq!(BigInt::from_decimal(&b.to_string()).unwrap(), b);
        }

        #[test]
        fn text_parsers_never_panic(s in ".{0,40}") {
            let _ = BigInt::from_hex(&s);
            let _ = BigInt::from_decimal(&s);
        }
    }
}
