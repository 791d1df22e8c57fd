//! Word tokens: runs of letters and digits with inner apostrophes, hyphens and the dots of
//! abbreviations (`U.S.`, `don’t`, `co-founder`), and single punctuation characters.
//! White space is not a token.

use crate::chars;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word starting with an upper-case letter.
    Capitalized,
    /// A word starting with a lower-case letter.
    Lower,
    /// A word starting with a digit.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token; owns no text. Eight bytes (an article has a token every five bytes or so, and
/// the tokens were the largest part of the analysis' memory at 24 bytes each): the start as a
/// `u32`, and the length in the low 30 bits of `packed` with the kind in the top two. Texts
/// are tokenized up to 4 GiB (the CLI reads at most that); a longer word is cut at 1 GiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    start: u32,
    packed: u32,
}

/// The longest token, in bytes (a longer run of letters becomes several).
const MAX_TOKEN: usize = (1 << 30) - 1;

impl Token {
    /// A token at `start..end` (`end - start` at most [`MAX_TOKEN`], `start` under 4 GiB).
    fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        Token { start: start as u32, packed: (end - start) as u32 | (kind as u32) << 30 }
    }
    /// Where it is.
    #[inline]
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + (self.packed & MAX_TOKEN as u32) as usize)
    }
    /// What it is.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        match self.packed >> 30 {
            0 => TokenKind::Capitalized,
            1 => TokenKind::Lower,
            2 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }
    /// True for a word of any kind.
    pub fn is_word(&self) -> bool {
        self.kind() != TokenKind::Punct
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&')
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    // the character at byte `i` (ASCII without decoding)
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => text.get(i..).and_then(|r| r.chars().next()),
        }
    };
    let word_char = chars::is_alnum;
    // offsets are u32: a text over 4 GiB is tokenized up to there
    let stop = bytes.len().min(u32::MAX as usize - 4);
    let mut i = 0;
    while i < stop {
        let Some(c) = char_at(i) else { break };
        let len = c.len_utf8();
        if c.is_ascii_whitespace() || (!c.is_ascii() && c.is_whitespace()) {
            i += len;
            continue;
        }
        if !word_char(c) {
            out.push(Token::new(i, i + len, TokenKind::Punct));
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        loop {
            // ASCII letters and digits a byte at a time (most of a word), without decoding
            while bytes.get(end).is_some_and(|&b| chars::is_ascii_alnum(b)) {
                end += 1;
            }
            let Some(d) = char_at(end) else { break };
            if word_char(d) {
                end += d.len_utf8();
                continue;
            }
            if !is_inner_joiner(d) {
                break;
            }
            // a joiner stays inside the word only when a letter or digit follows; a dot also
            // ends the word unless the word is an abbreviation (`U.S.`)
            let glued = char_at(end + d.len_utf8()).is_some_and(word_char);
            if d == '.' {
                let word = text.get(start..end).unwrap_or("");
                let abbreviation = glued && word.chars().count() <= 2 || (!glued && word.as_bytes().contains(&b'.') && word.chars().count() <= 5);
                if abbreviation {
                    end += 1;
                    continue;
                }
                break;
            }
            if glued {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let kind = if c.is_uppercase() {
            TokenKind::Capitalized
        } else if chars::is_num(c) {
            TokenKind::Number
        } else {
            TokenKind::Lower
        };
        let mut end = end.min(start + MAX_TOKEN).min(u32::MAX as usize);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push(Token::new(start, end, kind));
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.span().of(t)).collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("U.S. President", &["U.S.", "President"]),
            ("don’t stop.", &["don’t", "stop", "."]),
            ("co-founder's", &["co-founder's", ]),
            ("“Hi,” she said", &["“", "Hi", ",", "”", "she", "said"]),
            ("Supporters' Trust", &["Supporters", "'", "Trust"]),
            ("3.5 per cent", &["3.5", "per", "cent"]),
            ("end. Next", &["end", ".", "Next"]),
            ("🎬 film", &["🎬", "film"]),
        ];
        for (t, want) in rows {
            assert_eq!(&words(t), want, "{t}");
        }
    }

    #[test]
    fn a_token_is_eight_bytes() {
        // the largest structure of an analysis: one every five bytes of text
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let t = Token::new(7, 7 + MAX_TOKEN, TokenKind::Punct);
        assert_eq!((t.span(), t.kind()), (Span::new(7, 7 + MAX_TOKEN), TokenKind::Punct));
    }

    #[test]
    fn kinds() {
        let k: Vec<_> = tokenize("Ann said 3 .").iter().map(|t| t.kind()).collect();
        assert_eq!(k, [TokenKind::Capitalized, TokenKind::Lower, TokenKind::Number, TokenKind::Punct]);
    }
}
