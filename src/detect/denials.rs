//! Denials, non-denials and refusals to comment (`kind: "denial"`).
//!
//! Cues come from `lexicon/denial_cues.txt` and `lexicon/refusal_cues.txt`; each is checked
//! in its context before it counts:
//! - verbs of denial (`denied`, `refuted`) count unless passive with an object that is a
//!   right or a thing (`was denied entry`, `denied bail`) or negated (`did not deny`, which
//!   is a non-denial);
//! - `rejected`, `dismissed`, `shot down` count only with a claim for object (`rejected the
//!   allegations`, `dismissed it as nonsense`), not a plan or an offer (`rejects making
//!   concessions`);
//! - words calling something untrue (`false`, `baseless`, `a hoax`) count when predicated
//!   (`the post was false`, `called them "fabricated"`) or in a headline, not when they
//!   qualify a noun (`a false start`);
//! - `there is no ...`, `no evidence` count in a source's words: inside a quotation, after a
//!   speech verb, or in a headline;
//! - a refusal head and a withheld act (`declined to` + `comment`, `would not` + `say
//!   whether`, `did not immediately` + `respond to requests`) make a `no_comment` or a
//!   `non_denial`;
//! - doubting or retracting a claim (`questioned whether`, `raised doubts`, `retracted the
//!   claim`, `rumour put to rest`) is a denial;
//! - a headline answering a claim with `No, ...` or `Nope`, negating it (`Banksy not arrested`,
//!   but not `fired for not working`, `may never walk`, `so he won't`), or asking a yes-no
//!   question that closes on an untrue-word (`Was the video all a hoax?`) is a denial.
//!
//! The span runs from the cue to the end of its clause, one denial per clause (per headline).
//! The source is the quotation's speaker for a cue inside quote marks, else the subject of
//! the cue (`Nwosu declined`) or of the speech verb that governs it (`The commission said
//! ... the post was false`).

use super::attribution::{last_speech_cue, speech_cues, speech_cues_back, subject_of};
use super::scope::{self, word, Suppressors, Word};
use crate::lexicon::is;
use super::{Context, Detector, Finding};
use crate::vocab::{Kind, Subtype};
use crate::document::{Document, TokenKind};
use super::subject::{self, Pronoun, Subject};
use crate::lexicon::{Cue, List, Tag};
use crate::span::Span;

/// The denial detector.
pub(crate) struct Denials;

/// How a cue's source is found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// The subject right before the cue (`the company denied`).
    Subject,
    /// The subject of a speech verb before it in the sentence, else the subject before it
    /// (`The commission said ... the post was false`).
    Speaker,
}

/// A cue that passed its checks.
struct Hit {
    cue: Span,
    subtype: Subtype,
    who: Who,
    /// The whole headline when the cue is a headline's `No, ...`.
    span: Option<Span>,
}

fn prev_skipping(doc: &Document, mut i: usize, skip: Tag) -> (usize, Word) {
    let mut steps = 0;
    while i > 0 && steps < 3 {
        let w = word(doc, i - 1);
        if is(skip, &w) || (w.ends_with("ly") && w.len() > 4) {
            i -= 1;
            steps += 1;
            continue;
        }
        return (i - 1, w);
    }
    (i.saturating_sub(1), if i == 0 { Word::default() } else { word(doc, i - 1) })
}

fn negates(w: &str) -> bool {
    matches!(w, "not" | "never" | "no" | "nor") || w.ends_with("n't")
}

/// A verb of denial: not passive (unless `by` follows), not negated, not a grant withheld.
fn deny_ok(doc: &Document, c: &Cue) -> bool {
    let i = doc.token_at(c.span().start);
    let (p, prev) = prev_skipping(doc, i, Tag::DenialAdverb);
    if i == 0 {
        return true;
    }
    let next = word(doc, doc.token_at(c.span().end));
    if is(Tag::Be, &prev) {
        return next == "by";
    }
    if negates(&prev) || prev == "nor" {
        return false;
    }
    if prev == "to" && p > 0 && crate::lexicon::is(Tag::Refusing, &word(doc, p - 1)) {
        return false;
    }
    !is(Tag::ObjectPronoun, &next)
}

