//! Codec round trips on arbitrary input, lone surrogates included.

use proptest::prelude::*;

use super::*;
use crate::error::BridgeError;

/// UTF-16 biased toward the interesting units: ASCII, BMP, surrogates
/// (paired and lone) in any order.
fn utf16() -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(
        prop_oneof![
            3 => 0u16..0x80,
            1 => 0x80u16..0x800,
            1 => 0x800u16..0xd800,
            2 => 0xd800u16..0xdc00,
            2 => 0xdc00u16..0xe000,
            1 => 0xe000u16..=0xffff,
        ],
        0..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn utf16_wtf8_utf16_is_identity(u in utf16()) {
        let w = utf16_to_wtf8(&u);
        prop_assert_eq!(wtf8_to_utf16(&w).unwrap(), u.clone());
        // Code-point view agrees with Python's: pairs joined, lone kept.
        prop_assert_eq!(ucs4_to_utf16(&utf16_to_ucs4(&u)).unwrap(), u.clone());
        // Strict decoding agrees with std exactly.
        match (utf16_to_string(&u), String::from_utf16(&u)) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(&a, &b);
                prop_assert_eq!(a.as_bytes(), &w[..]);
            }
            (Err(BridgeError::LoneSurrogate { offset, unit }), Err(_)) => {
                prop_assert!((0xd800..0xe000).contains(&unit));
                prop_assert_eq!(u[offset], unit);
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
        }
    }

    #[test]
    fn wtf8_from_our_encoder_round_trips(u in utf16()) {
        let w = utf16_to_wtf8(&u);
        prop_assert_eq!(utf16_to_wtf8(&wtf8_to_utf16(&w).unwrap()), w);
    }

    #[test]
    fn str_matches_encode_utf16(s in any::<String>()) {
        let expect: Vec<u16> = s.encode_utf16().collect();
        prop_assert_eq!(str_to_utf16(&s), expect.clone());
        prop_assert_eq!(wtf8_to_utf16(s.as_bytes()).unwrap(), expect.clone());
        prop_assert_eq!(utf16_to_string(&expect).unwrap(), s.clone());
        prop_assert_eq!(utf16_to_wtf8(&expect), s.as_bytes().to_vec());
        let cps: Vec<u32> = s.chars().map(u32::from).collect();
        prop_assert_eq!(utf16_to_ucs4(&expect), cps);
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_agree_with_std(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let ours = wtf8_to_utf16(&bytes);
        match std::str::from_utf8(&bytes) {
            Ok(s) => prop_assert_eq!(ours.unwrap(), s.encode_utf16().collect::<Vec<_>>()),
            Err(e) => match ours {
                // Accepted only because of (generalized) surrogate sequences:
                // re-encoding gives the same bytes back.
                Ok(u) => {
                    prop_assert!(u.iter().any(|c| (0xd800..0xe000).contains(c)));
                    let back = utf16_to_wtf8(&u);
                    prop_assert!(back.len() <= bytes.len());
                    prop_assert_eq!(wtf8_to_utf16(&back).unwrap(), u);
                }
                Err(BridgeError::InvalidUtf8 { offset, .. }) => prop_assert!(offset >= e.valid_up_to()),
                Err(other) => prop_assert!(false, "{other:?}"),
            },
        }
    }

    #[test]
    fn latin1_matches_char_widening(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let s: String = bytes.iter().map(|&b| char::from(b)).collect();
        prop_assert_eq!(latin1_to_utf16(&bytes), s.encode_utf16().collect::<Vec<_>>());
    }

    #[test]
    fn ucs4_rejects_only_above_max(cps in prop::collection::vec(prop_oneof![0u32..0x80, 0xd800u32..0xe000, 0u32..0x11_0100], 0..32)) {
        match ucs4_to_utf16(&cps) {
            Ok(u) => {
                prop_assert!(cps.iter().all(|&c| c <= 0x10ffff));
                // Python code points come back unchanged unless a high and a
                // low surrogate code point sit side by side (they pair up).
                let pairs = cps.windows(2).any(|w| (0xd800..0xdc00).contains(&w[0]) && (0xdc00..0xe000).contains(&w[1]));
                if !pairs {
                    prop_assert_eq!(utf16_to_ucs4(&u), cps);
                }
            }
            Err(BridgeError::InvalidCodePoint { offset, value }) => {
                prop_assert_eq!(cps[offset], value);
                prop_assert!(value > 0x10ffff);
                prop_assert!(cps[..offset].iter().all(|&c| c <= 0x10ffff));
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}
