//! The grammar of subjects: who a speech cue's words belong to, as the text refers to them.
//!
//! Detectors ask for the subject of a cue before it (`Peskov stated`, `Greta Holm, the
//! authority's chief operating officer, said`), after it (`said Tomas Reyna`, `according to
//! the New York Post`), or of a clause or sentence, and get a [`Subject`]: a name (from the
//! document's name index), a pronoun, a role noun (`the spokesman`, `the company`) or an
//! anonymous phrase. Every search is bounded (a floor, a ceiling, [`LEAD`] tokens), so the
//! detectors stay linear. Resolving a subject to a source is [`crate::sources`]' job.

use crate::chars;
use crate::document::{is_role_word, is_title_word, looks_like_verb, Document, EntityType, TokenKind};
use crate::lexicon::{self, List, Tag};
use crate::span::Span;

/// Pronouns that can be the subject of a speech verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he / she / his / her
    Singular,
    /// they / their
    Plural,
    /// it / its
    Neuter,
    /// I / we (inside quotes: the speaker themself)
    First,
}

/// The subject of a speech cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A capitalised name: index into [`Mentions::names`].
    Name(usize),
    /// A pronoun at this span.
    Pronoun(Span, Pronoun),
    /// A role noun phrase (`the spokesman`, `a Harrowgate spokeswoman`, `the company`):
    /// the whole phrase, the head noun, and a capitalised modifier naming whom it speaks for.
    Role { phrase: Span, head: Span, of: Option<usize> },
    /// An unnamed source, the phrase as written.
    Anonymous(Span),
}

pub(crate) fn is_pronoun(w: &str) -> Option<Pronoun> {
    // (asked of many words: none longer than a pronoun is lowered, and that on the stack)
    let b = w.as_bytes();
    if b.len() > 5 {
        return None;
    }
    let mut low = [0u8; 5];
    for (l, c) in low.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    Some(match &low[..b.len()] {
        b"he" | b"she" | b"him" | b"his" | b"her" => Pronoun::Singular,
        b"they" | b"them" | b"their" => Pronoun::Plural,
        b"it" | b"its" => Pronoun::Neuter,
        b"i" | b"we" => Pronoun::First,
        _ => return None,
    })
}

/// How many tokens into a sentence its subject is looked for: real sentences name it within
/// the first few words.
const LEAD: usize = 64;

/// The subject of the speech verb at `verb`, looking back no further than `floor`.
pub(crate) fn subject_before(doc: &Document, verb: Span, floor: usize) -> Option<Subject> {
    let toks = &doc.tokens;
    let mut i = doc.token_at(verb.start);
    // skip auxiliaries and time adverbs; stop at the floor
    let mut skipped = 0;
    while i > 0 {
        let t = toks[i - 1];
        if t.span().start < floor {
            return None;
        }
        let w = doc.slice(t.span());
        if t.kind() == TokenKind::Lower && skipped < 4 && lexicon::is(Tag::BeforeVerb, w) && anonymous_ends_at(doc, t.span().end).is_none() {
            i -= 1;
            skipped += 1;
            continue;
        }
        break;
    }
    // a parenthesis right before the verb: `Harry Reid (D-Nev.) said`
    if i > 1 && doc.slice(toks[i - 1].span()) == ")" {
        let mut j = i - 1;
        while j > 0 && i - j < 10 && doc.slice(toks[j - 1].span()) != "(" {
            j -= 1;
        }
        if j > 1 && doc.slice(toks[j - 1].span()) == "(" {
            i = j - 1;
        }
    }
    if i == 0 {
        return None;
    }
    let t = toks[i - 1];
    if t.span().start < floor {
        return None;
    }
    // a name after `by` is the agent of a participle describing the subject (`a rebel
    // commander contacted by the Associated Press said`), not the subject
    let agent = t.kind() == TokenKind::Capitalized
        && doc.mentions.name_at(t.span().start).is_some_and(|n| {
            let k = doc.token_at(doc.mentions.names[n].full().start);
            let by = |d: usize| k >= d && doc.slice(toks[k - d].span()) == "by";
            by(1) || (by(2) && matches!(doc.slice(toks[k - 1].span()), "the" | "The"))
        });
    // a common noun before the verb may end a phrase describing a role noun before it (`a
    // nurse at the city hospital said`): the role noun is the subject
    if (t.kind() == TokenKind::Lower || agent) && anonymous_ends_at(doc, t.span().end).is_none() {
        if let Some(r) = role_before_phrase(doc, i, floor) {
            return Some(r);
        }
    }
    subject_ending_at(doc, i, floor, true)
}

