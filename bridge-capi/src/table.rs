//! The table registry: up to 255 handle tables of `uint64_t` payloads, each
//! a `bridge_core::HandleTable<JsRef, Entry>`, behind one process-wide
//! mutex (a table id means the same table on every thread).
//!
//! Release callbacks run after the lock is dropped, so a callback may call
//! back into the ABI (decref another key, insert, free another table). The
//! only calls refused from inside are those on a table that is being freed:
//! freeing it again or inserting into it (`BRIDGE_ERR_REENTRANT`); its
//! entries are already gone (`BRIDGE_ERR_DESTROYED_KEY`).
//!
//! Table ids are handed out round-robin over 1..=255, skipping live ones, so
//! a freed id comes back only after every other id was handed out once in
//! between: until then a key of the freed table is `NO_SUCH_TABLE`.

use std::ffi::c_void;
use std::sync::{Mutex, MutexGuard, PoisonError};

use bridge_core::handle::{HandleTable, JsRef, TableLimits};

use crate::ffi_util::{assume_opt_out, assume_out, guard};
use crate::key::{
    self, bridge_key_state_t, BRIDGE_KEY_LIVE, BRIDGE_KEY_MAX_GENERATION, BRIDGE_KEY_MAX_INDEX,
    BRIDGE_MAX_TABLES,
};
use crate::status::{bridge_status_t, CapiError};

/// Called once for every entry that leaves a table (refcount 0, destroyed,
/// or its table freed), after the bridge's lock is dropped: `ctx` as given
/// to `bridge_table_new`, the table id, the entry's key (no longer valid)
/// and its payload.
pub type bridge_release_fn =
    Option<unsafe extern "C" fn(ctx: *mut c_void, table: u32, key: u64, payload: u64)>;

/// Counters of one table (`bridge_table_stats`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct bridge_table_stats_t {
    /// Live entries.
    pub live: u32,
    /// Slots retired for good (their last generation was used).
    pub retired: u32,
    /// Maximum live entries (what `bridge_table_new` was given; 0 there
    /// means 2^24 - 1).
    pub capacity: u32,
}

/// What an entry holds: the embedder's payload (a pointer, an index into
/// its own array, a Lua registry ref...). The bridge never looks at it.
struct Entry {
    payload: u64,
}

struct Table {
    entries: HandleTable<JsRef, Entry>,
    release: bridge_release_fn,
    /// The callback's `ctx`, as an address: the bridge never dereferences
    /// it, and an integer keeps the registry `Send` without an unsafe impl.
    ctx: usize,
    /// `bridge_table_free` is running this table's release callbacks.
    freeing: bool,
}

struct Registry {
    /// Indexed by table id; `tables[0]` stays `None`.
    tables: Vec<Option<Table>>,
    /// Where the round-robin search for a free id starts (1..=255).
    next_id: u32,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    tables: Vec::new(),
    next_id: 1,
});

/// The registry, locked. A poisoned lock (a panic while held, which the code
/// never raises) is taken over: every table operation leaves the table
/// consistent before it could fail.
fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A release callback to run once the lock is dropped.
#[must_use = "a release callback must be run after the lock is dropped"]
struct Release {
    f: Option<unsafe extern "C" fn(*mut c_void, u32, u64, u64)>,
    ctx: usize,
    table: u32,
    key: u64,
    payload: u64,
}

impl Release {
    fn run(self) {
        if let Some(f) = self.f {
            // SAFETY: `f` and `ctx` were registered together through
            // `bridge_table_new`, whose caller promised that `f` may be
            // called with `ctx` for every entry of the table until its
            // release callbacks are done. No lock is held here.
            unsafe { f(self.ctx as *mut c_void, self.table, self.key, self.payload) }
        }
    }
}

impl Table {
    fn release_of(&self, table: u32, key: u64, payload: u64) -> Release {
        Release {
            f: self.release,
            ctx: self.ctx,
            table,
            key,
            payload,
        }
    }
}

