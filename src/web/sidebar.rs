//! The sources sidebar: a host element (`data-claimlens-sidebar`, open shadow root) with a
//! legend of per-kind toggles, the sources grouped by type (each a `<details>` listing what
//! that source said, denied or claimed) and an `aria-live` region. Built with
//! `createElement`/`textContent` only; keyboard operable through native buttons and
//! `<details>`.

use super::ann::{excerpt, verb, PerKind, View, GROUPS, KINDS};
use super::dom::{add, adopt, el, shadow};
use super::options::{self, Theme};
use super::style::{sidebar_css, LABELS};
use crate::Kind;
use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, ShadowRoot};

/// The sidebar on the page; removed on drop.
pub(crate) struct Sidebar {
    host: Element,
    pub(crate) root: ShadowRoot,
    body: Element,
    live: Element,
}

impl Sidebar {
    /// Creates the host where `place` says; `None` for `sidebar: false`.
    pub(crate) fn new(
        doc: &Document,
        article: &Element,
        place: &options::Sidebar,
        theme: Theme,
    ) -> Result<Option<Sidebar>, JsValue> {
        let host = el(doc, "div", &[("data-claimlens-sidebar", ""), ("data-theme", theme.as_str())], None)?;
        match place {
            options::Sidebar::None => return Ok(None),
            options::Sidebar::After => article.after_with_node_1(&host)?,
            options::Sidebar::In(parent) => add(parent, &host)?,
        }
        let root = shadow(&host)?;
        adopt(doc, root.as_ref(), root.as_ref(), &sidebar_css())?;
        let panel = el(doc, "section", &[("class", "panel"), ("aria-labelledby", "cl-h")], None)?;
        let body = el(doc, "div", &[], None)?;
        let live = el(doc, "div", &[("class", "sr"), ("role", "status"), ("aria-live", "polite")], None)?;
        add(&panel, &body)?;
        add(&panel, &live)?;
        add(&root, &panel)?;
        Ok(Some(Sidebar { host, root, body, live }))
    }

