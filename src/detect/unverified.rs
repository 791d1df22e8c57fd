//! Unverified claims (`kind: "unverified"`): claims the article does not establish itself.
//!
//! Cues come from `lexicon/unverified_cues.txt` (the tag is the subtype or a check) and, for
//! unnamed sources, `lexicon/anonymous_sources.txt`:
//! - `reported`: `reportedly`, `according to`, `is said to`, `X revealed that` (a clause must
//!   follow: `reported record sales` is not a claim);
//! - `anonymous`: an unnamed source that says something (`people familiar with the matter
//!   said`, `sources close to the club told`), `who asked not to be named`;
//! - `contested`: `alleged(ly)`, `purportedly`, `so-called`, `accused of`, and `claim` as a
//!   verb with a clause after it (`claimed that`, `He claimed the mission aimed`), not as a
//!   noun (`insurance claims rose`) nor with a prize for object (`claimed victory`);
//! - `speculative`: `could`, `may`, `might` (not `could not`, not the month `May`), `likely`
//!   (not `the likely winner`), `is expected to`, `is believed to`, `it is unclear whether`,
//!   a verb of forecasting with an object (`BMO forecasts 19M sales`; `sees`, `eyes` in
//!   headlines only);
//! - `unconfirmed`: `could not be independently verified`, `provided no evidence`.
//!
//! Cues inside a direct quotation are the speaker's own modality and are skipped. A headline
//! (see `Document::is_headline`) that attributes its claim (`..., officials say`,
//! `Senator: ...`, `Rep. Jane Doe: ...`, `NYT: ...`, `...: report`, `...: AFP`, `... - analyst`,
//! `..., Witnesses Say`, `... Report`) or asks it (`Is X real?`) carries one too; a label naming
//! a topic (`Jihadi John: ...`) does not.
//!
//! The span is the clause the cue governs (the sentence for `According to X, ...`; the
//! headline for a headline); cues in one clause make one finding, whose subtype is the
//! strongest of theirs. The source is the object of `according to`, the unnamed source, the
//! subject of a verb of claiming, or the subject of the speech verb governing the clause.

use super::attribution::{last_speech_cue, outlet_reporting, speech_cues, subject_of, subject_of_verb, verb, Verb};
use super::scope::{clause_follows, word, Suppressors, Word};
use crate::chars;
use crate::lexicon::is;
use super::{Context, Detector, Finding};
use crate::vocab::{Kind, Subtype};
use crate::document::{Document, TokenKind};
use super::subject::{self, Subject};
use crate::lexicon::{self, Cue, List, Tag};
use crate::span::Span;

/// The unverified-claim detector.
pub(crate) struct Unverified;

/// Subtypes, weakest first: the strongest cue of a clause names it.
fn rank(s: Option<Subtype>) -> usize {
    match s {
        Some(Subtype::Speculative) => 1,
        Some(Subtype::Contested) => 2,
        Some(Subtype::Anonymous) => 3,
        Some(Subtype::Unconfirmed) => 4,
        _ => 0, // reported
    }
}

/// Where a cue's source is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// After the cue (`according to Reuters`).
    After,
    /// Before the cue (`Reuters revealed`, `He claimed`).
    Before,
    /// The cue itself (`people familiar with the matter`).
    Itself,
    /// The speech verb governing the clause, or `according to` in the sentence.
    Governor,
    /// The outlet behind `a report that …` (see [`report_source`]).
    Report,
}

struct Hit {
    cue: Span,
    subtype: Subtype,
    who: Who,
    /// The whole headline, for headline hits.
    span: Option<Span>,
}

/// A modal verb used as a hedge: not `could not`, not the month or the name `May`.
fn modal_ok(doc: &Document, c: &Cue) -> bool {
    let text = doc.slice(c.span());
    let i = doc.token_at(c.span().start);
    let next = word(doc, doc.token_at(c.span().start) + 1);
    if text.to_ascii_lowercase().starts_with("could") && (next == "not" || next == "n't") {
        return false;
    }
    // `May be`, `May have`: the modal with its verb, never the month
    if text.starts_with("May") && !text.as_bytes().contains(&b' ') {
        let s = doc.sentences[doc.sentence_at(c.span().start)];
        let p = doc.paragraph_at(c.span().start);
        let prev_tok = i.checked_sub(1).and_then(|k| doc.tokens.get(k)).filter(|t| t.span().start >= s.start);
        let next_tok = doc.tokens.get(i + 1);
        if next_tok.is_some_and(|t| t.kind() == TokenKind::Number || doc.slice(t.span()) == "," || doc.slice(t.span()) == ".") {
            return false;
        }
        if let Some(t) = prev_tok {
            let pw = word(doc, i - 1);
            if is(Tag::MonthBefore, &pw) || t.kind() == TokenKind::Number {
                return false;
            }
            // a capital mid-sentence is a name or the month, except in a title-case headline
            if !doc.title_case(p) {
                return false;
            }
        }
    }
    true
}

