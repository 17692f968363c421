//! Tests of the table registry through the C entry points.

use std::collections::HashMap;
use std::ptr::null_mut;

use super::*;
use crate::key::*;
use crate::status::*;

type Fail = (bridge_status_t, String);

fn err(s: bridge_status_t) -> Fail {
    (s, last_error_string())
}

/// What the release callback saw; `hook` runs inside the callback.
#[derive(Default)]
struct Log {
    calls: Mutex<Vec<(u32, u64, u64)>>,
    hook: Option<fn(&Log, u32, u64, u64)>,
    /// Results of the calls the hook made.
    seen: Mutex<Vec<bridge_status_t>>,
}

impl Log {
    fn calls(&self) -> Vec<(u32, u64, u64)> {
        self.calls.lock().unwrap().clone()
    }
    fn seen(&self) -> Vec<bridge_status_t> {
        self.seen.lock().unwrap().clone()
    }
}

unsafe extern "C" fn record(ctx: *mut c_void, table: u32, key: u64, payload: u64) {
    // SAFETY: every test passes a `&Log` that outlives its table.
    let log = unsafe { &*(ctx as *const Log) };
    log.calls.lock().unwrap().push((table, key, payload));
    if let Some(hook) = log.hook {
        hook(log, table, key, payload);
    }
}

fn new_with(log: Option<&Log>, capacity: u32) -> Result<u32, Fail> {
    let mut t = 0;
    let (f, ctx): (bridge_release_fn, *mut c_void) = match log {
        Some(l) => (Some(record), l as *const Log as *mut c_void),
        None => (None, null_mut()),
    };
    // SAFETY: `t` is a live local; `record` may be called with `ctx` while
    // the test's `Log` lives, which outlasts the table.
    match unsafe { bridge_table_new(f, ctx, capacity, &mut t) } {
        BRIDGE_OK => Ok(t),
        s => Err(err(s)),
    }
}

fn new(log: &Log) -> u32 {
    new_with(Some(log), 0).unwrap()
}

fn insert(t: u32, payload: u64) -> Result<u64, Fail> {
    let mut k = 0;
    // SAFETY: `k` is a live local.
    match unsafe { bridge_table_insert(t, payload, &mut k) } {
        BRIDGE_OK => Ok(k),
        s => Err(err(s)),
    }
}

fn get(t: u32, k: u64) -> Result<u64, Fail> {
    let mut p = 0;
    // SAFETY: `p` is a live local.
    match unsafe { bridge_table_get(t, k, &mut p) } {
        BRIDGE_OK => Ok(p),
        s => Err(err(s)),
    }
}

fn incref(t: u32, k: u64) -> Result<u32, Fail> {
    let mut n = 0;
    // SAFETY: `n` is a live local.
    match unsafe { bridge_table_incref(t, k, &mut n) } {
        BRIDGE_OK => Ok(n),
        s => Err(err(s)),
    }
}

fn decref(t: u32, k: u64) -> Result<u32, Fail> {
    let mut n = 99;
    // SAFETY: `n` is a live local.
    match unsafe { bridge_table_decref(t, k, &mut n) } {
        BRIDGE_OK => Ok(n),
        s => Err(err(s)),
    }
}

fn destroy(t: u32, k: u64) -> Result<(), Fail> {
    match bridge_table_destroy(t, k) {
        BRIDGE_OK => Ok(()),
        s => Err(err(s)),
    }
}

fn free(t: u32) -> Result<u64, Fail> {
    let mut n = 0;
    // SAFETY: `n` is a live local.
    match unsafe { bridge_table_free(t, &mut n) } {
        BRIDGE_OK => Ok(n),
        s => Err(err(s)),
    }
}

fn stats(t: u32) -> Result<bridge_table_stats_t, Fail> {
    let mut s = bridge_table_stats_t::default();
    // SAFETY: `s` is a live local.
    match unsafe { bridge_table_stats(t, &mut s) } {
        BRIDGE_OK => Ok(s),
        st => Err(err(st)),
    }
}

fn classify_key(t: u32, k: u64) -> u32 {
    let mut s = 99;
    // SAFETY: `s` is a live local.
    assert_eq!(unsafe { bridge_table_classify(t, k, &mut s) }, BRIDGE_OK);
    s
}

fn key(table: u32, generation: u32, index: u32) -> u64 {
    u64::from(table) << 45 | u64::from(generation) << 24 | u64::from(index)
}

