//! Character classes for the text's words: a letter or digit, a digit, a letter.
//!
//! The standard library's `char::is_alphanumeric` and `char::is_numeric` carry Unicode's
//! tables for every script, 1.7 KB of the gzip module. Here they are exact where Western news
//! text lives and approximate elsewhere. `build.rs` derives one small table per window of its
//! `EXACT_CHARS` from the standard library's own classes at build time: Latin-1 to NKo
//! (Latin, Greek, Cyrillic, Hebrew, Arabic), the general punctuation, currency, letterlike,
//! number-form, arrow, mathematical, shape and dingbat blocks, CJK punctuation, private use,
//! fullwidth forms, emoji, and the tag characters of flag emoji. Outside the windows a
//! character past ASCII counts as a letter unless it is white space: the scripts there (Indic,
//! South-East Asian, Hangul, Latin Extended Additional, Greek Extended, kana, ideographs, …)
//! are letters and marks but for a few punctuation marks, and their own digits count as
//! letters, not numbers. The test at the bottom checks every character against the
//! standard library.

include!(concat!(env!("OUT_DIR"), "/chars.rs"));

/// Per byte value: an ASCII letter or digit.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `u8::is_ascii_alphanumeric` as one load from a table instead of three range tests: the
/// walks over every byte of the text's words (the tokenizer, the lexicon scan) ask it of
/// each byte, and it was their largest cost.
#[inline(always)]
pub(crate) fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[b as usize]
}

/// True for a letter or digit, as `char::is_alphanumeric` (see the module's note).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_alnum(c as u8)
    } else {
        class(&ALNUM_RUNS, c).unwrap_or_else(|| !c.is_whitespace())
    }
}

/// True for a digit or other numeric character (`½`, `²`, `Ⅻ`), as `char::is_numeric` (see
/// the module's note: outside the exact windows, none).
#[inline]
pub(crate) fn is_num(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        class(&NUM_RUNS, c).unwrap_or(false)
    }
}

/// True for a letter: a letter or digit that is not numeric. (Unlike `char::is_alphabetic`,
/// letter-like numerals such as `Ⅻ` count as numbers, not letters.)
pub(crate) fn is_letter(c: char) -> bool {
    is_alnum(c) && !is_num(c)
}

/// `c`'s class from `runs` (a table per window of [`EXACT`]), or `None` outside the windows.
fn class(runs: &[&[u8]; EXACT.len()], c: char) -> Option<bool> {
    let u = c as u32;
    EXACT.iter().zip(runs).find(|((lo, hi), _)| (*lo..*hi).contains(&u)).map(|(&(lo, _), runs)| in_runs(runs, lo, u))
}

/// True when `u` (at or past `from`) falls in one of the runs `runs` encodes: the code points
/// where the class switches, on at the first, each as its LEB128 distance from the one before
/// (from `from` for the first).
fn in_runs(runs: &[u8], from: u32, u: u32) -> bool {
    let (mut bytes, mut at, mut on) = (runs.iter(), from, false);
    loop {
        let (mut d, mut shift) = (0u32, 0);
        loop {
            let Some(&b) = bytes.next() else { return on };
            d |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        at += d;
        if u < at {
            return on;
        }
        on = !on;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_table_is_the_standard_test() {
        for b in 0..=255u8 {
            assert_eq!(is_ascii_alnum(b), b.is_ascii_alphanumeric(), "byte {b:#04x}");
        }
    }

    #[test]
    fn exact_in_the_windows_and_letters_elsewhere() {
        let (mut exact, mut outside) = (0, 0);
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let u = c as u32;
            if u < 0x80 || EXACT.iter().any(|&(lo, hi)| (lo..hi).contains(&u)) {
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{u:04X} letter or digit");
                assert_eq!(is_num(c), c.is_numeric(), "U+{u:04X} numeric");
                assert_eq!(is_letter(c), c.is_alphanumeric() && !c.is_numeric(), "U+{u:04X} letter");
                exact += 1;
            } else {
                assert_eq!((is_alnum(c), is_num(c), is_letter(c)), (!c.is_whitespace(), false, !c.is_whitespace()), "U+{u:04X} outside the windows");
                outside += 1;
            }
        }
        assert!(exact > 12_000 && outside > 1_000_000, "{exact} exact, {outside} outside");
        for (c, alnum, num) in [
            ('é', true, false),
            ('Ł', true, false),
            ('Ж', true, false),
            ('½', true, true),
            ('Ⅻ', true, true),
            ('’', false, false),
            ('—', false, false),
            ('™', false, false),
            ('€', false, false),
            ('\u{a0}', false, false),
            ('\u{301}', false, false),
            ('😀', false, false),
            ('\u{e0067}', false, false),
            ('\u{1680}', false, false),
            ('東', true, false),
            ('४', true, false),
        ] {
            assert_eq!((is_alnum(c), is_num(c)), (alnum, num), "{c:?}");
        }
    }

    #[test]
    fn runs_switch_where_they_say() {
        // no switch: off; a switch at the window's start: on from there; on then off at +1
        assert!(!in_runs(&[], 0x80, 0x90) && in_runs(&[0], 0x80, 0x80) && !in_runs(&[0, 1], 0x80, 0x81));
        // a two-byte LEB128 distance (200 = 0xC8 0x01): still off just before, on from there
        assert!(!in_runs(&[0xC8, 0x01], 0x80, 0x80 + 199) && in_runs(&[0xC8, 0x01], 0x80, 0x80 + 200));
    }
}
