//! Quote marks paired per paragraph, as news copy really writes them.
//!
//! Handles “…” "…" ‘…’ '…' «…» „…“ ‚…‘ ‹…› and ''…'' (two apostrophes), mixed pairs
//! (`“no evidence"`), apostrophes inside single-quoted text (`the company's`, `Supporters'`),
//! inch and foot marks (`5'10"`), nesting, and unclosed marks. Pairing is per paragraph, so an
//! unclosed mark never runs past its paragraph; an unclosed double mark becomes a quotation to
//! the end of its paragraph (how a quote continued over paragraphs is written: each paragraph
//! opens with a mark, only the last one closes).
//!
//! Every mark is classified from its neighbours (is it glued to the word after it, to the word
//! before it, or to both?) and then paired with a small stack. The stack is searched at most
//! [`MAX_SEARCH`] deep, so a paragraph of thousands of marks stays linear.

use crate::chars;
use crate::span::Span;

const MAX_SEARCH: usize = 16;
const MAX_STACK: usize = 64;

/// Which marks can pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    /// “…” "…" „…“ ''…''
    Double,
    /// ‘…’ '…' ‚…‘ ‹…›
    Single,
    /// «…»
    Guillemet,
}

/// One quotation: an opening mark and its closing mark (or the end of the paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct QuotePair {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ended first.
    pub close: Option<Span>,
    /// From the opening mark to the closing mark included (or the paragraph's end).
    pub span: Span,
    /// 0 for an outermost quotation, 1 for one nested inside it, ...
    pub depth: u8,
    /// The kind of marks.
    pub family: Family,
}

impl QuotePair {
    /// The quoted words without the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.map_or(self.span.end, |c| c.start))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Could be either; the stack decides.
    Either,
}

#[derive(Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
    /// „ and ‚ close with “ / ‘ as well as ” / ’.
    low: bool,
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„' | '‚' | '"' | '\'' | ':' | '‹')
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

/// True for a byte that can start a quote mark: `"`, `'`, and the lead bytes of “ ” ‘ ’ „ ‚ ‹ ›
/// (0xE2) and « » (0xC2).
fn is_mark_byte(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xE2 | 0xC2)
}

/// The first index from `i` on whose byte [`is_mark_byte`] (`bytes.len()` if none): eight bytes
/// at a time while none of them is one (most text has no mark for dozens of bytes; a byte at a
/// time this walk was 2% of the analysis).
fn next_mark_byte(bytes: &[u8], i: usize) -> usize {
    use crate::swar::{has, skip};
    skip(bytes, i, |w| has(w, b'"') | has(w, b'\'') | has(w, 0xE2) | has(w, 0xC2), is_mark_byte)
}

