//! Sentence boundaries inside paragraphs.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quote marks and brackets after
//! it) when the next word starts with a capital letter, a digit or an opening quote mark,
//! unless the word before the dot is an abbreviation or an initial (`Mr.`, `Gen.`, `J.`).
//! Sentence ends inside a closed quotation do not split it: `"We show films. That is the
//! job," she said.` is one sentence, which keeps a quote and its attribution together, and so
//! is `"Is it over?" she asked.`: a quotation ending in `?`, `!` or `.` followed by its
//! attribution (`she asked`, `Pence said`, `said Ms Holm`) does not end the sentence.

use super::quotes::QuotePair;
use super::tokens::{Token, TokenKind};
use crate::lexicon::{Cue, List};
use crate::span::Span;

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: `J. Smith`
    }
    crate::lexicon::is(crate::lexicon::Tag::Abbreviation, w)
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | "»" | ")" | "]" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "«" | "„" | "(" | "‚" | "[")
}

/// Splits each paragraph into sentences.
pub(crate) fn split(text: &str, paragraphs: &[Span], tokens: &[Token], quotes: &[QuotePair], cues: &[Cue]) -> Vec<Span> {
    let is_speech = |t: &Token| {
        let k = cues.partition_point(|c| c.span().start < t.span().start);
        cues[k..].iter().take_while(|c| c.span().start == t.span().start).any(|c| c.list == List::Speech)
    };
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    let mut t = 0; // token cursor
    // the outermost quotations (they never overlap), and a cursor on them
    let outer: Vec<&QuotePair> = quotes.iter().filter(|p| p.depth == 0).collect();
    let mut q = 0;
    for para in paragraphs {
        while t < tokens.len() && tokens[t].span().start < para.start {
            t += 1;
        }
        let mut start = para.start;
        let mut i = t;
        while i < tokens.len() && tokens[i].span().end <= para.end {
            let tok = tokens[i];
            let s = tok.span().of(text);
            if tok.kind() == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
                // skip further end punctuation and closers
                let mut j = i + 1;
                while j < tokens.len() && tokens[j].span().end <= para.end {
                    let u = tokens[j].span().of(text);
                    // a closer is glued to what it closes: `budget. "These` opens a quotation
                    let glued = tokens[j].span().start == tokens[j - 1].span().end;
                    if matches!(u, "." | "!" | "?" | "…") || (is_closer(u) && glued) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let end = tokens[j - 1].span().end;
                let next = tokens.get(j).filter(|n| n.span().end <= para.end);
                let next_starts = match next {
                    None => false, // the paragraph end closes the sentence anyway
                    Some(n) => {
                        let ns = n.span().of(text);
                        matches!(n.kind(), TokenKind::Capitalized | TokenKind::Number) || is_opener(ns)
                    }
                };
                let prev_word = if i > 0 && tokens[i - 1].span().end == tok.span().start {
                    tokens[i - 1].span().of(text)
                } else {
                    ""
                };
                // inside a closed quotation that goes on after this point? (only the last
                // outermost one starting before it can hold it)
                while q < outer.len() && outer[q].span.start < tok.span().start {
                    q += 1;
                }
                let inside_quote = q
                    .checked_sub(1)
                    .map(|k| outer[k])
                    .is_some_and(|p| p.close.is_some() && p.span.end > end && p.span.len() < 2000);
                // `No. 5`, `Art. 3`: an abbreviation before a number
                let numbered = matches!(prev_word.to_ascii_lowercase().as_str(), "no" | "art" | "vol" | "p" | "pp")
                    && next.is_some_and(|n| n.kind() == TokenKind::Number);
                // `“…?” Pence said.` / `“…!” said Ms Holm.`: the attribution continues the sentence
                let closes_quote = matches!(s, "?" | "!")
                    && tokens[i + 1..j].iter().any(|t| matches!(t.span().of(text), "”" | "\"" | "’" | "'" | "»"));
                let attribution = closes_quote
                    && tokens[j..].iter().take(3).take_while(|t| t.span().end <= para.end && t.is_word()).any(&is_speech);
                if next_starts && !is_abbreviation(prev_word) && !numbered && !inside_quote && !attribution {
                    out.push(Span::new(start, end));
                    start = tokens[j].span().start;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        if start < para.end {
            out.push(Span::new(start, para.end));
        }
        t = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    fn sentences(t: &str) -> Vec<&str> {
        let d = Document::new(t);
        d.sentences.iter().map(|s| s.of(t)).collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Mr. Smith left. He came back.", &["Mr. Smith left.", "He came back."]),
            ("The U.S. Senate voted. It passed.", &["The U.S. Senate voted.", "It passed."]),
            ("He said “No.” Then he left.", &["He said “No.”", "Then he left."]),
            (
                "\"We show films. That is the job,\" she said. Next.",
                &["\"We show films. That is the job,\" she said.", "Next."],
            ),
            ("Is it? Yes! 3 left.", &["Is it?", "Yes!", "3 left."]),
            ("“Is it over?” Pence said. Yes.", &["“Is it over?” Pence said.", "Yes."]),
            ("“Stop!” shouted Ms Holm. Yes.", &["“Stop!” shouted Ms Holm.", "Yes."]),
            ("“It is over.” Then we left.", &["“It is over.”", "Then we left."]),
            ("the “operation.” He claimed it.", &["the “operation.”", "He claimed it."]),
            ("over budget. \"These are wrong,\" she said.", &["over budget.", "\"These are wrong,\" she said."]),
            ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
            ("a.\nB.", &["a.", "B."]),
            ("It costs 3.5 million. Fine.", &["It costs 3.5 million.", "Fine."]),
            ("ends lower. then more", &["ends lower. then more"]),
        ];
        for (t, want) in rows {
            assert_eq!(&sentences(t), want, "{t}");
        }
    }

    #[test]
    fn unclosed_quote_does_not_glue_sentences() {
        assert_eq!(sentences("“Open. Never closed. Still."), ["“Open.", "Never closed.", "Still."]);
    }
}
