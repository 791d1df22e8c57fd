//! Cue lexicons: reviewed data files compiled once into one Aho-Corasick automaton.
//!
//! Each `*.txt` file beside this module is one [`List`]: one phrase a line, `#` starts a
//! comment, and a line may end in `| tag` (a small number or word the list's detector reads,
//! such as a denial subtype). Matching is ASCII case-insensitive, on whole words only, and
//! treats the apostrophes `'` and `’` alike. All lists are matched in one pass over the text
//! ([`scan`]), overlapping matches included, so detectors never rescan.

use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which lexicon a cue came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub(crate) enum List {
    /// Verbs and phrases that introduce speech (`said`, `told`, `according to`).
    Speech,
    /// Titles and roles that precede or stand for a person (`President`, `spokesman`).
    Title,
    /// News outlets by name (`Reuters`, `TASS`).
    Outlet,
    /// Organisations by name (`White House`, `Kremlin`).
    Org,
    /// Last words that make a capitalised phrase an organisation (`Ministry`, `Motors`).
    OrgSuffix,
    /// Last words that make a capitalised phrase an outlet (`Tribune`, `Gazette`).
    OutletSuffix,
    /// Nouns for an outlet or organisation without a name (`news agency`, `the company`).
    Generic,
    /// Phrases for unnamed sources (`people familiar with the matter`).
    Anonymous,
    /// Words before quote marks that make them a title (`book`, `film`, `song`).
    TitleCue,
    /// Denial, non-denial and no-comment cues; the tag is the subtype or the check to make.
    Denial,
    /// Refusal heads (`declined to`) and the acts they withhold (`comment`, `say whether`).
    Refusal,
    /// Unverified-claim cues; the tag is the subtype or the check to make.
    Unverified,
    /// Nouns for a claim or a report (`allegations`, `the report`).
    ClaimNoun,
}

/// Every list with its file, in one table so adding a list is one line.
const FILES: &[(List, &str)] = &[
    (List::Speech, include_str!("speech_verbs.txt")),
    (List::Title, include_str!("titles.txt")),
    (List::Outlet, include_str!("outlets.txt")),
    (List::Org, include_str!("organizations.txt")),
    (List::OrgSuffix, include_str!("org_suffixes.txt")),
    (List::OutletSuffix, include_str!("outlet_suffixes.txt")),
    (List::Generic, include_str!("generic_sources.txt")),
    (List::Anonymous, include_str!("anonymous_sources.txt")),
    (List::TitleCue, include_str!("title_cues.txt")),
    (List::Denial, include_str!("denial_cues.txt")),
    (List::Refusal, include_str!("refusal_cues.txt")),
    (List::Unverified, include_str!("unverified_cues.txt")),
    (List::ClaimNoun, include_str!("claim_nouns.txt")),
];

/// One lexicon hit in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Where the phrase matched.
    pub span: Span,
    /// The list it belongs to.
    pub list: List,
    /// The tag written after `|` on its line (0 when none); see [`tag_name`].
    pub tag: u16,
}

struct Compiled {
    ac: AhoCorasick,
    /// Per pattern: its list and tag.
    meta: Vec<(List, u16)>,
    /// Interned tag words; a tag number indexes this.
    tags: Vec<&'static str>,
    /// (list, lower-case phrase) → tag, for `contains` and `tag_of`.
    index: HashMap<(List, String), u16>,
}

