//! Scope helpers shared by the denial, unverified-claim and link detectors: the clause a cue
//! governs, headline paragraphs, suppressing cues (`| not` in a lexicon) and small word tests.
//! Everything here reads tokens and cues near one position, so each call is bounded.

use crate::document::{Document, TokenKind};
use crate::lexicon::{Cue, List, Tag};
use crate::span::Span;

/// The text of token `i` folded for comparison: ASCII lower case, `’` as `'` ("" past the
/// end). The rules ask this of the words around every cue, so a word of up to
/// [`Word::INLINE`] bytes is held on the stack; only a longer one allocates.
pub(crate) fn word(doc: &Document, i: usize) -> Word {
    doc.tokens.get(i).map_or_else(Word::default, |t| Word::fold(doc.slice(t.span())))
}

/// A folded word (see [`word`]); reads as a `&str`.
#[derive(Clone)]
pub(crate) enum Word {
    /// Up to [`Word::INLINE`] bytes: the length, then the bytes.
    Short(u8, [u8; Word::INLINE]),
    /// A longer word.
    Long(String),
}

impl Word {
    /// The longest word held inline (a token is rarely longer).
    pub(crate) const INLINE: usize = 30;

    fn fold(s: &str) -> Word {
        let b = s.as_bytes();
        let mut buf = [0u8; Word::INLINE];
        let (mut i, mut n) = (0, 0);
        while i < b.len() {
            if n == buf.len() {
                return Word::Long(s.to_ascii_lowercase().replace('\u{2019}', "'"));
            }
            // folded as the lexicon folds its phrases
            (buf[n], i) = crate::lexicon::fold(b, i);
            n += 1;
        }
        Word::Short(n as u8, buf)
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // whole characters, ASCII ones lowered and `’` made `'`: always UTF-8
            Word::Short(n, buf) => std::str::from_utf8(&buf[..*n as usize]).unwrap_or(""),
            Word::Long(s) => s,
        }
    }
}

impl Default for Word {
    fn default() -> Word {
        Word::Short(0, [0; Word::INLINE])
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// True when token `i` ends a clause: `;`, `—`, or a comma before a clause opener.
fn ends_clause(doc: &Document, i: usize) -> bool {
    // asked of every token: only punctuation can, and it is matched as bytes (`;`, `—`, `–`,
    // `,`), which compiles to a few byte compares where string patterns call `memcmp` per
    // arm in the size-optimised wasm; `is` folds the next word itself
    let t = doc.tokens[i];
    t.kind() == TokenKind::Punct
        && match doc.slice(t.span()).as_bytes() {
            [b';'] | [0xE2, 0x80, 0x93 | 0x94] => true,
            [b','] => crate::lexicon::is(Tag::ClauseOpener, doc.tokens.get(i + 1).map_or("", |n| doc.slice(n.span()))),
            _ => false,
        }
}

/// The tokens that end a clause, found in one pass over the text, so that finding the clause
/// around a cue costs two binary searches however long its sentence is.
pub(crate) struct Boundaries(Vec<u32>);

impl Boundaries {
    pub fn of(doc: &Document) -> Boundaries {
        Boundaries((0..doc.tokens.len()).filter(|&i| ends_clause(doc, i)).map(|i| i as u32).collect())
    }

    /// The clause around `cue` inside its sentence: from the last clause boundary before it
    /// to the next one after it (or the sentence's edges).
    pub fn clause(&self, doc: &Document, cue: Span) -> Span {
        let s = doc.sentences[doc.sentence_at(cue.start)];
        let toks = &doc.tokens;
        let first = doc.token_at(s.start);
        let at = doc.token_at(cue.start);
        let b = &self.0;
        // the last boundary among the sentence's tokens before the cue
        let k = b.partition_point(|&i| (i as usize) < at);
        let start = match k.checked_sub(1).map(|k| b[k] as usize) {
            Some(i) if i >= first => toks.get(i + 1).map_or(s.start, |t| t.span().start),
            _ => s.start,
        };
        // the first boundary from the cue's end on, inside the sentence
        let j = doc.token_at(cue.end);
        let end = match b.get(b.partition_point(|&i| (i as usize) < j)).map(|&i| i as usize) {
            Some(i) if toks[i].span().end <= s.end => toks[i].span().start,
            _ => s.end,
        };
        let end = end.max(cue.end);
        trim(doc, Span::new(start.min(cue.start), end))
    }
}

/// How many tokens either side of a position [`near`] reaches: far more than any real
/// clause, and it keeps look-ups in a sentence without boundaries (`rejected claims that`
/// thousands of times, found by the fuzz driver) linear instead of quadratic.
const CLAUSE_REACH: usize = 400;

/// The part of sentence `s` within [`CLAUSE_REACH`] tokens of `pos`, on token edges: where a
/// look-up that may scan the whole sentence (a speech verb governing a cue, `according to`)
/// stays bounded, so one endless sentence costs linear time.
pub(crate) fn near(doc: &Document, pos: usize, s: Span) -> Span {
    let toks = &doc.tokens;
    let at = doc.token_at(pos);
    let start = toks.get(at.saturating_sub(CLAUSE_REACH)).map_or(s.start, |t| t.span().start.max(s.start));
    let end = toks.get(at + CLAUSE_REACH).map_or(s.end, |t| t.span().end.min(s.end));
    Span::new(start.min(pos), end.max(pos))
}

/// `span` without trailing spaces and closing punctuation other than quote marks.
pub(crate) fn trim(doc: &Document, span: Span) -> Span {
    let t = doc.slice(span);
    let kept = t.trim_end_matches([' ', '\u{a0}', ',', ';', ':', '\r', '\n']);
    Span::new(span.start, span.start + kept.len())
}

/// Spans of the `| not` cues of one list, sorted, to suppress the cues they overlap.
pub(crate) struct Suppressors(Vec<Span>);

impl Suppressors {
    pub fn of(doc: &Document, list: List) -> Suppressors {
        Suppressors(doc.cues.iter().filter(|c| c.list == list && c.tag == Tag::Not).map(|c| c.span()).collect())
    }

    /// True when a suppressing phrase overlaps `span`.
    pub fn hit(&self, span: Span) -> bool {
        // suppressors are short: only those starting shortly before `span` can overlap it
        let from = self.0.partition_point(|s| s.start + 80 < span.start);
        self.0[from..].iter().take_while(|s| s.start < span.end).any(|s| s.overlaps(span))
    }
}

/// The longest cue of `list` starting exactly at `pos` whose tag is one of `tags`.
pub(crate) fn cue_tagged<'d>(doc: &'d Document, list: List, pos: usize, tags: &[Tag]) -> Option<&'d Cue> {
    doc.cues_in(Span::new(pos, pos + 1))
        .iter()
        .filter(|c| c.list == list && c.span().start == pos && tags.contains(&c.tag))
        .max_by_key(|c| c.span().end)
}

