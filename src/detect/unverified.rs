//! Unverified claims (`kind: "unverified"`): reported, anonymous-sourced, contested,
//! speculative or unconfirmed, from the cues of `lexicon/unverified_cues.txt`; the subtype is
//! the cue's tag. The span is the clause the cue governs.

use super::{Context, Detector, Finding};
use crate::analysis::Kind;
use crate::lexicon::{tag_name, List};

/// The unverified-claim detector.
pub(crate) struct Unverified;

impl Detector for Unverified {
    fn description(&self) -> &'static str {
        "Claims the article does not establish: reported, anonymous, contested, speculative or unconfirmed"
    }

    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        let mut last_sentence = usize::MAX;
        for c in doc.cues.iter().filter(|c| c.list == List::Unverified) {
            if doc.quote_containing(c.span.start).is_some() {
                continue;
            }
            let si = doc.sentence_at(c.span.start);
            if si == last_sentence {
                continue;
            }
            last_sentence = si;
            let mut f = Finding::new(Kind::Unverified, doc.sentences[si]);
            f.subtype = Some(tag_name(c.tag));
            f.cue = Some(c.span);
            found.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    #[test]
    fn reportedly_marks_its_sentence() {
        let a = analyze("The port was reportedly hacked. It reopened.");
        let u: Vec<_> = a.annotations.iter().filter(|x| x.kind == Kind::Unverified).collect();
        assert_eq!(u.len(), 1);
        assert_eq!(a.text_of(u[0]), "The port was reportedly hacked.");
        assert_eq!(u[0].subtype, Some("reported"));
    }
}
