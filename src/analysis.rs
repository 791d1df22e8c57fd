//! [`analyze`]: the whole pipeline, and the [`Analysis`] it returns.

use crate::detect::{self, Finding};
use crate::document::{self, Block, Document, Layout, Role};
use crate::lexicon;
use crate::offsets::Utf16Index;
use crate::sources;
use crate::span::Span;
use crate::vocab::{sort_indices, Kind, Subtype};
pub use crate::sources::Source;

/// One highlighted span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Unique within one analysis; annotations are numbered in output order.
    pub id: usize,
    /// What it marks.
    pub kind: Kind,
    /// Where, in bytes.
    pub span: Span,
    /// The subtype (denial, non-denial or no comment; reported, anonymous, contested,
    /// speculative or unconfirmed), where the kind has one.
    pub subtype: Option<Subtype>,
    /// The words that triggered it (`said`, `declined to comment`, `reportedly`).
    pub cue: Option<Span>,
    /// Who said, denied or claimed it: an index into [`Analysis::sources`].
    pub who: Option<usize>,
    /// For quotes: a fragment quoted inside the writer's own sentence.
    pub partial: bool,
    /// What the statement passed through (indices into [`Analysis::sources`]), nearest first.
    pub via: Vec<usize>,
    /// For denials: the ids of the claims it disputes.
    pub denies: Vec<usize>,
    /// For claims: the ids of the denials disputing it.
    pub disputed_by: Vec<usize>,
}

/// The result of [`analyze`]: annotations sorted by start then end, and sources in order of
/// first mention.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub(crate) text: String,
    pub(crate) index: Utf16Index,
    /// Highlighted spans, sorted by `(start, end)`.
    pub annotations: Vec<Annotation>,
    /// The sidebar's sources.
    pub sources: Vec<Source>,
    /// The text's blocks (lines) with their roles, sorted; furniture among them yields no
    /// annotation and no source.
    pub blocks: Vec<Block>,
}

impl Analysis {
    /// The analysed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of an annotation.
    pub fn text_of(&self, a: &Annotation) -> &str {
        a.span.of(&self.text)
    }

    /// The name of who said, denied or claimed an annotation, where known.
    pub fn who(&self, a: &Annotation) -> Option<&str> {
        a.who.and_then(|i| self.sources.get(i)).map(|s| s.name.as_str())
    }

    /// A byte offset as UTF-16 code units.
    pub fn utf16(&self, byte: usize) -> usize {
        self.index.utf16(&self.text, byte)
    }
}

/// Analyses one article. Never panics; any text is accepted, and the work is linear in its
/// length.
pub fn analyze(text: &str) -> Analysis {
    analyze_with_hints(text, &[])
}

/// [`analyze`], keeping `text` in the [`Analysis`] instead of a copy of it (a front end that
/// read the text into a `String` saves the copy: the CLI, `analyze()` in JavaScript).
pub fn analyze_owned(text: String) -> Analysis {
    analyze_in(text, &[])
}

/// [`analyze`], with the roles a page's markup gives some of its blocks (`h1` → headline,
/// `figcaption` → caption, `nav` → boilerplate …), sorted by start. A hint decides the role
/// of the lines that lie inside it; the other lines get theirs from the text.
pub fn analyze_with_hints(text: &str, hints: &[Block]) -> Analysis {
    analyze_in(text.to_owned(), hints)
}

/// The pipeline: layout, then the document, detectors, links and sources on the text with its
/// furniture blanked, then the annotations on the text as it was.
fn analyze_in(mut text: String, hints: &[Block]) -> Analysis {
    let paragraphs = document::paragraphs(&text);
    let cues = lexicon::scan(&text);
    let layout = Layout::of(&text, &paragraphs, &cues, hints);
    // furniture is blanked in place (same length, so offsets hold) before anything reads the
    // text, and put back once the document, which reads it, is done
    let aside = layout.blank(&mut text);
    let (findings, resolved) = {
        let mut doc = if layout.is_clean() {
            Document::from_parts(&text, paragraphs, cues)
        } else {
            // (the paragraphs of the text as it was go first: the blanked text has its own)
            drop(paragraphs);
            let kept = without(cues, &layout.masked);
            Document::from_parts(&text, document::paragraphs(&text), kept)
        };
        headline_only_names(&mut doc, &layout);
        let mut findings: Vec<Finding> = Vec::new();
        detect::run_all(&doc, &mut findings);
        crate::links::link(&doc, &mut findings);
        // (before the findings are trimmed: resolving reads their starts and the ends of
        // quotations, which trimming leaves as they are)
        let mut resolved = sources::resolve(&doc, &findings);
        headline_only_sources(&layout, &mut resolved);
        (findings, resolved)
    };
    aside.restore(&mut text);
    let annotations = annotations(&text, findings, &resolved);
    Analysis { index: Utf16Index::new(&text), text, annotations, sources: resolved.sources, blocks: layout.blocks }
}