/// The longest a describing phrase runs, in tokens.
const DESCRIBING_REACH: usize = 12;

/// `a senior administration official with access to the intelligence told CNN`: a role
/// noun (`official`) followed by a describing phrase, up to the verb, with no punctuation in
/// it; the subject is the role phrase without the description.
fn role_before_phrase(doc: &Document, i: usize, floor: usize) -> Option<Subject> {
    let toks = &doc.tokens;
    let mut k = i;
    while k > 1 && i - k < DESCRIBING_REACH {
        k -= 1;
        let t = toks[k];
        if t.span().start < floor || !(t.is_word() || t.kind() == TokenKind::Number) {
            return None;
        }
        if lexicon::is_lower_case(Tag::Describing, doc.slice(t.span())) {
            let head = toks[k - 1];
            if head.kind() == TokenKind::Lower && lexicon::contains(List::Title, doc.slice(head.span())) && head.span().start >= floor {
                let r = subject_ending_at(doc, k, floor, false).filter(|r| matches!(r, Subject::Role { .. } | Subject::Anonymous(_)));
                // `a spokesman for the port authority`: whom it speaks for stays in the phrase
                if let (Some(Subject::Role { phrase, head, of }), "for") = (r, doc.slice(t.span())) {
                    return Some(Subject::Role { phrase: Span::new(phrase.start, toks[i - 1].span().end), head, of });
                }
                return r;
            }
        }
    }
    None
}

/// The subject of the clause a participle or coordinated verb belongs to: the first name
/// or pronoun of the sentence, outside quotations, that is followed by a verb (`Trump went
/// after Bush, calling him …` → Trump), else the sentence's subject.
pub(crate) fn clause_subject(doc: &Document, sentence: Span, before: usize) -> Option<Subject> {
    // the sentence's subject, when a verb (or a relative clause or appositive) follows it
    if let Some(s) = sentence_subject(doc, sentence, before) {
        let end = match s {
            Subject::Name(n) => Some(doc.mentions.names[n].full().end),
            Subject::Pronoun(p, _) => Some(p.end),
            _ => None,
        };
        if let Some(end) = end {
            let k = doc.token_at(end);
            let next = doc.tokens.get(k).filter(|t| t.span().start < before);
            let verb_follows = next.is_some_and(|t| looks_like_verb(doc, *t))
                || (next.is_some_and(|t| doc.slice(t.span()) == ",")
                    && doc.tokens.get(k + 1).is_some_and(|t| t.kind() == TokenKind::Lower && t.span().start < before));
            if verb_follows {
                return Some(s);
            }
        }
    }
    let toks = doc.tokens_in(Span::new(sentence.start, before));
    let base = doc.token_at(sentence.start);
    for k in 0..toks.len().min(60) {
        let t = toks[k];
        if doc.quote_containing(t.span().start).is_some() {
            continue;
        }
        // the word after, past an adverb (`Trump quickly took`)
        let mut next = match toks.get(k + 1) {
            Some(n) => *n,
            None => continue,
        };
        if doc.slice(next.span()).ends_with("ly") {
            match toks.get(k + 2) {
                Some(n) => next = *n,
                None => continue,
            }
        }
        if !looks_like_verb(doc, next) {
            continue;
        }
        let w = doc.slice(t.span());
        if let Some(p) = is_pronoun(w) {
            if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we") {
                return Some(Subject::Pronoun(t.span(), p));
            }
            continue;
        }
        if t.kind() == TokenKind::Capitalized || t.kind() == TokenKind::Punct {
            if let Some(n) = doc.mentions.name_at(t.span().start) {
                if doc.mentions.names[n].name().end <= t.span().end && doc.mentions.names[n].name().end >= t.span().start {
                    return Some(Subject::Name(n));
                }
            }
        }
        if t.kind() == TokenKind::Lower {
            if let Some(r) = role_ending_at(doc, base + k + 1, sentence.start) {
                if matches!(r, Subject::Role { .. }) && lexicon::contains(List::Title, w) {
                    return Some(r);
                }
            }
        }
    }
    sentence_subject(doc, sentence, before)
}