/// The first token index after `span` and the index bound of its clause window.
fn window_after(doc: &Document, span: Span, n: usize) -> std::ops::Range<usize> {
    let a = doc.token_at(span.end);
    let mut b = a;
    while b < doc.tokens.len() && b < a + n {
        let t = doc.tokens[b];
        if t.kind() == TokenKind::Punct && matches!(doc.slice(t.span()), "." | ";" | "," | "?" | "!" | ":") {
            break;
        }
        b += 1;
    }
    a..b
}

/// True when a cue of `list` (tags in `tags`, any when empty) starts at one of the tokens.
fn any_cue_in(doc: &Document, range: std::ops::Range<usize>, list: List, tags: &[Tag]) -> bool {
    range.into_iter().any(|k| {
        let pos = doc.tokens[k].span().start;
        doc.cues_in(Span::new(pos, pos + 1))
            .iter()
            .any(|c| c.list == list && c.span().start == pos && (tags.is_empty() || tags.contains(&c.tag)) && c.tag != Tag::Not)
    })
}

/// `rejected` and kin: a denial with a claim (or an untrue-word) for object, or, passive,
/// with a claim for subject (`the claims were rejected`).
fn reject_ok(doc: &Document, c: &Cue) -> bool {
    let i = doc.token_at(c.span().start);
    let (p, prev) = prev_skipping(doc, i, Tag::DenialAdverb);
    // `be` + participle is a passive (`the claims were dismissed`); `are questioning` is not
    let progressive = doc.slice(c.span()).split(' ').next().is_some_and(|w| w.ends_with("ing"));
    if is(Tag::Be, &prev) && !progressive {
        let from = p.saturating_sub(6);
        return any_cue_in(doc, from..p, List::ClaimNoun, &[]);
    }
    if negates(&prev) {
        return false;
    }
    // a headline drops `be`: `Stolen Car Rumour Put To Rest`
    if p < i && any_cue_in(doc, p..i, List::ClaimNoun, &[]) && p + 1 == i {
        return true;
    }
    let w = window_after(doc, c.span(), 8);
    any_cue_in(doc, w.clone(), List::ClaimNoun, &[]) || any_cue_in(doc, w, List::Denial, &[Tag::False])
}

/// An untrue-word: predicated of something, or in a headline; not qualifying a noun.
fn false_ok(doc: &Document, c: &Cue, headline: bool) -> bool {
    let text = doc.slice(c.span()).to_ascii_lowercase();
    let last = text.rsplit(' ').next().unwrap_or("");
    let j = doc.token_at(c.span().end);
    let p = doc.paragraph_at(c.span().start);
    if let Some(t) = doc.tokens.get(j).filter(|t| t.span().start < doc.paragraphs[p].end) {
        // before a claim noun it still calls the claim untrue (`a fake report`)
        let attributive = t.kind() == TokenKind::Lower && !is(Tag::AfterUntrue, &word(doc, j)) && !any_cue_in(doc, j..j + 1, List::ClaimNoun, &[]);
        if attributive && !is(Tag::UntrueNoun, last) {
            return false;
        }
    }
    let i = doc.token_at(c.span().start);
    let (_, prev) = prev_skipping(doc, i, Tag::UntrueDegree);
    if negates(&prev) {
        return false;
    }
    if asks(doc, c.span().start) && !doubting_question(doc, c) {
        return false; // `Real or hoax?` asks, it does not deny
    }
    if headline {
        return true;
    }
    // predicated: `be`, a framing verb, a claim noun or a quote mark shortly before
    let s = doc.sentences[doc.sentence_at(c.span().start)];
    let first = doc.token_at(s.start);
    let from = i.saturating_sub(8).max(first);
    if i > 0 && matches!(doc.slice(doc.tokens[i - 1].span()), "“" | "\"" | "'" | "‘") {
        return true;
    }
    (from..i).any(|k| {
        let w = word(doc, k);
        is(Tag::Be, &w) || is(Tag::Predicating, &w) || w == "it's" || w == "that's"
    }) || any_cue_in(doc, from..i, List::ClaimNoun, &[])
}

