//! C sources from Debian's source archive: CPython 3.13.5 and the C libraries
//! its extension modules need (zlib, bzip2, xz-utils' liblzma, SQLite).
//!
//! A `deb-src` entry for trixie is derived from the machine's own apt sources
//! (never written into the repository), then `apt-get source --download-only`
//! fetches the upstream tarballs into the cache. Users may supply their own
//! tarballs through `BRIDGE_CPYTHON_TARBALL`, `BRIDGE_ZLIB_TARBALL`,
//! `BRIDGE_BZIP2_TARBALL`, `BRIDGE_XZ_TARBALL` and `BRIDGE_SQLITE_TARBALL`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::proc::{self, run};
use crate::ui::{note, step, Context, Result};
use crate::{bail, err};

pub const CPYTHON_VERSION: &str = "3.13.5";
pub const CPYTHON_ORIG: &str = "python3.13_3.13.5.orig.tar.xz";
pub const CPYTHON_SHA256: &str = "93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640";
const CPYTHON_SRC_PKG: &str = "python3.13";
const SUITE: &str = "trixie";

const DEB_SRC_FILE: &str = "/etc/apt/sources.list.d/pybridge-src-trixie.sources";
const DEBIAN_SOURCES: &str = "/etc/apt/sources.list.d/debian.sources";
const LEGACY_SOURCES: &str = "/etc/apt/sources.list";

/// A verified source tarball.
pub struct Tarball {
    pub path: PathBuf,
    pub sha256: String,
}

pub struct Sources {
    pub cpython: Tarball,
    pub zlib: Tarball,
    pub bzip2: Tarball,
    pub xz: Tarball,
    pub sqlite: Tarball,
}

pub const LUA_VERSION: &str = "5.4.7";
pub const LUA_ORIG: &str = "lua5.4_5.4.7.orig.tar.gz";
pub const LUA_SHA256: &str = "9fbf5e28ef86c69858f6d3d34eccc32e911c1a28b4120ff3e84aaa70cfbf1e30";
const LUA_SRC_PKG: &str = "lua5.4";

/// The Lua 5.4.7 source (Debian's `lua5.4` upstream tarball), or
/// `BRIDGE_LUA_TARBALL`; the sha256 is checked either way.
pub fn lua(cache: &Path) -> Result<Tarball> {
    let dir = cache.join("sources");
    fs::create_dir_all(&dir)?;
    if let Some(p) = std::env::var_os("BRIDGE_LUA_TARBALL").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(p);
        proc::require_file(&path, "BRIDGE_LUA_TARBALL")?;
        let sha = proc::sha256_file(&path)?;
        if sha != LUA_SHA256 {
            bail!(
                "BRIDGE_LUA_TARBALL={} has sha256 {sha}, expected {LUA_SHA256} (the Lua {LUA_VERSION} tarball)",
                path.display()
            );
        }
        return Ok(Tarball { path, sha256: sha });
    }
    let path = dir.join(LUA_ORIG);
    for attempt in 0..2 {
        if path.is_file() {
            let sha = proc::sha256_file(&path)?;
            if sha == LUA_SHA256 {
                note(format!("{} (sha256 ok)", path.display()));
                return Ok(Tarball { path, sha256: sha });
            }
            note(format!(
                "{} has sha256 {sha}, expected {LUA_SHA256}; downloading again",
                path.display()
            ));
            fs::remove_file(&path)?;
        }
        if attempt == 0 {
            apt_source_download(LUA_SRC_PKG, &dir)?;
        }
    }
    Err(err!(
        "could not get {LUA_ORIG} with sha256 {LUA_SHA256}: looked in {} after `apt-get source --download-only {LUA_SRC_PKG}`; \
         set BRIDGE_LUA_TARBALL to a copy of the Lua {LUA_VERSION} source tarball",
        dir.display()
    ))
}

