//! CPython's own test suite in our runtime: `cargo xtask cpython-tests`
//! (every test file, or the ones named) and the CI subset `cargo xtask test`
//! runs. The `test` package comes from the CPython source tarball, extracted
//! once into the cache (`cpython-tests-<key>/test`, key: the tarball's
//! sha256); `bridge-js/tests/cpython/run.mjs` runs each file in a fresh
//! runtime in its own Node process and mounts the folder with `mountNodeFS`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{self, run};
use crate::sources::{Tarball, CPYTHON_VERSION};
use crate::ui::{note, Result};

pub const RUNNER: &str = "bridge-js/tests/cpython/run.mjs";
pub const SUBSET: &str = "bridge-js/tests/cpython/subset.txt";

/// The folder holding CPython's `test` package.
pub fn test_package(cache: &Path, tarball: &Tarball) -> Result<PathBuf> {
    let key = paths::key(&[RECIPE_VERSION, "cpython-tests", &tarball.sha256]);
    let entry = CacheEntry::new(cache, "cpython-tests", &key);
    if entry.is_done() {
        note(format!("cached: {}", entry.dir.join("test").display()));
        return Ok(entry.dir.clone());
    }
    let tmp = entry.start()?;
    run(Command::new("tar")
        .arg("-xf")
        .arg(&tarball.path)
        .arg("-C")
        .arg(tmp)
        .arg("--strip-components=2")
        .arg(format!("Python-{CPYTHON_VERSION}/Lib/test")))?;
    proc::require_file(&tmp.join("test/__init__.py"), "CPython's test package")?;
    entry.finish()?;
    Ok(entry.dir.clone())
}

/// `node run.mjs --lib DIR ARGS…` from the repo's root.
pub fn run_suite(lib: &Path, args: &[String]) -> Result<()> {
    let runner = paths::repo().join(RUNNER);
    proc::require_file(&runner, RUNNER)?;
    run(Command::new("node")
        .arg(&runner)
        .arg("--lib")
        .arg(lib)
        .args(args)
        .current_dir(paths::repo()))
}
