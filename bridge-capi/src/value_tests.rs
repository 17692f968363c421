//! Tests of the value model, the integer rule and big integers.

use std::mem::MaybeUninit;
use std::ptr::{null, null_mut};

use bridge_core::MAX_SAFE_INTEGER as MAX;

use super::*;
use crate::status::*;

type Fail = (bridge_status_t, String);

fn set_int(n: i64) -> (bridge_value_t, [u8; 8]) {
    let mut storage = [0xaau8; 8];
    let mut v = MaybeUninit::<bridge_value_t>::uninit();
    // SAFETY: `v` and `storage` are live locals.
    let s = unsafe { bridge_value_set_int(v.as_mut_ptr(), n, storage.as_mut_ptr()) };
    assert_eq!(s, BRIDGE_OK);
    // SAFETY: written on success.
    (unsafe { v.assume_init() }, storage)
}

fn set_number(x: f64) -> bridge_value_t {
    let mut v = MaybeUninit::<bridge_value_t>::uninit();
    // SAFETY: `v` is a live local.
    let got = unsafe { bridge_value_set_number(v.as_mut_ptr(), x) };
    assert_eq!(got, BRIDGE_OK);
    // SAFETY: written on success.
    unsafe { v.assume_init() }
}

fn to_i64(bytes: &[u8]) -> Result<i64, Fail> {
    let mut n = 0;
    // SAFETY: live slice and local.
    match unsafe { bridge_bigint_to_i64(bytes.as_ptr(), bytes.len(), &mut n) } {
        BRIDGE_OK => Ok(n),
        s => Err((s, last_error_string())),
    }
}

fn to_decimal(bytes: &[u8], cap: usize) -> Result<String, (bridge_status_t, String, usize)> {
    let mut dst = vec![0xffu8; cap];
    let mut n = 0;
    let p = if cap == 0 {
        null_mut()
    } else {
        dst.as_mut_ptr()
    };
    // SAFETY: live slices of the lengths given.
    match unsafe { bridge_bigint_to_decimal(bytes.as_ptr(), bytes.len(), p, cap, &mut n) } {
        BRIDGE_OK => Ok(String::from_utf8(dst[..n].to_vec()).unwrap()),
        s => Err((s, last_error_string(), n)),
    }
}

fn from_decimal(text: &str, cap: usize) -> Result<Vec<u8>, (bridge_status_t, String, usize)> {
    let mut dst = vec![0xffu8; cap];
    let mut n = 0;
    let p = if cap == 0 {
        null_mut()
    } else {
        dst.as_mut_ptr()
    };
    // SAFETY: live slices of the lengths given.
    match unsafe { bridge_bigint_from_decimal(text.as_ptr(), text.len(), p, cap, &mut n) } {
        BRIDGE_OK => Ok(dst[..n].to_vec()),
        s => Err((s, last_error_string(), n)),
    }
}

fn check(v: &bridge_value_t) -> Result<(), Fail> {
    // SAFETY: `v` is a live value whose pointers (if any) are live.
    match unsafe { bridge_value_check(v) } {
        BRIDGE_OK => Ok(()),
        s => Err((s, last_error_string())),
    }
}

#[test]
fn layout_matches_the_spec() {
    let mut out = [0u32; 8];
    // SAFETY: `out` holds 8 u32s.
    assert_eq!(unsafe { bridge_value_layout(out.as_mut_ptr()) }, BRIDGE_OK);
    if size_of::<*const u8>() == 8 {
        assert_eq!(out, [80, 8, 72, 16, 16, 72, 8, 8]);
    } else {
        assert_eq!(out, [48, 8, 40, 16, 12, 36, 8, 4]);
    }
    assert_eq!(out, layout());
    // SAFETY: NULL is rejected.
    let got = unsafe { bridge_value_layout(null_mut()) };
    assert_eq!(got, BRIDGE_ERR_NULL_POINTER);
}