pub fn fetch(cache: &Path) -> Result<Sources> {
    let dir = cache.join("sources");
    fs::create_dir_all(&dir)?;
    let cpython = step("CPython 3.13.5 source", || cpython(&dir))?;
    let lib = |l: &DebianLib| step(&format!("{} source", l.pkg), || debian_lib(cache, l));
    Ok(Sources {
        cpython,
        zlib: lib(&ZLIB)?,
        bzip2: lib(&BZIP2)?,
        xz: lib(&XZ)?,
        sqlite: lib(&SQLITE)?,
    })
}

fn cpython(dir: &Path) -> Result<Tarball> {
    if let Some(p) = std::env::var_os("BRIDGE_CPYTHON_TARBALL").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(p);
        proc::require_file(&path, "BRIDGE_CPYTHON_TARBALL")?;
        let sha = proc::sha256_file(&path)?;
        if sha != CPYTHON_SHA256 {
            bail!(
                "BRIDGE_CPYTHON_TARBALL={} has sha256 {sha}, expected {CPYTHON_SHA256} (the CPython {CPYTHON_VERSION} tarball)",
                path.display()
            );
        }
        note(format!(
            "using BRIDGE_CPYTHON_TARBALL={} (sha256 ok)",
            path.display()
        ));
        return Ok(Tarball { path, sha256: sha });
    }
    let path = dir.join(CPYTHON_ORIG);
    for attempt in 0..2 {
        if path.is_file() {
            let sha = proc::sha256_file(&path)?;
            if sha == CPYTHON_SHA256 {
                note(format!("{} (sha256 ok)", path.display()));
                return Ok(Tarball { path, sha256: sha });
            }
            note(format!(
                "{} has sha256 {sha}, expected {CPYTHON_SHA256}; downloading again",
                path.display()
            ));
            fs::remove_file(&path)?;
        }
        if attempt == 0 {
            apt_source_download(CPYTHON_SRC_PKG, dir)?;
        }
    }
    Err(err!(
        "could not get {CPYTHON_ORIG} with sha256 {CPYTHON_SHA256}: looked in {} after `apt-get source --download-only {CPYTHON_SRC_PKG}`; \
         set BRIDGE_CPYTHON_TARBALL to a copy of the CPython {CPYTHON_VERSION} source tarball",
        dir.display()
    ))
}

/// A C library taken from Debian's source archive as its newest upstream
/// `<prefix>_<version>.orig.tar.*`, or from the file an environment variable
/// names. Not pinned: the tarball's sha256 goes into the cache keys.
pub struct DebianLib {
    /// Source package name for `apt-get source`.
    pub pkg: &'static str,
    /// What the upstream tarball's name starts with (`<prefix>_`).
    pub prefix: &'static str,
    /// Environment variable that supplies a tarball instead.
    pub env: &'static str,
}

pub const ZLIB: DebianLib = DebianLib {
    pkg: "zlib",
    prefix: "zlib",
    env: "BRIDGE_ZLIB_TARBALL",
};
pub const BZIP2: DebianLib = DebianLib {
    pkg: "bzip2",
    prefix: "bzip2",
    env: "BRIDGE_BZIP2_TARBALL",
};
pub const XZ: DebianLib = DebianLib {
    pkg: "xz-utils",
    prefix: "xz-utils",
    env: "BRIDGE_XZ_TARBALL",
};
pub const SQLITE: DebianLib = DebianLib {
    pkg: "sqlite3",
    prefix: "sqlite3",
    env: "BRIDGE_SQLITE_TARBALL",
};

/// The newest `<prefix>_*.orig.tar.*` in `dir` (not its `.asc` signature, nor
/// a secondary `orig-<part>` tarball such as sqlite3's documentation).
fn find_orig(dir: &Path, prefix: &str) -> Result<Option<PathBuf>> {
    let mut found = Vec::new();
    for e in fs::read_dir(dir)? {
        let name = e?.file_name().to_string_lossy().into_owned();
        if is_orig(&name, prefix) {
            found.push(dir.join(name));
        }
    }
    found.sort();
    Ok(found.pop())
}

