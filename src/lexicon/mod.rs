//! Cue lexicons: reviewed data files compiled at build time into one sorted phrase table and
//! a table of closed word classes.
//!
//! Each `*.txt` file beside this module is one [`List`]: one phrase a line, `#` starts a
//! comment, and a line may end in `| tag`: one of the [`Tag`]s `build.rs` declares for that
//! list (such as a denial subtype), or in the lists of names a canonical name
//! ([`canonical`]). Matching is ASCII case-insensitive, on whole words only, and
//! treats the apostrophes `'` and `’` alike. All lists are matched in one pass over the text
//! ([`scan`]), overlapping matches included, so detectors never rescan.
//!
//! `build.rs` turns the files into one table ([`PREFIXES`] and [`PACKED`], front-coded;
//! [`index`] unpacks it when first asked): every phrase once per list it is in, with one space between words,
//! ASCII lower case and `’` written `'`, sorted by its bytes (then list, then line), each
//! followed by its list number and tag number. Sorted phrases are an implicit
//! trie: the entries that start with a given prefix form one run of the table, so [`scan`]
//! walks the text from each word start narrowing that run byte by byte (two binary searches a
//! byte) and reports every entry the run begins with on the way. The walk stops where no
//! phrase continues, at most the longest phrase's length after its start, so the scan is
//! linear in the text; a word whose leading ASCII letters and digits begin no entry (a bit
//! per hash of each entry's) is skipped without a walk. Nothing is built when the program
//! starts but [`index`]: the unpacked table, the entries' offsets, the runs by first one and
//! two bytes, those bits, the sketch [`lookup`] checks first and the hash table of the
//! distinct phrases it then probes (about 0.25 ms natively, once; 0.1 ms before the table was
//! shipped front-coded and the word classes and phrases hashed). The closed word classes of [`List::Words`] are a
//! table of their own, [`WORDS`] (each word once, with its classes; front-coded too), put in
//! a small hash table by the index and only looked up ([`is`]), never scanned.

use crate::chars::is_ascii_alnum;
use crate::span::Span;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// One lexicon hit in the text; 12 bytes (offsets as `u32`: [`scan`] reads at most 4 GiB, as
/// the tokenizer does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    start: u32,
    end: u32,
    /// The list it belongs to.
    pub list: List,
    /// The tag written after `|` on its line ([`Tag::None`] when none or a name).
    pub tag: Tag,
}

