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

mod cluster;
mod subject;

use cluster::{contains_ci, initials, is_acronym, norm, Cluster, Resolver};
use crate::fxhash::FxHashMap;
use crate::vocab::SourceType;
use crate::detect::Finding;
use crate::document::Document;
use crate::detect::subject::Subject;
use crate::span::Span;

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

/// Where a subject starts, for ordering (a name needs no order: its finding's own place counts).
fn subject_start(s: Subject) -> Option<usize> {
    match s {
        Subject::Name(_) => None,
        Subject::Pronoun(p, _) => Some(p.start),
        Subject::Role { phrase, .. } => Some(phrase.start),
        Subject::Anonymous(a) => Some(a.start),
    }
}

/// Resolves every finding's subject and via, and builds the sources list.
pub(crate) fn resolve(doc: &Document, findings: &[Finding]) -> Resolved {
    let mut r = Resolver::new(doc, &doc.mentions);

    let mut who = vec![None; findings.len()];
    let mut via = vec![Vec::new(); findings.len()];
    // in text order, so a phrase source is met before what refers back to it
    let mut order: Vec<usize> = (0..findings.len()).collect();
    let key = |i: usize| findings[i].who.and_then(subject_start).map_or(findings[i].span.start, |s| s.min(findings[i].span.start));
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
    let mut new_index = vec![None; r.clusters.len()];
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = Some(k);
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
    let who: Vec<Option<usize>> = who.into_iter().map(|w| w.and_then(|c| new_index[c])).collect();
    let via: Vec<Vec<usize>> = via.into_iter().map(|v| v.into_iter().filter_map(|c| new_index[c]).collect()).collect();
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

    /// A spokesman for a body named only by a generic noun speaks for that body.
    #[test]
    fn unnamed_bodies_speak_through_their_spokesmen() {
        for t in [
            "The Daily Courier reported the sale. A spokesman for the port authority declined to comment.",
            "The Daily Courier reported the sale. A port authority spokesman declined to comment.",
            // (`port` is no word of `transport ministry`)
            "The transport ministry denied it. A spokesman for the port authority declined to comment.",
        ] {
            let a = analyze(t);
            let d = a.annotations.iter().find(|x| x.subtype == Some(crate::Subtype::NoComment)).expect("a refusal");
            assert_eq!(a.who(d), Some("port authority"), "{t}");
        }
        // an outlet the spokesman does not speak for
        let a = analyze("Acme Corp opened a plant. A spokesman for Acme Corp declined to comment.");
        assert_eq!(a.who(&a.annotations[0]), Some("Acme Corp"));
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
    fn an_unnamed_member_of_a_body_is_not_the_body() {
        let t = "A US official said the tools were rare. The US official said two groups could do it.";
        assert_eq!(sources(t), [("US official".to_string(), SourceType::Anonymous)]);
        let t = "The Kremlin denied it. “No,” a Kremlin spokesman said.";
        assert_eq!(sources(t), [("Kremlin".to_string(), SourceType::Organization)]);
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