/// `claim(s)`, `claimed`, `claiming` as a verb with a clause after it.
fn claim_ok(doc: &Document, c: &Cue, headline: bool) -> bool {
    let i = doc.token_at(c.span().start);
    let prev = if i > 0 { word(doc, i - 1) } else { Word::default() };
    let j = doc.token_at(c.span().end);
    let next = word(doc, j);
    let s = doc.sentences[doc.sentence_at(c.span().start)];
    let at_end = doc.tokens.get(j).is_none_or(|t| t.span().start >= s.end || matches!(doc.slice(t.span()), "." | "!" | "?"));
    let noun = is(Tag::Determiner, &prev) || prev.ends_with("'s") || prev.ends_with('\'');
    if noun {
        return next == "that";
    }
    if is(Tag::Be, &prev) {
        return next == "that" || next == "to"; // `it is claimed that`, `is claimed to be`
    }
    // a headline drops `that`: `Rebels Claim the General Died in a Strike`
    let object_clause = headline && i > 0 && matches!(next.as_str(), "a" | "an" | "the" | "his" | "her" | "its" | "their");
    at_end && i > 0 || object_clause || clause_follows(doc, j)
}

/// `revealed` / `reported` with a clause after it (`Reuters revealed that ...`).
fn reveal_ok(doc: &Document, c: &Cue) -> bool {
    let t = doc.slice(c.span()).to_ascii_lowercase();
    if t.ends_with(" that") {
        return true;
    }
    let next = word(doc, doc.token_at(c.span().end));
    matches!(next.as_str(), "that" | "he" | "she" | "they" | "it" | "we")
}

/// `said to` / `reported to` followed by a verb (`Apple reported to begin shipping`).
fn said_to_ok(doc: &Document, c: &Cue) -> bool {
    let i = doc.token_at(c.span().start);
    let j = doc.token_at(c.span().end);
    let prev = if i > 0 { word(doc, i - 1) } else { Word::default() };
    let Some(next) = doc.tokens.get(j) else { return false };
    let own_be = is(Tag::Be, &word(doc, i)); // `was reported to`: `be` is part of the cue
    if !next.is_word() || next.kind() == TokenKind::Number || i == 0 || is(Tag::SubjectPronoun, &prev) || (!own_be && is(Tag::Be, &prev)) {
        return false;
    }
    !is(Tag::Addressee, &word(doc, j))
}

/// A forecasting verb with an object (`Citi sees`, `BMO forecasts 19M sales`): not a noun
/// after a determiner, not before a preposition; `sees` and kin in headlines only.
fn forecast_ok(doc: &Document, c: &Cue, headline_only: bool, headline: bool) -> bool {
    if headline_only && !headline {
        return false;
    }
    let i = doc.token_at(c.span().start);
    let j = doc.token_at(c.span().end);
    if i == 0 {
        return false;
    }
    let prev = word(doc, i - 1);
    let Some(next) = doc.tokens.get(j) else { return false };
    let next_w = word(doc, j);
    let to_ok = !headline_only || doc.slice(c.span()).eq_ignore_ascii_case("eyed");
    !(is(Tag::Determiner, &prev) || prev == "as" || prev.ends_with("'s") || doc.tokens[i - 1].kind() == TokenKind::Punct)
        && (next.is_word() || next.kind() == TokenKind::Number)
        && !is(Tag::ForecastNoun, &next_w)
        && (to_ok || next_w != "to")
}

