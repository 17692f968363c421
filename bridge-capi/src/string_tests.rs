//! Tests of the codecs through the C entry points.

use std::ptr::{null, null_mut};

use super::*;
use crate::status::*;

type Fail = (bridge_status_t, String, usize);

/// `a😀b` as WTF-8 and UTF-16.
const ASTRAL8: &[u8] = b"a\xf0\x9f\x98\x80b";
const ASTRAL16: &[u16] = &[0x61, 0xd83d, 0xde00, 0x62];
/// `a\ud800b`: a lone high surrogate.
const LONE8: &[u8] = b"a\xed\xa0\x80b";
const LONE16: &[u16] = &[0x61, 0xd800, 0x62];

fn to16(src: &[u8], cap: usize) -> Result<Vec<u16>, Fail> {
    let mut dst = vec![0xffffu16; cap];
    let mut n = 12345;
    let p = if cap == 0 {
        null_mut()
    } else {
        dst.as_mut_ptr()
    };
    // SAFETY: `src` and `dst` are live slices of the lengths given.
    match unsafe { bridge_wtf8_to_utf16(src.as_ptr(), src.len(), p, cap, &mut n) } {
        BRIDGE_OK => {
            dst.truncate(n);
            Ok(dst)
        }
        s => {
            assert!(dst.iter().all(|&u| u == 0xffff), "nothing partial written");
            Err((s, last_error_string(), n))
        }
    }
}

type Enc = unsafe extern "C" fn(*const u16, usize, *mut u8, usize, *mut usize) -> bridge_status_t;

fn to8(f: Enc, src: &[u16], cap: usize) -> Result<Vec<u8>, Fail> {
    let mut dst = vec![0xffu8; cap];
    let mut n = 12345;
    let p = if cap == 0 {
        null_mut()
    } else {
        dst.as_mut_ptr()
    };
    // SAFETY: `src` and `dst` are live slices of the lengths given.
    match unsafe { f(src.as_ptr(), src.len(), p, cap, &mut n) } {
        BRIDGE_OK => {
            dst.truncate(n);
            Ok(dst)
        }
        s => {
            assert!(dst.iter().all(|&b| b == 0xff), "nothing partial written");
            Err((s, last_error_string(), n))
        }
    }
}

fn check(src: &[u8]) -> Result<usize, (bridge_status_t, String)> {
    let mut n = 0;
    // SAFETY: `src` is a live slice.
    match unsafe { bridge_wtf8_check(src.as_ptr(), src.len(), &mut n) } {
        BRIDGE_OK => Ok(n),
        s => Err((s, last_error_string())),
    }
}

#[test]
fn astral_characters_both_ways() {
    assert_eq!(check(ASTRAL8), Ok(4));
    assert_eq!(to16(ASTRAL8, 4).as_deref(), Ok(ASTRAL16));
    assert_eq!(
        to8(bridge_utf16_to_wtf8, ASTRAL16, 6).as_deref(),
        Ok(ASTRAL8)
    );
    assert_eq!(
        to8(bridge_utf16_to_utf8, ASTRAL16, 6).as_deref(),
        Ok(ASTRAL8)
    );
    assert_eq!(
        to8(bridge_utf16_to_utf8, ASTRAL16, 100).as_deref(),
        Ok(ASTRAL8)
    );
    assert_eq!("a\u{1f600}b".as_bytes(), ASTRAL8);
    // The largest code point.
    let max: Vec<u16> = "\u{10ffff}".encode_utf16().collect();
    assert_eq!(
        to8(bridge_utf16_to_wtf8, &max, 4).unwrap(),
        "\u{10ffff}".as_bytes()
    );
}

