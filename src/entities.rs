//! Who is speaking: names, pronouns, roles and unnamed sources in the text, and the subject
//! of a speech cue.
//!
//! [`Mentions::find`] walks the tokens once and records every capitalised name (titles such as
//! `U.S. President` stripped, a possessive `’s` dropped), typed from the lexicons as a person,
//! outlet, organisation or unknown. Detectors then ask for the subject of a cue, before it
//! (`Peskov stated`, `Greta Holm, the authority's chief operating officer, said`) or after it
//! (`said Tomas Reyna`, `according to the New York Post`), and get a [`Subject`]: a name, a
//! pronoun, a role noun (`the spokesman`, `the company`) or an anonymous phrase. Turning a
//! subject into a canonical source is the job of [`crate::sources`].

use crate::document::{Document, Token, TokenKind};
use crate::lexicon::{self, List, Tag};
use crate::span::Span;
use crate::fxhash::FxHashSet;

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

/// A capitalised name in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameMention {
    /// The name itself, titles and possessive stripped (`Donald Trump`).
    pub name: Span,
    /// The whole phrase as written (`U.S. President Donald Trump’s`).
    pub full: Span,
    /// Its type.
    pub ty: EntityType,
    /// True when a title or honorific stood before it, which makes it a person.
    pub titled: bool,
}

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

/// All names of a document, in text order.
#[derive(Debug, Default)]
pub(crate) struct Mentions {
    pub names: Vec<NameMention>,
}

/// Capitalised words that start a sentence or clause but never a name.
const NOT_NAME_START: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "so", "yet", "in", "on",
    "at", "by", "for", "from", "with", "without", "as", "after", "before", "during", "when", "while",
    "if", "since", "asked", "meanwhile", "however", "last", "next", "it", "he", "she", "they", "we",
    "i", "his", "her", "their", "our", "its", "my", "your", "you", "former", "then", "now", "there",
    "here", "still", "also", "both", "all", "some", "many", "most", "such", "other", "another", "each",
    "every", "no", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "what", "who", "whom", "which", "where", "why", "how", "yes", "oh", "mr", "mrs", "ms", "dr",
    "although", "though", "because", "unless", "until", "despite", "under", "over", "about", "into",
    "according", "instead", "even", "only", "just", "later", "earlier", "today", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "while",
    "to", "of", "up", "out", "off", "do", "does", "did", "is", "are", "was", "were", "be", "has", "have",
    "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "let", "among",
    "against", "between", "through", "across", "around", "beyond", "within", "upon", "near", "like",
    "unlike", "whether", "more", "less", "very", "much", "well", "already", "again", "ever", "never",
    "plus", "perhaps", "maybe", "thus", "hence", "rather", "finally", "first", "second", "third",
    "overall", "indeed", "therefore", "nonetheless", "nevertheless", "otherwise", "likewise",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// True for a role or organisation noun of the lexicons (`spokesman`, `mayor`, `company`,
/// `officials`): the head of a role phrase.
pub(crate) fn is_role_word(w: &str) -> bool {
    lexicon::contains(List::Title, w) || lexicon::contains(List::Generic, w)
}

/// True for a nationality or place adjective written like a name (`Portuguese`, `Russian`):
/// before a noun it modifies it and names nobody.
pub(crate) fn is_demonym(w: &str) -> bool {
    !w.contains(' ') && ["ese", "ian", "ish", "ean", "can", "ch"].iter().any(|e| w.ends_with(e))
}

/// True for a word in [`NOT_NAME_START`] (any case), by one hash look-up.
fn not_name_start(w: &str) -> bool {
    static SET: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    if w.len() > 12 || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 12];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let set = SET.get_or_init(|| NOT_NAME_START.iter().copied().collect());
    std::str::from_utf8(lower).is_ok_and(|l| set.contains(l))
}

/// Lower-case words that may sit inside a name (`Bank of England`, `Leonardo da Vinci`).
const NAME_JOINERS: &[&str] = &["of", "de", "da", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "del", "di", "el", "y", "&"];

/// True for a name with a particle glued on by a hyphen (`al-Zintani`, `el-Sisi`,
/// `bin-Salman`): written in lower case, it still belongs to the name.
pub(crate) fn particle_name(w: &str) -> bool {
    ["al-", "el-", "al\u{2011}", "bin-", "ibn-", "abu-", "ad-", "as-", "ash-", "ar-", "an-", "az-"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)))
}

/// True for a hyphenated modifier before a name (`Britain-based`, `London-listed`,
/// `Kremlin-backed`, `state-run`): it describes the name and is no part of it.
fn is_modifier(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| matches!(tail, "based" | "listed" | "backed" | "run" | "owned" | "led" | "born" | "funded" | "affiliated" | "linked" | "aligned"))
}

