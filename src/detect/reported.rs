//! Reported (indirect) speech: a clause saying what a source said, wrote, found or claimed,
//! without quote marks (`Reuters revealed that President Putin is willing …`).
//!
//! A speech cue outside quotation marks, used as a verb (it has a subject before it, or is
//! followed by `that`), introducing content rather than a quotation (`said: “…”`, `called
//! it a “bloodbath”` are quotes), makes the span from its subject to the end of the sentence.
//! Denial verbs are left to the denial detector; inverted attributions (`…, said Ms Holm`)
//! only attribute a quotation. One per sentence.

use super::attribution::{speech_cues, subject_of, verb, via_in, Verb};
use super::{Context, Detector, Finding};
use crate::vocab::Kind;
use crate::document::TokenKind;
use super::scope::word;
use super::subject::{self, Subject};
use crate::span::Span;

/// The reported-speech detector.
pub(crate) struct Reported;

impl Detector for Reported {
    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        'sentences: for s in &doc.sentences {
            for c in speech_cues(cx, *s) {
                if matches!(verb(c), Verb::According | Verb::Quoted | Verb::Deny) {
                    continue;
                }
                // a negated or refused verb reports nothing (`would not say whether`)
                let i = doc.token_at(c.span().start);
                // (folded on the stack: `’` is `'` then)
                let negated = (i.saturating_sub(3)..i).any(|k| {
                    let w = word(doc, k);
                    w == "not" || w == "never" || w.ends_with("n't") || w == "declined" || w == "refused"
                });
                if negated {
                    continue;
                }
                // the content: what follows the cue, past a short prepositional phrase to `that`
                let after = doc.tokens_in(Span::new(c.span().end, s.end));
                let Some(first) = after.first() else { continue };
                let fw = doc.slice(first.span());
                let mut content = 0; // index into `after` where the content starts
                if first.kind() == TokenKind::Punct {
                    continue; // `said: “…”`, `said, “…”`, `said.`
                }
                if crate::lexicon::is(crate::lexicon::Tag::NotContent, fw) {
                    // `said in a letter that …`, or a short time phrase and then the clause's
                    // subject (`said on Thursday it would …`)
                    let that = after.iter().take(10).position(|t| doc.slice(t.span()).eq_ignore_ascii_case("that"));
                    let subject = after.iter().take(5).position(|t| {
                        matches!(doc.slice(t.span()).to_ascii_lowercase().as_str(), "it" | "he" | "she" | "they" | "we" | "i")
                    });
                    match (that, subject) {
                        (Some(p), _) if after[..p].iter().all(|t| t.is_word()) => content = p,
                        (_, Some(p)) if p >= 2 && after[..p].iter().all(|t| t.is_word()) => content = p,
                        _ => continue,
                    }
                }
                let content_words: Vec<_> = after[content..].iter().take(4).collect();
                // `told reporters on Friday` reports nothing: `told` needs its object and a clause
                let verb_word = doc.slice(c.span());
                let min_words = if ["told", "tells", "tell", "telling"].iter().any(|v| verb_word.eq_ignore_ascii_case(v)) { 5 } else { 3 };
                if after[content..].iter().take(8).filter(|t| t.is_word()).count() < min_words {
                    continue;
                }
                // `told analysts on a conference call`: an object and no clause
                let clause_word = |w: &str| {
                    let w = w.to_ascii_lowercase();
                    w.ends_with("ed")
                        || matches!(
                            w.as_str(),
                            "that" | "had" | "has" | "have" | "would" | "will" | "was" | "were" | "is" | "are" | "could" | "should" | "might" | "may" | "must" | "did" | "does" | "do" | "can"
                        )
                };
                if min_words == 5 && !after[content..].iter().take(8).any(|t| clause_word(doc.slice(t.span()))) {
                    continue;
                }
                // a quotation in the first words that ends its clause makes this a quote's
                // frame (`asserted that he has “…”.`), not reported speech (`said members had
                // been “kept in the dark” and demanded …`)
                let opener = content_words.iter().find_map(|t| doc.quotes_starting_in(t.span()).find(|q| q.open.start == t.span().start));
                if let Some(q) = opener {
                    let rest = doc.tokens_in(Span::new(q.span.end, s.end));
                    let ends_clause = match rest.first() {
                        None => true,
                        Some(t) if matches!(doc.slice(t.span()), "." | "!" | "?" | ";") => true,
                        // `… “…” and revealed that …`: a new report starts
                        Some(t) if matches!(doc.slice(t.span()), "and" | ",") => {
                            rest.get(1).is_some_and(|u| speech_cues(cx, u.span()).next().is_some())
                                && rest.get(2).is_some_and(|u| doc.slice(u.span()).eq_ignore_ascii_case("that"))
                        }
                        _ => false,
                    };
                    if ends_clause {
                        continue;
                    }
                }
                // a framing verb with a quotation anywhere after it frames that quotation
                if verb(c) == Verb::Frame && doc.quotes_starting_in(Span::new(c.span().end, s.end)).next().is_some() {
                    continue;
                }
                let who = subject_of(cx, c, s.start, s.end);
                let inverted = match who {
                    Some(Subject::Name(n)) => cx.doc.mentions.names[n].name().start > c.span().start,
                    Some(Subject::Role { phrase, .. }) => phrase.start > c.span().start,
                    Some(Subject::Pronoun(p, _)) => p.start > c.span().start,
                    Some(Subject::Anonymous(a)) => a.start > c.span().start,
                    None => false,
                };
                if inverted {
                    continue;
                }
                // without a subject only a past tense before `that` reports (`A post shared
                // online claimed that …`); `claims that …` is a noun
                if who.is_none() && !(fw.eq_ignore_ascii_case("that") && doc.slice(c.span()).ends_with("ed")) {
                    continue;
                }
                let start = match who {
                    Some(Subject::Name(n)) => cx.doc.mentions.names[n].full().start.min(c.span().start),
                    Some(Subject::Pronoun(p, _)) => p.start,
                    Some(Subject::Role { phrase, .. }) => phrase.start,
                    Some(Subject::Anonymous(a)) => a.start,
                    None => c.span().start,
                }
                .clamp(s.start, c.span().start);
                let mut f = Finding::new(Kind::Reported, Span::new(start, s.end));
                f.cue = Some(c.span());
                f.who = who;
                f.via = via_in(cx, *s).into_iter().collect();
                found.push(f);
                continue 'sentences;
            }
            if let Some(f) = attribution_last(cx, *s) {
                found.push(f);
            }
        }
    }
}