/// The subject of a sentence: its first noun phrase after an introductory phrase
/// (`In 2022, President Putin deployed …` → Putin), looking no further than `before`.
pub(crate) fn sentence_subject(doc: &Document, sentence: Span, before: usize) -> Option<Subject> {
    let toks = doc.tokens_in(Span::new(sentence.start, before));
    // the first words come among the first LEAD tokens (a sentence opening with more
    // punctuation than that has no subject to find)
    let toks = &toks[..toks.len().min(LEAD)];
    let first = toks.iter().find(|t| t.is_word())?;
    let w = doc.slice(first.span()).to_ascii_lowercase();
    let mut pos = first.span().start;
    if matches!(w.as_str(), "and" | "but" | "yet" | "so" | "or") {
        let second = toks.iter().filter(|t| t.is_word()).nth(1)?;
        return subject_after(doc, second.span().start, before);
    }
    let comma = || toks.iter().take(16).position(|t| doc.slice(t.span()) == ",");
    if lexicon::is(Tag::Introductory, &w) {
        // skip to the first comma of the sentence, when it comes soon
        pos = toks.get(comma()? + 1)?.span().start;
    } else if w.len() > 5 && w.ends_with("ing") && first.kind() == TokenKind::Capitalized {
        // a participial phrase (`Responding to media reports, the spokesperson …`); a
        // sentence without the comma starts with its subject (`Banking regulators said`)
        if let Some(c) = comma() {
            pos = toks.get(c + 1)?.span().start;
        }
    }
    subject_after(doc, pos, before)
}

