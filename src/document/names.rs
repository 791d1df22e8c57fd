//! The name index: every capitalised name of a [`Document`], found once when the document is
//! built ([`Mentions::find`]).
//!
//! One walk over the tokens records each name (titles such as `U.S. President` stripped, a
//! possessive `’s` dropped), typed from the lexicons as a person, outlet, organisation or
//! unknown. The detectors ask `detect::subject` for the subject of a cue, which reads this
//! index; turning a subject into a canonical source is the job of [`crate::sources`].

use super::{Document, Token, TokenKind};
use crate::chars;
use crate::lexicon::{self, List, Tag};
use crate::span::Span;
use crate::fxhash::{memo, FxHashMap};

/// What kind of thing a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum EntityType {
    /// A person.
    Person,
    /// A news outlet.
    Outlet,
    /// An organisation, government body or company.
    Org,
    /// A book, film or other work.
    Publication,
    /// A capitalised name the lexicons do not place.
    Unknown,
}

/// A capitalised name in the text; 20 bytes (offsets as `u32`, as in tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameMention {
    name: [u32; 2],
    full: [u32; 2],
    /// Its type.
    pub ty: EntityType,
    /// True when a title or honorific stood before it, which makes it a person.
    pub titled: bool,
}

impl NameMention {
    fn new(name: Span, full: Span, ty: EntityType, titled: bool) -> NameMention {
        let pair = |s: Span| [s.start as u32, s.end as u32];
        NameMention { name: pair(name), full: pair(full), ty, titled }
    }
    /// The name itself, titles and possessive stripped (`Donald Trump`).
    #[inline]
    pub fn name(&self) -> Span {
        Span::new(self.name[0] as usize, self.name[1] as usize)
    }
    /// The whole phrase as written (`U.S. President Donald Trump’s`).
    #[inline]
    pub fn full(&self) -> Span {
        Span::new(self.full[0] as usize, self.full[1] as usize)
    }
}

/// All names of a document, in text order.
#[derive(Debug, Default)]
pub(crate) struct Mentions {
    pub names: Vec<NameMention>,
}

/// True for a role or organisation noun of the lexicons (`spokesman`, `mayor`, `company`,
/// `officials`): the head of a role phrase.
pub(crate) fn is_role_word(w: &str) -> bool {
    lexicon::contains(List::Title, w) || lexicon::contains(List::Generic, w)
}

/// True for a nationality or place adjective written like a name (`Portuguese`, `Russian`):
/// before a noun it modifies it and names nobody.
pub(crate) fn is_demonym(w: &str) -> bool {
    !w.as_bytes().contains(&b' ') && ["ese", "ian", "ish", "ean", "can", "ch"].iter().any(|e| w.ends_with(e))
}

/// True for a capitalised word that starts a sentence or clause but never a name (any case;
/// the `not_name_start` class of `words.txt`).
fn not_name_start(w: &str) -> bool {
    lexicon::is(Tag::NotNameStart, w)
}

/// The words of a name before its first inner `for`, or failing that its first inner `of`
/// (`Syrian Observatory for Human Rights` → `Syrian Observatory`, `Bank of England` →
/// `Bank`): what `split_once(" for ").or_else(|| split_once(" of "))` gives, by one walk over
/// the spaces instead of two substring searchers (asked of every name).
pub(crate) fn head_before_for_or_of(s: &str) -> Option<&str> {
    let mut of = None;
    let mut at = 0;
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        if at > 0 && words.peek().is_some() {
            if w == "for" {
                return Some(&s[..at - 1]);
            }
            if w == "of" && of.is_none() {
                of = Some(at - 1);
            }
        }
        at += w.len() + 1;
    }
    of.map(|i| &s[..i])
}

