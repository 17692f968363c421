//! Arbitrary wire values (u64 and f64) and table operations: typed errors
//! only, never a panic, and the table stays consistent.
#![no_main]

use bridge_core::handle::{HandleTable, PyRef, TableKey, TableLimits, WIRE_LIMIT};
use bridge_core::BridgeError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = TableLimits {
        capacity: 16,
        max_generation: 1 + u32::from(data.first().copied().unwrap_or(0) % 8),
    };
    let mut t: HandleTable<PyRef, u32> = HandleTable::with_limits(limits);
    let mut issued: Vec<PyRef> = Vec::new();
    let mut live = 0usize;
    for chunk in data.chunks(9) {
        let (&op, rest) = match chunk.split_first() {
            Some(x) => x,
            None => continue,
        };
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        let w = u64::from_le_bytes(word);
        let key = match op % 8 {
            0 | 1 => {
                match t.insert(w as u32) {
                    Ok(k) => {
                        assert!(k.to_wire() < WIRE_LIMIT);
                        assert!(!issued.contains(&k), "key issued twice");
                        issued.push(k);
                        live += 1;
                    }
                    Err(BridgeError::CapacityExhausted { .. }) => assert!(live >= 16),
                    Err(e) => panic!("insert: {e}"),
                }
                continue;
            }
            2 => PyRef::from_wire(w),
            3 => PyRef::from_wire_f64(f64::from_bits(w)),
            4 => PyRef::from_wire((w % (1 << 30)) | (1 << 52)),
            _ if issued.is_empty() => continue,
            _ => Ok(issued[(w as usize) % issued.len()]),
        };
        let k = match key {
            Ok(k) => k,
            Err(e) => {
                assert!(
                    matches!(
                        e,
                        BridgeError::KeyOutOfRange { .. } | BridgeError::ForgedKey { .. }
                    ),
                    "{e}"
                );
                continue;
            }
        };
        let was_live = t.get(k).is_ok();
        let r = match op % 8 {
            5 => t.incref(k).map(|_| ()),
            6 => t.decref(k).map(|v| {
                if v.is_some() {
                    live -= 1;
                }
            }),
            7 => t.destroy(k).map(|_| live -= 1),
            _ => t.get(k).map(|_| ()),
        };
        if let Err(e) = r {
            assert!(!was_live || matches!(e, BridgeError::RefcountOverflow { .. }));
            assert!(
                matches!(
                    e,
                    BridgeError::ForgedKey { .. }
                        | BridgeError::StaleKey { .. }
                        | BridgeError::DestroyedKey { .. }
                        | BridgeError::RefcountOverflow { .. }
                ),
                "{e}"
            );
            let _ = (e.python_class(), e.js_class(), e.to_string());
        }
        assert_eq!(t.len(), live);
    }
    assert_eq!(t.leak_report().len(), live);
});
