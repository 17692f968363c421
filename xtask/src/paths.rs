//! Where things live: the repository, the cache outside it, and cache keys.

use std::fs;
use std::path::{Path, PathBuf};

use crate::ui::{note, Context, Result};

/// Bump when the build recipe changes in a way the other key inputs do not capture.
pub const RECIPE_VERSION: &str = "3";

/// The repository root (the parent of `xtask/`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent dir")
        .to_path_buf()
}

/// The cache for heavy outputs, outside the clone:
/// `$BRIDGE_CACHE_DIR`, else `$XDG_CACHE_HOME/pybridge`, else `$HOME/.cache/pybridge`.
pub fn cache() -> Result<PathBuf> {
    let dir = if let Some(d) = std::env::var_os("BRIDGE_CACHE_DIR").filter(|d| !d.is_empty()) {
        PathBuf::from(d)
    } else if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        PathBuf::from(d).join("pybridge")
    } else if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        PathBuf::from(h).join(".cache/pybridge")
    } else {
        crate::bail!(
            "no cache directory: set BRIDGE_CACHE_DIR (HOME and XDG_CACHE_HOME are unset)"
        );
    };
    fs::create_dir_all(&dir).context(|| format!("creating cache dir {}", dir.display()))?;
    Ok(dir)
}

/// Where the Rust wasm build goes (inside the clone, gitignored `target/`).
pub fn wasm_target_dir() -> PathBuf {
    repo().join("target/wasm")
}

/// A short stable hash (FNV-1a, 64 bit) of the given parts, as 16 hex digits.
pub fn key(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A cached build output: `<cache>/<name>-<key>`. It exists only once complete,
/// because builds happen in a temporary sibling that is renamed at the end.
pub struct CacheEntry {
    pub dir: PathBuf,
    tmp: PathBuf,
}

impl CacheEntry {
    pub fn new(cache: &Path, name: &str, key: &str) -> Self {
        CacheEntry {
            dir: cache.join(format!("{name}-{key}")),
            tmp: cache.join(format!(".tmp-{name}-{key}-{}", std::process::id())),
        }
    }

    /// Removes temporary folders of earlier builds of this entry whose process is
    /// gone (kept after a failure so the log can be read).
    fn remove_stale_tmp(&self) {
        let (Some(parent), Some(own)) = (
            self.tmp.parent(),
            self.tmp.file_name().and_then(|n| n.to_str()),
        ) else {
            return;
        };
        let Some((prefix, _)) = own.rsplit_once('-') else {
            return;
        };
        let Ok(entries) = fs::read_dir(parent) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(pid) = name.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else {
                continue;
            };
            if name != own && pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
                note(format!(
                    "removing {} (left by an interrupted or failed build)",
                    e.path().display()
                ));
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }

    pub fn is_done(&self) -> bool {
        self.dir.join(".complete").is_file()
    }

    /// A fresh temporary directory to build into.
    pub fn start(&self) -> Result<&Path> {
        self.remove_stale_tmp();
        if self.tmp.exists() {
            fs::remove_dir_all(&self.tmp)?;
        }
        fs::create_dir_all(&self.tmp).context(|| format!("creating {}", self.tmp.display()))?;
        Ok(&self.tmp)
    }

    /// Marks the build complete and moves it into place atomically.
    pub fn finish(&self) -> Result<()> {
        fs::write(self.tmp.join(".complete"), b"")?;
        if self.dir.exists() {
            fs::remove_dir_all(&self.dir)
                .context(|| format!("removing stale {}", self.dir.display()))?;
        }
        fs::rename(&self.tmp, &self.dir)
            .context(|| format!("renaming {} to {}", self.tmp.display(), self.dir.display()))?;
        note(format!("cached in {}", self.dir.display()));
        Ok(())
    }
}

/// Copies a file, naming both paths on failure.
pub fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::copy(from, to).context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}
