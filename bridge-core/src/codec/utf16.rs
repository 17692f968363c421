//! UTF-16 -> WTF-8 / UTF-8.

use super::ascii::ascii_run_u16;
use crate::error::BridgeError;

/// UTF-16 -> WTF-8. Never fails: pairs become 4-byte characters, lone
/// surrogates 3-byte sequences (`ED A0..BF xx`).
pub fn utf16_to_wtf8(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::new();
    utf16_to_wtf8_into(units, &mut out);
    out
}

/// Append the WTF-8 form of `units` to `out`.
pub fn utf16_to_wtf8_into(units: &[u16], out: &mut Vec<u8>) {
    out.reserve(units.len());
    let mut i = ascii_run_u16(units);
    out.extend(units[..i].iter().map(|&u| u as u8));
    while let Some(&u) = units.get(i) {
        if u < 0x80 {
            let run = ascii_run_u16(&units[i..]);
            out.extend(units[i..i + run].iter().map(|&u| u as u8));
            i += run;
            continue;
        }
        let u = u32::from(u);
        if u < 0x800 {
            out.extend_from_slice(&[0xc0 | (u >> 6) as u8, 0x80 | (u & 0x3f) as u8]);
            i += 1;
            continue;
        }
        if (0xd800..0xdc00).contains(&u) {
            if let Some(&lo) = units
                .get(i + 1)
                .filter(|&&lo| (0xdc00..0xe000).contains(&lo))
            {
                let cp = 0x1_0000 + ((u - 0xd800) << 10) + (u32::from(lo) - 0xdc00);
                out.extend_from_slice(&[
                    0xf0 | (cp >> 18) as u8,
                    0x80 | ((cp >> 12) & 0x3f) as u8,
                    0x80 | ((cp >> 6) & 0x3f) as u8,
                    0x80 | (cp & 0x3f) as u8,
                ]);
                i += 2;
                continue;
            }
        }
        // Any other BMP unit, lone surrogates included: three bytes.
        out.extend_from_slice(&[
            0xe0 | (u >> 12) as u8,
            0x80 | ((u >> 6) & 0x3f) as u8,
            0x80 | (u & 0x3f) as u8,
        ]);
        i += 1;
    }
}

/// Strict UTF-16 -> `String`: a lone surrogate is
/// [`BridgeError::LoneSurrogate`] (same acceptance as `String::from_utf16`).
pub fn utf16_to_string(units: &[u16]) -> Result<String, BridgeError> {
    // Without `unsafe` there is no unchecked `Vec<u8>` -> `String`, and
    // re-validating costs as much as encoding. So: ASCII runs go through a
    // small byte buffer (validated by `from_utf8`, a vectorized ASCII check
    // there), single ASCII units and everything else are pushed as `char`s.
    let mut out = String::with_capacity(units.len());
    let mut buf = [0u8; 64];
    let mut push_ascii = |out: &mut String, run: &[u16]| {
        for chunk in run.chunks(buf.len()) {
            for (b, &u) in buf.iter_mut().zip(chunk) {
                *b = u as u8;
            }
            if let Ok(s) = std::str::from_utf8(&buf[..chunk.len()]) {
                out.push_str(s);
            }
        }
    };
    let mut i = ascii_run_u16(units);
    push_ascii(&mut out, &units[..i]);
    while let Some(&u) = units.get(i) {
        if u < 0x80 {
            let run = ascii_run_u16(&units[i..]);
            if run < 16 {
                out.extend(units[i..i + run].iter().map(|&u| char::from(u as u8)));
            } else {
                push_ascii(&mut out, &units[i..i + run]);
            }
            i += run;
            continue;
        }
        let (cp, n) = if (0xd800..0xdc00).contains(&u) {
            match units
                .get(i + 1)
                .filter(|&&lo| (0xdc00..0xe000).contains(&lo))
            {
                Some(&lo) => (
                    0x1_0000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00),
                    2,
                ),
                None => return Err(BridgeError::LoneSurrogate { offset: i, unit: u }),
            }
        } else {
            (u32::from(u), 1)
        };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => return Err(BridgeError::LoneSurrogate { offset: i, unit: u }),
        }
        i += n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_std_on_valid_text() {
        for s in [
            "",
            "abc",
            "h\u{e9}llo w\u{f6}rld",
            "\u{20ac}1",
            "a\u{1f600}b",
            "\u{10ffff}\u{0}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}",
        ] {
            let u: Vec<u16> = s.encode_utf16().collect();
            assert_eq!(utf16_to_wtf8(&u), s.as_bytes());
            assert_eq!(utf16_to_string(&u).unwrap(), s);
        }
    }

    #[test]
    fn lone_surrogates() {
        // Python: "a\ud800b".encode("utf-8", "surrogatepass")
        assert_eq!(utf16_to_wtf8(&[0x61, 0xd800, 0x62]), b"a\xed\xa0\x80b");
        assert_eq!(
            utf16_to_wtf8(&[0xdc00, 0xd800]),
            b"\xed\xb0\x80\xed\xa0\x80"
        );
        assert_eq!(utf16_to_wtf8(&[0xd800]), b"\xed\xa0\x80");
        let e = utf16_to_string(&[0x61, 0x62, 0xdc00]).unwrap_err();
        assert_eq!(
            e,
            BridgeError::LoneSurrogate {
                offset: 2,
                unit: 0xdc00
            }
        );
        assert!(e.to_string().contains("0xdc00"));
        assert_eq!(
            utf16_to_string(&[0xd800, 0x41]),
            Err(BridgeError::LoneSurrogate {
                offset: 0,
                unit: 0xd800
            })
        );
    }
}