/// Function words that follow a name opening a sentence (`Pakistan on Monday rejected`,
/// `Reuters and AFP reported`) where a common word would take a noun.
const AFTER_NAME: &[&str] = &["on", "and", "also", "has", "had", "have", "is", "was", "will", "would", "could", "does", "did", "who", "which"];

/// Abbreviated titles written with a dot inside names (`Rep. Jim Clyburn`).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "st",
    "hon", "pres", "sens", "reps", "cmdr", "adm", "maj", "supt", "insp", "det", "atty", "messrs",
];

/// True when the token opens its sentence (after any opening quote marks or brackets).
fn sentence_start(doc: &Document, t: Token) -> bool {
    let s = doc.sentences[doc.sentence_at(t.span.start)];
    doc.between(s.start, t.span.start).chars().all(|c| !c.is_alphanumeric())
}

/// Nationality and place adjectives, and similar modifiers, that stand before titles
/// (`U.S. President`, `Russian President`, `Kremlin spokesman`) are stripped with the title when
/// a title follows them.
fn is_title_word(doc: &Document, tok: Token) -> bool {
    let w = doc.slice(tok.span);
    lexicon::contains(List::Title, w) || (w.ends_with('.') && lexicon::contains(List::Title, w.trim_end_matches('.')))
}

