//! The C key format: a `uint64_t` below 2^53, so it is an exact JS Number.
//!
//! ```text
//!  bits 63..53   bits 52..45        bits 44..24               bits 23..0
//! +-----------+---------------+------------------------+------------------------+
//! |  0 (11)   | table id (8)  |    generation (21)     |    slot index (24)     |
//! +-----------+---------------+------------------------+------------------------+
//! ```
//!
//! * **table id** 1..=255 (0 is never issued): which table issued the key,
//!   so a key handed to another table is caught (`WRONG_TABLE`) and a key of
//!   a freed table is `NO_SUCH_TABLE`.
//! * **generation** 1..=2^21-1: how many times the slot has been occupied.
//!   A slot whose last generation is vacated is retired for good, so a stale
//!   key never aliases a later entry.
//! * **slot index** 1..=2^24-1.
//!
//! The low 45 bits are exactly the core's `JsRef` wire form (tag bit 0,
//! generation below 2^21), so a key is `table << 45 | JsRef::to_wire()`.

use bridge_core::handle::{JsRef, TableKey};
use bridge_core::BridgeError;

use crate::ffi_util::{assume_out, guard};
use crate::status::{bridge_status_t, CapiError};

/// Bits of the slot index (bits 0..23).
pub const BRIDGE_KEY_INDEX_BITS: u32 = 24;
/// Bits of the generation (bits 24..44).
pub const BRIDGE_KEY_GENERATION_BITS: u32 = 21;
/// Bits of the table id (bits 45..52).
pub const BRIDGE_KEY_TABLE_BITS: u32 = 8;
/// Position of the generation's lowest bit.
pub const BRIDGE_KEY_GENERATION_SHIFT: u32 = 24;
/// Position of the table id's lowest bit.
pub const BRIDGE_KEY_TABLE_SHIFT: u32 = 45;
/// Largest slot index (2^24 - 1); 0 is never issued.
pub const BRIDGE_KEY_MAX_INDEX: u32 = 0xff_ffff;
/// Largest generation (2^21 - 1); 0 is never issued. A slot is retired when
/// the entry of its last generation goes.
pub const BRIDGE_KEY_MAX_GENERATION: u32 = 0x1f_ffff;
/// Largest table id; 0 is never issued.
pub const BRIDGE_MAX_TABLES: u32 = 255;
/// Every key is below this (2^53): it survives a JS Number exactly.
pub const BRIDGE_KEY_LIMIT: u64 = 0x20_0000_0000_0000;

const _: () = assert!(BRIDGE_KEY_LIMIT == 1 << 53);
const _: () = assert!(BRIDGE_KEY_TABLE_SHIFT == BRIDGE_KEY_INDEX_BITS + BRIDGE_KEY_GENERATION_BITS);
const _: () = assert!(BRIDGE_KEY_TABLE_SHIFT + BRIDGE_KEY_TABLE_BITS == 53);
const _: () = assert!(BRIDGE_KEY_MAX_INDEX == bridge_core::handle::MAX_INDEX);
const _: () = assert!(BRIDGE_KEY_MAX_GENERATION == (1 << BRIDGE_KEY_GENERATION_BITS) - 1);
const _: () = assert!(BRIDGE_KEY_MAX_GENERATION <= bridge_core::handle::MAX_GENERATION);
const _: () = assert!(bridge_core::handle::INDEX_BITS == BRIDGE_KEY_INDEX_BITS);

/// What a key is with respect to a table (`bridge_table_classify`), as a
/// `uint32_t`.
pub type bridge_key_state_t = u32;
/// The key names a live entry of the table.
pub const BRIDGE_KEY_LIVE: bridge_key_state_t = 0;
/// Bits 53..63 are set.
pub const BRIDGE_KEY_OUT_OF_RANGE: bridge_key_state_t = 1;
/// The table passed, or the key's table id, is 0 or not live.
pub const BRIDGE_KEY_NO_SUCH_TABLE: bridge_key_state_t = 2;
/// The key's table id is another live table.
pub const BRIDGE_KEY_WRONG_TABLE: bridge_key_state_t = 3;
/// The table never issued the key.
pub const BRIDGE_KEY_FORGED: bridge_key_state_t = 4;
/// The key's entry was released (refcount 0).
pub const BRIDGE_KEY_STALE: bridge_key_state_t = 5;
/// The key's entry was destroyed.
pub const BRIDGE_KEY_DESTROYED: bridge_key_state_t = 6;