/// Classifies the marks of one paragraph.
fn marks(text: &str, para: Span) -> Vec<Mark> {
    let s = para.of(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let char_at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let char_before = |i: usize| s.get(..i).and_then(|r| r.chars().next_back());
    let mut i = 0;
    // only bytes that can start a quote mark are looked at: `"`, `'`, and the lead bytes of
    // “ ” ‘ ’ „ ‚ ‹ › (0xE2) and « » (0xC2)
    loop {
        i = next_mark_byte(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let Some(c) = char_at(i) else { break };
        if !matches!(c, '“' | '”' | '"' | '\'' | '’' | '‘' | '«' | '»' | '„' | '‚' | '‹' | '›') {
            i += c.len_utf8();
            continue;
        }
        let prev = char_before(i);
        let at = para.start + i;
        // two apostrophes make a double mark
        let pair_len = if (c == '\'' || c == '’' || c == '‘') && char_at(i + c.len_utf8()) == Some(c) { 2 } else { 1 };
        let mark_end = i + c.len_utf8() * pair_len;
        let next = char_at(mark_end);
        let span = Span::new(at, para.start + mark_end);
        let left = !is_space(next) && (is_space(prev) || prev.is_some_and(is_open_punct)); // glued to what follows
        let right = !is_space(prev) && (is_space(next) || next.is_some_and(|n| n.is_ascii_punctuation() || matches!(n, '”' | '’' | '»' | '—' | '–' | '…' | '›')));
        let flank = |open_default: Role| match (left, right) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => open_default,
        };
        let mark = match (c, pair_len) {
            ('“', 1) => Some((Family::Double, if right && !left { Role::Either } else { Role::Open }, false)),
            ('”', 1) => Some((Family::Double, if left && !right { Role::Either } else { Role::Close }, false)),
            ('"', 1) => {
                if prev.is_some_and(|p| p.is_ascii_digit()) && !left {
                    None // inch mark: 5'10"
                } else {
                    Some((Family::Double, flank(Role::Either), false))
                }
            }
            ('\'' | '’' | '‘', 2) => Some((Family::Double, flank(Role::Either), false)),
            ('«', 1) => Some((Family::Guillemet, Role::Open, false)),
            ('»', 1) => Some((Family::Guillemet, Role::Close, false)),
            ('„', 1) => Some((Family::Double, Role::Open, true)),
            ('‚', 1) => Some((Family::Single, Role::Open, true)),
            ('‹', 1) => Some((Family::Single, Role::Open, false)),
            ('›', 1) => Some((Family::Single, Role::Close, false)),
            ('‘', 1) => {
                if next.is_some_and(|n| n.is_ascii_digit()) {
                    None // ‘90s
                } else if left || is_space(prev) {
                    Some((Family::Single, Role::Open, false))
                } else {
                    Some((Family::Single, Role::Either, false))
                }
            }
            ('\'' | '’', 1) => {
                let glued_both = prev.is_some_and(chars::is_alnum) && next.is_some_and(chars::is_alnum);
                let digit_after = next.is_some_and(|n| n.is_ascii_digit()) && !prev.is_some_and(chars::is_alnum);
                let foot_mark = prev.is_some_and(|p| p.is_ascii_digit()) && !left;
                if glued_both || digit_after || foot_mark {
                    None // don't, company's, '90s, 5'
                } else if left {
                    // an opening single quote, unless a known elision ('em, 'til, ’n’)
                    let rest: String = s.get(i + c.len_utf8()..).unwrap_or("").chars().take_while(|&c| chars::is_letter(c)).collect();
                    let elision = matches!(rest.to_ascii_lowercase().as_str(), "em" | "til" | "tis" | "twas" | "cause" | "n" | "round" | "bout");
                    if elision || c == '’' && !prev.is_some_and(is_open_punct) {
                        None
                    } else {
                        Some((Family::Single, Role::Open, false))
                    }
                } else if right {
                    // closes a single quote when one is open; otherwise a possessive (`Supporters'`)
                    Some((Family::Single, Role::Close, false))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((family, role, low)) = mark {
            out.push(Mark { span, family, role, low });
        }
        i = mark_end;
    }
    out
}

/// Pairs the quote marks of every paragraph.
pub(crate) fn pair(text: &str, paragraphs: &[Span]) -> Vec<QuotePair> {
    let mut out = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    for para in paragraphs {
        stack.clear();
        for m in marks(text, *para) {
            // Find the open mark this one may close.
            let found = stack
                .iter()
                .rev()
                .take(MAX_SEARCH)
                .position(|o| o.family == m.family)
                .map(|p| stack.len() - 1 - p);
            let closes = match m.role {
                Role::Close => found.is_some(),
                Role::Either => found.is_some(),
                Role::Open => {
                    // “ closes „ (German style)
                    let at = m.span.of(text);
                    m.family == Family::Double && found.is_some_and(|f| stack[f].low) && at.starts_with('“')
                        || m.family == Family::Single && found.is_some_and(|f| stack[f].low) && at.starts_with('‘')
                }
            };
            if closes {
                let f = found.unwrap_or(0);
                let open = stack[f];
                stack.truncate(f);
                out.push(QuotePair {
                    open: open.span,
                    close: Some(m.span),
                    span: Span::new(open.span.start, m.span.end),
                    depth: f.min(255) as u8,
                    family: open.family,
                });
            } else if m.role != Role::Close && stack.len() < MAX_STACK {
                stack.push(m);
            }
        }
        // Unclosed marks: the outermost double or guillemet runs to the paragraph's end.
        if let Some((f, open)) = stack.iter().enumerate().find(|(_, o)| o.family != Family::Single) {
            // Not an unclosed quote when it is the paragraph's last character (a stray mark).
            if open.span.end < para.end {
                out.push(QuotePair {
                    open: open.span,
                    close: None,
                    span: Span::new(open.span.start, para.end),
                    depth: f.min(255) as u8,
                    family: open.family,
                });
            }
        }
    }
    // no two quotations share both ends (each mark pairs once), so the order is total
    crate::vocab::sort_indices_by_key(&mut out, |q| (q.span.start, std::cmp::Reverse(q.span.end)));
    // Depth from containment, so it is right whatever order the pairs closed in.
    let mut open_ends: Vec<usize> = Vec::new();
    for q in out.iter_mut() {
        while open_ends.last().is_some_and(|&e| e <= q.span.start) {
            open_ends.pop();
        }
        q.depth = open_ends.len().min(255) as u8;
        if open_ends.len() < MAX_STACK {
            open_ends.push(q.span.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    #[test]
    fn the_eight_byte_skip_stops_where_a_byte_at_a_time_walk_does() {
        // every position of texts mixing the four bytes with their neighbours (0x21, 0x23,
        // 0xE1, 0xE3, 0xC1, 0xC3 differ from them by one bit) and plain letters
        let pool = [b'"', b'\'', 0xE2, 0xC2, 0x21, 0x23, 0x26, 0xE1, 0xE3, 0xC1, 0xC3, 0xA2, 0x62, b'a', b' ', 0x80];
        crate::swar::check_jump(&pool, 11, super::next_mark_byte, super::is_mark_byte);
    }

    /// The quotations of `t` as (text, depth, closed).
    fn quotes(t: &str) -> Vec<(&str, u8, bool)> {
        let d = Document::new(t);
        d.quotes.iter().map(|q| (q.span.of(t), q.depth, q.close.is_some())).collect()
    }

    #[test]
    fn table() {
        type Row<'a> = (&'a str, &'a [(&'a str, u8, bool)]);
        let rows: &[Row] = &[
            ("He said “yes.” Then left.", &[("“yes.”", 0, true)]),
            ("\"A,\" she said. \"B.\"", &[("\"A,\"", 0, true), ("\"B.\"", 0, true)]),
            ("It was ‘fine’, he said.", &[("‘fine’", 0, true)]),
            ("It was 'fine', he said.", &[("'fine'", 0, true)]),
            ("a «bold» move", &[("«bold»", 0, true)]),
            ("er sagte „nein“ dann", &[("„nein“", 0, true)]),
            ("sagte ‚nein‘ dann", &[("‚nein‘", 0, true)]),
            ("''This is it,'' he said.", &[("''This is it,''", 0, true)]),
            ("found “no evidence\" at all", &[("“no evidence\"", 0, true)]),
            ("a “question’’ that", &[("“question’’", 0, true)]),
            (
                "\"When the company's lawyer says 'this is defamatory', I act.\"",
                &[("\"When the company's lawyer says 'this is defamatory', I act.\"", 0, true), ("'this is defamatory'", 1, true)],
            ),
            ("the Supporters' Trust said “no”", &[("“no”", 0, true)]),
            ("‘the company’s plan’ he said", &[("‘the company’s plan’", 0, true)]),
            ("He is 5'10\" tall and said \"hi\"", &[("\"hi\"", 0, true)]),
            ("back in the ’90s and '80s", &[]),
            ("“Unclosed at the end.", &[("“Unclosed at the end.", 0, false)]),
            ("rock 'n' roll", &[]),
            ("a stray ” mark and “real”", &[("“real”", 0, true)]),
        ];
        for (t, want) in rows {
            assert_eq!(&quotes(t), want, "{t}");
        }
    }

    #[test]
    fn unclosed_mark_stays_in_its_paragraph() {
        let t = "“Everything can be checked.\n\n“If anyone finds an error, I will fix it,” she said.\nNext paragraph “here”.";
        let got = quotes(t);
        assert_eq!(
            got,
            [
                ("“Everything can be checked.", 0, false),
                ("“If anyone finds an error, I will fix it,”", 0, true),
                ("“here”", 0, true)
            ]
        );
    }

    #[test]
    fn many_marks_stay_linear_and_bounded() {
        let t = "“".repeat(100_000) + &"”".repeat(100_000);
        let d = Document::new(&t);
        assert!(d.quotes.len() <= 100_000);
        let t = "'".repeat(50_000);
        let _ = Document::new(&t);
    }
}