pub(crate) fn is_pronoun(w: &str) -> Option<Pronoun> {
    Some(match w.to_ascii_lowercase().as_str() {
        "he" | "she" | "him" | "his" | "her" => Pronoun::Singular,
        "they" | "them" | "their" => Pronoun::Plural,
        "it" | "its" => Pronoun::Neuter,
        "i" | "we" => Pronoun::First,
        _ => return None,
    })
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
        let lower_words: FxHashSet<&str> =
            toks.iter().filter(|t| t.kind == TokenKind::Lower).map(|t| doc.slice(t.span)).collect();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind != TokenKind::Capitalized {
                i += 1;
                continue;
            }
            // collect the run of capitalised words, with joiners between them
            let start = i;
            let mut end = i + 1; // exclusive
            while end < toks.len() {
                let t = toks[end];
                let gap = &text[toks[end - 1].span.end..t.span.start];
                if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') || gap.len() > 2 {
                    break;
                }
                // `Rep. Jim Clyburn`, `Harry M. Reid`: an abbreviated title or an initial, its
                // dot, and the name goes on
                if doc.slice(t.span) == "." && t.span.start == toks[end - 1].span.end && end + 1 < toks.len() {
                    let prev = doc.slice(toks[end - 1].span);
                    let initial = prev.chars().count() == 1;
                    let next = toks[end + 1];
                    let gap2 = text.get(t.span.end..next.span.start).unwrap_or("");
                    if (initial || TITLE_ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(prev)))
                        && next.kind == TokenKind::Capitalized
                        && (gap2 == " " || gap2 == "\u{a0}")
                    {
                        end += 2;
                        continue;
                    }
                    break;
                }
                if t.kind == TokenKind::Capitalized {
                    // a headline's verb ends the name: `Obama Says Museum …`
                    if doc.cues_of(List::Speech, t.span).next().is_some() {
                        break;
                    }
                    // a possessive ends the name: `Trump’s Team` is two things
                    let prev = doc.slice(toks[end - 1].span);
                    if prev.ends_with("’s") || prev.ends_with("'s") {
                        break;
                    }
                    end += 1;
                } else if t.kind == TokenKind::Lower && particle_name(doc.slice(t.span)) {
                    // `Adel al-Zintani`, `Abdel Fattah el-Sisi`: a particle glued to a name
                    end += 1;
                } else if t.kind == TokenKind::Lower
                    && doc.slice(t.span) == "for"
                    && end + 1 < toks.len()
                    && toks[end + 1].kind == TokenKind::Capitalized
                    && lexicon::contains(List::OrgSuffix, doc.slice(toks[end - 1].span))
                {
                    // `Syrian Observatory for Human Rights`, `Institute for Fiscal Studies`
                    end += 2;
                } else if t.kind == TokenKind::Lower
                    && NAME_JOINERS.contains(&doc.slice(t.span))
                    && end + 1 < toks.len()
                    && toks[end + 1].kind == TokenKind::Capitalized
                    && lexicon::contains(List::OrgSuffix, doc.slice(toks[end - 1].span))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let run = &toks[start..end];
            i = end;
            // a long run of capitalised words is a headline in title case, not a name
            let capitals = run.iter().filter(|t| t.kind == TokenKind::Capitalized).count();
            if capitals > 6 {
                continue;
            }
            // a single capitalised word opening a sentence is a common word when the text also
            // writes it in lower case, or when a lexicon knows it (`Lawyers say`, `Video shows`)
            if run.len() == 1 && sentence_start(doc, run[0]) {
                let w = doc.slice(run[0].span);
                let lower = w.to_ascii_lowercase();
                let next = toks.get(end).copied();
                let possessive = w.ends_with("'s") || w.ends_with("’s");
                // (`Pakistan on Monday rejected`: a preposition is no noun)
                let followed_by_noun = !possessive
                    && next.is_some_and(|n| {
                        let nw = doc.slice(n.span);
                        n.kind == TokenKind::Lower && !looks_like_verb(doc, n) && !NAME_JOINERS.contains(&nw) && !AFTER_NAME.contains(&nw)
                    });
                if lower_words.contains(lower.as_str())
                    || followed_by_noun
                    || (lexicon::contains(List::Title, w) && lower.ends_with('s'))
                    || lower.ends_with("ed")
                    || lexicon::contains(List::Generic, w)
                    || lexicon::contains(List::Speech, w)
                    || lower.ends_with("ly")
                    || lower.ends_with("ing")
                    || ["tion", "sion", "ment", "ness", "ism"].iter().any(|e| lower.ends_with(e))
                {
                    continue;
                }
            }
            // drop leading words that never start a name
            let mut a = 0;
            let mut titled = false;
            // (and modifiers such as `Britain-based`, `London-listed`)
            while a < run.len()
                && (run[a].kind == TokenKind::Punct || not_name_start(doc.slice(run[a].span)) || (a + 1 < run.len() && is_modifier(doc.slice(run[a].span))))
            {
                titled |= matches!(doc.slice(run[a].span).to_ascii_lowercase().as_str(), "mr" | "mrs" | "ms" | "dr");
                a += 1;
            }
            // strip titles: everything up to the last title word (`U.S. President Donald Trump`)
            // (not in an organisation's name: the `Justice Department` is no judge's)
            let org_named = run.last().is_some_and(|l| lexicon::contains(List::OrgSuffix, doc.slice(l.span)));
            if let Some(t) = run[a..].iter().rposition(|&t| is_title_word(doc, t)).filter(|_| !org_named) {
                if a + t + 1 < run.len() {
                    a += t + 1;
                    titled = true;
                }
            }
            while a < run.len() && run[a].kind == TokenKind::Punct {
                a += 1;
            }
            // an honorific or title just before the run (lower-case `spokesman Eli Brandt`)
            if a == 0 && start > 0 {
                let p = toks[start - 1];
                if p.kind != TokenKind::Punct && is_title_word(doc, p) {
                    titled = true;
                }
                if doc.slice(p.span) == "." && start > 1 && is_title_word(doc, toks[start - 2]) {
                    titled = true;
                }
            }
            if a >= run.len() {
                continue;
            }
            // a people by its demonym (`the Russians`, `Americans`) is a group, no named source
            if a + 1 == run.len() && ["ians", "eans"].iter().any(|e| doc.slice(run[a].span).ends_with(e)) {
                continue;
            }
            // a headline's `…, Mayor Says`: the verb left after the title is no name
            if a > 0 && a + 1 == run.len() && lexicon::contains(List::Speech, doc.slice(run[a].span)) {
                continue;
            }
            let full = Span::new(run[0].span.start, run[run.len() - 1].span.end);
            let name = strip_possessive(text, Span::new(run[a].span.start, run[run.len() - 1].span.end));
            let mut ty = classify(doc, name, titled, run.len() - a);
            // `the United Auto Workers union`: an organisation noun right after says
            if matches!(ty, EntityType::Person | EntityType::Unknown) {
                if let Some(n) = toks.get(end).filter(|n| n.kind == TokenKind::Lower) {
                    let demonym = run.len() - a == 1 && is_demonym(doc.slice(name));
                    if !demonym && lexicon::tag_of(List::Generic, doc.slice(n.span)) == Tag::Org {
                        ty = EntityType::Org;
                    }
                }
            }
            // `the trade group Freight Forward`, `the carrier Bluewave`: the noun before says
            if ty == EntityType::Person || ty == EntityType::Unknown {
                let mut k = start;
                let mut comma = false;
                if k > 0 && doc.slice(toks[k - 1].span) == "," {
                    k -= 1;
                    comma = true;
                }
                // across a comma only `The contractor, Norland Logistics`, not `Hale's party, Dennis Wong`
                // a determiner within the two words before the noun (`A utility company,`)
                let determined = (2..=3).any(|d| k >= d && DETERMINERS.iter().any(|x| x.eq_ignore_ascii_case(doc.slice(toks[k - d].span))));
                if k > 0 && toks[k - 1].kind == TokenKind::Lower && (!comma || determined) {
                    let w = doc.slice(toks[k - 1].span);
                    match lexicon::tag_of(List::Generic, w) {
                        Tag::Org => ty = EntityType::Org,
                        Tag::Outlet => ty = EntityType::Outlet,
                        _ => {}
                    }
                }
            }
            names.push(NameMention { name, full, ty, titled });
        }
        Mentions { names }
    }

    /// Index of the name whose phrase covers byte `pos`.
    pub fn name_at(&self, pos: usize) -> Option<usize> {
        let i = self.names.partition_point(|n| n.full.start <= pos);
        (i > 0 && self.names[i - 1].full.end > pos).then(|| i - 1)
    }

    /// Index of the last name ending at or before `pos`.
    pub fn last_before(&self, pos: usize) -> Option<usize> {
        let i = self.names.partition_point(|n| n.name.end <= pos);
        i.checked_sub(1)
    }
}

