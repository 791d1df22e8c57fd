//! Clustering names into sources: people by surname (`U.S. President Donald Trump`, `Trump`,
//! `Mr Trump` → `Donald Trump`), first names where only one person has them, organisations
//! and outlets by their keys (`Granite Ridge` → `Granite Ridge Resources`, an acronym and its
//! initials, a short form and the name the lexicon gives it), and the look-ups that later
//! resolve a subject to one of them (the last person named, the organisation the story names
//! most).

use crate::vocab::SourceType;
use crate::document::{Document, EntityType, Mentions};
use crate::lexicon::{self, List};
use crate::span::Span;
use crate::fxhash::{memo, FxHashMap};
use super::subject::strip_determiner;

#[derive(Debug)]
pub(super) struct Cluster {
    pub(super) name: Span,
    /// An explicit name when the source is not a name in the text (`councillors`).
    pub(super) label: Option<String>,
    pub(super) ty: SourceType,
    pub(super) words: usize,
    pub(super) mentions: Vec<Span>,
}

/// True for a name written as an acronym: 2 to 6 capital letters (`FTC`, `SLMPD`).
pub(super) fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The initials of a name of three words or more (`National Institutes of Health` → `NIH`),
/// joiners left out; `None` for shorter names or words not capitalised.
/// With `skip_dotted`, abbreviations are left out too (`U.S. National Institutes of
/// Health` → `NIH`, where `St. Louis Metro Police Department` → `SLMPD` keeps them).
pub(super) fn initials(s: &str, skip_dotted: bool) -> Option<String> {
    let mut out = String::new();
    for w in s.split([' ', '-']).filter(|w| !w.is_empty()) {
        if matches!(w, "of" | "the" | "and" | "for" | "on" | "de" | "&") || skip_dotted && w.as_bytes().contains(&b'.') {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_ascii_uppercase() || is_acronym(w) {
            return None;
        }
        out.push(c);
    }
    (out.len() >= 3 && out.len() <= 6).then_some(out)
}

pub(super) fn words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // asked of every name mention: ASCII names counted a byte at a time (`\t`..=`\r` and
    // the space are ASCII's white space, as `split_whitespace` has it)
    let mut n = 0;
    let mut gap = true;
    for &b in s.as_bytes() {
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        n += (gap && !space) as usize;
        gap = space;
    }
    n
}

pub(super) fn norm(s: &str) -> String {
    let mut out = String::new();
    norm_into(s, &mut out);
    out
}

/// [`norm`] written into `out` (cleared first): the clustering keys are made in buffers kept
/// for the purpose, and a key already known costs no allocation.
fn norm_into(s: &str, out: &mut String) {
    let s = s.trim();
    lower_into(s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s), true, out);
}

/// `s` in ASCII lower case, each `’` as `'` when `straighten`, into `out` (cleared first).
fn lower_into(s: &str, straighten: bool, out: &mut String) {
    out.clear();
    if straighten && crate::vocab::find_str(s, "’").is_some() {
        out.extend(s.chars().map(|c| if c == '’' { '\'' } else { c.to_ascii_lowercase() }));
    } else {
        out.push_str(s);
        out.make_ascii_lowercase();
    }
}

/// The last word, lower case, without a glued particle (`al-Zintani` → `zintani`), so
/// `Zintani` and `Adel al-Zintani` meet.
fn surname(s: &str) -> &str {
    let last = s.rsplit(' ').next().unwrap_or(s);
    if crate::document::particle_name(last) { last.split_once('-').map_or(last, |(_, r)| r) } else { last }
}

/// The first word (`Jessie` for `Jessie J`).
fn first_name(s: &str) -> &str {
    s.split(' ').next().unwrap_or(s)
}

pub(super) fn source_type(t: EntityType) -> SourceType {
    match t {
        EntityType::Person => SourceType::Person,
        EntityType::Outlet => SourceType::Outlet,
        EntityType::Publication => SourceType::Publication,
        EntityType::Org | EntityType::Unknown => SourceType::Organization,
    }
}

