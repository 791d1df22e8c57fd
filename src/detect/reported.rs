//! Reported (indirect) speech: a clause saying what a source said, wrote, found or claimed,
//! without quote marks (`Reuters revealed that President Putin is willing …`).
//!
//! A speech cue outside quotation marks, used as a verb (it has a subject: a name, pronoun,
//! role or unnamed source) and followed by reported content rather than a quotation, makes
//! the span from its subject to the end of the clause. One per sentence.

use super::attribution::{speech_cues, subject_of, verb, via_in, Verb};
use super::{Context, Detector, Finding};
use crate::analysis::Kind;
use crate::entities::Subject;
use crate::span::Span;

/// The reported-speech detector.
pub(crate) struct Reported;

/// Words after a cue that show it does not introduce reported content.
const NOT_CONTENT: &[&str] = &["by", "of", "for", "in", "on", "at", "to", "from", "with", "and", "or", "."];

impl Detector for Reported {
    fn description(&self) -> &'static str {
        "Reported speech: what a source said, without quote marks"
    }

    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        for (si, s) in doc.sentences.iter().enumerate() {
            let _ = si;
            for c in speech_cues(cx, *s) {
                let v = verb(c);
                if matches!(v, Verb::According | Verb::Quoted) {
                    continue;
                }
                // what follows the cue, up to the sentence end
                let rest = doc.slice(Span::new(c.span.end, s.end)).trim_start();
                let rest_start = s.end - rest.len();
                // a quotation right after (`said: “…”`, `said “…”`) is a quote, not reported speech
                let first_char = rest.chars().next().unwrap_or('.');
                if matches!(first_char, '“' | '"' | '«' | '„' | ':' | '‘') {
                    continue;
                }
                let next_word = rest.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
                if NOT_CONTENT.contains(&next_word.as_str()) || rest.len() < 12 {
                    continue;
                }
                // content that is mostly a quotation is a quote
                let quoted: usize = doc
                    .quotes
                    .iter()
                    .filter(|q| q.depth == 0 && q.span.start >= rest_start && q.span.end <= s.end)
                    .map(|q| q.span.len())
                    .sum();
                if quoted * 2 > rest.len() {
                    continue;
                }
                let Some(who) = subject_of(cx, c, s.start, s.end) else { continue };
                let start = match who {
                    Subject::Name(n) => cx.mentions.names[n].full.start.min(c.span.start),
                    Subject::Pronoun(p, _) => p.start,
                    Subject::Role { phrase, .. } => phrase.start,
                    Subject::Anonymous(a) => a.start,
                }
                .max(s.start);
                // the clause ends at the sentence end, or before a quotation that follows
                let mut end = s.end;
                if let Some(q) = doc.quotes.iter().find(|q| q.depth == 0 && q.span.start > c.span.end && q.span.start < end) {
                    let cut = doc.slice(Span::new(c.span.end, q.span.start)).trim_end().trim_end_matches([',', ':']).trim_end();
                    end = c.span.end + cut.len();
                }
                if end <= c.span.end + 8 {
                    continue;
                }
                let mut f = Finding::new(Kind::Reported, Span::new(start, end));
                f.cue = Some(c.span);
                f.who = Some(who);
                f.via = via_in(cx, *s).into_iter().collect();
                found.push(f);
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    fn reported(text: &str) -> Vec<(String, Option<String>)> {
        let a = analyze(text);
        a.annotations
            .iter()
            .filter(|x| x.kind == Kind::Reported)
            .map(|x| (a.text_of(x).to_string(), a.who(x).map(str::to_string)))
            .collect()
    }

    #[test]
    fn hits() {
        let rows: &[(&str, &str, &str)] = &[
            ("In November, Reuters revealed that Putin is willing to talk.", "Reuters revealed that Putin is willing to talk.", "Reuters"),
            ("Jane Doe said the port would reopen on Monday.", "Jane Doe said the port would reopen on Monday.", "Jane Doe"),
            ("Shipping lines said the backlog could take a week to clear.", "Shipping lines said the backlog could take a week to clear.", "Shipping lines"),
        ];
        for (text, span, who) in rows {
            assert_eq!(reported(text), [(span.to_string(), Some(who.to_string()))], "{text}");
        }
    }

    #[test]
    fn misses() {
        for text in [
            "Jane Doe said: “We will reopen on Monday.”",
            "According to reports, the port is closed.",
            "The claims were rejected by the court.",
            "She was quoted by RIA.",
            "He said so.",
        ] {
            assert_eq!(reported(text), [], "{text}");
        }
    }
}
