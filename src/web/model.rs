//! The text model of a page element: its text nodes in document order, read into one string
//! with one offset table, so analysis offsets (UTF-16) map back to DOM positions by binary
//! search, and DOM positions (hit-testing) map to offsets through a node → index `Map`.
//!
//! - `script`, `style`, `noscript`, `template`, form controls, embedded content, `hidden`
//!   elements and the widget's own UI are skipped;
//! - a block boundary or `<br>` reads as one `"\n"` (a paragraph for the analyser), so
//!   `one</p><p>two` never reads `onetwo`; white-space-only nodes between blocks are left out;
//! - outside `<pre>`, line breaks and tabs inside a text node read as spaces (same length),
//!   because the page renders them as spaces;
//! - the page's structure becomes block-role hints for the analyser (`h1`–`h6` and
//!   `role=heading` → headline; `figure`, `figcaption` → caption; `address` and a
//!   `byline`/`author` class or `itemprop` → byline; a `credit` class → credit; `nav`, `aside`,
//!   `footer`, `form`, a `time` that is a line of its own, and the ARIA landmarks `navigation`, `complementary`, `contentinfo`,
//!   `search` → boilerplate), so furniture in the page is left alone as the CLI leaves it in
//!   the same text; the innermost such element decides.

use js_sys::Map;
use wasm_bindgen::{JsCast, JsValue};
use crate::{Block, Role, Span};
use web_sys::{Document, Element, Node, Range, Text};

/// Text nodes and the string they read as.
pub(crate) struct TextModel {
    /// The text handed to the analyser.
    pub(crate) text: String,
    /// The text nodes, in document order.
    pub(crate) nodes: Vec<Text>,
    /// UTF-16 offset of each node's first unit in `text`.
    pub(crate) starts: Vec<u32>,
    /// UTF-16 length of each node.
    pub(crate) lens: Vec<u32>,
    /// Block roles the markup gives parts of `text` (bytes), sorted, not overlapping.
    pub(crate) hints: Vec<Block>,
    index: Map,
}

const SKIP: [&str; 17] = [
    "script", "style", "noscript", "template", "textarea", "select", "option", "input", "button",
    "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
];
const BLOCK: [&str; 37] = [
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "td", "th", "tr",
];

fn skipped(e: &Element, name: &str) -> bool {
    SKIP.contains(&name)
        || e.has_attribute("hidden")
        || e.has_attribute("data-claimlens-sidebar")
        || e.has_attribute("data-claimlens-ui")
        || name == "claim-lens"
}

/// The block role an element gives its text, if any.
fn role_of(e: &Element, name: &str) -> Option<Role> {
    let by_name = match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Role::Headline),
        "figure" | "figcaption" => Some(Role::Caption),
        "address" => Some(Role::Byline),
        // a `time` that is a whole line is a timestamp (one inside a sentence is prose: hints
        // only decide the lines that lie wholly inside them)
        "nav" | "aside" | "footer" | "form" | "time" => Some(Role::Boilerplate),
        _ => None,
    };
    if by_name.is_some() {
        return by_name;
    }
    if let Some(r) = e.get_attribute("role") {
        match r.as_str() {
            "heading" => return Some(Role::Headline),
            "navigation" | "complementary" | "contentinfo" | "search" => return Some(Role::Boilerplate),
            _ => {}
        }
    }
    let mut hint = e.get_attribute("itemprop").unwrap_or_default();
    if let Some(c) = e.get_attribute("class") {
        hint.push(' ');
        hint.push_str(&c);
    }
    if hint.len() > 2 {
        let h = hint.to_ascii_lowercase();
        if crate::vocab::find_str(&h, "byline").is_some() || crate::vocab::find_str(&h, "author").is_some() {
            return Some(Role::Byline);
        }
        if crate::vocab::find_str(&h, "credit").is_some() {
            return Some(Role::Credit);
        }
        if crate::vocab::find_str(&h, "caption").is_some() {
            return Some(Role::Caption);
        }
    }
    None
}

struct Walk {
    /// Roles of the elements the walk is inside, innermost last.
    roles: Vec<Role>,
    hints: Vec<Block>,
    text: String,
    nodes: Vec<Text>,
    starts: Vec<u32>,
    lens: Vec<u32>,
    len16: u32,
    brk: bool,
    pre: u32,
    /// The text went over [`super::MAX_INPUT_BYTES`]; the walk stops.
    over: bool,
}

impl Walk {
    fn text_node(&mut self, node: Node) {
        let t: Text = node.unchecked_into();
        // UTF-16 units never outnumber UTF-8 bytes: a node too long in units is too long in
        // bytes, and is rejected before its text is copied into wasm memory
        if self.len16 as usize + t.length() as usize > super::MAX_INPUT_BYTES {
            self.over = true;
            return;
        }
        let data = t.data();
        if data.is_empty() {
            return;
        }
        if self.brk {
            if data.chars().all(char::is_whitespace) {
                return;
            }
            if !self.text.is_empty() {
                self.text.push('\n');
                self.len16 += 1;
            }
            self.brk = false;
        }
        let start = self.len16;
        let byte_start = self.text.len();
        let mut n16 = 0u32;
        for c in data.chars() {
            n16 += c.len_utf16() as u32;
            match c {
                '\n' | '\r' | '\t' | '\u{c}' if self.pre == 0 => self.text.push(' '),
                c => self.text.push(c),
            }
        }
        self.len16 += n16;
        if let Some(&role) = self.roles.last() {
            let end = self.text.len();
            match self.hints.last_mut() {
                // one run per element: text nodes inside it, and the line breaks between them
                Some(h) if h.role == role && self.text.get(h.span.end..byte_start).is_some_and(|g| g.trim().is_empty()) => h.span.end = end,
                _ => self.hints.push(Block { span: Span::new(byte_start, end), role }),
            }
        }
        self.over = self.text.len() > super::MAX_INPUT_BYTES;
        self.nodes.push(t);
        self.starts.push(start);
        self.lens.push(n16);
    }

