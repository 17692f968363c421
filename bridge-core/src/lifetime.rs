//! Lifetime bookkeeping: owned and borrowed references, and the per-call
//! scope that holds a call's temporaries. `docs/lifetimes.md` is the model
//! (states S1-S5, transitions T1-T12); the tests below are named after its
//! transitions.
//!
//! The rule that fixes Pyodide's "borrowed proxy was automatically
//! destroyed" (#2498): a scope never *destroys* anything. Closing it drops
//! the scope's own counts. A temporary that escaped -- some proxy object took
//! its own count with [`Borrowed::to_owned`] -- therefore stays alive until
//! that proxy is released, by an explicit destroy or by the host's finalizer
//! ([`Owned::finalize`]).

use std::cell::RefCell;
use std::marker::PhantomData;

use crate::error::BridgeError;
use crate::handle::{HandleTable, TableKey};

/// Whether a reference holds a count of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// Holds one count; must release it exactly once.
    Owned,
    /// Holds none; valid only while its lender (an [`Owned`] or a
    /// [`CallScope`]) is.
    Borrowed,
}

/// A reference holding one count of a table entry. Not `Clone`: get a second
/// count with [`Owned::share`].
#[must_use = "an Owned reference holds a count: release it, or hand it to a host object whose finalizer releases it"]
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Owned<K: TableKey> {
    key: K,
}

impl<K: TableKey> Owned<K> {
    /// T1: insert `v`; the new entry's one count is held by the result.
    pub fn insert<V>(table: &mut HandleTable<K, V>, v: V) -> Result<Self, BridgeError> {
        table.insert(v).map(|key| Owned { key })
    }

    /// T1 with an allocation-site label for leak reports.
    pub fn insert_labeled<V>(
        table: &mut HandleTable<K, V>,
        v: V,
        label: &'static str,
    ) -> Result<Self, BridgeError> {
        table.insert_labeled(v, label).map(|key| Owned { key })
    }

    /// Take responsibility for a count that `k` already holds -- e.g. the
    /// key stored in a proxy object that is now being finalized. The name
    /// says what it assumes: calling it for a count you do not hold makes
    /// the entry die early (the next user then gets a typed error, not UB).
    pub fn assume_owned(key: K) -> Self {
        Owned { key }
    }

    /// Give up the Rust-side token but keep the count: the host stores `k`
    /// (e.g. as a wire number inside a proxy object) and later rebuilds it
    /// with [`Owned::assume_owned`].
    pub fn into_raw(self) -> K {
        self.key
    }

    /// The key.
    pub fn key(&self) -> K {
        self.key
    }

    /// Lend this reference without a count.
    pub fn borrow(&self) -> Borrowed<'_, K> {
        Borrowed {
            key: self.key,
            _lender: PhantomData,
        }
    }

    /// T3: a second counted reference to the same entry (`.copy()` of a
    /// proxy).
    pub fn share<V>(&self, table: &mut HandleTable<K, V>) -> Result<Owned<K>, BridgeError> {
        table.incref(self.key).map(|_| Owned { key: self.key })
    }

    /// T4/T5: drop this count; `Some(v)` if it was the last one (the host
    /// then drops `v`).
    pub fn release<V>(self, table: &mut HandleTable<K, V>) -> Result<Option<V>, BridgeError> {
        table.decref(self.key)
    }

    /// T11: release from a host finalizer. Like [`Owned::release`], except
    /// that an entry already destroyed explicitly (T6) is not an error: the
    /// proxy was destroyed first and is now merely being collected.
    pub fn finalize<V>(self, table: &mut HandleTable<K, V>) -> Result<Option<V>, BridgeError> {
        match table.decref(self.key) {
            Err(BridgeError::DestroyedKey { .. }) => Ok(None),
            r => r,
        }
    }

    /// T6: destroy the entry whatever its count (`proxy.destroy()` with
    /// Pyodide's force semantics). Other holders then get
    /// [`BridgeError::DestroyedKey`].
    pub fn destroy<V>(self, table: &mut HandleTable<K, V>) -> Result<V, BridgeError> {
        table.destroy(self.key)
    }
}

/// A reference without a count of its own, valid while its lender is. In
/// Rust the lifetime `'a` enforces that; across the FFI the host must turn
/// it into an [`Owned`] ([`Borrowed::to_owned`]) before storing it anywhere
/// that outlives the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Borrowed<'a, K: TableKey> {
    key: K,
    _lender: PhantomData<&'a ()>,
}