fn is_orig(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|r| r.starts_with('_'))
        && name.contains(".orig.tar.")
        && !name.ends_with(".asc")
        && !name.ends_with(".sig")
}

pub fn debian_lib(cache: &Path, lib: &DebianLib) -> Result<Tarball> {
    let dir = cache.join("sources");
    fs::create_dir_all(&dir)?;
    if let Some(p) = std::env::var_os(lib.env).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(p);
        proc::require_file(&path, lib.env)?;
        let sha = proc::sha256_file(&path)?;
        note(format!(
            "using {}={} (sha256 {sha})",
            lib.env,
            path.display()
        ));
        return Ok(Tarball { path, sha256: sha });
    }
    let path = match find_orig(&dir, lib.prefix)? {
        Some(p) => p,
        None => {
            apt_source_download(lib.pkg, &dir)?;
            find_orig(&dir, lib.prefix)?.ok_or_else(|| {
                err!(
                    "no {}_*.orig.tar.* in {} after `apt-get source --download-only {}`; set {}",
                    lib.prefix,
                    dir.display(),
                    lib.pkg,
                    lib.env
                )
            })?
        }
    };
    let sha = proc::sha256_file(&path)?;
    note(format!("{} (sha256 {sha})", path.display()));
    Ok(Tarball { path, sha256: sha })
}

/// `apt-get source --download-only <pkg>` in `dir`, creating the deb-src entry first
/// and refreshing the package lists when needed.
fn apt_source_download(pkg: &str, dir: &Path) -> Result<()> {
    let created = ensure_deb_src()?;
    let download = |dir: &Path| {
        let mut c = Command::new("apt-get");
        // `--only-source`: `bzip2` is also a binary package name, and apt would
        // otherwise look for the source of the installed (older suite's) binary.
        c.args([
            "source",
            "--download-only",
            "--only-source",
            "-q",
            &format!("{pkg}/{SUITE}"),
        ])
        .current_dir(dir);
        proc::run_status(&mut c)
    };
    // Download into a scratch folder so an interrupted download never looks complete.
    // Only the upstream `.orig.tar.*` is needed: some mirrors serve it but not the
    // `.dsc`/`.debian.tar.*`, which makes apt-get exit non-zero; judge by the file.
    let scratch = dir.join(format!(".download-{pkg}-{}", std::process::id()));
    fs::create_dir_all(&scratch)?;
    let has_orig = |d: &Path| -> Result<bool> {
        Ok(fs::read_dir(d)?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains(".orig.tar.")))
    };
    let mut ok = !created && {
        download(&scratch)?;
        has_orig(&scratch)?
    };
    if !ok {
        apt_update()?;
        download(&scratch)?;
        ok = has_orig(&scratch)?;
    }
    if !ok {
        bail!(
            "`apt-get source --download-only {pkg}/{SUITE}` did not fetch the {pkg} .orig tarball into {} (deb-src entry: {DEB_SRC_FILE}); \
             check the machine's apt sources, or supply the tarball through the environment (see docs/build.md)",
            scratch.display()
        );
    }
    for e in fs::read_dir(&scratch)? {
        let e = e?;
        let name = e.file_name();
        if name.to_string_lossy().contains(".orig.tar.") {
            fs::rename(e.path(), dir.join(&name))?;
        }
    }
    fs::remove_dir_all(&scratch)?;
    Ok(())
}

pub fn apt_update() -> Result<()> {
    run(Command::new("apt-get").args(["update", "-q"]))
}

/// Writes the deb-src entry, derived from the first stanza of the machine's own
/// Debian apt sources. Returns true if it was created or changed.
fn ensure_deb_src() -> Result<bool> {
    let entry = derive_deb_src()?;
    if fs::read_to_string(DEB_SRC_FILE).ok().as_deref() == Some(entry.as_str()) {
        return Ok(false);
    }
    if !proc::is_root() {
        bail!("need root to write the deb-src entry {DEB_SRC_FILE} (or set BRIDGE_CPYTHON_TARBALL and the BRIDGE_<LIB>_TARBALL variables, see docs/build.md)");
    }
    fs::write(DEB_SRC_FILE, &entry).context(|| format!("writing {DEB_SRC_FILE}"))?;
    note(format!(
        "wrote {DEB_SRC_FILE} (derived from the machine's apt sources)"
    ));
    Ok(true)
}