/// An unnamed source that says something: a speech verb follows it in the sentence, or
/// `according to` / `told` comes right before it.
fn anonymous_ok(cx: &Context, c: &Cue) -> bool {
    let doc = cx.doc;
    let s = doc.sentences[doc.sentence_at(c.span().start)];
    let after = Span::new(c.span().end, (c.span().end + 80).min(s.end));
    if speech_cues(cx, after).any(|v| matches!(verb(v), Verb::Speech | Verb::Think)) {
        return true;
    }
    // the words just before the cue (no copy of the sentence: it may be endless)
    let before = doc.text().get(s.start..c.span().start).unwrap_or("").trim_end();
    let ends_with = |w: &str| before.len() >= w.len() && before.get(before.len() - w.len()..).is_some_and(|t| t.eq_ignore_ascii_case(w));
    ends_with("according to") || ends_with("told")
}

/// `likely` as a hedge, not qualifying a noun (`the likely winner`).
fn likely_ok(doc: &Document, c: &Cue) -> bool {
    let i = doc.token_at(c.span().start);
    let prev = if i > 0 { word(doc, i - 1) } else { Word::default() };
    !is(Tag::Determiner, &prev) || prev == "most"
}

/// Headline attribution: `..., officials say`, `Senator: ...`, `...: report`, a question.
fn headline_hit(cx: &Context, p: usize) -> Option<Hit> {
    let doc = cx.doc;
    let para = doc.paragraphs[p];
    let toks = doc.tokens_in(para);
    let n_words = toks.iter().filter(|t| t.is_word()).count();
    if n_words >= 3 && toks.iter().any(|t| doc.slice(t.span()) == "?") {
        return Some(Hit { cue: Span::new(para.start, para.start), subtype: Subtype::Speculative, who: Who::Governor, span: Some(para) });
    }
    // a verb, not a noun (`amid fears he will`, `wary of Ebola fears`)
    let is_verb = |v: &Cue| {
        let i = doc.token_at(v.span().start);
        let prev = if i > 0 && doc.tokens[i - 1].span().start >= para.start { word(doc, i - 1) } else { Word::default() };
        let next = word(doc, doc.token_at(v.span().end));
        let after_noun_slot = is(Tag::Determiner, &prev) || matches!(prev.as_str(), "amid" | "of" | "over" | "about" | "on" | "with" | "without" | "despite" | "after");
        let noun_fears = doc.slice(v.span()).to_ascii_lowercase().starts_with("fear") && is(Tag::FearsNoun, &next);
        !after_noun_slot && !noun_fears
    };
    if let Some(v) = speech_cues(cx, para).find(|v| lexicon::is(Tag::HeadlineSays, doc.slice(v.span())) && is_verb(v)) {
        return Some(Hit { cue: v.span(), subtype: Subtype::Reported, who: Who::Governor, span: Some(para) });
    }
    // a colon: `Senator: ...` (a short label that is not a rubric) or `...: report`
    let words = |a: usize, b: usize| toks[a..b].iter().filter(|t| t.is_word()).count();
    for (k, t) in toks.iter().enumerate() {
        if !matches!(doc.slice(t.span()), ":" | "-" | "—" | "–") {
            continue;
        }
        let before = doc.text().get(para.start..t.span().start).unwrap_or("").trim().to_ascii_lowercase();
        let n_before = words(0, k);
        let n_after = words(k + 1, toks.len());
        // the label before the colon names a person or an unnamed source (`Senator:`,
        // `Source:`), the tail after it a report or an outlet (`...: report`, `...: WSJ`)
        let head_word = k.checked_sub(1).map(|j| doc.slice(toks[j].span())).unwrap_or("");
        // a title opening the label names a person too (`Rep. Jane Doe:`, `Sen. Smith:`)
        let first_word = toks.first().map(|t| doc.slice(t.span())).unwrap_or("");
        let titled = |w: &str| lexicon::contains(List::Title, w);
        let label = (1..=4).contains(&n_before)
            && (titled(head_word)
                || (n_before >= 2 && titled(first_word))
                || lexicon::contains(List::Generic, head_word)
                || doc.cues_of(List::Outlet, Span::new(para.start, t.span().start)).next().is_some()
                // an organisation's whole name as the label (`Pentagon:`, `NATO:`)
                || doc.cues_of(List::Org, Span::new(para.start, t.span().start)).any(|c| doc.slice(c.span()).len() == before.len())
                || lexicon::contains(List::Anonymous, &before) || head_word.eq_ignore_ascii_case("source") || head_word.eq_ignore_ascii_case("sources"));
        if label && n_after >= 3 && doc.slice(t.span()) == ":" {
            return Some(Hit { cue: Span::new(para.start, t.span().start), subtype: Subtype::Reported, who: Who::Itself, span: Some(para) });
        }
        let tail = Span::new(t.span().end, para.end);
        let tail_text = doc.slice(tail).trim().to_ascii_lowercase();
        let last = tail_text.rsplit(' ').next().unwrap_or("");
        // `...: AFP`, `...: SITE`: an agency's initials (in a headline not itself in capitals)
        let initials = n_after == 1 && doc.slice(t.span()) == ":" && last.len() >= 2 && {
            let w = doc.slice(tail).trim();
            w.chars().all(|ch| ch.is_ascii_uppercase()) && !doc.slice(Span::new(para.start, t.span().start)).chars().filter(|&ch| chars::is_letter(ch)).all(|ch| ch.is_uppercase())
        };
        let tail_is_source = doc.cues_of(List::Outlet, tail).next().is_some() || lexicon::is(Tag::SourceNoun, last) || tail_text == "report says" || initials;
        if (1..=3).contains(&n_after) && n_before >= 3 && tail_is_source {
            return Some(Hit { cue: Span::new(t.span().end, para.end), subtype: Subtype::Reported, who: Who::Itself, span: Some(para) });
        }
    }
    trailing_attribution(doc, para, toks)
}