/// Types a name from the lexicons and its shape.
fn classify(doc: &Document, name: Span, titled: bool, words: usize) -> EntityType {
    let s = doc.slice(name);
    if lexicon::contains(List::Outlet, s) || lexicon::contains(List::Outlet, s.trim_start_matches("The ")) {
        return EntityType::Outlet;
    }
    if lexicon::contains(List::Org, s) {
        return EntityType::Org;
    }
    let last = s.rsplit(' ').next().unwrap_or(s);
    // a whole-name suffix of two words (`Free Press`) or of one
    let last_two = s.rmatch_indices(' ').nth(1).and_then(|(i, _)| s.get(i + 1..)).unwrap_or("");
    // (`the St. Louis Post-Dispatch`: the word after a hyphen counts)
    let after_hyphen = last.rsplit('-').next().unwrap_or(last);
    if words >= 2 && (lexicon::contains(List::OutletSuffix, last) || lexicon::contains(List::OutletSuffix, last_two) || lexicon::contains(List::OutletSuffix, after_hyphen)) {
        return EntityType::Outlet;
    }
    if lexicon::contains(List::OrgSuffix, last) && (words >= 2 || !titled) {
        return EntityType::Org;
    }
    // `Syrian Observatory for Human Rights`, `Bank of England`: the head before `for`/`of`
    if let Some((head, _)) = s.split_once(" for ").or_else(|| s.split_once(" of ")) {
        if lexicon::contains(List::OrgSuffix, head.rsplit(' ').next().unwrap_or(head)) {
            return EntityType::Org;
        }
    }
    // a known outlet or organisation inside the name (`Breitbart California`)
    if doc.cues_of(List::Outlet, name).any(|c| name.contains(c.span) && c.span.start == name.start) {
        return EntityType::Outlet;
    }
    if titled || words >= 2 {
        return EntityType::Person;
    }
    EntityType::Unknown
}

/// Auxiliaries and adverbs that sit between a subject and its speech verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "also", "later", "then", "previously",
    "repeatedly", "again", "once", "would", "will", "did", "does", "do", "been", "being", "quickly",
    "publicly", "privately", "consistently", "recently", "earlier", "further", "not", "never",
    "simply", "flatly", "firmly", "strongly", "angrily", "bluntly", "curtly", "told", "subsequently",
    "immediately", "initially", "originally", "already", "still", "even", "just", "only", "reportedly",
    "allegedly", "separately", "herself", "himself", "themselves", "itself", "first", "often",
    "frequently", "always", "categorically", "vehemently", "emphatically", "openly", "now", "can",
    "could", "may", "might", "should", "must", "shall", "said", "on", "in", "at", "last", "this",
    "week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "tonight", "today", "yesterday", "morning", "evening", "afternoon", "night",
];

/// Auxiliaries and common verbs that show the word before them is a clause's subject.
const VERBISH: &[&str] = &[
    "has", "had", "have", "is", "was", "are", "were", "am", "will", "would", "can", "could", "may", "might",
    "must", "should", "did", "does", "went", "also", "then", "later", "gave", "took", "made", "got",
    "became", "came", "saw", "sent", "kept", "left", "met", "ran", "won", "lost", "put", "set",
    "spent", "stood", "hit", "let", "led", "held", "brought", "sought", "began", "once",
];

/// True when `t` reads as a verb after a subject: a speech cue, an auxiliary or a past tense
/// in `-ed` (a word in `-s` may as well be a plural noun: `RIA news`).
pub(crate) fn looks_like_verb(doc: &Document, t: Token) -> bool {
    if t.kind != TokenKind::Lower {
        return false;
    }
    let w = doc.slice(t.span);
    let lw = w.to_ascii_lowercase();
    VERBISH.contains(&lw.as_str())
        || lexicon::contains(List::Speech, w)
        || (lw.len() > 3 && lw.ends_with("ed"))
}

