//! Arbitrary buffer formats and layouts: typed errors only; an accepted
//! layout really fits its bytes.
#![no_main]

use bridge_core::buffer::{parse_format, parse_format_for, Abi, BufferLayout};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, tail) = data.split_at(data.len().min(8));
    let fmt = String::from_utf8_lossy(head);
    for r in [parse_format(&fmt), parse_format_for(&fmt, Abi::LP64_LE)] {
        match r {
            Ok(f) => {
                assert!(f.itemsize() >= 1 && f.itemsize() <= 8);
                let again = parse_format(&f.kind.format(f.order)).expect("canonical format parses");
                assert_eq!(again.itemsize(), f.itemsize());
            }
            Err(e) => {
                let _ = (e.python_class(), e.js_class(), e.to_string());
            }
        }
    }

    // Layout: itemsize, byte_len, offset, then (shape, stride) pairs.
    let mut words = tail.chunks(8).map(|c| {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        i64::from_le_bytes(w)
    });
    let itemsize = words.next().unwrap_or(1).rem_euclid(17) as usize;
    let byte_len = words.next().unwrap_or(0) as u64 as usize;
    let offset = (words.next().unwrap_or(0) as u64 % 4096) as usize;
    let rest: Vec<i64> = words.collect();
    let shape: Vec<i64> = rest.iter().step_by(2).map(|v| v % 64).collect();
    let strides: Vec<i64> = rest.iter().skip(1).step_by(2).copied().collect();
    let strides = (strides.len() == shape.len()).then_some(&strides[..]);
    match BufferLayout::new(itemsize, byte_len, offset, &shape, strides) {
        Ok(l) => {
            assert!(l.offset() + l.byte_extent() <= byte_len);
            assert_eq!(l.ndim(), shape.len());
            if l.is_c_contiguous() && !l.is_empty() {
                assert!(l.byte_extent() >= l.itemsize());
            }
            let _ = l.strides_in_elements();
            let _ = l.typed_array_view();
        }
        Err(e) => {
            let _ = (e.python_class(), e.js_class(), e.to_string());
        }
    }
});
