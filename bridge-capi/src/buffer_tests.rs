//! Tests of format parsing and layout checks through the C entry points.

use std::ffi::CStr;
use std::ptr::{null, null_mut};

use super::*;
use crate::status::*;

type Parsed = (u32, u32, u32, bool, String);

fn parse_fmt(fmt: &[u8]) -> Result<Parsed, (bridge_status_t, String)> {
    let mut out = bridge_buffer_format_t {
        kind: 99,
        itemsize: 0,
        byte_order: 9,
        native_order: false,
        typed_array: null(),
    };
    // SAFETY: `fmt` is a live slice, `out` a live local.
    match unsafe { bridge_buffer_format_parse(fmt.as_ptr(), fmt.len(), &mut out) } {
        BRIDGE_OK => {
            // SAFETY: `typed_array` is a static C string.
            let name = unsafe { CStr::from_ptr(out.typed_array) }
                .to_str()
                .unwrap()
                .to_owned();
            Ok((
                out.kind,
                out.itemsize,
                out.byte_order,
                out.native_order,
                name,
            ))
        }
        s => Err((s, last_error_string())),
    }
}

fn desc(
    fmt: &'static [u8],
    byte_len: usize,
    offset: usize,
    shape: &[i64],
    strides: Option<&[i64]>,
) -> bridge_buffer_t {
    bridge_buffer_t {
        data: if byte_len == 0 { null() } else { DATA.as_ptr() },
        byte_len,
        offset,
        format: fmt.as_ptr(),
        format_len: fmt.len(),
        ndim: shape.len() as u32,
        shape: if shape.is_empty() {
            null()
        } else {
            shape.as_ptr()
        },
        strides: strides.map_or(null(), <[i64]>::as_ptr),
        readonly: false,
    }
}

static DATA: [u8; 4096] = [0; 4096];

fn check_buf(b: &bridge_buffer_t) -> Result<bridge_buffer_info_t, (bridge_status_t, String)> {
    let mut out = bridge_buffer_info_t {
        kind: 99,
        itemsize: 0,
        len: 0,
        c_contiguous: false,
        f_contiguous: false,
        view_offset: 0,
        view_len: 0,
    };
    // SAFETY: `b` and the slices it points to live for the call.
    match unsafe { bridge_buffer_check(b, &mut out) } {
        BRIDGE_OK => Ok(out),
        s => Err((s, last_error_string())),
    }
}

