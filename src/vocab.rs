//! The shared vocabulary of the pipeline: what an annotation is ([`Kind`], [`Subtype`]), what a
//! source is ([`SourceType`]), the crate's one sort routine, and the small string helpers
//! (`join`, `find_str`, `ends_ci`) that stand in for generic standard-library code the
//! WebAssembly module would otherwise carry. A leaf: it imports nothing
//! from the crate, and every layer may use it. Strings for these appear only at the edges
//! (JSON, the DOM), through `as_str`.

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A direct quotation, its quote marks included.
    Quote,
    /// A denial, non-denial or refusal to comment.
    Denial,
    /// A claim the article does not establish itself.
    Unverified,
    /// Indirect (reported) speech: what a source said, without quote marks.
    Reported,
}

impl Kind {
    /// The name used in JSON and in the page (`quote`, `denial`, `unverified`, `reported`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Denial => "denial",
            Kind::Unverified => "unverified",
            Kind::Reported => "reported",
        }
    }
}

/// What kind of source a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceType {
    /// A person.
    Person,
    /// A news outlet.
    Outlet,
    /// An organisation, government body or company.
    Organization,
    /// A book, film, report or other work.
    Publication,
    /// An unnamed source (`people familiar with the matter`).
    Anonymous,
}

impl SourceType {
    /// The name used in JSON (`person`, `outlet`, `organization`, `publication`, `anonymous`).
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Outlet => "outlet",
            SourceType::Organization => "organization",
            SourceType::Publication => "publication",
            SourceType::Anonymous => "anonymous",
        }
    }
}

/// The subtype of an annotation: which act of denial, or why a claim is unverified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subtype {
    /// A denial proper (`denied`, `rejected the claim`, `"That is false"`).
    Denial,
    /// Neither confirmed nor denied (`would neither confirm nor deny`).
    NonDenial,
    /// A refusal to comment (`declined to comment`, `did not respond`).
    NoComment,
    /// A claim resting on a report (`reportedly`, `according to`, `X reported`).
    Reported,
    /// A claim resting on an unnamed source (`people familiar with the matter`).
    Anonymous,
    /// An allegation or a disputed claim (`alleged`, `claims that`).
    Contested,
    /// A forecast or a guess (`could`, `is expected to`, `may`).
    Speculative,
    /// Stated as not yet confirmed (`unconfirmed`, `could not be verified`).
    Unconfirmed,
}

impl Subtype {
    /// The name used in JSON and in the page (`denial`, `non_denial`, `no_comment`,
    /// `reported`, `anonymous`, `contested`, `speculative`, `unconfirmed`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Subtype::Denial => "denial",
            Subtype::NonDenial => "non_denial",
            Subtype::NoComment => "no_comment",
            Subtype::Reported => "reported",
            Subtype::Anonymous => "anonymous",
            Subtype::Contested => "contested",
            Subtype::Speculative => "speculative",
            Subtype::Unconfirmed => "unconfirmed",
        }
    }

    /// The kind of annotation this subtype belongs to.
    pub const fn kind(self) -> Kind {
        match self {
            Subtype::Denial | Subtype::NonDenial | Subtype::NoComment => Kind::Denial,
            _ => Kind::Unverified,
        }
    }
}

/// `parts` joined by `sep`. One small loop for every caller: std's `join` and `concat` on
/// string slices bring the WebAssembly module an 840-byte generic copy routine.
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + sep.len()).sum());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

/// Where `needle` first occurs in `hay`, in bytes: a plain search. The standard library's
/// two-way searcher behind `find`, `contains` and `split_once` with a string pattern is 2.4 KB
/// of the module, and every such search here is of a short text (a phrase, a class name).
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..].starts_with(n))
}

/// True when `w` ends with `suffix` (written in lower case) in any ASCII case: the test of a
/// word's ending with no lowered copy of it.
pub(crate) fn ends_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len() && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Sorts `v` by `cmp`, keeping the order of equal elements (a stable sort). One small merge
/// sort for every caller: each `sort_by` closure type brings the WebAssembly module its own
/// few-kilobyte copy of the standard sort.
pub(crate) fn sort_indices(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    let n = v.len();
    let mut a = v.to_vec();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            // runs already in order (the findings come in text order, detector by detector)
            // are copied: the merge would take the whole left run first
            if mid < hi && cmp(a[mid], a[mid - 1]) != std::cmp::Ordering::Less {
                b[lo..hi].copy_from_slice(&a[lo..hi]);
                lo = hi;
                continue;
            }
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // the left run wins ties, which keeps the sort stable
                let left = j >= hi || (i < mid && cmp(a[j], a[i]) != std::cmp::Ordering::Less);
                *slot = if left { i += 1; a[i - 1] } else { j += 1; a[j - 1] };
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    v.copy_from_slice(&a);
}

/// Sorts `v` by `key`, stably, with [`sort_indices`] (one sort routine in the whole module).
pub(crate) fn sort_indices_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(&key).collect();
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::sort_indices;

    #[test]
    fn find_str_is_std_find() {
        for hay in ["", "a", "the spokesman for the department", "aab", "abab", "ab a", "José for José", "for"] {
            for needle in ["", "a", "ab", " for ", "for", "José", "é f", "b a", "xyz"] {
                assert_eq!(super::find_str(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn join_is_std_join() {
        for parts in [&[][..], &["a"], &["a", "b"], &["", "x", ""], &["Bank", "of", "England"]] {
            for sep in ["", " ", ", "] {
                assert_eq!(super::join(parts, sep), parts.join(sep), "{parts:?} {sep:?}");
            }
        }
    }

    #[test]
    fn sort_indices_is_a_stable_sort() {
        let mut seed = 7u32;
        for n in [0, 1, 2, 3, 5, 8, 13, 100, 1000] {
            let keys: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 7
                })
                .collect();
            let mut v: Vec<usize> = (0..n).rev().collect();
            let mut want = v.clone();
            want.sort_by_key(|&i| keys[i]);
            sort_indices(&mut v, &|a, b| keys[a].cmp(&keys[b]));
            assert_eq!(v, want, "n = {n}");
            // sorted already, and two sorted runs (where merges are skipped as in order)
            sort_indices(&mut v, &|a, b| keys[a].cmp(&keys[b]));
            assert_eq!(v, want, "n = {n}, sorted");
            let mut runs: Vec<usize> = want.iter().copied().filter(|i| i % 2 == 0).chain(want.iter().copied().filter(|i| i % 2 == 1)).collect();
            sort_indices(&mut runs, &|a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            let mut by_key_then_index = want.clone();
            by_key_then_index.sort_by_key(|&i| (keys[i], i));
            assert_eq!(runs, by_key_then_index, "n = {n}, runs");
        }
    }
}