/// A yes-no question that closes on the untrue-word (`Was the video all a hoax?`, `Is the
/// story fake?`): it doubts the claim, unlike an open choice (`Real or hoax?`).
fn doubting_question(doc: &Document, c: &Cue) -> bool {
    let s = doc.sentences[doc.sentence_at(c.span().start)];
    let first = doc.token_at(s.start);
    let opener = word(doc, first);
    if !matches!(opener.as_str(), "is" | "was" | "are" | "were" | "isn't" | "wasn't") {
        return false;
    }
    let i = doc.token_at(c.span().start);
    let j = doc.token_at(c.span().end);
    let prev = if i > first { word(doc, i - 1) } else { Word::default() };
    prev != "or" && word(doc, j) == "?"
}

/// True when the sentence at `pos` is a question.
fn asks(doc: &Document, pos: usize) -> bool {
    let s = doc.sentences[doc.sentence_at(pos)];
    doc.slice(s).trim_end().trim_end_matches(['”', '"', '\'', '’']).ends_with('?')
}

/// The subject of a cue: right before it, before a time phrase (`The authority on Monday
/// denied`), or, for a verb coordinated with an earlier one (`confirmed ... but declined to
/// give details`), the subject of the sentence's first speech verb.
fn subject_near(cx: &Context, cue: Span, floor: usize) -> Option<Subject> {
    let doc = cx.doc;
    if let Some(s) = subject::subject_before(doc, cue, floor) {
        return Some(s);
    }
    let mut i = doc.token_at(cue.start);
    let mut steps = 0;
    while i > 0 && steps < 5 && doc.tokens[i - 1].span().start >= floor {
        let w = word(doc, i - 1);
        if is(Tag::SubjectAside, &w) || (w.ends_with("ly") && w.len() > 4) || w == "," {
            i -= 1;
            steps += 1;
        } else {
            break;
        }
    }
    if steps > 0 && i < doc.tokens.len() {
        if let Some(s) = subject::subject_before(doc, Span::new(doc.tokens[i].span().start, cue.end), floor) {
            return Some(s);
        }
    }
    let s = doc.sentences[doc.sentence_at(cue.start)];
    if i > 0 && matches!(word(doc, i - 1).as_str(), "but" | "and" | "or" | "yet") {
        if let Some(v) = speech_cues(cx, Span::new(s.start, cue.start)).next() {
            return subject_of(cx, v, s.start, s.end);
        }
    }
    // the subject of the clause the cue ends (`In this instance, I am unable to provide
    // confirmation or denial`)
    subject::clause_subject(doc, Span::new(s.start.max(floor), cue.start), cue.start)
}

/// Negations that, in a headline, deny what the headline is about (`Banksy not arrested`).
fn headline_negation(doc: &Document, p: usize) -> Option<Span> {
    let para = doc.paragraphs[p];
    let toks = doc.tokens_in(para);
    let base = doc.token_at(para.start);
    // the paragraph's token `k`, folded on the stack ("" outside the paragraph)
    let folded = |k: Option<usize>| k.filter(|&k| k < toks.len()).map_or_else(Word::default, |k| word(doc, base + k));
    for (k, t) in toks.iter().enumerate() {
        let w = folded(Some(k));
        let neg = matches!(w.as_str(), "not" | "never" | "no" | "nothing") || w.ends_with("n't");
        if !neg {
            continue;
        }
        let next = folded(Some(k + 1));
        let prev = folded(k.checked_sub(1));
        let prev2 = folded(k.checked_sub(2));
        // `X, not Y` contrasts; `so he won't`, `may or may not` are not about the claim; a
        // headline opening `Don't ...` is an imperative
        // after a preposition or a modal it is part of a phrase (`fired for not working`,
        // `may never walk again`), not a denial of the headline's claim
        let aside = matches!(prev.as_str(), "," | "so" | "if" | "unless" | "or" | "but" | "for" | "with" | "of" | "by" | "about" | "without" | "from" | "may" | "might" | "could" | "should" | "must")
            || matches!(prev2.as_str(), "or" | "so" | "if" | "unless") // `so he won't`
            || matches!(prev.as_str(), "who" | "which") // a relative clause
            || (k == 0 && w != "no");
        if !aside && !is(Tag::NotDenyingAfter, &next) {
            return Some(t.span());
        }
    }
    None
}