#[test]
fn lone_surrogates_survive_wtf8_and_are_refused_by_utf8() {
    assert_eq!(check(LONE8), Ok(3));
    assert_eq!(to16(LONE8, 3).as_deref(), Ok(LONE16));
    assert_eq!(to8(bridge_utf16_to_wtf8, LONE16, 5).as_deref(), Ok(LONE8));
    assert_eq!(
        to8(bridge_utf16_to_utf8, LONE16, 16),
        Err((
            BRIDGE_ERR_LONE_SURROGATE,
            "bridge_utf16_to_utf8: lone surrogate 0xd800 at UTF-16 offset 1 cannot become a Rust string".into(),
            12345
        ))
    );
    // A low surrogate alone, and a reversed pair.
    assert_eq!(
        to8(bridge_utf16_to_wtf8, &[0xdc00], 3).unwrap(),
        b"\xed\xb0\x80"
    );
    assert_eq!(
        to8(bridge_utf16_to_wtf8, &[0xdc00, 0xd800], 6).unwrap(),
        b"\xed\xb0\x80\xed\xa0\x80"
    );
    assert_eq!(
        to8(bridge_utf16_to_utf8, &[0x41, 0xdc00], 8).unwrap_err().0,
        BRIDGE_ERR_LONE_SURROGATE
    );
    // A pair spelled as two 3-byte surrogates decodes to the pair.
    assert_eq!(
        to16(b"\xed\xa0\xbd\xed\xb8\x80", 2).unwrap(),
        vec![0xd83d, 0xde00]
    );
}

#[test]
fn output_too_small_reports_the_length_needed() {
    // Size queries: NULL with cap 0.
    assert_eq!(to16(ASTRAL8, 0).unwrap_err().2, 4);
    let e = to16(ASTRAL8, 3).unwrap_err();
    assert_eq!(
        e,
        (
            BRIDGE_ERR_OUTPUT_TOO_SMALL,
            "bridge_wtf8_to_utf16: the output needs 4 UTF-16 units but cap is 3".into(),
            4
        )
    );
    let e = to8(bridge_utf16_to_wtf8, ASTRAL16, 5).unwrap_err();
    assert_eq!(
        e,
        (
            BRIDGE_ERR_OUTPUT_TOO_SMALL,
            "bridge_utf16_to_wtf8: the output needs 6 bytes but cap is 5".into(),
            6
        )
    );
    assert_eq!(to8(bridge_utf16_to_utf8, ASTRAL16, 0).unwrap_err().2, 6);
    assert_eq!(to8(bridge_utf16_to_wtf8, LONE16, 0).unwrap_err().2, 5);
    // Empty input needs nothing: OK even with cap 0.
    assert_eq!(to16(b"", 0), Ok(vec![]));
    assert_eq!(to8(bridge_utf16_to_utf8, &[], 0), Ok(vec![]));
}

#[test]
fn malformed_wtf8_names_the_offset() {
    for (bytes, msg) in [
        (
            &b"ab\x80"[..],
            "invalid UTF-8 at byte 2: unexpected continuation byte",
        ),
        (b"\xc0\x80", "invalid UTF-8 at byte 0: overlong encoding"),
        (
            b"abc\xe2\x82",
            "invalid UTF-8 at byte 3: truncated sequence",
        ),
        (
            b"\xf4\x90\x80\x80",
            "invalid UTF-8 at byte 0: code point above U+10FFFF",
        ),
        (
            b"\xff",
            "invalid UTF-8 at byte 0: code point above U+10FFFF",
        ),
    ] {
        assert_eq!(
            check(bytes),
            Err((BRIDGE_ERR_INVALID_UTF8, format!("bridge_wtf8_check: {msg}")))
        );
        assert_eq!(
            to16(bytes, 16),
            Err((
                BRIDGE_ERR_INVALID_UTF8,
                format!("bridge_wtf8_to_utf16: {msg}"),
                12345
            )),
            "out_len untouched on a content error"
        );
    }
}