pub(super) struct Resolver<'a, 't> {
    pub(super) doc: &'a Document<'t>,
    pub(super) mentions: &'a Mentions,
    pub(super) clusters: Vec<Cluster>,
    pub(super) cluster_of: Vec<Option<usize>>,
    /// Per name mention: the role noun written with it (`the trade group Freight Forward`,
    /// `The contractor, Norland Logistics`), lower case.
    pub(super) role_of: Vec<Option<String>>,
    /// Phrase sources as they are met: (position, cluster).
    pub(super) labels: Vec<(usize, usize)>,
    /// Quotations' speakers as they are met: (quote end, cluster).
    pub(super) quote_speakers: Vec<(usize, usize)>,
    /// Phrase sources by their normalised label.
    pub(super) label_keys: FxHashMap<String, usize>,
    /// Who last spoke `in a statement` (or a letter): `the statement read` is theirs.
    pub(super) issuer: Option<usize>,
}

/// No cluster yet, in the vectors indexed by key number.
const NONE: usize = usize::MAX;

/// The clustering keys of each distinct name, made once (names repeat: 150,000 mentions of
/// 10 MB of news) and found again by the name as written. A key is a number, one per distinct
/// key string, so the maps from keys to clusters are vectors indexed by it, and a key string
/// is stored once however many names share it.
#[derive(Default)]
struct NameKeys {
    /// Per name as written: its number in `made`.
    at: FxHashMap<String, usize>,
    made: Keys,
}

/// The keys [`NameKeys`] has made.
#[derive(Default)]
struct Keys {
    /// Per name: its keys' range in `keys`.
    spans: Vec<(usize, usize)>,
    /// Per name: its surname, its first name (lower case), then its keys as an organisation:
    /// its normalised name, that name less a last organisation word, and the full names the
    /// lexicons give a short form.
    keys: Vec<usize>,
    /// Each key string's number.
    ids: FxHashMap<String, usize>,
    /// Buffers the keys are written in.
    scratch: String,
    normed: String,
}

impl NameKeys {
    /// The (surname, first name) and the organisation keys of the name `s`.
    fn of(&mut self, s: &str) -> (&[usize], &[usize]) {
        let made = &mut self.made;
        let n = memo(&mut self.at, s, || made.add(s));
        let (a, b) = self.made.spans[n];
        self.made.keys[a..b].split_at(2)
    }
}

impl Keys {
    /// Makes the keys of `s` (a name not seen before); returns its number.
    fn add(&mut self, s: &str) -> usize {
        let Keys { spans, keys, ids, scratch, normed } = self;
        let start = keys.len();
        // a new key string's number is the count of those before it
        let mut key = |k: &str| {
            let next = ids.len();
            keys.push(memo(ids, k, || next));
        };
        for part in [surname(s), first_name(s)] {
            lower_into(part, false, scratch);
            key(scratch);
        }
        norm_into(s, normed);
        let ns = normed.as_str();
        key(ns);
        // `Syrian Observatory for Human Rights` is `the Observatory` too
        if let Some(head) = crate::document::head_before_for_or_of(ns) {
            let last = head.rsplit(' ').next().unwrap_or(head);
            if lexicon::contains(List::OrgSuffix, last) && head.as_bytes().contains(&b' ') {
                key(head);
                key(last);
            }
        }
        if let Some((short, last)) = ns.rsplit_once(' ') {
            if lexicon::contains(List::OrgSuffix, last) {
                // `Granite Ridge` and `Rovers` both name `Granite Ridge Resources` /
                // `Blackmoor Rovers`
                key(short);
                key(last);
            }
        }
        // `AP` and `Associated Press`: a short form and the name the lexicon gives it
        for list in [List::Outlet, List::Org] {
            if let Some(full) = lexicon::canonical(list, s) {
                norm_into(full, scratch);
                key(scratch);
            }
        }
        spans.push((start, keys.len()));
        spans.len() - 1
    }
}

/// The cluster under key `k` in `map` (indexed by key number), if any.
fn get(map: &[usize], k: usize) -> Option<usize> {
    map.get(k).copied().filter(|&c| c != NONE)
}

/// The slot of key `k` in `map`, [`NONE`] until set.
fn slot(map: &mut Vec<usize>, k: usize) -> &mut usize {
    while map.len() <= k {
        map.push(NONE);
    }
    &mut map[k]
}