impl<'a, K: TableKey> Borrowed<'a, K> {
    /// Borrow a key whose count someone else holds for at least `'a`
    /// (e.g. `this` of a call, held by the caller). The name says what it
    /// assumes.
    pub fn assume_borrowed(key: K) -> Self {
        Borrowed {
            key,
            _lender: PhantomData,
        }
    }

    /// The key.
    pub fn key(self) -> K {
        self.key
    }

    /// The value behind it.
    pub fn get<V>(self, table: &HandleTable<K, V>) -> Result<&V, BridgeError> {
        table.get(self.key)
    }

    /// T8 (escape): take a count of its own, valid after the lender is gone.
    pub fn to_owned<V>(self, table: &mut HandleTable<K, V>) -> Result<Owned<K>, BridgeError> {
        table.incref(self.key).map(|_| Owned { key: self.key })
    }
}

/// The temporaries of one call. Each holds one count owned by the scope;
/// [`CallScope::close`] drops those counts (T9/T10).
#[derive(Debug)]
pub struct CallScope<K: TableKey> {
    temps: RefCell<Vec<K>>,
}

impl<K: TableKey> Default for CallScope<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// What closing a scope did.
#[derive(Debug)]
pub struct ScopeExit<V> {
    /// Values whose last count was the scope's (T9): the host drops them.
    pub released: Vec<V>,
    /// Temporaries that escaped (T10): still alive, owned by someone else.
    pub escaped: usize,
    /// Temporaries destroyed explicitly during the call (T6): nothing to do.
    pub already_destroyed: usize,
    /// Anything else (a bug elsewhere, e.g. a count released twice).
    pub errors: Vec<BridgeError>,
}

/// Default label of scope temporaries in leak reports.
pub const SCOPE_TEMP_LABEL: &str = "call-scope temporary";

impl<K: TableKey> CallScope<K> {
    /// T7: open a scope.
    pub fn new() -> Self {
        CallScope {
            temps: RefCell::new(Vec::new()),
        }
    }

    /// Insert `v` as a temporary of this call, borrowed for the scope.
    pub fn temp<V>(
        &self,
        table: &mut HandleTable<K, V>,
        v: V,
    ) -> Result<Borrowed<'_, K>, BridgeError> {
        self.temp_labeled(table, v, SCOPE_TEMP_LABEL)
    }

    /// [`CallScope::temp`] with an explicit leak-report label.
    pub fn temp_labeled<V>(
        &self,
        table: &mut HandleTable<K, V>,
        v: V,
        label: &'static str,
    ) -> Result<Borrowed<'_, K>, BridgeError> {
        let key = table.insert_labeled(v, label)?;
        self.temps.borrow_mut().push(key);
        Ok(Borrowed {
            key,
            _lender: PhantomData,
        })
    }

    /// Hand an owned count to the scope (it is released at close).
    pub fn adopt(&self, owned: Owned<K>) -> Borrowed<'_, K> {
        let key = owned.into_raw();
        self.temps.borrow_mut().push(key);
        Borrowed {
            key,
            _lender: PhantomData,
        }
    }

    /// Number of temporaries.
    pub fn len(&self) -> usize {
        self.temps.borrow().len()
    }

    /// No temporaries.
    pub fn is_empty(&self) -> bool {
        self.temps.borrow().is_empty()
    }

    /// T9/T10: drop the scope's counts, last temporary first.
    pub fn close<V>(self, table: &mut HandleTable<K, V>) -> ScopeExit<V> {
        let mut exit = ScopeExit {
            released: Vec::new(),
            escaped: 0,
            already_destroyed: 0,
            errors: Vec::new(),
        };
        for key in self.temps.into_inner().into_iter().rev() {
            match table.decref(key) {
                Ok(Some(v)) => exit.released.push(v),
                Ok(None) => exit.escaped += 1,
                Err(BridgeError::DestroyedKey { .. }) => exit.already_destroyed += 1,
                Err(e) => exit.errors.push(e),
            }
        }
        exit
    }
}

/// Run `f` inside a fresh scope and close it whatever `f` returns, so a
/// failing call leaks none of its temporaries.
pub fn with_scope<K: TableKey, V, R>(
    table: &mut HandleTable<K, V>,
    f: impl FnOnce(&mut HandleTable<K, V>, &CallScope<K>) -> Result<R, BridgeError>,
) -> (Result<R, BridgeError>, ScopeExit<V>) {
    let scope = CallScope::new();
    let r = f(table, &scope);
    let exit = scope.close(table);
    (r, exit)
}

#[cfg(test)]
#[path = "lifetime_tests.rs"]
mod tests;
