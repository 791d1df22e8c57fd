//! Denials, non-denials and refusals to comment (`kind: "denial"`), from the cues of
//! `lexicon/denial_cues.txt`; the subtype is the cue's tag.
//!
//! The span is the cue with its subject and the rest of its clause; the source is the cue's
//! subject (or, inside a quotation, the quotation's speaker).

use super::attribution::subject_of;
use super::{Context, Detector, Finding};
use crate::analysis::Kind;
use crate::lexicon::{tag_name, List};
use crate::span::Span;

/// The denial detector.
pub(crate) struct Denials;

impl Detector for Denials {
    fn description(&self) -> &'static str {
        "Denials, non-denials and refusals to comment"
    }

    fn detect(&self, cx: &Context, found: &mut Vec<Finding>) {
        let doc = cx.doc;
        let quotes_end = found.len();
        let mut last_end = 0;
        for c in doc.cues.iter().filter(|c| c.list == List::Denial) {
            if c.span.start < last_end {
                continue;
            }
            let s = doc.sentences[doc.sentence_at(c.span.start)];
            let mut f = Finding::new(Kind::Denial, c.span);
            f.subtype = Some(tag_name(c.tag));
            f.cue = Some(c.span);
            // inside a quotation: the speaker's
            if let Some(q) = doc.quote_containing(c.span.start) {
                f.who = found[..quotes_end].iter().find(|x| x.kind == Kind::Quote && x.span == q.span).and_then(|x| x.who);
            } else {
                f.who = subject_of(cx, c, s.start, s.end);
            }
            f.span = Span::new(c.span.start, c.span.end);
            last_end = f.span.end;
            found.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind};

    #[test]
    fn no_comment_with_source() {
        let a = analyze("The White House declined to comment.");
        let d: Vec<_> = a.annotations.iter().filter(|x| x.kind == Kind::Denial).collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].subtype, Some("no_comment"));
        assert_eq!(a.who(d[0]), Some("White House"));
    }
}
