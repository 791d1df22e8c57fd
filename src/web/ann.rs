//! What the widget shows of an [`Analysis`]: annotations in UTF-16 offsets with their names
//! resolved, sources, and the words used for them. No DOM here.

use crate::{Analysis, Kind, SourceType, Subtype};

/// The four kinds, in legend order (the order of every [`PerKind`] table).
pub(crate) const KINDS: [Kind; 4] = [Kind::Quote, Kind::Denial, Kind::Unverified, Kind::Reported];

/// One value per kind, indexed by [`Kind`] (a table's entries are in [`KINDS`] order).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PerKind<T>(pub(crate) [T; 4]);

/// Position of a kind in [`KINDS`].
const fn ix(k: Kind) -> usize {
    match k {
        Kind::Quote => 0,
        Kind::Denial => 1,
        Kind::Unverified => 2,
        Kind::Reported => 3,
    }
}

impl<T> std::ops::Index<Kind> for PerKind<T> {
    type Output = T;
    fn index(&self, k: Kind) -> &T {
        &self.0[ix(k)]
    }
}

impl<T> std::ops::IndexMut<Kind> for PerKind<T> {
    fn index_mut(&mut self, k: Kind) -> &mut T {
        &mut self.0[ix(k)]
    }
}

/// One annotation as the widget uses it.
pub(crate) struct Ann {
    pub(crate) id: usize,
    pub(crate) kind: Kind,
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) text: String,
    pub(crate) subtype: Option<Subtype>,
    pub(crate) partial: bool,
    pub(crate) cue: Option<String>,
    /// Index into the sources.
    pub(crate) who: Option<usize>,
    pub(crate) via: Vec<String>,
    pub(crate) denies: Vec<usize>,
    pub(crate) disputed_by: Vec<usize>,
}

/// One source.
pub(crate) struct Src {
    pub(crate) name: String,
    pub(crate) ty: SourceType,
}

/// The view of one analysis: annotations sorted by start, with the running maximum of their
/// ends (so the spans covering an offset are found by binary search plus a short scan).
pub(crate) struct View {
    pub(crate) anns: Vec<Ann>,
    pub(crate) srcs: Vec<Src>,
    max_end: Vec<u32>,
}

impl View {
    pub(crate) fn new(a: &Analysis) -> View {
        let u = |b: usize| a.utf16(b) as u32;
        let anns: Vec<Ann> = a
            .annotations
            .iter()
            .map(|x| Ann {
                id: x.id,
                kind: x.kind,
                start: u(x.span.start),
                end: u(x.span.end),
                text: a.text_of(x).to_owned(),
                subtype: x.subtype,
                partial: x.partial && x.kind == Kind::Quote,
                cue: x.cue.map(|c| c.of(a.text()).to_owned()).filter(|c| !c.is_empty()),
                who: x.who.filter(|&w| w < a.sources.len()),
                via: x.via.iter().filter_map(|&i| a.sources.get(i)).map(|s| s.name.clone()).collect(),
                denies: x.denies.clone(),
                disputed_by: x.disputed_by.clone(),
            })
            .collect();
        let mut max_end = Vec::with_capacity(anns.len());
        let mut m = 0;
        for x in &anns {
            m = m.max(x.end);
            max_end.push(m);
        }
        let srcs = a.sources.iter().map(|s| Src { name: s.name.clone(), ty: s.ty }).collect();
        View { anns, srcs, max_end }
    }

    /// The annotation with this id.
    pub(crate) fn get(&self, id: usize) -> Option<&Ann> {
        self.anns.get(id).filter(|a| a.id == id).or_else(|| self.anns.iter().find(|a| a.id == id))
    }

    /// Indices of the shown annotations covering UTF-16 offset `o`, innermost first.
    pub(crate) fn covering(&self, o: u32, shown: &PerKind<bool>) -> Vec<usize> {
        let mut i = self.anns.partition_point(|a| a.start <= o);
        let mut out = Vec::new();
        while i > 0 {
            i -= 1;
            if self.max_end.get(i).is_some_and(|&m| m <= o) {
                break;
            }
            let a = &self.anns[i];
            if a.end > o && shown[a.kind] {
                out.push(i);
            }
        }
        crate::vocab::sort_indices(&mut out, &|a, b| (self.anns[a].end - self.anns[a].start).cmp(&(self.anns[b].end - self.anns[b].start)));
        out
    }