impl Cue {
    /// A hit at `span` (under 4 GiB).
    pub(crate) fn new(span: Span, list: List, tag: Tag) -> Cue {
        Cue { start: span.start as u32, end: span.end as u32, list, tag }
    }
    /// Where the phrase matched.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The table, where each entry starts (one more at the end), and the runs of entries that
/// start with one byte (`first[b]..first[b + 1]`) or two (`two`, by byte class).
struct Index {
    /// [`PREFIXES`] and [`PACKED`] unpacked: entries sorted by phrase, each its phrase's bytes, a list byte
    /// and a tag id byte.
    table: Vec<u8>,
    starts: Vec<u16>,
    first: [u16; 257],
    /// Per byte: 0 when no phrase has it, else its class (1, 2, …).
    class: [u8; 256],
    classes: usize,
    /// Per pair of classes: the run of entries (at least two bytes long) starting with those
    /// two bytes, as `lo | hi << 16`.
    two: Vec<u32>,
    /// An open-addressing hash table of the distinct phrases by [`word_hash`]: 0 for an empty
    /// slot, else one more than the phrase's first entry; a power of two long, at most half full.
    phrases: Vec<u16>,
    /// A bit per (list, length, first and last byte) of the entries as a text may write them
    /// ([`sketch_of`]).
    sketch: Vec<u64>,
    /// A bit per [`lead`] of the entries (their leading ASCII letters and digits): a word of
    /// the text whose own leading run has no bit starts no phrase ([`scan`] skips it).
    leads: Vec<u64>,
    /// The distinct phrases of the closed word classes: where each is in `word_text`, and a
    /// bit per tag (by id) its entries carry ([`is`]).
    words: Vec<(u16, u16, u128)>,
    /// [`WORDS`] unpacked: each word, the number of its classes, their tag ids.
    word_text: Vec<u8>,
    /// An open-addressing hash table of `words` by [`word_hash`]: 0 for an empty slot, else
    /// one more than the word's index; a power of two long, at most half full.
    slots: Vec<u16>,
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        // the table, unpacked from its front-coded form: after a phrase, its list and tag
        let table = unfront(PREFIXES, PACKED, TABLE_LEN, |_| 1);
        let mut starts = Vec::with_capacity(ENTRIES + 1);
        let mut first = [0u16; 257];
        let mut class = [0u8; 256];
        let mut classes = 0;
        let mut at = 0;
        while at < table.len() {
            starts.push(at as u16);
            // entries are sorted: count them by first byte, then sum the counts up
            first[table[at] as usize + 1] += 1;
            while table[at] >= 0x20 {
                let c = &mut class[table[at] as usize];
                if *c == 0 {
                    classes += 1;
                    *c = classes as u8;
                }
                at += 1;
            }
            at += 2;
        }
        starts.push(at as u16);
        for b in 1..first.len() {
            first[b] += first[b - 1];
        }
        let width = classes + 1;
        let mut two = vec![0u32; width * width];
        for e in 0..ENTRIES {
            let s = starts[e] as usize;
            if starts[e + 1] as usize - s > 3 {
                let slot = &mut two[class[table[s] as usize] as usize * width + class[table[s + 1] as usize] as usize];
                if *slot == 0 {
                    *slot = e as u32;
                }
                *slot = (*slot & 0xFFFF) | (e as u32 + 1) << 16;
            }
        }
        let mut ix = Index { table, starts, first, class, classes, two, phrases: Vec::new(), sketch: vec![0u64; SKETCH_BITS / 64], leads: vec![0u64; SKETCH_BITS / 64], words: Vec::new(), word_text: Vec::new(), slots: Vec::new() };
        for e in 0..ENTRIES {
            let phrase = ix.phrase(e);
            if let (Some(&first), Some(&last)) = (phrase.first(), phrase.last()) {
                let (list, len, lead_bit) = (ix.meta(e).0 as u8, phrase.len(), lead(phrase).0);
                // the bits of the phrase as a text may write it, any of its `'` as `’` (three
                // bytes, E2 80 99): a word is checked against them before it is folded
                // (a superset of those forms: no word of the phrase is turned away)
                let apostrophes = phrase.iter().filter(|&&b| b == b'\'').count();
                for curly in 0..=apostrophes {
                    for f in [first, if first == b'\'' { 0xE2 } else { first }] {
                        for l in [last, if last == b'\'' { 0x99 } else { last }] {
                            set_bit(&mut ix.sketch, sketch_of(list, len + 2 * curly, f, l));
                        }
                    }
                }
                set_bit(&mut ix.leads, lead_bit);
            }
        }
        // the distinct phrases' first entries, by hash (equal phrases are neighbours)
        let firsts: Vec<usize> = (0..ENTRIES).filter(|&e| e == 0 || ix.phrase(e) != ix.phrase(e - 1)).collect();
        let mut phrases = vec![0u16; (firsts.len() * 2).next_power_of_two()];
        let mask = phrases.len() - 1;
        for &e in &firsts {
            let mut at = word_hash(ix.phrase(e)) as usize & mask;
            while phrases[at] != 0 {
                at = (at + 1) & mask;
            }
            phrases[at] = e as u16 + 1;
        }
        ix.phrases = phrases;
        // the closed word classes: each word, its number of classes, their tags
        let text = unfront(WORD_PREFIXES, WORDS, WORDS_LEN, |n| n as usize);
        let mut words: Vec<(u16, u16, u128)> = Vec::with_capacity(WORD_PREFIXES.len());
        let mut at = 0;
        while at < text.len() {
            let start = at;
            while text[at] >= 0x20 {
                at += 1;
            }
            let end = at;
            let n = text[at] as usize;
            let classes = text[at + 1..at + 1 + n].iter().fold(0u128, |m, &tag| m | 1 << tag);
            words.push((start as u16, end as u16, classes));
            at += 1 + n;
        }
        let mut slots = vec![0u16; (words.len() * 2).next_power_of_two()];
        let mask = slots.len() - 1;
        for (w, &(s, e, _)) in words.iter().enumerate() {
            let mut at = word_hash(&text[s as usize..e as usize]) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = w as u16 + 1;
        }
        ix.words = words;
        ix.word_text = text;
        ix.slots = slots;
        ix
    })
}

