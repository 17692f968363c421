//! The integer rule: which integers cross as a JS Number.
//!
//! An integer `n` crosses as a Number iff `-(2^53 - 1) <= n <= 2^53 - 1`
//! (inclusive); outside that it crosses as a BigInt. Pyodide turns
//! `2^53 - 1` itself into a BigInt (its test is `abs(n) < 2^53 - 1`); we keep
//! it a Number on purpose, because it is exactly representable and
//! `Number.isSafeInteger(2**53 - 1)` is true.
//!
//! The other way, a JS Number becomes a Python `int` iff it is integral and
//! inside the same range, and is not `-0` (which stays the float `-0.0`);
//! anything else (fractions, NaN, infinities, `2^53` and beyond) becomes a
//! `float`. A JS BigInt always becomes an `int`.

/// `Number.MAX_SAFE_INTEGER`: 2^53 - 1.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;
/// `Number.MIN_SAFE_INTEGER`: -(2^53 - 1).
pub const MIN_SAFE_INTEGER: i64 = -MAX_SAFE_INTEGER;

/// Whether an integer crosses to JS as a Number (else as a BigInt).
/// Accepts any primitive integer up to 128 bits.
#[inline]
pub fn int_crosses_as_number<T: Into<i128>>(n: T) -> bool {
    let n: i128 = n.into();
    (i128::from(MIN_SAFE_INTEGER)..=i128::from(MAX_SAFE_INTEGER)).contains(&n)
}

/// What a JS Number becomes in Python.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum JsNumber {
    /// A Python `int`.
    Int(i64),
    /// A Python `float`.
    Float(f64),
}

/// Classify a JS Number by the rule above.
#[inline]
pub fn classify_js_number(x: f64) -> JsNumber {
    let integral_in_range = x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER as f64;
    if integral_in_range && !(x == 0.0 && x.is_sign_negative()) {
        // Integral and |x| <= 2^53 - 1: the cast is exact.
        JsNumber::Int(x as i64)
    } else {
        JsNumber::Float(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const B: i128 = MAX_SAFE_INTEGER as i128;

    #[test]
    fn int_rule_boundaries() {
        // Every boundary and its neighbours, both signs.
        for (n, number) in [
            (0, true),
            (1, true),
            (-1, true),
            (B - 1, true),
            (B, true), // 2^53 - 1 stays a Number (Pyodide: BigInt)
            (B + 1, false),
            (B + 2, false),
            (-B + 1, true),
            (-B, true),
            (-B - 1, false),
            (-B - 2, false),
            (i128::from(i64::MAX), false),
            (i128::from(i64::MIN), false),
            (i128::MAX, false),
            (i128::MIN, false),
        ] {
            assert_eq!(int_crosses_as_number(n), number, "{n}");
        }
        assert!(int_crosses_as_number(MAX_SAFE_INTEGER));
        assert!(!int_crosses_as_number(u64::MAX));
        assert!(int_crosses_as_number(i32::MIN));
    }

    #[test]
    fn js_number_boundaries() {
        let m = MAX_SAFE_INTEGER as f64;
        assert_eq!(classify_js_number(m), JsNumber::Int(MAX_SAFE_INTEGER));
        assert_eq!(classify_js_number(-m), JsNumber::Int(-MAX_SAFE_INTEGER));
        assert_eq!(classify_js_number(m + 1.0), JsNumber::Float(m + 1.0)); // 2^53 -> float
        assert_eq!(classify_js_number(-m - 1.0), JsNumber::Float(-m - 1.0));
        assert_eq!(classify_js_number(0.0), JsNumber::Int(0));
        assert_eq!(classify_js_number(3.0), JsNumber::Int(3));
        assert_eq!(classify_js_number(1.5), JsNumber::Float(1.5));
        assert!(
            matches!(classify_js_number(-0.0), JsNumber::Float(z) if z == 0.0 && z.is_sign_negative())
        );
        assert!(matches!(classify_js_number(f64::NAN), JsNumber::Float(z) if z.is_nan()));
        assert_eq!(
            classify_js_number(f64::INFINITY),
            JsNumber::Float(f64::INFINITY)
        );
        assert_eq!(
            classify_js_number(f64::NEG_INFINITY),
            JsNumber::Float(f64::NEG_INFINITY)
        );
        assert_eq!(classify_js_number(1e300), JsNumber::Float(1e300));
    }

    proptest! {
        #[test]
        fn int_rule_matches_definition_near_every_boundary(
            base in prop::sample::select(vec![0i128, B, -B, B + 1, -B - 1, i128::from(i64::MAX), i128::from(i64::MIN)]),
            delta in -1000i128..=1000,
        ) {
            let n = base + delta;
            prop_assert_eq!(int_crosses_as_number(n), n.abs() <= B);
            // A Number-crossing integer survives the f64 round trip exactly;
            // the first integers outside do not all survive it.
            if int_crosses_as_number(n) {
                prop_assert_eq!((n as f64) as i128, n);
                prop_assert_eq!(classify_js_number(n as f64), JsNumber::Int(n as i64));
            }
        }

        #[test]
        fn int_rule_any_i64(n in any::<i64>()) {
            prop_assert_eq!(int_crosses_as_number(n), n.unsigned_abs() <= MAX_SAFE_INTEGER as u64);
        }

        #[test]
        fn js_numbers_int_iff_safe_integral(x in any::<f64>()) {
            match classify_js_number(x) {
                JsNumber::Int(i) => {
                    prop_assert_eq!(i as f64, x);
                    prop_assert!(int_crosses_as_number(i));
                }
                JsNumber::Float(f) => {
                    prop_assert!(f.to_bits() == x.to_bits());
                    prop_assert!(x.is_nan() || x.fract() != 0.0 || x.abs() > MAX_SAFE_INTEGER as f64
                        || (x == 0.0 && x.is_sign_negative()));
                }
            }
        }
    }
}
