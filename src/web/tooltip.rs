//! The tooltip shown on hover of a highlight, or on focus of a sidebar entry: what it is in
//! plain words (`ann::title`), cue, who, via, and what disputes it. One host element
//! (`data-claimlens-ui="tooltip"`, open shadow root) appended to `<body>`, positioned in
//! document coordinates.

use super::ann::{excerpt, title, View};
use super::dom::{add, adopt, el, shadow};
use super::style::tooltip_css;
use crate::Kind;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DomRect, Element, HtmlElement};

/// The tooltip on the page; removed on drop.
pub(crate) struct Tooltip {
    host: HtmlElement,
    tip: Element,
    /// Indices (into the view's annotations) shown now; empty when hidden.
    pub(crate) shown: Vec<usize>,
}

impl Tooltip {
    pub(crate) fn new(doc: &Document, theme: &str) -> Result<Tooltip, JsValue> {
        // unchecked: an element of another window is not an instance of this one's HTMLElement
        let host: HtmlElement = el(doc, "div", &[("data-claimlens-ui", "tooltip"), ("data-theme", theme)], None)?.unchecked_into();
        let st = host.style();
        for (k, v) in [("position", "absolute"), ("z-index", "2147483000"), ("top", "0"), ("left", "0"), ("display", "none")] {
            st.set_property(k, v)?;
        }
        let root = shadow(&host)?;
        adopt(doc, root.as_ref(), root.as_ref(), &tooltip_css())?;
        let tip = el(doc, "div", &[("class", "tip"), ("role", "tooltip"), ("id", "claimlens-tip")], None)?;
        add(&root, &tip)?;
        let body = doc.body().ok_or_else(|| JsValue::from_str("claimlens: the document has no body"))?;
        add(&body, &host)?;
        Ok(Tooltip { host, tip, shown: Vec::new() })
    }

    /// Shows the annotations `items` (indices into `view.anns`) under `rect` (viewport).
    pub(crate) fn show(&mut self, doc: &Document, view: &View, items: &[usize], rect: &DomRect) -> Result<(), JsValue> {
        if items.is_empty() {
            self.hide();
            return Ok(());
        }
        if self.shown != items {
            self.tip.set_text_content(None);
            for &i in items {
                let Some(a) = view.anns.get(i) else { continue };
                let item = el(doc, "div", &[("class", "item")], None)?;
                let head = el(doc, "div", &[("class", "head")], None)?;
                let mut sw_class = String::from("sw sw-");
                sw_class.push_str(a.kind.as_str());
                add(&head, &el(doc, "span", &[("class", &sw_class), ("aria-hidden", "true")], None)?)?;
                head.append_with_str_1(title(a))?;
                add(&item, &head)?;
                let dl = el(doc, "dl", &[], None)?;
                let row = |k: &str, v: &str| -> Result<(), JsValue> {
                    add(&dl, &el(doc, "dt", &[], Some(k))?)?;
                    add(&dl, &el(doc, "dd", &[], Some(v))?)
                };
                if let Some(w) = view.who(a) {
                    row(if a.kind == Kind::Quote { "Said by" } else { "Source" }, w)?;
                }
                if let Some(c) = &a.cue {
                    let mut cue = String::from("“");
                    cue.push_str(&excerpt(c, 60));
                    cue.push('”');
                    row("Cue", &cue)?;
                }
                if !a.via.is_empty() {
                    let mut via = String::new();
                    for v in &a.via {
                        if !via.is_empty() {
                            via.push_str(", ");
                        }
                        via.push_str(v);
                    }
                    row("Via", &via)?;
                }
                for (label, ids) in [("Disputed by", &a.disputed_by), ("Disputes", &a.denies)] {
                    for &d in ids {
                        if let Some(o) = view.get(d) {
                            let mut t = view.who(o).unwrap_or_default().to_owned();
                            if !t.is_empty() {
                                t.push_str(": ");
                            }
                            t.push_str(&excerpt(&o.text, 80));
                            row(label, &t)?;
                        }
                    }
                }
                if dl.first_child().is_some() {
                    add(&item, &dl)?;
                }
                add(&self.tip, &item)?;
            }
            self.shown = items.to_vec();
        }
        let win = doc.default_view().ok_or_else(|| JsValue::from_str("claimlens: no window"))?;
        let (sx, sy) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
        let vw = win.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
        let left = rect.left().min(vw - 360.0).max(4.0) + sx;
        let top = rect.bottom() + 6.0 + sy;
        let st = self.host.style();
        for (prop, v) in [("left", left), ("top", top)] {
            let mut px = String::new();
            crate::decimal::push(&mut px, v as i64);
            px.push_str("px");
            st.set_property(prop, &px)?;
        }
        st.set_property("display", "block")?;
        Ok(())
    }

    pub(crate) fn hide(&mut self) {
        if !self.shown.is_empty() {
            let _ = self.host.style().set_property("display", "none");
            self.shown.clear();
        }
    }
}

/// Dropping the tooltip removes its host element from the page.
impl Drop for Tooltip {
    fn drop(&mut self) {
        self.host.remove();
    }
}