/// A headline closing with its attribution, in any case (`..., Monitors Say`, `..., SOURCE
/// SUGGESTS`) or with a bare `Report` (`Actor Took Selfie With Patient Report`).
fn trailing_attribution(doc: &Document, para: Span, toks: &[crate::document::Token]) -> Option<Hit> {
    let words: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].is_word()).collect();
    let &lk = words.last()?;
    if words.len() < 5 || lk + 1 < toks.len() && !matches!(doc.slice(toks[lk + 1].span()), "." | "!") {
        return None;
    }
    let last = doc.slice(toks[lk].span()).to_ascii_lowercase();
    if matches!(last.as_str(), "report" | "reports") && doc.slice(toks[lk].span()).starts_with(|ch: char| ch.is_uppercase()) {
        return Some(Hit { cue: toks[lk].span(), subtype: Subtype::Reported, who: Who::Itself, span: Some(para) });
    }
    if !lexicon::is(Tag::HeadlineSays, &last) {
        return None;
    }
    // a comma at most four words before the verb: `, Monitoring Group Says`
    let comma = (lk.saturating_sub(5)..lk).rev().find(|&k| doc.slice(toks[k].span()) == ",")?;
    let before = words.iter().filter(|&&k| k < comma).count();
    (before >= 3 && lk - comma >= 2).then(|| Hit { cue: toks[lk].span(), subtype: Subtype::Reported, who: Who::Governor, span: Some(para) })
}

impl Detector for Unverified {
    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        let not = Suppressors::of(doc, List::Unverified);
        let mut hits: Vec<Hit> = Vec::new();
        for p in 0..doc.paragraphs.len() {
            if doc.is_headline(p) {
                if let Some(h) = headline_hit(cx, p) {
                    hits.push(h);
                }
            }
        }
        let headline = |pos: usize| doc.is_headline(doc.paragraph_at(pos));
        for c in &doc.cues {
            if !matches!(c.list, List::Unverified | List::Anonymous) || doc.quote_containing(c.span().start).is_some() {
                continue;
            }
            if c.tag == Tag::Not || not.hit(c.span()) {
                continue;
            }
            let text = doc.slice(c.span()).to_ascii_lowercase();
            use Subtype::*;
            let hit = match c.tag {
                _ if c.list == List::Anonymous => anonymous_ok(cx, c).then_some((Anonymous, Who::Itself)),
                Tag::Reported if text == "according to" => Some((Reported, Who::After)),
                Tag::Reported if text.starts_with("report") => Some((Reported, Who::Report)),
                Tag::Reported => Some((Reported, Who::Governor)),
                Tag::Reveal => reveal_ok(doc, c).then_some((Reported, Who::Before)),
                Tag::Anonymous => Some((Anonymous, Who::Itself)),
                Tag::Contested if text.ends_with("ing") || text.ends_with("es") || text.ends_with("that") || text == "allege" => Some((Contested, Who::Before)),
                Tag::Contested => Some((Contested, Who::Governor)),
                Tag::Claim => claim_ok(doc, c, headline(c.span().start)).then_some((Contested, Who::Before)),
                Tag::SaidTo => said_to_ok(doc, c).then_some((Reported, Who::Governor)),
                Tag::Forecast => forecast_ok(doc, c, false, false).then_some((Speculative, Who::Before)),
                Tag::ForecastHeadline => forecast_ok(doc, c, true, headline(c.span().start)).then_some((Speculative, Who::Before)),
                Tag::Modal => modal_ok(doc, c).then_some((Speculative, Who::Governor)),
                Tag::Likely => likely_ok(doc, c).then_some((Speculative, Who::Governor)),
                Tag::Speculative => Some((Speculative, Who::Governor)),
                Tag::Unconfirmed => Some((Unconfirmed, Who::Governor)),
                _ => None,
            };
            if let Some((subtype, who)) = hit {
                hits.push(Hit { cue: c.span(), subtype, who, span: None });
            }
        }
        crate::vocab::sort_indices_by_key(&mut hits, |h| (h.span.map_or(h.cue.start, |s| s.start), h.cue.start));

