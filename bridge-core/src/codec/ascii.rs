//! ASCII run detection, shared by both codec directions.

/// Length of the ASCII prefix of `b`. Short runs (the common case inside
/// non-Latin text) are scanned one byte at a time; past 8 bytes, 16 at a
/// time.
#[inline]
pub(crate) fn ascii_run_u8(b: &[u8]) -> usize {
    let head = b.len().min(8);
    match b[..head].iter().position(|&x| x >= 0x80) {
        Some(n) => return n,
        None if head == b.len() => return head,
        None => {}
    }
    let mut i = head;
    for c in b[head..].chunks_exact(16) {
        if !c.is_ascii() {
            break;
        }
        i += 16;
    }
    i + b[i..]
        .iter()
        .position(|&x| x >= 0x80)
        .unwrap_or(b.len() - i)
}

/// Length of the prefix of `u` whose units are all `< 0x80` (same shape as
/// [`ascii_run_u8`]).
#[inline]
pub(crate) fn ascii_run_u16(u: &[u16]) -> usize {
    let head = u.len().min(8);
    match u[..head].iter().position(|&x| x >= 0x80) {
        Some(n) => return n,
        None if head == u.len() => return head,
        None => {}
    }
    let mut i = head;
    for c in u[head..].chunks_exact(8) {
        if c.iter().fold(0u16, |acc, &x| acc | x) >= 0x80 {
            break;
        }
        i += 8;
    }
    i + u[i..]
        .iter()
        .position(|&x| x >= 0x80)
        .unwrap_or(u.len() - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        assert_eq!(ascii_run_u8(b""), 0);
        assert_eq!(ascii_run_u8(b"abc"), 3);
        let mut v = vec![b'a'; 40];
        assert_eq!(ascii_run_u8(&v), 40);
        v[33] = 0xc3;
        assert_eq!(ascii_run_u8(&v), 33);
        v[3] = 0x80;
        assert_eq!(ascii_run_u8(&v), 3);
        let mut u = vec![0x41u16; 20];
        assert_eq!(ascii_run_u16(&u), 20);
        u[17] = 0x80;
        assert_eq!(ascii_run_u16(&u), 17);
        u[0] = 0xd800;
        assert_eq!(ascii_run_u16(&u), 0);
    }
}
