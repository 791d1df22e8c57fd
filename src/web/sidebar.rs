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

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, ShadowRoot};

/// The sidebar on the page; removed on drop.
pub(crate) struct Sidebar {
    host: Element,
    pub(crate) root: ShadowRoot,
    body: Element,
    live: Element,
    /// Per source (and one more, the statements with no source): the view indices of what it
    /// said, until its `<details>` (`data-list`, this index) first opens and lists them. A
    /// long article has thousands of statements: listing them all up front was a fifth of
    /// its mount.
    pending: Vec<Vec<usize>>,
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
        Ok(Some(Sidebar { host, root, body, live, pending: Vec::new() }))
    }

    /// Rebuilds the content for `view`; `kinds` are the mounted kinds, `shown` the toggled-on.
    pub(crate) fn render(&mut self, doc: &Document, view: &View, kinds: &PerKind<bool>, shown: &PerKind<bool>) -> Result<(), JsValue> {
        let b = &self.body;
        b.set_text_content(None);
        let counts = view.counts();
        let total: usize = KINDS.into_iter().filter(|&k| kinds[k]).map(|k| counts[k]).sum();
        // the count is of sources with a statement; those only mentioned are listed, not counted
        let said = view.statements(kinds);
        let n_src = said.iter().filter(|&&n| n > 0).count();
        add(b, &el(doc, "h2", &[("id", "cl-h")], Some(&counted("Sources", n_src)))?)?;
        let mut sum = crate::decimal::string(total);
        sum.push_str(if total == 1 { " highlight from " } else { " highlights from " });
        crate::decimal::push(&mut sum, n_src as i64);
        sum.push_str(if n_src == 1 { " source" } else { " sources" });
        let mentioned = said.len() - n_src;
        if mentioned > 0 {
            sum.push_str(" · ");
            crate::decimal::push(&mut sum, mentioned as i64);
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

        // each source's statements, in text order, gathered in one pass (the last list is of
        // those with no source; `View` keeps only sources that exist)
        let mut by_who: Vec<Vec<usize>> = vec![Vec::new(); view.srcs.len() + 1];
        for (i, a) in view.anns.iter().enumerate().filter(|(_, a)| kinds[a.kind]) {
            if let Some(list) = by_who.get_mut(a.who.unwrap_or(view.srcs.len())) {
                list.push(i);
            }
        }
        // one source's `<details>`: its name, a badge; what it said is listed on first open
        let details = |name: &str, badge: Option<&str>, list: usize| -> Result<Element, JsValue> {
            let det = el(doc, "details", &[], None)?;
            let summary = el(doc, "summary", &[], None)?;
            add(&summary, &el(doc, "span", &[("class", "name")], Some(name))?)?;
            if let Some(t) = badge {
                add(&summary, &el(doc, "span", &[("class", "badge")], Some(t))?)?;
            }
            add(&det, &summary)?;
            if by_who[list].is_empty() {
                add(&det, &el(doc, "p", &[("class", "none")], Some("Named in the article; no statement attributed."))?)?;
            } else {
                det.set_attribute("data-list", &crate::decimal::string(list))?;
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
                        let mut t = crate::decimal::string(n);
                        t.push_str(" statements");
                        t
                    }
                };
                let li = el(doc, "li", &[], None)?;
                add(&li, &details(&view.srcs[i].name, Some(&badge), i)?)?;
                add(&ul, &li)?;
            }
            add(b, &ul)?;
        }
        let loose = by_who[view.srcs.len()].len();
        if loose > 0 {
            add(b, &el(doc, "h3", &[], Some(&counted("Unattributed", loose)))?)?;
            add(b, &details("No named source", None, view.srcs.len())?)?;
        }
        self.pending = by_who;
        Ok(())
    }

    /// Lists what source `list` said in its `<details>`, once (on its first `toggle`):
    /// `<li><button class="entry k-…" data-claimlens-entry=…><span class="verb">…</span>…`,
    /// each cloned from a prototype per kind and verb (five calls into the DOM, not twelve).
    pub(crate) fn fill(&mut self, doc: &Document, view: &View, list: usize) -> Result<(), JsValue> {
        let Some(items) = self.pending.get_mut(list).map(std::mem::take).filter(|v| !v.is_empty()) else { return Ok(()) };
        let Some(det) = self.root.query_selector(&{
            let mut sel = String::from("details[data-list=\"");
            crate::decimal::push(&mut sel, list as i64);
            sel.push_str("\"]");
            sel
        })? else { return Ok(()) };
        let entries = el(doc, "ul", &[("class", "entries")], None)?;
        let mut protos: Vec<(Kind, &str, Element)> = Vec::new();
        for a in items.iter().filter_map(|&i| view.anns.get(i)) {
            let v = verb(a);
            let proto = match protos.iter().find(|p| p.0 == a.kind && p.1 == v) {
                Some(p) => p.2.clone(),
                None => {
                    let li = el(doc, "li", &[], None)?;
                    let mut class = String::from("entry k-");
                    class.push_str(a.kind.as_str());
                    let btn = el(doc, "button", &[("type", "button"), ("class", &class)], None)?;
                    add(&btn, &el(doc, "span", &[("class", "verb")], Some(v))?)?;
                    add(&li, &btn)?;
                    protos.push((a.kind, v, li.clone()));
                    li
                }
            };
            let li = proto.clone_node_with_deep(true)?;
            let btn: Element = li.first_child().ok_or_else(|| super::dom::error("claimlens: sidebar entry"))?.unchecked_into();
            btn.set_attribute("data-claimlens-entry", &crate::decimal::string(a.id))?;
            btn.append_with_str_1(&excerpt(&a.text, 110))?;
            add(&entries, &li)?;
        }
        add(&det, &entries)
    }

    /// Updates a legend toggle in place (keeping keyboard focus on it).
    pub(crate) fn set_pressed(&self, kind: Kind, on: bool) {
        if let Ok(Some(b)) = self.root.query_selector(&crate::vocab::join(&["button[data-kind=", kind.as_str(), "]"], "")) {
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
    crate::decimal::push(&mut s, n as i64);
    s.push(')');
    s
}

/// Dropping the sidebar removes its host element (and so everything in it) from the page.
impl Drop for Sidebar {
    fn drop(&mut self) {
        self.host.remove();
    }
}