/// True for a name with a particle glued on by a hyphen (`al-Zintani`, `el-Sisi`,
/// `bin-Salman`): written in lower case, it still belongs to the name.
pub(crate) fn particle_name(w: &str) -> bool {
    // asked of every lower-case word after a name: most have no hyphen, found by one memchr
    let rest = match w.strip_prefix("al\u{2011}") {
        Some(rest) => rest,
        None => match w.split_once('-') {
            Some((p, rest)) if matches!(p, "al" | "el" | "bin" | "ibn" | "abu" | "ad" | "as" | "ash" | "ar" | "an" | "az") => rest,
            _ => return false,
        },
    };
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// True for a hyphenated modifier before a name (`Britain-based`, `London-listed`,
/// `Kremlin-backed`, `state-run`): it describes the name and is no part of it.
fn is_modifier(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| matches!(tail, "based" | "listed" | "backed" | "run" | "owned" | "led" | "born" | "funded" | "affiliated" | "linked" | "aligned"))
}

/// True when the token opens its sentence (after any opening quote marks or brackets).
fn sentence_start(doc: &Document, t: Token) -> bool {
    let s = doc.sentences[doc.sentence_at(t.span().start)];
    doc.between(s.start, t.span().start).chars().all(|c| !chars::is_alnum(c))
}

/// Nationality and place adjectives, and similar modifiers, that stand before titles
/// (`U.S. President`, `Russian President`, `Kremlin spokesman`) are stripped with the title when
/// a title follows them.
pub(crate) fn is_title_word(doc: &Document, tok: Token) -> bool {
    let w = doc.slice(tok.span());
    lexicon::contains(List::Title, w) || (w.ends_with('.') && lexicon::contains(List::Title, w.trim_end_matches('.')))
}

fn strip_possessive(text: &str, span: Span) -> Span {
    let s = span.of(text);
    for suffix in ["'s", "’s", "'", "’"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            return Span::new(span.start, span.end - suffix.len());
        }
    }
    span
}