#[test]
fn lifecycle_with_refcounts_and_one_release_per_entry() {
    let _s = serial();
    let log = Log::default();
    let t = new(&log);
    assert!((1..=255).contains(&t));
    let a = insert(t, 0xdead_beef).unwrap();
    let b = insert(t, u64::MAX).unwrap();
    let c = insert(t, 0).unwrap();
    assert_eq!(a, key(t, 1, 1));
    assert_eq!(b, key(t, 1, 2));
    assert!(a < BRIDGE_KEY_LIMIT && a as f64 as u64 == a);
    assert_eq!(get(t, a), Ok(0xdead_beef));
    assert_eq!(get(t, b), Ok(u64::MAX));
    assert_eq!(get(t, c), Ok(0));
    assert_eq!(
        stats(t),
        Ok(bridge_table_stats_t {
            live: 3,
            retired: 0,
            capacity: 16_777_215
        })
    );

    assert_eq!(incref(t, a), Ok(2));
    assert_eq!(incref(t, a), Ok(3));
    assert_eq!(decref(t, a), Ok(2));
    assert_eq!(decref(t, a), Ok(1));
    assert!(log.calls().is_empty());
    assert_eq!(decref(t, a), Ok(0));
    assert_eq!(log.calls(), vec![(t, a, 0xdead_beef)]);
    let stale = format!("stale key {a:#x}: its entry was released (reference count reached 0)");
    assert_eq!(
        get(t, a),
        Err((BRIDGE_ERR_STALE_KEY, format!("bridge_table_get: {stale}")))
    );
    assert_eq!(
        decref(t, a),
        Err((
            BRIDGE_ERR_STALE_KEY,
            format!("bridge_table_decref: {stale}")
        ))
    );
    assert_eq!(
        incref(t, a),
        Err((
            BRIDGE_ERR_STALE_KEY,
            format!("bridge_table_incref: {stale}")
        ))
    );
    assert_eq!(classify_key(t, a), BRIDGE_KEY_STALE);
    assert_eq!(log.calls().len(), 1, "a stale decref releases nothing");

    incref(t, b).unwrap();
    destroy(t, b).unwrap();
    assert_eq!(log.calls()[1], (t, b, u64::MAX));
    let gone = format!("key {b:#x} was used after its entry was destroyed");
    assert_eq!(
        get(t, b),
        Err((
            BRIDGE_ERR_DESTROYED_KEY,
            format!("bridge_table_get: {gone}")
        ))
    );
    assert_eq!(
        destroy(t, b),
        Err((
            BRIDGE_ERR_DESTROYED_KEY,
            format!("bridge_table_destroy: {gone}")
        ))
    );
    assert_eq!(classify_key(t, b), BRIDGE_KEY_DESTROYED);

    // The last freed slot is reused first, with its next generation.
    let d = insert(t, 4).unwrap();
    assert_eq!(d, key(t, 2, 2));
    assert_eq!(classify_key(t, a), BRIDGE_KEY_STALE);
    assert_eq!(classify_key(t, d), BRIDGE_KEY_LIVE);

    assert_eq!(free(t), Ok(2));
    let calls = log.calls();
    assert_eq!(calls.len(), 4);
    let mut tail = calls[2..].to_vec();
    tail.sort();
    assert_eq!(tail, vec![(t, c, 0), (t, d, 4)]);
    let no = format!("no table {t}: it was freed or never created");
    assert_eq!(
        get(t, c),
        Err((BRIDGE_ERR_NO_SUCH_TABLE, format!("bridge_table_get: {no}")))
    );
    assert_eq!(
        stats(t),
        Err((
            BRIDGE_ERR_NO_SUCH_TABLE,
            format!("bridge_table_stats: {no}")
        ))
    );
    assert_eq!(
        free(t),
        Err((BRIDGE_ERR_NO_SUCH_TABLE, format!("bridge_table_free: {no}")))
    );
    assert_eq!(classify_key(t, c), BRIDGE_KEY_NO_SUCH_TABLE);
    assert_eq!(log.calls().len(), 4, "freeing twice releases nothing");
}

