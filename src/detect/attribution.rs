//! Shared attribution helpers: the speech cues of a sentence and their subjects, used by the
//! quote, reported-speech, denial and unverified-claim detectors alike.

use super::Context;
use super::subject::{self, Pronoun, Subject};
use crate::lexicon::{Cue, List, Tag};
use crate::span::Span;

/// A speech cue's kind, from its lexicon tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    /// says, told, added...
    Speech,
    /// called it, described as: frames rather than says
    Frame,
    /// believes, thinks
    Think,
    /// according to
    According,
    /// was quoted (by / as saying)
    Quoted,
    /// denied: a denial, which attributes like speech
    Deny,
}

pub(crate) fn verb(c: &Cue) -> Verb {
    match c.tag {
        Tag::Frame => Verb::Frame,
        Tag::Think => Verb::Think,
        Tag::Acc => Verb::According,
        Tag::Quoted => Verb::Quoted,
        Tag::Deny => Verb::Deny,
        _ => Verb::Speech,
    }
}

/// Speech cues inside `span` that are not inside a quotation.
pub(crate) fn speech_cues<'a>(cx: &'a Context, span: Span) -> impl DoubleEndedIterator<Item = &'a Cue> + 'a {
    cx.doc.cues_of(List::Speech, span).filter(move |c| cx.doc.quote_containing(c.span().start).is_none())
}

/// How many speech cues a backward search looks at (those inside quotations included). A
/// sentence of news has a handful of speech verbs; only made-up text (one sentence of
/// thousands of `said`) has more, and there the bound keeps each search constant-time.
pub(crate) const CUES_BACK: usize = 16;

/// [`speech_cues`] inside `span`, the last first, among its last [`CUES_BACK`] speech cues
/// (collected by one function, not one copy per caller, which keeps the wasm module small).
pub(crate) fn speech_cues_back<'a>(cx: &'a Context, span: Span) -> Vec<&'a Cue> {
    cx.doc.cues_of(List::Speech, span).rev().take(CUES_BACK).filter(|c| cx.doc.quote_containing(c.span().start).is_none()).collect()
}

/// The last of [`speech_cues_back`] that passes `want`.
pub(crate) fn last_speech_cue<'a>(cx: &'a Context, span: Span, want: &dyn Fn(&Cue) -> bool) -> Option<&'a Cue> {
    speech_cues_back(cx, span).into_iter().find(|c| want(c))
}

/// How deep `…, saying` / `… and said` may lead back from verb to earlier verb (`Fiorina said,
/// adding that …`): real sentences chain two or three.
const CHAIN: u8 = 4;

/// The subject of a speech cue: before it (`Peskov said`, `the company has denied`) or, for
/// inverted and `according to` forms, after it (`said Greta Holm`, `according to Reuters`).
/// `floor` and `ceiling` bound the search (sentence or quote edges).
pub(crate) fn subject_of(cx: &Context, cue: &Cue, floor: usize, ceiling: usize) -> Option<Subject> {
    subject_of_verb(cx, cue.span(), verb(cue), floor, ceiling)
}

/// [`subject_of`] for any verb phrase at `span` (a denial or claim cue), read as `v`.
pub(crate) fn subject_of_verb(cx: &Context, span: Span, v: Verb, floor: usize, ceiling: usize) -> Option<Subject> {
    subject_chained(cx, span, v, floor, ceiling, 0)
}

