//! A small, fast, non-cryptographic hasher for the analysis's own look-up tables (names by
//! surname, phrase sources by label). The keys come from one article, not from an attacker
//! who could choose collisions, so SipHash's protection buys nothing here; this is the
//! multiply-rotate hash of Firefox and rustc ("FxHash"), and it keeps the wasm small.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher: one multiply and rotate per word of input.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // little-endian words of 8 bytes, the last one padded with zeros and marked with its
        // length; gathered a byte at a time (keys are short names: `copy_from_slice` into a
        // word was a call per word in the size-optimised wasm)
        let mut word = 0u64;
        let mut n = 0;
        for &b in bytes {
            word |= (b as u64) << (8 * n);
            n += 1;
            if n == 8 {
                self.add(word);
                word = 0;
                n = 0;
            }
        }
        if n > 0 {
            self.add(word ^ ((n as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, k) in ["trump", "putin", "peskov", "a", "", "abcdefgh", "abcdefghi"].iter().enumerate() {
            m.insert(k.to_string(), i);
        }
        assert_eq!(m.get("peskov"), Some(&2));
        assert_eq!(m.get("abcdefghi"), Some(&6));
        assert_eq!(m.get("nobody"), None);
        let h = |s: &str| {
            let mut x = FxHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("a"), h("a\0"));
    }
}

/// The value `key` has in `map`, made by `make` and kept on its first ask: a repeated key is
/// asked as a `&str`, so it costs no allocation (the per-name caches of the name finder and
/// the clustering).
pub(crate) fn memo(map: &mut FxHashMap<String, usize>, key: &str, make: impl FnOnce() -> usize) -> usize {
    if let Some(&v) = map.get(key) {
        return v;
    }
    let v = make();
    map.insert(key.to_string(), v);
    v
}