/// A front-coded table written out (`build.rs` writes it so): entry `i` is the first
/// `prefixes[i]` bytes of the entry before, then its rest from `packed`: the phrase's last
/// bytes up to a byte under 0x20, that byte `b`, and `tail(b)` more bytes. `len` is the
/// written-out length.
fn unfront(prefixes: &[u8], packed: &[u8], len: usize, tail: fn(u8) -> usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    let (mut prev, mut at) = (0, 0);
    for &k in prefixes {
        let start = out.len();
        out.extend_from_within(prev..prev + k as usize);
        let rest = &packed[at..];
        let n = rest.iter().position(|&b| b < 0x20).map_or(rest.len(), |n| (n + 1 + tail(rest[n])).min(rest.len()));
        out.extend_from_slice(&rest[..n]);
        at += n;
        prev = start;
    }
    out
}

impl Index {
    /// Entry `i`'s phrase.
    #[inline(always)]
    fn phrase(&self, i: usize) -> &[u8] {
        &self.table[self.starts[i] as usize..self.starts[i + 1] as usize - 2]
    }

    /// The length of entry `i`'s phrase (without reading the table).
    #[inline(always)]
    fn len(&self, i: usize) -> usize {
        self.starts[i + 1] as usize - self.starts[i] as usize - 2
    }

    /// Entry `i`'s list and tag.
    #[inline(always)]
    fn meta(&self, i: usize) -> (List, u8) {
        let end = self.starts[i + 1] as usize;
        (LISTS[self.table[end - 2] as usize], self.table[end - 1])
    }

    /// Byte `k` of entry `m`'s phrase (0 past the table's end).
    #[inline(always)]
    fn byte(&self, m: usize, k: usize) -> u8 {
        self.starts.get(m).and_then(|&s| self.table.get(s as usize + k)).copied().unwrap_or(0)
    }

    /// The run of entries (at least two bytes long) that start with bytes `a` then `b`, in
    /// one look-up; empty when either byte is in no phrase (class 0 has no runs).
    #[inline(always)]
    fn pair(&self, a: u8, b: u8) -> (usize, usize) {
        let run = self.two[self.class[a as usize] as usize * (self.classes + 1) + self.class[b as usize] as usize];
        ((run & 0xFFFF) as usize, (run >> 16) as usize)
    }

    /// The run of entries that start with `first` (`lo..hi`, all longer than `k`) narrowed
    /// to those whose byte `k` is `c`.
    #[inline(always)]
    fn step(&self, lo: usize, hi: usize, k: usize, first: u8, c: u8) -> (usize, usize) {
        if k == 1 {
            self.pair(first, c)
        } else {
            self.narrow(lo, hi, k, c)
        }
    }

    /// Narrows `lo..hi` (entries longer than `k` sharing their first `k` bytes, not empty) to
    /// those whose byte `k` is `c`.
    #[inline]
    fn narrow(&self, lo: usize, hi: usize, k: usize, c: u8) -> (usize, usize) {
        // every entry in the run is longer than k, so byte k is a phrase byte
        // (`byte` called directly, not through a closure: the size-optimised wasm build would
        // call the closure for every probe)
        // most steps are inside one phrase or where none goes on: no search then
        let (low, high) = (self.byte(lo, k), self.byte(hi - 1, k));
        if c < low || c > high {
            return (lo, lo);
        }
        if low == high {
            return (lo, hi);
        }
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let m = (a + b) / 2;
            if self.byte(m, k) < c { a = m + 1 } else { b = m }
        }
        let lo = a;
        b = hi;
        while a < b {
            let m = (a + b) / 2;
            if self.byte(m, k) <= c { a = m + 1 } else { b = m }
        }
        (lo, a)
    }
}

/// The byte at `i` as phrases are written (ASCII lower case, `’` as `'`), and where the next
/// one starts.
#[inline(always)]
pub(crate) fn fold(text: &[u8], i: usize) -> (u8, usize) {
    match text[i] {
        0xE2 if text.get(i + 1) == Some(&0x80) && text.get(i + 2) == Some(&0x99) => (b'\'', i + 3),
        b => (b.to_ascii_lowercase(), i + 1),
    }
}

#[inline(always)]
fn is_word_byte(b: u8) -> bool {
    is_ascii_alnum(b) || b >= 0x80
}