/// The noun phrase ending with token `i - 1`.
fn subject_ending_at(doc: &Document, i: usize, floor: usize, allow_appositive: bool) -> Option<Subject> {
    let toks = &doc.tokens;
    let t = toks[i - 1];
    let w = doc.slice(t.span());
    if let Some(a) = anonymous_ends_at(doc, t.span().end) {
        if a.start >= floor {
            return Some(Subject::Anonymous(a));
        }
    }
    // `the 34-year-old said`: an age stands for the person, like a pronoun
    if w.to_ascii_lowercase().ends_with("-year-old") {
        return Some(Subject::Pronoun(t.span(), Pronoun::Singular));
    }
    if let Some(p) = is_pronoun(w) {
        if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we") {
            return Some(Subject::Pronoun(t.span(), p));
        }
        // `one of them said`
        if w.eq_ignore_ascii_case("them") && i >= 2 && doc.slice(toks[i - 2].span()).eq_ignore_ascii_case("of") {
            return Some(Subject::Pronoun(t.span(), p));
        }
        return None;
    }
    if let Some(n) = doc.mentions.name_at(t.span().start) {
        if doc.mentions.names[n].name().end <= t.span().end && doc.mentions.names[n].ty != EntityType::Publication {
            // `A union spokesman, Ray Odom, said` and `Ray Odom, a union spokesman, said`
            // both name Ray Odom; `The mining company, Granite Ridge Resources, said` names
            // the company.
            return Some(Subject::Name(n));
        }
    }
    if w == "," && allow_appositive {
        // `X, APPOSITIVE, said`: the clause's first noun phrase, or a name standing as the
        // appositive (`A union spokesman, Ray Odom, said`)
        let clause = Span::new(floor, t.span().start);
        let last_comma = doc.tokens_in(clause).iter().rev().find(|u| doc.slice(u.span()) == ",").map(|u| u.span().start);
        if let Some(a) = last_comma {
            // the appositive between the last two commas holds no verb
            let appositive = doc.tokens_in(Span::new(a + 1, t.span().start));
            let verbless = !appositive.iter().any(|u| doc.cues_of(List::Speech, u.span()).next().is_some());
            let first = sentence_subject(doc, Span::new(floor, a), a);
            // an appositive is a noun phrase (`, Ray Odom,`, `, the chair,`), not a
            // participle (`, seen by the Echo,`)
            let np = appositive.first().is_some_and(|u| {
                u.kind() == TokenKind::Capitalized
                    || lexicon::is(Tag::NameDeterminer, doc.slice(u.span()))
                    || is_title_word(doc, *u)
            });
            let inner = if np { subject_after(doc, a + 1, t.span().start) } else { None };
            if verbless && first.is_some() {
                if let Some(Subject::Name(n)) = inner {
                    let first_named = matches!(first, Some(Subject::Name(h)) if doc.mentions.names[h].ty == EntityType::Person
                        || doc.mentions.names[n].ty != EntityType::Person);
                    let first_bare_role = matches!(first, Some(Subject::Role { of: None, .. }));
                    if !first_named || first_bare_role {
                        return inner;
                    }
                }
                return first;
            }
        }
        // `X, APPOSITIVE, said`: find the appositive's start (the previous comma)
        let mut j = i - 1;
        let mut steps = 0;
        while j > 0 && steps < 20 {
            let u = toks[j - 1];
            if u.span().start < floor {
                break;
            }
            let s = doc.slice(u.span());
            if s == "," {
                // the appositive is toks[j..i-1]; the head before it is toks[..j-1]
                let appositive = Span::new(toks[j].span().start, toks[i - 2].span().end);
                let head = if j >= 2 { subject_ending_at(doc, j - 1, floor, false) } else { None };
                let inner = subject_ending_at(doc, i - 1, floor, false);
                return match (head, inner) {
                    (Some(Subject::Name(h)), Some(Subject::Name(n))) => {
                        // prefer the person
                        if doc.mentions.names[n].ty == EntityType::Person && doc.mentions.names[h].ty != EntityType::Person {
                            Some(Subject::Name(n))
                        } else {
                            Some(Subject::Name(h))
                        }
                    }
                    (Some(Subject::Name(h)), _) => Some(Subject::Name(h)),
                    (_, Some(Subject::Name(n))) if appositive.len() < 80 => Some(Subject::Name(n)),
                    (Some(h), _) => Some(h),
                    (None, inner) => inner,
                };
            }
            if matches!(s, "." | ";" | ":" | "“" | "”" | "\"") {
                break;
            }
            j -= 1;
            steps += 1;
        }
        return None;
    }
    if t.kind() == TokenKind::Lower {
        return role_ending_at(doc, i, floor);
    }
    // a role noun opening the sentence (`Prosecutors allege`, `Officials said`) or written in
    // capitals after its modifiers (`Syrian state-run TV reported`)
    if t.kind() == TokenKind::Capitalized && is_role_word(w) {
        return role_ending_at(doc, i, floor).or(Some(Subject::Role { phrase: t.span(), head: t.span(), of: None }));
    }
    None
}

