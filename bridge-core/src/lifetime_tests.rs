//! Tests of `docs/lifetimes.md`, named after its transitions.

use super::*;
use crate::handle::{JsRef, PyRef};

type T = HandleTable<PyRef, &'static str>;

#[test]
fn t1_insert_gives_live_1_held_by_the_owner() {
    let mut t = T::new();
    let o = Owned::insert(&mut t, "x").unwrap();
    assert_eq!(t.refcount(o.key()), Ok(1));
    assert_eq!(o.borrow().get(&t), Ok(&"x"));
    assert_eq!(o.release(&mut t), Ok(Some("x")));
    assert!(t.is_empty());
}

#[test]
fn t3_t4_t5_share_then_release_each_count() {
    // Two proxies of one object (`.copy()`): the entry dies with the last.
    let mut t = T::new();
    let a = Owned::insert_labeled(&mut t, "x", "test").unwrap();
    let b = a.share(&mut t).unwrap();
    assert_eq!(t.refcount(b.key()), Ok(2));
    let k = a.key();
    assert_eq!(a.release(&mut t), Ok(None)); // T4
    assert_eq!(b.borrow().get(&t), Ok(&"x")); // the copy survives
    assert_eq!(b.release(&mut t), Ok(Some("x"))); // T5
    assert!(matches!(t.get(k), Err(BridgeError::StaleKey { .. })));
}

#[test]
fn t6_destroy_wins_over_other_holders_and_t11_finalizer_is_then_quiet() {
    let mut t = T::new();
    let a = Owned::insert(&mut t, "x").unwrap();
    let b = a.share(&mut t).unwrap();
    let k = b.key();
    assert_eq!(a.destroy(&mut t), Ok("x"));
    // The other holder sees a typed error, not a crash or another object.
    assert_eq!(
        t.get(k),
        Err(BridgeError::DestroyedKey {
            kind: "PyRef",
            wire: k.to_wire()
        })
    );
    // Its finalizer runs later: nothing left to release, and no error.
    assert_eq!(b.finalize(&mut t), Ok(None));
    assert!(t.is_empty());
}

#[test]
fn t11_finalizer_releases_a_count_stored_in_a_host_object() {
    let mut t = T::new();
    let wire = Owned::insert(&mut t, "x").unwrap().into_raw().to_wire_f64(); // stored in a JS proxy
    let back = Owned::assume_owned(PyRef::from_wire_f64(wire).unwrap());
    assert_eq!(back.finalize(&mut t), Ok(Some("x")));
    // A second finalization of the same count is a bug and says so.
    let again = Owned::assume_owned(PyRef::from_wire_f64(wire).unwrap());
    assert!(matches!(
        again.finalize(&mut t),
        Err(BridgeError::StaleKey { .. })
    ));
}

#[test]
fn t9_scope_close_releases_unescaped_temporaries() {
    let mut t = T::new();
    let scope = CallScope::new(); // T7
    let a = scope.temp(&mut t, "a").unwrap();
    let b = scope.temp(&mut t, "b").unwrap();
    assert_eq!((a.get(&t), b.get(&t)), (Ok(&"a"), Ok(&"b")));
    assert_eq!(scope.len(), 2);
    assert_eq!(t.label(a.key()), Ok(Some(SCOPE_TEMP_LABEL)));
    let (ka, kb) = (a.key(), b.key());
    let exit = scope.close(&mut t);
    assert_eq!(exit.released, vec!["b", "a"]);
    assert_eq!((exit.escaped, exit.already_destroyed), (0, 0));
    assert!(exit.errors.is_empty());
    assert!(t.is_empty());
    assert!(matches!(t.get(ka), Err(BridgeError::StaleKey { .. })));
    assert!(matches!(t.get(kb), Err(BridgeError::StaleKey { .. })));
}

