//! Eight bytes at a time: the tests the byte walks use to jump over bytes they would not act
//! on (a `u64` read from a slice, no `unsafe`, no SIMD). Each test is exact for "some byte of
//! the word": the carries of the subtraction reach past the first such byte only.

/// Eight ones, a byte each.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` from `i` as a little-endian word, where there are eight.
#[inline(always)]
pub(crate) fn word(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()).map(u64::from_le_bytes)
}

/// Non-zero when some byte of `w` is under `n` (`n` at most 0x80).
#[inline(always)]
pub(crate) fn has_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES.wrapping_mul(n as u64)) & !w & HIGHS
}

/// Non-zero when some byte of `w` is `c`.
#[inline(always)]
pub(crate) fn has(w: u64, c: u8) -> u64 {
    has_below(w ^ ONES.wrapping_mul(c as u64), 1)
}

/// Non-zero when some byte of `w` is 0x80 or above.
#[inline(always)]
pub(crate) fn has_high(w: u64) -> u64 {
    w & HIGHS
}

/// The first index from `i` on whose byte `stops` (`b.len()` if none): eight bytes at a time
/// while `any` of the word is zero (`any` must be non-zero for every word holding a byte that
/// `stops`), then a byte at a time. The walks over the text use it to pass the bytes they do
/// not act on.
#[inline(always)]
pub(crate) fn skip(b: &[u8], mut i: usize, any: impl Fn(u64) -> u64, stops: impl Fn(u8) -> bool) -> usize {
    while let Some(w) = word(b, i) {
        if any(w) != 0 {
            break;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| !stops(x)) {
        i += 1;
    }
    i
}

/// Checks a walk that jumps eight bytes at a time (`jump(bytes, i)`: the first index from `i`
/// on whose byte `stops`, or the length) against a byte-at-a-time walk, at every position of
/// texts up to 69 bytes long drawn from `pool` and plain letters (mostly letters, so that long
/// runs without a stop occur).
#[cfg(test)]
pub(crate) fn check_jump(pool: &[u8], mut seed: u32, jump: fn(&[u8], usize) -> usize, stops: fn(u8) -> bool) {
    for len in 0..70 {
        for _ in 0..40 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    if (seed >> 16) % 4 == 0 { pool[(seed >> 20) as usize % pool.len()] } else { b'a' + (seed >> 24) as u8 % 26 }
                })
                .collect();
            for i in 0..=len {
                let want = (i..len).find(|&k| stops(bytes[k])).unwrap_or(len);
                assert_eq!(jump(&bytes, i), want, "{bytes:?} from {i}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tests_agree_with_the_bytes() {
        let mut seed = 3u32;
        let interesting = [0u8, 1, 0x1F, 0x20, 0x21, 0x22, 0x2E, 0x7F, 0x80, 0x81, 0xC2, 0xE2, 0xFF];
        for _ in 0..20_000 {
            let bytes: [u8; 8] = std::array::from_fn(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if (seed >> 16) % 3 == 0 { interesting[(seed >> 20) as usize % interesting.len()] } else { (seed >> 24) as u8 }
            });
            let w = word(&bytes, 0).unwrap();
            for c in interesting {
                assert_eq!(has(w, c) != 0, bytes.contains(&c), "{bytes:?} {c}");
                if c <= 0x80 {
                    assert_eq!(has_below(w, c) != 0, bytes.iter().any(|&b| b < c), "{bytes:?} < {c}");
                }
            }
            assert_eq!(has_high(w) != 0, bytes.iter().any(|&b| b >= 0x80), "{bytes:?}");
        }
        assert_eq!(word(&[1, 2, 3], 0), None);
    }
}