impl Mentions {
    /// Finds every capitalised name in the document.
    pub fn find(doc: &Document) -> Mentions {
        let text = doc.text();
        let toks = &doc.tokens;
        let mut names = Vec::new();
        // the words that follow another capitalised word somewhere (`Sessions` of `Jeff
        // Sessions`: alone at a sentence's start it is still that name)
        // (a map to `true` rather than a set: the same map type as `drop_lower_case_words`'s,
        // one copy of its code in the module)
        let mut later_words: FxHashMap<&str, bool> = FxHashMap::default();
        // what the lexicons say of each distinct name ([`name_facts`]), by the name as written
        // (names repeat: 150,000 mentions of 10 MB of news)
        let mut facts_of: FxHashMap<String, usize> = FxHashMap::default();
        for (k, t) in toks.iter().enumerate() {
            if t.kind() == TokenKind::Capitalized && k > 0 && toks[k - 1].kind() == TokenKind::Capitalized && doc.between(toks[k - 1].span().end, t.span().start) == " " {
                later_words.insert(doc.slice(t.span()), true);
            }
        }
        // Names that go if the text writes them in lower case somewhere (a single word opening
        // a sentence): (index in `names`, the word in lower case). Asked once, after the walk,
        // of only these words: a set of every lower-case word of a long text costs more.
        let mut unless_lower: Vec<(usize, String)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind() != TokenKind::Capitalized {
                i += 1;
                continue;
            }
            // collect the run of capitalised words, with joiners between them
            let start = i;
            let mut end = i + 1; // exclusive
            while end < toks.len() {
                let t = toks[end];
                let gap = &text[toks[end - 1].span().end..t.span().start];
                if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') || gap.len() > 2 {
                    break;
                }
                // `Rep. Jim Clyburn`, `Harry M. Reid`: an abbreviated title or an initial, its
                // dot, and the name goes on
                if doc.slice(t.span()) == "." && t.span().start == toks[end - 1].span().end && end + 1 < toks.len() {
                    let prev = doc.slice(toks[end - 1].span());
                    let initial = prev.chars().count() == 1;
                    let next = toks[end + 1];
                    let gap2 = text.get(t.span().end..next.span().start).unwrap_or("");
                    if (initial || lexicon::is(Tag::TitleAbbreviation, prev))
                        && next.kind() == TokenKind::Capitalized
                        && (gap2 == " " || gap2 == "\u{a0}")
                    {
                        end += 2;
                        continue;
                    }
                    break;
                }
                if t.kind() == TokenKind::Capitalized {
                    // a headline's verb ends the name: `Obama Says Museum …`
                    if doc.cues_of(List::Speech, t.span()).next().is_some() {
                        break;
                    }
                    // a possessive ends the name: `Trump’s Team` is two things
                    let prev = doc.slice(toks[end - 1].span());
                    if prev.ends_with("’s") || prev.ends_with("'s") {
                        break;
                    }
                    end += 1;
                } else if t.kind() == TokenKind::Lower && particle_name(doc.slice(t.span())) {
                    // `Adel al-Zintani`, `Abdel Fattah el-Sisi`: a particle glued to a name
                    end += 1;
                } else if t.kind() == TokenKind::Lower
                    && doc.slice(t.span()) == "for"
                    && end + 1 < toks.len()
                    && toks[end + 1].kind() == TokenKind::Capitalized
                    && lexicon::contains(List::OrgSuffix, doc.slice(toks[end - 1].span()))
                {
                    // `Syrian Observatory for Human Rights`, `Institute for Fiscal Studies`
                    end += 2;
                } else if t.kind() == TokenKind::Lower
                    && lexicon::is_lower_case(Tag::NameJoiner, doc.slice(t.span()))
                    && end + 1 < toks.len()
                    && toks[end + 1].kind() == TokenKind::Capitalized
                    && lexicon::contains(List::OrgSuffix, doc.slice(toks[end - 1].span()))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let run = &toks[start..end];
            i = end;
            // a long run of capitalised words is a headline in title case, not a name
            let capitals = run.iter().filter(|t| t.kind() == TokenKind::Capitalized).count();
            if capitals > 6 {
                continue;
            }
            // a single capitalised word opening a sentence is a common word when the text also
            // writes it in lower case, or when a lexicon knows it (`Lawyers say`, `Video shows`)
            let mut lower_case_kills = None;
            if run.len() == 1 && sentence_start(doc, run[0]) {
                let w = doc.slice(run[0].span());
                let next = toks.get(end).copied();
                let possessive = w.ends_with("'s") || w.ends_with("’s");
                // (`Pakistan on Monday rejected`: a preposition is no noun)
                let followed_by_noun = !possessive
                    && next.is_some_and(|n| {
                        let nw = doc.slice(n.span());
                        n.kind() == TokenKind::Lower && !looks_like_verb(doc, n) && !lexicon::is_lower_case(Tag::NameJoiner, nw) && !lexicon::is_lower_case(Tag::AfterName, nw)
                    });
                let known = later_words.contains_key(w)
                    && !lexicon::contains(List::Generic, w)
                    && !lexicon::contains(List::Title, w)
                    && !lexicon::contains(List::Speech, w)
                    && !crate::vocab::ends_ci(w, "ing")
                    && !crate::vocab::ends_ci(w, "ly");
                if !known && (followed_by_noun
                    || (lexicon::contains(List::Title, w) && crate::vocab::ends_ci(w, "s"))
                    || crate::vocab::ends_ci(w, "ed")
                    || lexicon::contains(List::Generic, w)
                    || lexicon::contains(List::Speech, w)
                    || crate::vocab::ends_ci(w, "ly")
                    || crate::vocab::ends_ci(w, "ing")
                    || ["tion", "sion", "ment", "ness", "ism"].iter().any(|e| crate::vocab::ends_ci(w, e)))
                {
                    continue;
                }
                if !known {
                    lower_case_kills = Some(w.to_ascii_lowercase());
                }
            }
            // drop leading words that never start a name
            let mut a = 0;
            let mut titled = false;
            // (and modifiers such as `Britain-based`, `London-listed`)
            while a < run.len()
                && (run[a].kind() == TokenKind::Punct || not_name_start(doc.slice(run[a].span())) || (a + 1 < run.len() && is_modifier(doc.slice(run[a].span()))))
            {
                titled |= ["mr", "mrs", "ms", "dr"].iter().any(|t| doc.slice(run[a].span()).eq_ignore_ascii_case(t));
                a += 1;
            }
            // strip titles: everything up to the last title word (`U.S. President Donald Trump`)
            // (not in an organisation's name: the `Justice Department` is no judge's)
            let org_named = run.last().is_some_and(|l| lexicon::contains(List::OrgSuffix, doc.slice(l.span())));
            if let Some(t) = run[a..].iter().rposition(|&t| is_title_word(doc, t)).filter(|_| !org_named) {
                if a + t + 1 < run.len() {
                    a += t + 1;
                    titled = true;
                }
            }
            // a title's head before its `of` (`Secretary` of `Secretary of State John Kerry`;
            // the `of` first: it is one comparison, the title words a look-up each)
            if toks.get(end).is_some_and(|t| doc.slice(t.span()) == "of") && run[a..].iter().all(|&t| is_title_word(doc, t)) {
                continue;
            }
            // a title of several words that ends inside the run (`Secretary of State John
            // Kerry`, `Chancellor of the Exchequer George Osborne`: the run starts after `of`)
            let run_start = run[0].span().start;
            let run_end = run[run.len() - 1].span().end;
            let mut title_start = run_start;
            if let Some(c) = doc.cues_of(List::Title, Span::new(run_start.saturating_sub(40), run_end)).filter(|c| c.span().start < run_start).max_by_key(|c| c.span().end).filter(|c| c.span().end > run_start) {
                let end = c.span().end;
                if end >= run_end {
                    // the title alone (`the Secretary of State said`): its last words name
                    // nobody (as a name, `State` would gather every `Islamic State`)
                    continue;
                }
                title_start = c.span().start;
                while a < run.len() && run[a].span().start < end {
                    a += 1;
                }
                titled = true;
            }
            while a < run.len() && run[a].kind() == TokenKind::Punct {
                a += 1;
            }
            // an honorific or title just before the run (lower-case `spokesman Eli Brandt`)
            if a == 0 && start > 0 {
                let p = toks[start - 1];
                if p.kind() != TokenKind::Punct && is_title_word(doc, p) {
                    titled = true;
                }
                if doc.slice(p.span()) == "." && start > 1 && is_title_word(doc, toks[start - 2]) {
                    titled = true;
                }
            }
            if a >= run.len() {
                continue;
            }
            // a people by its demonym (`the Russians`, `Americans`) is a group, no named source
            if a + 1 == run.len() && ["ians", "eans"].iter().any(|e| doc.slice(run[a].span()).ends_with(e)) {
                continue;
            }
            // a headline's `…, Mayor Says`: the verb left after the title is no name
            if a > 0 && a + 1 == run.len() && lexicon::contains(List::Speech, doc.slice(run[a].span())) {
                continue;
            }
            // a generic outlet word written like a name is no name (`state-run TV`, `Radio`)
            if a + 1 == run.len() && lexicon::tag_of(List::Generic, doc.slice(run[a].span())) == Tag::Outlet {
                continue;
            }
            let full = Span::new(title_start, run_end);
            let name = strip_possessive(text, Span::new(run[a].span().start, run_end));
            let key = doc.slice(name);
            let facts = memo(&mut facts_of, key, || name_facts(key));
            let mut ty = classify(doc, name, titled, run.len() - a, facts);
            // `the United Auto Workers union`: an organisation noun right after says
            if matches!(ty, EntityType::Person | EntityType::Unknown) {
                if let Some(n) = toks.get(end).filter(|n| n.kind() == TokenKind::Lower) {
                    let demonym = run.len() - a == 1 && is_demonym(doc.slice(name));
                    let nw = doc.slice(n.span());
                    // (`New York City officials`, `a Pentagon official`: the body they serve)
                    let officials = !titled && (nw == "officials" || nw == "official");
                    if !demonym && (lexicon::tag_of(List::Generic, nw) == Tag::Org || officials) {
                        ty = EntityType::Org;
                    }
                }
            }
            // `Gunster Strategies Worldwide, a public relations firm`: an appositive after says
            if matches!(ty, EntityType::Person | EntityType::Unknown) && !titled && toks.get(end).is_some_and(|t| doc.slice(t.span()) == ",") {
                let app = &toks[(end + 1).min(toks.len())..(end + 6).min(toks.len())];
                if app.first().is_some_and(|t| matches!(doc.slice(t.span()), "a" | "an" | "the")) {
                    // the appositive's head: its last word before punctuation or a preposition
                    let head = app[1..].iter().take_while(|t| t.kind() == TokenKind::Lower && !matches!(doc.slice(t.span()), "in" | "of" | "for" | "at" | "that" | "which" | "who" | "and")).last();
                    match head.map(|h| lexicon::tag_of(List::Generic, doc.slice(h.span()))) {
                        Some(Tag::Org) => ty = EntityType::Org,
                        Some(Tag::Outlet) => ty = EntityType::Outlet,
                        _ => {}
                    }
                }
            }
            // `the trade group Freight Forward`, `the carrier Bluewave`: the noun before says
            if ty == EntityType::Person || ty == EntityType::Unknown {
                let mut k = start;
                let mut comma = false;
                if k > 0 && doc.slice(toks[k - 1].span()) == "," {
                    k -= 1;
                    comma = true;
                }
                // across a comma only `The contractor, Norland Logistics`, not `Hale's party, Dennis Wong`
                // a determiner within the two words before the noun (`A utility company,`)
                let determined = (2..=3).any(|d| k >= d && lexicon::is(Tag::NameDeterminer, doc.slice(toks[k - d].span())));
                if k > 0 && toks[k - 1].kind() == TokenKind::Lower && (!comma || determined) {
                    let w = doc.slice(toks[k - 1].span());
                    match lexicon::tag_of(List::Generic, w) {
                        Tag::Org => ty = EntityType::Org,
                        Tag::Outlet => ty = EntityType::Outlet,
                        _ => {}
                    }
                }
            }
            if let Some(lower) = lower_case_kills {
                unless_lower.push((names.len(), lower));
            }
            names.push(NameMention::new(name, full, ty, titled));
        }
        drop_lower_case_words(doc, &mut names, &unless_lower);
        Mentions { names }
    }

    /// Index of the name whose phrase covers byte `pos`.
    pub fn name_at(&self, pos: usize) -> Option<usize> {
        let i = self.names.partition_point(|n| n.full().start <= pos);
        (i > 0 && self.names[i - 1].full().end > pos).then(|| i - 1)
    }

    /// Index of the last name ending at or before `pos`.
    pub fn last_before(&self, pos: usize) -> Option<usize> {
        let i = self.names.partition_point(|n| n.name().end <= pos);
        i.checked_sub(1)
    }
}