/// A speech verb outside quotes before `pos` in its sentence (`The commission said ...`).
fn governing_speech<'d>(cx: &'d Context, pos: usize) -> Option<&'d Cue> {
    let s = cx.doc.sentences[cx.doc.sentence_at(pos)];
    last_speech_cue(cx, Span::new(s.start, pos), &|_| true)
}

/// `there is no ...`: in a source's words only.
fn exist_ok(cx: &Context, c: &Cue, in_quote: bool, headline: bool) -> bool {
    in_quote || headline || governing_speech(cx, c.span().start).is_some()
}

/// A refusal head followed by a withheld act: the subtype, and the span through the act.
fn refusal(doc: &Document, head: &Cue) -> Option<(Subtype, Span)> {
    let head_tag = head.tag;
    let mut pos = head.span().end;
    let mut j = doc.token_at(pos);
    for _ in 0..2 {
        let t = *doc.tokens.get(j)?;
        if scope::cue_tagged(doc, List::Refusal, t.span().start, &[Tag::Adv]).is_some() {
            j += 1;
            continue;
        }
        break;
    }
    let t = *doc.tokens.get(j)?;
    pos = pos.max(t.span().start);
    let act = scope::cue_tagged(doc, List::Refusal, pos, &[Tag::ActNc, Tag::ActNd, Tag::ActCv, Tag::ActResp])?;
    let span = Span::new(head.span().start, act.span().end);
    match act.tag {
        Tag::ActNc => Some((Subtype::NoComment, span)),
        Tag::ActNd => Some((Subtype::NonDenial, span)),
        Tag::ActCv if head_tag == Tag::Refuse => Some((Subtype::NonDenial, span)),
        Tag::ActResp => {
            let w = window_after(doc, act.span(), 6);
            let asked = w.clone().any(|k| crate::lexicon::is(Tag::Request, &word(doc, k)));
            let last = word(doc, doc.token_at(act.span().end).saturating_sub(1));
            let ok = if w.is_empty() {
                true // `did not immediately respond.`
            } else if last.starts_with("return") {
                asked // `did not return calls`
            } else {
                word(doc, w.start) == "to" && asked // `did not respond to requests`
            };
            ok.then_some((Subtype::NoComment, span))
        }
        _ => None,
    }
}

/// A headline answering a claim: `No, ...`, `Nope`.
fn headline_no(doc: &Document, p: usize) -> Option<Span> {
    let para = doc.paragraphs[p];
    let toks = doc.tokens_in(para);
    let first = toks.first()?;
    let w0 = doc.slice(first.span()).to_ascii_lowercase();
    let second = toks.get(1).map(|t| doc.slice(t.span())).unwrap_or("");
    if (w0 == "no" && matches!(second, "," | "!" | ".")) || toks.iter().any(|t| doc.slice(t.span()).eq_ignore_ascii_case("nope")) {
        return Some(para);
    }
    None
}

impl Detector for Denials {
    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        // the quotes' speakers by span, in span order (quotes are found in text order)
        let mut speakers: Vec<(Span, Option<Subject>)> = found.iter().filter(|f| f.kind == Kind::Quote).map(|f| (f.span, f.who)).collect();
        crate::vocab::sort_indices_by_key(&mut speakers, |x| (x.0.start, x.0.end));
        let not = Suppressors::of(doc, List::Denial);
        let headline = |p: usize| doc.is_headline(p);

