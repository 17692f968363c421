//! [`HandleTable`]: a slotmap of refcounted entries with typed, checked keys.
//!
//! Besides the slotmap, the table keeps a small record per slot
//! (`SlotMeta`): the generation of the slot's most recent former occupant
//! and a 64-bit history saying, for each of the last 64 former occupants,
//! whether it ended by an explicit destroy. That is what lets a failed lookup
//! say *why* it failed -- forged, stale (released) or destroyed -- even after
//! the slot was reused. It is written only when an entry goes, never on
//! insert (except when the slotmap grows) or lookup.
//!
//! Generation exhaustion: a key carries 28 generation bits (see
//! [`super::key`]). When the entry in a slot at the last generation is
//! removed, the slot is *retired* with slotmap's `detach`: the slot leaves
//! the free list for good, so slotmap never hands it out again and no later
//! key can carry a generation that wraps around onto an old one.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::num::NonZeroU32;

use slotmap::{DefaultKey, SlotMap};

use super::key::{TableKey, MAX_GENERATION, MAX_INDEX};
use super::leak::{Leak, LeakReport};
use crate::error::BridgeError;

/// Limits of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLimits {
    /// Maximum number of live entries (clamped to [`MAX_INDEX`]).
    pub capacity: usize,
    /// Generation at which a slot is retired (clamped to
    /// `1..=`[`MAX_GENERATION`]). Lower it only to test retirement.
    pub max_generation: u32,
}

impl Default for TableLimits {
    fn default() -> Self {
        TableLimits {
            capacity: MAX_INDEX as usize,
            max_generation: MAX_GENERATION,
        }
    }
}

/// Counters of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStats {
    /// Live entries.
    pub live: usize,
    /// Slots retired for good (generation exhausted).
    pub retired: usize,
}

/// A live entry. The label is an index into the table's interned labels
/// (0 = none), so an entry costs the value plus 8 bytes.
struct Entry<V> {
    value: V,
    refs: NonZeroU32,
    label: u32,
}

/// Written when a slot's occupant goes (never on insert or lookup).
#[derive(Clone, Copy, Default)]
struct SlotMeta {
    /// slotmap version (`2 * generation - 1`) of the slot's most recent
    /// former occupant; 0: none yet.
    version: u32,
    /// Bit `a` set: the former occupant `a` generations before that one
    /// ended by `destroy`.
    history: u64,
}

/// A table of refcounted entries addressed by keys of type `K`.
pub struct HandleTable<K: TableKey, V> {
    slots: SlotMap<DefaultKey, Entry<V>>,
    /// Indexed by slot index, grown on a slot's first vacate; `meta[0]` is
    /// never used (slot 0 is never issued).
    meta: Vec<SlotMeta>,
    retired: usize,
    /// `min(capacity, MAX_INDEX - retired)`: the bound on live entries that
    /// enforces both limits with one comparison.
    max_live: usize,
    /// Slotmap version of a slot's last generation: vacating it retires.
    retire_version: u32,
    limits: TableLimits,
    /// Interned allocation-site labels; id `i` is `labels[i - 1]`.
    labels: Vec<&'static str>,
    label_ids: HashMap<&'static str, u32>,
    _key: PhantomData<fn(K) -> K>,
}

impl<K: TableKey, V> Default for HandleTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

#[inline]
fn slot_key<K: TableKey>(k: K) -> DefaultKey {
    k.slot_key()
}

#[inline]
fn our_key<K: TableKey>(sk: DefaultKey) -> K {
    K::from_slot_key(sk)
}

/// Marks the branch that calls it as unlikely.
#[cold]
#[inline(never)]
fn cold_path() {}

/// Why `k` does not name a live entry. Only called on the failure path.
#[cold]
#[inline(never)]
fn classify<K: TableKey>(meta: &[SlotMeta], k: K) -> BridgeError {
    let wire = k.to_wire();
    let kind = K::KIND;
    // The failed lookup means `k` is not the slot's live occupant, so a
    // generation past the most recent former occupant was never issued.
    let m = meta.get(k.index() as usize).copied().unwrap_or_default();
    let version = (k.to_slot_ffi() >> 32) as u32;
    if version > m.version {
        return BridgeError::ForgedKey {
            kind,
            wire,
            reason: "its slot index or generation was never issued",
        };
    }
    let age = (m.version - version) / 2;
    if age >= u64::BITS {
        return BridgeError::StaleKey {
            kind,
            wire,
            reason: "its entry is gone and the slot was reused too often since to tell whether it was released or destroyed",
        };
    }
    if (m.history >> age) & 1 == 1 {
        BridgeError::DestroyedKey { kind, wire }
    } else {
        BridgeError::StaleKey {
            kind,
            wire,
            reason: "its entry was released (reference count reached 0)",
        }
    }
}