        let first = found.len();
        let mut according = According::default();
        for h in hits {
            let span = h.span.unwrap_or_else(|| cx.clauses.clause(doc, h.cue));
            let who = who_of(cx, &h, span, &mut according);
            if let Some(last) = found[first..].last_mut() {
                if last.span.overlaps(span) || last.span.end > span.start {
                    if rank(Some(h.subtype)) > rank(last.subtype) {
                        last.subtype = Some(h.subtype);
                        if !h.cue.is_empty() {
                            last.cue = Some(h.cue);
                        }
                    }
                    last.span = Span::new(last.span.start.min(span.start), last.span.end.max(span.end));
                    if last.who.is_none() || (h.who == Who::Itself && h.span.is_none()) {
                        last.who = who.or(last.who);
                    }
                    continue;
                }
            }
            let mut f = Finding::new(Kind::Unverified, span);
            f.subtype = Some(h.subtype);
            f.cue = (!h.cue.is_empty()).then_some(h.cue);
            f.who = who;
            found.push(f);
        }
        outlet_reports(cx, found, first);
    }
}

/// Reported speech that rests on a source the reader cannot check is an unverified claim too:
/// - another outlet's report (`…, the St. Louis Post-Dispatch reported`, `state TV reported
///   that …`, `CNN is reporting that …`), when the verb is one of reporting and the subject an
///   outlet (an organisation's or an official's own report is their statement, not this);
/// - an unnamed insider (`a US official said`, `two diplomats told Reuters`): an indefinite
///   or counted role phrase whose head is one of a body's people (`member` in titles.txt).
fn outlet_reports(cx: &Context, found: &mut Vec<Finding>, first: usize) {
    let doc = cx.doc;
    let mut add = Vec::new();
    for f in &found[..first] {
        let (Kind::Reported, Some(cue), Some(who)) = (f.kind, f.cue, f.who) else { continue };
        let subtype = if outlet_reporting(cx, cue, who) {
            Subtype::Reported
        } else if unnamed_member(doc, who) {
            Subtype::Anonymous
        } else {
            continue;
        };
        // one finding per clause: an unverified claim already there stands
        let at = found[first..].partition_point(|u| u.span.end <= f.span.start);
        if found[first..].get(at).is_some_and(|u| u.span.overlaps(f.span)) || found[first..].get(at.wrapping_sub(1)).is_some_and(|u| u.span.overlaps(f.span)) {
            continue;
        }
        let mut u = Finding::new(Kind::Unverified, f.span);
        u.subtype = Some(subtype);
        u.cue = f.cue;
        u.who = f.who;
        add.push(u);
    }
    found.extend(add);
}

/// `a US official`, `two Western diplomats`, `one aide`: a role phrase opening with an
/// indefinite article or a count, whose head is one of a body's people, unnamed.
fn unnamed_member(doc: &Document, who: Subject) -> bool {
    let Subject::Role { phrase, head, .. } = who else { return false };
    let first = doc.slice(phrase).split(' ').next().unwrap_or("").to_ascii_lowercase();
    let counted = matches!(first.as_str(), "a" | "an" | "one" | "two" | "three" | "four" | "several") || first.bytes().all(|b| b.is_ascii_digit());
    let h = doc.slice(head).to_ascii_lowercase();
    let singular = h.strip_suffix('s').unwrap_or(&h);
    counted && phrase != head && (lexicon::tag_of(List::Title, &h) == Tag::Member || lexicon::tag_of(List::Title, singular) == Tag::Member)
}