        let mut hits: Vec<Hit> = Vec::new();
        for p in 0..doc.paragraphs.len() {
            if headline(p) {
                let para = doc.paragraphs[p];
                if let Some(span) = headline_no(doc, p) {
                    hits.push(Hit { cue: Span::new(span.start, span.start), subtype: Subtype::Denial, who: Who::Subject, span: Some(span) });
                } else if let Some(neg) = headline_negation(doc, p).filter(|n| !asks(doc, n.start)) {
                    hits.push(Hit { cue: neg, subtype: Subtype::Denial, who: Who::Speaker, span: Some(para) });
                }
            }
        }
        for c in &doc.cues {
            let p = doc.paragraph_at(c.span().start);
            let tag = c.tag;
            let in_quote = doc.quote_containing(c.span().start).is_some();
            let hit = match (c.list, tag) {
                (List::Denial, Tag::Not) => None,
                (List::Denial, _) if not.hit(c.span()) => None,
                (List::Denial, Tag::Denial) => Some((Subtype::Denial, c.span(), Who::Subject)),
                (List::Denial, Tag::NonDenial) => Some((Subtype::NonDenial, c.span(), Who::Subject)),
                (List::Denial, Tag::NoComment) => Some((Subtype::NoComment, c.span(), Who::Subject)),
                (List::Denial, Tag::Deny) => deny_ok(doc, c).then_some((Subtype::Denial, c.span(), Who::Subject)),
                (List::Denial, Tag::Reject) => reject_ok(doc, c).then_some((Subtype::Denial, c.span(), Who::Subject)),
                (List::Denial, Tag::False) => false_ok(doc, c, headline(p)).then_some((Subtype::Denial, c.span(), Who::Speaker)),
                (List::Denial, Tag::FalseHeadline) => (headline(p) && false_ok(doc, c, true)).then_some((Subtype::Denial, c.span(), Who::Speaker)),
                (List::Denial, Tag::Exist) => exist_ok(cx, c, in_quote, headline(p)).then_some((Subtype::Denial, c.span(), Who::Speaker)),
                (List::Refusal, Tag::Refuse | Tag::Unable) if !not.hit(c.span()) => refusal(doc, c).map(|(st, span)| (st, span, Who::Subject)),
                _ => None,
            };
            if let Some((subtype, cue, who)) = hit {
                hits.push(Hit { cue, subtype, who, span: None });
            }
        }
        crate::vocab::sort_indices_by_key(&mut hits, |h| (h.cue.start, std::cmp::Reverse(h.cue.end)));

        let mut last: Option<(Span, usize)> = None; // span and paragraph of the last denial
        for h in hits {
            let p = doc.paragraph_at(h.cue.start);
            let span = h.span.unwrap_or_else(|| {
                let cl = cx.clauses.clause(doc, h.cue);
                Span::new(h.cue.start, cl.end.max(h.cue.end))
            });
            if let Some((prev, pp)) = last {
                if prev.overlaps(span) || prev.end > span.start || (pp == p && headline(p)) {
                    continue;
                }
            }
            last = Some((span, p));
            let mut f = Finding::new(Kind::Denial, span);
            f.subtype = Some(h.subtype);
            f.cue = (!h.cue.is_empty()).then_some(h.cue);
            f.who = who_of(cx, &h, &speakers, span);
            found.push(f);
        }
    }
}

/// Who denies: the quotation's speaker, the cue's subject, or the governing speaker.
/// The speaker of the quote at exactly `span`.
fn speaker_of(speakers: &[(Span, Option<Subject>)], span: Span) -> Option<Subject> {
    let i = speakers.partition_point(|x| (x.0.start, x.0.end) < (span.start, span.end));
    speakers.get(i).filter(|x| x.0 == span).and_then(|x| x.1)
}

