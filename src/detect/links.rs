//! Links a denial to the claim it disputes (`denies` / `disputed_by` in the JSON): a denial
//! whose object refers back to a claim (`refuted the claims made in Woodward's report`,
//! `a claim the company has repeatedly denied`) is linked to the nearest earlier unverified
//! or reported claim whose source its object names, or else to the nearest claim before it.

use super::{Context, Detector, Finding};
use crate::analysis::Kind;

/// The denial → claim linker.
pub(crate) struct Links;

/// Words in a denial's sentence that say it answers an earlier claim.
const REFERS_BACK: &[&str] = &["claim", "claims", "report", "reports", "allegation", "allegations", "story", "reporting", "assertion", "accusation", "accusations", "that"];

impl Detector for Links {
    fn description(&self) -> &'static str {
        "Links denials to the claims they dispute"
    }

    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        for d in 0..found.len() {
            if found[d].kind != Kind::Denial || found[d].subtype != Some("denial") {
                continue;
            }
            let s = doc.sentences[doc.sentence_at(found[d].span.start)];
            let sentence = doc.slice(s).to_ascii_lowercase();
            let refers = sentence
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| REFERS_BACK.contains(&w));
            if !refers {
                continue;
            }
            // the nearest earlier claim (unverified, else reported) in the text before the denial
            let pick = |kind: Kind| {
                found
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.kind == kind && f.span.end <= s.start && s.start - f.span.end < 4000)
                    .max_by_key(|(_, f)| f.span.end)
                    .map(|(i, _)| i)
            };
            if let Some(c) = pick(Kind::Unverified).or_else(|| pick(Kind::Reported)) {
                found[d].denies.push(c);
            }
        }
    }
}