    /// Name of an annotation's source.
    pub(crate) fn who(&self, a: &Ann) -> Option<&str> {
        a.who.and_then(|w| self.srcs.get(w)).map(|s| s.name.as_str())
    }

    /// Number of statements (annotations of the mounted `kinds`) of each source, indexed
    /// like `srcs`: 0 for a source that is only mentioned.
    pub(crate) fn statements(&self, kinds: &PerKind<bool>) -> Vec<usize> {
        let mut n = vec![0; self.srcs.len()];
        for a in self.anns.iter().filter(|a| kinds[a.kind]) {
            if let Some(c) = a.who.and_then(|w| n.get_mut(w)) {
                *c += 1;
            }
        }
        n
    }

    /// Number of annotations per kind.
    pub(crate) fn counts(&self) -> PerKind<usize> {
        let mut c = PerKind::default();
        for a in &self.anns {
            c[a.kind] += 1;
        }
        c
    }
}

/// What a source did, in a reader's words, one row per act: the sidebar verb (after the
/// source's name: "said", "denied") and the tooltip title ("Quote", "Declined to comment").
/// The only place these words live; [`act`] picks the row. A title never repeats a word
/// (no "Denial · denial").
const ACTS: [(&str, &str); 11] = [
    ("said", "Quote"),
    ("was quoted", "Partial quote"),
    ("reported", "Reported speech"),
    ("denied", "Denial"),
    ("would not confirm or deny", "Would not confirm or deny"),
    ("declined to comment", "Declined to comment"),
    ("claimed", "Unverified claim"),
    ("reportedly", "Unverified — reportedly"),
    ("anonymous source", "Unverified — anonymous source"),
    ("expected", "Unverified — expected"),
    ("unconfirmed", "Unverified — unconfirmed"),
];

/// The row of [`ACTS`] for an annotation's kind and subtype. Unverified subtypes: a report
/// → "reportedly", an unnamed source → "anonymous source", a forecast → "expected", not
/// yet confirmed → "unconfirmed", an allegation or none → "claimed".
fn act(a: &Ann) -> usize {
    match (a.kind, a.subtype) {
        (Kind::Quote, _) if a.partial => 1,
        (Kind::Quote, _) => 0,
        (Kind::Reported, _) => 2,
        (Kind::Denial, Some(Subtype::NonDenial)) => 4,
        (Kind::Denial, Some(Subtype::NoComment)) => 5,
        (Kind::Denial, _) => 3,
        (Kind::Unverified, Some(Subtype::Reported)) => 7,
        (Kind::Unverified, Some(Subtype::Anonymous)) => 8,
        (Kind::Unverified, Some(Subtype::Speculative)) => 9,
        (Kind::Unverified, Some(Subtype::Unconfirmed)) => 10,
        (Kind::Unverified, _) => 6,
    }
}

/// What the source did, for a sidebar entry ("said", "denied").
pub(crate) fn verb(a: &Ann) -> &'static str {
    ACTS.get(act(a)).map_or("", |r| r.0)
}

/// The tooltip's title for an annotation ("Quote", "Unverified — reportedly").
pub(crate) fn title(a: &Ann) -> &'static str {
    ACTS.get(act(a)).map_or("", |r| r.1)
}

/// Source type headings, in sidebar order.
pub(crate) const GROUPS: [(SourceType, &str); 5] = [
    (SourceType::Person, "People"),
    (SourceType::Organization, "Organisations"),
    (SourceType::Outlet, "News outlets"),
    (SourceType::Publication, "Publications"),
    (SourceType::Anonymous, "Unnamed sources"),
];

/// `s` cut to at most `max` characters, with an ellipsis.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            let mut out = s.get(..i).unwrap_or(s).trim_end().to_owned();
            out.push('…');
            out
        }
        None => s.to_owned(),
    }
}