impl<K: TableKey, V> HandleTable<K, V> {
    /// An empty table with the default limits.
    pub fn new() -> Self {
        Self::with_limits(TableLimits::default())
    }

    /// An empty table holding at most `limit` live entries.
    pub fn with_capacity_limit(limit: usize) -> Self {
        Self::with_limits(TableLimits {
            capacity: limit,
            ..TableLimits::default()
        })
    }

    /// An empty table with explicit limits (clamped to what keys can carry).
    pub fn with_limits(limits: TableLimits) -> Self {
        let limits = TableLimits {
            capacity: limits.capacity.min(MAX_INDEX as usize),
            max_generation: limits.max_generation.clamp(1, MAX_GENERATION),
        };
        HandleTable {
            slots: SlotMap::new(),
            meta: Vec::new(),
            retired: 0,
            max_live: limits.capacity,
            retire_version: limits.max_generation * 2 - 1,
            limits,
            labels: Vec::new(),
            label_ids: HashMap::new(),
            _key: PhantomData,
        }
    }

    /// The table's limits.
    pub fn limits(&self) -> TableLimits {
        self.limits
    }

    /// Insert with refcount 1.
    #[inline]
    pub fn insert(&mut self, v: V) -> Result<K, BridgeError> {
        self.insert_entry(v, 0)
    }

    /// Insert with refcount 1 and an allocation-site label that shows up in
    /// [`HandleTable::leak_report`].
    pub fn insert_labeled(&mut self, v: V, label: &'static str) -> Result<K, BridgeError> {
        let next = self.labels.len() as u32 + 1;
        let id = *self.label_ids.entry(label).or_insert(next);
        if id == next {
            self.labels.push(label);
        }
        self.insert_entry(v, id)
    }

    #[inline]
    fn insert_entry(&mut self, value: V, label: u32) -> Result<K, BridgeError> {
        // slotmap reuses a free slot before growing, so a new slot's index is
        // at most live + retired + 1: `max_live` <= MAX_INDEX - retired keeps
        // indices <= MAX_INDEX.
        if self.slots.len() >= self.max_live {
            return Err(BridgeError::CapacityExhausted {
                kind: K::KIND,
                limit: self.max_live,
            });
        }
        let sk = self.slots.insert(Entry {
            value,
            refs: NonZeroU32::MIN,
            label,
        });
        Ok(our_key(sk))
    }