/// True when `text[start]` does not continue a word: the text starts there, or a byte that is
/// not a letter or digit stands before it (typographic punctuation included).
#[inline(always)]
fn before_ok(text: &[u8], start: usize) -> bool {
    start == 0 || {
        let b = text[start - 1];
        // A non-ASCII byte before is part of a letter unless it ends typographic punctuation
        // (quote marks, dashes and the like all end in a 0x80..=0xBF byte after 0xE2 0x80).
        !is_word_byte(b) || (start >= 3 && text[start - 3] == 0xE2 && text[start - 2] == 0x80)
            || (start >= 2 && text[start - 2] == 0xC2) // «, », nbsp
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
fn whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let after_ok = end >= text.len() || {
        let b = text[end];
        !is_word_byte(b) || b == 0xE2 || b == 0xC2
    };
    let first = text[start];
    let last = text[end - 1];
    // Patterns that begin or end with punctuation bring their own boundary.
    (before_ok(text, start) || !is_word_byte(first)) && (after_ok || !is_word_byte(last))
}

/// True when only white space and quote marks or sentence punctuation stand between `at` and
/// the previous sentence end (or the text's start).
fn sentence_start(text: &[u8], at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.iter().rposition(|&b| !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b'(')).map_or(0, |p| p + 1);
    if trimmed == 0 {
        return true;
    }
    let last = before[trimmed - 1];
    matches!(last, b'.' | b'!' | b'?' | b':' | b'\n')
        || before[..trimmed].ends_with("\u{201d}".as_bytes())
        || before[..trimmed].ends_with("\u{201c}".as_bytes())
        || before[..trimmed].ends_with("\u{2014}".as_bytes())
}

/// True when the word after `end` is capitalised too, as in a headline in title case
/// (`Obama Says He Will Veto`).
fn title_case_next(text: &[u8], end: usize) -> bool {
    let rest = &text[end..];
    let start = rest.iter().position(|&b| b != b' ').unwrap_or(rest.len());
    start > 0 && rest.get(start).is_some_and(|b| b.is_ascii_uppercase())
}

/// True for the entries [`scan`] reports. The closed word classes ([`List::Words`]) are not
/// in the scanned table at all ([`WORDS`] holds them); furniture matters only at a line's
/// start (`layout` looks it up there), so of it only the notices are reported anywhere.
#[inline]
fn reported(list: List, tag: Tag) -> bool {
    match list {
        // never in the scanned table (`WORDS` holds them); false should one be added there
        List::Words => false,
        List::Furniture => tag == Tag::Notice,
        _ => true,
    }
}

/// All cues of all lists in `text`, sorted by start then longest first (cues of one span in
/// list then file order).
pub(crate) fn scan(text: &str) -> Vec<Cue> {
    let ix = index();
    let bytes = text.as_bytes();
    let mut out: Vec<Cue> = Vec::new();
    // this start's matches, shortest first: (end, entry)
    let mut here: Vec<(usize, usize)> = Vec::new();
    // offsets are u32: phrases are short, so one starting here ends under 4 GiB
    let n = bytes.len().min(u32::MAX as usize - 4096);
    let mut next = 0;
    while next < n {
        let start = next;
        let b = bytes[start];
        next += 1;
        // A phrase starting with a letter needs a word boundary before it (all start so).
        if is_word_byte(b) && !before_ok(bytes, start) {
            continue;
        }
        // nor does one start at the ASCII letters and digits after this byte's (an ASCII
        // letter before them is no boundary, and no lead byte of `’`, `«` or a no-break
        // space can stand right before an ASCII byte); and a phrase that starts here has the
        // same leading run of them as the text (folding maps them one to one, and what
        // follows the run in the phrase is no ASCII letter or digit in the text either)
        if is_ascii_alnum(b) {
            let (bit, len) = lead(&bytes[start..]);
            next = start + len;
            if !has_bit(&ix.leads, bit) {
                continue;
            }
        }
        let (c, mut i) = fold(bytes, start);
        let (mut lo, mut hi) = (ix.first[c as usize] as usize, ix.first[c as usize + 1] as usize);
        let mut k = 1;
        here.clear();
        while lo < hi {
            // entries exactly k long come first in the run: whole matches ending at i
            while lo < hi && ix.len(lo) == k {
                if whole_word(bytes, start, i) {
                    here.push((i, lo));
                }
                lo += 1;
            }
            if lo == hi || i >= bytes.len() {
                break;
            }
            let (d, next) = fold(bytes, i);
            (lo, hi) = ix.step(lo, hi, k, c, d);
            i = next;
            k += 1;
        }
        // longest first; one span's entries keep their table order
        let mut j = here.len();
        while j > 0 {
            let end = here[j - 1].0;
            let mut g = j;
            while g > 0 && here[g - 1].0 == end {
                g -= 1;
            }
            for &(end, e) in &here[g..j] {
                let (list, tag) = ix.meta(e);
                let tag = tag_by_id(tag);
                if !reported(list, tag) {
                    continue;
                }
                // A capitalised verb is a verb only where a sentence starts: `the United
                // States` holds no `states`.
                if list == List::Speech && b.is_ascii_uppercase() && !sentence_start(bytes, start) && !title_case_next(bytes, end) {
                    continue;
                }
                let span = Span::new(start, end);
                // the same phrase twice in one list: the first line counts
                if out.last().is_some_and(|l| l.span() == span && l.list == list) {
                    continue;
                }
                out.push(Cue::new(span, list, tag));
            }
            j = g;
        }
    }
    out
}

