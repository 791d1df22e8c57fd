//! Painting highlights, in two tiers:
//!
//! 1. the CSS Custom Highlight API: one `Highlight` per kind and nesting depth in the
//!    `CSS.highlights` of the article's window (`claimlens-quote`, and `claimlens-quote-1`,
//!    `claimlens-quote-2` for a quote inside one or more other spans), shared by every article
//!    mounted there, holding `StaticRange`s; the DOM is not touched;
//! 2. `<mark data-claimlens-kind>` wrapping, which records every text node it split and every
//!    mark it made, and undoes exactly that (no `normalize()`).
//!
//! In both tiers a span nested inside another paints above it, whatever their kinds (a quote
//! inside a denial keeps its own colour inside the denial's): in tier 1 a deeper highlight has
//! a higher `priority`, in tier 2 the shorter span's mark is the inner one.

use super::ann::{PerKind, View};
use super::dom::{call, get, HighlightApi};
use super::model::TextModel;
use super::style::PRIORITY;
use crate::Kind;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node, Range, Text};

/// What one paint did, so it can be undone.
#[derive(Default)]
pub(crate) struct Painted {
    /// Tier 1: ranges added (`StaticRange`s), with their kind and nesting depth.
    ranges: Vec<(Kind, usize, JsValue)>,
    /// Tier 2: marks made (with their annotation id), innermost first.
    marks: Vec<(Element, usize)>,
    /// Tier 2: text nodes split, with the pieces split off them, in order.
    splits: Vec<(Text, Vec<Text>)>,
}

/// Nesting depths with a highlight of their own (deeper spans share the last).
const DEPTHS: usize = 3;

/// `claimlens-<kind>`, or `claimlens-<kind>-<depth>` for a nested span.
fn highlight_name(kind: Kind, depth: usize) -> String {
    let mut s = String::from("claimlens-");
    s.push_str(kind.as_str());
    if depth > 0 {
        s.push('-');
        s.push(char::from(b'0' + depth.min(DEPTHS - 1) as u8));
    }
    s
}

/// How many other shown spans strictly contain the span of annotation `i` (capped).
fn depth(view: &View, i: usize, shown: &PerKind<bool>) -> usize {
    let Some(a) = view.anns.get(i) else { return 0 };
    let len = a.end - a.start;
    let outer = view
        .covering(a.start, shown)
        .into_iter()
        .filter(|&j| view.anns.get(j).is_some_and(|b| b.end >= a.end && b.end - b.start > len))
        .count();
    outer.min(DEPTHS - 1)
}

/// The registry's highlight `name`, created (with `priority`) when missing.
fn highlight(api: &HighlightApi, name: &str, priority: i32) -> Result<JsValue, JsValue> {
    let key = JsValue::from_str(name);
    let h = call(&api.registry, "get", &[&key])?;
    if !h.is_undefined() {
        return Ok(h);
    }
    let h = js_sys::Reflect::construct(&api.ctor, &js_sys::Array::new())?;
    js_sys::Reflect::set(&h, &JsValue::from_str("priority"), &JsValue::from(priority))?;
    call(&api.registry, "set", &[&key, &h])?;
    Ok(h)
}

/// Removes `range` from highlight `name`, and the highlight from the registry once empty.
fn unhighlight(api: &HighlightApi, name: &str, range: &JsValue) {
    let registry = &api.registry;
    let key = JsValue::from_str(name);
    let Ok(h) = call(registry, "get", &[&key]) else { return };
    if h.is_undefined() {
        return;
    }
    let _ = call(&h, "delete", &[range]);
    if get(&h, "size").as_f64() == Some(0.0) {
        let _ = call(registry, "delete", &[&key]);
    }
}

/// Tier 1: adds a range per shown annotation to its kind's highlight.
///
/// The ranges are `StaticRange`s. The browser updates every live `Range` of a document on
/// every change to that document's nodes, until the Range is collected: with the highlights
/// of a 100 KB article held live, 20,000 small DOM changes elsewhere on the page took 646 ms
/// instead of 49 (Chromium). A change to the article itself is re-analysed and repainted
/// anyway. Each is made from one scratch live `Range` moved to the span (a `StaticRange` reads
/// its four fields from any object), so a range still costs three calls into the page.
pub(crate) fn paint_highlights(
    api: &HighlightApi,
    doc: &Document,
    model: &TextModel,
    view: &View,
    shown: &PerKind<bool>,
    p: &mut Painted,
) -> Result<(), JsValue> {
    let mut hs: [PerKind<Option<JsValue>>; DEPTHS] = Default::default();
    let scratch = doc.create_range()?;
    let args = js_sys::Array::of1(&scratch);
    for (i, a) in view.anns.iter().enumerate() {
        if !shown[a.kind] {
            continue;
        }
        let Some((na, ao, nb, bo)) = model.bounds(a.start, a.end) else { continue };
        // start first: a start past the old end collapses the range there, and the end follows
        scratch.set_start(na, ao)?;
        scratch.set_end(nb, bo)?;
        let r = js_sys::Reflect::construct(&api.static_range, &args)?;
        let d = depth(view, i, shown);
        let Some(slot) = hs.get_mut(d).map(|h| &mut h[a.kind]) else { continue };
        if slot.is_none() {
            // a deeper span outranks every kind one level up
            let priority = PRIORITY[a.kind] + 4 * d as i32;
            *slot = Some(highlight(api, &highlight_name(a.kind, d), priority)?);
        }
        if let Some(h) = slot {
            call(h, "add", &[&r])?;
            p.ranges.push((a.kind, d, r));
        }
    }
    Ok(())
}