#[test]
fn kind_numbers_are_the_cores_order() {
    let names = [
        "Int8Array",
        "Uint8Array",
        "Uint8ClampedArray",
        "Int16Array",
        "Uint16Array",
        "Int32Array",
        "Uint32Array",
        "Float16Array",
        "Float32Array",
        "Float64Array",
        "BigInt64Array",
        "BigUint64Array",
    ];
    for (i, k) in ALL_KINDS.iter().enumerate() {
        assert_eq!(kind_number(*k), i as u32);
        assert_eq!(k.typed_array_name(), names[i]);
        // SAFETY: a known kind gives a static C string.
        let c = unsafe { CStr::from_ptr(bridge_element_kind_typed_array(i as u32)) };
        assert_eq!(c.to_str().unwrap(), names[i]);
        let mut out = 99;
        // SAFETY: live slice and local.
        let s = unsafe {
            bridge_element_kind_from_typed_array(names[i].as_ptr(), names[i].len(), &mut out)
        };
        assert_eq!((s, out), (BRIDGE_OK, i as u32));
    }
    assert_eq!(BRIDGE_ELEMENT_KIND_INT32, 5);
    assert_eq!(BRIDGE_ELEMENT_KIND_FLOAT64, 9);
    assert_eq!(BRIDGE_ELEMENT_KIND_BIGUINT64, 11);
    assert!(bridge_element_kind_typed_array(12).is_null());
    assert!(bridge_element_kind_typed_array(u32::MAX).is_null());
    let mut out = 99;
    // SAFETY: live slice and local.
    let s = unsafe { bridge_element_kind_from_typed_array(b"Array".as_ptr(), 5, &mut out) };
    assert_eq!(s, BRIDGE_ERR_UNSUPPORTED_FORMAT);
    assert_eq!(
        last_error_string(),
        "bridge_element_kind_from_typed_array: buffer format \"Array\" has no typed-array equivalent: not a typed-array constructor name"
    );
    assert_eq!(out, 99);
    // SAFETY: NULL with len 0 is empty; NULL out is rejected.
    unsafe {
        assert_eq!(
            bridge_element_kind_from_typed_array(null(), 0, &mut out),
            BRIDGE_ERR_UNSUPPORTED_FORMAT
        );
        assert_eq!(
            bridge_element_kind_from_typed_array(b"Int8Array".as_ptr(), 9, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
    }
}

#[test]
fn formats_for_wasm32() {
    use crate::buffer::{
        BRIDGE_BYTE_ORDER_BIG as BIG, BRIDGE_BYTE_ORDER_LITTLE as LE,
        BRIDGE_BYTE_ORDER_NATIVE as NAT,
    };
    let i32s = |order, native| Ok((5, 4, order, native, "Int32Array".to_owned()));
    assert_eq!(parse_fmt(b"<i"), i32s(LE, true));
    assert_eq!(parse_fmt(b"i"), i32s(NAT, true));
    assert_eq!(parse_fmt(b"@i"), i32s(NAT, true));
    assert_eq!(parse_fmt(b"=i"), i32s(NAT, true));
    assert_eq!(parse_fmt(b">i"), i32s(BIG, false));
    assert_eq!(parse_fmt(b"!i"), i32s(BIG, false));
    assert_eq!(
        parse_fmt(b"l"),
        i32s(NAT, true),
        "long is 4 bytes on wasm32, on every host"
    );
    assert_eq!(parse_fmt(b"n"), i32s(NAT, true));
    assert_eq!(
        parse_fmt(b"d"),
        Ok((9, 8, NAT, true, "Float64Array".into()))
    );
    assert_eq!(
        parse_fmt(b"1d"),
        Ok((9, 8, NAT, true, "Float64Array".into()))
    );
    assert_eq!(
        parse_fmt(b">B"),
        Ok((1, 1, BIG, true, "Uint8Array".into())),
        "one byte has no order"
    );
    assert_eq!(parse_fmt(b"?"), Ok((1, 1, NAT, true, "Uint8Array".into())));
    assert_eq!(
        parse_fmt(b"q"),
        Ok((10, 8, NAT, true, "BigInt64Array".into()))
    );
    assert_eq!(
        parse_fmt(b"<Q"),
        Ok((11, 8, LE, true, "BigUint64Array".into()))
    );
    assert_eq!(
        parse_fmt(b"e"),
        Ok((7, 2, NAT, true, "Float16Array".into()))
    );
    for (fmt, status, msg) in [
        (&b""[..], BRIDGE_ERR_MALFORMED_FORMAT, "malformed buffer format \"\": empty format"),
        (b"<", BRIDGE_ERR_MALFORMED_FORMAT, "malformed buffer format \"<\": missing type code"),
        (b"y", BRIDGE_ERR_MALFORMED_FORMAT, "malformed buffer format \"y\": unknown type code"),
        (b"\xff", BRIDGE_ERR_MALFORMED_FORMAT, "malformed buffer format \"\u{fffd}\": not valid UTF-8"),
        (b"ii", BRIDGE_ERR_UNSUPPORTED_FORMAT, "buffer format \"ii\" has no typed-array equivalent: more than one item (structured formats are not typed arrays)"),
        (b"2i", BRIDGE_ERR_UNSUPPORTED_FORMAT, "buffer format \"2i\" has no typed-array equivalent: a repeat count above 1 is not one element"),
        (b"P", BRIDGE_ERR_UNSUPPORTED_FORMAT, "buffer format \"P\" has no typed-array equivalent: pointers ('P') do not cross"),
    ] {
        assert_eq!(parse_fmt(fmt), Err((status, format!("bridge_buffer_format_parse: {msg}"))), "{fmt:?}");
    }
    // SAFETY: NULL out is rejected before use; NULL fmt with len 0 is "".
    unsafe {
        assert_eq!(
            bridge_buffer_format_parse(b"i".as_ptr(), 1, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        let mut out = std::mem::MaybeUninit::<bridge_buffer_format_t>::uninit();
        assert_eq!(
            bridge_buffer_format_parse(null(), 0, out.as_mut_ptr()),
            BRIDGE_ERR_MALFORMED_FORMAT
        );
        assert_eq!(
            bridge_buffer_format_parse(null(), 1, out.as_mut_ptr()),
            BRIDGE_ERR_NULL_POINTER
        );
    }
}

#[test]
fn layouts_one_and_two_dimensional() {
    // 6 int32 in a row.
    let b = desc(b"<i", 24, 0, &[6], None);
    let i = check_buf(&b).unwrap();
    assert_eq!(
        (i.kind, i.itemsize, i.len, i.c_contiguous, i.f_contiguous),
        (5, 4, 6, true, true)
    );
    assert_eq!((i.view_offset, i.view_len), (0, 6));
    // 2x3 doubles, C order.
    let b = desc(b"d", 48, 0, &[2, 3], Some(&[24, 8]));
    let i = check_buf(&b).unwrap();
    assert_eq!(
        (i.len, i.c_contiguous, i.f_contiguous, i.view_len),
        (6, true, false, 6)
    );
    // 2x3 doubles, Fortran order: no view.
    let b = desc(b"d", 48, 0, &[2, 3], Some(&[8, 16]));
    let i = check_buf(&b).unwrap();
    assert_eq!(
        (i.c_contiguous, i.f_contiguous, i.view_offset, i.view_len),
        (false, true, 0, 0)
    );
    // Every other column of a 2x4 int32 matrix (a strided 2-D view).
    let b = desc(b"<i", 32, 0, &[2, 2], Some(&[16, 8]));
    let i = check_buf(&b).unwrap();
    assert_eq!(
        (i.len, i.c_contiguous, i.f_contiguous, i.view_len),
        (4, false, false, 0)
    );
    // An offset: the view starts there.
    let b = desc(b"<i", 32, 8, &[2, 3], None);
    let i = check_buf(&b).unwrap();
    assert_eq!((i.view_offset, i.view_len), (8, 6));
    // ndim 0: one element; empty: a 0 extent.
    let i = check_buf(&desc(b"d", 8, 0, &[], None)).unwrap();
    assert_eq!((i.len, i.c_contiguous), (1, true));
    let i = check_buf(&desc(b"d", 0, 0, &[0, 5], None)).unwrap();
    assert_eq!((i.len, i.view_len), (0, 0));
    // Broadcast: stride 0.
    let i = check_buf(&desc(b"B", 1, 0, &[5], Some(&[0]))).unwrap();
    assert_eq!((i.len, i.c_contiguous), (5, false));
}

#[test]
fn bad_layouts_are_invalid_buffer_naming_the_problem() {
    for (b, msg) in [
        (
            desc(b"<i", 23, 0, &[2, 3], None),
            "buffer layout needs 24 bytes but the buffer has 23",
        ),
        (
            desc(b"<i", 24, 4, &[2, 3], None),
            "buffer layout needs 28 bytes but the buffer has 24",
        ),
        (
            desc(b"<i", 100, 0, &[2, -1], None),
            "buffer dimension 1 has negative extent -1",
        ),
        (
            desc(b"<i", 100, 0, &[2, 2], Some(&[8, -4])),
            "buffer dimension 1 has negative stride -4",
        ),
        (
            desc(b"<i", 100, 0, &[i64::MAX, i64::MAX], None),
            "buffer layout overflows: C-contiguous stride of dimension 1",
        ),
    ] {
        assert_eq!(
            check_buf(&b),
            Err((
                BRIDGE_ERR_INVALID_BUFFER,
                format!("bridge_buffer_check: {msg}")
            ))
        );
    }
    let shape = [1i64; 65];
    let mut b = desc(b"B", 1, 0, &shape, None);
    assert_eq!(
        check_buf(&b),
        Err((
            BRIDGE_ERR_INVALID_BUFFER,
            "bridge_buffer_check: invalid buffer shape: 65 dimensions (at most 64)".into()
        ))
    );
    b.ndim = 64;
    assert!(check_buf(&b).is_ok(), "64 dimensions are allowed");
    b.ndim = u32::MAX;
    b.shape = null();
    assert_eq!(
        check_buf(&b).unwrap_err().0,
        BRIDGE_ERR_INVALID_BUFFER,
        "ndim checked before shape"
    );
    let b = bridge_buffer_t {
        shape: null(),
        ..desc(b"B", 4, 0, &[4], None)
    };
    assert_eq!(
        check_buf(&b),
        Err((
            BRIDGE_ERR_NULL_POINTER,
            "bridge_buffer_check: shape is NULL but its length is 1".into()
        ))
    );
    let b = bridge_buffer_t {
        data: null(),
        ..desc(b"B", 4, 0, &[4], None)
    };
    assert_eq!(
        check_buf(&b),
        Err((
            BRIDGE_ERR_NULL_POINTER,
            "bridge_buffer_check: data is NULL but its length is 4".into()
        ))
    );
    let b = bridge_buffer_t {
        byte_len: usize::MAX,
        ..desc(b"B", 4, 0, &[4], None)
    };
    assert_eq!(check_buf(&b).unwrap_err().0, BRIDGE_ERR_BAD_LENGTH);
    let b = desc(b"x", 4, 0, &[4], None);
    assert_eq!(check_buf(&b).unwrap_err().0, BRIDGE_ERR_UNSUPPORTED_FORMAT);
    let b = bridge_buffer_t {
        format: null(),
        ..desc(b"B", 4, 0, &[4], None)
    };
    assert_eq!(
        check_buf(&b).unwrap_err().0,
        BRIDGE_ERR_NULL_POINTER,
        "format NULL with format_len 1"
    );
    // A readonly byte that is not a bool.
    let mut raw = desc(b"B", 4, 0, &[4], None);
    raw.readonly = true;
    assert!(check_buf(&raw).is_ok());
    // SAFETY: `bool` is one byte at that offset; writing 2 there is what a
    // C caller can do; the bridge reads it as a byte.
    unsafe { (std::ptr::addr_of_mut!(raw.readonly) as *mut u8).write(2) };
    let mut out = std::mem::MaybeUninit::<bridge_buffer_info_t>::uninit();
    // SAFETY: `raw` is read through `RawBuffer`, never as a Rust bool.
    let s = unsafe { bridge_buffer_check(&raw, out.as_mut_ptr()) };
    assert_eq!(s, BRIDGE_ERR_BAD_ARGUMENT);
    assert_eq!(
        last_error_string(),
        "bridge_buffer_check: readonly: a bool must be 0 or 1, not 2"
    );
    // SAFETY: NULLs are rejected before use.
    unsafe {
        assert_eq!(
            bridge_buffer_check(null(), out.as_mut_ptr()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_buffer_check: b is NULL");
        let ok = desc(b"B", 4, 0, &[4], None);
        assert_eq!(
            bridge_buffer_check(&ok, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
    }
    // Misaligned shape pointer.
    let words = [4i64, 4];
    let odd = (words.as_ptr() as *const u8).wrapping_add(1) as *const i64;
    let b = bridge_buffer_t {
        shape: odd,
        ..desc(b"B", 4, 0, &[4], None)
    };
    assert_eq!(check_buf(&b).unwrap_err().0, BRIDGE_ERR_BAD_ARGUMENT);
}
