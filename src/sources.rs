//! From mentions to sources: one entry per real-world source under its fullest name.
//!
//! Names are clustered first: people by surname (`U.S. President Donald Trump`, `Trump`,
//! `Mr Trump` → `Donald Trump`), organisations and outlets when one name starts the other
//! (`Granite Ridge` → `Granite Ridge Resources`). Then each finding's subject is resolved:
//! pronouns to the last person (or organisation, for `it` and `they`) named before them, role
//! nouns to the last named holder of that role or, for spokespeople, to whom they speak for
//! (`a Harrowgate spokeswoman` → Harrowgate Motors), and anonymous phrases to themselves.
//! The list holds every source a finding relies on, the outlets they went through, and every
//! outlet the article names, in order of first mention.

use crate::vocab::SourceType;
use crate::detect::Finding;
use crate::document::Document;
use crate::detect::subject::{self, Pronoun, Subject};
use crate::document::{EntityType, Mentions};
use crate::lexicon::{self, List, Tag};
use crate::span::Span;
use crate::fxhash::FxHashMap;

/// One source the article relies on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its canonical (fullest) name.
    pub name: String,
    /// What it is.
    pub ty: SourceType,
    /// Where the article names or refers to it (names, pronouns, roles), in bytes.
    pub mentions: Vec<Span>,
    /// Sources its words passed through (`Dmitry Peskov` via `TASS`), nearest first.
    pub via: Vec<usize>,
}

/// Sources and, per finding, who and via as indices into them.
pub(crate) struct Resolved {
    pub sources: Vec<Source>,
    pub who: Vec<Option<usize>>,
    pub via: Vec<Vec<usize>>,
}

#[derive(Debug)]
struct Cluster {
    name: Span,
    /// An explicit name when the source is not a name in the text (`councillors`).
    label: Option<String>,
    ty: SourceType,
    words: usize,
    mentions: Vec<Span>,
}