/// Whose `report that …` it is: the owner (`the Journal's report that`), else an outlet
/// named earlier in the sentence (`The Post published a report that`), else the outlet the
/// story names next, in the same sentence or the one after it (`… a report that X. ¶ The
/// Washington Post, citing …, reported …`), else the last one it named in the paragraph.
fn report_source(cx: &Context, cue: Span, s: Span) -> Option<Subject> {
    let doc = cx.doc;
    let names = &doc.mentions.names;
    let outlet = |i: usize| names[i].ty == crate::document::EntityType::Outlet;
    // `the Wall Street Journal's report`: a name ending in a possessive right before
    let before = doc.between(s.start, cue.start).trim_end();
    if before.ends_with("'s") || before.ends_with("\u{2019}s") {
        if let Some(n) = names.iter().rposition(|m| m.full().end <= cue.start && m.full().end + 3 >= s.start + before.len()) {
            return Some(Subject::Name(n));
        }
    }
    let from = names.partition_point(|m| m.full().start < cue.end);
    // `The Washington Post published a report that`: an outlet earlier in the sentence
    if let Some(n) = (0..from).rev().take_while(|&i| names[i].full().start >= s.start).find(|&i| outlet(i)) {
        return Some(Subject::Name(n));
    }
    let next = doc.sentences.get(doc.sentence_at(s.end) + 1).map_or(s.end, |n| n.end);
    if let Some(n) = (from..names.len()).take_while(|&i| names[i].full().start < next).find(|&i| outlet(i)) {
        return Some(Subject::Name(n));
    }
    let para = doc.paragraphs[doc.paragraph_at(cue.start)];
    (0..from).rev().take_while(|&i| names[i].full().start >= para.start).find(|&i| outlet(i)).map(Subject::Name)
}

/// The `according to` source of a sentence, if it has one outside quotes; the last sentence
/// asked is remembered (claims come in text order, several to a sentence).
#[derive(Default)]
struct According(Option<(Span, Option<Subject>)>);

impl According {
    fn source(&mut self, cx: &Context, s: Span) -> Option<Subject> {
        if let Some((m, who)) = self.0 {
            if m == s {
                return who;
            }
        }
        let doc = cx.doc;
        let who = doc
            .cues_of(List::Unverified, s)
            .filter(|c| doc.slice(c.span()).eq_ignore_ascii_case("according to") && doc.quote_containing(c.span().start).is_none())
            .find_map(|c| subject::subject_after(doc, after_by(doc, c.span().end, s.end), s.end));
        self.0 = Some((s, who));
        who
    }
}

/// `according to an estimate by X`: the source is X, after `by`.
fn after_by(doc: &Document, pos: usize, end: usize) -> usize {
    let i = doc.token_at(pos);
    (i..(i + 5).min(doc.tokens.len()))
        .take_while(|&k| doc.tokens[k].span().end <= end && doc.tokens[k].kind() != TokenKind::Punct)
        .find(|&k| word(doc, k) == "by" && k > i)
        .map_or(pos, |k| doc.tokens[k].span().end)
}

fn who_of(cx: &Context, h: &Hit, span: Span, according: &mut According) -> Option<Subject> {
    let doc = cx.doc;
    let s = doc.sentences[doc.sentence_at(span.start)];
    let s = Span::new(s.start, s.end.max(span.end));
    match h.who {
        Who::After => subject::subject_after(doc, after_by(doc, h.cue.end, s.end), s.end),
        Who::Itself if h.span.is_none() => Some(Subject::Anonymous(h.cue)),
        Who::Itself => None,
        Who::Report => report_source(cx, h.cue, s).or_else(|| governor(cx, h.cue.start, s, according)),
        Who::Before => subject_of_verb(cx, h.cue, Verb::Speech, s.start, s.end).or_else(|| governor(cx, h.cue.start, s, according)),
        // `had alleged`, `has claimed`: a verb, whose subject claims
        Who::Governor if verb_form(doc, h.cue) => subject_of_verb(cx, h.cue, Verb::Speech, s.start, s.end).or_else(|| governor(cx, h.cue.start, s, according)),
        // `“…,” the source alleged`: a past-tense cue after its subject
        Who::Governor if h.subtype == Subtype::Contested && doc.slice(h.cue).ends_with("ed") => governor(cx, h.cue.start, s, according)
            .or_else(|| subject_of_verb(cx, h.cue, Verb::Speech, s.start, s.end)),
        Who::Governor => governor(cx, h.cue.start, s, according).or_else(|| {
            // `X has reportedly ...` backed by `According to Y` in the next sentence
            if h.subtype != Subtype::Reported {
                return None;
            }
            let next = doc.sentence_at(s.end);
            let n = doc.sentences.get(next + 1).copied()?;
            (doc.paragraph_at(n.start) == doc.paragraph_at(s.start)).then(|| according.source(cx, n)).flatten()
        }),
    }
}

