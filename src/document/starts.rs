//! [`Starts`]: how many of a sorted list's items start before a byte, from a table of blocks
//! and a search of one block's items. The detectors ask this of the sentences, paragraphs,
//! quotations and each cue list at every cue and token; a binary search over every sentence
//! or cue of a long text misses the cache at almost every step (11% of the analysis of 10 MB
//! went to such searches).

/// Bytes per block: a block holds a few sentences or cues of a list, and the table costs four
/// bytes per kilobyte of text.
const BLOCK: usize = 1024;

/// An item with a start offset (one copy of the code per kind of item: spans, quotations,
/// cues).
pub(crate) trait Start {
    fn start(&self) -> usize;
}

impl Start for crate::span::Span {
    fn start(&self) -> usize {
        self.start
    }
}

impl Start for super::QuotePair {
    fn start(&self) -> usize {
        self.span.start
    }
}

impl Start for crate::lexicon::Cue {
    fn start(&self) -> usize {
        self.span().start
    }
}

/// For each block of [`BLOCK`] bytes of the text, how many items start before it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Starts {
    first: Vec<u32>,
}

impl Starts {
    /// The table of `items`, sorted by start, in a text of `len` bytes.
    #[inline(never)]
    pub(crate) fn new<T: Start>(len: usize, items: &[T]) -> Starts {
        // one block more than the text covers, so every offset up to `len` has a next block
        let blocks = len / BLOCK + 2;
        let mut first = Vec::with_capacity(blocks);
        let mut i = 0;
        for b in 0..blocks {
            while i < items.len() && items[i].start() < b * BLOCK {
                i += 1;
            }
            first.push(i as u32);
        }
        Starts { first }
    }

    /// How many of `items` (as given to [`Starts::new`]) start before `pos`.
    #[inline(never)]
    pub(crate) fn before<T: Start>(&self, items: &[T], pos: usize) -> usize {
        let n = items.len();
        let b = pos / BLOCK;
        // past the table (beyond the text's end): every item starts before `pos`
        let (Some(&lo), Some(&hi)) = (self.first.get(b), self.first.get(b + 1)) else { return n };
        let (mut a, mut z) = (lo as usize, (hi as usize).min(n));
        while a < z {
            let m = a + (z - a) / 2;
            if items[m].start() < pos {
                a = m + 1;
            } else {
                z = m;
            }
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn agrees_with_a_binary_search_of_the_whole_list() {
        // dense and sparse runs, repeats, an empty stretch of several blocks, the text's end
        let mut starts: Vec<usize> = (0..3000).map(|i| i * 7 / 3).collect();
        starts.extend([9000, 9000, 9001, 12_287, 12_288, 12_289, 20_000]);
        let spans: Vec<Span> = starts.iter().map(|&s| Span::new(s, s)).collect();
        let len = 20_000;
        let ix = Starts::new(len, &spans);
        for pos in (0..len + 3 * BLOCK).filter(|p| p % 97 == 0 || (p % BLOCK) < 3 || *p > len - 3) {
            assert_eq!(ix.before(&spans, pos), starts.partition_point(|&s| s < pos), "at {pos}");
        }
        let none: [Span; 0] = [];
        assert_eq!(Starts::new(0, &none).before(&none, 5), 0);
    }
}