/// [`subject_of_verb`], `depth` verbs down a chain of `…, saying` / `… and said`.
fn subject_chained(cx: &Context, span: Span, v: Verb, floor: usize, ceiling: usize, depth: u8) -> Option<Subject> {
    if v == Verb::According {
        return subject::subject_after(cx.doc, span.end, ceiling);
    }
    if v == Verb::Quoted && cx.doc.slice(span).to_ascii_lowercase().starts_with("quoted by") {
        return None; // the subject comes with `was quoted`; `by X` is the via
    }
    // `…, saying`, `… and revealed`: the sentence's subject speaks
    let doc = cx.doc;
    let i = doc.token_at(span.start);
    let prev = i.checked_sub(1).map_or("", |j| doc.slice(doc.tokens[j].span()));
    // (the cue's first word: `adding`, `saying`)
    let participle = crate::vocab::ends_ci(doc.slice(span).split(' ').next().unwrap_or(""), "ing");
    let after_document = i > 0 && crate::lexicon::tag_of(List::Generic, doc.slice(doc.tokens[i - 1].span())) == Tag::Pub;
    if (participle && (prev == "," || after_document)) || prev.eq_ignore_ascii_case("and") || prev.eq_ignore_ascii_case("but") {
        let s = doc.sentences[doc.sentence_at(span.start)];
        // `Fiorina said, adding that …`: the speaker of the speech verb before it
        let earlier = last_speech_cue(cx, Span::new(s.start.max(floor), span.start), &|c| {
            matches!(verb(c), Verb::Speech | Verb::Deny) && !doc.slice(c.span()).ends_with("ing")
        })
        .filter(|_| depth < CHAIN);
        if let Some(e) = earlier {
            if let Some(subject) = subject_chained(cx, e.span(), verb(e), s.start.max(floor), span.start, depth + 1) {
                return Some(subject);
            }
        }
        let before = doc.tokens[..i].iter().rev().nth(1).map_or(span.start, |t| t.span().start);
        if let Some(subject) = subject::clause_subject(doc, Span::new(s.start.max(floor), before), before) {
            return Some(subject);
        }
    }
    if let Some(s) = subject::subject_before(cx.doc, span, floor) {
        return agrees(cx, span, s).then_some(s);
    }
    // inverted: `said Tomas Reyna`, `added the spokesman`
    if matches!(v, Verb::Speech | Verb::Deny) {
        // only right after a quotation or at the clause start
        let before = cx.doc.between(floor, span.start).trim_end().trim_end_matches(',').trim_end();
        // (a participle opening the sentence is no inverted verb: `Responding to questions in
        // Houston, he said` is not said by Houston)
        let inverted_ok = (before.is_empty() || before.ends_with(['”', '"', '\'', '’', '»'])) && !participle;
        // (`suggests that Phoenix …`: a clause follows, not an inverted subject)
        let clause_follows = cx.doc.between(span.end, ceiling.max(span.end)).trim_start().get(..5).is_some_and(|w| w.eq_ignore_ascii_case("that "));
        if inverted_ok && !clause_follows {
            return subject::subject_after(cx.doc, span.end, ceiling);
        }
    }
    None
}

/// `X told Y`, `quoted by Y`, `in an interview with Y`: what a statement passed through, when
/// that is an outlet or a person, named right after the cue.
/// True when `who` is an outlet, named or not (`Reuters`, `state TV`, `the New York Times
/// newspaper`), and `cue` a verb of reporting (`reported`, `reports`, `is reporting`): the
/// outlet's report, which passes on someone else's words or claims.
pub(crate) fn outlet_reporting(cx: &Context, cue: Span, who: Subject) -> bool {
    let doc = cx.doc;
    let reporting = doc.slice(cue).split(' ').any(|w| ["reported", "reports", "reporting"].iter().any(|r| w.eq_ignore_ascii_case(r)));
    let outlet_name = |n: usize| doc.mentions.names.get(n).is_some_and(|m| m.ty == crate::document::EntityType::Outlet);
    reporting
        && match who {
            Subject::Name(n) => outlet_name(n),
            Subject::Role { head, of, .. } => {
                of.is_some_and(outlet_name) || crate::lexicon::tag_of(List::Generic, doc.slice(head)) == Tag::Outlet
            }
            _ => false,
        }
}