/// Text nodes longer than this (UTF-16 units) are cut by [`split_long`]: each `splitText`
/// copies the text it leaves behind, so thousands of cuts in one long paragraph took seconds.
const LONG_NODE: u32 = 4096;

/// Cuts `node` (starting at model offset `s`) at `cuts` in one pass: its text is read once,
/// the pieces after the first are new text nodes inserted after it, and the node keeps the
/// first piece. The result is what `splitText` at each cut makes.
fn split_long(doc: &Document, node: &Text, s: u32, cuts: &[u32], pieces: &mut Vec<Text>) -> Result<(), JsValue> {
    let data = node.data();
    // the cuts are UTF-16 offsets into the node: find their bytes in one walk
    let mut bytes = Vec::with_capacity(cuts.len());
    let (mut units, mut next) = (0u32, 0);
    for (b, ch) in data.char_indices() {
        while next < cuts.len() && cuts[next] - s <= units {
            bytes.push(b);
            next += 1;
        }
        units += ch.len_utf16() as u32;
    }
    while next < cuts.len() {
        bytes.push(data.len());
        next += 1;
    }
    let parent = node.parent_node();
    let after = node.next_sibling();
    for (k, &b) in bytes.iter().enumerate() {
        let end = bytes.get(k + 1).copied().unwrap_or(data.len());
        let piece = doc.create_text_node(data.get(b..end).unwrap_or(""));
        if let Some(p) = &parent {
            p.insert_before(&piece, after.as_ref())?;
        }
        pieces.push(piece);
    }
    node.set_data(data.get(..bytes.first().copied().unwrap_or(data.len())).unwrap_or(""));
    Ok(())
}

/// Tier 2: wraps every shown annotation's text in `<mark>`s, splitting text nodes at span
/// boundaries; the model's node table is replaced by the pieces.
pub(crate) fn paint_marks(
    doc: &Document,
    model: &mut TextModel,
    view: &View,
    shown: &PerKind<bool>,
    p: &mut Painted,
) -> Result<(), JsValue> {
    let sel: Vec<usize> = (0..view.anns.len())
        .filter(|&i| {
            let a = &view.anns[i];
            a.start < a.end && shown[a.kind]
        })
        .collect();
    let mut all: Vec<usize> = sel.iter().flat_map(|&i| [view.anns[i].start as usize, view.anns[i].end as usize]).collect();
    crate::vocab::sort_indices(&mut all, &|a, b| a.cmp(&b));
    all.dedup();
    let bounds: Vec<u32> = all.into_iter().map(|b| b as u32).collect();

    // split text nodes at every boundary inside them
    let (mut nodes, mut starts, mut lens) = (Vec::new(), Vec::new(), Vec::new());
    for ((node, &s), &l) in model.nodes.iter().zip(&model.starts).zip(&model.lens) {
        let e = s + l;
        let a = bounds.partition_point(|&b| b <= s);
        let b = bounds.partition_point(|&b| b < e);
        let cuts = bounds.get(a..b.max(a)).unwrap_or(&[]);
        if cuts.is_empty() {
            nodes.push(node.clone());
            starts.push(s);
            lens.push(l);
            continue;
        }
        p.splits.push((node.clone(), Vec::with_capacity(cuts.len())));
        let Some((_, pieces)) = p.splits.last_mut() else { continue };
        if l > LONG_NODE && cuts.len() > 4 {
            split_long(doc, node, s, cuts, pieces)?;
        } else {
            // from the end, so each split leaves the earlier cuts where they were
            for &c in cuts.iter().rev() {
                pieces.push(node.split_text(c - s)?);
            }
            pieces.reverse();
        }
        let mut at = s;
        nodes.push(node.clone());
        for (piece, &c) in pieces.iter().zip(cuts) {
            starts.push(at);
            lens.push(c - at);
            nodes.push(piece.clone());
            at = c;
        }
        starts.push(at);
        lens.push(e - at);
    }

    // wrap each piece in one mark per annotation covering it: the shortest span innermost
    // (a quote inside a denial is inside its mark), the higher priority for equal spans
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for ((node, &s), &l) in nodes.iter().zip(&starts).zip(&lens) {
        while next < sel.len() && view.anns[sel[next]].start <= s {
            active.push(sel[next]);
            next += 1;
        }
        active.retain(|&i| view.anns[i].end > s);
        if l == 0 || active.is_empty() {
            continue;
        }
        let mut cover: Vec<usize> = active.iter().copied().filter(|&i| view.anns[i].end >= s + l).collect();
        let key = |i: usize| {
            let a = &view.anns[i];
            (a.end - a.start, -PRIORITY[a.kind])
        };
        crate::vocab::sort_indices(&mut cover, &|a, b| key(a).cmp(&key(b)));
        let mut inner: Node = node.clone().into();
        for i in cover {
            let a = &view.anns[i];
            let Some(parent) = inner.parent_node() else { break };
            let mark = doc.create_element("mark")?;
            mark.set_attribute("data-claimlens-kind", a.kind.as_str())?;
            mark.set_attribute("data-claimlens-id", &crate::decimal::string(a.id))?;
            parent.insert_before(&mark, Some(&inner))?;
            mark.append_child(&inner)?;
            p.marks.push((mark.clone(), a.id));
            inner = mark.into();
        }
    }
    model.replace(nodes, starts, lens);
    Ok(())
}

