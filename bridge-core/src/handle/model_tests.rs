//! The table against a `HashMap` model under random operations
//! (slotmap-style model testing, with proptest).

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;

use super::*;
use crate::error::BridgeError;

#[derive(Debug, Clone)]
enum Op {
    Insert(Option<&'static str>),
    Get(usize),
    Incref(usize),
    Decref(usize),
    Destroy(usize),
    /// Any wire value at all.
    Wire(u64),
    /// Any f64 at all.
    WireF64(f64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => prop::option::of(prop::sample::select(vec!["a", "b"])).prop_map(Op::Insert),
        3 => any::<usize>().prop_map(Op::Get),
        2 => any::<usize>().prop_map(Op::Incref),
        3 => any::<usize>().prop_map(Op::Decref),
        1 => any::<usize>().prop_map(Op::Destroy),
        1 => prop_oneof![any::<u64>(), 0u64..(1 << 26), (1u64 << 52)..(1u64 << 52) + (1 << 26)].prop_map(Op::Wire),
        1 => any::<f64>().prop_map(Op::WireF64),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ended {
    Released,
    Destroyed,
}

#[derive(Default)]
struct Model {
    live: HashMap<u64, (u32, u32, Option<&'static str>)>, // wire -> (value, refs, label)
    ended: HashMap<u64, Ended>,
    issued: Vec<u64>,
    latest_gen: HashMap<u32, u32>, // slot index -> newest generation issued
}

impl Model {
    /// The error the table must give for a dead key.
    fn check_dead(&self, k: PyRef, err: &BridgeError) -> Result<(), TestCaseError> {
        let ended = self.ended[&k.to_wire()];
        let age = self.latest_gen[&k.index()] - k.generation();
        match (ended, err) {
            (_, BridgeError::StaleKey { .. }) if age >= 64 => {}
            (Ended::Released, BridgeError::StaleKey { .. }) => {}
            (Ended::Destroyed, BridgeError::DestroyedKey { .. }) => {}
            _ => prop_assert!(false, "{k:?} ended {ended:?} (age {age}) but got {err:?}"),
        }
        Ok(())
    }
}

fn run(limits: TableLimits, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut t: HandleTable<PyRef, u32> = HandleTable::with_limits(limits);
    let mut m = Model::default();
    let mut next_value = 0u32;
    let pick = |m: &Model, i: usize| (!m.issued.is_empty()).then(|| m.issued[i % m.issued.len()]);
    for op in ops {
        match op {
            Op::Insert(label) => {
                next_value += 1;
                let r = match label {
                    Some(l) => t.insert_labeled(next_value, l),
                    None => t.insert(next_value),
                };
                match r {
                    Ok(k) => {
                        let w = k.to_wire();
                        // No aliasing: a key is never issued twice.
                        prop_assert!(!m.issued.contains(&w), "{k:?} issued twice");
                        prop_assert!(w < WIRE_LIMIT);
                        prop_assert!(k.generation() <= limits.max_generation);
                        m.issued.push(w);
                        m.live.insert(w, (next_value, 1, label));
                        m.latest_gen.insert(k.index(), k.generation());
                    }
                    Err(BridgeError::CapacityExhausted { .. }) => {
                        prop_assert!(m.live.len() >= limits.capacity)
                    }
                    Err(e) => prop_assert!(false, "insert: {e:?}"),
                }
            }
            Op::Get(i) | Op::Incref(i) | Op::Decref(i) | Op::Destroy(i) => {
                let Some(w) = pick(&m, i) else { continue };
                let k = PyRef::from_wire(w).expect("issued keys decode");
                let live = m.live.get(&w).copied();
                match (&op, live) {
                    (Op::Get(_), Some((v, refs, label))) => {
                        prop_assert_eq!(t.get(k), Ok(&v));
                        prop_assert_eq!(t.refcount(k), Ok(refs));
                        prop_assert_eq!(t.label(k), Ok(label));
                    }
                    (Op::Incref(_), Some((v, refs, label))) => {
                        prop_assert_eq!(t.incref(k), Ok(refs + 1));
                        m.live.insert(w, (v, refs + 1, label));
                    }
                    (Op::Decref(_), Some((v, refs, label))) => {
                        if refs == 1 {
                            prop_assert_eq!(t.decref(k), Ok(Some(v)));
                            m.live.remove(&w);
                            m.ended.insert(w, Ended::Released);
                        } else {
                            prop_assert_eq!(t.decref(k), Ok(None));
                            m.live.insert(w, (v, refs - 1, label));
                        }
                    }
                    (_, Some((v, _, _))) => {
                        prop_assert_eq!(t.destroy(k), Ok(v));
                        m.live.remove(&w);
                        m.ended.insert(w, Ended::Destroyed);
                    }
                    (_, None) => {
                        let err = match op {
                            Op::Get(_) => t.get(k).map(|_| ()).unwrap_err(),
                            Op::Incref(_) => t.incref(k).map(|_| ()).unwrap_err(),
                            Op::Decref(_) => t.decref(k).map(|_| ()).unwrap_err(),
                            _ => t.destroy(k).map(|_| ()).unwrap_err(),
                        };
                        m.check_dead(k, &err)?;
                    }
                }
            }
            Op::Wire(w) => check_any_key(&t, &m, PyRef::from_wire(w))?,
            Op::WireF64(f) => check_any_key(&t, &m, PyRef::from_wire_f64(f))?,
        }
        prop_assert_eq!(t.len(), m.live.len());
        prop_assert_eq!(t.iter().count(), m.live.len());
    }
    let report = t.leak_report();
    let reported: HashSet<u64> = report.entries.iter().map(|l| l.wire).collect();
    prop_assert_eq!(reported, m.live.keys().copied().collect::<HashSet<_>>());
    Ok(())
}

/// A key from arbitrary bits: a typed error, or (only if it names a live
/// entry) the right value. Never a panic.
fn check_any_key(
    t: &HandleTable<PyRef, u32>,
    m: &Model,
    k: Result<PyRef, BridgeError>,
) -> Result<(), TestCaseError> {
    let k = match k {
        Ok(k) => k,
        Err(e) => {
            prop_assert!(
                matches!(
                    e,
                    BridgeError::KeyOutOfRange { .. } | BridgeError::ForgedKey { .. }
                ),
                "{e:?}"
            );
            return Ok(());
        }
    };
    let w = k.to_wire();
    match (t.get(k), m.live.get(&w)) {
        (Ok(v), Some((mv, _, _))) => prop_assert_eq!(v, mv),
        (Err(e), None) => {
            if m.ended.contains_key(&w) {
                m.check_dead(k, &e)?;
            } else {
                // Never issued: forged, or (an old generation of a reused slot
                // whose key we never saw) stale/destroyed.
                prop_assert!(
                    matches!(
                        e,
                        BridgeError::ForgedKey { .. }
                            | BridgeError::StaleKey { .. }
                            | BridgeError::DestroyedKey { .. }
                    ),
                    "{e:?}"
                );
                if let BridgeError::ForgedKey { .. } = e {
                    let latest = m.latest_gen.get(&k.index()).copied().unwrap_or(0);
                    prop_assert!(
                        k.generation() > latest,
                        "{k:?} forged but latest gen {latest}"
                    );
                }
            }
        }
        (r, mv) => prop_assert!(false, "{k:?}: table {r:?}, model {mv:?}"),
    }
    Ok(())
}

fn limits() -> impl Strategy<Value = TableLimits> {
    (
        prop::sample::select(vec![2usize, 5, 64, usize::MAX]),
        prop::sample::select(vec![1u32, 2, 3, 70, u32::MAX]),
    )
        .prop_map(|(capacity, max_generation)| TableLimits {
            capacity,
            max_generation,
        })
        .prop_map(|l| HandleTable::<PyRef, ()>::with_limits(l).limits())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn table_behaves_like_a_hashmap_model(limits in limits(), ops in prop::collection::vec(op(), 1..300)) {
        run(limits, ops)?;
    }

    #[test]
    fn random_wire_values_never_panic(ws in prop::collection::vec(any::<u64>(), 1..50), fs in prop::collection::vec(any::<f64>(), 1..50)) {
        let mut t: HandleTable<JsRef, u8> = HandleTable::new();
        let live = t.insert(1).unwrap();
        for w in ws {
            if let Ok(k) = JsRef::from_wire(w) {
                let r = t.get(k);
                prop_assert!(r.is_err() || k == live);
                let _ = t.incref(k);
                let _ = t.decref(k);
            }
        }
        for f in fs {
            if let Ok(k) = JsRef::from_wire_f64(f) {
                prop_assert!(t.get(k).is_err() || k == live);
            }
        }
    }
}

/// A long alternating insert/release/destroy run on one slot: LIFO reuse
/// drives the generation through the 64-generation history window and past
/// a lowered retirement limit; every old key must still be classified.
#[test]
fn churn_on_one_slot() {
    let limits = TableLimits {
        capacity: 4,
        max_generation: 100,
    };
    let mut t: HandleTable<PyRef, u32> = HandleTable::with_limits(limits);
    let mut keys = vec![];
    for i in 0..400u32 {
        let k = t.insert(i).unwrap();
        let destroyed = i % 3 == 0;
        if destroyed {
            t.destroy(k).unwrap();
        } else {
            t.decref(k).unwrap();
        }
        keys.push((k, destroyed));
    }
    assert_eq!(
        t.stats(),
        TableStats {
            live: 0,
            retired: 4
        }
    );
    for &(k, destroyed) in &keys {
        let newest = keys
            .iter()
            .filter(|(o, _)| o.index() == k.index())
            .map(|(o, _)| o.generation())
            .max();
        let age = newest.unwrap_or(0) - k.generation();
        match t.get(k).unwrap_err() {
            BridgeError::DestroyedKey { .. } => assert!(destroyed && age < 64, "{k:?}"),
            BridgeError::StaleKey { .. } => assert!(!destroyed || age >= 64, "{k:?}"),
            other => panic!("{k:?}: {other:?}"),
        }
    }
}