#[test]
fn t8_t10_escaped_temporary_outlives_the_call_pyodide_2498() {
    // Python passes a function to JS as a call argument; JS stores it (e.g.
    // as an event handler). Pyodide destroys it when the call returns; here
    // the stored proxy took its own count, so it stays valid.
    let mut t = T::new();
    let scope = CallScope::new();
    let callback = scope.temp(&mut t, "callback").unwrap();
    let stored: Owned<PyRef> = callback.to_owned(&mut t).unwrap(); // T8: the JS proxy's count
    let k = stored.key();
    let exit = scope.close(&mut t); // T10
    assert_eq!((exit.released.len(), exit.escaped), (0, 1));
    assert_eq!(t.get(k), Ok(&"callback")); // still callable after the call
    assert_eq!(t.refcount(k), Ok(1));
    // Released later by the host's finalizer (or an explicit destroy).
    assert_eq!(stored.finalize(&mut t), Ok(Some("callback"))); // T11
    assert!(t.is_empty());
}

#[test]
fn t6_during_a_call_then_close_is_quiet() {
    let mut t = T::new();
    let scope = CallScope::new();
    let tmp = scope.temp(&mut t, "tmp").unwrap();
    Owned::assume_owned(tmp.key()).destroy(&mut t).unwrap(); // user destroyed it mid-call
    let exit = scope.close(&mut t);
    assert_eq!((exit.already_destroyed, exit.released.len()), (1, 0));
    assert!(exit.errors.is_empty());
}

#[test]
fn adopt_hands_an_owned_count_to_the_scope() {
    let mut t = T::new();
    let scope = CallScope::new();
    let o = Owned::insert(&mut t, "this").unwrap();
    let b = scope.adopt(o);
    assert_eq!(b.get(&t), Ok(&"this"));
    let exit = scope.close(&mut t);
    assert_eq!(exit.released, vec!["this"]);
}

#[test]
fn with_scope_leaks_nothing_when_the_call_fails() {
    let mut t = T::new();
    let baseline = t.len();
    let (r, exit) = with_scope(&mut t, |t, scope| {
        scope.temp(t, "arg0")?;
        scope.temp(t, "arg1")?;
        Err::<(), _>(BridgeError::conversion("Foo", "no rule"))
    });
    assert!(matches!(r, Err(BridgeError::Conversion { .. })));
    assert_eq!(exit.released.len(), 2);
    assert_eq!(t.len(), baseline); // live handles back to baseline
    assert!(t.leak_report().is_empty());
}

#[test]
fn with_scope_capacity_error_midway_releases_what_was_made() {
    let mut t: HandleTable<JsRef, u32> = HandleTable::with_capacity_limit(2);
    let (r, exit) = with_scope(&mut t, |t, scope| {
        for i in 0..5 {
            scope.temp(t, i)?;
        }
        Ok(())
    });
    assert!(matches!(
        r,
        Err(BridgeError::CapacityExhausted { limit: 2, .. })
    ));
    assert_eq!(exit.released, vec![1, 0]);
    assert!(t.is_empty());
}

#[test]
fn borrowed_lent_by_an_owner() {
    let mut t = T::new();
    let o = Owned::insert(&mut t, "x").unwrap();
    let b = o.borrow();
    let this = Borrowed::<PyRef>::assume_borrowed(b.key());
    assert_eq!(this.get(&t), Ok(&"x"));
    let o2 = b.to_owned(&mut t).unwrap();
    assert_eq!(t.refcount(o.key()), Ok(2));
    assert_eq!(o2.release(&mut t), Ok(None));
    assert_eq!(o.release(&mut t), Ok(Some("x")));
    assert_eq!(Ownership::Owned, Ownership::Owned);
}

#[test]
fn leak_report_shows_forgotten_owned_references() {
    let mut t = T::new();
    let _forgotten = Owned::insert_labeled(&mut t, "x", "pyproxy from globals.get")
        .unwrap()
        .into_raw();
    let r = t.leak_report();
    assert_eq!(r.by_label(), vec![(Some("pyproxy from globals.get"), 1)]);
    assert!(r.to_string().contains("1 x pyproxy from globals.get"));
}