/// The leading run of ASCII letters and digits of `bytes`: its bit in [`Index::leads`] (an
/// FNV-1a hash, folded to lower case) and its length.
#[inline(always)]
fn lead(bytes: &[u8]) -> (usize, usize) {
    let mut h: u32 = 0x811C_9DC5;
    let mut n = 0;
    while n < bytes.len() && is_ascii_alnum(bytes[n]) {
        // (an ASCII letter or digit in lower case is itself with bit 5 set)
        h = (h ^ (bytes[n] | 0x20) as u32).wrapping_mul(0x0100_0193);
        n += 1;
    }
    (h as usize % SKETCH_BITS, n)
}

/// Bit `i` of a table of [`SKETCH_BITS`] bits.
#[inline(always)]
pub(crate) fn has_bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

/// Sets bit `i` of a table of [`SKETCH_BITS`] bits.
pub(crate) fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// False when no entry of any list can begin with `word` (as the text writes it): its leading
/// ASCII letters and digits are no entry's ([`Index::leads`]). True says only "perhaps".
pub(crate) fn may_begin(word: &str) -> bool {
    has_bit(&index().leads, lead(word.as_bytes()).0)
}

/// The tag a tag id stands for ([`Tag::None`] for a name's id).
fn tag_by_id(id: u8) -> Tag {
    TAG_BY_ID.get(id as usize).copied().unwrap_or(Tag::None)
}

/// True when `phrase` (any case, ’ or ') is a whole entry of `list`.
pub(crate) fn contains(list: List, phrase: &str) -> bool {
    lookup(list, phrase).is_some()
}

/// The tag of `phrase` in `list` ([`Tag::None`] when untagged or absent).
pub(crate) fn tag_of(list: List, phrase: &str) -> Tag {
    lookup(list, phrase).map_or(Tag::None, tag_by_id)
}

/// The canonical name a short form carries in a list of names (`AP` → `Associated Press`).
pub(crate) fn canonical(list: List, phrase: &str) -> Option<&'static str> {
    let id = lookup(list, phrase)? as usize;
    NAMES.get(id.checked_sub(TAG_BY_ID.len())?).copied()
}

/// True when `word` is in the closed word class `class` (a tag of [`List::Words`], whose
/// file says what each class holds), in any case. The rules ask this of most words around
/// every cue and of every capitalised word, so it is one probe of a hash table of the
/// classes' words ([`Index::words`]), not a search of the table.
pub(crate) fn is(class: Tag, word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > 64 {
        return false;
    }
    let mut buf = [0u8; 64];
    let (word, h) = fold_hashed(bytes, &mut buf);
    let ix = index();
    let mask = ix.slots.len() - 1;
    let mut at = h as usize & mask;
    loop {
        match ix.slots[at] {
            0 => return false,
            w => {
                let (start, end, classes) = ix.words[w as usize - 1];
                if ix.word_text[start as usize..end as usize] == *word {
                    return classes & 1 << class as u8 != 0;
                }
            }
        }
        at = (at + 1) & mask;
    }
}

/// `bytes` (at most 64) folded as the table is written ([`fold`]), in `buf`, and its
/// [`word_hash`], in one pass.
#[inline]
fn fold_hashed<'b>(bytes: &[u8], buf: &'b mut [u8; 64]) -> (&'b [u8], u32) {
    let (mut n, mut i, mut h) = (0, 0, 0u32);
    while let Some(slot) = buf.get_mut(n).filter(|_| i < bytes.len()) {
        let (c, next) = fold(bytes, i);
        *slot = c;
        h = hash_step(h, c);
        n += 1;
        i = next;
    }
    (&buf[..n], h)
}

/// A folded word's slot in [`Index::slots`] before masking (FxHash's multiply-rotate, a byte
/// at a time: the words are short).
fn word_hash(word: &[u8]) -> u32 {
    word.iter().fold(0, |h, &b| hash_step(h, b))
}