#[test]
fn every_key_error_is_told_apart() {
    let _s = serial();
    let (la, lb) = (Log::default(), Log::default());
    let (t, u) = (new(&la), new(&lb));
    let k = insert(t, 1).unwrap();
    let ku = insert(u, 2).unwrap();

    let out = k | 1 << 53;
    assert_eq!(
        get(t, out),
        Err((
            BRIDGE_ERR_KEY_OUT_OF_RANGE,
            format!("bridge_table_get: key {out:#x} is out of range: bits 53..63 must be 0 (keys are below 2^53)")
        ))
    );
    assert_eq!(get(t, u64::MAX).unwrap_err().0, BRIDGE_ERR_KEY_OUT_OF_RANGE);
    assert_eq!(
        get(0, k),
        Err((
            BRIDGE_ERR_NO_SUCH_TABLE,
            "bridge_table_get: no table 0: table id 0 is never issued".into()
        ))
    );
    assert_eq!(get(256, k).unwrap_err().0, BRIDGE_ERR_NO_SUCH_TABLE);
    assert_eq!(get(u32::MAX, k).unwrap_err().0, BRIDGE_ERR_NO_SUCH_TABLE);
    let k0 = k & !(0xff << 45);
    assert_eq!(
        get(t, k0),
        Err((
            BRIDGE_ERR_NO_SUCH_TABLE,
            "bridge_table_get: no table 0: the key's table id is 0, which is never issued".into()
        ))
    );
    assert_eq!(
        get(t, ku),
        Err((
            BRIDGE_ERR_WRONG_TABLE,
            format!("bridge_table_get: key {ku:#x} belongs to table {u}, not to table {t}")
        ))
    );
    assert_eq!(get(u, k).unwrap_err().0, BRIDGE_ERR_WRONG_TABLE);
    for (forged, why) in [
        (key(t, 1, 0), "slot index 0 is never issued"),
        (key(t, 0, 1), "generation 0 is never issued"),
        (
            key(t, 1, 999),
            "its slot index or generation was never issued",
        ),
        (
            key(t, 2, 1),
            "its slot index or generation was never issued",
        ),
        (
            key(t, BRIDGE_KEY_MAX_GENERATION, BRIDGE_KEY_MAX_INDEX),
            "its slot index or generation was never issued",
        ),
    ] {
        assert_eq!(
            get(t, forged),
            Err((
                BRIDGE_ERR_FORGED_KEY,
                format!("bridge_table_get: forged key {forged:#x}: {why}")
            ))
        );
        assert_eq!(classify_key(t, forged), BRIDGE_KEY_FORGED);
        assert_eq!(incref(t, forged).unwrap_err().0, BRIDGE_ERR_FORGED_KEY);
        assert_eq!(decref(t, forged).unwrap_err().0, BRIDGE_ERR_FORGED_KEY);
        assert_eq!(destroy(t, forged).unwrap_err().0, BRIDGE_ERR_FORGED_KEY);
    }
    // The message names the C key in hex.
    let never = key(t, 1, 2);
    assert_eq!(
        get(t, never).unwrap_err().1,
        format!("bridge_table_get: forged key {never:#x}: its slot index or generation was never issued")
    );

    // classify: every state, and the last error is left alone.
    bridge_clear_error();
    assert_eq!(classify_key(t, k), BRIDGE_KEY_LIVE);
    assert_eq!(classify_key(t, out), BRIDGE_KEY_OUT_OF_RANGE);
    assert_eq!(classify_key(0, k), BRIDGE_KEY_NO_SUCH_TABLE);
    assert_eq!(classify_key(t, k0), BRIDGE_KEY_NO_SUCH_TABLE);
    assert_eq!(classify_key(t, ku), BRIDGE_KEY_WRONG_TABLE);
    assert_eq!(classify_key(t, key(t, 1, 0)), BRIDGE_KEY_FORGED);
    assert_eq!(bridge_last_error_status(), BRIDGE_OK);
    assert_eq!(last_error_string(), "");

    // A key of a freed table is NO_SUCH_TABLE, from the table it names.
    free(u).unwrap();
    assert_eq!(
        get(t, ku),
        Err((
            BRIDGE_ERR_NO_SUCH_TABLE,
            format!("bridge_table_get: no table {u}: the key's table was freed or never created")
        ))
    );
    assert_eq!(classify_key(t, ku), BRIDGE_KEY_NO_SUCH_TABLE);
    assert!(la.calls().is_empty());
    assert_eq!(lb.calls(), vec![(u, ku, 2)]);
    free(t).unwrap();
}