    fn label_of(&self, e: &Entry<V>) -> Option<&'static str> {
        (e.label as usize)
            .checked_sub(1)
            .and_then(|i| self.labels.get(i))
            .copied()
    }

    /// The value behind `k`.
    #[inline]
    pub fn get(&self, k: K) -> Result<&V, BridgeError> {
        match self.slots.get(slot_key(k)) {
            Some(e) => Ok(&e.value),
            _ => Err(classify(&self.meta, k)),
        }
    }

    /// The value behind `k`, mutably.
    #[inline]
    pub fn get_mut(&mut self, k: K) -> Result<&mut V, BridgeError> {
        self.entry_mut(k).map(|e| &mut e.value)
    }

    #[inline]
    fn entry_mut(&mut self, k: K) -> Result<&mut Entry<V>, BridgeError> {
        let HandleTable { slots, meta, .. } = self;
        match slots.get_mut(slot_key(k)) {
            Some(e) => Ok(e),
            _ => Err(classify(meta, k)),
        }
    }

    /// Whether `k` names a live entry.
    pub fn contains(&self, k: K) -> bool {
        self.get(k).is_ok()
    }

    /// Current refcount of `k`.
    pub fn refcount(&self, k: K) -> Result<u32, BridgeError> {
        match self.slots.get(slot_key(k)) {
            Some(e) => Ok(e.refs.get()),
            _ => Err(classify(&self.meta, k)),
        }
    }

    /// The allocation-site label of `k`, if it was inserted with one.
    pub fn label(&self, k: K) -> Result<Option<&'static str>, BridgeError> {
        match self.slots.get(slot_key(k)) {
            Some(e) => Ok(self.label_of(e)),
            _ => Err(classify(&self.meta, k)),
        }
    }

    /// Add a reference; returns the new count.
    #[inline]
    pub fn incref(&mut self, k: K) -> Result<u32, BridgeError> {
        let e = self.entry_mut(k)?;
        e.refs = e.refs.checked_add(1).ok_or(BridgeError::RefcountOverflow {
            kind: K::KIND,
            wire: k.to_wire(),
        })?;
        Ok(e.refs.get())
    }

    /// Drop a reference. When the count reaches 0 the entry is removed
    /// ("released") and its value returned; later use of `k` is
    /// [`BridgeError::StaleKey`].
    #[inline]
    pub fn decref(&mut self, k: K) -> Result<Option<V>, BridgeError> {
        let e = self.entry_mut(k)?;
        if let Some(n) = NonZeroU32::new(e.refs.get() - 1) {
            e.refs = n;
            return Ok(None);
        }
        self.vacate(k, false).map(Some)
    }

    /// Remove the entry regardless of its count; later use of `k` is
    /// [`BridgeError::DestroyedKey`].
    #[inline]
    pub fn destroy(&mut self, k: K) -> Result<V, BridgeError> {
        // One lookup: `vacate` classifies a key that names no live entry.
        self.vacate(k, true)
    }

    /// Remove a live entry, retiring the slot if its generation is used up.
    ///
    /// Everything here is inline and no call takes `&mut self`: an escaping
    /// `&mut self` on a cold path stops LLVM from keeping slotmap's free
    /// list in registers in hot loops, which costs more than all the
    /// bookkeeping together.
    #[inline]
    fn vacate(&mut self, k: K, destroyed: bool) -> Result<V, BridgeError> {
        let sk = slot_key(k);
        let entry = if (k.to_slot_ffi() >> 32) as u32 >= self.retire_version {
            // Last generation: detached, the slot never returns to the free
            // list.
            cold_path();
            let e = self.slots.detach(sk);
            if e.is_some() {
                self.retired += 1;
                self.max_live = self.limits.capacity.min(MAX_INDEX as usize - self.retired);
            }
            e
        } else {
            self.slots.remove(sk)
        };
        match entry {
            Some(e) => {
                // A slot's generations end one after another, in order, so
                // the history shifts by exactly one.
                let version = (k.to_slot_ffi() >> 32) as u32;
                match self.meta.get_mut(k.index() as usize) {
                    Some(m) => {
                        *m = SlotMeta {
                            version,
                            history: (m.history << 1) | u64::from(destroyed),
                        }
                    }
                    None => self.grow_meta(
                        k.index(),
                        SlotMeta {
                            version,
                            history: u64::from(destroyed),
                        },
                    ),
                }
                Ok(e.value)
            }
            // Unreachable: callers checked `k` is live. Never panic anyway.
            _ => Err(classify(&self.meta, k)),
        }
    }

    /// First vacate of a slot past the end of `meta`. Takes only the
    /// vector, so the hot path's `&mut self` does not escape.
    #[cold]
    #[inline(never)]
    fn grow_meta_vec(meta: &mut Vec<SlotMeta>, index: u32, record: SlotMeta) {
        let idx = index as usize;
        meta.resize(idx + 1, SlotMeta::default());
        meta[idx] = record;
    }

    #[inline]
    fn grow_meta(&mut self, index: u32, record: SlotMeta) {
        Self::grow_meta_vec(&mut self.meta, index, record);
    }

    /// Number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// No live entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Live, retired and allocated slot counts.
    pub fn stats(&self) -> TableStats {
        TableStats {
            live: self.len(),
            retired: self.retired,
        }
    }

    /// Live entries in slot order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> + '_ {
        self.slots.iter().map(|(sk, e)| (our_key(sk), &e.value))
    }

    /// Every live entry with its count and label.
    pub fn leak_report(&self) -> LeakReport {
        let entries = self
            .slots
            .iter()
            .map(|(sk, e)| Leak {
                wire: our_key::<K>(sk).to_wire(),
                refcount: e.refs.get(),
                label: self.label_of(e),
            })
            .collect();
        LeakReport {
            kind: K::KIND,
            entries,
        }
    }

    /// Destroy every live entry (host teardown), returning the values in slot
    /// order. Old keys then report [`BridgeError::DestroyedKey`].
    pub fn destroy_all(&mut self) -> Vec<(K, V)> {
        let keys: Vec<K> = self.iter().map(|(k, _)| k).collect();
        keys.into_iter()
            .filter_map(|k| self.destroy(k).ok().map(|v| (k, v)))
            .collect()
    }
}

impl<K: TableKey, V> std::fmt::Debug for HandleTable<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandleTable")
            .field("kind", &K::KIND)
            .field("stats", &self.stats())
            .finish()
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
