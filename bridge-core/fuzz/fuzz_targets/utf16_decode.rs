//! Arbitrary UTF-16 (and the same bytes as WTF-8): round trips hold, std
//! agrees, nothing panics.
#![no_main]

use bridge_core::codec;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let wtf8 = codec::utf16_to_wtf8(&units);
    assert_eq!(
        codec::wtf8_to_utf16(&wtf8).expect("our own WTF-8 decodes"),
        units
    );
    match (codec::utf16_to_string(&units), String::from_utf16(&units)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("{a:?} vs {b:?}"),
    }
    assert_eq!(
        codec::ucs4_to_utf16(&codec::utf16_to_ucs4(&units)).expect("valid code points"),
        units
    );

    // The raw bytes as (possibly broken) WTF-8.
    match (codec::wtf8_to_utf16(data), std::str::from_utf8(data)) {
        (Ok(u), Ok(s)) => assert_eq!(u, s.encode_utf16().collect::<Vec<_>>()),
        (Err(e), Ok(_)) => panic!("valid UTF-8 rejected: {e}"),
        (Ok(u), Err(_)) => assert_eq!(
            codec::wtf8_to_utf16(&codec::utf16_to_wtf8(&u)).ok(),
            Some(u)
        ),
        (Err(_), Err(_)) => {}
    }
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(codec::str_to_utf16(s), s.encode_utf16().collect::<Vec<_>>());
    }
});
