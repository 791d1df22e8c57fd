//! Byte offsets → UTF-16 code units, from one table built once per text.
//!
//! The core works in byte offsets; JavaScript and the DOM count UTF-16 code units. The table
//! keeps the UTF-16 offset at every 64th byte, so a lookup costs at most 64 bytes of scanning
//! and the table is 1/16 the size of the text.

const STRIDE: usize = 64;

/// Converts byte offsets of one text into UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    checkpoints: Vec<u32>,
    ascii: bool,
    len: usize,
}

#[inline]
fn units(lead: u8) -> usize {
    // UTF-16 units contributed by the character that starts with this byte; continuation
    // bytes contribute nothing.
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xBF => 0,
        0xC0..=0xEF => 1,
        _ => 2,
    }
}

/// The UTF-16 units of the characters starting in `bytes`, a byte at a time: in the wasm
/// build the eight-byte count below measured no faster and is 79 B more of the gzip module.
#[cfg(target_arch = "wasm32")]
fn units_in(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| units(b)).sum()
}

/// The UTF-16 units of the characters starting in `bytes`, eight bytes at a time (the
/// look-ups scan up to a stride of bytes, for every offset the JSON is given): 2% of the
/// CLI's instructions.
#[cfg(not(target_arch = "wasm32"))]
fn units_in(bytes: &[u8]) -> usize {
    use crate::swar::{word, HIGHS, ONES};
    let mut n = 0;
    let mut i = 0;
    while let Some(w) = word(bytes, i) {
        // per byte: 1, less 1 for a continuation byte (10xxxxxx), plus 1 for the lead byte of
        // a four-byte character (11110xxx: a surrogate pair); the eight (each at most 2)
        // summed by one multiplication
        let cont = w & !(w << 1) & HIGHS;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGHS;
        let per_byte = ONES - (cont >> 7) + (four >> 7);
        n += (per_byte.wrapping_mul(ONES) >> 56) as usize;
        i += 8;
    }
    n + bytes.get(i..).unwrap_or(&[]).iter().map(|&b| units(b)).sum::<usize>()
}

impl Utf16Index {
    /// Builds the table for `text` (one pass).
    pub fn new(text: &str) -> Utf16Index {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Utf16Index { checkpoints: Vec::new(), ascii: true, len: bytes.len() };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut acc = 0usize;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(acc as u32);
            acc += units_in(chunk);
        }
        checkpoints.push(acc as u32);
        Utf16Index { checkpoints, ascii: false, len: bytes.len() }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length). `text` must
    /// be the text the index was built from.
    pub fn utf16(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.len);
        if self.ascii {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints[block] as usize;
        let from = block * STRIDE;
        base + units_in(&text.as_bytes()[from..byte])
    }

    /// The UTF-16 length of the whole text.
    pub fn len_utf16(&self, text: &str) -> usize {
        self.utf16(text, self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_naive_count_at_every_boundary() {
        let samples = [
            "plain ascii text",
            "“Curly” quotes — and «guillemets»",
            "emoji 🎬 outside the BMP 📺 twice\r\nCRLF",
            &"é🎬x".repeat(100),
        ];
        for text in samples {
            let idx = Utf16Index::new(text);
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(idx.utf16(text, b), naive(text, b), "{text:?} at {b}");
            }
        }
    }

    #[test]
    fn eight_bytes_at_a_time_count_as_one_at_a_time() {
        // every byte value, in runs of every length and alignment
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).chain([0xF0, 0xF4, 0xBF, 0x80, 0xC2, 0xE2, 0x41]).collect();
        for a in 0..40 {
            for b in a..bytes.len() {
                let one: usize = bytes[a..b].iter().map(|&x| units(x)).sum();
                assert_eq!(units_in(&bytes[a..b]), one, "{a}..{b}");
            }
        }
    }

    #[test]
    fn out_of_range_clamps() {
        let t = "a🎬";
        assert_eq!(Utf16Index::new(t).utf16(t, 99), 3);
    }
}
