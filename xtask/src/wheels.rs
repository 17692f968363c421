//! Real pure-Python wheels from PyPI for the tests of `loadPackage` /
//! `micropip` (pytest runs inside the runtime): downloaded once with pip,
//! pinned by version and sha256, cached outside the clone, and copied to
//! `target/test-wheels/` where the conformance server (127.0.0.1) serves them.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::paths::{self, CacheEntry, RECIPE_VERSION};
use crate::proc::{capture, run};
use crate::ui::{note, Context, Result};

/// `(file name, sha256)`: pytest 9.2 and its dependencies on Python 3.13, and attrs.
pub const WHEELS: &[(&str, &str)] = &[
    (
        "pytest-9.2.0-py3-none-any.whl",
        "07acdcf88ec174f907dc01af70bf52d49b014bbab03faeeade31c96b18c2e588",
    ),
    (
        "iniconfig-2.3.1-py3-none-any.whl",
        "9121e2c1fdb355232495be3194c8dfe87ccc2d5dee45947b78e68f499790d7a7",
    ),
    (
        "packaging-26.4-py3-none-any.whl",
        "81383611a09c1bc0b08b76e0fd5829d7c6824c65b27a6aee339da133f4233ea2",
    ),
    (
        "pluggy-1.7.0-py3-none-any.whl",
        "7dd7b0d8832ba3cb632c306926ded123429211b83641b35dc5c41ad2d34f9bec",
    ),
    (
        "pygments-2.21.0-py3-none-any.whl",
        "2363c69b61c4a97c838da3b130dcd6468f4848992b21a82f2a63ec34377137d9",
    ),
    (
        "attrs-26.1.0-py3-none-any.whl",
        "c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309",
    ),
];

/// Where the tests find the wheels (inside the clone, gitignored).
pub fn served_dir() -> PathBuf {
    paths::repo().join("target/test-wheels")
}

/// `name==version --hash=sha256:…` lines for `pip download --require-hashes`.
fn requirements(wheels: &[(&str, &str)]) -> String {
    wheels
        .iter()
        .map(|(file, sha)| {
            let mut parts = file.splitn(3, '-');
            let name = parts.next().unwrap_or_default();
            let version = parts.next().unwrap_or_default();
            format!("{name}=={version} --hash=sha256:{sha}\n")
        })
        .collect()
}

/// Download (once) and copy the wheels to [`served_dir`].
pub fn fetch() -> Result<PathBuf> {
    let dir = download("test-wheels", WHEELS)?;
    let out = served_dir();
    fs::create_dir_all(&out)?;
    for (file, _) in WHEELS {
        paths::copy(&dir.join(file), &out.join(file))
            .context(|| format!("copying the test wheel {file}"))?;
    }
    Ok(out)
}

/// Downloads pinned wheels (file name, sha256) from PyPI once, into the cache
/// entry `<name>-<key>/`, which it returns.
pub fn download(name: &str, wheels: &[(&str, &str)]) -> Result<PathBuf> {
    let reqs = requirements(wheels);
    let key = paths::key(&[RECIPE_VERSION, name, &reqs]);
    let entry = CacheEntry::new(&paths::cache()?, name, &key);
    if entry.is_done() {
        note(format!("cached: {}", entry.dir.display()));
    } else {
        if capture(Command::new("python3").args(["-m", "pip", "--version"])).is_err() {
            crate::bail!("downloading wheels from PyPI needs pip: install the apt package python3-pip (or pip for your python3)");
        }
        let tmp = entry.start()?;
        let req_file = tmp.join("requirements.txt");
        fs::write(&req_file, &reqs)?;
        run(Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--require-hashes",
                "--disable-pip-version-check",
                "--dest",
            ])
            .arg(tmp)
            .arg("-r")
            .arg(&req_file))?;
        fs::remove_file(&req_file)?;
        entry.finish()?;
    }
    Ok(entry.dir.clone())
}