impl<'a, 't> Resolver<'a, 't> {
    pub(super) fn new(doc: &'a Document<'t>, mentions: &'a Mentions) -> Self {
        let role_of = mentions.names.iter().map(|n| role_word(doc, n.full())).collect();
        let mut r = Resolver {
            doc,
            mentions,
            clusters: Vec::new(),
            cluster_of: vec![None; mentions.names.len()],
            role_of,
            labels: Vec::new(),
            quote_speakers: Vec::new(),
            label_keys: FxHashMap::default(),
            issuer: None,
        };
        let text = doc.text();
        // Look-ups by key keep clustering linear: people by surname, organisations by their
        // normalised name and by that name less a last organisation word (`Granite Ridge` and
        // `Granite Ridge Resources` meet under `granite ridge`).
        let mut people: Vec<usize> = Vec::new();
        // first name -> its one person's cluster, or SHARED
        const SHARED: usize = NONE - 1;
        let mut firsts: Vec<usize> = Vec::new();
        let mut orgs: Vec<usize> = Vec::new();
        let mut by_name = NameKeys::default();
        // people first, so single surnames can join them wherever they appear
        for (i, n) in mentions.names.iter().enumerate() {
            if n.ty != EntityType::Person || (words(n.name().of(text)) < 2 && !n.titled) {
                continue;
            }
            let (names, _) = by_name.of(n.name().of(text));
            let (key, first) = (names[0], names[1]);
            let found = get(&people, key);
            let c = r.join(found, n.name(), SourceType::Person);
            if found.is_none() {
                *slot(&mut people, key) = c;
            }
            // a first name stands for one person only when no other person shares it
            let f = slot(&mut firsts, first);
            if *f == NONE {
                *f = c;
            } else if *f != c {
                *f = SHARED;
            }
            r.cluster_of[i] = Some(c);
        }
        for (i, n) in mentions.names.iter().enumerate() {
            if r.cluster_of[i].is_some() {
                continue;
            }
            let s = n.name().of(text);
            let (names, keys) = by_name.of(s);
            let org = keys.iter().find_map(|&k| get(&orgs, k));
            // a single word may be a surname or, for one person only, a first name
            let by_first = || (words(s) == 1).then(|| get(&firsts, names[1]).filter(|&c| c != SHARED)).flatten();
            let found = match n.ty {
                EntityType::Person | EntityType::Unknown => get(&people, names[0]).or_else(by_first).or(org),
                EntityType::Org if org.is_none() && !lexicon::contains(List::OrgSuffix, s) => by_first(),
                _ => org,
            };
            let c = r.join(found, n.name(), source_type(n.ty));
            if r.clusters[c].ty != SourceType::Person {
                for &k in keys {
                    let o = slot(&mut orgs, k);
                    if *o == NONE {
                        *o = c;
                    }
                }
            }
            r.cluster_of[i] = Some(c);
        }
        r
    }

    pub(super) fn join(&mut self, found: Option<usize>, name: Span, ty: SourceType) -> usize {
        let text = self.doc.text();
        let w = words(name.of(text));
        match found {
            Some(c) => {
                let cl = &mut self.clusters[c];
                if w > cl.words {
                    cl.name = name;
                    cl.words = w;
                }
                if cl.ty == SourceType::Organization && ty == SourceType::Outlet {
                    cl.ty = ty;
                }
                cl.mentions.push(name);
                c
            }
            None => {
                self.clusters.push(Cluster { name, label: None, ty, words: w, mentions: vec![name] });
                self.clusters.len() - 1
            }
        }
    }

    /// A cluster for a phrase that is its own source (`people familiar with the matter`).
    /// A phrase source under a name of its own making (`Hale campaign` for `his campaign`).
    pub(super) fn own_named(&mut self, label: String, phrase: Span, ty: SourceType) -> usize {
        let key = norm(&label);
        let c = match self.label_keys.get(&key).copied() {
            Some(c) => {
                self.clusters[c].mentions.push(phrase);
                c
            }
            None => {
                self.clusters.push(Cluster { name: phrase, label: Some(label), ty, words: 0, mentions: vec![phrase] });
                self.label_keys.insert(key, self.clusters.len() - 1);
                self.clusters.len() - 1
            }
        };
        self.labels.push((phrase.start, c));
        c
    }