/// One byte into [`word_hash`].
#[inline(always)]
fn hash_step(h: u32, b: u8) -> u32 {
    (h.rotate_left(5) ^ b as u32).wrapping_mul(0x9E37_79B9)
}

/// True when `word` is written in lower case (ASCII capitals aside, it may hold any byte)
/// and is in the closed word class `class`: for the rules that take a word only as it
/// stands inside a sentence (`of` in `Bank of England`, not `Of`).
pub(crate) fn is_lower_case(class: Tag, word: &str) -> bool {
    !word.bytes().any(|b| b.is_ascii_uppercase()) && is(class, word)
}

/// The tag of `phrase`'s first entry in `list`: the phrase folded as the table is written,
/// then a probe of a hash table of the distinct phrases (detectors ask this for many words,
/// so it must be cheap; the binary search it replaced was 2% of the analysis). Most words
/// asked about are in no list: a bit per (list, length, first and last byte) turns most of
/// them away before anything is folded.
fn lookup(list: List, phrase: &str) -> Option<u8> {
    let bytes = phrase.as_bytes();
    if bytes.is_empty() || bytes.len() > 64 {
        return None;
    }
    let ix = index();
    // most words asked about are in no list: the sketch (which holds every entry as the text
    // may write it, `’` and capitals and all) is asked before anything is folded
    if !has_bit(&ix.sketch, sketch_of(list as u8, bytes.len(), bytes[0].to_ascii_lowercase(), bytes[bytes.len() - 1].to_ascii_lowercase())) {
        return None;
    }
    let mut buf = [0u8; 64];
    let (word, h) = fold_hashed(bytes, &mut buf);
    // the phrase's first entry, by a probe of [`Index::phrases`]; entries are sorted by phrase,
    // then list, then file order, so this list's first among the equal ones follows
    let mask = ix.phrases.len() - 1;
    let mut at = h as usize & mask;
    let mut e = loop {
        match ix.phrases[at] {
            0 => return None,
            slot if ix.phrase(slot as usize - 1) == word => break slot as usize - 1,
            _ => at = (at + 1) & mask,
        }
    };
    while e < ENTRIES && ix.phrase(e) == word {
        let (l, tag) = ix.meta(e);
        if l == list {
            return Some(tag);
        }
        e += 1;
    }
    None
}

/// Bits in [`Index::sketch`] (a power of two; about twelve per entry).
pub(crate) const SKETCH_BITS: usize = 1 << 15;

/// The bit in [`Index::sketch`] of a phrase of `list` by its length and first and last bytes
/// (a table of the same shape elsewhere: `Mentions`' words asked about, with `list` 0).
#[inline]
pub(crate) fn sketch_of(list: u8, len: usize, first: u8, last: u8) -> usize {
    let key = (list as u32) << 24 ^ (len as u32) << 16 ^ (first as u32) << 8 ^ last as u32;
    (key.wrapping_mul(0x9E37_79B1) >> 17) as usize % SKETCH_BITS
}