/// True when a clause with a verb follows token `i` within a few words (`the mission aimed`,
/// `he was`, `to have`), before any comma or full stop.
pub(crate) fn clause_follows(doc: &Document, i: usize) -> bool {
    let w = word(doc, i);
    if matches!(w.as_str(), "that" | "to" | "he" | "she" | "they" | "it" | "we" | "i") {
        return true;
    }
    for k in i..(i + 6).min(doc.tokens.len()) {
        let t = doc.tokens[k];
        if t.kind() == TokenKind::Punct && !matches!(doc.slice(t.span()), "'" | "’" | "-") {
            return false;
        }
        let w = word(doc, k);
        if k > i && (crate::lexicon::is(Tag::Finite, &w) || (w.ends_with("ed") && w.len() > 4 && !crate::lexicon::is(Tag::Determiner, &word(doc, k - 1)))) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folded_word_reads_as_the_lowered_text_inline_or_not() {
        let long = "Counter\u{2019}Revolutionary-Internationalisation-Committees";
        for w in ["Said", "WOULDN\u{2019}T", "", "Zürich", "\u{2019}", long, &"x".repeat(Word::INLINE), &"x".repeat(Word::INLINE + 1)] {
            let want = w.to_ascii_lowercase().replace('\u{2019}', "'");
            let got = Word::fold(w);
            assert_eq!(got.as_str(), want, "{w:?}");
            assert_eq!(matches!(got, Word::Long(_)), want.len() > Word::INLINE, "{w:?}");
        }
        assert!(Word::default() == "");
    }

    #[test]
    fn look_ups_in_an_endless_sentence_are_bounded() {
        // no clause boundary and no full stop: `near` stops CLAUSE_REACH tokens away
        let text = "rejected claims that ".repeat(2000);
        let doc = Document::new(&text);
        let mid = text.len() / 2;
        let cue = doc.tokens[doc.token_at(mid)].span();
        assert!(Boundaries::of(&doc).clause(&doc, cue).contains(cue));
        let s = near(&doc, mid, Span::new(0, text.len()));
        assert!(s.start < mid && mid < s.end && doc.tokens_in(s).len() <= 2 * CLAUSE_REACH + 2);
        // a short sentence is not cut
        let t = "The ministry rejected claims that it had lied.";
        let doc = Document::new(t);
        let at = t.find("rejected").unwrap();
        assert_eq!(near(&doc, at, Span::new(0, t.len())), Span::new(0, t.len()));
    }
}