#[test]
fn null_pointers_and_bad_arguments() {
    let _s = serial();
    let log = Log::default();
    let t = new(&log);
    let k = insert(t, 5).unwrap();
    // SAFETY: for every call below, NULL out-pointers are checked before
    // use; the nullable ones are never written.
    unsafe {
        assert_eq!(
            bridge_table_new(None, null_mut(), 0, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_table_new: out_table is NULL");
        assert_eq!(
            bridge_table_insert(t, 1, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(last_error_string(), "bridge_table_insert: out_key is NULL");
        assert_eq!(bridge_table_get(t, k, null_mut()), BRIDGE_ERR_NULL_POINTER);
        assert_eq!(last_error_string(), "bridge_table_get: out_payload is NULL");
        assert_eq!(bridge_table_stats(t, null_mut()), BRIDGE_ERR_NULL_POINTER);
        assert_eq!(last_error_string(), "bridge_table_stats: out is NULL");
        assert_eq!(
            bridge_table_classify(t, k, null_mut()),
            BRIDGE_ERR_NULL_POINTER
        );
        assert_eq!(
            last_error_string(),
            "bridge_table_classify: out_state is NULL"
        );
        // Nullable outputs.
        assert_eq!(bridge_table_incref(t, k, null_mut()), BRIDGE_OK);
        assert_eq!(bridge_table_decref(t, k, null_mut()), BRIDGE_OK);
        assert_eq!(bridge_table_decref(t, k, null_mut()), BRIDGE_OK);
        assert_eq!(log.calls(), vec![(t, k, 5)]);
        // A misaligned output.
        let mut words = [0u64; 2];
        let odd = (words.as_mut_ptr() as *mut u8).wrapping_add(1) as *mut u64;
        assert_eq!(bridge_table_insert(t, 1, odd), BRIDGE_ERR_BAD_ARGUMENT);
        assert!(last_error_string().starts_with("bridge_table_insert: out_key 0x"));
        assert!(last_error_string().ends_with("is not aligned to 8 bytes"));
        assert_eq!(
            stats(t).unwrap().live,
            0,
            "nothing inserted on a failed call"
        );
        assert_eq!(bridge_table_free(t, null_mut()), BRIDGE_OK);
    }
}

#[test]
fn capacity_limits() {
    let _s = serial();
    let t = new_with(None, 2).unwrap();
    assert_eq!(stats(t).unwrap().capacity, 2);
    insert(t, 1).unwrap();
    let k = insert(t, 2).unwrap();
    assert_eq!(
        insert(t, 3),
        Err((
            BRIDGE_ERR_CAPACITY,
            format!("bridge_table_insert: table {t} is full (2 live entries)")
        ))
    );
    decref(t, k).unwrap();
    insert(t, 3).unwrap();
    free(t).unwrap();
    assert_eq!(
        new_with(None, 16_777_216),
        Err((BRIDGE_ERR_BAD_ARGUMENT, "bridge_table_new: capacity: 16777216 is above the maximum 16777215 (0 means the maximum)".into()))
    );
    let t = new_with(None, 16_777_215).unwrap();
    assert_eq!(stats(t).unwrap().capacity, 16_777_215);
    free(t).unwrap();
}

fn hook_during_free(log: &Log, table: u32, _key: u64, payload: u64) {
    let mut seen = log.seen.lock().unwrap();
    if payload == 1 {
        // SAFETY: NULL out_released is allowed.
        seen.push(unsafe { bridge_table_free(table, null_mut()) });
        let mut k = 0;
        // SAFETY: `k` is a live local.
        seen.push(unsafe { bridge_table_insert(table, 9, &mut k) });
        seen.push(bridge_table_destroy(table, key(table, 1, 2)));
        // Another table works as usual from inside.
        let other = payload_table(log);
        // SAFETY: `k` is a live local.
        seen.push(unsafe { bridge_table_insert(other, 7, &mut k) });
    }
}

fn payload_table(_log: &Log) -> u32 {
    OTHER.with(|o| *o.borrow())
}

thread_local! {
    static OTHER: std::cell::RefCell<u32> = const { std::cell::RefCell::new(0) };
}

#[test]
fn reentrant_calls_from_release_callbacks() {
    let _s = serial();
    let other_log = Log::default();
    let other = new(&other_log);
    OTHER.with(|o| *o.borrow_mut() = other);
    let log = Log {
        hook: Some(hook_during_free),
        ..Log::default()
    };
    let t = new(&log);
    insert(t, 1).unwrap();
    insert(t, 2).unwrap();
    assert_eq!(free(t), Ok(2));
    assert_eq!(
        log.seen(),
        vec![
            BRIDGE_ERR_REENTRANT,
            BRIDGE_ERR_REENTRANT,
            BRIDGE_ERR_DESTROYED_KEY,
            BRIDGE_OK
        ]
    );
    assert_eq!(log.calls().len(), 2, "each entry released exactly once");
    assert_eq!(stats(other).unwrap().live, 1);
    free(other).unwrap();
    assert_eq!(other_log.calls().len(), 1);
}

#[test]
fn reentrant_free_message() {
    let _s = serial();
    fn hook(log: &Log, table: u32, _: u64, _: u64) {
        // SAFETY: NULL out_released is allowed.
        let s = unsafe { bridge_table_free(table, null_mut()) };
        log.seen.lock().unwrap().push(s);
        assert_eq!(
            last_error_string(),
            format!("bridge_table_free: table {table} is being freed: bridge_table_free is refused until its release callbacks return")
        );
    }
    let log = Log {
        hook: Some(hook),
        ..Log::default()
    };
    let t = new(&log);
    insert(t, 1).unwrap();
    free(t).unwrap();
    assert_eq!(log.seen(), vec![BRIDGE_ERR_REENTRANT]);
}

#[test]
fn callbacks_may_decref_and_insert_in_their_own_table() {
    let _s = serial();
    // Each released entry's payload is the key of the next one to decref:
    // a chain of releases, each from inside the previous callback.
    fn hook(log: &Log, table: u32, _: u64, payload: u64) {
        let s = if payload != 0 {
            let mut n = 0;
            // SAFETY: `n` is a live local.
            unsafe { bridge_table_decref(table, payload, &mut n) }
        } else {
            let mut k = 0;
            // SAFETY: `k` is a live local.
            unsafe { bridge_table_insert(table, 42, &mut k) }
        };
        log.seen.lock().unwrap().push(s);
    }
    let log = Log {
        hook: Some(hook),
        ..Log::default()
    };
    let t = new(&log);
    let c = insert(t, 0).unwrap();
    let b = insert(t, c).unwrap();
    let a = insert(t, b).unwrap();
    assert_eq!(decref(t, a), Ok(0));
    assert_eq!(log.calls(), vec![(t, a, b), (t, b, c), (t, c, 0)]);
    assert_eq!(log.seen(), vec![BRIDGE_OK; 3]);
    assert_eq!(stats(t).unwrap().live, 1, "the callback's insert");
    assert_eq!(free(t), Ok(1));
    assert_eq!(log.calls().last(), Some(&(t, key(t, 2, 1), 42)));
}

#[test]
fn table_ids_are_round_robin_and_limited_to_255() {
    let _s = serial();
    let a = new_with(None, 1).unwrap();
    let ka = insert(a, 1).unwrap();
    free(a).unwrap();
    let b = new_with(None, 1).unwrap();
    assert_eq!(b, a % 255 + 1, "the next id, not the freed one");
    assert_eq!(
        get(b, ka).unwrap_err().0,
        BRIDGE_ERR_NO_SUCH_TABLE,
        "the key names freed table a"
    );
    assert_eq!(get(a, ka).unwrap_err().0, BRIDGE_ERR_NO_SUCH_TABLE);
    free(b).unwrap();
    // `a` comes back only after the 254 other ids: b, then these 253.
    let mut ids = Vec::new();
    for _ in 0..253 {
        let t = new_with(None, 1).unwrap();
        ids.push(t);
        free(t).unwrap();
    }
    assert!(!ids.contains(&a) && !ids.contains(&b));
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 253);
    assert_eq!(new_with(None, 1).map(|t| (t, free(t))), Ok((a, Ok(0))));

    // All 255 live, then one more.
    let all: Vec<u32> = (0..255).map(|_| new_with(None, 1).unwrap()).collect();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=255).collect::<Vec<_>>());
    assert_eq!(
        new_with(None, 1),
        Err((
            BRIDGE_ERR_TOO_MANY_TABLES,
            "bridge_table_new: all 255 table ids are live".into()
        ))
    );
    // Skips live ids: the only free id is the one handed out.
    free(all[100]).unwrap();
    assert_eq!(new_with(None, 1), Ok(all[100]));
    for t in all {
        free(t).unwrap();
    }
}

#[test]
fn slots_retire_at_the_last_generation() {
    let _s = serial();
    let t = new_table_for_test(0, 3);
    let mut keys = Vec::new();
    for g in 1..=3 {
        let k = insert(t, g.into()).unwrap();
        assert_eq!(k, key(t, g, 1));
        keys.push(k);
        decref(t, k).unwrap();
    }
    assert_eq!(stats(t).unwrap().retired, 1);
    assert_eq!(
        insert(t, 9),
        Ok(key(t, 1, 2)),
        "a fresh slot, not generation 4"
    );
    assert_eq!(get(t, keys[2]).unwrap_err().0, BRIDGE_ERR_STALE_KEY);
    assert_eq!(get(t, key(t, 4, 1)).unwrap_err().0, BRIDGE_ERR_FORGED_KEY);
    free(t).unwrap();
}

#[test]
fn the_real_last_generation_is_2_pow_21_minus_1() {
    let _s = serial();
    let t = new_with(None, 1).unwrap();
    let mut last = 0;
    for _ in 0..BRIDGE_KEY_MAX_GENERATION {
        last = insert(t, 0).unwrap();
        destroy(t, last).unwrap();
    }
    assert_eq!(last, key(t, BRIDGE_KEY_MAX_GENERATION, 1));
    assert_eq!(last >> 24 & 0x1f_ffff, 0x1f_ffff);
    assert_eq!(stats(t).unwrap().retired, 1);
    assert_eq!(insert(t, 0), Ok(key(t, 1, 2)));
    assert_eq!(get(t, last).unwrap_err().0, BRIDGE_ERR_DESTROYED_KEY);
    free(t).unwrap();
}

#[test]
fn tables_are_shared_across_threads() {
    let _s = serial();
    let t = new_with(None, 0).unwrap();
    let k = std::thread::spawn(move || insert(t, 77).unwrap())
        .join()
        .unwrap();
    assert_eq!(get(t, k), Ok(77));
    free(t).unwrap();
}

/// A random walk checked against a model: live count, refcounts, and each
/// entry released exactly once with its payload.
#[test]
fn model_walk() {
    let _s = serial();
    let log = Log::default();
    let t = new(&log);
    let mut model: HashMap<u64, (u64, u32)> = HashMap::new();
    let mut dead: Vec<u64> = Vec::new();
    let mut released: Vec<(u32, u64, u64)> = Vec::new();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for step in 0..5000u64 {
        let r = next();
        let live: Vec<u64> = {
            let mut v: Vec<u64> = model.keys().copied().collect();
            v.sort();
            v
        };
        match r % 6 {
            0 | 1 => {
                let k = insert(t, step).unwrap();
                assert!(model.insert(k, (step, 1)).is_none());
            }
            2 if !live.is_empty() => {
                let k = live[(r >> 8) as usize % live.len()];
                let e = model.get_mut(&k).unwrap();
                e.1 += 1;
                assert_eq!(incref(t, k), Ok(e.1));
            }
            3 if !live.is_empty() => {
                let k = live[(r >> 8) as usize % live.len()];
                let e = model.get_mut(&k).unwrap();
                e.1 -= 1;
                assert_eq!(decref(t, k), Ok(e.1));
                if e.1 == 0 {
                    released.push((t, k, e.0));
                    model.remove(&k);
                    dead.push(k);
                }
            }
            4 if !live.is_empty() => {
                let k = live[(r >> 8) as usize % live.len()];
                destroy(t, k).unwrap();
                released.push((t, k, model.remove(&k).unwrap().0));
                dead.push(k);
            }
            _ if !dead.is_empty() => {
                let k = dead[(r >> 8) as usize % dead.len()];
                let s = classify_key(t, k);
                assert!(s == BRIDGE_KEY_STALE || s == BRIDGE_KEY_DESTROYED, "{s}");
                assert!(get(t, k).is_err());
            }
            _ => {}
        }
        assert_eq!(stats(t).unwrap().live as usize, model.len());
    }
    assert_eq!(log.calls(), released);
    for (k, (p, _)) in &model {
        assert_eq!(get(t, *k), Ok(*p));
    }
    assert_eq!(free(t), Ok(model.len() as u64));
    assert_eq!(log.calls().len(), released.len() + model.len());
}
