//! The [`Document`]: built once from the text, then only read by the detectors.
//!
//! Building does every pass that more than one detector needs: paragraphs (lines),
//! sentences, word tokens, quote marks paired per paragraph, all lexicon cues, the name index
//! ([`Mentions`]) and per-paragraph facts (is it a headline, is it in title case). All of it
//! is linear in the text's length.

mod layout;
mod names;
mod quotes;
mod sentences;
mod starts;
mod tokens;

pub use layout::{Block, Role};
pub(crate) use layout::Layout;

pub(crate) use names::{head_before_for_or_of, is_demonym, is_role_word, is_title_word, looks_like_verb, particle_name, EntityType, Mentions};
pub(crate) use quotes::QuotePair;
pub(crate) use tokens::{Token, TokenKind};

use crate::lexicon::{self, Cue, List};
use crate::span::Span;
use starts::Starts;

/// A text prepared for analysis. Offsets are byte offsets into [`Document::text`].
#[derive(Debug)]
pub struct Document<'t> {
    text: &'t str,
    pub(crate) paragraphs: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
    pub(crate) tokens: Vec<Token>,
    pub(crate) quotes: Vec<QuotePair>,
    pub(crate) cues: Vec<Cue>,
    /// The cues again, grouped by list (each group in text order): detectors ask for one
    /// list's cues near a position, which must not cost a walk over the other lists' cues.
    by_list: Vec<Cue>,
    /// Where each list's group starts in `by_list` (one more at the end).
    list_starts: [usize; lexicon::LIST_COUNT + 1],
    /// For each block of [`TOKEN_BLOCK`] bytes, the first token starting in or after it.
    token_blocks: Vec<u32>,
    /// Block tables of the sentences, paragraphs, quotations, cues, and each list's cues (in
    /// `by_list`), for the look-ups by position.
    sentence_starts: Starts,
    paragraph_starts: Starts,
    quote_starts: Starts,
    cue_starts: Starts,
    /// The table of each list's group in `by_list`.
    list_index: [Starts; lexicon::LIST_COUNT],
    /// Per paragraph: what several detectors ask of it, computed once.
    para_facts: Vec<ParaFacts>,
    /// Every capitalised name, in text order.
    pub(crate) mentions: Mentions,
}

/// What the detectors ask of a paragraph.
#[derive(Clone, Copy, Debug, Default)]
struct ParaFacts {
    /// Read as a headline: 1 to 30 words, not ending as a sentence or a quotation does.
    headline: bool,
    /// Most of its words (at least 3) capitalised (`Apple May Be Reintroducing ...`).
    title_case: bool,
}

const TOKEN_BLOCK: usize = 32;

fn token_blocks(len: usize, tokens: &[Token]) -> Vec<u32> {
    let blocks = len / TOKEN_BLOCK + 1;
    let mut out = Vec::with_capacity(blocks);
    let mut i = 0;
    for b in 0..blocks {
        let start = b * TOKEN_BLOCK;
        while i < tokens.len() && tokens[i].span().start < start {
            i += 1;
        }
        out.push(i as u32);
    }
    out
}

impl<'t> Document<'t> {
    /// Prepares `text` for analysis.
    pub fn new(text: &'t str) -> Document<'t> {
        Document::from_parts(text, paragraphs(text), lexicon::scan(text))
    }

    /// Builds the document from its paragraphs and lexicon cues, found already.
    pub(crate) fn from_parts(text: &'t str, paragraphs: Vec<Span>, cues: Vec<Cue>) -> Document<'t> {
        let tokens = tokens::tokenize(text);
        let quotes = quotes::pair(text, &paragraphs);
        let sentences = sentences::split(text, &paragraphs, &tokens, &quotes, &cues);
        let token_blocks = token_blocks(text.len(), &tokens);
        // one pass per list (there are few lists), keeping the text order inside each
        let mut list_starts = [0; lexicon::LIST_COUNT + 1];
        let mut by_list: Vec<Cue> = Vec::with_capacity(cues.len());
        for l in 0..lexicon::LIST_COUNT {
            by_list.extend(cues.iter().filter(|c| c.list as usize == l));
            list_starts[l + 1] = by_list.len();
        }
        let len = text.len();
        let sentence_starts = Starts::new(len, &sentences);
        let paragraph_starts = Starts::new(len, &paragraphs);
        let quote_starts = Starts::new(len, &quotes);
        let cue_starts = Starts::new(len, &cues);
        let list_index = std::array::from_fn(|l| Starts::new(len, &by_list[list_starts[l]..list_starts[l + 1]]));
        let mut doc = Document {
            text,
            paragraphs,
            sentences,
            tokens,
            quotes,
            cues,
            by_list,
            list_starts,
            token_blocks,
            sentence_starts,
            paragraph_starts,
            quote_starts,
            cue_starts,
            list_index,
            para_facts: Vec::new(),
            mentions: Mentions::default(),
        };
        doc.para_facts = (0..doc.paragraphs.len()).map(|p| doc.facts_of(p)).collect();
        doc.mentions = Mentions::find(&doc);
        doc
    }

    fn facts_of(&self, p: usize) -> ParaFacts {
        let para = self.paragraphs[p];
        let t = self.slice(para).trim_end();
        let toks = self.tokens_in(para);
        let words = toks.iter().filter(|t| t.is_word()).count();
        let cased = toks.iter().filter(|t| matches!(t.kind(), TokenKind::Lower | TokenKind::Capitalized)).count();
        let caps = toks.iter().filter(|t| t.kind() == TokenKind::Capitalized).count();
        ParaFacts { headline: !t.ends_with(['.', '”', '"', ';', ',']) && (1..=30).contains(&words), title_case: cased >= 3 && caps * 3 >= cased * 2 }
    }

    /// True when paragraph `p` reads as a headline: 1 to 30 words, and not ending as a
    /// sentence or a quotation does (`.`, `”`, `;`, `,`).
    pub(crate) fn is_headline(&self, p: usize) -> bool {
        self.para_facts.get(p).is_some_and(|f| f.headline)
    }

    /// True when most words of paragraph `p` (at least 3) are capitalised, as in a headline
    /// in title case (`Apple May Be Reintroducing ...`).
    pub(crate) fn title_case(&self, p: usize) -> bool {
        self.para_facts.get(p).is_some_and(|f| f.title_case)
    }

    /// The whole text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The text of a span.
    pub(crate) fn slice(&self, span: Span) -> &'t str {
        // (what `span.of(self.text)` does, without a second call in the wasm build)
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text from `a` to `b`: empty when `b <= a` or either is off a character boundary,
    /// so detectors can never panic on an offset they computed.
    pub(crate) fn between(&self, a: usize, b: usize) -> &'t str {
        self.text.get(a..b).unwrap_or("")
    }

    /// Number of paragraphs (non-empty lines).
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// Number of sentences.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Number of paired (or unclosed) quotations.
    pub fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    /// Index of the sentence containing byte `pos` (the last one starting at or before it).
    pub(crate) fn sentence_at(&self, pos: usize) -> usize {
        self.sentence_starts.before(&self.sentences, pos.saturating_add(1)).saturating_sub(1)
    }

    /// Index of the paragraph containing byte `pos`.
    pub(crate) fn paragraph_at(&self, pos: usize) -> usize {
        self.paragraph_starts.before(&self.paragraphs, pos.saturating_add(1)).saturating_sub(1)
    }

    /// Index of the first token starting at or after `pos`: a table look-up and a short scan
    /// (detectors ask this at every cue, so it must not cost a binary search over the text).
    pub(crate) fn token_at(&self, pos: usize) -> usize {
        let block = pos / TOKEN_BLOCK;
        let Some(&first) = self.token_blocks.get(block) else { return self.tokens.len() };
        let mut i = first as usize;
        while i < self.tokens.len() && self.tokens[i].span().start < pos {
            i += 1;
        }
        i
    }

    /// The tokens lying inside `span`.
    pub(crate) fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.token_at(span.start);
        // the first token ending past `span`: the first starting at or after its end, or the
        // one before that when it runs over the end (tokens do not overlap)
        let mut b = self.token_at(span.end);
        if b > 0 && self.tokens[b - 1].span().end > span.end {
            b -= 1;
        }
        &self.tokens[a..b.max(a)]
    }