/// `Hundreds fled the town, officials said.`: the attribution closes the sentence, and what
/// stands before its comma is the report.
fn attribution_last(cx: &Context, s: Span) -> Option<Finding> {
    let doc = cx.doc;
    let c = speech_cues(cx, s).rev().find(|c| matches!(verb(c), Verb::Speech))?;
    // after the verb: nothing but a short time or place phrase
    let tail = doc.tokens_in(Span::new(c.span().end, s.end));
    if tail.iter().filter(|t| t.is_word()).count() > 6 {
        return None;
    }
    // the subject sits between the last comma and the verb
    let toks = doc.tokens_in(Span::new(s.start, c.span().start));
    let comma = toks.iter().rposition(|t| doc.slice(t.span()) == ",")?;
    let clause_end = toks[comma].span().start;
    let who = subject::subject_before(doc, c.span(), toks[comma].span().end)?;
    if toks.len() - comma > 8 || clause_end <= s.start {
        return None;
    }
    // a quotation before the comma is a quote, not reported speech
    let content = doc.between(s.start, clause_end).trim_start();
    if content.starts_with(['“', '"', '‘', '\'', '«', '„']) || doc.quote_containing(clause_end.saturating_sub(1)).is_some() {
        return None;
    }
    if doc.tokens_in(Span::new(s.start, clause_end)).iter().filter(|t| t.is_word()).count() < 4 {
        return None;
    }
    // the whole sentence, attribution included, as for `X said …`
    let mut f = Finding::new(Kind::Reported, s);
    f.cue = Some(c.span());
    f.who = Some(who);
    Some(f)
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
            ("In November, Reuters revealed that Putin is willing to talk.", "Reuters revealed that Putin is willing to talk", "Reuters"),
            ("Jane Doe said the port would reopen on Monday.", "Jane Doe said the port would reopen on Monday", "Jane Doe"),
            ("Shipping lines said the backlog could take a week to clear.", "Shipping lines said the backlog could take a week to clear", "Shipping lines"),
            (
                "Lawyers for the employees say the unpaid wages could exceed $2 million.",
                "Lawyers for the employees say the unpaid wages could exceed $2 million",
                "Lawyers for the employees",
            ),
            ("Orbis Motors said on Thursday it would cut 2,000 jobs.", "Orbis Motors said on Thursday it would cut 2,000 jobs", "Orbis Motors"),
            ("Hundreds of residents fled the town on Sunday, officials said.", "Hundreds of residents fled the town on Sunday, officials said", "officials"),
            (
                "The cause of the fire is under investigation, Dana Cole said on Monday.",
                "The cause of the fire is under investigation, Dana Cole said on Monday",
                "Dana Cole",
            ),
            ("The councillors said in an open letter that the film is biased.", "The councillors said in an open letter that the film is biased", "councillors"),
            (
                "Jane Doe left. Her publicist said she was travelling and \"not available\".",
                "Her publicist said she was travelling and \"not available\"",
                "Jane Doe",
            ),
            (
                "Tom Ray asserted that he has “a plan” and revealed that he owns a strategy.",
                "Tom Ray asserted that he has “a plan” and revealed that he owns a strategy",
                "Tom Ray",
            ),
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
            "“It works,” said Greta Holm, the authority's chief operating officer, at a news conference.",
            "He characterised the war as a “bloodbath” on Friday.",
            "The port authority denied that a cyberattack was behind the outage.",
            "The United States has troops in the region.",
            "The developer rejected claims that the project was over budget.",
            "Reyes would not say whether Moss was still dating the actor.",
            "The minister declined to say when the report would be published.",
            "“We will rebuild,” he said.",
            "Yes, she said.",
            "Laura Kim told analysts on a conference call.",
        ] {
            assert_eq!(reported(text), [], "{text}");
        }
    }
}