/// A key split into its fields (`bridge_key_parts`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct bridge_key_parts_t {
    /// Table id, 1..=255.
    pub table: u32,
    /// Generation, 1..=2^21-1.
    pub generation: u32,
    /// Slot index, 1..=2^24-1.
    pub index: u32,
}

/// A key whose range is checked and whose fields are split out; the core
/// part is not decoded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SplitKey {
    pub(crate) key: u64,
    pub(crate) table: u32,
}

/// Check bits 53..63 and read the table id.
pub(crate) fn split(key: u64) -> Result<SplitKey, CapiError> {
    if key >= BRIDGE_KEY_LIMIT {
        return Err(CapiError::KeyOutOfRange { key });
    }
    Ok(SplitKey {
        key,
        table: (key >> BRIDGE_KEY_TABLE_SHIFT) as u32,
    })
}

impl SplitKey {
    /// The core key in the low 45 bits: index or generation 0 is
    /// `FORGED_KEY`.
    pub(crate) fn core(self) -> Result<JsRef, CapiError> {
        JsRef::from_wire(self.key & ((1 << BRIDGE_KEY_TABLE_SHIFT) - 1))
            .map_err(|e| key_error(e, self.table, self.key))
    }
}

/// The C key of core key `k` in table `table`.
pub(crate) fn encode(table: u32, k: JsRef) -> u64 {
    (u64::from(table) << BRIDGE_KEY_TABLE_SHIFT) | k.to_wire()
}

/// A core error about `key` (of table `table`), reworded for C: the
/// message names the C key, not the core's wire value.
pub(crate) fn key_error(e: BridgeError, table: u32, key: u64) -> CapiError {
    match e {
        BridgeError::KeyOutOfRange { .. } => CapiError::KeyOutOfRange { key },
        BridgeError::ForgedKey { reason, .. } => CapiError::ForgedKey { key, reason },
        BridgeError::StaleKey { reason, .. } => CapiError::StaleKey { key, reason },
        BridgeError::DestroyedKey { .. } => CapiError::DestroyedKey { key },
        BridgeError::RefcountOverflow { .. } => CapiError::RefcountOverflow { key },
        BridgeError::CapacityExhausted { limit, .. } => CapiError::Capacity { table, limit },
        other => CapiError::Core(other),
    }
}

/// The key state a failed lookup means.
pub(crate) fn state_of(e: &CapiError) -> Option<bridge_key_state_t> {
    Some(match e {
        CapiError::KeyOutOfRange { .. } => BRIDGE_KEY_OUT_OF_RANGE,
        CapiError::NoSuchTable { .. } => BRIDGE_KEY_NO_SUCH_TABLE,
        CapiError::WrongTable { .. } => BRIDGE_KEY_WRONG_TABLE,
        CapiError::ForgedKey { .. } => BRIDGE_KEY_FORGED,
        CapiError::StaleKey { .. } => BRIDGE_KEY_STALE,
        CapiError::DestroyedKey { .. } => BRIDGE_KEY_DESTROYED,
        _ => return None,
    })
}

/// Check a key's format and split it. `BRIDGE_ERR_KEY_OUT_OF_RANGE` if bits
/// 53..63 are set, `BRIDGE_ERR_NO_SUCH_TABLE` if its table id is 0,
/// `BRIDGE_ERR_FORGED_KEY` if its index or generation is 0. Whether the
/// table is live and issued the key is not checked (that is
/// `bridge_table_classify`). `*out` is written only on success.
///
/// # Safety
/// `out` must be NULL or valid for writes of one `bridge_key_parts_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_key_parts(
    key: u64,
    out: *mut bridge_key_parts_t,
) -> bridge_status_t {
    guard("bridge_key_parts", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        out.write(parts_of(key)?);
        Ok(())
    })
}

