//! Direct quotations and who said them.
//!
//! Every outermost quotation of the [`Document`](crate::Document) is a quote unless it is a
//! title (`his 2024 book “War,”`, `the song "River Song"`). Its speaker comes from, in order:
//! 1. a speech cue right after it (`,” Peskov stated`, `,” said Greta Holm`, `,'' he said`);
//! 2. a speech cue before it in its sentence (`Ms Holm replied: “…”`, `he characterised the war
//!    as a “bloodbath”`, `was quoted … as saying “…”`);
//! 3. the speaker of another quotation in its paragraph (`“A,” X said. “B.”`);
//! 4. the subject of a speech cue earlier in its paragraph;
//! 5. the speaker of the previous paragraph's quotations, when this paragraph is only a quote.
//!
//! A quote is `partial` when it is a fragment inside the writer's sentence.

use super::attribution::{self, speech_cues, subject_of, verb, Verb};
use super::{Context, Detector, Finding};
use crate::chars;
use crate::vocab::Kind;
use crate::document::{QuotePair, TokenKind};
use super::subject::{self, Subject};
use crate::lexicon::{Cue, List, Tag};
use crate::span::Span;

/// The quote detector.
pub(crate) struct Quotes;

impl Detector for Quotes {
    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        let first = found.len();
        let mut memo = Memo::default();
        // (finding index, paragraph) of quotes, to share speakers inside a paragraph
        let mut para_of: Vec<usize> = Vec::new();
        for q in doc.quotes.iter().filter(|q| q.depth == 0) {
            if is_title(cx, q, &mut memo) {
                continue;
            }
            let mut f = Finding::new(Kind::Quote, q.span);
            f.partial = is_partial(cx, q);
            if let Some((cue, who, via)) = attribute(cx, q, &mut memo) {
                f.cue = cue;
                f.who = Some(who);
                f.via = via.into_iter().collect();
            }
            para_of.push(doc.paragraph_at(q.span.start));
            found.push(f);
        }
        // 3: share speakers inside a paragraph: the nearest attributed quote before, else the
        // nearest after (`earlier` and `later` only move forward; quotes after `k` are not
        // filled in yet, so `later` sees who they had from rule 1 or 2)
        let n = found.len() - first;
        let (mut earlier, mut later) = (None, 0);
        for k in 0..n {
            if found[first + k].who.is_some() {
                earlier = Some(k);
                continue;
            }
            while later < n && (later <= k || found[first + later].who.is_none()) {
                later += 1;
            }
            let near = earlier.filter(|&j| para_of[j] == para_of[k]).or((later < n && para_of[later] == para_of[k]).then_some(later));
            if let Some(j) = near {
                found[first + k].who = found[first + j].who;
                found[first + k].via = found[first + j].via.clone();
            }
        }
        // 4 and 5: an earlier speech cue in the paragraph; the previous paragraph's speaker
        let mut last_speaker: Option<(usize, Subject)> = None; // (paragraph, subject)
        let mut cues = EarlierCues::default();
        // (paragraph, it holds nothing but its quotations, the colon-introduced speaker)
        let mut para_memo: Option<(usize, bool, Option<Option<Subject>>)> = None;
        for k in 0..n {
            let p = para_of[k];
            if found[first + k].who.is_none() {
                let q = found[first + k].span;
                let para = doc.paragraphs[p];
                let cue_subject = cues.before(cx, p, q.start);
                // a paragraph that is nothing but quotation continues the previous speaker (the
                // paragraph's tail after its last quotation is read once)
                let pm = match &mut para_memo {
                    Some(m) if m.0 == p => m,
                    m => {
                        let last_end = doc.quotes_starting_in(para).map(|x| x.span.end).max().unwrap_or(q.end);
                        let tail = doc.between(last_end, para.end).trim_matches(|c: char| !chars::is_alnum(c)).is_empty();
                        m.insert((p, tail, None))
                    }
                };
                let only_quote = pm.1 && doc.between(para.start, q.start).trim_start().is_empty();
                found[first + k].who = cue_subject
                    .or_else(|| match last_speaker {
                        Some((lp, s)) if only_quote && lp + 1 == p => Some(s),
                        _ => None,
                    })
                    .or_else(|| if only_quote { *pm.2.get_or_insert_with(|| introduced_by_colon(cx, p)) } else { None });
            }
            if let Some(s) = found[first + k].who {
                last_speaker = Some((p, s));
            }
        }
    }
}