    fn children(&mut self, parent: &Node) {
        let mut child = parent.first_child();
        while let (Some(c), false) = (child, self.over) {
            let next = c.next_sibling();
            match c.node_type() {
                Node::TEXT_NODE => self.text_node(c),
                Node::ELEMENT_NODE => {
                    let e: &Element = c.unchecked_ref();
                    let name = e.local_name();
                    if name == "br" {
                        self.brk = true;
                    } else if !skipped(e, &name) {
                        let block = BLOCK.contains(&name.as_str());
                        let pre = name == "pre";
                        let role = role_of(e, &name);
                        self.brk |= block;
                        self.pre += pre as u32;
                        if let Some(r) = role {
                            self.roles.push(r);
                            // a new element starts a new run
                            self.hints.push(Block { span: Span::new(usize::MAX, usize::MAX), role: r });
                        }
                        self.children(&c);
                        if role.is_some() {
                            self.roles.pop();
                            if let Some(&r) = self.roles.last() {
                                self.hints.push(Block { span: Span::new(usize::MAX, usize::MAX), role: r });
                            }
                        }
                        self.pre -= pre as u32;
                        self.brk |= block;
                    }
                }
                _ => {}
            }
            child = next;
        }
    }
}

impl TextModel {
    /// Reads the text of `root`.
    ///
    /// # Errors
    /// A `RangeError` when the text is over [`super::MAX_INPUT_BYTES`] bytes of UTF-8 (read no
    /// further than the limit).
    pub(crate) fn read(root: &Element) -> Result<TextModel, JsValue> {
        let mut w = Walk {
            roles: Vec::new(),
            hints: Vec::new(),
            text: String::new(),
            nodes: Vec::new(),
            starts: Vec::new(),
            lens: Vec::new(),
            len16: 0,
            brk: true,
            pre: 0,
            over: false,
        };
        w.children(root);
        // the placeholders that only separated runs go
        w.hints.retain(|h| h.span.start != usize::MAX);
        if w.over {
            return Err(super::too_large("claimlens.mount: the article's text"));
        }
        let mut m = TextModel { text: w.text, nodes: w.nodes, starts: w.starts, lens: w.lens, hints: w.hints, index: Map::new() };
        m.reindex();
        Ok(m)
    }

    /// No text.
    pub(crate) fn empty() -> TextModel {
        TextModel { text: String::new(), nodes: Vec::new(), starts: Vec::new(), lens: Vec::new(), hints: Vec::new(), index: Map::new() }
    }

    /// Replaces the node table (after `<mark>` wrapping split nodes); `text` is unchanged.
    pub(crate) fn replace(&mut self, nodes: Vec<Text>, starts: Vec<u32>, lens: Vec<u32>) {
        self.nodes = nodes;
        self.starts = starts;
        self.lens = lens;
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index = Map::new();
        for (i, n) in self.nodes.iter().enumerate() {
            self.index.set(n, &JsValue::from_f64(i as f64));
        }
    }

    /// The DOM position where a span starting at UTF-16 offset `o` starts: inside the node
    /// holding `o`, or at the start of the next node when `o` falls on a separator.
    pub(crate) fn start_pos(&self, o: u32) -> Option<(usize, u32)> {
        let i = partition(&self.starts, &self.lens, |s, l| s + l <= o);
        let s = *self.starts.get(i)?;
        Some((i, o.saturating_sub(s)))
    }

    /// The DOM position where a span ending at UTF-16 offset `o` ends: inside the last node
    /// starting before `o`, clamped to its end when `o` falls on a separator.
    pub(crate) fn end_pos(&self, o: u32) -> Option<(usize, u32)> {
        let i = partition(&self.starts, &self.lens, |s, _| s < o).checked_sub(1)?;
        let (s, l) = (*self.starts.get(i)?, *self.lens.get(i)?);
        Some((i, (o - s).min(l)))
    }

    /// The DOM positions of UTF-16 offsets `start..end` of the text (start node and offset,
    /// end node and offset), crossing any number of elements; `None` for an empty span.
    pub(crate) fn bounds(&self, start: u32, end: u32) -> Option<(&Text, u32, &Text, u32)> {
        let ((a, ao), (b, bo)) = (self.start_pos(start)?, self.end_pos(end)?);
        if a > b || (a == b && ao >= bo) {
            return None;
        }
        Some((self.nodes.get(a)?, ao, self.nodes.get(b)?, bo))
    }

    /// A live `Range` over UTF-16 offsets `start..end` of the text; `None` for an empty span.
    pub(crate) fn range(&self, doc: &Document, start: u32, end: u32) -> Result<Option<Range>, JsValue> {
        let Some((na, ao, nb, bo)) = self.bounds(start, end) else { return Ok(None) };
        let r = doc.create_range()?;
        r.set_start(na, ao)?;
        r.set_end(nb, bo)?;
        Ok(Some(r))
    }

    /// The text offset of a DOM position (a caret inside one of the model's text nodes).
    pub(crate) fn offset_of(&self, node: &Node, off: u32) -> Option<u32> {
        let i = self.index.get(node).as_f64()? as usize;
        Some(self.starts.get(i)? + off.min(*self.lens.get(i)?))
    }
}

/// The first index where `pred(start, len)` is false (the predicate is monotone).
fn partition(starts: &[u32], lens: &[u32], pred: impl Fn(u32, u32) -> bool) -> usize {
    let (mut lo, mut hi) = (0usize, starts.len().min(lens.len()));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(starts[mid], lens[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