/// [`lookup`] by narrowing the table as [`scan`] does (the reference the binary search is
/// tested against).
#[cfg(test)]
fn lookup_by_narrowing(list: List, phrase: &str) -> Option<u8> {
    let ix = index();
    let bytes = phrase.as_bytes();
    if bytes.is_empty() || bytes.len() > 64 {
        return None;
    }
    let (c, mut i) = fold(bytes, 0);
    let (mut lo, mut hi) = (ix.first[c as usize] as usize, ix.first[c as usize + 1] as usize);
    let mut k = 1;
    while i < bytes.len() {
        // skip entries that end before the phrase does
        while lo < hi && ix.phrase(lo).len() == k {
            lo += 1;
        }
        if lo == hi {
            return None;
        }
        let (d, next) = fold(bytes, i);
        (lo, hi) = ix.step(lo, hi, k, c, d);
        i = next;
        k += 1;
    }
    (lo..hi).take_while(|&e| ix.phrase(e).len() == k).map(|e| ix.meta(e)).find(|m| m.0 == list).map(|m| m.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_every_entry_as_a_text_of_its_own() {
        // every phrase, alone and capitalised, is found whole: nothing the walk would find is
        // skipped by the leading-run bits or the jump over a word's letters
        let ix = index();
        let mut checked = 0;
        for e in 0..ENTRIES {
            let (list, tag) = ix.meta(e);
            let phrase = std::str::from_utf8(ix.phrase(e)).unwrap_or("");
            if phrase.is_empty() || !reported(list, tag_by_id(tag)) {
                continue;
            }
            let mut capitalised = phrase.to_string();
            if let Some(first) = capitalised.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            for t in [phrase, capitalised.as_str(), &format!("x {phrase}")] {
                let at = t.len() - phrase.len();
                assert!(scan(t).iter().any(|c| c.list == list && c.span() == Span::new(at, t.len())), "{t:?} ({list:?})");
            }
            checked += 1;
        }
        assert!(checked > 1000, "{checked} entries checked");
    }

    #[test]
    fn closed_word_classes_are_looked_up_in_any_case_and_never_scanned() {
        assert!(is(Tag::Month, "Jan") && is(Tag::Month, "JANUARY") && !is(Tag::Month, "said"));
        // one word in two classes
        assert!(is(Tag::Abbreviation, "Mr") && is(Tag::TitleAbbreviation, "mr"));
        assert!(!is(Tag::Desk, "january") && is(Tag::Desk, "Reporter"));
        assert!(is(Tag::Refusing, "wouldn’t"), "’ is read as '");
        let cues = scan("In January the staff reporter declined to say, Mr. Smith told reporters.");
        assert!(!cues.is_empty() && cues.iter().all(|c| c.list != List::Words), "{cues:?}");
    }

    #[test]
    fn every_entry_may_begin_with_its_first_word() {
        // `may_begin` turns words away: never one that an entry begins with, in any case
        let ix = index();
        for e in 0..ENTRIES {
            let phrase = String::from_utf8_lossy(ix.phrase(e)).into_owned();
            let first = phrase.split(' ').next().unwrap_or("");
            for w in [first.to_string(), first.to_ascii_uppercase(), phrase.to_ascii_uppercase()] {
                assert!(may_begin(&w), "{w:?} of {phrase:?}");
            }
        }
        assert!(!["Zqxv", "Officials", "Xylophone"].iter().all(|w| may_begin(w)), "the bits turn nothing away");
    }

    #[test]
    fn look_up_agrees_with_narrowing() {
        let ix = index();
        let mut words: Vec<String> = (0..ENTRIES).map(|e| String::from_utf8_lossy(ix.phrase(e)).into_owned()).collect();
        let more: Vec<String> = words.iter().flat_map(|w| [w.to_ascii_uppercase(), w.replace('\'', "\u{2019}"), w.replacen('\'', "\u{2019}", 1).to_ascii_uppercase(), format!("{w}x"), w.chars().skip(1).collect()]).collect();
        words.extend(more);
        words.extend(["", "a", "Mr.", "U.S.", "’", "said", "SAID"].iter().map(|s| s.to_string()));
        for w in &words {
            for list in LISTS {
                assert_eq!(lookup(list, w), lookup_by_narrowing(list, w), "{list:?} {w:?}");
            }
        }
    }

    #[test]
    fn every_list_compiles_and_has_entries() {
        let ix = index();
        assert_eq!((ix.starts.len(), ix.table.len()), (ENTRIES + 1, TABLE_LEN));
        assert_eq!((ix.words.len(), ix.word_text.len()), (WORD_PREFIXES.len(), WORDS_LEN));
        for (n, &list) in LISTS.iter().enumerate() {
            assert_eq!(list as usize, n);
            let scanned = (0..ENTRIES).any(|e| ix.meta(e).0 == list);
            // the closed word classes are all in `WORDS`, and only there
            assert_eq!(scanned, list != List::Words, "{list:?}");
        }
        for e in 1..ENTRIES {
            assert!(ix.phrase(e - 1) <= ix.phrase(e));
        }
        // every word of every class is found in its class, in any case, and in no other
        let mut classes = 0;
        for &(s, e, mask) in &ix.words {
            let word = std::str::from_utf8(&ix.word_text[s as usize..e as usize]).unwrap();
            for id in 1..TAG_BY_ID.len() {
                let tag = tag_by_id(id as u8);
                assert_eq!(is(tag, word), mask & 1 << id != 0, "{word} {tag:?}");
                assert_eq!(is(tag, &word.to_ascii_uppercase()), mask & 1 << id != 0, "{word} {tag:?}");
            }
            classes |= mask;
        }
        assert!(ix.words.len() > 500 && classes.count_ones() > 40, "{} words", ix.words.len());
        let text = &ix.word_text;
        assert!(ix.words.windows(2).all(|w| text[w[0].0 as usize..w[0].1 as usize] < text[w[1].0 as usize..w[1].1 as usize]));
    }

    #[test]
    fn whole_words_only_and_apostrophes_alike() {
        let t = "Shesaid no. She said “no”. They didn’t say.";
        let speech: Vec<_> = scan(t).iter().filter(|c| c.list == List::Speech).map(|c| c.span().of(t)).collect();
        assert_eq!(speech, ["said", "say"]);
        let t = "It didn’t and it didn't.";
        assert_eq!(scan(t).iter().filter(|c| c.list == List::Denial).count(), 0);
    }

    #[test]
    fn capitalised_speech_words_only_at_sentence_starts() {
        let t = "The United States said so. Says who? “Yes,” Said Ann. Obama Says He Will Go";
        let speech: Vec<_> = scan(t).iter().filter(|c| c.list == List::Speech).map(|c| c.span().of(t)).collect();
        assert_eq!(speech, ["said", "Says", "Said", "Says"]);
    }

    #[test]
    fn boundary_next_to_typographic_marks() {
        let t = "“said”";
        assert!(scan(t).iter().any(|c| c.list == List::Speech && c.span().of(t) == "said"));
        let t = "résaid";
        assert!(!scan(t).iter().any(|c| c.list == List::Speech));
    }

    /// Every entry tried at every position, the plain way.
    fn naive_scan(text: &str) -> Vec<Cue> {
        let ix = index();
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for start in 0..bytes.len() {
            for e in 0..ENTRIES {
                let (p, mut i) = (ix.phrase(e), start);
                let mut ok = true;
                for &b in p {
                    if i >= bytes.len() {
                        ok = false;
                        break;
                    }
                    let (c, next) = fold(bytes, i);
                    if c != b {
                        ok = false;
                        break;
                    }
                    i = next;
                }
                if !ok || !whole_word(bytes, start, i) {
                    continue;
                }
                let (list, tag) = ix.meta(e);
                if list == List::Speech && bytes[start].is_ascii_uppercase() && !sentence_start(bytes, start) && !title_case_next(bytes, i) {
                    continue;
                }
                let tag = tag_by_id(tag);
                if !reported(list, tag) {
                    continue;
                }
                found.push((start, std::cmp::Reverse(i), e, Cue::new(Span::new(start, i), list, tag)));
            }
        }
        crate::vocab::sort_indices_by_key(&mut found, |f| (f.0, f.1, f.2));
        let mut out: Vec<Cue> = found.into_iter().map(|f| f.3).collect();
        out.dedup_by(|a, b| a.span() == b.span() && a.list == b.list);
        out
    }

    #[test]
    fn scan_finds_what_trying_every_entry_finds() {
        // text made of the lexicon's own phrases, cut, glued, re-cased and re-punctuated
        let ix = index();
        let mut seed = 99u32;
        let mut rnd = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 8) % n
        };
        let seps = [" ", "  ", ". ", ", ", "\n", " “", "” ", "’", "'", "-", "é", "\u{a0}", "«", " — ", ""];
        for round in 0..8 {
            let mut t = String::new();
            for _ in 0..150 {
                let p = std::str::from_utf8(ix.phrase(rnd(ENTRIES as u32) as usize)).unwrap();
                let p = match rnd(5) {
                    0 => p.to_ascii_uppercase(),
                    1 => p.replace('\'', "\u{2019}"),
                    2 => p[..p.char_indices().map(|(i, _)| i).nth(rnd(p.chars().count() as u32) as usize).unwrap_or(0)].to_string(),
                    3 => {
                        let mut c = p.chars();
                        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                    }
                    _ => p.to_string(),
                };
                t.push_str(&p);
                t.push_str(seps[rnd(seps.len() as u32) as usize]);
            }
            assert_eq!(scan(&t), naive_scan(&t), "round {round}: {t}");
            for w in t.split([' ', ',', '.', '\n']) {
                let naive = (0..ENTRIES).find(|&e| {
                    let mut k = Vec::new();
                    let mut i = 0;
                    while i < w.len() {
                        let (c, next) = fold(w.as_bytes(), i);
                        k.push(c);
                        i = next;
                    }
                    ix.phrase(e) == &k[..] && ix.meta(e).0 == List::Title
                });
                assert_eq!(tag_of(List::Title, w), naive.map_or(Tag::None, |e| tag_by_id(ix.meta(e).1)), "{w}");
                assert_eq!(contains(List::Title, w), naive.is_some(), "{w}");
            }
        }
    }

    #[test]
    fn contains_is_case_and_apostrophe_blind() {
        assert!(contains(List::Title, "President"));
        assert!(!contains(List::Title, "Banana"));
    }
}