pub(crate) fn via_of(cx: &Context, cue: &Cue, ceiling: usize) -> Option<Subject> {
    let w = cx.doc.slice(cue.span()).to_ascii_lowercase();
    let after = if w == "told" || w == "tells" || w == "informed" || w.starts_with("quoted by") || w == "was quoted" || w == "were quoted" || w == "is quoted" {
        let mut pos = cue.span().end;
        if !w.starts_with("quoted by") {
            let rest = cx.doc.between(pos, ceiling.max(pos));
            let t = rest.trim_start();
            if let Some(r) = t.strip_prefix("by ") {
                pos = ceiling - r.len();
            } else if crate::vocab::find_str(&w, "quoted").is_some() {
                return None;
            }
        }
        subject::subject_after(cx.doc, pos, ceiling)
    } else {
        None
    };
    match after {
        Some(Subject::Name(n)) if matches!(cx.doc.mentions.names[n].ty, crate::document::EntityType::Outlet) => after,
        _ => None,
    }
}

/// The outlet a sentence cites as where it was said (`in an interview with the New York Post`,
/// `told TASS`, `was quoted by RIA`).
pub(crate) fn via_in(cx: &Context, span: Span) -> Option<Subject> {
    for c in speech_cues(cx, span) {
        if let Some(v) = via_of(cx, c, span.end) {
            return Some(v);
        }
    }
    // `in an interview with CNN`, `speaking to the BBC`, `in comments to Reuters`
    let doc = cx.doc;
    let toks = doc.tokens_in(span);
    for (k, t) in toks.iter().enumerate() {
        let w = doc.slice(t.span());
        let is = |word: &str| w.eq_ignore_ascii_case(word);
        let next_is = |word: &str| toks.get(k + 1).is_some_and(|n| doc.slice(n.span()).eq_ignore_ascii_case(word));
        let lead = (is("interview") && next_is("with")) || ((is("speaking") || is("comments") || is("remarks")) && next_is("to"));
        if let (true, Some(n)) = (lead, toks.get(k + 2)) {
            if let Some(Subject::Name(m)) = subject::subject_after(doc, n.span().start, span.end) {
                if cx.doc.mentions.names[m].ty == crate::document::EntityType::Outlet {
                    return Some(Subject::Name(m));
                }
            }
        }
    }
    None
}

/// Present-tense forms double as nouns (`the TASS state news agency`, `the claims`): they
/// count as verbs only when they agree with their subject (`Smith says`, `officials say`,
/// `will state`), never after a singular name in the base form.
fn agrees(cx: &Context, verb: Span, subject: Subject) -> bool {
    let doc = cx.doc;
    let first = doc.slice(verb).split(' ').next().unwrap_or("").to_ascii_lowercase();
    if first.ends_with("ed") || first.ends_with("ing") || crate::lexicon::is(Tag::IrregularPast, &first) || first.as_bytes().contains(&b' ') {
        return true;
    }
    let i = doc.token_at(verb.start);
    let prev = i.checked_sub(1).map(|j| doc.slice(doc.tokens[j].span()).to_ascii_lowercase()).unwrap_or_default();
    let third_singular = first.ends_with('s') && !first.ends_with("ss");
    let plural_subject = match subject {
        Subject::Pronoun(_, p) => matches!(p, Pronoun::Plural | Pronoun::First),
        Subject::Role { head, .. } => {
            let h = doc.slice(head);
            h.ends_with('s') && !h.ends_with("ss")
        }
        Subject::Anonymous(a) => {
            let t = doc.slice(a).to_ascii_lowercase();
            !(t.starts_with("a ") || t.starts_with("an ") || t.starts_with("one "))
        }
        Subject::Name(n) => {
            // plural organisations are rare in names; `Democrats`, `Republicans` are
            let t = doc.slice(cx.doc.mentions.names[n].name());
            t.ends_with('s') && !t.ends_with("ss") && !t.as_bytes().contains(&b' ')
        }
    };
    if third_singular {
        !plural_subject
    } else {
        plural_subject || crate::lexicon::is(Tag::Aux, &prev) || prev.ends_with("n't")
    }
}