    /// The cues lying inside `span`.
    pub(crate) fn cues_in(&self, span: Span) -> &[Cue] {
        let a = self.cue_starts.before(&self.cues, span.start);
        let b = self.cue_starts.before(&self.cues, span.end);
        let slice = &self.cues[a..b.max(a)];
        // cues are sorted by start; a cue starting inside may still run past the end: callers
        // that care check `span.contains`.
        slice
    }

    /// The cues of one list inside `span`, in text order (or reversed, from the end).
    pub(crate) fn cues_of(&self, list: List, span: Span) -> impl DoubleEndedIterator<Item = &Cue> + '_ {
        let cues = self.list_cues(list);
        let ix = &self.list_index[list as usize];
        let a = ix.before(cues, span.start);
        let b = ix.before(cues, span.end);
        cues[a..b.max(a)].iter().filter(move |c| c.span().end <= span.end)
    }

    /// One list's cues, in text order.
    pub(crate) fn list_cues(&self, list: List) -> &[Cue] {
        let l = list as usize;
        self.by_list.get(self.list_starts[l]..self.list_starts[l + 1]).unwrap_or(&[])
    }

    /// The outermost quotations starting inside `span` (quotations are sorted by start).
    pub(crate) fn quotes_starting_in(&self, span: Span) -> impl Iterator<Item = &QuotePair> + '_ {
        let a = self.quote_starts.before(&self.quotes, span.start);
        self.quotes[a..].iter().take_while(move |q| q.span.start < span.end).filter(|q| q.depth == 0)
    }

    /// The quotation (innermost first is not guaranteed) whose span contains `pos`, if any.
    pub(crate) fn quote_containing(&self, pos: usize) -> Option<&QuotePair> {
        let i = self.quote_starts.before(&self.quotes, pos.saturating_add(1));
        self.quotes[..i].iter().rev().take(8).find(|q| q.span.start <= pos && pos < q.span.end && q.depth == 0)
    }
}

/// Non-empty lines, trimmed of surrounding white space (and `\r`).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // (`split` finds each `\n` with memchr, a word at a time)
    for line in text.split('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = start + trimmed_start;
            out.push(Span::new(s, s + trimmed.len()));
        }
        start += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_trimmed_lines_crlf_included() {
        let t = "First line.\r\n\r\n  Second line.  \r\nThird";
        let d = Document::new(t);
        let ps: Vec<_> = d.paragraphs.iter().map(|p| p.of(t)).collect();
        assert_eq!(ps, ["First line.", "Second line.", "Third"]);
    }

    #[test]
    fn token_at_agrees_with_a_binary_search() {
        let t = "“We will appeal,” said Jane Doe. 🎬 Then — she left.\n\nAnother paragraph here.";
        let d = Document::new(t);
        for pos in 0..=t.len() + 40 {
            assert_eq!(d.token_at(pos), d.tokens.partition_point(|k| k.span().start < pos), "at {pos}");
        }
    }

    #[test]
    fn empty_and_blank_texts_build() {
        for t in ["", " ", "\n\n", "\r\n", "“", "'"] {
            let d = Document::new(t);
            assert!(d.sentences.iter().all(|s| s.end <= t.len()));
        }
    }
}