impl Registry {
    fn table_mut(&mut self, table: u32) -> Result<&mut Table, CapiError> {
        self.tables
            .get_mut(table as usize)
            .and_then(Option::as_mut)
            .ok_or(CapiError::NoSuchTable {
                table,
                reason: if table == 0 {
                    "table id 0 is never issued"
                } else {
                    "it was freed or never created"
                },
            })
    }

    fn is_live(&self, table: u32) -> bool {
        matches!(self.tables.get(table as usize), Some(Some(_)))
    }

    /// The table `table` and the core key of `key`, checked in this order:
    /// the key's range, the table passed, the key's table id, the key's
    /// index and generation. Liveness is the caller's lookup.
    fn lookup(&mut self, table: u32, key: u64) -> Result<(&mut Table, JsRef), CapiError> {
        let split = key::split(key)?;
        self.table_mut(table)?;
        if split.table != table {
            return Err(if split.table == 0 {
                CapiError::NoSuchTable {
                    table: 0,
                    reason: "the key's table id is 0, which is never issued",
                }
            } else if self.is_live(split.table) {
                CapiError::WrongTable {
                    key,
                    key_table: split.table,
                    table,
                }
            } else {
                CapiError::NoSuchTable {
                    table: split.table,
                    reason: "the key's table was freed or never created",
                }
            });
        }
        let core = split.core()?;
        Ok((self.table_mut(table)?, core))
    }

    fn new_table(&mut self, table: Table) -> Result<u32, CapiError> {
        let n = BRIDGE_MAX_TABLES as usize;
        if self.tables.len() <= n {
            self.tables.resize_with(n + 1, || None);
        }
        let start = self.next_id.clamp(1, BRIDGE_MAX_TABLES);
        let id = (0..BRIDGE_MAX_TABLES)
            .map(|i| (start - 1 + i) % BRIDGE_MAX_TABLES + 1)
            .find(|&id| matches!(self.tables.get(id as usize), Some(None)))
            .ok_or(CapiError::TooManyTables)?;
        if let Some(slot) = self.tables.get_mut(id as usize) {
            *slot = Some(table);
        }
        self.next_id = id % BRIDGE_MAX_TABLES + 1;
        Ok(id)
    }
}

fn new_table(
    release: bridge_release_fn,
    ctx: *mut c_void,
    capacity: u32,
    max_generation: u32,
) -> Result<u32, CapiError> {
    if capacity > BRIDGE_KEY_MAX_INDEX {
        return Err(CapiError::BadArgument {
            arg: "capacity",
            reason: format!(
                "{capacity} is above the maximum {BRIDGE_KEY_MAX_INDEX} (0 means the maximum)"
            ),
        });
    }
    let capacity = if capacity == 0 {
        BRIDGE_KEY_MAX_INDEX
    } else {
        capacity
    };
    let entries = HandleTable::with_limits(TableLimits {
        capacity: capacity as usize,
        max_generation,
    });
    registry().new_table(Table {
        entries,
        release,
        ctx: ctx as usize,
        freeing: false,
    })
}

/// A table with a lower retirement generation, so tests can reach it.
#[cfg(test)]
pub(crate) fn new_table_for_test(capacity: u32, max_generation: u32) -> u32 {
    new_table(None, std::ptr::null_mut(), capacity, max_generation).unwrap()
}

/// Create a table. `release` (nullable) is called once for every entry
/// that leaves it, with `ctx`; `capacity` is the maximum number of live
/// entries, 0 meaning the maximum (2^24 - 1); above that is
/// `BRIDGE_ERR_BAD_ARGUMENT`. All 255 ids live: `BRIDGE_ERR_TOO_MANY_TABLES`.
///
/// # Safety
/// `out_table` must be NULL or valid for writes of one `uint32_t`.
/// `release`, if not NULL, must be safe to call with `ctx` (from any thread
/// that uses the table) until `bridge_table_free` of this table returns.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_new(
    release: bridge_release_fn,
    ctx: *mut c_void,
    capacity: u32,
    out_table: *mut u32,
) -> bridge_status_t {
    guard("bridge_table_new", || {
        // SAFETY: the caller's promise for `out_table`.
        let mut out = unsafe { assume_out(out_table, "out_table") }?;
        let id = new_table(release, ctx, capacity, BRIDGE_KEY_MAX_GENERATION)?;
        out.write(id);
        Ok(())
    })
}