/// The format check of `bridge_key_parts` (also `bridge_value_check`'s).
pub(crate) fn parts_of(key: u64) -> Result<bridge_key_parts_t, CapiError> {
    let k = split(key)?;
    if k.table == 0 {
        return Err(CapiError::NoSuchTable {
            table: 0,
            reason: "the key's table id is 0, which is never issued",
        });
    }
    let core = k.core()?;
    Ok(bridge_key_parts_t {
        table: k.table,
        generation: core.generation(),
        index: core.index(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::*;

    fn parts(key: u64) -> Result<bridge_key_parts_t, (bridge_status_t, String)> {
        let mut out = bridge_key_parts_t::default();
        // SAFETY: `out` is a live local.
        match unsafe { bridge_key_parts(key, &mut out) } {
            BRIDGE_OK => Ok(out),
            s => Err((s, last_error_string())),
        }
    }

    fn key(table: u64, generation: u64, index: u64) -> u64 {
        table << 45 | generation << 24 | index
    }

    #[test]
    fn fields_at_their_boundaries() {
        assert_eq!(
            parts(key(1, 1, 1)),
            Ok(bridge_key_parts_t {
                table: 1,
                generation: 1,
                index: 1
            })
        );
        assert_eq!(key(1, 1, 1), 0x200001000001);
        let max = key(255, 0x1f_ffff, 0xff_ffff);
        assert_eq!(max, BRIDGE_KEY_LIMIT - 1);
        assert_eq!(
            parts(max),
            Ok(bridge_key_parts_t {
                table: 255,
                generation: 2_097_151,
                index: 16_777_215
            })
        );
        assert_eq!(max as f64 as u64, max, "exact as a JS Number");
        assert_eq!(parts(key(7, 3, 9)).unwrap().generation, 3);
    }

    #[test]
    fn bad_formats_name_the_field() {
        for k in [BRIDGE_KEY_LIMIT, BRIDGE_KEY_LIMIT | 1, u64::MAX, 1 << 63] {
            let (s, m) = parts(k).unwrap_err();
            assert_eq!(s, BRIDGE_ERR_KEY_OUT_OF_RANGE);
            assert_eq!(
                m,
                format!("bridge_key_parts: key {k:#x} is out of range: bits 53..63 must be 0 (keys are below 2^53)")
            );
        }
        let (s, m) = parts(key(0, 1, 1)).unwrap_err();
        assert_eq!(s, BRIDGE_ERR_NO_SUCH_TABLE);
        assert_eq!(
            m,
            "bridge_key_parts: no table 0: the key's table id is 0, which is never issued"
        );
        let (s, m) = parts(key(1, 1, 0)).unwrap_err();
        assert_eq!(s, BRIDGE_ERR_FORGED_KEY);
        assert_eq!(
            m,
            "bridge_key_parts: forged key 0x200001000000: slot index 0 is never issued"
        );
        let (s, m) = parts(key(1, 0, 1)).unwrap_err();
        assert_eq!(s, BRIDGE_ERR_FORGED_KEY);
        assert_eq!(
            m,
            "bridge_key_parts: forged key 0x200000000001: generation 0 is never issued"
        );
        assert_eq!(parts(0).unwrap_err().0, BRIDGE_ERR_NO_SUCH_TABLE);
        // SAFETY: NULL is rejected before use.
        let s = unsafe { bridge_key_parts(key(1, 1, 1), std::ptr::null_mut()) };
        assert_eq!(s, BRIDGE_ERR_NULL_POINTER);
        assert_eq!(last_error_string(), "bridge_key_parts: out is NULL");
    }

    #[test]
    fn encode_is_the_inverse_of_split() {
        for (t, g, i) in [(1u32, 1u32, 1u32), (255, 0x1f_ffff, 0xff_ffff), (3, 17, 40)] {
            let k = key(t.into(), g.into(), i.into());
            let s = split(k).unwrap();
            assert_eq!(s.table, t);
            let core = s.core().unwrap();
            assert_eq!((core.generation(), core.index()), (g, i));
            assert_eq!(encode(t, core), k);
        }
    }

    #[test]
    fn core_key_errors_are_reworded_for_c() {
        let k = key(2, 1, 1);
        let e = key_error(
            BridgeError::RefcountOverflow {
                kind: "JsRef",
                wire: 1,
            },
            2,
            k,
        );
        assert_eq!(e.status(), BRIDGE_ERR_REFCOUNT_OVERFLOW);
        assert_eq!(
            e.to_string(),
            "key 0x400001000001: its reference count would pass 4294967295"
        );
        let e = key_error(
            BridgeError::CapacityExhausted {
                kind: "JsRef",
                limit: 4,
            },
            2,
            k,
        );
        assert_eq!(
            (e.status(), e.to_string()),
            (
                BRIDGE_ERR_CAPACITY,
                "table 2 is full (4 live entries)".into()
            )
        );
        assert_eq!(state_of(&e), None);
    }
}