fn derive_deb_src() -> Result<String> {
    if let Ok(text) = fs::read_to_string(DEBIAN_SOURCES) {
        if let Some(e) = deb_src_from_deb822(&text) {
            return Ok(e);
        }
    }
    if let Ok(text) = fs::read_to_string(LEGACY_SOURCES) {
        if let Some(e) = deb_src_from_one_line(&text) {
            return Ok(e);
        }
    }
    bail!("could not derive a deb-src entry: no usable Debian stanza in {DEBIAN_SOURCES} nor a `deb` line in {LEGACY_SOURCES}")
}

/// First stanza of a deb822 sources file, with `Types: deb-src` and `Suites: trixie`.
fn deb_src_from_deb822(text: &str) -> Option<String> {
    let stanza: Vec<&str> = text
        .lines()
        .skip_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    if !stanza.iter().any(|l| l.starts_with("URIs:")) {
        return None;
    }
    let mut out = String::from("# Written by `cargo xtask` to fetch CPython and C library sources (derived from debian.sources).\n");
    for l in stanza {
        let key = l.split(':').next().unwrap_or("");
        match key {
            "Types" => out.push_str("Types: deb-src\n"),
            "Suites" => out.push_str(&format!("Suites: {SUITE}\n")),
            "Components" => out.push_str("Components: main\n"),
            _ => {
                out.push_str(l);
                out.push('\n');
            }
        }
    }
    Some(out)
}

/// The same from a one-line-style sources.list: the first `deb` line's URI.
fn deb_src_from_one_line(text: &str) -> Option<String> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("deb "))?;
    let uri = line
        .split_whitespace()
        .skip(1)
        .find(|w| !w.starts_with('['))?;
    Some(format!("# Written by `cargo xtask` (derived from sources.list).\nTypes: deb-src\nURIs: {uri}\nSuites: {SUITE}\nComponents: main\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deb822_first_stanza_becomes_deb_src_trixie() {
        let text = "Types: deb\n# comment\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /k.gpg\n\nTypes: deb\nURIs: http://other.example\n";
        let e = deb_src_from_deb822(text).unwrap();
        assert!(e.contains("Types: deb-src\n"));
        assert!(e.contains("URIs: http://mirror.example/debian\n"));
        assert!(e.contains("Suites: trixie\n"));
        assert!(e.contains("Signed-By: /k.gpg\n"));
        assert!(!e.contains("other.example"));
        assert!(!e.contains("bookworm"));
    }

    #[test]
    fn orig_tarballs_are_told_from_signatures_and_doc_tarballs() {
        assert!(is_orig("sqlite3_3.46.1.orig.tar.xz", "sqlite3"));
        assert!(!is_orig("sqlite3_3.46.1.orig-www.tar.xz", "sqlite3"));
        assert!(is_orig("xz-utils_5.8.1.orig.tar.xz", "xz-utils"));
        assert!(!is_orig("xz-utils_5.8.1.orig.tar.xz.asc", "xz-utils"));
        assert!(!is_orig("zlib1g_1.3.orig.tar.gz", "zlib"));
        assert!(!is_orig("bzip2_1.0.8-6.debian.tar.bz2", "bzip2"));
    }

    #[test]
    fn one_line_sources_become_deb_src_trixie() {
        let e =
            deb_src_from_one_line("# x\ndeb [arch=amd64] http://m.example/debian bookworm main\n")
                .unwrap();
        assert!(e.contains("URIs: http://m.example/debian\n"));
        assert!(deb_src_from_one_line("# nothing\n").is_none());
    }
}