    /// Rebuilds the content for `view`; `kinds` are the mounted kinds, `shown` the toggled-on.
    pub(crate) fn render(&self, doc: &Document, view: &View, kinds: &PerKind<bool>, shown: &PerKind<bool>) -> Result<(), JsValue> {
        let b = &self.body;
        b.set_text_content(None);
        let counts = view.counts();
        let total: usize = KINDS.into_iter().filter(|&k| kinds[k]).map(|k| counts[k]).sum();
        // the count is of sources with a statement; those only mentioned are listed, not counted
        let said = view.statements(kinds);
        let n_src = said.iter().filter(|&&n| n > 0).count();
        add(b, &el(doc, "h2", &[("id", "cl-h")], Some(&counted("Sources", n_src)))?)?;
        let mut sum = total.to_string();
        sum.push_str(if total == 1 { " highlight from " } else { " highlights from " });
        sum.push_str(&n_src.to_string());
        sum.push_str(if n_src == 1 { " source" } else { " sources" });
        let mentioned = said.len() - n_src;
        if mentioned > 0 {
            sum.push_str(" · ");
            sum.push_str(&mentioned.to_string());
            sum.push_str(" more mentioned");
        }
        add(b, &el(doc, "p", &[("class", "sum")], Some(&sum))?)?;

        let legend = el(doc, "div", &[("class", "legend"), ("role", "group"), ("aria-label", "Highlight kinds")], None)?;
        for k in KINDS.into_iter().filter(|&k| kinds[k]) {
            let pressed = if shown[k] { "true" } else { "false" };
            let btn = el(doc, "button", &[("type", "button"), ("data-kind", k.as_str()), ("aria-pressed", pressed)], None)?;
            let mut sw = String::from("sw sw-");
            sw.push_str(k.as_str());
            add(&btn, &el(doc, "span", &[("class", &sw), ("aria-hidden", "true")], Some("Aa"))?)?;
            btn.append_with_str_1(&counted(LABELS[k], counts[k]))?;
            add(&legend, &btn)?;
        }
        add(b, &legend)?;

        // one entry, `<li><button class="entry k-…" data-claimlens-entry=…><span class="verb">…</span>…`,
        // cloned from a prototype per kind and verb: five calls into the DOM instead of twelve
        let protos: RefCell<Vec<(Kind, &str, Element)>> = RefCell::new(Vec::new());
        let entry = |a: &super::ann::Ann| -> Result<Node, JsValue> {
            let v = verb(a);
            let found = protos.borrow().iter().find(|p| p.0 == a.kind && p.1 == v).map(|p| p.2.clone());
            let proto = match found {
                Some(p) => p,
                None => {
                    let li = el(doc, "li", &[], None)?;
                    let mut class = String::from("entry k-");
                    class.push_str(a.kind.as_str());
                    let btn = el(doc, "button", &[("type", "button"), ("class", &class)], None)?;
                    add(&btn, &el(doc, "span", &[("class", "verb")], Some(v))?)?;
                    add(&li, &btn)?;
                    protos.borrow_mut().push((a.kind, v, li.clone()));
                    li
                }
            };
            let li = proto.clone_node_with_deep(true)?;
            let btn: Element = li.first_child().ok_or_else(|| super::dom::error("claimlens: sidebar entry"))?.unchecked_into();
            btn.set_attribute("data-claimlens-entry", &a.id.to_string())?;
            btn.append_with_str_1(&excerpt(&a.text, 110))?;
            Ok(li)
        };
        // each source's statements, in text order, gathered in one pass (the last list is of
        // those with no source; `View` keeps only sources that exist)
        let mut by_who: Vec<Vec<usize>> = vec![Vec::new(); view.srcs.len() + 1];
        for (i, a) in view.anns.iter().enumerate().filter(|(_, a)| kinds[a.kind]) {
            if let Some(list) = by_who.get_mut(a.who.unwrap_or(view.srcs.len())) {
                list.push(i);
            }
        }
        let mine = |who: Option<usize>| -> &[usize] { by_who.get(who.unwrap_or(view.srcs.len())).map_or(&[], |v| v.as_slice()) };
        // one source's `<details>`: its name, a badge, what it said
        let details = |name: &str, badge: Option<&str>, who: Option<usize>| -> Result<Element, JsValue> {
            let det = el(doc, "details", &[], None)?;
            let summary = el(doc, "summary", &[], None)?;
            add(&summary, &el(doc, "span", &[("class", "name")], Some(name))?)?;
            if let Some(t) = badge {
                add(&summary, &el(doc, "span", &[("class", "badge")], Some(t))?)?;
            }
            add(&det, &summary)?;
            let entries = el(doc, "ul", &[("class", "entries")], None)?;
            for &i in mine(who) {
                add(&entries, &entry(&view.anns[i])?)?;
            }
            if entries.first_child().is_none() {
                add(&det, &el(doc, "p", &[("class", "none")], Some("Named in the article; no statement attributed."))?)?;
            } else {
                add(&det, &entries)?;
            }
            Ok(det)
        };

        for (ty, heading) in GROUPS {
            let members: Vec<usize> = (0..view.srcs.len()).filter(|&i| view.srcs[i].ty == ty).collect();
            if members.is_empty() {
                continue;
            }
            add(b, &el(doc, "h3", &[], Some(&counted(heading, members.len())))?)?;
            let ul = el(doc, "ul", &[], None)?;
            for i in members {
                let badge = match said.get(i).copied().unwrap_or(0) {
                    0 => "mentioned".to_owned(),
                    1 => "1 statement".to_owned(),
                    n => {
                        let mut t = n.to_string();
                        t.push_str(" statements");
                        t
                    }
                };
                let li = el(doc, "li", &[], None)?;
                add(&li, &details(&view.srcs[i].name, Some(&badge), Some(i))?)?;
                add(&ul, &li)?;
            }
            add(b, &ul)?;
        }
        let loose = mine(None).len();
        if loose > 0 {
            add(b, &el(doc, "h3", &[], Some(&counted("Unattributed", loose)))?)?;
            add(b, &details("No named source", None, None)?)?;
        }
        Ok(())
    }

    /// Updates a legend toggle in place (keeping keyboard focus on it).
    pub(crate) fn set_pressed(&self, kind: Kind, on: bool) {
        if let Ok(Some(b)) = self.root.query_selector(&format!("button[data-kind={}]", kind.as_str())) {
            let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    }

    /// Says `msg` through the live region.
    pub(crate) fn announce(&self, msg: &str) {
        self.live.set_text_content(Some(msg));
    }
}

/// `label (n)`.
fn counted(label: &str, n: usize) -> String {
    let mut s = String::from(label);
    s.push_str(" (");
    s.push_str(&n.to_string());
    s.push(')');
    s
}

/// Dropping the sidebar removes its host element (and so everything in it) from the page.
impl Drop for Sidebar {
    fn drop(&mut self) {
        self.host.remove();
    }
}
