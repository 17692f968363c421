//! The C ABI's entry points driven by arbitrary input: a sequence of calls
//! with keys that are real, mutated, forged or another table's, NULL and
//! short output buffers, arbitrary bytes for the codecs and formats, and
//! arbitrary buffer descriptors. Checked: no crash, no panic (a panic aborts
//! the run), every release callback exactly once per entry, the live count
//! equal to inserts minus releases, and codec round trips.
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ptr;

use bridge_capi::*;
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// payload -> times released
    static RELEASED: RefCell<HashMap<u64, u32>> = RefCell::new(HashMap::new());
}

extern "C" fn on_release(_ctx: *mut std::ffi::c_void, _table: u32, _key: u64, payload: u64) {
    RELEASED.with(|r| *r.borrow_mut().entry(payload).or_default() += 1);
}

struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for _ in 0..8 {
            v = v << 8 | u64::from(self.byte()?);
        }
        Some(v)
    }
    fn bytes(&mut self, max: usize) -> &'a [u8] {
        let n = (self.byte().unwrap_or(0) as usize).min(max).min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
}

struct Table {
    id: u32,
    /// key -> (payload, refcount) of entries we believe live
    live: HashMap<u64, (u64, u32)>,
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let mut tables: Vec<Table> = Vec::new();
    let mut next_payload: u64 = 1;
    let mut stale: Vec<(u32, u64)> = Vec::new();
    RELEASED.with(|r| r.borrow_mut().clear());
    while let Some(op) = input.byte() {
        // SAFETY (every call below): pointers are to live locals or NULL;
        // lengths match the buffers they describe.
        unsafe {
            match op % 16 {
                0 if tables.len() < 4 => {
                    let mut id = 0;
                    if bridge_table_new(Some(on_release), ptr::null_mut(), 0, &mut id) == BRIDGE_OK {
                        tables.push(Table { id, live: HashMap::new() });
                    }
                }
                1 if !tables.is_empty() => {
                    let ti = input.byte().unwrap_or(0) as usize % tables.len();
                    let t = &mut tables[ti];
                    let mut key = 0;
                    let p = next_payload;
                    next_payload += 1;
                    assert_eq!(bridge_table_insert(t.id, p, &mut key), BRIDGE_OK);
                    assert!(key < BRIDGE_KEY_LIMIT && key != 0);
                    t.live.insert(key, (p, 1));
                }
                2 | 3 | 4 | 5 if !tables.is_empty() => {
                    let ti = input.byte().unwrap_or(0) as usize % tables.len();
                    let pick = input.byte().unwrap_or(0);
                    let keys: Vec<u64> = tables[ti].live.keys().copied().collect();
                    // A real key, a stale one, another table's, or a mutated one.
                    let (key, expect_live) = match pick % 4 {
                        0 | 1 if !keys.is_empty() => (keys[pick as usize % keys.len()], true),
                        2 if !stale.is_empty() => (stale[pick as usize % stale.len()].1, false),
                        _ => (input.u64().unwrap_or(0), false),
                    };
                    let live_here = tables[ti].live.contains_key(&key);
                    let id = tables[ti].id;
                    match op % 16 {
                        2 => {
                            let mut p = 0;
                            let s = bridge_table_get(id, key, &mut p);
                            assert_eq!(s == BRIDGE_OK, live_here, "get {key:#x}");
                            if live_here {
                                assert_eq!(p, tables[ti].live[&key].0);
                            }
                        }
                        3 => {
                            let mut rc = 0;
                            let s = bridge_table_incref(id, key, &mut rc);
                            assert_eq!(s == BRIDGE_OK, live_here);
                            if let Some(e) = tables[ti].live.get_mut(&key) {
                                e.1 += 1;
                                assert_eq!(rc, e.1);
                            }
                        }
                        4 => {
                            let mut rc = 0;
                            let s = bridge_table_decref(id, key, &mut rc);
                            assert_eq!(s == BRIDGE_OK, live_here);
                            if let Some(e) = tables[ti].live.get_mut(&key) {
                                e.1 -= 1;
                                if e.1 == 0 {
                                    tables[ti].live.remove(&key);
                                    stale.push((id, key));
                                }
                            }
                        }
                        _ => {
                            let s = bridge_table_destroy(id, key);
                            assert_eq!(s == BRIDGE_OK, live_here);
                            if tables[ti].live.remove(&key).is_some() {
                                stale.push((id, key));
                            }
                        }
                    }
                    let _ = expect_live;
                    let mut state = 99;
                    assert_eq!(bridge_table_classify(id, key, &mut state), BRIDGE_OK);
                    assert_eq!(state == BRIDGE_KEY_LIVE, tables[ti].live.contains_key(&key));
                    let mut stats = bridge_table_stats_t { live: 0, retired: 0, capacity: 0 };
                    assert_eq!(bridge_table_stats(id, &mut stats), BRIDGE_OK);
                    assert_eq!(stats.live as usize, tables[ti].live.len());
                }
                6 if !tables.is_empty() => {
                    let t = tables.remove(input.byte().unwrap_or(0) as usize % tables.len());
                    let mut n = 0;
                    assert_eq!(bridge_table_free(t.id, &mut n), BRIDGE_OK);
                    assert_eq!(n as usize, t.live.len());
                    for k in t.live.keys() {
                        stale.push((t.id, *k));
                    }
                }
                7 => {
                    // WTF-8 -> UTF-16 -> WTF-8, with size queries.
                    let src = input.bytes(64).to_vec();
                    let mut need = 0;
                    let s = bridge_wtf8_to_utf16(src.as_ptr(), src.len(), ptr::null_mut(), 0, &mut need);
                    if s == BRIDGE_OK || s == BRIDGE_ERR_OUTPUT_TOO_SMALL {
                        let mut units = vec![0u16; need.max(1)];
                        let mut n = 0;
                        assert_eq!(bridge_wtf8_to_utf16(src.as_ptr(), src.len(), units.as_mut_ptr(), units.len(), &mut n), BRIDGE_OK);
                        let mut back = vec![0u8; 3 * n + 1];
                        let mut m = 0;
                        assert_eq!(bridge_utf16_to_wtf8(units.as_ptr(), n, back.as_mut_ptr(), back.len(), &mut m), BRIDGE_OK);
                        assert_eq!(&back[..m], &src[..], "WTF-8 round trip");
                    } else {
                        assert_eq!(s, BRIDGE_ERR_INVALID_UTF8);
                    }
                }
                8 => {
                    // UTF-16 -> WTF-8 -> UTF-16 (any units, lone surrogates included).
                    let raw = input.bytes(64);
                    let units: Vec<u16> = raw.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
                    let cap = input.byte().unwrap_or(0) as usize;
                    let mut out = vec![0u8; cap];
                    let mut n = 0;
                    let s = bridge_utf16_to_wtf8(units.as_ptr(), units.len(), if cap == 0 { ptr::null_mut() } else { out.as_mut_ptr() }, cap, &mut n);
                    if s == BRIDGE_OK {
                        let mut back = vec![0u16; n + 1];
                        let mut m = 0;
                        assert_eq!(bridge_wtf8_to_utf16(out.as_ptr(), n, back.as_mut_ptr(), back.len(), &mut m), BRIDGE_OK);
                        assert_eq!(&back[..m], &units[..], "UTF-16 round trip");
                    } else {
                        assert_eq!(s, BRIDGE_ERR_OUTPUT_TOO_SMALL);
                        assert!(n > cap);
                    }
                }
                9 => {
                    let fmt = input.bytes(8);
                    let mut f = std::mem::zeroed::<bridge_buffer_format_t>();
                    let s = bridge_buffer_format_parse(fmt.as_ptr(), fmt.len(), &mut f);
                    if s == BRIDGE_OK {
                        assert!(f.itemsize >= 1 && f.itemsize <= 8);
                        assert!(!f.typed_array.is_null());
                    }
                }
                10 => {
                    // An arbitrary descriptor over a real byte buffer.
                    let bytes = [0u8; 256];
                    let ndim = (input.byte().unwrap_or(0) % 5) as usize;
                    let mut shape = [0i64; 4];
                    let mut strides = [0i64; 4];
                    for i in 0..ndim {
                        shape[i] = i64::from(input.byte().unwrap_or(0) as i8);
                        strides[i] = i64::from(input.byte().unwrap_or(0) as i8);
                    }
                    let fmt = input.bytes(3);
                    let flags = input.byte().unwrap_or(0);
                    let b = bridge_buffer_t {
                        data: bytes.as_ptr(),
                        byte_len: (input.byte().unwrap_or(0) as usize).min(bytes.len()),
                        offset: input.byte().unwrap_or(0) as usize,
                        format: fmt.as_ptr(),
                        format_len: fmt.len(),
                        ndim: ndim as u32,
                        shape: if ndim == 0 { ptr::null() } else { shape.as_ptr() },
                        strides: if flags & 1 == 0 { ptr::null() } else { strides.as_ptr() },
                        readonly: flags & 2 != 0,
                    };
                    let mut info = std::mem::zeroed::<bridge_buffer_info_t>();
                    if bridge_buffer_check(&b, &mut info) == BRIDGE_OK && info.c_contiguous {
                        // A view it promises must fit the bytes.
                        assert!(info.view_offset + info.view_len * info.itemsize as usize <= b.byte_len);
                    }
                }
                11 => {
                    let text = input.bytes(40);
                    let mut out = [0u8; 32];
                    let mut n = 0;
                    if bridge_bigint_from_decimal(text.as_ptr(), text.len(), out.as_mut_ptr(), out.len(), &mut n) == BRIDGE_OK {
                        let mut dec = [0u8; 96];
                        let mut m = 0;
                        assert_eq!(bridge_bigint_to_decimal(out.as_ptr(), n, dec.as_mut_ptr(), dec.len(), &mut m), BRIDGE_OK);
                        let mut again = [0u8; 32];
                        let mut k = 0;
                        assert_eq!(bridge_bigint_from_decimal(dec.as_ptr(), m, again.as_mut_ptr(), again.len(), &mut k), BRIDGE_OK);
                        assert_eq!(&again[..k], &out[..n], "bigint decimal round trip");
                    }
                }
                12 => {
                    let n = input.u64().unwrap_or(0) as i64;
                    let mut v = std::mem::zeroed::<bridge_value_t>();
                    let mut storage = [0u8; 8];
                    assert_eq!(bridge_value_set_int(&mut v, n, storage.as_mut_ptr()), BRIDGE_OK);
                    assert_eq!(v.tag == BRIDGE_VALUE_INT, bridge_int_crosses_as_number(n));
                    if v.tag == BRIDGE_VALUE_BIGINT {
                        let mut back = 0;
                        assert_eq!(bridge_bigint_to_i64(v.r#as.bigint.ptr, v.r#as.bigint.len, &mut back), BRIDGE_OK);
                        assert_eq!(back, n);
                    }
                    assert_eq!(bridge_value_check(&v), BRIDGE_OK);
                }
                13 => {
                    // An arbitrary record, fields from the input.
                    let mut v = std::mem::zeroed::<bridge_value_t>();
                    let s = input.bytes(16).to_vec();
                    v.tag = u32::from(input.byte().unwrap_or(0) % 10);
                    match v.tag {
                        BRIDGE_VALUE_STRING | BRIDGE_VALUE_BIGINT => {
                            v.r#as.string = bridge_bytes_t { ptr: s.as_ptr(), len: s.len() };
                        }
                        BRIDGE_VALUE_HANDLE => {
                            v.r#as.handle = bridge_handle_t { table: u32::from(input.byte().unwrap_or(0)), _pad: 0, key: input.u64().unwrap_or(0) };
                        }
                        _ => v.r#as.integer = input.u64().unwrap_or(0) as i64 & 1,
                    }
                    let _ = bridge_value_check(&v);
                }
                14 => {
                    // Null pointers everywhere they are not allowed.
                    assert_eq!(bridge_table_new(None, ptr::null_mut(), 0, ptr::null_mut()), BRIDGE_ERR_NULL_POINTER);
                    assert_ne!(bridge_wtf8_check(ptr::null(), 5, ptr::null_mut()), BRIDGE_OK);
                    assert_ne!(bridge_value_check(ptr::null()), BRIDGE_OK);
                    assert_ne!(bridge_buffer_check(ptr::null(), ptr::null_mut()), BRIDGE_OK);
                }
                _ => {
                    let mut buf = [0u8; 16];
                    let cap = input.byte().unwrap_or(0) as usize % 17;
                    let n = bridge_last_error_message(if cap == 0 { ptr::null_mut() } else { buf.as_mut_ptr() }, cap);
                    if cap > 0 {
                        assert_eq!(buf[n.min(cap - 1)], 0, "NUL-terminated");
                    }
                    let _ = bridge_status_name(input.byte().unwrap_or(0) as i32 - 2);
                }
            }
        }
    }
    // Every entry released at most once; everything we believe live unreleased.
    for t in tables {
        let mut n = 0;
        // SAFETY: a live local.
        assert_eq!(unsafe { bridge_table_free(t.id, &mut n) }, BRIDGE_OK);
        assert_eq!(n as usize, t.live.len());
    }
    RELEASED.with(|r| {
        for (p, times) in r.borrow().iter() {
            assert_eq!(*times, 1, "payload {p} released {times} times");
        }
    });
});
