//! Resolving a finding's subject to a source, one function per kind of subject: a name (its
//! cluster), a pronoun (the last fitting source before it), a role noun (the last holder of
//! the role, whom a spokesperson speaks for, the organisation a bare `the company` means)
//! and an anonymous phrase (itself, or the noun it describes).

use super::cluster::{contains_ci, Resolver};
use crate::vocab::SourceType;
use crate::document::Document;
use crate::detect::subject::{self, Pronoun, Subject};
use crate::lexicon::{self, List, Tag};
use crate::span::Span;

impl Resolver<'_, '_> {
    /// The source a subject stands for, where one is found.
    pub(super) fn subject(&mut self, s: Subject) -> Option<usize> {
        match s {
            Subject::Name(n) => self.cluster_of[n],
            Subject::Anonymous(a) => self.anonymous(a),
            Subject::Pronoun(p, kind) => self.pronoun(p, kind),
            Subject::Role { phrase, head, of } => self.role(phrase, head, of),
        }
    }

    /// An unnamed source: the phrase itself (`two people briefed on the talks`), or the noun a
    /// describing phrase follows (`One former line cook, who asked not to be named, said`).
    fn anonymous(&mut self, a: Span) -> Option<usize> {
        let text = self.doc.text();
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

    /// `he`/`she`: the last subject or person; `it`: the last organisation or outlet;
    /// `they`: the last organisation or group; `I`/`we` outside quotes: the speaker quoted
    /// just before, in the same paragraph.
    fn pronoun(&mut self, p: Span, kind: Pronoun) -> Option<usize> {
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

    /// A role noun phrase (`the spokesman`, `the company`, `a senior nurse`).
    fn role(&mut self, phrase: Span, head: Span, of: Option<usize>) -> Option<usize> {
        let text = self.doc.text();
        let hw = head.of(text);
        let hl = hw.to_ascii_lowercase();
        let phrase_text = phrase.of(text).to_ascii_lowercase();
        let plural = hl.ends_with('s') && !hl.ends_with("ss");
        // the head's tags, looked up once
        let generic = lexicon::tag_of(List::Generic, hw);
        let title = lexicon::tag_of(List::Title, hw);
        // `a spokesman for X`, `the X commission` speak as X; `employees of X` do not
        let of_cluster = of.and_then(|n| self.cluster_of[n]).filter(|_| generic != Tag::Group);
        let generic_org = generic == Tag::Org;
        // `a US official`, `the Kremlin aide`: an unnamed member of a body is an anonymous
        // source of their own (the same one on each mention); a spokesperson still speaks
        // for the body
        let unnamed_member = of_cluster.is_some() && title == Tag::Member;
        let c = if unnamed_member {
            Some(self.own(phrase, SourceType::Anonymous))
        } else if let Some(n) = of_cluster {
            // `the Lowmoor election commission`: a place word before an organisation
            // noun names the organisation by the whole phrase
            let cl = &self.clusters[n];
            if generic_org && cl.words == 1 && cl.label.is_none() && cl.ty == SourceType::Organization && !lexicon::contains(List::Org, cl.name.of(text)) {
                let label = strip_determiner(phrase.of(text));
                self.clusters[n].label = Some(label);
                self.labels.push((phrase.start, n));
            }
            Some(n)
        } else if title == Tag::Spokes {
            if phrase_text.starts_with("his ") || phrase_text.starts_with("her ") {
                self.last_named(phrase.start, |c| c.ty == SourceType::Person)
            } else {
                // `a department spokeswoman`, `a spokesman for the department`: the
                // organisation its modifiers name (whole words of its name)
                let body: Vec<&str> = match crate::vocab::find_str(&phrase_text, " for ").and_then(|i| phrase_text.get(i + 5..)) {
                    Some(b) => b.split_whitespace().filter(|w| !matches!(*w, "a" | "an" | "the")).collect(),
                    None => phrase_text.split_whitespace().filter(|w| *w != hl && !matches!(*w, "a" | "an" | "the")).collect(),
                };
                let by_modifier = if body.is_empty() {
                    None
                } else {
                    self.last_source(phrase.start, |c, role| {
                        c.ty == SourceType::Organization
                            && body.iter().any(|m| self.name_str(c).split(' ').any(|w| w.eq_ignore_ascii_case(m)) || role == Some(*m))
                    })
                };
                // `a port authority spokesman`: a body named by a generic noun stands as its
                // own source
                let generic_body = body.last().is_some_and(|w| lexicon::tag_of(List::Generic, w) == Tag::Org) && body.len() <= 4;
                // else the organisation the story names most (a spokeswoman speaks for the
                // story's company more often than for the last body it mentioned)
                by_modifier
                    .or_else(|| generic_body.then(|| self.own_named(crate::vocab::join(&body, " "), phrase, SourceType::Organization)))
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
                    let Some(c) = self.cluster_of[i] else { continue };
                    if self.clusters[c].ty != SourceType::Person {
                        continue;
                    }
                    if self.role_of[i].as_deref() == Some(hl.as_str()) {
                        found = Some(c);
                        break;
                    }
                    let around = Span::new(n.full().start, (n.name().end + 100).min(doc.text().len()));
                    let window = doc.text().get(around.start..around.end).or_else(|| doc.text().get(n.full().start..n.full().end)).unwrap_or("");
                    // up to its first `.` or `;`, searched in place (asked of up to 400 names)
                    let mut cut = 0;
                    while cut < window.len() && !matches!(window.as_bytes()[cut], b'.' | b';') {
                        cut += 1;
                    }
                    if contains_ci(window.get(..cut).unwrap_or(""), &hl) {
                        found = Some(c);
                        break;
                    }
                }
                // a headline's `Former mayor denies …`: the holder named just after
                let ahead = || {
                    let doc = self.doc;
                    let from = self.mentions.names.partition_point(|n| n.full().start < phrase.end);
                    self.mentions.names[from..].iter().enumerate().take(20).find_map(|(k, n)| {
                        let c = self.cluster_of[from + k]?;
                        if n.full().start > phrase.end + 1500 || self.clusters[c].ty != SourceType::Person {
                            return None;
                        }
                        (contains_ci(doc.between(n.full().start, n.name().end), &hl) || self.role_of[from + k].as_deref() == Some(hl.as_str())).then_some(c)
                    })
                };
                // `a senior nurse` is an unnamed source; `the mayor`, a person not named here
                let indefinite = ["a ", "an ", "one ", "another "].iter().any(|d| phrase_text.starts_with(d));
                let ty = if indefinite { SourceType::Anonymous } else { SourceType::Person };
                found.or_else(ahead).or_else(|| Some(self.own(phrase, ty)))
            }
        } else if generic == Tag::Group {
            Some(self.own(phrase, SourceType::Anonymous))
        } else if generic == Tag::Pub && matches!(hl.as_str(), "statement" | "letter") && self.issuer.is_some() {
            // `“…,” the statement read`: whoever issued it
            self.issuer
        } else if generic == Tag::Pub {
            Some(self.own(phrase, SourceType::Publication))
        } else if generic == Tag::Outlet {
            // `the journal` → the outlet introduced as `the journal Heart`
            self.last_source(phrase.start, |c, role| c.ty == SourceType::Outlet && (role == Some(hl.as_str()) || contains_ci(self.name_str(c), &hl)))
                .or_else(|| self.last_named(phrase.start, |c| c.ty == SourceType::Outlet))
                // none named: a phrase that says which one stands for it (`Syrian state-run TV`,
                // `state media`); a bare `the newspaper` tells nothing
                .or_else(|| {
                    let words = phrase_text.split_whitespace().filter(|w| !matches!(*w, "the" | "a" | "an")).count();
                    (words >= 2).then(|| self.own(phrase, SourceType::Outlet))
                })
        } else if generic_org && (phrase_text.starts_with("his ") || phrase_text.starts_with("her ")) && phrase_text.split_whitespace().count() == 2 {
            // `his campaign`: that person's campaign, named after them
            let person = self.last_subject(phrase.start).or_else(|| self.last_named(phrase.start, |c| c.ty == SourceType::Person));
            match person {
                Some(p) => {
                    let name = self.display_name(&self.clusters[p]);
                    let surname = name.rsplit(' ').next().unwrap_or(&name);
                    Some(self.own_named(crate::vocab::join(&[surname, " ", hl.as_str()], ""), phrase, SourceType::Organization))
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
                    let from = self.mentions.names.partition_point(|n| n.full().start < phrase.end);
                    (from..self.mentions.names.len()).take(200).filter_map(|i| self.cluster_of[i]).find(|&c| {
                        self.clusters[c].ty == SourceType::Organization
                            && contains_ci(self.name_str(&self.clusters[c]), &hl)
                    })
                };
                // only a company-like noun stands for the story's organisation; `the police`
                // is the police
                let company = lexicon::is(Tag::Company, &hl);
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
            // (only the last mention is compared: searching them all was quadratic in a long
            // text that names one source often; the list is sorted and deduplicated when the
            // sources are made)
            if self.clusters[c].mentions.last() != Some(&phrase) {
                self.clusters[c].mentions.push(phrase);
            }
        }
        c
    }
}

/// The last noun phrase before `pos` (within 300 tokens) whose head is `head` and that has
/// modifiers of its own (`the state’s environment agency`), without its determiner.
fn earlier_phrase(doc: &Document, pos: usize, head: &str) -> Option<Span> {
    use crate::document::TokenKind;
    let end = doc.token_at(pos);
    let from = end.saturating_sub(300);
    for k in (from..end).rev() {
        let t = doc.tokens[k];
        if t.kind() != TokenKind::Lower || !doc.slice(t.span()).eq_ignore_ascii_case(head) {
            continue;
        }
        let mut j = k;
        while j > from && k - j < 4 && matches!(doc.tokens[j - 1].kind(), TokenKind::Lower) {
            let w = doc.slice(doc.tokens[j - 1].span()).to_ascii_lowercase();
            if matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that") {
                break;
            }
            j -= 1;
        }
        if j < k {
            return Some(Span::new(doc.tokens[j].span().start, t.span().end));
        }
    }
    None
}

pub(super) fn strip_determiner(s: &str) -> String {
    let s = s.trim();
    // (`one rebel commander` and `a rebel commander` are one unnamed source)
    for d in ["the ", "The ", "a ", "A ", "an ", "An ", "one ", "One "] {
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
        let w = p.span().of(text).to_ascii_lowercase();
        if matches!(w.as_str(), "two" | "three" | "four" | "several" | "some" | "many" | "a" | "one" | "other" | "senior" | "the") {
            start = p.span().start;
        }
    }
    let mut end = a.end;
    let last = a.of(text).rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    if matches!(last.as_str(), "on" | "to" | "with" | "of" | "the" | "in") {
        let mut k = doc.token_at(a.end);
        let mut n = 0;
        while k < doc.tokens.len() && n < 3 && doc.tokens[k].is_word() {
            let w = doc.tokens[k].span().of(text);
            if lexicon::contains(List::Speech, w) || matches!(w, "who" | "that" | "and") {
                break;
            }
            end = doc.tokens[k].span().end;
            k += 1;
            n += 1;
        }
    }
    Span::new(start, end)
}
