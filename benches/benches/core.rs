//! bridge-core against its baselines, side by side in one run:
//!
//! * handle table `get` and `insert` + `decref`/`destroy` vs a bare
//!   `slotmap::SlotMap` (`get`, `insert` + `remove`);
//! * string codec vs `String::from_utf16` and `str::encode_utf16`.
//!
//! Every pair is measured twice: by criterion (full statistics, in
//! `target/criterion`), and then by an interleaved pass that alternates
//! ours/baseline for many short rounds and keeps each side's fastest round,
//! which cancels most of the drift a shared machine adds. Both ratios are
//! printed at the end; the target is <= 1.50 for every row.
//!
//! Run: `cargo bench -p benches --bench core`
//! Quick: `cargo bench -p benches --bench core -- --warm-up-time 0.5 --measurement-time 1`

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bridge_core::codec;
use bridge_core::handle::{HandleTable, PyRef};
use criterion::Criterion;
use slotmap::{DefaultKey, SlotMap};

/// Entries per table-benchmark iteration.
const N: usize = 1024;

type Work = Box<dyn FnMut() -> u64>;

/// One row: our routine beside the baseline doing the same work.
struct Pair {
    group: &'static str,
    name: String,
    ours: (&'static str, Work),
    base: (&'static str, Work),
}

/// Keys visited in a scrambled but fixed order.
fn order() -> Vec<usize> {
    (0..N).map(|i| (i * 617) % N).collect()
}

fn table_pairs() -> Vec<Pair> {
    let mut pairs = Vec::new();

    let order = order();
    let mut sm: SlotMap<DefaultKey, u64> = SlotMap::new();
    let sm_keys: Vec<DefaultKey> = (0..N as u64).map(|i| sm.insert(i)).collect();
    let sm_keys: Vec<DefaultKey> = order.iter().map(|&i| sm_keys[i]).collect();
    let mut t: HandleTable<PyRef, u64> = HandleTable::new();
    let t_keys: Vec<PyRef> = (0..N as u64).map(|i| t.insert(i).unwrap()).collect();
    let t_keys: Vec<PyRef> = order.iter().map(|&i| t_keys[i]).collect();
    pairs.push(Pair {
        group: "table",
        name: "get".into(),
        ours: (
            "handle_table_get",
            Box::new(move || t_keys.iter().map(|&k| *t.get(k).unwrap_or(&0)).sum()),
        ),
        base: (
            "slotmap_get",
            Box::new(move || sm_keys.iter().map(|&k| *sm.get(k).unwrap_or(&0)).sum()),
        ),
    });

    let slotmap_insert_remove = || -> Work {
        let mut sm: SlotMap<DefaultKey, u64> = SlotMap::with_capacity(N);
        let mut keys = Vec::with_capacity(N);
        Box::new(move || {
            for i in 0..N as u64 {
                keys.push(sm.insert(i));
            }
            keys.drain(..).map(|k| sm.remove(k).unwrap_or(0)).sum()
        })
    };
    let mut t: HandleTable<PyRef, u64> = HandleTable::new();
    let mut keys = Vec::with_capacity(N);
    pairs.push(Pair {
        group: "table",
        name: "insert+decref".into(),
        ours: (
            "handle_table_insert_decref",
            Box::new(move || {
                for i in 0..N as u64 {
                    keys.push(t.insert(i).unwrap());
                }
                keys.drain(..)
                    .map(|k| t.decref(k).ok().flatten().unwrap_or(0))
                    .sum()
            }),
        ),
        base: ("slotmap_insert_remove", slotmap_insert_remove()),
    });
    let mut t: HandleTable<PyRef, u64> = HandleTable::new();
    let mut keys = Vec::with_capacity(N);
    pairs.push(Pair {
        group: "table",
        name: "insert+destroy".into(),
        ours: (
            "handle_table_insert_destroy",
            Box::new(move || {
                for i in 0..N as u64 {
                    keys.push(t.insert(i).unwrap());
                }
                keys.drain(..).map(|k| t.destroy(k).unwrap_or(0)).sum()
            }),
        ),
        base: ("slotmap_insert_remove", slotmap_insert_remove()),
    });
    pairs
}

/// Inputs of about 8 KiB of UTF-8 each.
fn texts() -> Vec<(&'static str, String)> {
    let rep = |s: &str| s.repeat(8192 / s.len() + 1);
    vec![
        (
            "ascii",
            rep("The quick brown fox jumps over the lazy dog. 0123456789 "),
        ),
        (
            "latin1",
            rep("Le cœur déçu mais l'âme plutôt naïve, Louÿs rêva de crapaüter. "),
        ),
        (
            "cyrillic",
            rep("Съешь же ещё этих мягких французских булок, да выпей чаю. "),
        ),
        (
            "cjk",
            rep("我能吞下玻璃而不伤身体。私はガラスを食べられます。"),
        ),
        ("emoji", rep("ok 😀🎉👍🏽 fine 🚀 ")),
    ]
}

fn codec_pairs() -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (text, s) in texts() {
        let u: Vec<u16> = s.encode_utf16().collect();
        let from_utf16 = |u: Vec<u16>| -> Work {
            Box::new(move || String::from_utf16(&u).map_or(0, |s| s.len() as u64))
        };
        let encode_utf16 = |s: String| -> Work {
            Box::new(move || s.encode_utf16().collect::<Vec<u16>>().len() as u64)
        };
        let (u1, u2) = (u.clone(), u.clone());
        pairs.push(Pair {
            group: "utf16_to_utf8",
            name: format!("utf16_to_string {text}"),
            ours: (
                "utf16_to_string",
                Box::new(move || codec::utf16_to_string(&u1).map_or(0, |s| s.len() as u64)),
            ),
            base: ("std_from_utf16", from_utf16(u.clone())),
        });
        pairs.push(Pair {
            group: "utf16_to_utf8",
            name: format!("utf16_to_wtf8 {text}"),
            ours: (
                "utf16_to_wtf8",
                Box::new(move || codec::utf16_to_wtf8(&u2).len() as u64),
            ),
            base: ("std_from_utf16", from_utf16(u)),
        });
        let (s1, s2) = (s.clone(), s.clone());
        pairs.push(Pair {
            group: "utf8_to_utf16",
            name: format!("str_to_utf16 {text}"),
            ours: (
                "str_to_utf16",
                Box::new(move || codec::str_to_utf16(&s1).len() as u64),
            ),
            base: ("std_encode_utf16", encode_utf16(s.clone())),
        });
        pairs.push(Pair {
            group: "utf8_to_utf16",
            name: format!("wtf8_to_utf16 {text}"),
            ours: (
                "wtf8_to_utf16",
                Box::new(move || codec::wtf8_to_utf16(s2.as_bytes()).map_or(0, |u| u.len() as u64)),
            ),
            base: ("std_encode_utf16", encode_utf16(s)),
        });
    }
    pairs
}

/// Criterion function id of one side of a pair (also its directory name
/// under `<criterion dir>/<group>/`).
fn function_id(p: &Pair, routine: &str) -> String {
    format!("{routine}-{}", p.name.replace([' ', '+'], "_"))
}

fn criterion_dir() -> PathBuf {
    std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"))
}

/// Median point estimate (ns) of one benchmark, from criterion's JSON.
fn criterion_median_ns(dir: &Path, id: &str) -> Option<f64> {
    let json = std::fs::read_to_string(dir.join(id).join("new/estimates.json")).ok()?;
    let after = &json[json.find("\"median\"")?..];
    let after = &after[after.find("\"point_estimate\":")? + "\"point_estimate\":".len()..];
    let end = after.find([',', '}'])?;
    after[..end].trim().parse().ok()
}

/// Fastest per-call time (ns) of each side over alternating rounds.
fn interleaved_ns(p: &mut Pair, rounds: u32) -> (f64, f64) {
    // Calibrate: calls per round for ~2 ms.
    let t = Instant::now();
    let mut calls = 0u32;
    while t.elapsed() < Duration::from_millis(2) {
        black_box((p.ours.1)());
        calls += 1;
    }
    let calls = calls.max(1);
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        for (side, slot) in [(&mut p.ours.1, &mut best.0), (&mut p.base.1, &mut best.1)] {
            let t = Instant::now();
            for _ in 0..calls {
                black_box(side());
            }
            *slot = slot.min(t.elapsed().as_nanos() as f64 / f64::from(calls));
        }
    }
    best
}