/// What the detector works out once per sentence and reuses for every quotation in it
/// (quotations come in text order, so the last sentence's entry is the one asked again).
#[derive(Default)]
struct Memo {
    /// For [`is_title`]: (sentence, it has a speech cue, capitalised words, lower-case words
    /// of four letters or more).
    title: Option<(usize, bool, usize, usize)>,
    /// (sentence, the outlet it cites, by [`attribution::via_in`]).
    via: Option<(usize, Option<Subject>)>,
    /// (sentence, its first `according to` cue with a subject, and that subject).
    according: Option<(usize, Option<(Span, Subject)>)>,
}

impl Memo {
    fn via_in(&mut self, cx: &Context, si: usize) -> Option<Subject> {
        match self.via {
            Some((s, v)) if s == si => v,
            _ => {
                let v = attribution::via_in(cx, cx.doc.sentences[si]);
                self.via = Some((si, v));
                v
            }
        }
    }
}

/// Rule 4 for the quotations of one paragraph, in text order: the subject of the last speech
/// cue before a quotation. A cue in a sentence that ended before the quotation has the same
/// subject for every later quotation, so it is read once and its answer kept (`settled`).
/// The cues of the quotation's own sentence need no reading: rule 2 ([`attribute`]) asked
/// each of them the same question, with the same bounds, and got no answer, or the quotation
/// would have its speaker already.
#[derive(Default)]
struct EarlierCues {
    para: Option<usize>,
    /// Index into the speech cues ([`crate::document::Document::list_cues`]): those before it
    /// are settled.
    next: usize,
    /// The subject of the last settled cue that has one.
    settled: Option<Subject>,
}

impl EarlierCues {
    fn before(&mut self, cx: &Context, p: usize, pos: usize) -> Option<Subject> {
        let doc = cx.doc;
        let ids = doc.list_cues(List::Speech);
        let cue = |k: usize| &ids[k];
        if self.para != Some(p) {
            let start = doc.paragraphs[p].start;
            *self = EarlierCues { para: Some(p), next: ids.partition_point(|c| c.span().start < start), settled: None };
        }
        let speaks = |c: &Cue| matches!(verb(c), Verb::Speech | Verb::Quoted) && doc.quote_containing(c.span().start).is_none();
        let subject = |c: &Cue, ceiling: usize| {
            let s = doc.sentences[doc.sentence_at(c.span().start)];
            subject_of(cx, c, s.start, s.end.min(ceiling))
        };
        // settle the cues that, and whose sentence, ended before `pos`
        while self.next < ids.len() && cue(self.next).span().start < pos {
            let c = cue(self.next);
            let s = doc.sentences[doc.sentence_at(c.span().start)];
            if c.span().end > pos || s.end > pos {
                break;
            }
            if speaks(c) {
                if let Some(who) = subject(c, s.end) {
                    self.settled = Some(who);
                }
            }
            self.next += 1;
        }
        // cues of earlier sentences left unsettled (one ran past `pos`): read them now
        let own = doc.sentences[doc.sentence_at(pos)].start;
        let upto = ids.partition_point(|c| c.span().start < own).max(self.next);
        (self.next..upto)
            .rev()
            .map(cue)
            .filter(|c| c.span().end <= pos)
            .take(attribution::CUES_BACK)
            .filter(|c| speaks(c))
            .find_map(|c| subject(c, pos))
            .or(self.settled)
    }
}

/// `Here is what Clinton said in 1992:` ¶ `“…”`: a paragraph ending in a colon introduces
/// the quotation that opens the next one; its speaker is that sentence's speaker or subject.
fn introduced_by_colon(cx: &Context, p: usize) -> Option<Subject> {
    let doc = cx.doc;
    let prev = *doc.paragraphs.get(p.checked_sub(1)?)?;
    if !doc.slice(prev).ends_with(':') {
        return None;
    }
    let s = doc.sentences[doc.sentence_at(prev.end - 1)];
    speech_cues(cx, s)
        .filter(|c| matches!(verb(c), Verb::Speech | Verb::Quoted))
        .find_map(|c| subject_of(cx, c, s.start, s.end))
        .or_else(|| subject::sentence_subject(doc, s, s.end))
}