impl Painted {
    /// Undoes the paint: removes its ranges, unwraps its marks still in the DOM and joins the
    /// pieces of each split node that are still adjacent. Changes the page made meanwhile are
    /// kept.
    pub(crate) fn undo(&mut self, api: Option<&HighlightApi>) {
        let ranges = std::mem::take(&mut self.ranges);
        if let Some(api) = api {
            for (k, d, r) in ranges {
                unhighlight(api, &highlight_name(k, d), &r);
            }
        }
        for (mark, _) in std::mem::take(&mut self.marks) {
            let Some(parent) = mark.parent_node() else { continue };
            while let Some(c) = mark.first_child() {
                if parent.insert_before(&c, Some(&mark)).is_err() {
                    break;
                }
            }
            let _ = parent.remove_child(&mark);
        }
        for (orig, pieces) in std::mem::take(&mut self.splits) {
            // the pieces still next to each other after the original, joined back with one
            // append (one append per piece copied the growing text each time: quadratic on a
            // long paragraph)
            let mut joined = String::new();
            let mut n = 0;
            let mut prev: Node = orig.clone().into();
            for piece in &pieces {
                if !piece.previous_sibling().is_some_and(|p| p.is_same_node(Some(&prev))) {
                    break;
                }
                joined.push_str(&piece.data());
                prev = piece.clone().into();
                n += 1;
            }
            if n > 0 && orig.append_data(&joined).is_ok() {
                for piece in &pieces[..n] {
                    piece.remove();
                }
            }
        }
    }

    /// Marks (tier 2) or returns the range to mark (tier 1) for annotation `id`.
    pub(crate) fn set_active(&self, id: Option<usize>) {
        for (m, mid) in &self.marks {
            if Some(*mid) == id {
                let _ = m.set_attribute("data-claimlens-active", "");
            } else if m.has_attribute("data-claimlens-active") {
                let _ = m.remove_attribute("data-claimlens-active");
            }
        }
    }

}

/// Everything painted on the page for one mount, with the highlight API it went to (`None`
/// in the `<mark>` tier): the highlights or marks, and the focus highlight. Undone on drop.
pub(crate) struct Paint {
    /// The highlight API of the article's window (tier 1); `None` in the `<mark>` tier.
    pub(crate) hl: Option<HighlightApi>,
    pub(crate) done: Painted,
    pub(crate) focus: Focus,
}

impl Paint {
    pub(crate) fn new(hl: Option<HighlightApi>) -> Paint {
        Paint { hl, done: Painted::default(), focus: Focus(None) }
    }

    /// Clears the focus highlight and undoes the paint (see [`Painted::undo`]).
    pub(crate) fn undo(&mut self) {
        self.focus.clear(self.hl.as_ref());
        self.done.undo(self.hl.as_ref());
    }
}

impl Drop for Paint {
    fn drop(&mut self) {
        self.undo();
    }
}

/// The focus highlight (tier 1): one range at a time.
pub(crate) struct Focus(Option<Range>);

impl Focus {
    pub(crate) fn set(&mut self, api: &HighlightApi, r: Option<Range>) {
        self.clear(Some(api));
        if let Some(r) = r {
            // above every kind at every depth
            if let Ok(h) = highlight(api, "claimlens-focus", 20) {
                if call(&h, "add", &[&r]).is_ok() {
                    self.0 = Some(r);
                }
            }
        }
    }
    pub(crate) fn clear(&mut self, api: Option<&HighlightApi>) {
        if let (Some(r), Some(api)) = (self.0.take(), api) {
            unhighlight(api, "claimlens-focus", r.as_ref());
        }
    }
}