/// Words that open an introductory phrase before a sentence's subject.
const INTRODUCTORY: &[&str] = &[
    "in", "on", "at", "after", "before", "during", "last", "earlier", "later", "since", "when", "while",
    "as", "asked", "meanwhile", "however", "but", "and", "yet", "still", "instead", "also", "then", "now",
    "today", "yesterday", "for", "with", "without", "despite", "although", "though", "because", "if",
    "by", "from", "under", "over", "speaking", "writing", "separately", "previously", "once", "again",
    "nonetheless", "nevertheless", "moreover", "indeed", "overall", "finally", "first", "next",
];

/// How many tokens into a sentence its subject is looked for: real sentences name it within
/// the first few words.
const LEAD: usize = 64;

const DETERMINERS: &[&str] = &["the", "a", "an", "one", "another", "two", "three", "several", "some", "his", "her", "their", "its", "our", "this", "that"];

impl Mentions {
    /// The subject of the speech verb at `verb`, looking back no further than `floor`.
    pub fn subject_before(&self, doc: &Document, verb: Span, floor: usize) -> Option<Subject> {
        let toks = &doc.tokens;
        let mut i = doc.token_at(verb.start);
        // skip auxiliaries and time adverbs; stop at the floor
        let mut skipped = 0;
        while i > 0 {
            let t = toks[i - 1];
            if t.span.start < floor {
                return None;
            }
            let w = doc.slice(t.span);
            if t.kind == TokenKind::Lower && skipped < 4 && BETWEEN_SUBJECT_AND_VERB.iter().any(|x| x.eq_ignore_ascii_case(w)) && self.anonymous_ends_at(doc, t.span.end).is_none() {
                i -= 1;
                skipped += 1;
                continue;
            }
            break;
        }
        // a parenthesis right before the verb: `Harry Reid (D-Nev.) said`
        if i > 1 && doc.slice(toks[i - 1].span) == ")" {
            let mut j = i - 1;
            while j > 0 && i - j < 10 && doc.slice(toks[j - 1].span) != "(" {
                j -= 1;
            }
            if j > 1 && doc.slice(toks[j - 1].span) == "(" {
                i = j - 1;
            }
        }
        if i == 0 {
            return None;
        }
        let t = toks[i - 1];
        if t.span.start < floor {
            return None;
        }
        self.subject_ending_at(doc, i, floor, true)
    }

