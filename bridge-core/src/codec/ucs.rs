//! PEP 393 helpers: CPython stores a `str` as Latin-1, UCS-2 or UCS-4 code
//! points. UCS-2 *is* UTF-16 without pairs, so it needs no helper.

use crate::error::BridgeError;

/// Latin-1 (PEP 393 1-byte kind) -> UTF-16.
pub fn latin1_to_utf16(bytes: &[u8]) -> Vec<u16> {
    bytes.iter().map(|&b| u16::from(b)).collect()
}

/// Code points (PEP 393 4-byte kind; lone surrogates allowed) -> UTF-16.
/// Above U+10FFFF is [`BridgeError::InvalidCodePoint`].
pub fn ucs4_to_utf16(cps: &[u32]) -> Result<Vec<u16>, BridgeError> {
    let mut out = Vec::with_capacity(cps.len());
    for (offset, &cp) in cps.iter().enumerate() {
        match cp {
            0..=0xffff => out.push(cp as u16),
            0x1_0000..=0x10_ffff => {
                let c = cp - 0x1_0000;
                out.push(0xd800 | (c >> 10) as u16);
                out.push(0xdc00 | (c & 0x3ff) as u16);
            }
            _ => return Err(BridgeError::InvalidCodePoint { offset, value: cp }),
        }
    }
    Ok(out)
}

/// UTF-16 -> code points as Python counts them: a pair is one code point, a
/// lone surrogate is itself.
pub fn utf16_to_ucs4(units: &[u16]) -> Vec<u32> {
    char::decode_utf16(units.iter().copied())
        .map(|r| match r {
            Ok(c) => u32::from(c),
            Err(e) => u32::from(e.unpaired_surrogate()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep393_kinds() {
        assert_eq!(latin1_to_utf16(b"a\xe9\xff"), vec![0x61, 0xe9, 0xff]);
        assert_eq!(
            ucs4_to_utf16(&[0x61, 0x1f600, 0xd800]).unwrap(),
            vec![0x61, 0xd83d, 0xde00, 0xd800]
        );
        assert_eq!(
            utf16_to_ucs4(&[0x61, 0xd83d, 0xde00, 0xd800]),
            vec![0x61, 0x1f600, 0xd800]
        );
        let e = ucs4_to_utf16(&[0x41, 0x110000]).unwrap_err();
        assert_eq!(
            e,
            BridgeError::InvalidCodePoint {
                offset: 1,
                value: 0x110000
            }
        );
    }
}