fn who_of(cx: &Context, h: &Hit, speakers: &[(Span, Option<Subject>)], span: Span) -> Option<Subject> {
    let doc = cx.doc;
    if let Some(q) = doc.quote_containing(span.start) {
        return speaker_of(speakers, q.span);
    }
    let s = doc.sentences[doc.sentence_at(span.start)];
    if h.cue.is_empty() {
        // a headline's `No, ...`: whoever it quotes (`..., says Bettman`), if anyone
        return speech_cues(cx, span).next().and_then(|c| subject_of(cx, c, s.start, s.end));
    }
    if h.who == Who::Speaker {
        for c in speech_cues_back(cx, Span::new(s.start, h.cue.start)).into_iter().take(4) {
            if let Some(w) = subject_of(cx, c, s.start, s.end) {
                return Some(w);
            }
        }
    }
    let w = subject_near(cx, h.cue, s.start);
    if let Some(Subject::Pronoun(_, Pronoun::First)) = w {
        // `I am unable to ...` right after a quotation: its speaker
        let p = doc.paragraphs[doc.paragraph_at(span.start)];
        let i = doc.quotes.partition_point(|q| q.span.start < span.start);
        return doc.quotes[..i].iter().rev().take(4).filter(|q| q.span.start >= p.start).find_map(|q| speaker_of(speakers, q.span)).or(w);
    }
    w
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind, Subtype};

    /// The denials of `text`: (text, subtype).
    fn denials(text: &str) -> Vec<(String, &'static str)> {
        crate::detect::table::found(Kind::Denial, text)
    }

    /// Rows of (text, the subtype of its one denial, or None for no denial).
    const ROWS: &[(&str, Option<&str>)] = &[
        // verbs of denial
        ("The company denied that it had misled investors.", Some("denial")),
        ("The minister has repeatedly denied wrongdoing.", Some("denial")),
        ("Hospital denies claims of understaffing", Some("denial")),
        ("The club refuted the reports on Tuesday.", Some("denial")),
        ("The mayor's office rebutted the story.", Some("denial")),
        ("Scientists debunked the theory last year.", Some("denial")),
        // doubting a claim
        ("A spokeswoman on Friday questioned the credibility of a report that he met the envoy.", Some("denial")),
        ("Experts are questioning the validity of a widely reported study.", Some("denial")),
        ("The analyst expresses skepticism over the Journal's report.", Some("denial")),
        ("Libya disputes rebel reports of advances", Some("denial")),
        ("The union objects to the claim that staff were warned.", Some("denial")),
        ("He termed the reports “propaganda” on Monday.", Some("denial")),
        ("Sources said they could not confirm or deny the report.", Some("non_denial")),
        ("The office refused to provide additional information about the case.", Some("no_comment")),
        ("The company did not have further comment.", Some("no_comment")),
        // near misses: doubting a person or a plan is no denial
        ("Police questioned the suspect for six hours.", None),
        ("Residents objected to the new parking rules.", None),
        ("The two neighbours disputed over the border for decades.", None),
        // near misses: a right or a thing withheld, a negated denial
        ("He was denied entry at the border.", None),
        ("Workers were denied overtime pay for years.", None),
        ("The judge denied bail.", None),
        ("The council denied him a permit.", None),
        ("The firm did not deny the report.", Some("non_denial")),
        // rejecting a claim, not a plan
        ("The regulator rejected the allegations.", Some("denial")),
        ("The coach dismissed the rumours as nonsense.", Some("denial")),
        ("Officials shot down the congressman's claims.", Some("denial")),
        ("The board rejected the takeover bid.", None),
        ("He rejects making concessions to the union.", None),
        ("She was dismissed from her post in May.", None),
        // calling it untrue
        ("The club called the report \"completely false\".", Some("denial")),
        ("These claims are without merit, the firm said.", Some("denial")),
        ("The health board said the figures were inaccurate.", Some("denial")),
        ("Viral video of the flood is a hoax", Some("denial")),
        ("The photo was doctored, experts said.", Some("denial")),
        ("The agency said the image was photoshopped.", Some("denial")),
        ("The doctored photo spread online.", None),
        ("It was a false start for the new coach.", None),
        ("Police seized fake goods worth $2 million.", None),
        ("Test results were not false.", None),
        // a source's own `there is no`
        ("\"There was no deal,\" the agent said.", Some("denial")),
        ("The club said there had been no offer for the player.", Some("denial")),
        ("There is no parking near the stadium.", None),
        ("\"There is no doubt he is the best,\" the coach said.", None),
        // non-denials
        ("The bank would neither confirm nor deny the talks.", Some("non_denial")),
        ("A spokesman would not say whether the plant would close.", Some("non_denial")),
        ("The club refused to say whether an offer had been made.", Some("non_denial")),
        ("\"I'm not going to speculate,\" she said.", Some("non_denial")),
        ("The council declined to say what the report would contain.", Some("non_denial")),
        ("The firm did not say which suppliers were affected.", Some("non_denial")),
        ("Asked how many calls there had been, he said: \"Better not say.\"", Some("non_denial")),
        ("\"I don't recall any such meeting,\" the senator said.", Some("non_denial")),
        ("A spokesman said the minister could not recall the conversation.", Some("non_denial")),
        ("\"I cannot remember the last day I took off,\" he said.", None),
        // no comment
        ("The hospital declined to comment.", Some("no_comment")),
        ("The company did not immediately respond to a request for comment.", Some("no_comment")),
        ("Smith did not return calls seeking comment.", Some("no_comment")),
        ("The owner could not be reached for comment.", Some("no_comment")),
        ("\"We do not comment on individual cases,\" a spokeswoman said.", Some("no_comment")),
        ("The agency had no comment.", Some("no_comment")),
        // near misses
        ("The patient did not respond to treatment.", None),
        ("Staff did not return to work until Monday.", None),
        ("A nurse, who declined to be named, said wards were full.", None),
        ("The striker refused to concede defeat.", None),
        ("Reuters could not confirm the report.", None),
        ("He did not attend the meeting.", None),
        ("Scientists questioned whether the crater was caused by a meteorite.", Some("denial")),
        ("The newspaper retracted the claims on Friday.", Some("denial")),
        ("The company declined to respond to the allegations.", Some("no_comment")),
        ("There is no doubt that the bridge needs repairs.", None),
        // headlines answering a claim
        ("No, the mayor is not resigning", Some("denial")),
        ("Was the viral video all a hoax?", Some("denial")),
        ("Real or hoax?", None),
        ("Rumours of the singer's death greatly exaggerated", Some("denial")),
        ("Internet duped by fake report of star's arrest", Some("denial")),
        ("Investors were duped by the scheme for years.", None),
        ("Stolen car rumour put to rest", Some("denial")),
        ("Nurse fired for not wearing a mask", None),
        ("Injured rider may never walk again", None),
        ("Minister wants aide sacked over fabricated expenses story", None),
        ("Police seize fake passports at port", None),
    ];

    #[test]
    fn table() {
        crate::detect::table::check(Kind::Denial, ROWS);
    }

    #[test]
    fn source_is_the_subject_or_the_speaker() {
        let a = analyze("The White House declined to comment.");
        let d: Vec<_> = a.annotations.iter().filter(|x| x.kind == Kind::Denial).collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].subtype, Some(Subtype::NoComment));
        assert_eq!(a.who(d[0]), Some("White House"));
        let a = analyze("\"There was no tampering,\" said Ruth Okonkwo, the commission's chair.");
        let d = a.annotations.iter().find(|x| x.kind == Kind::Denial).expect("a denial");
        assert_eq!(a.who(d), Some("Ruth Okonkwo"));
    }

    #[test]
    fn span_is_the_clause() {
        let got = denials("The Eastbay Port Authority denied that a cyberattack caused the outage, insisting that an update was to blame.");
        assert_eq!(got[0].0, "denied that a cyberattack caused the outage");
    }
}