/// `the spokesman`, `a Harrowgate spokeswoman`, `the authority's chief operating officer`,
/// `the company`, `union officials`: a role or generic noun and its modifiers.
fn role_ending_at(doc: &Document, i: usize, floor: usize) -> Option<Subject> {
    let toks = &doc.tokens;
    let head = toks[i - 1];
    let hw = doc.slice(head.span());
    let is_role = is_role_word(hw);
    if !is_role {
        if looks_like_verb(doc, head) {
            return None;
        }
        // a short plain noun phrase opening its clause: `Shipping lines said`
        let mut j = i - 1;
        while j > 0 && i - j < 4 && toks[j - 1].span().start >= floor && toks[j - 1].kind() == TokenKind::Lower && !looks_like_verb(doc, toks[j - 1]) {
            j -= 1;
        }
        // `the 21-year-old college student`: an age makes the phrase a person, like a pronoun
        if j > 1 && !hw.ends_with('s') && toks[j - 1].span().start >= floor && doc.slice(toks[j - 1].span()).to_ascii_lowercase().ends_with("-year-old") {
            let d = doc.slice(toks[j - 2].span()).to_ascii_lowercase();
            if matches!(d.as_str(), "the" | "a") && toks[j - 2].span().start >= floor {
                return Some(Subject::Pronoun(Span::new(toks[j - 2].span().start, head.span().end), Pronoun::Singular));
            }
        }
        // one capitalised word opening the sentence belongs to it (`Shipping lines`)
        if j > 0 && toks[j - 1].span().start == floor && toks[j - 1].kind() == TokenKind::Capitalized {
            j -= 1;
        }
        let opens = j == 0 || toks[j - 1].span().start < floor || matches!(doc.slice(toks[j - 1].span()), "," | ";" | "”" | "\"" | "»");
        let plural = hw.ends_with('s') && !hw.ends_with("ss");
        let determined = j < i - 1 && matches!(doc.slice(toks[j].span()).to_ascii_lowercase().as_str(), "one" | "a" | "an" | "another" | "the");
        if opens && (plural || determined) && hw.len() > 3 && toks[j..i].iter().all(|t| t.is_word()) {
            return Some(Subject::Role { phrase: Span::new(toks[j].span().start, head.span().end), head: head.span(), of: None });
        }
        return None;
    }
    // walk back over modifiers to a determiner or the clause start
    let mut j = i - 1;
    let mut of = None;
    let mut steps = 0;
    while j > 0 && steps < 6 {
        let u = toks[j - 1];
        // (a hyphen inside a modifier, `state-run`, is part of it)
        let hyphen = doc.slice(u.span()) == "-" && j >= 2 && toks[j - 2].span().end == u.span().start && u.span().end == toks[j].span().start;
        if u.span().start < floor || u.kind() == TokenKind::Punct && !doc.slice(u.span()).ends_with('s') && !hyphen {
            break;
        }
        let s = doc.slice(u.span());
        if lexicon::is(Tag::NameDeterminer, s) {
            j -= 1;
            break;
        }
        // a preposition or conjunction ends the phrase (`Port deal under fire as ministry
        // denies …`)
        if lexicon::is_lower_case(Tag::PhraseBreak, s) {
            break;
        }
        if u.kind() == TokenKind::Capitalized {
            if let Some(n) = doc.mentions.name_at(u.span().start) {
                of = Some(n);
            }
        } else if s.ends_with("'s") || s.ends_with("’s") {
            // `the authority's chief operating officer`: a generic owner
        }
        if is_pronoun(s).is_some() {
            j -= 1;
            break;
        }
        j -= 1;
        steps += 1;
    }
    // `Lawyers for the employees`, `lawyers for the families`: the noun before the
    // preposition heads the phrase
    if j >= 2 && toks[j - 2].span().start >= floor && matches!(doc.slice(toks[j - 1].span()), "for" | "of" | "representing") {
        let h = toks[j - 2];
        let hw2 = doc.slice(h.span());
        if h.is_word() && is_role_word(hw2) {
            return Some(Subject::Role { phrase: Span::new(h.span().start, head.span().end), head: h.span(), of });
        }
    }
    let phrase = Span::new(toks[j].span().start, head.span().end);
    Some(Subject::Role { phrase, head: head.span(), of })
}