    /// The subject of the clause a participle or coordinated verb belongs to: the first name
    /// or pronoun of the sentence, outside quotations, that is followed by a verb (`Trump went
    /// after Bush, calling him …` → Trump), else the sentence's subject.
    pub fn clause_subject(&self, doc: &Document, sentence: Span, before: usize) -> Option<Subject> {
        // the sentence's subject, when a verb (or a relative clause or appositive) follows it
        if let Some(s) = self.sentence_subject(doc, sentence, before) {
            let end = match s {
                Subject::Name(n) => Some(self.names[n].full.end),
                Subject::Pronoun(p, _) => Some(p.end),
                _ => None,
            };
            if let Some(end) = end {
                let k = doc.token_at(end);
                let next = doc.tokens.get(k).filter(|t| t.span.start < before);
                let verb_follows = next.is_some_and(|t| looks_like_verb(doc, *t))
                    || (next.is_some_and(|t| doc.slice(t.span) == ",")
                        && doc.tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Lower && t.span.start < before));
                if verb_follows {
                    return Some(s);
                }
            }
        }
        let toks = doc.tokens_in(Span::new(sentence.start, before));
        let base = doc.token_at(sentence.start);
        for k in 0..toks.len().min(60) {
            let t = toks[k];
            if doc.quote_containing(t.span.start).is_some() {
                continue;
            }
            // the word after, past an adverb (`Trump quickly took`)
            let mut next = match toks.get(k + 1) {
                Some(n) => *n,
                None => continue,
            };
            if doc.slice(next.span).ends_with("ly") {
                match toks.get(k + 2) {
                    Some(n) => next = *n,
                    None => continue,
                }
            }
            if !looks_like_verb(doc, next) {
                continue;
            }
            let w = doc.slice(t.span);
            if let Some(p) = is_pronoun(w) {
                if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we") {
                    return Some(Subject::Pronoun(t.span, p));
                }
                continue;
            }
            if t.kind == TokenKind::Capitalized || t.kind == TokenKind::Punct {
                if let Some(n) = self.name_at(t.span.start) {
                    if self.names[n].name.end <= t.span.end && self.names[n].name.end >= t.span.start {
                        return Some(Subject::Name(n));
                    }
                }
            }
            if t.kind == TokenKind::Lower {
                if let Some(r) = self.role_ending_at(doc, base + k + 1, sentence.start) {
                    if matches!(r, Subject::Role { .. }) && lexicon::contains(List::Title, w) {
                        return Some(r);
                    }
                }
            }
        }
        self.sentence_subject(doc, sentence, before)
    }

    /// The subject of a sentence: its first noun phrase after an introductory phrase
    /// (`In 2022, President Putin deployed …` → Putin), looking no further than `before`.
    pub fn sentence_subject(&self, doc: &Document, sentence: Span, before: usize) -> Option<Subject> {
        let toks = doc.tokens_in(Span::new(sentence.start, before));
        // the first words come among the first LEAD tokens (a sentence opening with more
        // punctuation than that has no subject to find)
        let toks = &toks[..toks.len().min(LEAD)];
        let first = toks.iter().find(|t| t.is_word())?;
        let w = doc.slice(first.span).to_ascii_lowercase();
        let mut pos = first.span.start;
        if matches!(w.as_str(), "and" | "but" | "yet" | "so" | "or") {
            let second = toks.iter().filter(|t| t.is_word()).nth(1)?;
            return self.subject_after(doc, second.span.start, before);
        }
        if INTRODUCTORY.contains(&w.as_str()) {
            // skip to the first comma of the sentence, when it comes soon
            let comma = toks.iter().take(16).position(|t| doc.slice(t.span) == ",")?;
            pos = toks.get(comma + 1)?.span.start;
        }
        self.subject_after(doc, pos, before)
    }

    /// The noun phrase ending with token `i - 1`.
    fn subject_ending_at(&self, doc: &Document, i: usize, floor: usize, allow_appositive: bool) -> Option<Subject> {
        let toks = &doc.tokens;
        let t = toks[i - 1];
        let w = doc.slice(t.span);
        if let Some(a) = self.anonymous_ends_at(doc, t.span.end) {
            if a.start >= floor {
                return Some(Subject::Anonymous(a));
            }
        }
        // `the 34-year-old said`: an age stands for the person, like a pronoun
        if w.to_ascii_lowercase().ends_with("-year-old") {
            return Some(Subject::Pronoun(t.span, Pronoun::Singular));
        }
        if let Some(p) = is_pronoun(w) {
            if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "i" | "we") {
                return Some(Subject::Pronoun(t.span, p));
            }
            // `one of them said`
            if w.eq_ignore_ascii_case("them") && i >= 2 && doc.slice(toks[i - 2].span).eq_ignore_ascii_case("of") {
                return Some(Subject::Pronoun(t.span, p));
            }
            return None;
        }
        if let Some(n) = self.name_at(t.span.start) {
            if self.names[n].name.end <= t.span.end && self.names[n].ty != EntityType::Publication {
                // `A union spokesman, Ray Odom, said` and `Ray Odom, a union spokesman, said`
                // both name Ray Odom; `The mining company, Granite Ridge Resources, said` names
                // the company.
                return Some(Subject::Name(n));
            }
        }
        if w == "," && allow_appositive {
            // `X, APPOSITIVE, said`: the clause's first noun phrase, or a name standing as the
            // appositive (`A union spokesman, Ray Odom, said`)
            let clause = Span::new(floor, t.span.start);
            let last_comma = doc.tokens_in(clause).iter().rev().find(|u| doc.slice(u.span) == ",").map(|u| u.span.start);
            if let Some(a) = last_comma {
                // the appositive between the last two commas holds no verb
                let appositive = doc.tokens_in(Span::new(a + 1, t.span.start));
                let verbless = !appositive.iter().any(|u| doc.cues_of(List::Speech, u.span).next().is_some());
                let first = self.sentence_subject(doc, Span::new(floor, a), a);
                // an appositive is a noun phrase (`, Ray Odom,`, `, the chair,`), not a
                // participle (`, seen by the Echo,`)
                let np = appositive.first().is_some_and(|u| {
                    u.kind == TokenKind::Capitalized
                        || DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(doc.slice(u.span)))
                        || is_title_word(doc, *u)
                });
                let inner = if np { self.subject_after(doc, a + 1, t.span.start) } else { None };
                if verbless && first.is_some() {
                    if let Some(Subject::Name(n)) = inner {
                        let first_named = matches!(first, Some(Subject::Name(h)) if self.names[h].ty == EntityType::Person
                            || self.names[n].ty != EntityType::Person);
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
                if u.span.start < floor {
                    break;
                }
                let s = doc.slice(u.span);
                if s == "," {
                    // the appositive is toks[j..i-1]; the head before it is toks[..j-1]
                    let appositive = Span::new(toks[j].span.start, toks[i - 2].span.end);
                    let head = if j >= 2 { self.subject_ending_at(doc, j - 1, floor, false) } else { None };
                    let inner = self.subject_ending_at(doc, i - 1, floor, false);
                    return match (head, inner) {
                        (Some(Subject::Name(h)), Some(Subject::Name(n))) => {
                            // prefer the person
                            if self.names[n].ty == EntityType::Person && self.names[h].ty != EntityType::Person {
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
        if t.kind == TokenKind::Lower {
            return self.role_ending_at(doc, i, floor);
        }
        // a role noun opening the sentence (`Prosecutors allege`, `Officials said`)
        if t.kind == TokenKind::Capitalized && is_role_word(w) {
            return Some(Subject::Role { phrase: t.span, head: t.span, of: None });
        }
        None
    }

    /// `the spokesman`, `a Harrowgate spokeswoman`, `the authority's chief operating officer`,
    /// `the company`, `union officials`: a role or generic noun and its modifiers.
    fn role_ending_at(&self, doc: &Document, i: usize, floor: usize) -> Option<Subject> {
        let toks = &doc.tokens;
        let head = toks[i - 1];
        let hw = doc.slice(head.span);
        let is_role = is_role_word(hw);
        if !is_role {
            if looks_like_verb(doc, head) {
                return None;
            }
            // a short plain noun phrase opening its clause: `Shipping lines said`
            let mut j = i - 1;
            while j > 0 && i - j < 4 && toks[j - 1].span.start >= floor && toks[j - 1].kind == TokenKind::Lower && !looks_like_verb(doc, toks[j - 1]) {
                j -= 1;
            }
            // one capitalised word opening the sentence belongs to it (`Shipping lines`)
            if j > 0 && toks[j - 1].span.start == floor && toks[j - 1].kind == TokenKind::Capitalized {
                j -= 1;
            }
            let opens = j == 0 || toks[j - 1].span.start < floor || matches!(doc.slice(toks[j - 1].span), "," | ";");
            let plural = hw.ends_with('s') && !hw.ends_with("ss");
            let determined = j < i - 1 && matches!(doc.slice(toks[j].span).to_ascii_lowercase().as_str(), "one" | "a" | "an" | "another" | "the");
            if opens && (plural || determined) && hw.len() > 3 && toks[j..i].iter().all(|t| t.is_word()) {
                return Some(Subject::Role { phrase: Span::new(toks[j].span.start, head.span.end), head: head.span, of: None });
            }
            return None;
        }
        // walk back over modifiers to a determiner or the clause start
        let mut j = i - 1;
        let mut of = None;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            let u = toks[j - 1];
            if u.span.start < floor || u.kind == TokenKind::Punct && !doc.slice(u.span).ends_with('s') {
                break;
            }
            let s = doc.slice(u.span);
            if DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(s)) {
                j -= 1;
                break;
            }
            if u.kind == TokenKind::Capitalized {
                if let Some(n) = self.name_at(u.span.start) {
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
        if j >= 2 && toks[j - 2].span.start >= floor && matches!(doc.slice(toks[j - 1].span), "for" | "of" | "representing") {
            let h = toks[j - 2];
            let hw2 = doc.slice(h.span);
            if h.is_word() && is_role_word(hw2) {
                return Some(Subject::Role { phrase: Span::new(h.span.start, head.span.end), head: h.span, of });
            }
        }
        let phrase = Span::new(toks[j].span.start, head.span.end);
        Some(Subject::Role { phrase, head: head.span, of })
    }

    /// The subject right after `pos` (inverted `said Tomas Reyna`, `according to Reuters`).
    pub fn subject_after(&self, doc: &Document, pos: usize, ceiling: usize) -> Option<Subject> {
        let toks = &doc.tokens;
        let i = doc.token_at(pos);
        let t = *toks.get(i)?;
        if t.span.start >= ceiling {
            return None;
        }
        if let Some(a) = self.anonymous_starts_at(doc, t.span.start) {
            return Some(Subject::Anonymous(a));
        }
        let w = doc.slice(t.span);
        if let Some(p) = is_pronoun(w) {
            if matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it") {
                return Some(Subject::Pronoun(t.span, p));
            }
            // `according to his lawyer`: fall through to a role
        }
        if let Some(n) = self.name_at(t.span.start) {
            // `Republican presidential candidate Donald Trump`: a name as a modifier of a title
            let k = doc.token_at(self.names[n].full.end);
            for m in k..(k + 3).min(toks.len()) {
                let u = toks[m];
                if u.kind != TokenKind::Lower || u.span.end > ceiling {
                    break;
                }
                if is_title_word(doc, u) {
                    if let Some(p) = self.name_at(toks.get(m + 1).map_or(usize::MAX, |v| v.span.start)) {
                        return Some(Subject::Name(p));
                    }
                }
            }
            return Some(Subject::Name(n));
        }
        // a role phrase: determiner, modifiers, head noun; then maybe `for X` / `of X`
        let mut j = i;
        let mut steps = 0;
        while j < toks.len() && steps < 6 && toks[j].span.end <= ceiling {
            let u = toks[j];
            let s = doc.slice(u.span);
            if u.kind == TokenKind::Punct && !(s == "'" || s == "’") {
                break;
            }
            if u.kind == TokenKind::Capitalized {
                if let Some(n) = self.name_at(u.span.start) {
                    // `the Kremlin spokesman` or `a report by Reuters`
                    let n_end = self.names[n].full.end;
                    let k = doc.token_at(n_end);
                    if k < toks.len() {
                        let next = doc.slice(toks[k].span);
                        if is_role_word(next) {
                            return Some(Subject::Role { phrase: Span::new(t.span.start, toks[k].span.end), head: toks[k].span, of: Some(n) });
                        }
                    }
                    return Some(Subject::Name(n));
                }
            }
            if is_role_word(s) {
                // take the longest role word sequence (`chief executive`), and the last noun of
                // a compound (`court documents`, `police spokeswoman`)
                let mut head = u.span;
                if let Some(nx) = toks.get(j + 1) {
                    let two = doc.between(u.span.start, nx.span.end);
                    if lexicon::contains(List::Title, two) {
                        head = Span::new(u.span.start, nx.span.end);
                    } else if nx.kind == TokenKind::Lower && nx.span.end <= ceiling {
                        let w = doc.slice(nx.span);
                        if is_role_word(w) {
                            head = nx.span;
                        }
                    }
                }
                let k = doc.token_at(head.end);
                // `the trade group Freight Forward`, `the commission's chair, Ruth Okonkwo`: the
                // name that follows is the source
                let mut m = k;
                if toks.get(m).is_some_and(|p| doc.slice(p.span) == ",") {
                    m += 1;
                }
                if let Some(n) = toks.get(m).filter(|p| p.span.end <= ceiling).and_then(|p| self.name_at(p.span.start)) {
                    if self.names[n].full.start == toks[m].span.start {
                        return Some(Subject::Name(n));
                    }
                }
                let mut of = None;
                if let (Some(p), Some(_)) = (toks.get(k), toks.get(k + 1)) {
                    if matches!(doc.slice(p.span), "for" | "of" | "at") {
                        let mut m = k + 1;
                        if DETERMINERS.contains(&doc.slice(toks[m].span).to_ascii_lowercase().as_str()) {
                            m += 1;
                        }
                        if let Some(q) = toks.get(m) {
                            of = self.name_at(q.span.start);
                        }
                        // `a spokesperson for the water authority`: an unnamed organisation
                        // speaks, under the name the text gives it
                        if of.is_none() && lexicon::tag_of(List::Title, doc.slice(head)) == Tag::Spokes {
                            let mut e = m;
                            while e < toks.len() && e < m + 4 && toks[e].kind == TokenKind::Lower && toks[e].span.end <= ceiling {
                                e += 1;
                            }
                            if e > m && lexicon::tag_of(List::Generic, doc.slice(toks[e - 1].span)) == Tag::Org {
                                let org = Span::new(toks[m].span.start, toks[e - 1].span.end);
                                return Some(Subject::Role { phrase: org, head: toks[e - 1].span, of: None });
                            }
                        }
                    }
                }
                return Some(Subject::Role { phrase: Span::new(t.span.start, head.end), head, of });
            }
            // determiners, modifiers and capitalised modifiers that are no name of their own
            // (`Porto president Rui Costa`) lead to the head
            if !(DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(s)) || matches!(u.kind, TokenKind::Lower | TokenKind::Number | TokenKind::Capitalized)) {
                break;
            }
            j += 1;
            steps += 1;
        }
        None
    }

    /// An unnamed-source phrase ending at `end`, or ending in a preposition whose short object
    /// runs to `end` (`people briefed on | the investigation`).
    fn anonymous_ends_at(&self, doc: &Document, end: usize) -> Option<Span> {
        let from = end.saturating_sub(100);
        doc.cues_of(List::Anonymous, Span::new(from, end))
            .filter(|c| {
                let gap = doc.between(c.span.end, end);
                if gap.trim().is_empty() {
                    return true;
                }
                let open_ended = doc.slice(c.span).rsplit(' ').next().is_some_and(|w| matches!(w, "on" | "in" | "with" | "to" | "of" | "the" | "about"));
                open_ended && gap.len() < 40 && gap.split_whitespace().all(|w| w.chars().all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '\''))
            })
            .map(|c| Span::new(c.span.start, end))
            .min_by_key(|s| s.start)
    }

    fn anonymous_starts_at(&self, doc: &Document, start: usize) -> Option<Span> {
        doc.cues_of(List::Anonymous, Span::new(start, start + 120))
            .filter(|c| c.span.start == start)
            .map(|c| c.span)
            .max_by_key(|s| s.end)
    }
}