/// Free a table: every live entry is released (its callback runs, in slot
/// order, after the lock is dropped), then the id is free. `*out_released`
/// (nullable) is the number of entries released. From inside one of those
/// callbacks, `bridge_table_free` or `bridge_table_insert` on the same table
/// is `BRIDGE_ERR_REENTRANT`. Later use of the id is `NO_SUCH_TABLE` until
/// the id is handed out again (only after every other id was handed out
/// once, round-robin).
///
/// # Safety
/// `out_released` must be NULL or valid for writes of one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_free(table: u32, out_released: *mut u64) -> bridge_status_t {
    guard("bridge_table_free", || {
        // SAFETY: the caller's promise for `out_released`.
        let out = unsafe { assume_opt_out(out_released, "out_released") }?;
        let releases: Vec<Release> = {
            let mut reg = registry();
            let t = reg.table_mut(table)?;
            if t.freeing {
                return Err(CapiError::Reentrant {
                    table,
                    what: "bridge_table_free",
                });
            }
            t.freeing = true;
            let gone = t.entries.destroy_all();
            gone.into_iter()
                .map(|(k, e)| t.release_of(table, key::encode(table, k), e.payload))
                .collect()
        };
        let n = releases.len() as u64;
        releases.into_iter().for_each(Release::run);
        if let Some(slot) = registry().tables.get_mut(table as usize) {
            *slot = None;
        }
        if let Some(mut out) = out {
            out.write(n);
        }
        Ok(())
    })
}

/// Insert `payload` with refcount 1; `*out_key` is its key.
/// `BRIDGE_ERR_CAPACITY` when the table is full.
///
/// # Safety
/// `out_key` must be NULL or valid for writes of one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_insert(
    table: u32,
    payload: u64,
    out_key: *mut u64,
) -> bridge_status_t {
    guard("bridge_table_insert", || {
        // SAFETY: the caller's promise for `out_key`.
        let mut out = unsafe { assume_out(out_key, "out_key") }?;
        let mut reg = registry();
        let t = reg.table_mut(table)?;
        if t.freeing {
            return Err(CapiError::Reentrant {
                table,
                what: "bridge_table_insert",
            });
        }
        let k = t
            .entries
            .insert(Entry { payload })
            .map_err(|e| key::key_error(e, table, 0))?;
        out.write(key::encode(table, k));
        Ok(())
    })
}

/// The payload of the live entry `key` of `table`. Errors, in the order
/// checked: `KEY_OUT_OF_RANGE`, `NO_SUCH_TABLE` (the table passed),
/// `NO_SUCH_TABLE` / `WRONG_TABLE` (the key's table id), `FORGED_KEY`,
/// `STALE_KEY`, `DESTROYED_KEY`.
///
/// # Safety
/// `out_payload` must be NULL or valid for writes of one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_get(
    table: u32,
    key: u64,
    out_payload: *mut u64,
) -> bridge_status_t {
    guard("bridge_table_get", || {
        // SAFETY: the caller's promise for `out_payload`.
        let mut out = unsafe { assume_out(out_payload, "out_payload") }?;
        let mut reg = registry();
        let (t, k) = reg.lookup(table, key)?;
        let e = t
            .entries
            .get(k)
            .map_err(|e| key::key_error(e, table, key))?;
        out.write(e.payload);
        Ok(())
    })
}

/// Add a reference; `*out_refcount` (nullable) is the new count.
/// `BRIDGE_ERR_REFCOUNT_OVERFLOW` past `UINT32_MAX`; key errors as
/// `bridge_table_get`.
///
/// # Safety
/// `out_refcount` must be NULL or valid for writes of one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_incref(
    table: u32,
    key: u64,
    out_refcount: *mut u32,
) -> bridge_status_t {
    guard("bridge_table_incref", || {
        // SAFETY: the caller's promise for `out_refcount`.
        let out = unsafe { assume_opt_out(out_refcount, "out_refcount") }?;
        let mut reg = registry();
        let (t, k) = reg.lookup(table, key)?;
        let n = t
            .entries
            .incref(k)
            .map_err(|e| key::key_error(e, table, key))?;
        if let Some(mut out) = out {
            out.write(n);
        }
        Ok(())
    })
}