/// Drops the names of `unless_lower` (indices into `names`, sorted) whose word the text also
/// writes in lower case: one walk over the tokens, asking a set of only those words.
fn drop_lower_case_words(doc: &Document, names: &mut Vec<NameMention>, unless_lower: &[(usize, String)]) {
    if unless_lower.is_empty() {
        return;
    }
    // each word asked about, and whether the text writes it in lower case
    let mut written: FxHashMap<&str, bool> = unless_lower.iter().map(|(_, w)| (w.as_str(), false)).collect();
    // and a bit per (length, first and last byte) of them, as the lexicon's sketch keeps of
    // its entries: most lower-case words of a text are none of them, and the bit turns them
    // away before the hash look-up
    let shape = |w: &[u8]| lexicon::sketch_of(0, w.len(), w.first().copied().unwrap_or(0), w.last().copied().unwrap_or(0));
    let mut bits = vec![0u64; lexicon::SKETCH_BITS / 64];
    for w in written.keys() {
        lexicon::set_bit(&mut bits, shape(w.as_bytes()));
    }
    for t in doc.tokens.iter().filter(|t| t.kind() == TokenKind::Lower) {
        let w = doc.slice(t.span());
        if !lexicon::has_bit(&bits, shape(w.as_bytes())) {
            continue;
        }
        if let Some(seen) = written.get_mut(w) {
            *seen = true;
        }
    }
    let mut gone = unless_lower.iter().filter(|(_, w)| written.get(w.as_str()) == Some(&true)).map(|&(i, _)| i).peekable();
    let mut i = 0;
    names.retain(|_| {
        let drop = gone.peek() == Some(&i);
        if drop {
            gone.next();
        }
        i += 1;
        !drop
    });
}