/// The subject right after `pos` (inverted `said Tomas Reyna`, `according to Reuters`).
pub(crate) fn subject_after(doc: &Document, pos: usize, ceiling: usize) -> Option<Subject> {
    let toks = &doc.tokens;
    let i = doc.token_at(pos);
    let t = *toks.get(i)?;
    if t.span().start >= ceiling {
        return None;
    }
    if let Some(a) = anonymous_starts_at(doc, t.span().start) {
        return Some(Subject::Anonymous(a));
    }
    let w = doc.slice(t.span());
    if let Some(p) = is_pronoun(w) {
        if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it") {
            return Some(Subject::Pronoun(t.span(), p));
        }
        // `according to his lawyer`: fall through to a role
    }
    if let Some(n) = doc.mentions.name_at(t.span().start) {
        // `Republican presidential candidate Donald Trump`: a name as a modifier of a title
        let k = doc.token_at(doc.mentions.names[n].full().end);
        for m in k..(k + 3).min(toks.len()) {
            let u = toks[m];
            if u.kind() != TokenKind::Lower || u.span().end > ceiling {
                break;
            }
            if is_title_word(doc, u) {
                if let Some(p) = doc.mentions.name_at(toks.get(m + 1).map_or(usize::MAX, |v| v.span().start)) {
                    return Some(Subject::Name(p));
                }
            }
        }
        return Some(Subject::Name(n));
    }
    // a role phrase: determiner, modifiers, head noun; then maybe `for X` / `of X`
    let mut j = i;
    let mut steps = 0;
    while j < toks.len() && steps < 6 && toks[j].span().end <= ceiling {
        let u = toks[j];
        let s = doc.slice(u.span());
        if u.kind() == TokenKind::Punct && !(s == "'" || s == "’") {
            break;
        }
        if u.kind() == TokenKind::Capitalized {
            if let Some(n) = doc.mentions.name_at(u.span().start) {
                // `the Kremlin spokesman` or `a report by Reuters`
                let n_end = doc.mentions.names[n].full().end;
                let k = doc.token_at(n_end);
                if k < toks.len() {
                    let next = doc.slice(toks[k].span());
                    if is_role_word(next) {
                        // `the Foreign Office spokesperson Shafqat Ali Khan`: the person named
                        // after the role
                        let named = toks.get(k + 1).filter(|p| p.span().end <= ceiling).and_then(|p| doc.mentions.name_at(p.span().start));
                        if let Some(p) = named.filter(|&p| doc.mentions.names[p].full().start == toks[k + 1].span().start && doc.mentions.names[p].ty == EntityType::Person) {
                            return Some(Subject::Name(p));
                        }
                        return Some(Subject::Role { phrase: Span::new(t.span().start, toks[k].span().end), head: toks[k].span(), of: Some(n) });
                    }
                }
                return Some(Subject::Name(n));
            }
        }
        if is_role_word(s) {
            // take the longest role word sequence (`chief executive`), and the last noun of
            // a compound (`court documents`, `police spokeswoman`)
            let mut head = u.span();
            if let Some(nx) = toks.get(j + 1) {
                let two = doc.between(u.span().start, nx.span().end);
                if lexicon::contains(List::Title, two) {
                    head = Span::new(u.span().start, nx.span().end);
                } else if nx.kind() == TokenKind::Lower && nx.span().end <= ceiling {
                    let w = doc.slice(nx.span());
                    if is_role_word(w) {
                        head = nx.span();
                    }
                }
            }
            let k = doc.token_at(head.end);
            // `the trade group Freight Forward`, `the commission's chair, Ruth Okonkwo`: the
            // name that follows is the source
            let mut m = k;
            if toks.get(m).is_some_and(|p| doc.slice(p.span()) == ",") {
                m += 1;
            }
            if let Some(n) = toks.get(m).filter(|p| p.span().end <= ceiling).and_then(|p| doc.mentions.name_at(p.span().start)) {
                if doc.mentions.names[n].full().start == toks[m].span().start {
                    return Some(Subject::Name(n));
                }
            }
            let mut of = None;
            if let (Some(p), Some(_)) = (toks.get(k), toks.get(k + 1)) {
                if matches!(doc.slice(p.span()), "for" | "of" | "at") {
                    let mut m = k + 1;
                    if lexicon::is(Tag::NameDeterminer, doc.slice(toks[m].span())) {
                        m += 1;
                    }
                    if let Some(q) = toks.get(m) {
                        of = doc.mentions.name_at(q.span().start);
                    }
                    // `a spokesperson for the water authority`: an unnamed organisation
                    // speaks, under the name the text gives it
                    if of.is_none() && lexicon::tag_of(List::Title, doc.slice(head)) == Tag::Spokes {
                        let mut e = m;
                        while e < toks.len() && e < m + 4 && toks[e].kind() == TokenKind::Lower && toks[e].span().end <= ceiling {
                            e += 1;
                        }
                        if e > m && lexicon::tag_of(List::Generic, doc.slice(toks[e - 1].span())) == Tag::Org {
                            let org = Span::new(toks[m].span().start, toks[e - 1].span().end);
                            return Some(Subject::Role { phrase: org, head: toks[e - 1].span(), of: None });
                        }
                    }
                }
            }
            return Some(Subject::Role { phrase: Span::new(t.span().start, head.end), head, of });
        }
        // determiners, modifiers and capitalised modifiers that are no name of their own
        // (`Porto president Rui Costa`) lead to the head
        if !(lexicon::is(Tag::NameDeterminer, s) || matches!(u.kind(), TokenKind::Lower | TokenKind::Number | TokenKind::Capitalized)) {
            break;
        }
        j += 1;
        steps += 1;
    }
    None
}

