//! Detectors: each reads the [`Document`] (and what earlier detectors found) and appends
//! [`Finding`]s. One detector per file, its tests at the bottom.
//!
//! | detector | needs | adds |
//! |---|---|---|
//! | [`quotes`] | quote pairs, speech cues, names | `quote` findings with speakers |
//! | [`reported`] | speech cues outside quotes, quotes | `reported` findings |
//! | [`denials`] | denial cues, quotes (for speakers) | `denial` findings |
//! | [`unverified`] | unverified cues, anonymous sources | `unverified` findings |
//!
//! Shared machinery: [`subject`] (the grammar of a cue's subject), [`attribution`] (speech
//! cues and who they attribute to), [`scope`] (clause bounds, suppressors, the folded [`scope::Word`]).
//! After the detectors, `crate::links` links denials to the claims they dispute.

pub(crate) mod attribution;
pub(crate) mod denials;
pub(crate) mod quotes;
pub(crate) mod reported;
pub(crate) mod scope;
pub(crate) mod subject;
pub(crate) mod unverified;

use crate::vocab::{Kind, Subtype};
use crate::document::Document;
use subject::Subject;
use crate::span::Span;

/// What a detector found, before sources are resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    pub kind: Kind,
    pub span: Span,
    pub subtype: Option<Subtype>,
    pub cue: Option<Span>,
    /// Who said, denied or claimed it, as the text refers to them.
    pub who: Option<Subject>,
    pub partial: bool,
    /// What it passed through (`told TASS`, `quoted by RIA`), nearest first.
    pub via: Vec<Subject>,
    /// Indices (into the findings) of the claims a denial disputes.
    pub denies: Vec<usize>,
}

impl Finding {
    pub fn new(kind: Kind, span: Span) -> Finding {
        Finding { kind, span, subtype: None, cue: None, who: None, partial: false, via: Vec::new(), denies: Vec::new() }
    }
}

/// What every detector sees.
pub(crate) struct Context<'d, 't> {
    pub doc: &'d Document<'t>,
    /// The clause boundaries, found once for the detectors that scope a cue to its clause.
    pub clauses: scope::Boundaries,
}

/// A detector: one kind of finding (its module's docs say which and how).
pub(crate) trait Detector {
    /// Appends what it finds; may read what earlier detectors found.
    fn detect(&self, cx: &Context, found: &mut Vec<Finding>);
}

/// Runs every detector in order.
pub(crate) fn run_all(doc: &Document, found: &mut Vec<Finding>) {
    let cx = Context { doc, clauses: scope::Boundaries::of(doc) };
    let detectors: [&dyn Detector; 4] = [&quotes::Quotes, &reported::Reported, &denials::Denials, &unverified::Unverified];
    for d in detectors {
        d.detect(&cx, found);
    }
}

/// Helpers for the detectors' table-driven tests.
#[cfg(test)]
pub(crate) mod table {
    use crate::{analyze, Kind};

    /// The (text, subtype) of every annotation of `kind` that `text` gets.
    pub(crate) fn found(kind: Kind, text: &str) -> Vec<(String, &'static str)> {
        let a = analyze(text);
        a.annotations.iter().filter(|x| x.kind == kind).map(|x| (a.text_of(x).to_owned(), x.subtype.map_or("", |s| s.as_str()))).collect()
    }

    /// Checks rows of (text, the subtype of its one annotation of `kind`, or None for none).
    pub(crate) fn check(kind: Kind, rows: &[(&str, Option<&str>)]) {
        for (text, want) in rows {
            let got = found(kind, text);
            match want {
                Some(st) => {
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].1, *st, "{text}: {got:?}");
                }
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
    }
}