    pub(super) fn own(&mut self, phrase: Span, ty: SourceType) -> usize {
        let text = self.doc.text();
        let label = strip_determiner(phrase.of(text));
        let key = norm(&label);
        let found = self.label_keys.get(&key).copied().or_else(|| {
            // `the cook` after `one former line cook`: a bare noun refers back
            let bare = phrase.of(text).to_ascii_lowercase();
            let bare = bare.strip_prefix("the ")?;
            if bare.as_bytes().contains(&b' ') {
                return None;
            }
            self.labels
                .iter()
                .rev()
                .filter(|(p, _)| *p < phrase.start)
                .take(64)
                .find(|(_, c)| self.clusters[*c].label.as_deref().is_some_and(|l| {
                    // `the cook` → `one former line cook`; `the person` → `a person close to …`
                    let l = norm(l);
                    l != bare && l.split(' ').any(|w| w == bare)
                }))
                .map(|x| x.1)
        });
        let c = match found {
            Some(c) => {
                self.clusters[c].mentions.push(phrase);
                c
            }
            None => {
                self.clusters.push(Cluster { name: phrase, label: Some(label), ty, words: 0, mentions: vec![phrase] });
                self.label_keys.insert(key.clone(), self.clusters.len() - 1);
                self.clusters.len() - 1
            }
        };
        self.labels.push((phrase.start, c));
        c
    }

    /// The last name before `pos`, outside quotations, whose cluster passes `want`.
    pub(super) fn last_named(&self, pos: usize, want: impl Fn(&Cluster) -> bool) -> Option<usize> {
        let mut i = self.mentions.last_before(pos)?;
        let mut steps = 0;
        loop {
            let n = &self.mentions.names[i];
            if let Some(c) = self.cluster_of[i].filter(|&c| want(&self.clusters[c]) && self.doc.quote_containing(n.name().start).is_none()) {
                return Some(c);
            }
            if i == 0 || steps > 400 {
                return None;
            }
            i -= 1;
            steps += 1;
        }
    }

    /// The last person named before `pos`, outside quotations, as the subject of a verb
    /// (`Cross said he …` → Cross, not a person named later in an object), within the
    /// sentence before and the one before it.
    pub(super) fn last_subject(&self, pos: usize) -> Option<usize> {
        let doc = self.doc;
        let si = doc.sentence_at(pos);
        let floor = doc.sentences[si.saturating_sub(1)].start;
        let mut i = self.mentions.last_before(pos)?;
        loop {
            let n = &self.mentions.names[i];
            if n.name().start < floor {
                return None;
            }
            if let Some(c) = self.cluster_of[i].filter(|&c| self.clusters[c].ty == SourceType::Person && doc.quote_containing(n.name().start).is_none()) {
                let k = doc.token_at(n.full().end);
                let possessive = doc.between(n.name().end, n.full().end.max(n.name().end) + 2).starts_with(['\'', '’']);
                // followed by a verb, opening its sentence (`Tester, himself up for …, said`), or
                // set off by commas before a verb (`Hale's lawyer, Marcus Dean, said`)
                let opens = doc.between(doc.sentences[doc.sentence_at(n.full().start)].start, n.full().start).trim().is_empty();
                let verb_after = |k: usize| doc.tokens.get(k).is_some_and(|t| crate::document::looks_like_verb(doc, *t));
                let appositive = doc.tokens.get(k).is_some_and(|t| doc.slice(t.span()) == ",")
                    && (k + 1..(k + 14).min(doc.tokens.len())).find(|&j| doc.slice(doc.tokens[j].span()) == ",").is_some_and(|j| verb_after(j + 1));
                if !possessive && (opens || appositive || verb_after(k)) {
                    return Some(c);
                }
            }
            if i == 0 {
                return None;
            }
            i -= 1;
        }
    }

    /// The later of the last name (by [`Self::last_named`]) and the last phrase source before
    /// `pos` passing `want`.
    pub(super) fn last_source(&self, pos: usize, want: impl Fn(&Cluster, Option<&str>) -> bool) -> Option<usize> {
        let mut named: Option<(usize, usize)> = None; // (position, cluster)
        if let Some(mut i) = self.mentions.last_before(pos) {
            for _ in 0..400 {
                let n = &self.mentions.names[i];
                if let Some(c) = self.cluster_of[i].filter(|&c| want(&self.clusters[c], self.role_of[i].as_deref()) && self.doc.quote_containing(n.name().start).is_none()) {
                    named = Some((n.name().start, c));
                    break;
                }
                if i == 0 {
                    break;
                }
                i -= 1;
            }
        }
        let label = self
            .labels
            .iter()
            .rev()
            .filter(|(p, _)| *p < pos)
            .take(64)
            .find(|(_, c)| want(&self.clusters[*c], None))
            .copied();
        match (named, label) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b.1 } else { a.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }

    /// The organisation named most often before `pos` (among the last 400 names; ties go to
    /// the most recent).
    pub(super) fn most_named_org(&self, pos: usize) -> Option<usize> {
        let upto = self.mentions.last_before(pos)? + 1;
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (cluster, count, last index)
        for (i, n) in self.mentions.names[..upto].iter().enumerate().rev().take(400) {
            let Some(c) = self.cluster_of[i] else { continue };
            if self.clusters[c].ty != SourceType::Organization || self.doc.quote_containing(n.name().start).is_some() {
                continue;
            }
            match counts.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c, 1, i)),
            }
        }
        counts.iter().max_by_key(|x| (x.1, x.2)).map(|x| x.0)
    }

    pub(super) fn display_name(&self, c: &Cluster) -> String {
        self.name_str(c).to_string()
    }

    /// The cluster's name, borrowed.
    pub(super) fn name_str<'s>(&'s self, c: &'s Cluster) -> &'s str {
        c.label.as_deref().unwrap_or_else(|| c.name.of(self.doc.text()))
    }
}

/// The role noun standing right before a name (`the trade group Freight Forward`) or before
/// it across a comma (`The contractor, Norland Logistics`).
pub(super) fn role_word(doc: &Document, full: Span) -> Option<String> {
    let is_role = |t: crate::document::Token| {
        let w = doc.slice(t.span());
        (t.kind() == crate::document::TokenKind::Lower && crate::document::is_role_word(w))
            .then(|| w.to_ascii_lowercase())
    };
    // after: `the Marigold restaurant group` (not a nationality: `the Portuguese club`)
    let name = doc.slice(full);
    let demonym = crate::document::is_demonym(name);
    let j = if demonym { doc.tokens.len() } else { doc.token_at(full.end) };
    for t in doc.tokens.iter().skip(j).take(2).take_while(|t| t.kind() == crate::document::TokenKind::Lower) {
        if let Some(w) = is_role(*t) {
            if lexicon::contains(List::Generic, &w) {
                return Some(w);
            }
        }
    }
    // before: `the trade group Freight Forward`, `The contractor, Norland Logistics`
    let i = doc.token_at(full.start);
    let mut k = i.checked_sub(1)?;
    if doc.slice(doc.tokens[k].span()) == "," {
        k = k.checked_sub(1)?;
    }
    is_role(doc.tokens[k])
}

/// ASCII case-insensitive `haystack.contains(needle)` (needle in lower case), without
/// allocating.
pub(super) fn contains_ci(haystack: &str, needle: &str) -> bool {
    use crate::swar::{has, word};
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    let upper = first.to_ascii_uppercase();
    // plain loops: the iterator chain they replace was a call per byte in the wasm build
    let mut i = 0;
    while i + n.len() <= h.len() {
        // eight bytes none of which is the needle's first, in either case, start no match
        if let Some(w) = word(h, i) {
            if has(w, first) | has(w, upper) == 0 {
                i += 8;
                continue;
            }
        }
        let mut j = 0;
        while j < n.len() && h[i + j].to_ascii_lowercase() == n[j] {
            j += 1;
        }
        if j == n.len() {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{contains_ci, words};

    #[test]
    fn words_counts_as_split_whitespace_does() {
        for s in ["", " ", "Jeff Sessions", "  Jeff   Sessions ", "a\tb\nc\x0bd\x0ce\rf", "Jeff\u{a0}Sessions", "x\u{2003}y z", "al-Zintani"] {
            assert_eq!(words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn contains_ci_is_contains_on_the_lowered_haystack() {
        let hays = ["", "a", "In a Statement, he said", "IN A LETTER", "in a", "Ministry’s in a statement", "aaab", "abab", "the chief executive of the company, the Spokesman said", "xxxxxxxxxxxxxxxxab", "xxxxxxxxxxxxxxxxxxxxxxxA"];
        let needles = ["", "a", "in a statement", "in a letter", "ab", "aab", "b", "statement,", "’s", "spokesman", "chief executive", "xa", "x"];
        for h in hays {
            for n in needles {
                assert_eq!(contains_ci(h, n), h.to_ascii_lowercase().contains(n), "{h:?} {n:?}");
            }
        }
    }
}