/// An unnamed-source phrase ending at `end`, or ending in a preposition whose short object
/// runs to `end` (`people briefed on | the investigation`).
fn anonymous_ends_at(doc: &Document, end: usize) -> Option<Span> {
    let from = end.saturating_sub(100);
    doc.cues_of(List::Anonymous, Span::new(from, end))
        .filter(|c| {
            let gap = doc.between(c.span().end, end);
            if gap.trim().is_empty() {
                return true;
            }
            let open_ended = doc.slice(c.span()).rsplit(' ').next().is_some_and(|w| matches!(w, "on" | "in" | "with" | "to" | "of" | "the" | "about"));
            open_ended && gap.len() < 40 && gap.split_whitespace().all(|w| w.chars().all(|ch| chars::is_alnum(ch) || ch == '-' || ch == '\''))
        })
        .map(|c| Span::new(c.span().start, end))
        .min_by_key(|s| s.start)
}

fn anonymous_starts_at(doc: &Document, start: usize) -> Option<Span> {
    doc.cues_of(List::Anonymous, Span::new(start, start + 120))
        .filter(|c| c.span().start == start)
        .map(|c| c.span())
        .max_by_key(|s| s.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a subject as the document writes it.
    fn text_of(doc: &Document, s: Option<Subject>) -> Option<String> {
        let span = match s? {
            Subject::Name(n) => doc.mentions.names[n].name(),
            Subject::Pronoun(p, _) => p,
            Subject::Role { phrase, .. } => phrase,
            Subject::Anonymous(a) => a,
        };
        Some(doc.slice(span).to_owned())
    }

    /// The span of the first `word` in `doc`.
    fn find(doc: &Document, word: &str) -> Span {
        let at = doc.text().find(word).expect("the cue is in the text");
        Span::new(at, at + word.len())
    }

    /// (text, the cue, the subject before it or None).
    const BEFORE: &[(&str, &str, Option<&str>)] = &[
        ("Peskov stated that the talks had ended.", "stated", Some("Peskov")),
        // an appositive between the name and the verb
        ("Greta Holm, the authority's chief operating officer, said the line would reopen.", "said", Some("Greta Holm")),
        ("The spokesman said nothing had changed.", "said", Some("The spokesman")),
        ("Syrian state-run TV reported that the leader had been killed.", "reported", Some("Syrian state-run TV")),
        ("A spokesman for the port authority said the berth was closed.", "said", Some("A spokesman for the port authority")),
        ("Port deal under fire as ministry denies secret talks", "denies", Some("ministry")),
        ("A rebel commander in a Damascus suburb contacted by the Associated Press said he was alive.", "said", Some("A rebel commander")),
        ("A Harrowgate spokeswoman said the plant was safe.", "said", Some("A Harrowgate spokeswoman")),
        ("People familiar with the matter said the deal was close.", "said", Some("People familiar with the matter")),
        // auxiliaries and adverbs between subject and verb
        ("She has repeatedly said she would stay.", "said", Some("She")),
        ("In Paris, the minister said the plan was final.", "said", Some("the minister")),
        ("Reuters said it had seen the letter.", "said", Some("Reuters")),
        // a role noun and a phrase describing it
        ("A nurse at the city hospital said the wards were full.", "said", Some("A nurse")),
        ("An official with access to the files told reporters.", "told", Some("An official")),
        // near misses: no subject, or a name that is not one
        ("Yesterday said nothing.", "said", None),
        ("“It is over,” said the mayor.", "said", None),
        ("He visited Philadelphia and said the city was advertising.", "said", None),
    ];

    /// (text, the cue, the subject after it or None).
    const AFTER: &[(&str, &str, Option<&str>)] = &[
        ("“We will appeal,” said Tomas Reyna, the club's lawyer.", "said", Some("Tomas Reyna")),
        ("The bank will cut 500 jobs, according to the New York Post.", "according to", Some("New York Post")),
        ("“No,” said the spokesman.", "said", Some("the spokesman")),
        ("“No,” said a person familiar with the talks.", "said", Some("a person familiar with the talks")),
        ("The talks failed, according to the Kremlin spokesman Dmitry Peskov.", "according to", Some("Dmitry Peskov")),
        ("The talks failed, according to the Foreign Office spokesman.", "according to", Some("the Foreign Office spokesman")),
        // near misses
        ("The plan, said to cost millions, was dropped.", "said", None),
        ("“No,” said on Tuesday.", "said", None),
    ];

    /// (sentence, its subject or None).
    const SENTENCE: &[(&str, Option<&str>)] = &[
        ("Jane Doe, the mayor, spoke to reporters on Monday.", Some("Jane Doe")),
        ("After the vote, the council's leader left the chamber.", Some("the council's leader")),
        ("It rained.", Some("It")),
        // a participial opening, then the subject; the person named after a role
        ("Responding to media reports, the Foreign Office spokesperson Shafqat Ali Khan rejected them.", Some("Shafqat Ali Khan")),
        // a common noun is no one's name
        ("The decision, officials said, was final.", None),
    ];

    #[test]
    fn subject_before_a_cue() {
        for (t, cue, want) in BEFORE {
            let doc = Document::new(t);
            let got = text_of(&doc, subject_before(&doc, find(&doc, cue), 0));
            assert_eq!(got.as_deref(), *want, "{t}");
        }
    }

    #[test]
    fn subject_after_a_cue() {
        for (t, cue, want) in AFTER {
            let doc = Document::new(t);
            let got = text_of(&doc, subject_after(&doc, find(&doc, cue).end, t.len()));
            assert_eq!(got.as_deref(), *want, "{t}");
        }
    }

    #[test]
    fn subject_of_a_sentence() {
        for (t, want) in SENTENCE {
            let doc = Document::new(t);
            let got = text_of(&doc, sentence_subject(&doc, Span::new(0, t.len()), t.len()));
            assert_eq!(got.as_deref(), *want, "{t}");
        }
    }

    #[test]
    fn floors_and_ceilings_bound_the_search() {
        // the name lies before the floor / after the ceiling: not found
        let t = "Jane Doe left. Then said nothing.";
        let doc = Document::new(t);
        let said = find(&doc, "said");
        assert!(subject_before(&doc, said, t.find("Then").unwrap()).is_none());
        let t = "“No,” said Tomas Reyna.";
        let doc = Document::new(t);
        let said = find(&doc, "said");
        assert!(subject_after(&doc, said.end, said.end).is_none());
        assert!(subject_after(&doc, said.end, t.len()).is_some());
    }
}