/// `s` without any leading `The ` (`str::trim_start_matches` with a string pattern brings the
/// module the standard library's two-way searcher).
fn without_leading_the(mut s: &str) -> &str {
    while let Some(rest) = s.strip_prefix("The ") {
        s = rest;
    }
    s
}

// The bits of [`name_facts`].
const OUTLET: usize = 1;
const ORG: usize = 2;
const OUTLET_SUFFIX: usize = 4;
const ORG_SUFFIX: usize = 8;
const ORG_HEAD: usize = 16;
const PLACE: usize = 32;

/// What the lexicons say of a name, as bits, asked once per distinct name: a whole outlet or
/// organisation name, an outlet or organisation word ending it, an organisation word before
/// its `for`/`of`, a place.
fn name_facts(s: &str) -> usize {
    let last = s.rsplit(' ').next().unwrap_or(s);
    // a whole-name suffix of two words (`Free Press`) or of one
    let last_two = s.rmatch_indices(' ').nth(1).and_then(|(i, _)| s.get(i + 1..)).unwrap_or("");
    // (`the St. Louis Post-Dispatch`: the word after a hyphen counts)
    let after_hyphen = last.rsplit('-').next().unwrap_or(last);
    let bit = |on: bool, b: usize| if on { b } else { 0 };
    bit(lexicon::contains(List::Outlet, s) || lexicon::contains(List::Outlet, without_leading_the(s)), OUTLET)
        | bit(lexicon::contains(List::Org, s), ORG)
        | bit(lexicon::contains(List::OutletSuffix, last) || lexicon::contains(List::OutletSuffix, last_two) || lexicon::contains(List::OutletSuffix, after_hyphen), OUTLET_SUFFIX)
        | bit(lexicon::contains(List::OrgSuffix, last), ORG_SUFFIX)
        // `Syrian Observatory for Human Rights`, `Bank of England`: the head before `for`/`of`
        | bit(head_before_for_or_of(s).is_some_and(|head| lexicon::contains(List::OrgSuffix, head.rsplit(' ').next().unwrap_or(head))), ORG_HEAD)
        | bit(lexicon::contains(List::Place, s), PLACE)
}

