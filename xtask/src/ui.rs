//! Step reporting: every step prints its name on entry and its duration on exit,
//! and the whole run ends with a table of step timings.

use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// An xtask failure: a message that says what was missing or what failed, and where.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(format!("I/O error: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Builds an [`Error`] from a format string: `bail!("x missing in {dir}")`.
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => { return Err($crate::ui::Error(format!($($arg)*))) };
}

/// Formats an [`Error`] without returning it.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::ui::Error(format!($($arg)*)) };
}

/// Adds a context line in front of an error.
pub trait Context<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| Error(format!("{}: {e}", what())))
    }
}

struct Record {
    name: String,
    took: Duration,
    outcome: &'static str,
}

static RECORDS: Mutex<Vec<Record>> = Mutex::new(Vec::new());
static DEPTH: Mutex<usize> = Mutex::new(0);

fn indent() -> String {
    "  ".repeat(*DEPTH.lock().unwrap())
}

/// Runs `f` as a named step, printing its start, its duration and whether it failed.
pub fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("{}==> {name}", indent());
    *DEPTH.lock().unwrap() += 1;
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    *DEPTH.lock().unwrap() -= 1;
    let outcome = if out.is_ok() { "ok" } else { "FAILED" };
    println!(
        "{}<== {name}: {outcome} in {}",
        indent(),
        fmt_duration(took)
    );
    RECORDS.lock().unwrap().push(Record {
        name: format!("{}{name}", indent()),
        took,
        outcome,
    });
    out
}

/// Prints an informational line inside the current step.
pub fn note(msg: impl AsRef<str>) {
    println!("{}    {}", indent(), msg.as_ref());
}

pub fn fmt_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 60.0 {
        format!("{}m{:04.1}s", (s / 60.0).floor() as u64, s % 60.0)
    } else {
        format!("{s:.1}s")
    }
}

/// Prints every finished step with its duration (in completion order).
pub fn print_timings() {
    let records = RECORDS.lock().unwrap();
    if records.is_empty() {
        return;
    }
    println!("\nstep timings:");
    for r in records.iter() {
        println!("  {:>9}  {:<6} {}", fmt_duration(r.took), r.outcome, r.name);
    }
}
