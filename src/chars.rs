//! Character classes for the text's words: a letter or digit, a digit, a letter.
//!
//! The standard library's `char::is_alphanumeric` and `char::is_numeric` carry Unicode's
//! tables for every script (about 1 KB gzip in the module). Here they are exact where news
//! text lives, and approximate elsewhere: `build.rs` derives the tables at build time from
//! the standard library's own, exactly inside its `EXACT_CHARS` windows (Latin, Greek,
//! Cyrillic, Hebrew, Arabic, and all the punctuation and symbol blocks), while in the other
//! scripts every character counts as a letter (they hold letters and marks but for a few
//! punctuation marks of their own). The test at the bottom checks both against the standard
//! library, character by character.

include!(concat!(env!("OUT_DIR"), "/chars.rs"));

/// True for a letter or digit, as `char::is_alphanumeric` (see the module's note).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General Punctuation (quote marks, dashes, spaces) holds neither, and it is the block
        // past ASCII that English text uses most
        !('\u{2000}'..'\u{2070}').contains(&c) && in_runs(ALNUM_RUNS, c)
    }
}

/// True for a digit or other numeric character (`½`, `²`, `Ⅻ`), as `char::is_numeric` (see
/// the module's note: outside the exact windows, none).
#[inline]
pub(crate) fn is_num(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_runs(NUM_RUNS, c)
    }
}

/// True for a letter: a letter or digit that is not numeric. (Unlike `char::is_alphabetic`,
/// letter-like numerals such as `Ⅻ` count as numbers, not letters.)
pub(crate) fn is_letter(c: char) -> bool {
    is_alnum(c) && !is_num(c)
}

/// True when `c` (past ASCII) falls in one of the runs `runs` encodes: the code points where
/// the class switches, on at the first, each as its LEB128 distance from the one before.
fn in_runs(runs: &[u8], c: char) -> bool {
    let c = c as u32;
    let (mut bytes, mut at, mut on) = (runs.iter(), 0x80u32, false);
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
        if c < at {
            return on;
        }
        on = !on;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_where_the_windows_say_and_letters_elsewhere() {
        let (mut exact, mut outside) = (0, 0);
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let u = c as u32;
            if u < 0x80 || EXACT.iter().any(|&(lo, hi)| (lo..hi).contains(&u)) {
                assert_eq!(
                    is_alnum(c),
                    c.is_alphanumeric(),
                    "U+{u:04X} letter or digit"
                );
                assert_eq!(is_num(c), c.is_numeric(), "U+{u:04X} numeric");
                assert_eq!(
                    is_letter(c),
                    c.is_alphanumeric() && !c.is_numeric(),
                    "U+{u:04X} letter"
                );
                exact += 1;
            } else {
                assert!(
                    is_alnum(c) && !is_num(c) && is_letter(c),
                    "U+{u:04X} outside the windows"
                );
                outside += 1;
            }
        }
        // the windows hold the scripts and symbols of Western news text
        assert!(
            exact > 12_000 && outside > 1_000_000,
            "{exact} exact, {outside} outside"
        );
        for (c, alnum, num) in [
            ('é', true, false),
            ('Ł', true, false),
            ('Ж', true, false),
            ('½', true, true),
            ('’', false, false),
            ('—', false, false),
            ('™', false, false),
            ('€', false, false),
            ('\u{a0}', false, false),
            ('\u{301}', false, false),
            ('😀', false, false),
            ('東', true, false),
            ('४', true, false),
        ] {
            assert_eq!((is_alnum(c), is_num(c)), (alnum, num), "{c:?}");
        }
    }

    #[test]
    fn runs_end_in_the_state_they_leave() {
        // past the last switch the class keeps its last state: letters (outside the windows)
        assert!(is_alnum('\u{10_FFFF}') && !is_num('\u{10_FFFF}'));
        assert!(!in_runs(&[], 'é') && in_runs(&[0], 'é') && !in_runs(&[0, 1], '\u{81}'));
    }
}