/// True when a cue in `-ed` is a verb after an auxiliary (`had alleged`), not an adjective
/// (`the alleged violations`).
fn verb_form(doc: &Document, cue: Span) -> bool {
    let w = doc.slice(cue).to_ascii_lowercase();
    let i = doc.token_at(cue.start);
    w.ends_with("ed") && i > 0 && matches!(word(doc, i - 1).as_str(), "had" | "has" | "have" | "was" | "were" | "is" | "are" | "also" | "previously" | "repeatedly")
}

/// The speech verb governing the clause at `pos` (before it in the sentence), or the
/// sentence's `according to` source.
fn governor(cx: &Context, pos: usize, s: Span, according: &mut According) -> Option<Subject> {
    let before = Span::new(s.start, pos);
    if let Some(v) = last_speech_cue(cx, before, &|v| matches!(verb(v), Verb::Speech | Verb::Think)) {
        if let Some(w) = subject_of(cx, v, s.start, s.end) {
            return Some(w);
        }
    }
    according.source(cx, s)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    fn unverified(text: &str) -> Vec<(String, &'static str)> {
        crate::detect::table::found(Kind::Unverified, text)
    }

    /// Rows of (text, the subtype of its one unverified claim, or None for none).
    const ROWS: &[(&str, Option<&str>)] = &[
        // reported
        ("The striker has reportedly agreed a new contract.", Some("reported")),
        ("According to the Financial Times, the bank will cut 500 jobs.", Some("reported")),
        ("The chief executive is said to be furious.", Some("reported")),
        ("The club is understood to have made an offer.", Some("reported")),
        ("The Daily Mail revealed that the hospital had closed two wards.", Some("reported")),
        // near misses
        ("The group reported record sales of $48 million last year.", None),
        ("The firm reported revenue of $2 billion.", None),
        ("Construction went according to plan.", None),
        // anonymous
        ("People familiar with the matter said the talks had stalled.", Some("anonymous")),
        ("Sources close to the club said the manager would stay.", Some("anonymous")),
        ("A nurse, who spoke on condition of anonymity, said wards were full.", Some("anonymous")),
        ("The plant runs on renewable energy sources.", None),
        // contested
        ("The councillor allegedly accepted gifts from developers.", Some("contested")),
        ("The alleged violations date back to 2021.", Some("contested")),
        ("He claimed the mission aimed to protect civilians.", Some("contested")),
        ("The coach was accused of bullying players.", Some("contested")),
        ("Insurance claims rose sharply in the third quarter.", None),
        ("The team claimed victory in the final minute.", None),
        ("United claimed the title on Sunday.", None),
        // speculative
        ("Analysts said the merger could be delayed until March.", Some("speculative")),
        ("The minister is expected to resign this week.", Some("speculative")),
        ("The fire is believed to have started in the kitchen.", Some("speculative")),
        ("It is unclear whether the vaccine will be approved.", Some("speculative")),
        ("The council is likely to approve the plan.", Some("speculative")),
        ("The board met in May to discuss potential locations.", None),
        ("Theresa May visited the plant.", None),
        ("The union and the company reached a possible agreement.", None),
        ("He could not attend the hearing.", None),
        ("\"We might win the league,\" the captain said.", None),
        // unconfirmed
        ("The footage could not be independently verified.", Some("unconfirmed")),
        ("The figures have not been confirmed by the ministry.", Some("unconfirmed")),
        ("He provided no evidence for the claim.", Some("unconfirmed")),
        ("The survey was not independently audited.", Some("unconfirmed")),
        ("The minister was reported to have left the party.", Some("reported")),
        ("Tesla said to select Nevada for battery plant", Some("reported")),
        ("She said to reporters that she was tired of the job.", None),
        ("All adverse events were reported to the regulator.", None),
        ("Bank of Avalon forecasts 2% growth next year.", Some("speculative")),
        ("Analyst sees steel watch at $500", Some("speculative")),
        ("The city sees a rise in burglaries every winter.", None),
        ("Here are ten tips for first-time buyers.", None),
        ("Police are investigating the apparent suicide of a prisoner.", Some("contested")),
        ("It soon became apparent that the roof was unsafe.", None),
        // headlines
        ("Hospital to close maternity ward, union says", Some("reported")),
        ("Club Agrees Fee For Young Striker, Witnesses Say", Some("reported")),
        ("Club Agrees Fee For Young Striker, Sources Say", Some("anonymous")),
        ("Actor quit the film after row with director: report", Some("reported")),
        ("Pentagon: Strike Killed Militant Leader In Somalia", Some("reported")),
        ("Valentine's Day 2015 May Be The Release Date For The Watch", Some("speculative")),
        ("Northgate set to close two plants in Ohio", Some("speculative")),
        ("The poem was set to music in 1910.", None),
        ("Police named a British rapper as the main suspect in the killing.", Some("contested")),
        ("Ministry to sell its stake in the airline: AFP", Some("reported")),
        ("Rep. Jane Doe: Border Agents Caught Ten Smugglers", Some("reported")),
        ("Rebels Claim the General Died in an Air Strike", Some("contested")),
        ("Ebola fears grow as airport adds screening", None),
        ("Weather: Snow to fall across the north", None),
        ("Is the new stadium already too small?", Some("speculative")),
        ("Council approves new budget", None),
    ];

    #[test]
    fn table() {
        crate::detect::table::check(Kind::Unverified, ROWS);
    }

    #[test]
    fn claims_resting_on_another_outlets_report() {
        use crate::Subtype::{Anonymous as A, Reported as R};
        // (text, the subtype and source of its first unverified claim)
        let rows: &[(&str, Option<(crate::Subtype, &str)>)] = &[
            ("The plant will close in May, the Coastal Tribune reported.", Some((R, "Coastal Tribune"))),
            ("The St. Louis Post-Dispatch reported that two men were held overnight.", Some((R, "St. Louis Post-Dispatch"))),
            ("Reuters reported on Friday that the talks had failed.", Some((R, "Reuters"))),
            ("Syrian state-run TV reported Friday that the rebel leader had been killed.", Some((R, "Syrian state-run TV"))),
            ("The New York Times newspaper reports the two officials had met.", Some((R, "New York Times"))),
            ("The Coastal Tribune published a report that the mayor had resigned.", Some((R, "Coastal Tribune"))),
            ("Shares fell after the Daily Courier's report that the bank was under investigation.", Some((R, "Daily Courier"))),
            ("The ministry questioned a report that troops had crossed the border. The Coastal Tribune, citing officials, reported on Friday that two units had moved.", Some((R, "Coastal Tribune"))),
            ("A US official said the attack was planned in Moscow.", Some((A, "US official"))),
            ("Two Western diplomats told reporters the talks had stalled.", Some((A, "Two Western diplomats"))),
            // near misses: an organisation's own report, a report with no claim; a named
            // official; a definite one (named earlier, or the story's own)
            ("An official at Acme Corp, Jane Doe, said the plant would close.", None),
            ("The official said the plant would close.", None),
            ("NATO reported it conducted 47 airstrikes on Saturday.", None),
            ("The company reported record sales last year.", None),
        ];
        for (text, want) in rows {
            let a = analyze(text);
            let u: Vec<_> = a.annotations.iter().filter(|x| x.kind == Kind::Unverified).collect();
            match want {
                Some((subtype, src)) => {
                    assert!(!u.is_empty(), "{text}: {:?}", a.annotations);
                    assert_eq!((u[0].subtype, a.who(u[0])), (Some(*subtype), Some(*src)), "{text}");
                }
                None => assert!(u.is_empty(), "{text}: {u:?}"),
            }
        }
    }

    #[test]
    fn span_is_the_clause_and_source_is_found() {
        let a = analyze("Shipping lines said the backlog could take a week to clear");
        let u = a.annotations.iter().find(|x| x.kind == Kind::Unverified).expect("one");
        assert_eq!(a.text_of(u), "Shipping lines said the backlog could take a week to clear");
        let a = analyze("According to Reuters, the deal is worth $3 billion.");
        let u = a.annotations.iter().find(|x| x.kind == Kind::Unverified).expect("one");
        assert_eq!(a.who(u), Some("Reuters"));
        let got = unverified("Their authenticity could not be verified, and the port authority called them fake.");
        assert_eq!(got[0].0, "Their authenticity could not be verified");
    }
}
