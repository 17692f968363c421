//! Reads the import section of a wasm module (module and field names), so the
//! build can refuse a module that imports anything from `env`. A small parser of
//! the binary format: `wasm-objdump` prints `module.field`, which is ambiguous when
//! a module name contains dots (wasm-bindgen's `./bridge_js_bg.js`).

use std::path::Path;

use crate::ui::{Context, Result};
use crate::{bail, err};

#[derive(Debug, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| err!("unexpected end of module at byte {}", self.pos))?;
        self.pos += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u64> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            if shift < 64 {
                v |= u64::from(b & 0x7f) << shift;
            }
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 70 {
                bail!("LEB128 too long at byte {}", self.pos);
            }
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| err!("truncated module at byte {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn name(&mut self) -> Result<String> {
        let n = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }

    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 0x01 != 0 {
            self.leb()?;
        }
        if flags & 0x08 != 0 {
            self.leb()?; // custom page size
        }
        Ok(())
    }

    fn value_type(&mut self) -> Result<()> {
        match self.byte()? {
            0x63 | 0x64 => {
                self.leb()?; // (ref null? heaptype)
            }
            _ => {}
        }
        Ok(())
    }
}

/// The imports of the module in `bytes`, in order.
pub fn parse(bytes: &[u8]) -> Result<Vec<Import>> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        bail!("not a wasm module (bad magic)");
    }
    let mut r = Reader { bytes, pos: 8 };
    while r.pos < bytes.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let body = r.take(size)?;
        if id != 2 {
            continue;
        }
        let mut s = Reader {
            bytes: body,
            pos: 0,
        };
        let count = s.leb()?;
        let mut out = Vec::new();
        for _ in 0..count {
            let module = s.name()?;
            let name = s.name()?;
            match s.byte()? {
                0x00 => {
                    s.leb()?;
                }
                0x01 => {
                    s.value_type()?;
                    s.limits()?;
                }
                0x02 => s.limits()?,
                0x03 => {
                    s.value_type()?;
                    s.byte()?;
                }
                0x04 => {
                    s.byte()?;
                    s.leb()?;
                }
                k => bail!("unknown import kind {k:#x} for {module}.{name}"),
            }
            out.push(Import { module, name });
        }
        return Ok(out);
    }
    Ok(Vec::new())
}

pub fn read(path: &Path) -> Result<Vec<Import>> {
    let bytes = std::fs::read(path).context(|| format!("reading {}", path.display()))?;
    parse(&bytes).context(|| format!("reading the imports of {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Vec<u8> {
        let mut v = vec![s.len() as u8];
        v.extend_from_slice(s.as_bytes());
        v
    }

    #[test]
    fn reads_function_memory_and_global_imports() {
        let mut imports = vec![3u8];
        imports.extend(name("wasi_snapshot_preview1"));
        imports.extend(name("fd_write"));
        imports.extend([0x00, 0x01]);
        imports.extend(name("./bridge_js_bg.js"));
        imports.extend(name("__wbg_log"));
        imports.extend([0x00, 0x02]);
        imports.extend(name("env"));
        imports.extend(name("memory"));
        imports.extend([0x02, 0x01, 0x11, 0x80, 0x01]);
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([0x01, 0x01, 0x00]); // an empty type section first
        module.push(0x02);
        module.push(imports.len() as u8);
        module.extend(imports);
        let got = parse(&module).unwrap();
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|i| (i.module.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("wasi_snapshot_preview1", "fd_write"),
                ("./bridge_js_bg.js", "__wbg_log"),
                ("env", "memory")
            ]
        );
    }

    #[test]
    fn rejects_non_wasm_and_truncated_input() {
        assert!(parse(b"hello world").is_err());
        assert!(parse(b"\0asm\x01\0\0\0\x02\x05\x01").is_err());
    }
}
