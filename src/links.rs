//! Links a denial to the claim it disputes (`denies` / `disputed_by` in the JSON): a pass over
//! the detectors' findings, run after all of them; it adds no findings, it fills their
//! `denies` lists.
//!
//! Only a `denial` (not a refusal to comment) whose sentence refers to a claim is linked: a
//! claim noun (`refuted the claims made in Woodward's report`, `the post was false`, from
//! `lexicon/claim_nouns.txt`) or a pronoun object (`called them "fabricated"`). Its target,
//! among the unverified claims (except `unconfirmed` flags, which are about another claim)
//! and reported speech near it:
//! 1. a claim whose source the denial's sentence names (`Woodward's report` → the claim
//!    `Bob Woodward reveals that ...`), within a few claims either side;
//! 2. else an unverified claim in the same sentence (`a claim the company has denied`);
//! 3. else the nearest unverified claim before it (else reported speech), within 3,000 bytes;
//! 4. else a contested claim in the next two sentences (`rejected claims by the candidate.
//!    ... Hale had alleged that ...`).
//!
//! Claims are looked up by binary search over their sorted starts, and only a bounded number
//! of neighbours is examined, so linking stays linear in the number of findings.

use crate::chars;
use crate::detect::subject::Subject;
use crate::detect::Finding;
use crate::vocab::{Kind, Subtype};
use crate::document::Document;
use crate::lexicon::List;
use crate::span::Span;

/// How far back (bytes) a disputed claim may lie.
const REACH: usize = 3000;
/// How many neighbouring claims each side are examined.
const NEIGHBOURS: usize = 8;

fn is_claim(f: &Finding) -> bool {
    (f.kind == Kind::Unverified && f.subtype != Some(Subtype::Unconfirmed)) || f.kind == Kind::Reported
}

/// The words (lower case, longer than three letters) naming a claim's source.
fn source_words(doc: &Document, f: &Finding) -> Vec<String> {
    let span = match f.who {
        Some(Subject::Name(n)) => doc.mentions.names.get(n).map(|m| m.full()),
        Some(Subject::Role { phrase, .. }) => Some(phrase),
        Some(Subject::Anonymous(s)) => Some(s),
        _ => None,
    };
    span.map(|s| words(doc, s)).unwrap_or_default()
}

fn words(doc: &Document, s: Span) -> Vec<String> {
    doc.slice(s)
        .split(|c: char| !chars::is_alnum(c))
        .filter(|w| w.chars().count() > 3)
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// Fills each denial's `denies` with the indices of the claims (among `found`) it disputes.
pub(crate) fn link(doc: &Document, found: &mut [Finding]) {
    let mut claims: Vec<(usize, usize)> = found.iter().enumerate().filter(|(_, f)| is_claim(f)).map(|(i, f)| (f.span.start, i)).collect();
    crate::vocab::sort_indices_by_key(&mut claims, |c| *c);
    for d in 0..found.len() {
        if found[d].kind != Kind::Denial || found[d].subtype != Some(Subtype::Denial) {
            continue;
        }
        let span = found[d].span;
        let si = doc.sentence_at(span.start);
        let s = doc.sentences[si];
        let after_cue = Span::new(found[d].cue.map_or(span.start, |c| c.start), s.end);
        // `called them "fabricated"`, `denied it`: a pronoun object near the cue
        let cue_tok = doc.token_at(after_cue.start);
        let near = &doc.tokens[cue_tok.saturating_sub(3).max(doc.token_at(s.start))..(cue_tok + 4).min(doc.tokens.len())];
        let pronoun = near.iter().any(|t| crate::lexicon::is(crate::lexicon::Tag::Referring, doc.slice(t.span())));
        // (both within reach of the cue, so one endless sentence stays linear)
        let noun = doc.cues_of(List::ClaimNoun, crate::detect::scope::near(doc, after_cue.start, s)).next().is_some();
        if !(noun || pronoun) {
            continue;
        }
        let named = words(doc, crate::detect::scope::near(doc, after_cue.start, after_cue));
        let at = claims.partition_point(|&(start, _)| start < s.start);
        let before = claims[at.saturating_sub(NEIGHBOURS)..at].iter().rev();
        let next_end = doc.sentences.get(si + 2).or(doc.sentences.get(si + 1)).map_or(s.end, |n| n.end);
        let after = claims[at..].iter().take(NEIGHBOURS).filter(|&&(start, _)| start < next_end);
        // 1. a claim whose source the denial names
        let owner = before
            .clone()
            .chain(after.clone())
            .filter(|&&(_, i)| i != d && !found[i].span.overlaps(span))
            .find(|&&(_, i)| source_words(doc, &found[i]).iter().any(|w| named.contains(w)));
        // 2. an unverified claim in the same sentence
        let same = after.clone().find(|&&(start, i)| start < s.end && found[i].kind == Kind::Unverified && !found[i].span.overlaps(span));
        // 3. the nearest before: unverified first, then reported
        let near = |kind: Kind| before.clone().find(|&&(_, i)| found[i].kind == kind && found[i].span.end + REACH >= s.start);
        // 4. a contested claim just after
        let later = after.clone().find(|&&(start, i)| start >= s.end && found[i].subtype == Some(Subtype::Contested));
        let pick = owner.or(same).or_else(|| near(Kind::Unverified)).or_else(|| near(Kind::Reported)).or(later);
        if let Some(&(_, c)) = pick {
            found[d].denies.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    /// (denial text, disputed claim text) pairs.
    fn links(text: &str) -> Vec<(String, String)> {
        let a = analyze(text);
        let mut out = Vec::new();
        for d in a.annotations.iter().filter(|x| x.kind == Kind::Denial) {
            for &c in &d.denies {
                out.push((a.text_of(d).to_owned(), a.text_of(&a.annotations[c]).to_owned()));
            }
        }
        out
    }

    #[test]
    fn a_refuted_report_is_linked_to_its_claim() {
        let l = links("In his book, Bob Woodward reveals that the mayor met the developer seven times. The mayor's office has refuted the claims made in Woodward's book.");
        assert_eq!(l.len(), 1, "{l:?}");
        assert!(l[0].1.contains("Woodward reveals"), "{l:?}");
    }

    #[test]
    fn a_pronoun_object_links_to_the_previous_claim() {
        let l = links("Photos on social media purportedly show a leak at the plant. The company called them \"fabricated\".");
        assert_eq!(l.len(), 1, "{l:?}");
        assert!(l[0].1.contains("purportedly"), "{l:?}");
    }

    #[test]
    fn a_claim_stated_after_the_denial() {
        let l = links("The commission rejected claims by the losing candidate that the vote was rigged. The candidate had alleged that machines flipped ballots.");
        assert_eq!(l.len(), 1, "{l:?}");
        assert!(l[0].1.contains("alleged"), "{l:?}");
    }

    #[test]
    fn refusals_and_unrelated_denials_are_not_linked() {
        assert!(links("The mayor reportedly met the developer. The developer declined to comment.").is_empty());
        assert!(links("Rain is expected to fall on Monday. The club denied wrongdoing.").is_empty());
    }
}