fn compile() -> Compiled {
    let mut patterns: Vec<String> = Vec::new();
    let mut meta = Vec::new();
    let mut tags: Vec<&'static str> = vec![""];
    let mut index = HashMap::new();
    for &(list, file) in FILES {
        for line in file.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (phrase, tag) = match line.split_once('|') {
                Some((p, t)) => (p.trim(), t.trim()),
                None => (line, ""),
            };
            let tag_id = match tags.iter().position(|t| *t == tag) {
                Some(i) => i,
                None => {
                    tags.push(tag);
                    tags.len() - 1
                }
            } as u16;
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            index.entry((list, phrase.to_ascii_lowercase())).or_insert(tag_id);
            // Apostrophe variants: a phrase written with ' also matches ’ and the reverse.
            let mut variants = vec![phrase.clone()];
            if phrase.contains('\'') {
                variants.push(phrase.replace('\'', "\u{2019}"));
            }
            for v in variants {
                patterns.push(v);
                meta.push((list, tag_id));
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("the lexicons compile");
    Compiled { ac, meta, tags, index }
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(compile)
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
fn whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || {
        let b = text[start - 1];
        // A non-ASCII byte before is part of a letter unless it ends typographic punctuation
        // (quote marks, dashes and the like all end in a 0x80..=0xBF byte after 0xE2 0x80).
        !is_word_byte(b) || (start >= 3 && text[start - 3] == 0xE2 && text[start - 2] == 0x80)
            || (start >= 2 && text[start - 2] == 0xC2) // «, », nbsp
    };
    let after_ok = end >= text.len() || {
        let b = text[end];
        !is_word_byte(b) || b == 0xE2 || b == 0xC2
    };
    let first = text[start];
    let last = text[end - 1];
    // Patterns that begin or end with punctuation bring their own boundary.
    (before_ok || !is_word_byte(first)) && (after_ok || !is_word_byte(last))
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

/// All cues of all lists in `text`, sorted by start then longest first.
pub(crate) fn scan(text: &str) -> Vec<Cue> {
    let c = compiled();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in c.ac.find_overlapping_iter(text) {
        if !whole_word(bytes, m.start(), m.end()) {
            continue;
        }
        let (list, tag) = c.meta[m.pattern().as_usize()];
        // A capitalised verb is a verb only where a sentence starts: `the United States`
        // holds no `states`.
        if list == List::Speech && bytes[m.start()].is_ascii_uppercase() && !sentence_start(bytes, m.start()) && !title_case_next(bytes, m.end()) {
            continue;
        }
        out.push(Cue { span: Span::new(m.start(), m.end()), list, tag });
    }
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    out.dedup_by(|a, b| a.span == b.span && a.list == b.list);
    out
}

/// The word a tag number stands for.
pub(crate) fn tag_name(tag: u16) -> &'static str {
    compiled().tags.get(tag as usize).copied().unwrap_or("")
}

/// True when `phrase` (any case, ’ or ') is a whole entry of `list`.
pub(crate) fn contains(list: List, phrase: &str) -> bool {
    lookup(list, phrase).is_some()
}

/// The tag word of `phrase` in `list` ("" when untagged or absent).
pub(crate) fn tag_of(list: List, phrase: &str) -> &'static str {
    lookup(list, phrase).map_or("", tag_name)
}

fn lookup(list: List, phrase: &str) -> Option<u16> {
    let c = compiled();
    if phrase.len() > 64 {
        return None;
    }
    let mut key = String::with_capacity(phrase.len());
    for ch in phrase.chars() {
        key.push(if ch == '\u{2019}' { '\'' } else { ch.to_ascii_lowercase() });
    }
    c.index.get(&(list, key)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_compiles_and_has_entries() {
        let c = compiled();
        for &(list, _) in FILES {
            assert!(c.index.keys().any(|(l, _)| *l == list), "{list:?} is empty");
        }
    }

    #[test]
    fn whole_words_only_and_apostrophes_alike() {
        let t = "Shesaid no. She said “no”. They didn’t say.";
        let speech: Vec<_> = scan(t).iter().filter(|c| c.list == List::Speech).map(|c| c.span.of(t)).collect();
        assert_eq!(speech, ["said", "say"]);
        let t = "It didn’t and it didn't.";
        assert_eq!(scan(t).iter().filter(|c| c.list == List::Denial).count(), 0);
    }

    #[test]
    fn capitalised_speech_words_only_at_sentence_starts() {
        let t = "The United States said so. Says who? “Yes,” Said Ann. Obama Says He Will Go";
        let speech: Vec<_> = scan(t).iter().filter(|c| c.list == List::Speech).map(|c| c.span.of(t)).collect();
        assert_eq!(speech, ["said", "Says", "Said", "Says"]);
    }

    #[test]
    fn boundary_next_to_typographic_marks() {
        let t = "“said”";
        assert!(scan(t).iter().any(|c| c.list == List::Speech && c.span.of(t) == "said"));
        let t = "résaid";
        assert!(!scan(t).iter().any(|c| c.list == List::Speech));
    }

    #[test]
    fn contains_is_case_and_apostrophe_blind() {
        assert!(contains(List::Title, "President"));
        assert!(!contains(List::Title, "Banana"));
    }
}
