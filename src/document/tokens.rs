//! Word tokens: runs of letters and digits with inner apostrophes, hyphens and the dots of
//! abbreviations (`U.S.`, `don’t`, `co-founder`), and single punctuation characters.
//! White space is not a token.

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

/// One token; owns no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// True for a word of any kind.
    pub fn is_word(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&')
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            loop {
                match it.peek() {
                    Some(&(_, d)) if d.is_alphanumeric() => {
                        end += d.len_utf8();
                        it.next();
                    }
                    Some(&(j, d)) if is_inner_joiner(d) => {
                        // a joiner stays inside the word only when a letter or digit follows;
                        // a dot also ends the word unless the word is an abbreviation (`U.S.`).
                        let after = text[j + d.len_utf8()..].chars().next();
                        let glued = after.is_some_and(|a| a.is_alphanumeric());
                        if d == '.' {
                            let word = &text[i..end];
                            let abbreviation = glued && word.chars().count() <= 2
                                || (!glued && word.contains('.') && word.chars().count() <= 5);
                            if abbreviation {
                                end += 1;
                                it.next();
                                continue;
                            }
                            break;
                        }
                        if glued {
                            end += d.len_utf8();
                            it.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let kind = if c.is_uppercase() {
                TokenKind::Capitalized
            } else if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Lower
            };
            out.push(Token { span: Span::new(i, end), kind });
        } else {
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind: TokenKind::Punct });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.span.of(t)).collect()
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
    fn kinds() {
        let k: Vec<_> = tokenize("Ann said 3 .").iter().map(|t| t.kind).collect();
        assert_eq!(k, [TokenKind::Capitalized, TokenKind::Lower, TokenKind::Number, TokenKind::Punct]);
    }
}