fn main() {
    let dir = criterion_dir();
    let mut c = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    let mut pairs: Vec<Pair> = table_pairs().into_iter().chain(codec_pairs()).collect();
    for p in pairs.iter_mut() {
        let mut g = c.benchmark_group(p.group);
        let (ours_id, base_id) = (function_id(p, p.ours.0), function_id(p, p.base.0));
        g.bench_function(base_id, |b| b.iter(&mut p.base.1));
        g.bench_function(ours_id, |b| b.iter(&mut p.ours.1));
        g.finish();
    }
    c.final_summary();

    // `cargo bench -- <filter>` / `--list` runs: only report what ran.
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let filter = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && a.parse::<f64>().is_err())
        .cloned();
    println!("\nratios, ours / baseline (target <= 1.50):");
    println!(
        "  {:<26} {:>11} {:>11}   {:>22}",
        "row", "interleaved", "criterion", "interleaved ns (ours/base)"
    );
    let mut worst: f64 = 0.0;
    for p in pairs.iter_mut() {
        let ours_id = format!("{}/{}", p.group, function_id(p, p.ours.0));
        let base_id = format!("{}/{}", p.group, function_id(p, p.base.0));
        if filter
            .as_ref()
            .is_some_and(|f| !ours_id.contains(f.as_str()) && !base_id.contains(f.as_str()))
        {
            continue;
        }
        let (o, b) = interleaved_ns(p, 30);
        let r = o / b;
        worst = worst.max(r);
        let crit = match (
            criterion_median_ns(&dir, &ours_id),
            criterion_median_ns(&dir, &base_id),
        ) {
            (Some(o), Some(b)) => format!("{:.2}", o / b),
            _ => "-".into(),
        };
        println!(
            "  {:<26} {:>11.2} {:>11}   {:>10.0} / {:<10.0}",
            p.name, r, crit, o, b
        );
    }
    println!(
        "  worst interleaved ratio: {worst:.2}{}",
        if worst <= 1.5 { "" } else { "  ABOVE TARGET" }
    );
}