/// Types a name from the lexicons (`facts`: [`name_facts`] of it) and its shape.
fn classify(doc: &Document, name: Span, titled: bool, words: usize, facts: usize) -> EntityType {
    if facts & OUTLET != 0 {
        return EntityType::Outlet;
    }
    if facts & ORG != 0 {
        return EntityType::Org;
    }
    if words >= 2 && facts & OUTLET_SUFFIX != 0 {
        return EntityType::Outlet;
    }
    if facts & ORG_SUFFIX != 0 && (words >= 2 || !titled) {
        return EntityType::Org;
    }
    if facts & ORG_HEAD != 0 {
        return EntityType::Org;
    }
    // a known outlet or organisation inside the name (`Breitbart California`)
    if doc.cues_of(List::Outlet, name).any(|c| name.contains(c.span()) && c.span().start == name.start) {
        return EntityType::Outlet;
    }
    // `South Korea`, `New York City`: a place speaks as its government or authorities
    if !titled && facts & PLACE != 0 {
        return EntityType::Org;
    }
    if titled || words >= 2 {
        return EntityType::Person;
    }
    EntityType::Unknown
}

/// True when `t` reads as a verb after a subject: a speech cue, an auxiliary or a past tense
/// in `-ed` (a word in `-s` may as well be a plural noun: `RIA news`).
pub(crate) fn looks_like_verb(doc: &Document, t: Token) -> bool {
    if t.kind() != TokenKind::Lower {
        return false;
    }
    // (both look-ups fold case themselves: no lowered copy)
    let w = doc.slice(t.span());
    lexicon::is(Tag::Verbish, w)
        || lexicon::contains(List::Speech, w)
        || (w.len() > 3 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_before_for_or_of_is_what_the_substring_split_gives() {
        for s in ["Syrian Observatory for Human Rights", "Bank of England", "Bank of the Office for X", "for me", "made for", "of", "", "A  for B", "Ford of Fortune", "forthright offer", "x of y for z"] {
            let want = s.split_once(" for ").or_else(|| s.split_once(" of ")).map(|(h, _)| h);
            assert_eq!(head_before_for_or_of(s), want, "{s:?}");
        }
    }

    /// (text, every name found as (name, type)).
    const ROWS: &[(&str, &[(&str, EntityType)])] = &[
        ("U.S. President Donald Trump’s plan failed.", &[("Donald Trump", EntityType::Person)]),
        ("The Coastal Tribune and Norland Logistics agreed.", &[("Coastal Tribune", EntityType::Outlet), ("Norland Logistics", EntityType::Org)]),
        ("Mayor Jane Doe met Reuters.", &[("Jane Doe", EntityType::Person), ("Reuters", EntityType::Outlet)]),
        ("Adel al-Zintani spoke.", &[("Adel al-Zintani", EntityType::Person)]),
        // an appositive, or the people a name is followed by, says what it is
        ("She met Harlow Brandt Partners, a public relations firm in Ohio.", &[("Harlow Brandt Partners", EntityType::Org), ("Ohio", EntityType::Org)]),
        // a place is never a person (places.txt), even in two words
        ("South Korea and Saudi Arabia signed it.", &[("South Korea", EntityType::Org), ("Saudi Arabia", EntityType::Org)]),
        ("Jane Doe, a lawyer, spoke.", &[("Jane Doe", EntityType::Person)]),
        // a word opening a sentence that the text also writes in lower case is no name; one it
        // never does stays (`drop_lower_case_words`)
        ("Harvest came early. The harvest was poor. Kestrel came too.", &[("Kestrel", EntityType::Unknown)]),
        ("New York City officials spoke.", &[("New York City", EntityType::Org)]),
        // an outlet noun written in capitals is no name
        ("Syrian state-run TV reported it.", &[]),
        // alone at a sentence's start, a surname written in full elsewhere is still a name
        ("Jeff Sessions spoke. Sessions recently singled out Philadelphia.", &[("Jeff Sessions", EntityType::Person), ("Sessions", EntityType::Unknown), ("Philadelphia", EntityType::Org)]),
        // a title of several words (`Secretary of State`, `Speaker of the House`) is no part of
        // the name after it; alone, no name
        ("Secretary of State John Kerry spoke.", &[("John Kerry", EntityType::Person)]),
        ("Speaker of the House Newt Gingrich spoke.", &[("Newt Gingrich", EntityType::Person)]),
        ("The Secretary of State spoke.", &[]),
        ("The Bank of England spoke.", &[("Bank of England", EntityType::Org)]),
        // sentence-initial words that are no names
        ("However, nothing changed.", &[]),
        ("The talks ended.", &[]),
    ];

    #[test]
    fn names_are_found_once_and_typed() {
        for (t, want) in ROWS {
            let doc = Document::new(t);
            let got: Vec<(&str, EntityType)> = doc.mentions.names.iter().map(|n| (doc.slice(n.name()), n.ty)).collect();
            assert_eq!(&got[..], *want, "{t}");
        }
    }

    #[test]
    fn look_ups_by_position() {
        let t = "Jane Doe met Tomas Reyna.";
        let doc = Document::new(t);
        let m = &doc.mentions;
        assert_eq!(m.name_at(t.find("Doe").unwrap()), Some(0));
        assert_eq!(m.name_at(t.find("met").unwrap()), None);
        assert_eq!(m.last_before(t.find("met").unwrap()), Some(0));
        assert_eq!(m.last_before(t.len()), Some(1));
        assert_eq!(m.last_before(0), None);
    }
}