#[test]
fn pointers_lengths_and_alignment() {
    let mut n = 7usize;
    let mut units = [0u16; 4];
    // SAFETY: for every call below, NULL pointers with length 0 are empty
    // slices; bad pointers and lengths are rejected before any use.
    unsafe {
        assert_eq!(bridge_wtf8_check(null(), 0, null_mut()), BRIDGE_OK);
        assert_eq!(bridge_wtf8_check(null(), 0, &mut n), BRIDGE_OK);
        assert_eq!(n, 0);
        assert_eq!(
            bridge_wtf8_check(null(), 1, &mut n),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(
            last_error_string(),
            "bridge_wtf8_check: src is NULL but its length is 1"
        );
        assert_eq!(
            bridge_wtf8_check(b"x".as_ptr(), usize::MAX, &mut n),
            BRIDGE_ERR_BAD_LENGTH
        );
        assert_eq!(
            last_error_string(),
            format!(
                "bridge_wtf8_check: src length {} exceeds the maximum {}",
                usize::MAX,
                isize::MAX
            )
        );
        assert_eq!(
            bridge_wtf8_to_utf16(b"x".as_ptr(), 1, units.as_mut_ptr(), 4, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_wtf8_to_utf16: out_len is NULL");
        assert_eq!(
            bridge_wtf8_to_utf16(b"x".as_ptr(), 1, null_mut(), 4, &mut n),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(
            last_error_string(),
            "bridge_wtf8_to_utf16: dst is NULL but its length is 4"
        );
        assert_eq!(
            bridge_wtf8_to_utf16(b"x".as_ptr(), 1, units.as_mut_ptr(), usize::MAX / 2, &mut n),
            BRIDGE_ERR_BAD_LENGTH
        );
        assert_eq!(
            bridge_utf16_to_wtf8(
                units.as_ptr(),
                (isize::MAX as usize) / 2 + 1,
                null_mut(),
                0,
                &mut n
            ),
            BRIDGE_ERR_BAD_LENGTH
        );
        assert_eq!(
            bridge_utf16_to_wtf8(null(), 0, null_mut(), 0, &mut n),
            BRIDGE_OK
        );
        assert_eq!(n, 0);
        assert_eq!(
            bridge_utf16_to_utf8(null(), 2, null_mut(), 0, &mut n),
            BRIDGE_ERR_NULL_POINTER
        );
        let odd_src = (units.as_ptr() as *const u8).wrapping_add(1) as *const u16;
        let odd_dst = (units.as_mut_ptr() as *mut u8).wrapping_add(1) as *mut u16;
        assert_eq!(
            bridge_utf16_to_wtf8(odd_src, 1, null_mut(), 0, &mut n),
            BRIDGE_ERR_BAD_ARGUMENT
        );
        assert!(
            last_error_string().ends_with("is not aligned to 2 bytes"),
            "{}",
            last_error_string()
        );
        assert_eq!(
            bridge_utf16_to_utf8(odd_src, 0, null_mut(), 0, &mut n),
            BRIDGE_ERR_BAD_ARGUMENT
        );
        assert_eq!(
            bridge_wtf8_to_utf16(b"x".as_ptr(), 1, odd_dst, 2, &mut n),
            BRIDGE_ERR_BAD_ARGUMENT
        );
        assert!(last_error_string().starts_with("bridge_wtf8_to_utf16: dst 0x"));
        // A misaligned out_len.
        let mut words = [0usize; 2];
        let odd_len = (words.as_mut_ptr() as *mut u8).wrapping_add(1) as *mut usize;
        assert_eq!(
            bridge_utf16_to_wtf8(null(), 0, null_mut(), 0, odd_len),
            BRIDGE_ERR_BAD_ARGUMENT
        );
    }
}

#[test]
fn round_trips_every_unit_pair() {
    // Every unit after 'x' and after a high surrogate: WTF-8 round trip.
    for hi in [0x78u16, 0xd800, 0xdbff] {
        for u in (0..=0xffffu16).step_by(7) {
            let src = [hi, u];
            let bytes = to8(bridge_utf16_to_wtf8, &src, 8).unwrap();
            assert_eq!(to16(&bytes, 2).unwrap(), src, "{src:x?}");
            assert_eq!(check(&bytes), Ok(2));
        }
    }
}