/// True when the quotation is a title: a title word just before it (`book`, `film`, `song`),
/// or a short phrase in title case with no speech cue in its sentence.
fn is_title(cx: &Context, q: &QuotePair, memo: &mut Memo) -> bool {
    let doc = cx.doc;
    let inner = q.inner();
    let words: Vec<_> = doc.tokens_in(inner).iter().filter(|t| t.is_word()).take(13).copied().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    // titles start with a capital letter or a digit
    let first_char = doc.slice(words[0].span()).chars().next().unwrap_or('a');
    if !(first_char.is_uppercase() || chars::is_num(first_char)) {
        return false;
    }
    // `"Northern Lights," a documentary about …`: a title noun right after
    if let Some(c) = q.close {
        let after = doc.tokens_in(Span::new(c.end, (c.end + 40).min(doc.text().len())));
        let mut k = 0;
        if after.first().is_some_and(|t| doc.slice(t.span()) == ",") {
            k += 1;
        }
        if after.get(k).is_some_and(|t| matches!(doc.slice(t.span()).to_ascii_lowercase().as_str(), "a" | "an" | "the"))
            && after[k + 1..].iter().take(3).any(|t| doc.cues_of(List::TitleCue, t.span()).next().is_some())
        {
            return true;
        }
        // `the “Bang Bang” singer`: a title noun or its maker right after, a determiner before
        let i = doc.token_at(q.open.start);
        let before = i.checked_sub(1).map(|b| doc.slice(doc.tokens[b].span()).to_ascii_lowercase());
        let determined = before.as_deref().is_some_and(|w| matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its") || w.ends_with("'s") || w.ends_with("’s"));
        if determined && after.first().is_some_and(|t| doc.cues_of(List::TitleCue, t.span()).next().is_some()) {
            return true;
        }
    }
    // a title cue among the three words before the opening mark
    let i = doc.token_at(q.open.start);
    let para_start = doc.paragraphs[doc.paragraph_at(q.open.start)].start;
    let mut seen = 0;
    for t in doc.tokens[..i].iter().rev().take(4).take_while(|t| t.span().start >= para_start) {
        let w = doc.slice(t.span());
        if t.kind() == TokenKind::Punct && w != "," {
            break;
        }
        if doc.cues_of(List::TitleCue, t.span()).any(|c| c.tag != Tag::Maker) {
            return true;
        }
        if t.is_word() {
            seen += 1;
        }
        if seen >= 3 {
            break;
        }
    }
    // title case: every word of 4+ letters capitalised, several words, no sentence punctuation
    let text = doc.slice(inner).trim_end_matches([',', '.']);
    let title_case = words.len() >= 2
        && words.iter().all(|t| t.kind() != TokenKind::Lower || doc.slice(t.span()).len() <= 3)
        && !text.ends_with(['!', '?', '.'])
        && !text.contains(['.', '!', '?', ';']);
    if title_case {
        let si = doc.sentence_at(q.span.start);
        let s = doc.sentences[si];
        let count = |span: Span| {
            let (mut upper, mut lower) = (0, 0);
            for t in doc.tokens_in(span) {
                match t.kind() {
                    TokenKind::Capitalized => upper += 1,
                    TokenKind::Lower if doc.slice(t.span()).len() > 3 => lower += 1,
                    _ => {}
                }
            }
            (upper, lower)
        };
        // the sentence's figures once, less those of the quotation
        let (has_cue, upper, lower) = match memo.title {
            Some((m, c, u, l)) if m == si => (c, u, l),
            _ => {
                let (u, l) = count(s);
                let c = speech_cues(cx, s).next().is_some();
                memo.title = Some((si, c, u, l));
                (c, u, l)
            }
        };
        let inside = Span::new(s.start.max(q.span.start), s.end.min(q.span.end));
        let (qu, ql) = if inside.start < inside.end { count(inside) } else { (0, 0) };
        let starts_sentence = doc.between(s.start, q.span.start).trim_start().is_empty();
        // in a headline written in title case, title case says nothing
        let headline = upper - qu > lower - ql;
        return !has_cue && !starts_sentence && !headline;
    }
    false
}

/// True for a fragment inside the writer's sentence: the word before the opening mark is part
/// of the sentence (`as a “bloodbath”`), not `that`, a speech cue or a colon.
fn is_partial(cx: &Context, q: &QuotePair) -> bool {
    let doc = cx.doc;
    let i = doc.token_at(q.open.start);
    let Some(prev) = i.checked_sub(1).map(|j| doc.tokens[j]) else { return false };
    if doc.paragraph_at(prev.span().start) != doc.paragraph_at(q.open.start) || !prev.is_word() {
        return false;
    }
    let w = doc.slice(prev.span()).to_ascii_lowercase();
    if w == "that" || w == "saying" || w == "stating" || w == "adding" {
        return false;
    }
    doc.cues_of(List::Speech, prev.span()).next().is_none()
}

/// How many tokens before a quotation are searched for the outlet it was said to (`told
/// TASS: “…”`): more than any sentence of news holds before its quotation.
const VIA_TOKENS: usize = 400;

/// Rule 2's speaker: the subject of the latest speech cue before the opening mark in its
/// sentence (`according to` aside), with that cue.
fn speaker_before(cx: &Context, q: &QuotePair) -> Option<(Span, Subject)> {
    let doc = cx.doc;
    let para = doc.paragraphs[doc.paragraph_at(q.span.start)];
    let s = doc.sentences[doc.sentence_at(q.span.start)];
    let before = Span::new(s.start.max(para.start), q.span.start);
    attribution::speech_cues_back(cx, before)
        .into_iter()
        .filter(|c| !matches!(verb(c), Verb::According))
        .find_map(|c| subject_of(cx, c, s.start, q.span.start).map(|who| (c.span(), who)))
}

/// The cue, speaker and via of a quotation from cues after or before it in its sentence.
fn attribute(cx: &Context, q: &QuotePair, memo: &mut Memo) -> Option<(Option<Span>, Subject, Option<Subject>)> {
    let doc = cx.doc;
    let para = doc.paragraphs[doc.paragraph_at(q.span.start)];
    // 1: after the closing mark, up to the sentence end or the next quotation
    if q.close.is_some() {
        let mut si = doc.sentence_at(q.span.end.saturating_sub(1));
        let mut s = doc.sentences[si];
        // a quotation that ends its sentence is attributed by the next (`“…?” Hannity pressed.`)
        let opening = doc.sentences[doc.sentence_at(q.span.start)];
        let starts_sentence = doc.between(opening.start, q.span.start).trim().is_empty();
        if s.end <= q.span.end && starts_sentence {
            let short = |n: &Span| doc.tokens_in(*n).iter().filter(|t| t.is_word()).take(7).count() <= 6;
            if let Some(next) = doc.sentences.get(si + 1).filter(|n| n.start < para.end && n.start <= q.span.end + 2 && short(n)) {
                s = *next;
                si += 1;
            }
        }
        let mut end = s.end.max(q.span.end).min(para.end);
        if let Some(next) = doc.quotes_starting_in(Span::new(q.span.end, end)).next() {
            end = end.min(next.span.start);
        }
        let after = Span::new(q.span.end, end);
        // only the first few words after the quote can attribute it
        let near = Span::new(q.span.end, end.min(q.span.end + 120));
        for c in speech_cues(cx, near) {
            if matches!(verb(c), Verb::Think) {
                break;
            }
            // the words between the quote and the cue must be a short subject, not a clause of
            // its own (`,” including provisions he said …`)
            let gap_tokens = doc.tokens_in(Span::new(q.span.end, c.span().start));
            let gap = gap_tokens.iter().filter(|t| t.is_word()).count();
            let clause = gap_tokens.iter().any(|t| {
                t.kind() == TokenKind::Lower && crate::lexicon::is(Tag::ClauseWord, doc.slice(t.span()))
            });
            // (a longer subject only when no verb is among its words: `a senior official with
            // access to the intelligence told CNN`)
            let verbless = || !gap_tokens.iter().any(|t| crate::document::looks_like_verb(doc, *t));
            if clause || gap > 14 || (gap > 8 && !verbless()) {
                break;
            }
            if let Some(who) = subject_of(cx, c, q.span.end, after.end) {
                // `He said forces were “under our control,” CNN reported.`: the outlet passes
                // on the words of the speaker before the quotation
                if attribution::outlet_reporting(cx, c.span(), who) {
                    if let Some((cue, inner)) = speaker_before(cx, q) {
                        return Some((Some(cue), inner, Some(who)));
                    }
                }
                let via = attribution::via_of(cx, c, after.end).or_else(|| memo.via_in(cx, si));
                return Some((Some(c.span()), who, via));
            }
        }
        // `“…” ― Carla Sanchez`: a dash and a name sign the quotation (vox pops, epigraphs)
        let rest = doc.between(q.span.end, para.end);
        let after_dash = rest.trim_start().strip_prefix(['―', '—', '–', '-']);
        if let Some(signed) = after_dash {
            let at = para.end - signed.len();
            if let Some(Subject::Name(n)) = subject::subject_after(doc, at, para.end) {
                if doc.between(at, cx.doc.mentions.names[n].full().start).trim().is_empty() {
                    return Some((None, Subject::Name(n), None));
                }
            }
        }
        // `“…” Anne Richards, assistant secretary of state, said on a call.`: a name right
        // after the quotation, its speech verb further on
        let first_word = doc.tokens.get(doc.token_at(q.span.end)).filter(|t| t.span().start < after.end);
        if let Some(t) = first_word {
            if let Some(Subject::Name(n)) = subject::subject_after(doc, t.span().start, after.end) {
                if cx.doc.mentions.names[n].full().start == t.span().start {
                    if let Some(c) = speech_cues(cx, after).find(|c| matches!(verb(c), Verb::Speech | Verb::Deny)) {
                        return Some((Some(c.span()), Subject::Name(n), attribution::via_of(cx, c, after.end)));
                    }
                    // `“…” Toomey fumed on Tuesday.`: a name and a verb in the past tense
                    let rest = doc.tokens_in(Span::new(cx.doc.mentions.names[n].full().end, after.end));
                    if let Some(w) = rest.first().filter(|w| w.kind() == TokenKind::Lower && doc.slice(w.span()).ends_with("ed")) {
                        return Some((Some(w.span()), Subject::Name(n), None));
                    }
                }
            }
            // `“…!” beamed Donald Hartley`
            let w = doc.slice(t.span());
            if t.kind() == TokenKind::Lower && w.ends_with("ed") {
                if let Some(Subject::Name(n)) = subject::subject_after(doc, t.span().end, after.end) {
                    if cx.doc.mentions.names[n].ty == crate::document::EntityType::Person {
                        return Some((Some(t.span()), Subject::Name(n), None));
                    }
                }
            }
        }
    }
    // 2: before the opening mark in its sentence (latest cue first)
    let si = doc.sentence_at(q.span.start);
    let s = doc.sentences[si];
    if let Some((cue, who)) = speaker_before(cx, q) {
        // the outlet among the words before the quotation (at most VIA_TOKENS of them)
        let i = doc.token_at(q.span.start);
        let from = doc.tokens.get(i.saturating_sub(VIA_TOKENS)).map_or(s.start, |t| t.span().start.max(s.start));
        let via = attribution::via_in(cx, Span::new(from, q.span.start));
        return Some((Some(cue), who, via));
    }
    // `according to X, “…”` (the sentence's first such cue with a subject, found once)
    let according = match memo.according {
        Some((m, a)) if m == si => a,
        _ => {
            let a = speech_cues(cx, s)
                .filter(|c| matches!(verb(c), Verb::According))
                .find_map(|c| subject_of(cx, c, s.start, s.end).map(|who| (c.span(), who)));
            memo.according = Some((si, a));
            a
        }
    };
    if let Some((cue, who)) = according {
        return Some((Some(cue), who, None));
    }
    // `Mr. Smith shot back: “…”`: a colon introduces the quotation; the clause before it speaks
    if doc.between(s.start, q.span.start).trim_end().ends_with(':') {
        let colon = s.start + doc.between(s.start, q.span.start).trim_end().len() - 1;
        if let Some(who) = subject::clause_subject(doc, Span::new(s.start, colon), colon) {
            if !matches!(who, Subject::Role { of: None, .. }) {
                return Some((None, who, None));
            }
        }
    }
    // a fragment in a sentence without a speech verb belongs to the sentence's subject
    // (`Rubio bemoaned a climate in which people “literally hate each other”`)
    if q.span.start > s.start && !doc.between(s.start, q.span.start).trim().is_empty() {
        if let Some(who) = subject::sentence_subject(doc, Span::new(s.start, q.span.start), q.span.start) {
            if !matches!(who, Subject::Role { of: None, .. }) {
                return Some((None, who, None));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    /// (text, [(quote text, speaker)]) — every quote the analysis finds, with its speaker.
    /// A text and the quotes it must give, each with its speaker.
    type Row<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

    fn check(rows: &[Row]) {
        for (text, want) in rows {
            let a = analyze(text);
            let got: Vec<(&str, Option<&str>)> =
                a.annotations.iter().filter(|x| x.kind == Kind::Quote).map(|x| (a.text_of(x), a.who(x))).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn speakers_after_the_quote() {
        check(&[
            ("“We will appeal,” said Jane Doe.", &[("“We will appeal,”", Some("Jane Doe"))]),
            ("Jane Doe spoke. “We will appeal,” Doe said.", &[("“We will appeal,”", Some("Jane Doe"))]),
            ("“No,” Peskov stated in response.", &[("“No,”", Some("Peskov"))]),
            ("''It is over,'' the economist Jared Bernstein said.", &[("''It is over,''", Some("Jared Bernstein"))]),
            ("\"Fine,\" Mr. Garin added.", &[("\"Fine,\"", Some("Garin"))]),
            // a role noun with a describing phrase, no verb among its words
            ("“It had to be approved,” a senior official with access to the intelligence told CNN.", &[("“It had to be approved,”", Some("senior official"))]),
            ("“We are full,” a nurse at the city hospital said.", &[("“We are full,”", Some("nurse"))]),
            // an age makes a description a person: the one the story names
            ("Dzhokhar Tsarnaev spoke in court. “I am sorry,” the 21-year-old college student said.", &[("“I am sorry,”", Some("Dzhokhar Tsarnaev"))]),
            // right after the closing mark, a plain noun phrase is the subject
            ("“They moved too fast,” the source alleged.", &[("“They moved too fast,”", Some("source"))]),
            // a verb with a clause after it is no inverted attribution (`“…” suggests that X`)
            ("City Attorney Brad Holm said the advertisement “unmistakably and wrongfully” suggests that Phoenix supports him.", &[("“unmistakably and wrongfully”", Some("Brad Holm"))]),
            // a participle opening the sentence is no inverted speech verb
            ("Responding to questions in Houston, the minister called the reports “propaganda”.", &[("“propaganda”", Some("minister"))]),
            ("Speaking to reporters in Paris, Jane Doe called it “a farce”.", &[("“a farce”", Some("Jane Doe"))]),
            // a clause between the quote and the cue is no subject
            ("“We are full,” the nurse who met the minister at the hospital later said.", &[("“We are full,”", None)]),
        ]);
    }

    #[test]
    fn speakers_before_the_quote() {
        check(&[
            ("Greta Holm replied: “We work with partners.”", &[("“We work with partners.”", Some("Greta Holm"))]),
            (
                "Last week, Donald Trump characterised the war as a “bloodbath”.",
                &[("“bloodbath”", Some("Donald Trump"))],
            ),
            (
                "Kremlin spokesman Dmitry Peskov informed the TASS state news agency that “many are emerging.”",
                &[("“many are emerging.”", Some("Dmitry Peskov"))],
            ),
        ]);
    }

    #[test]
    fn pronouns_and_appositives() {
        check(&[
            (
                "Amara Nwosu directed it. \"I will correct it,\" she said.",
                &[("\"I will correct it,\"", Some("Amara Nwosu"))],
            ),
            (
                "\"Every day costs us,\" said Tomas Reyna, who manages operations.",
                &[("\"Every day costs us,\"", Some("Tomas Reyna"))],
            ),
            (
                "Greta Holm, the authority's chief operating officer, said: \"No evidence.\"",
                &[("\"No evidence.\"", Some("Greta Holm"))],
            ),
            // an outlet's report of someone's words: the words are the speaker's
            (
                "Government spokesman Musa Ibrahim spoke on Sunday. He said the forces were \"absolutely under our control,\" CNN reported.",
                &[("\"absolutely under our control,\"", Some("Musa Ibrahim"))],
            ),
            (
                "The ministry was \"fully prepared,\" the Daily Courier reported.",
                &[("\"fully prepared,\"", Some("Daily Courier"))],
            ),
        ]);
    }

    #[test]
    fn attribution_constructions() {
        check(&[
            ("According to Jane Roe, “the plan is dead.”", &[("“the plan is dead.”", Some("Jane Roe"))]),
            (
                "Leonid Slutsky was quoted by the state RIA news agency as saying “talks are at an advanced stage.”",
                &[("“talks are at an advanced stage.”", Some("Leonid Slutsky"))],
            ),
            ("Tom Hale responded to the question by stating, “better not say.”", &[("“better not say.”", Some("Tom Hale"))]),
            (
                "Mayor Elaine Price opened the meeting. “My door is open,” the mayor said.",
                &[("“My door is open,”", Some("Elaine Price"))],
            ),
            ("Kremlin spokesman Dmitry Peskov told TASS: “There were no talks.”", &[("“There were no talks.”", Some("Dmitry Peskov"))]),
            (
                "Ann Lee, a doctor at St Mary's Hospital, said: “We are full.”\n“We will win,” she added. “We always do.”",
                &[("“We are full.”", Some("Ann Lee")), ("“We will win,”", Some("Ann Lee")), ("“We always do.”", Some("Ann Lee"))],
            ),
            (
                "“We will appeal,” a Harrowgate spokeswoman said of Harrowgate Motors' plan.",
                &[("“We will appeal,”", Some("Harrowgate Motors"))],
            ),
            (
                "“It works,” Greta Holm said.\n“It always has.”\n“It always will.”",
                &[("“It works,”", Some("Greta Holm")), ("“It always has.”", Some("Greta Holm")), ("“It always will.”", Some("Greta Holm"))],
            ),
        ]);
    }

    #[test]
    fn no_speaker_without_a_cue() {
        check(&[
            // a lone quotation with nobody before it
            ("“Nobody knows.”", &[("“Nobody knows.”", None)]),
            // a paragraph with its own words after the quotation does not inherit
            ("Dmitry Peskov spoke.\n“It was a mistake,” was the verdict of the inquiry.", &[("“It was a mistake,”", None)]),
        ]);
    }

    #[test]
    fn a_dash_and_a_name_sign_a_quotation() {
        check(&[(
            "“We deserve better.” ― Carla Sanchez\n“Vote.” — Jorge Falcon, Austin",
            &[("“We deserve better.”", Some("Carla Sanchez")), ("“Vote.”", Some("Jorge Falcon"))],
        )]);
    }

    #[test]
    fn continuation_quotes_inherit() {
        check(&[(
            "\"A festival is not a press office,\" Sofia Marchetti told the Gazette. \"We show films.\"",
            &[("\"A festival is not a press office,\"", Some("Sofia Marchetti")), ("\"We show films.\"", Some("Sofia Marchetti"))],
        )]);
    }

    #[test]
    fn titles_are_not_quotes() {
        check(&[
            ("In his 2024 book “War,” Bob Woodward reveals it.", &[]),
            ("the song \"River Song\" from its soundtrack", &[]),
            ("Nwosu's film, \"The Quiet Valley,\" won an award.", &[]),
            ("It opened with \"Northern Lights,\" a documentary about mining.", &[]),
            ("Rumours about the “Bang Bang” singer and the actor were denied.", &[]),
            ("The singer said “We are done” on Friday.", &[("“We are done”", Some("singer"))]),
            ("Headline\n“We will appeal,” Jane Doe said.", &[("“We will appeal,”", Some("Jane Doe"))]),
        ]);
    }

    #[test]
    fn title_words_before_a_quotation_of_words() {
        check(&[(
            "The councillors said the film \"repeats claims\" in court.",
            &[("\"repeats claims\"", Some("councillors"))],
        )]);
    }

    #[test]
    fn partial_quotes() {
        let a = analyze("He characterised the war as a “bloodbath” on Friday. He said “We won.”");
        let q: Vec<_> = a.annotations.iter().filter(|x| x.kind == Kind::Quote).map(|x| x.partial).collect();
        assert_eq!(q, [true, false]);
    }
}