#[test]
fn integer_rule_at_every_boundary() {
    for (n, number) in [
        (0, true),
        (1, true),
        (-1, true),
        (MAX - 1, true),
        (MAX, true),
        (-MAX, true),
        (MAX + 1, false),
        (-MAX - 1, false),
        (1 << 53, false),
        (-(1 << 53), false),
        (i64::MAX, false),
        (i64::MIN, false),
    ] {
        assert_eq!(bridge_int_crosses_as_number(n), number, "{n}");
        let (v, storage) = set_int(n);
        if number {
            assert_eq!(v.tag, BRIDGE_VALUE_INT);
            // SAFETY: tag INT.
            assert_eq!(unsafe { v.r#as.integer }, n);
            assert_eq!(storage, [0xaa; 8], "storage untouched");
        } else {
            assert_eq!(v.tag, BRIDGE_VALUE_BIGINT);
            // SAFETY: tag BIGINT.
            let b = unsafe { v.r#as.bigint };
            // `b.ptr` pointed at the helper's `storage`; read its copy.
            let bytes = &storage[..b.len];
            assert!(!b.ptr.is_null());
            assert_eq!(to_i64(bytes), Ok(n));
            assert_eq!(bytes, &n.to_le_bytes()[..b.len]);
        }
        assert_eq!(v._reserved, 0);
    }
    // Shortest forms.
    let (v, s) = set_int(1 << 53);
    // SAFETY: tag BIGINT.
    assert_eq!(unsafe { v.r#as.bigint.len }, 7);
    assert_eq!(&s[..7], &[0, 0, 0, 0, 0, 0, 0x20]);
    let (v, s) = set_int(-(1 << 53));
    // SAFETY: tag BIGINT.
    assert_eq!(unsafe { v.r#as.bigint.len }, 7);
    assert_eq!(&s[..7], &[0, 0, 0, 0, 0, 0, 0xe0]);
    let (v, s) = set_int(i64::MIN);
    // SAFETY: tag BIGINT.
    assert_eq!(unsafe { v.r#as.bigint.len }, 8);
    assert_eq!(s, [0, 0, 0, 0, 0, 0, 0, 0x80]);
    let (v, s) = set_int(i64::MAX);
    // SAFETY: tag BIGINT.
    assert_eq!(unsafe { v.r#as.bigint.len }, 8);
    assert_eq!(s, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    // storage NULL: fine within range, an error outside.
    let mut v = MaybeUninit::<bridge_value_t>::uninit();
    // SAFETY: `v` is live; NULL storage is checked before use.
    unsafe {
        assert_eq!(
            bridge_value_set_int(v.as_mut_ptr(), MAX, null_mut()),
            BRIDGE_OK
        );
        assert_eq!(
            bridge_value_set_int(v.as_mut_ptr(), MAX + 1, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_value_set_int: storage is NULL");
        assert_eq!(
            bridge_value_set_int(null_mut(), 1, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_value_set_int: out is NULL");
    }
}

#[test]
fn numbers_follow_the_js_rule() {
    let m = MAX as f64;
    for (x, int) in [
        (0.0, Some(0)),
        (3.0, Some(3)),
        (m, Some(MAX)),
        (-m, Some(-MAX)),
        (m + 1.0, None),
        (-m - 1.0, None),
        (1.5, None),
        (-0.0, None),
        (f64::NAN, None),
        (f64::INFINITY, None),
        (f64::NEG_INFINITY, None),
        (1e300, None),
    ] {
        let v = set_number(x);
        match int {
            Some(n) => {
                assert_eq!(v.tag, BRIDGE_VALUE_INT, "{x}");
                // SAFETY: tag INT.
                assert_eq!(unsafe { v.r#as.integer }, n);
            }
            None => {
                assert_eq!(v.tag, BRIDGE_VALUE_FLOAT, "{x}");
                // SAFETY: tag FLOAT.
                assert_eq!(unsafe { v.r#as.number }.to_bits(), x.to_bits(), "bits kept");
            }
        }
        assert_eq!(check(&v), Ok(()));
    }
    // SAFETY: NULL is rejected.
    let got = unsafe { bridge_value_set_number(null_mut(), 1.0) };
    assert_eq!(got, BRIDGE_ERR_NULL_POINTER);
}

#[test]
fn bigint_bytes_to_i64() {
    assert_eq!(to_i64(&[0]), Ok(0));
    assert_eq!(to_i64(&[0xff]), Ok(-1));
    assert_eq!(to_i64(&[0x80]), Ok(-128));
    assert_eq!(to_i64(&[0x80, 0]), Ok(128));
    assert_eq!(
        to_i64(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        Ok(1),
        "not shortest is fine"
    );
    assert_eq!(to_i64(&[0xff; 12]), Ok(-1));
    assert_eq!(to_i64(&i64::MIN.to_le_bytes()), Ok(i64::MIN));
    assert_eq!(to_i64(&i64::MAX.to_le_bytes()), Ok(i64::MAX));
    let two64 = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    assert_eq!(
        to_i64(&two64),
        Err((
            BRIDGE_ERR_INTEGER_OVERFLOW,
            "bridge_bigint_to_i64: integer 18446744073709551616 does not fit in i64".into()
        ))
    );
    let below_min = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff];
    assert_eq!(
        to_i64(&below_min).unwrap_err().0,
        BRIDGE_ERR_INTEGER_OVERFLOW
    );
    assert_eq!(
        to_i64(&[]),
        Err((BRIDGE_ERR_MALFORMED_BIGINT, "bridge_bigint_to_i64: malformed big integer \"\": no bytes (a big integer has at least one)".into()))
    );
    let mut n = 0;
    // SAFETY: NULLs are checked before use.
    unsafe {
        assert_eq!(
            bridge_bigint_to_i64(null(), 0, &mut n),
            BRIDGE_ERR_MALFORMED_BIGINT
        );
        assert_eq!(
            bridge_bigint_to_i64(null(), 3, &mut n),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(
            bridge_bigint_to_i64([1u8].as_ptr(), 1, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
    }
}

#[test]
fn bigint_decimal_round_trips() {
    let big = "-123456789012345678901234567890123456789012345678901234567890";
    for text in [
        "0",
        "1",
        "-1",
        "127",
        "128",
        "-128",
        "-129",
        "9007199254740991",
        "9007199254740992",
        "-9007199254740992",
        "9223372036854775807",
        "-9223372036854775808",
        "18446744073709551616",
        big,
    ] {
        let bytes = from_decimal(text, 64).unwrap();
        assert_eq!(to_decimal(&bytes, 128).as_deref(), Ok(text));
        if let Ok(n) = text.parse::<i64>() {
            let full = n.to_le_bytes();
            assert_eq!(&full[..bytes.len()], &bytes[..], "shortest bytes of {text}");
            assert_eq!(to_i64(&bytes), Ok(n));
        }
    }
    assert_eq!(from_decimal("128", 8), Ok(vec![0x80, 0]));
    assert_eq!(from_decimal("-128", 8), Ok(vec![0x80]));
    assert_eq!(from_decimal("-0", 8), Ok(vec![0]));
    assert_eq!(from_decimal("007", 8), Ok(vec![7]));
    assert_eq!(to_decimal(&[0xff, 0xff], 8).as_deref(), Ok("-1"));
    // Size queries and too-small outputs.
    assert_eq!(
        to_decimal(&[0x80], 0),
        Err((
            BRIDGE_ERR_OUTPUT_TOO_SMALL,
            "bridge_bigint_to_decimal: the output needs 4 bytes but cap is 0".into(),
            4
        ))
    );
    assert_eq!(to_decimal(&[0x80], 3).unwrap_err().2, 4);
    assert_eq!(to_decimal(&[0x80], 4).as_deref(), Ok("-128"));
    assert_eq!(from_decimal(big, 0).unwrap_err().2, 25);
    assert_eq!(
        from_decimal(big, 24).unwrap_err().0,
        BRIDGE_ERR_OUTPUT_TOO_SMALL
    );
    // Malformed text.
    for (text, why) in [
        ("", "no digits"),
        ("-", "no digits"),
        ("+1", "not a decimal digit"),
        (" 1", "not a decimal digit"),
        ("1_000", "not a decimal digit"),
        ("0x10", "not a decimal digit"),
        ("1.5", "not a decimal digit"),
    ] {
        assert_eq!(
            from_decimal(text, 16),
            Err((
                BRIDGE_ERR_MALFORMED_BIGINT,
                format!("bridge_bigint_from_decimal: malformed big integer {text:?}: {why}"),
                0
            )),
            "{text:?}"
        );
    }
    let mut dst = [0u8; 4];
    let mut n = 0;
    // SAFETY: live slices; the invalid UTF-8 is rejected as text.
    unsafe {
        assert_eq!(
            bridge_bigint_from_decimal(b"1\xff".as_ptr(), 2, dst.as_mut_ptr(), 4, &mut n),
            BRIDGE_ERR_MALFORMED_BIGINT
        );
        assert!(last_error_string().ends_with("not valid UTF-8"));
        assert_eq!(
            bridge_bigint_to_decimal(null(), 0, dst.as_mut_ptr(), 4, &mut n),
            BRIDGE_ERR_MALFORMED_BIGINT
        );
        assert_eq!(
            bridge_bigint_to_decimal([1u8].as_ptr(), 1, dst.as_mut_ptr(), 4, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
    }
}

fn val(tag: u32, payload: bridge_value_payload_t) -> bridge_value_t {
    bridge_value_t {
        tag,
        _reserved: 0,
        r#as: payload,
    }
}

#[test]
fn value_check_every_tag() {
    let undef = val(
        BRIDGE_VALUE_UNDEFINED,
        bridge_value_payload_t { integer: 0 },
    );
    assert_eq!(check(&undef), Ok(()));
    assert_eq!(
        check(&val(
            BRIDGE_VALUE_NULL,
            bridge_value_payload_t { integer: 0 }
        )),
        Ok(())
    );
    assert_eq!(
        check(&val(
            BRIDGE_VALUE_BOOL,
            bridge_value_payload_t { boolean: true }
        )),
        Ok(())
    );
    // A bool byte of 2, as C can store it.
    let mut two = val(BRIDGE_VALUE_BOOL, bridge_value_payload_t { integer: 2 });
    two.tag = BRIDGE_VALUE_BOOL;
    assert_eq!(
        check(&two),
        Err((
            BRIDGE_ERR_BAD_ARGUMENT,
            "bridge_value_check: as.boolean: a bool must be 0 or 1, not 2".into()
        ))
    );
    assert_eq!(
        check(&val(
            BRIDGE_VALUE_INT,
            bridge_value_payload_t { integer: MAX }
        )),
        Ok(())
    );
    assert_eq!(
        check(&val(
            BRIDGE_VALUE_INT,
            bridge_value_payload_t { integer: -MAX }
        )),
        Ok(())
    );
    assert_eq!(
        check(&val(BRIDGE_VALUE_INT, bridge_value_payload_t { integer: MAX + 1 })),
        Err((
            BRIDGE_ERR_INTEGER_OVERFLOW,
            "bridge_value_check: integer 9007199254740992 does not fit in BRIDGE_VALUE_INT (|n| <= 2^53 - 1; use BRIDGE_VALUE_BIGINT)".into()
        ))
    );
    let nan = val(
        BRIDGE_VALUE_FLOAT,
        bridge_value_payload_t { number: f64::NAN },
    );
    assert_eq!(check(&nan), Ok(()));

    let bytes = [0x80u8, 0];
    let big = |ptr: *const u8, len| {
        val(
            BRIDGE_VALUE_BIGINT,
            bridge_value_payload_t {
                bigint: bridge_bytes_t { ptr, len },
            },
        )
    };
    assert_eq!(check(&big(bytes.as_ptr(), 2)), Ok(()));
    assert_eq!(
        check(&big(bytes.as_ptr(), 0)).unwrap_err().0,
        BRIDGE_ERR_MALFORMED_BIGINT
    );
    assert_eq!(
        check(&big(null(), 0)).unwrap_err().0,
        BRIDGE_ERR_MALFORMED_BIGINT
    );
    assert_eq!(
        check(&big(null(), 2)),
        Err((
            BRIDGE_ERR_NULL_POINTER,
            "bridge_value_check: as.bigint is NULL but its length is 2".into()
        ))
    );

    let s = |b: &[u8]| {
        val(
            BRIDGE_VALUE_STRING,
            bridge_value_payload_t {
                string: bridge_bytes_t {
                    ptr: b.as_ptr(),
                    len: b.len(),
                },
            },
        )
    };
    assert_eq!(check(&s(b"a\xf0\x9f\x98\x80b")), Ok(()));
    assert_eq!(
        check(&s(b"a\xed\xa0\x80b")),
        Ok(()),
        "a lone surrogate is WTF-8"
    );
    assert_eq!(check(&s(b"")), Ok(()));
    assert_eq!(
        check(&s(b"ab\xff")),
        Err((
            BRIDGE_ERR_INVALID_UTF8,
            "bridge_value_check: invalid UTF-8 at byte 2: code point above U+10FFFF".into()
        ))
    );

    let shape = [2i64, 3];
    let data = [0u8; 48];
    let buf = |byte_len| bridge_buffer_t {
        data: data.as_ptr(),
        byte_len,
        offset: 0,
        format: b"d".as_ptr(),
        format_len: 1,
        ndim: 2,
        shape: shape.as_ptr(),
        strides: null(),
        readonly: true,
    };
    let b = |byte_len| {
        val(
            BRIDGE_VALUE_BUFFER,
            bridge_value_payload_t {
                buffer: buf(byte_len),
            },
        )
    };
    assert_eq!(check(&b(48)), Ok(()));
    assert_eq!(
        check(&b(47)),
        Err((
            BRIDGE_ERR_INVALID_BUFFER,
            "bridge_value_check: buffer layout needs 48 bytes but the buffer has 47".into()
        ))
    );

    let h = |table, key| {
        val(
            BRIDGE_VALUE_HANDLE,
            bridge_value_payload_t {
                handle: bridge_handle_t {
                    table,
                    _pad: 0,
                    key,
                },
            },
        )
    };
    let k = 3u64 << 45 | 1 << 24 | 1;
    assert_eq!(
        check(&h(3, k)),
        Ok(()),
        "format only: table 3 need not be live"
    );
    assert_eq!(
        check(&h(4, k)),
        Err((
            BRIDGE_ERR_WRONG_TABLE,
            format!("bridge_value_check: key {k:#x} belongs to table 3, not to table 4")
        ))
    );
    assert_eq!(
        check(&h(3, k | 1 << 53)).unwrap_err().0,
        BRIDGE_ERR_KEY_OUT_OF_RANGE
    );
    assert_eq!(
        check(&h(3, 3 << 45 | 1)).unwrap_err().0,
        BRIDGE_ERR_FORGED_KEY
    );
    assert_eq!(
        check(&h(0, 1 << 24 | 1)).unwrap_err().0,
        BRIDGE_ERR_NO_SUCH_TABLE
    );

    let unknown = val(9, bridge_value_payload_t { integer: 0 });
    assert_eq!(
        check(&unknown),
        Err((
            BRIDGE_ERR_BAD_ARGUMENT,
            "bridge_value_check: tag: unknown value tag 9 (known: 0..=8)".into()
        ))
    );
    // SAFETY: NULL is rejected.
    let got = unsafe { bridge_value_check(null()) };
    assert_eq!(got, BRIDGE_ERR_NULL_POINTER);
}

#[test]
fn type_names() {
    let names = [
        "undefined",
        "null",
        "bool",
        "int",
        "bigint",
        "float",
        "str",
        "buffer",
        "handle",
    ];
    for (tag, name) in names.iter().enumerate() {
        // SAFETY: static C strings.
        let got = unsafe { std::ffi::CStr::from_ptr(bridge_value_type_name(tag as u32)) };
        assert_eq!(got.to_str().unwrap(), *name);
    }
    for tag in [9, 100, u32::MAX] {
        // SAFETY: static C strings.
        let got = unsafe { std::ffi::CStr::from_ptr(bridge_value_type_name(tag)) };
        assert_eq!(got.to_str().unwrap(), "unknown");
    }
}