/// `cues` without those overlapping a masked span (both sorted by start).
fn without(mut cues: Vec<lexicon::Cue>, masked: &[Span]) -> Vec<lexicon::Cue> {
    let mut m = 0;
    cues.retain(|c| {
        while m < masked.len() && masked[m].end <= c.span().start {
            m += 1;
        }
        !masked.get(m).is_some_and(|s| s.overlaps(c.span()))
    });
    cues
}

/// `s` moved to the nearest char boundaries of `text` inside it (spans the detectors made on
/// the blanked text may end inside a blanked character).
fn snap(text: &str, mut s: Span) -> Span {
    s.end = s.end.min(text.len());
    while s.end > 0 && !text.is_char_boundary(s.end) {
        s.end -= 1;
    }
    s.start = s.start.min(s.end);
    while s.start < s.end && !text.is_char_boundary(s.start) {
        s.start += 1;
    }
    s
}

/// The findings as annotations of `text` (the text as it was, furniture and all): trimmed,
/// on char boundaries, in order, numbered, with their sources.
fn annotations(text: &str, mut findings: Vec<Finding>, resolved: &sources::Resolved) -> Vec<Annotation> {
    // A highlight ends at its last word: trailing spaces and sentence punctuation stay out
    // (a quotation keeps its marks and what they enclose).
    for f in findings.iter_mut().filter(|f| f.kind != Kind::Quote) {
        let t = f.span.of(text);
        let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
        if !trimmed.is_empty() {
            f.span.end = f.span.start + trimmed.len();
        }
    }
    for f in findings.iter_mut() {
        f.span = snap(text, f.span);
        f.cue = f.cue.map(|c| snap(text, c));
    }

    // order: by span, then kind, for determinism; ids follow that order
    let mut order: Vec<usize> = (0..findings.len()).collect();
    sort_indices(&mut order, &|a, b| {
        let (fa, fb) = (&findings[a], &findings[b]);
        (fa.span.start, fa.span.end, fa.kind).cmp(&(fb.span.start, fb.span.end, fb.kind))
    });
    let mut id_of = vec![0usize; findings.len()];
    for (id, &f) in order.iter().enumerate() {
        id_of[f] = id;
    }
    let mut annotations: Vec<Annotation> = order
        .iter()
        .map(|&f| {
            let x = &findings[f];
            Annotation {
                id: id_of[f],
                kind: x.kind,
                span: x.span,
                subtype: x.subtype,
                cue: x.cue,
                who: resolved.who[f],
                partial: x.partial,
                via: resolved.via[f].clone(),
                denies: x.denies.iter().map(|&d| id_of[d]).collect(),
                disputed_by: Vec::new(),
            }
        })
        .collect();
    for i in 0..annotations.len() {
        for d in annotations[i].denies.clone() {
            let id = annotations[i].id;
            if let Some(claim) = annotations.get_mut(d) {
                claim.disputed_by.push(id);
            }
        }
    }
    annotations
}

/// A name in the story's headline is a name only if the body names it too (the whole name,
/// or its last word): a title-case headline reads `Council Closes Library` as a name.
fn headline_only_names(doc: &mut Document, layout: &Layout) {
    if layout.headlines.is_empty() || !layout.blocks.iter().any(|b| b.role == Role::Body) {
        return;
    }
    let mut mentions = std::mem::take(&mut doc.mentions);
    let key = |s: Span| doc.slice(s).to_ascii_lowercase();
    let last = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_owned();
    let mut body: Vec<String> = Vec::new();
    for n in mentions.names.iter().filter(|n| !layout.in_headline(n.name())) {
        let k = key(n.name());
        body.push(last(&k));
        body.push(k);
    }
    // (the crate's one sort routine: another sort's code would cost the wasm kilobytes)
    let mut order: Vec<usize> = (0..body.len()).collect();
    sort_indices(&mut order, &|a, b| body[a].cmp(&body[b]));
    let known = |k: &str| order.binary_search_by(|&i| body[i].as_str().cmp(k)).is_ok();
    // the whole name, or a short one's last word (`Sessions` for `Jeff Sessions`)
    mentions.names.retain(|n| !layout.in_headline(n.name()) || {
        let k = key(n.name());
        known(&k) || k.split(' ').count() <= 3 && known(&last(&k))
    });
    doc.mentions = mentions;
}

/// A headline word is a source only if the body names it too: sources every mention of
/// which lies in the story's headline go, where the text has a body at all (a text that is
/// only a headline keeps them).
fn headline_only_sources(layout: &Layout, r: &mut sources::Resolved) {
    if layout.headlines.is_empty() || !layout.blocks.iter().any(|b| b.role == Role::Body) {
        return;
    }
    let keep: Vec<bool> = r.sources.iter().map(|s| !s.mentions.iter().all(|&m| layout.in_headline(m))).collect();
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_index = vec![None; keep.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let mut i = 0;
    r.sources.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for s in r.sources.iter_mut() {
        s.via = s.via.iter().filter_map(|&v| new_index[v]).collect();
    }
    for w in r.who.iter_mut() {
        *w = w.and_then(|c| new_index[c]);
    }
    for v in r.via.iter_mut() {
        *v = v.iter().filter_map(|&c| new_index[c]).collect();
    }
}