/// Drop a reference; `*out_refcount` (nullable) is the new count. At 0 the
/// entry goes (later use is `STALE_KEY`) and the release callback runs,
/// after the lock is dropped and `*out_refcount` is written.
///
/// # Safety
/// `out_refcount` must be NULL or valid for writes of one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_decref(
    table: u32,
    key: u64,
    out_refcount: *mut u32,
) -> bridge_status_t {
    guard("bridge_table_decref", || {
        // SAFETY: the caller's promise for `out_refcount`.
        let out = unsafe { assume_opt_out(out_refcount, "out_refcount") }?;
        let (n, release) = {
            let mut reg = registry();
            let (t, k) = reg.lookup(table, key)?;
            let err = |e| key::key_error(e, table, key);
            let before = t.entries.refcount(k).map_err(err)?;
            match t.entries.decref(k).map_err(err)? {
                Some(e) => (0, Some(t.release_of(table, key, e.payload))),
                None => (before.saturating_sub(1), None),
            }
        };
        if let Some(mut out) = out {
            out.write(n);
        }
        if let Some(r) = release {
            r.run();
        }
        Ok(())
    })
}

/// Remove the entry whatever its refcount; the release callback runs after
/// the lock is dropped. Later use of `key` is `BRIDGE_ERR_DESTROYED_KEY`.
#[no_mangle]
pub extern "C" fn bridge_table_destroy(table: u32, key: u64) -> bridge_status_t {
    guard("bridge_table_destroy", || {
        let release = {
            let mut reg = registry();
            let (t, k) = reg.lookup(table, key)?;
            let e = t
                .entries
                .destroy(k)
                .map_err(|e| key::key_error(e, table, key))?;
            t.release_of(table, key, e.payload)
        };
        release.run();
        Ok(())
    })
}

/// The table's counters.
///
/// # Safety
/// `out` must be NULL or valid for writes of one `bridge_table_stats_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_stats(
    table: u32,
    out: *mut bridge_table_stats_t,
) -> bridge_status_t {
    guard("bridge_table_stats", || {
        // SAFETY: the caller's promise for `out`.
        let mut out = unsafe { assume_out(out, "out") }?;
        let mut reg = registry();
        let t = reg.table_mut(table)?;
        let stats = t.entries.stats();
        // Every count is at most 2^24 - 1.
        out.write(bridge_table_stats_t {
            live: stats.live as u32,
            retired: stats.retired as u32,
            capacity: t.entries.limits().capacity as u32,
        });
        Ok(())
    })
}

/// What `key` is for `table`: one of the `BRIDGE_KEY_*` states. Returns
/// `BRIDGE_OK` whenever `out_state` is valid, and then leaves the last error
/// alone; a NULL `out_state` is `BRIDGE_ERR_NULL_POINTER` (and that is
/// recorded).
///
/// # Safety
/// `out_state` must be NULL or valid for writes of one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn bridge_table_classify(
    table: u32,
    key: u64,
    out_state: *mut u32,
) -> bridge_status_t {
    guard("bridge_table_classify", || {
        // SAFETY: the caller's promise for `out_state`.
        let mut out = unsafe { assume_out(out_state, "out_state") }?;
        let state = classify(table, key);
        out.write(state);
        Ok(())
    })
}

fn classify(table: u32, key: u64) -> bridge_key_state_t {
    let mut reg = registry();
    let found = reg.lookup(table, key).and_then(|(t, k)| {
        t.entries
            .get(k)
            .map(|_| ())
            .map_err(|e| key::key_error(e, table, key))
    });
    match found {
        Ok(()) => BRIDGE_KEY_LIVE,
        // Every lookup error is a key state; anything else would be a bug.
        Err(e) => key::state_of(&e).unwrap_or(key::BRIDGE_KEY_FORGED),
    }
}

/// Table tests share the one registry: those that need all of it (filling
/// every id) must not run beside the others.
#[cfg(test)]
pub(crate) fn serial() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