/// True for a name written as an acronym: 2 to 6 capital letters (`FTC`, `SLMPD`).
fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The initials of a name of three words or more (`National Institutes of Health` → `NIH`),
/// joiners left out; `None` for shorter names or words not capitalised.
/// With `skip_dotted`, abbreviations are left out too (`U.S. National Institutes of
/// Health` → `NIH`, where `St. Louis Metro Police Department` → `SLMPD` keeps them).
fn initials(s: &str, skip_dotted: bool) -> Option<String> {
    let mut out = String::new();
    for w in s.split([' ', '-']).filter(|w| !w.is_empty()) {
        if matches!(w, "of" | "the" | "and" | "for" | "on" | "de" | "&") || skip_dotted && w.contains('.') {
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

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn norm(s: &str) -> String {
    let s = s.trim().replace('’', "'");
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(&s);
    s.to_ascii_lowercase()
}

/// The last word, lower case, without a glued particle (`al-Zintani` → `zintani`), so
/// `Zintani` and `Adel al-Zintani` meet.
fn surname(s: &str) -> String {
    let last = s.rsplit(' ').next().unwrap_or(s);
    let last = if crate::document::particle_name(last) { last.split_once('-').map_or(last, |(_, r)| r) } else { last };
    last.to_ascii_lowercase()
}

/// The first word, lower case (`Jessie` for `Jessie J`).
fn first_name(s: &str) -> String {
    s.split(' ').next().unwrap_or(s).to_ascii_lowercase()
}

fn source_type(t: EntityType) -> SourceType {
    match t {
        EntityType::Person => SourceType::Person,
        EntityType::Outlet => SourceType::Outlet,
        EntityType::Publication => SourceType::Publication,
        EntityType::Org | EntityType::Unknown => SourceType::Organization,
    }
}

struct Resolver<'a, 't> {
    doc: &'a Document<'t>,
    mentions: &'a Mentions,
    clusters: Vec<Cluster>,
    cluster_of: Vec<usize>,
    /// Per name mention: the role noun written with it (`the trade group Freight Forward`,
    /// `The contractor, Norland Logistics`), lower case.
    role_of: Vec<Option<String>>,
    /// Phrase sources as they are met: (position, cluster).
    labels: Vec<(usize, usize)>,
    /// Quotations' speakers as they are met: (quote end, cluster).
    quote_speakers: Vec<(usize, usize)>,
    /// Phrase sources by their normalised label.
    label_keys: FxHashMap<String, usize>,
    /// Who last spoke `in a statement` (or a letter): `the statement read` is theirs.
    issuer: Option<usize>,
}

impl<'a, 't> Resolver<'a, 't> {
    fn new(doc: &'a Document<'t>, mentions: &'a Mentions) -> Self {
        let role_of = mentions.names.iter().map(|n| role_word(doc, n.full)).collect();
        let mut r = Resolver {
            doc,
            mentions,
            clusters: Vec::new(),
            cluster_of: vec![usize::MAX; mentions.names.len()],
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
        let mut people: FxHashMap<String, usize> = FxHashMap::default();
        let mut firsts: FxHashMap<String, Option<usize>> = FxHashMap::default();
        let mut orgs: FxHashMap<String, usize> = FxHashMap::default();
        let org_keys = |ns: &str| {
            let mut keys = vec![ns.to_string()];
            // `Syrian Observatory for Human Rights` is `the Observatory` too
            if let Some((head, _)) = ns.split_once(" for ").or_else(|| ns.split_once(" of ")) {
                let last = head.rsplit(' ').next().unwrap_or(head);
                if lexicon::contains(List::OrgSuffix, last) && head.contains(' ') {
                    keys.push(head.to_string());
                    keys.push(last.to_string());
                }
            }
            if let Some((short, last)) = ns.rsplit_once(' ') {
                if lexicon::contains(List::OrgSuffix, last) {
                    // `Granite Ridge` and `Rovers` both name `Granite Ridge Resources` /
                    // `Blackmoor Rovers`
                    keys.push(short.to_string());
                    keys.push(last.to_string());
                }
            }
            keys
        };
        // people first, so single surnames can join them wherever they appear
        for (i, n) in mentions.names.iter().enumerate() {
            if n.ty != EntityType::Person || (words(n.name.of(text)) < 2 && !n.titled) {
                continue;
            }
            let key = surname(n.name.of(text));
            let found = people.get(&key).copied();
            let c = r.join(found, n.name, SourceType::Person);
            people.insert(key, c);
            // a first name stands for one person only when no other person shares it
            let first = firsts.entry(first_name(n.name.of(text))).or_insert(Some(c));
            if *first != Some(c) {
                *first = None;
            }
            r.cluster_of[i] = c;
        }
        for (i, n) in mentions.names.iter().enumerate() {
            if r.cluster_of[i] != usize::MAX {
                continue;
            }
            let s = n.name.of(text);
            let ns = norm(s);
            let mut keys = org_keys(&ns);
            // `AP` and `Associated Press`: a short form and the name the lexicon gives it
            for list in [List::Outlet, List::Org] {
                if let Some(full) = lexicon::canonical(list, s) {
                    keys.push(norm(full));
                }
            }
            let org = keys.iter().find_map(|k| orgs.get(k).copied());
            // a single word may be a surname or, for one person only, a first name
            let by_first = || (words(s) == 1).then(|| firsts.get(&first_name(s)).copied().flatten()).flatten();
            let found = match n.ty {
                EntityType::Person | EntityType::Unknown => people.get(&surname(s)).copied().or_else(by_first).or(org),
                EntityType::Org if org.is_none() && !lexicon::contains(List::OrgSuffix, s) => by_first(),
                _ => org,
            };
            let c = r.join(found, n.name, source_type(n.ty));
            if r.clusters[c].ty != SourceType::Person {
                for k in keys {
                    orgs.entry(k).or_insert(c);
                }
            }
            r.cluster_of[i] = c;
        }
        r
    }

    fn join(&mut self, found: Option<usize>, name: Span, ty: SourceType) -> usize {
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
    fn own_named(&mut self, label: String, phrase: Span, ty: SourceType) -> usize {
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

    fn own(&mut self, phrase: Span, ty: SourceType) -> usize {
        let text = self.doc.text();
        let label = strip_determiner(phrase.of(text));
        let key = norm(&label);
        let found = self.label_keys.get(&key).copied().or_else(|| {
            // `the cook` after `one former line cook`: a bare noun refers back
            let bare = phrase.of(text).to_ascii_lowercase();
            let bare = bare.strip_prefix("the ")?;
            if bare.contains(' ') {
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
    fn last_named(&self, pos: usize, want: impl Fn(&Cluster) -> bool) -> Option<usize> {
        let mut i = self.mentions.last_before(pos)?;
        let mut steps = 0;
        loop {
            let n = &self.mentions.names[i];
            let c = self.cluster_of[i];
            if c != usize::MAX && want(&self.clusters[c]) && self.doc.quote_containing(n.name.start).is_none() {
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
    fn last_subject(&self, pos: usize) -> Option<usize> {
        let doc = self.doc;
        let si = doc.sentence_at(pos);
        let floor = doc.sentences[si.saturating_sub(1)].start;
        let mut i = self.mentions.last_before(pos)?;
        loop {
            let n = &self.mentions.names[i];
            if n.name.start < floor {
                return None;
            }
            let c = self.cluster_of[i];
            if c != usize::MAX && self.clusters[c].ty == SourceType::Person && doc.quote_containing(n.name.start).is_none() {
                let k = doc.token_at(n.full.end);
                let possessive = doc.between(n.name.end, n.full.end.max(n.name.end) + 2).starts_with(['\'', '’']);
                // followed by a verb, opening its sentence (`Tester, himself up for …, said`), or
                // set off by commas before a verb (`Hale's lawyer, Marcus Dean, said`)
                let opens = doc.between(doc.sentences[doc.sentence_at(n.full.start)].start, n.full.start).trim().is_empty();
                let verb_after = |k: usize| doc.tokens.get(k).is_some_and(|t| crate::document::looks_like_verb(doc, *t));
                let appositive = doc.tokens.get(k).is_some_and(|t| doc.slice(t.span) == ",")
                    && (k + 1..(k + 14).min(doc.tokens.len())).find(|&j| doc.slice(doc.tokens[j].span) == ",").is_some_and(|j| verb_after(j + 1));
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
    fn last_source(&self, pos: usize, want: impl Fn(&Cluster, Option<&str>) -> bool) -> Option<usize> {
        let mut named: Option<(usize, usize)> = None; // (position, cluster)
        if let Some(mut i) = self.mentions.last_before(pos) {
            for _ in 0..400 {
                let n = &self.mentions.names[i];
                let c = self.cluster_of[i];
                if c != usize::MAX
                    && want(&self.clusters[c], self.role_of[i].as_deref())
                    && self.doc.quote_containing(n.name.start).is_none()
                {
                    named = Some((n.name.start, c));
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
    fn most_named_org(&self, pos: usize) -> Option<usize> {
        let upto = self.mentions.last_before(pos)? + 1;
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (cluster, count, last index)
        for (i, n) in self.mentions.names[..upto].iter().enumerate().rev().take(400) {
            let c = self.cluster_of[i];
            if c == usize::MAX || self.clusters[c].ty != SourceType::Organization || self.doc.quote_containing(n.name.start).is_some() {
                continue;
            }
            match counts.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c, 1, i)),
            }
        }
        counts.iter().max_by_key(|x| (x.1, x.2)).map(|x| x.0)
    }

    fn display_name(&self, c: &Cluster) -> String {
        self.name_str(c).to_string()
    }

    /// The cluster's name, borrowed.
    fn name_str<'s>(&'s self, c: &'s Cluster) -> &'s str {
        c.label.as_deref().unwrap_or_else(|| c.name.of(self.doc.text()))
    }

    fn subject(&mut self, s: Subject) -> Option<usize> {
        let text = self.doc.text();
        match s {
            Subject::Name(n) => Some(self.cluster_of[n]).filter(|&c| c != usize::MAX),
            Subject::Anonymous(a) => {
                // `One former line cook, who asked not to be named, said`: a phrase that only
                // describes its noun leaves the noun as the source
                let t = a.of(text).to_ascii_lowercase();
                let first = t.split(' ').next().unwrap_or("");
                let describes = matches!(first, "who" | "speaking" | "spoke" | "on" | "asked" | "declined" | "requested" | "not" | "because" | "as")
                    || first.ends_with("ed") || first.ends_with("ing");
                if describes {
                    let doc = self.doc;
                    let s = doc.sentences[doc.sentence_at(a.start)];
                    let mut before = doc.between(s.start, a.start).trim_end();
                    for w in [" who", " that", " and"] {
                        before = before.strip_suffix(w).unwrap_or(before);
                    }
                    let before = before.trim_end().trim_end_matches(',');
                    let end = s.start + before.len();
                    if let Some(noun) = subject::subject_before(doc, Span::new(end, end), s.start) {
                        if !matches!(noun, Subject::Anonymous(_)) {
                            return self.subject(noun);
                        }
                    }
                    return None;
                }
                Some(self.own(extend_anonymous(self.doc, a), SourceType::Anonymous))
            }
            Subject::Pronoun(p, kind) => {
                let c = match kind {
                    Pronoun::Singular => self.last_subject(p.start).or_else(|| self.last_named(p.start, |c| c.ty == SourceType::Person)),
                    Pronoun::Neuter => self.last_source(p.start, |c, _| matches!(c.ty, SourceType::Organization | SourceType::Outlet)),
                    Pronoun::Plural => self.last_source(p.start, |c, _| matches!(c.ty, SourceType::Organization | SourceType::Anonymous)),
                    // `I`/`we` outside quotation marks: the speaker quoted just before
                    Pronoun::First => self
                        .quote_speakers
                        .iter()
                        .rev()
                        .find(|(pos, _)| *pos <= p.start)
                        .filter(|(pos, _)| self.doc.paragraph_at(*pos) == self.doc.paragraph_at(p.start))
                        .map(|x| x.1),
                };
                if let Some(c) = c {
                    self.clusters[c].mentions.push(p);
                }
                c
            }
            Subject::Role { phrase, head, of } => {
                let hw = head.of(text);
                let hl = hw.to_ascii_lowercase();
                let phrase_text = phrase.of(text).to_ascii_lowercase();
                let plural = hl.ends_with('s') && !hl.ends_with("ss");
                // `a spokesman for X`, `the X commission` speak as X; `employees of X` do not
                let of_cluster = of.map(|n| self.cluster_of[n]).filter(|&c| c != usize::MAX).filter(|_| !is_tag(List::Generic, hw, Tag::Group));
                let generic_org = lexicon::tag_of(List::Generic, hw) == Tag::Org;
                let c = if let Some(n) = of_cluster {
                    // `the Lowmoor election commission`: a place word before an organisation
                    // noun names the organisation by the whole phrase
                    let cl = &self.clusters[n];
                    if generic_org && cl.words == 1 && cl.label.is_none() && cl.ty == SourceType::Organization && !lexicon::contains(List::Org, cl.name.of(text)) {
                        let label = strip_determiner(phrase.of(text));
                        self.clusters[n].label = Some(label);
                        self.labels.push((phrase.start, n));
                    }
                    Some(n)
                } else if is_tag(List::Title, hw, Tag::Spokes) {
                    if phrase_text.starts_with("his ") || phrase_text.starts_with("her ") {
                        self.last_named(phrase.start, |c| c.ty == SourceType::Person)
                    } else {
                        // `a department spokeswoman`: the organisation its modifier names
                        let modifiers: Vec<String> = phrase_text.split_whitespace().filter(|w| *w != hl && !matches!(*w, "a" | "an" | "the")).map(str::to_string).collect();
                        let by_modifier = if modifiers.is_empty() {
                            None
                        } else {
                            self.last_source(phrase.start, |c, role| {
                                c.ty == SourceType::Organization
                                    && modifiers.iter().any(|m| contains_ci(self.name_str(c), m) || role == Some(m.as_str()))
                            })
                        };
                        // else the organisation the story names most (a spokeswoman speaks for the
                        // story's company more often than for the last body it mentioned)
                        by_modifier
                            .or_else(|| self.most_named_org(phrase.start))
                            .or_else(|| self.last_source(phrase.start, |c, _| c.ty == SourceType::Organization && c.label.is_none()))
                    }
                } else if lexicon::contains(List::Title, hw) {
                    if plural {
                        Some(self.own(phrase, SourceType::Anonymous))
                    } else {
                        // the last person introduced with this role
                        let doc = self.doc;
                        let mut found = None;
                        let upto = self.mentions.last_before(phrase.start).map_or(0, |i| i + 1);
                        for (i, n) in self.mentions.names[..upto].iter().enumerate().rev().take(400) {
                            let c = self.cluster_of[i];
                            if c == usize::MAX || self.clusters[c].ty != SourceType::Person {
                                continue;
                            }
                            if self.role_of[i].as_deref() == Some(hl.as_str()) {
                                found = Some(c);
                                break;
                            }
                            let around = Span::new(n.full.start, (n.name.end + 100).min(doc.text().len()));
                            let window = doc.text().get(around.start..around.end).or_else(|| doc.text().get(n.full.start..n.full.end)).unwrap_or("");
                            let window = window.split(['.', ';']).next().unwrap_or("").to_ascii_lowercase();
                            if window.contains(&hl) {
                                found = Some(c);
                                break;
                            }
                        }
                        // a headline's `Former mayor denies …`: the holder named just after
                        let ahead = || {
                            let doc = self.doc;
                            let from = self.mentions.names.partition_point(|n| n.full.start < phrase.end);
                            self.mentions.names[from..].iter().enumerate().take(20).find_map(|(k, n)| {
                                let c = self.cluster_of[from + k];
                                if n.full.start > phrase.end + 1500 || c == usize::MAX || self.clusters[c].ty != SourceType::Person {
                                    return None;
                                }
                                let window = doc.between(n.full.start, n.name.end).to_ascii_lowercase();
                                (window.contains(&hl) || self.role_of[from + k].as_deref() == Some(hl.as_str())).then_some(c)
                            })
                        };
                        // `a senior nurse` is an unnamed source; `the mayor`, a person not named here
                        let indefinite = ["a ", "an ", "one ", "another "].iter().any(|d| phrase_text.starts_with(d));
                        let ty = if indefinite { SourceType::Anonymous } else { SourceType::Person };
                        found.or_else(ahead).or_else(|| Some(self.own(phrase, ty)))
                    }
                } else if is_tag(List::Generic, hw, Tag::Group) {
                    Some(self.own(phrase, SourceType::Anonymous))
                } else if is_tag(List::Generic, hw, Tag::Pub) && matches!(hl.as_str(), "statement" | "letter") && self.issuer.is_some() {
                    // `“…,” the statement read`: whoever issued it
                    self.issuer
                } else if is_tag(List::Generic, hw, Tag::Pub) {
                    Some(self.own(phrase, SourceType::Publication))
                } else if is_tag(List::Generic, hw, Tag::Outlet) {
                    // `the journal` → the outlet introduced as `the journal Heart`
                    self.last_source(phrase.start, |c, role| c.ty == SourceType::Outlet && (role == Some(hl.as_str()) || contains_ci(self.name_str(c), &hl)))
                        .or_else(|| self.last_named(phrase.start, |c| c.ty == SourceType::Outlet))
                } else if generic_org && (phrase_text.starts_with("his ") || phrase_text.starts_with("her ")) && phrase_text.split_whitespace().count() == 2 {
                    // `his campaign`: that person's campaign, named after them
                    let person = self.last_subject(phrase.start).or_else(|| self.last_named(phrase.start, |c| c.ty == SourceType::Person));
                    match person {
                        Some(p) => {
                            let name = self.display_name(&self.clusters[p]);
                            let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
                            Some(self.own_named(format!("{surname} {hl}"), phrase, SourceType::Organization))
                        }
                        None => Some(self.own(phrase, SourceType::Organization)),
                    }
                } else if generic_org {
                    let bare = phrase_text.split_whitespace().count() <= 2;
                    // (a source named only by the noun itself, `company`, tells nothing)
                    let by_word = self.last_source(phrase.start, |c, role| {
                        let name = self.name_str(c);
                        c.ty == SourceType::Organization && !name.eq_ignore_ascii_case(&hl) && (contains_ci(name, &hl) || role == Some(hl.as_str()))
                    });
                    if by_word.is_some() {
                        by_word
                    } else if bare {
                        // `the agency` after `the state’s environment agency`: that phrase
                        if let Some(earlier) = earlier_phrase(self.doc, phrase.start, &hl) {
                            let c = self.own(earlier, SourceType::Organization);
                            self.clusters[c].mentions.push(phrase);
                            return Some(c);
                        }
                        // `the company` with no company named by that word: the organisation the
                        // article has named most so far (the story's subject, not the last
                        // body it cited)
                        // (a headline before any organisation is named: the first one named
                        // later with that word, else the story's)
                        let ahead = || {
                            let from = self.mentions.names.partition_point(|n| n.full.start < phrase.end);
                            (from..self.mentions.names.len()).take(200).map(|i| self.cluster_of[i]).find(|&c| {
                                c != usize::MAX
                                    && self.clusters[c].ty == SourceType::Organization
                                    && contains_ci(self.name_str(&self.clusters[c]), &hl)
                            })
                        };
                        // only a company-like noun stands for the story's organisation; `the police`
                        // is the police
                        let company = COMPANY_NOUNS.contains(&hl.as_str());
                        (if company { self.most_named_org(phrase.start) } else { None })
                            .or_else(ahead)
                            .or_else(|| if company { self.most_named_org(self.doc.text().len()) } else { None })
                            .or_else(|| self.last_source(phrase.start, |c, _| c.ty == SourceType::Organization && c.label.is_some()))
                            .or_else(|| Some(self.own(phrase, SourceType::Organization)))
                    } else {
                        // `the state labour department`: a source named by the phrase
                        Some(self.own(phrase, SourceType::Organization))
                    }
                } else {
                    // a plain noun phrase (`Shipping lines said`, `the cook said`)
                    Some(self.own(phrase, SourceType::Anonymous))
                };
                if let Some(c) = c {
                    if !self.clusters[c].mentions.contains(&phrase) {
                        self.clusters[c].mentions.push(phrase);
                    }
                }
                c
            }
        }
    }
}

/// True when `word` is in `list` with this (non-empty) tag.
fn is_tag(list: List, word: &str, tag: Tag) -> bool {
    lexicon::tag_of(list, word) == tag
}

/// The role noun standing right before a name (`the trade group Freight Forward`) or before
/// it across a comma (`The contractor, Norland Logistics`).
fn role_word(doc: &Document, full: Span) -> Option<String> {
    let is_role = |t: crate::document::Token| {
        let w = doc.slice(t.span);
        (t.kind == crate::document::TokenKind::Lower && crate::document::is_role_word(w))
            .then(|| w.to_ascii_lowercase())
    };
    // after: `the Marigold restaurant group` (not a nationality: `the Portuguese club`)
    let name = doc.slice(full);
    let demonym = crate::document::is_demonym(name);
    let j = if demonym { usize::MAX } else { doc.token_at(full.end) };
    for t in doc.tokens.iter().skip(j).take(2).take_while(|t| t.kind == crate::document::TokenKind::Lower) {
        if let Some(w) = is_role(*t) {
            if lexicon::contains(List::Generic, &w) {
                return Some(w);
            }
        }
    }
    // before: `the trade group Freight Forward`, `The contractor, Norland Logistics`
    let i = doc.token_at(full.start);
    let mut k = i.checked_sub(1)?;
    if doc.slice(doc.tokens[k].span) == "," {
        k = k.checked_sub(1)?;
    }
    is_role(doc.tokens[k])
}

/// The last noun phrase before `pos` (within 300 tokens) whose head is `head` and that has
/// modifiers of its own (`the state’s environment agency`), without its determiner.
fn earlier_phrase(doc: &Document, pos: usize, head: &str) -> Option<Span> {
    use crate::document::TokenKind;
    let end = doc.token_at(pos);
    let from = end.saturating_sub(300);
    for k in (from..end).rev() {
        let t = doc.tokens[k];
        if t.kind != TokenKind::Lower || !doc.slice(t.span).eq_ignore_ascii_case(head) {
            continue;
        }
        let mut j = k;
        while j > from && k - j < 4 && matches!(doc.tokens[j - 1].kind, TokenKind::Lower) {
            let w = doc.slice(doc.tokens[j - 1].span).to_ascii_lowercase();
            if matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that") {
                break;
            }
            j -= 1;
        }
        if j < k {
            return Some(Span::new(doc.tokens[j].span.start, t.span.end));
        }
    }
    None
}

/// Nouns that, bare (`the company said`), mean the organisation the story is about.
const COMPANY_NOUNS: &[&str] = &["company", "firm", "group", "club", "team", "business", "retailer", "carrier", "airline", "bank", "manufacturer", "developer", "contractor", "insurer", "lender", "employer", "operator", "owner"];

/// ASCII case-insensitive `haystack.contains(needle)` (needle in lower case), without
/// allocating.
fn contains_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

fn strip_determiner(s: &str) -> String {
    let s = s.trim();
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.to_string();
        }
    }
    s.to_string()
}

/// `people briefed on` → `two people briefed on the investigation`: numbers and articles
/// before, the object after a trailing preposition.
fn extend_anonymous(doc: &Document, a: Span) -> Span {
    let text = doc.text();
    let mut start = a.start;
    let i = doc.token_at(a.start);
    if i > 0 {
        let p = doc.tokens[i - 1];
        let w = p.span.of(text).to_ascii_lowercase();
        if matches!(w.as_str(), "two" | "three" | "four" | "several" | "some" | "many" | "a" | "one" | "other" | "senior" | "the") {
            start = p.span.start;
        }
    }
    let mut end = a.end;
    let last = a.of(text).rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    if matches!(last.as_str(), "on" | "to" | "with" | "of" | "the" | "in") {
        let mut k = doc.token_at(a.end);
        let mut n = 0;
        while k < doc.tokens.len() && n < 3 && doc.tokens[k].is_word() {
            let w = doc.tokens[k].span.of(text);
            if lexicon::contains(List::Speech, w) || matches!(w, "who" | "that" | "and") {
                break;
            }
            end = doc.tokens[k].span.end;
            k += 1;
            n += 1;
        }
    }
    Span::new(start, end)
}

fn subject_start(s: Subject) -> usize {
    match s {
        Subject::Name(_) => usize::MAX, // a name needs no order: its finding's own place counts
        Subject::Pronoun(p, _) => p.start,
        Subject::Role { phrase, .. } => phrase.start,
        Subject::Anonymous(a) => a.start,
    }
}

/// Resolves every finding's subject and via, and builds the sources list.
pub(crate) fn resolve(doc: &Document, findings: &[Finding]) -> Resolved {
    let mut r = Resolver::new(doc, &doc.mentions);

    let mut who = vec![None; findings.len()];
    let mut via = vec![Vec::new(); findings.len()];
    // in text order, so a phrase source is met before what refers back to it
    let mut order: Vec<usize> = (0..findings.len()).collect();
    let key = |i: usize| findings[i].who.map_or(findings[i].span.start, |w| subject_start(w).min(findings[i].span.start));
    crate::vocab::sort_indices(&mut order, &|a, b| key(a).cmp(&key(b)));
    // per sentence: 0 not read yet, 1 says `in a statement` or `in a letter`, 2 not
    let mut said_in: Vec<u8> = Vec::new();
    for i in order {
        let f = &findings[i];
        who[i] = f.who.and_then(|s| r.subject(s));
        // `X said in a statement` / `in a letter`: X issued it
        if let Some(c) = who[i] {
            let si = doc.sentence_at(f.cue.map_or(f.span.start, |c| c.start));
            if said_in.is_empty() {
                said_in = vec![0; doc.sentences.len()];
            }
            if let Some(state @ 0) = said_in.get_mut(si) {
                let t = doc.slice(doc.sentences[si]);
                *state = if contains_ci(t, "in a statement") || contains_ci(t, "in a letter") { 1 } else { 2 };
            }
            if said_in.get(si) == Some(&1) && r.clusters[c].ty != SourceType::Publication {
                r.issuer = Some(c);
            }
        }
        if let (crate::vocab::Kind::Quote, Some(c)) = (f.kind, who[i]) {
            r.quote_speakers.push((f.span.end, c));
        }
        via[i] = f.via.iter().filter_map(|&s| r.subject(s)).collect::<Vec<_>>();
    }
    // which clusters are listed
    let mut used = vec![false; r.clusters.len()];
    for c in who.iter().flatten().chain(via.iter().flatten()) {
        used[*c] = true;
    }
    // A phrase source whose name ends a longer organisation's name is that organisation (a
    // headline's `Port authority` before the text names the `Eastbay Port Authority`).
    let names: Vec<String> = r.clusters.iter().map(|c| norm(&r.display_name(c))).collect();
    // organisations grouped by their last word (sorted by it, then cut into runs)
    let last = |i: usize| names[i].rsplit(' ').next().unwrap_or(&names[i]);
    let mut orgs: Vec<usize> = (0..names.len()).filter(|&i| used[i] && r.clusters[i].ty == SourceType::Organization).collect();
    crate::vocab::sort_indices(&mut orgs, &|a, b| last(a).cmp(last(b)));
    let mut merged_into: Vec<usize> = (0..r.clusters.len()).collect();
    for group in orgs.chunk_by(|&a, &b| last(a) == last(b)) {
        for &l in group {
            if r.clusters[l].label.is_none() {
                continue;
            }
            let ends = |c: usize| {
                let (long, short) = (&names[c], &names[l]);
                long.len() > short.len() && long.ends_with(short.as_str()) && long.as_bytes()[long.len() - short.len() - 1] == b' '
            };
            if let Some(&c) = group.iter().filter(|&&c| c != l && ends(c)).max_by_key(|&&c| names[c].len()) {
                merged_into[l] = c;
            }
        }
    }
    // An acronym is the organisation whose initials it spells (`FTC`, the `Federal Trade
    // Commission`; `SLMPD`, the `St. Louis Metro Police Department`).
    let long: Vec<(usize, String)> = (0..r.clusters.len())
        .filter(|&i| used[i] && merged_into[i] == i && matches!(r.clusters[i].ty, SourceType::Organization | SourceType::Outlet))
        .flat_map(|i| {
            let name = r.name_str(&r.clusters[i]);
            let (a, b) = (initials(name, false), initials(name, true));
            let b = b.filter(|b| Some(b) != a.as_ref());
            [a, b].into_iter().flatten().map(move |x| (i, x))
        })
        .collect();
    for a in 0..r.clusters.len() {
        let name = r.name_str(&r.clusters[a]);
        if !used[a] || merged_into[a] != a || !is_acronym(name) {
            continue;
        }
        let mut matches = long.iter().filter(|(i, init)| *i != a && init == name);
        if let (Some(&(c, _)), None) = (matches.next(), matches.next()) {
            merged_into[a] = c;
        }
    }
    // `WHO officials`, `NIH experts`: an organisation's officials speak for it when it is a
    // source itself (its `sources` stay apart: `Nusra Front sources`)
    // (keyed by owned strings: the map type the clusters use already, no new code in the wasm)
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for i in (0..r.clusters.len()).filter(|&i| used[i] && r.clusters[i].ty != SourceType::Anonymous) {
        by_name.insert(names[i].clone(), merged_into[i]);
    }
    for l in 0..r.clusters.len() {
        if !used[l] || merged_into[l] != l || r.clusters[l].ty != SourceType::Anonymous {
            continue;
        }
        let group = names[l].strip_suffix(" officials").or_else(|| names[l].strip_suffix(" experts"));
        let Some(g) = group else { continue };
        let shown = r.name_str(&r.clusters[l]);
        // the group's organisation by name, or by the initials of one (`WHO officials`)
        let by_initials = || {
            let acronym = shown.get(..g.len()).filter(|a| is_acronym(a))?;
            let mut m = long.iter().filter(|(_, init)| init == acronym);
            match (m.next(), m.next()) {
                (Some(&(c, _)), None) => Some(merged_into[c]),
                _ => None,
            }
        };
        if let Some(c) = by_name.get(g).copied().or_else(by_initials) {
            merged_into[l] = c;
        }
    }
    for l in 0..r.clusters.len() {
        let c = merged_into[l];
        if c != l {
            let m = std::mem::take(&mut r.clusters[l].mentions);
            r.clusters[c].mentions.extend(m);
            used[l] = false;
        }
    }
    for w in who.iter_mut().flatten() {
        *w = merged_into[*w];
    }
    for v in via.iter_mut() {
        for x in v.iter_mut() {
            *x = merged_into[*x];
        }
    }
    for (i, c) in r.clusters.iter().enumerate() {
        if c.ty == SourceType::Outlet {
            used[i] = true;
        }
    }
    // order by first mention
    let mut order: Vec<usize> = (0..r.clusters.len()).filter(|&i| used[i]).collect();
    let first = |c: &Cluster| c.mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX);
    crate::vocab::sort_indices(&mut order, &|a, b| first(&r.clusters[a]).cmp(&first(&r.clusters[b])));
    let mut new_index = vec![usize::MAX; r.clusters.len()];
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = k;
    }
    let mut sources: Vec<Source> = order
        .iter()
        .map(|&i| {
            let c = &r.clusters[i];
            let mut mentions = c.mentions.clone();
            crate::vocab::sort_indices_by_key(&mut mentions, |m| (m.start, m.end));
            mentions.dedup();
            Source {
                name: r.display_name(c),
                ty: c.ty,
                mentions,
                via: Vec::new(),
            }
        })
        .collect();
    let who: Vec<Option<usize>> = who.into_iter().map(|w| w.map(|c| new_index[c])).collect();
    let via: Vec<Vec<usize>> = via.into_iter().map(|v| v.into_iter().map(|c| new_index[c]).collect()).collect();
    for (w, v) in who.iter().zip(&via) {
        if let Some(w) = w {
            for x in v {
                if *x != *w && !sources[*w].via.contains(x) {
                    sources[*w].via.push(*x);
                }
            }
        }
    }
    Resolved { sources, who, via }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, SourceType};

    fn sources(text: &str) -> Vec<(String, SourceType)> {
        analyze(text).sources.iter().map(|s| (s.name.clone(), s.ty)).collect()
    }

    #[test]
    fn one_entry_per_person_under_the_fullest_name() {
        let t = "U.S. President Donald Trump spoke. “Yes,” Trump said. “No,” he said. Mr Trump left.";
        assert_eq!(sources(t), [("Donald Trump".to_string(), SourceType::Person)]);
    }

    /// Each text names one source in several forms; it is listed once, under `want`.
    #[test]
    fn aliases_merge_by_rule() {
        let rows: &[(&str, &str)] = &[
            // an acronym and the name whose initials it spells
            ("The Federal Trade Commission said it would act. The FTC said the deal was reviewed.", "Federal Trade Commission"),
            ("The St. Louis Metro Police Department said two officers were hurt. The SLMPD said more was to come.", "St. Louis Metro Police Department"),
            // an organisation's officials, by its name or its initials
            ("The World Health Organization said the outbreak was serious. WHO officials said more cases were likely.", "World Health Organization"),
            // a glued particle, and the surname without it
            ("Rebel commander Adel al-Zintani said the road was cut. Zintani said the army fled.", "Adel al-Zintani"),
            // a first name for the one person who has it
            ("Jessie J said she was happy. Jessie said the rumours were false.", "Jessie J"),
            // a modifier before the name, and the head of `X for Y`
            ("The Britain-based Syrian Observatory for Human Rights said 12 died. The Observatory said more were hurt.", "Syrian Observatory for Human Rights"),
        ];
        for (text, want) in rows {
            let names: Vec<String> = sources(text).into_iter().map(|(n, _)| n).collect();
            assert_eq!(names, [want.to_string()], "{text}");
        }
        // near miss: a first name two people share joins neither
        let a = analyze("“Yes,” Jane Doe said. “No,” Jane Roe said. “Maybe,” Jane said.");
        let names: Vec<&str> = a.sources.iter().map(|s| s.name.as_str()).collect();
        assert!(names.contains(&"Jane Doe") && names.contains(&"Jane Roe"), "{names:?}");
        let third = a.annotations.iter().find(|x| a.text_of(x) == "“Maybe,”").unwrap();
        assert!(!matches!(a.who(third), Some("Jane Doe" | "Jane Roe")), "{:?}", a.who(third));
    }

    #[test]
    fn spokesperson_speaks_for_the_organisation() {
        let t = "Harrowgate Motors recalled cars. “It is safe,” a Harrowgate spokeswoman said.";
        assert_eq!(sources(t), [("Harrowgate Motors".to_string(), SourceType::Organization)]);
    }

    #[test]
    fn anonymous_sources_and_outlets() {
        let t = "Two people familiar with the matter told the Coastal Tribune that the port was hacked.";
        let s = sources(t);
        assert!(s.contains(&("Coastal Tribune".to_string(), SourceType::Outlet)), "{s:?}");
        assert!(s.iter().any(|(n, t)| n.contains("people familiar with the matter") && *t == SourceType::Anonymous), "{s:?}");
    }

    #[test]
    fn via_an_interview_and_a_journal_named_by_its_noun() {
        let a = analyze(
            "The study appeared in the journal Heart. \"We found it,\" Dr Peter Kistler said in an interview with CNN. The journal did not respond to a request for comment.",
        );
        let p = a.sources.iter().find(|s| s.name == "Peter Kistler").expect("Kistler listed");
        assert_eq!(p.via.iter().map(|&i| a.sources[i].name.as_str()).collect::<Vec<_>>(), ["CNN"]);
        let d = a.annotations.iter().find(|x| x.kind == crate::Kind::Denial).expect("a no-comment");
        assert_eq!(a.who(d), Some("Heart"));
    }

    #[test]
    fn short_forms_join_their_outlet() {
        let s = sources("PINE HOLLOW (AP) — Fires spread. \"We ran,\" Dana Cole told The Associated Press.");
        assert!(s.contains(&("Associated Press".to_string(), SourceType::Outlet)), "{s:?}");
        assert!(!s.iter().any(|(n, _)| n == "AP"), "{s:?}");
    }

    #[test]
    fn statements_ages_and_clubs() {
        let t = "Blackmoor Rovers sacked their manager, the club said in a statement. \"We thank him,\" the statement read.\n\
                 Mia Ford will take over. The 34-year-old said she was \"honoured\".\nRovers declined to comment.";
        let a = analyze(t);
        let quotes: Vec<_> = a.annotations.iter().filter(|x| x.kind == crate::Kind::Quote).map(|x| a.who(x)).collect();
        assert_eq!(quotes, [Some("Blackmoor Rovers"), Some("Mia Ford")]);
        let d = a.annotations.iter().find(|x| x.kind == crate::Kind::Denial).expect("a no-comment");
        assert_eq!(a.who(d), Some("Blackmoor Rovers"));
    }

    #[test]
    fn employees_of_a_company_are_not_the_company() {
        let t = "Former employees of the Marigold restaurant group have filed complaints alleging that they were not paid.";
        let a = analyze(t);
        let u = a.annotations.iter().find(|x| x.kind == crate::Kind::Unverified).expect("a contested claim");
        assert_eq!(a.who(u), Some("Former employees"));
    }

    #[test]
    fn via_chain() {
        let a = analyze("Kremlin spokesman Dmitry Peskov told TASS that talks were under way.");
        let p = a.sources.iter().find(|s| s.name == "Dmitry Peskov").expect("Peskov listed");
        let via: Vec<_> = p.via.iter().map(|&i| a.sources[i].name.as_str()).collect();
        assert_eq!(via, ["TASS"]);
    }
}
