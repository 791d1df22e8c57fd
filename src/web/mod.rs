//! The WebAssembly edge: the JavaScript API and the in-page widget (wasm32 only).
//!
//! ```js
//! import init, { analyze, mount } from "./pkg/claimlens.js";
//! await init();
//! analyze(text);                       // the same object as `claimlens analyze --json`
//! const h = mount(article, { highlight: "auto", sidebar: true, theme: "auto",
//!                            kinds: ["quote", "denial", "unverified", "reported"] });
//! h.unmount();                         // removes every trace
//! ```
//!
//! `mount` reads the element's text ([`model`]), analyses it, paints highlights ([`paint`]:
//! CSS Custom Highlights, or `<mark>` wrapping), shows the sources sidebar ([`sidebar`]) and
//! a tooltip on hover ([`tooltip`]), and re-analyses (debounced) when the page changes the
//! article. While focus is in the article (made focusable with `tabindex="0"` if it is not),
//! Alt+ArrowDown / Alt+ArrowUp step through the shown highlights in reading order: each is
//! marked, scrolled to, explained in the tooltip and announced. Every DOM call returns `Result`; callbacks never unwrap, and skip their work
//! when the mount is busy, so no panic reaches the page.

mod ann;
mod dom;
mod model;
mod options;
mod paint;
mod sidebar;
mod style;
mod tooltip;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use ann::{excerpt, kind_label, subtype_label, View};
use dom::{adopt, caret_at, type_error, unadopt, Adopted, Listener};
use model::TextModel;
use options::Options;
use paint::{Focus, Painted};
use sidebar::Sidebar;
use style::{LABELS, NAMES};
use tooltip::Tooltip;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, KeyboardEvent, MouseEvent, MutationObserver, MutationObserverInit};

/// Milliseconds of quiet after a page change before re-analysing.
const DEBOUNCE_MS: i32 = 150;

/// The live mounts: handle id, article, state.
type Mounts = Vec<(u32, Element, Rc<RefCell<Mount>>)>;

thread_local! {
    static MOUNTS: RefCell<Mounts> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static SHEETS: RefCell<Vec<(Document, Adopted, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Analyses `text` and returns the object `claimlens analyze --json` prints.
///
/// # Errors
/// A `TypeError` when `text` is not a string.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: JsValue) -> Result<JsValue, JsValue> {
    let t = text.as_string().ok_or_else(|| type_error("claimlens.analyze: expected a string"))?;
    js_sys::JSON::parse(&crate::analyze(&t).to_json())
}

/// Highlights `element` in place and shows the sources sidebar; returns a [`Handle`].
///
/// # Errors
/// A `TypeError` for a non-element or bad options; an `Error` when the element is already
/// mounted or the DOM refuses a change (then nothing is left behind).
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Handle, JsValue> {
    let el = options::as_element(&element).ok_or_else(|| type_error("claimlens.mount: expected an Element"))?;
    let opts = Options::parse(&options)?;
    let taken = MOUNTS.with(|m| m.borrow().iter().any(|(_, e, _)| e.is_same_node(Some(&el))));
    if taken {
        return Err(dom::error("claimlens.mount: this element is already mounted; unmount it first"));
    }
    let doc = el.owner_document().ok_or_else(|| type_error("claimlens.mount: the element has no document"))?;
    let marks = opts.marks || dom::highlight_api().is_none();
    let model = TextModel::read(&el);
    let analysis = crate::analyze_with_hints(&model.text, &model.hints);
    let view = View::new(&analysis);
    let m = Mount {
        el: el.clone(),
        doc,
        shown: opts.kinds,
        opts,
        marks,
        model,
        view,
        analysis,
        painted: Painted::default(),
        focus: Focus::new(),
        sidebar: None,
        tooltip: None,
        theme_prev: None,
        theme_set: false,
        sheet: false,
        observer: None,
        observer_cb: None,
        timer: None,
        timer_cb: None,
        listeners: Vec::new(),
        refreshes: 0,
        cursor: None,
        added: Vec::new(),
    };
    let rc = Rc::new(RefCell::new(m));
    if let Err(e) = setup(&rc) {
        if let Ok(mut m) = rc.try_borrow_mut() {
            m.teardown();
        }
        return Err(e);
    }
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    MOUNTS.with(|m| m.borrow_mut().push((id, el, rc)));
    Ok(Handle { id })
}

/// A mounted article. The mount stays on the page until [`Handle::unmount`], even if the
/// handle itself is dropped.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
}

impl Handle {
    fn with<T>(&self, f: impl FnOnce(&mut Mount) -> T) -> Option<T> {
        let rc = MOUNTS.with(|m| m.borrow().iter().find(|(id, _, _)| *id == self.id).map(|(_, _, rc)| rc.clone()))?;
        let mut m = rc.try_borrow_mut().ok()?;
        Some(f(&mut m))
    }
}

#[wasm_bindgen]
impl Handle {
    /// Removes every trace of the mount: highlights, marks (restoring the split text
    /// nodes), sidebar, tooltip, styles, listeners, observer. Idempotent.
    pub fn unmount(&self) {
        let rc = MOUNTS.with(|m| {
            let mut v = m.borrow_mut();
            let i = v.iter().position(|(id, _, _)| *id == self.id)?;
            Some(v.remove(i).2)
        });
        if let Some(rc) = rc {
            if let Ok(mut m) = rc.try_borrow_mut() {
                m.teardown();
            }
        }
    }

    /// Re-reads the article now (it also happens by itself, debounced, when it changes).
    ///
    /// # Errors
    /// When the DOM refuses a change.
    pub fn refresh(&self) -> Result<(), JsValue> {
        self.with(|m| m.refresh()).unwrap_or(Ok(()))
    }

    /// The current analysis, in the format of `analyze()`.
    ///
    /// # Errors
    /// When unmounted.
    pub fn analysis(&self) -> Result<JsValue, JsValue> {
        self.with(|m| js_sys::JSON::parse(&m.analysis.to_json()))
            .unwrap_or_else(|| Err(dom::error("claimlens: not mounted")))
    }

    /// The text the article was read as (block boundaries as `"\n"`).
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.with(|m| m.model.text.clone()).unwrap_or_default()
    }

    /// True until [`Handle::unmount`].
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.with(|_| ()).is_some()
    }

    /// How many times the article was re-analysed after a change.
    #[wasm_bindgen(getter)]
    pub fn refreshes(&self) -> u32 {
        self.with(|m| m.refreshes).unwrap_or(0)
    }

    /// `"highlights"` (CSS Custom Highlight API) or `"marks"`.
    #[wasm_bindgen(getter)]
    pub fn tier(&self) -> String {
        self.with(|m| if m.marks { "marks" } else { "highlights" }.to_owned()).unwrap_or_default()
    }
}

struct Mount {
    el: Element,
    doc: Document,
    opts: Options,
    /// Use `<mark>` wrapping (tier 2).
    marks: bool,
    /// Kinds toggled on.
    shown: [bool; 4],
    model: TextModel,
    view: View,
    analysis: crate::Analysis,
    painted: Painted,
    focus: Focus,
    sidebar: Option<Sidebar>,
    tooltip: Option<Tooltip>,
    theme_prev: Option<String>,
    theme_set: bool,
    sheet: bool,
    observer: Option<MutationObserver>,
    observer_cb: Option<Closure<dyn FnMut(js_sys::Array, MutationObserver)>>,
    timer: Option<i32>,
    timer_cb: Option<Closure<dyn FnMut()>>,
    listeners: Vec<Listener>,
    refreshes: u32,
    /// Id of the highlight last marked (keyboard stepping starts from it).
    cursor: Option<usize>,
    /// Attributes added to the article (absent before), removed on unmount.
    added: Vec<&'static str>,
}

/// Runs `f` on the mount behind `w`, unless it is gone or busy (a re-entrant event).
fn with_mount(w: &Weak<RefCell<Mount>>, f: impl FnOnce(&mut Mount)) {
    if let Some(rc) = w.upgrade() {
        if let Ok(mut m) = rc.try_borrow_mut() {
            f(&mut m);
        }
    }
}

fn setup(rc: &Rc<RefCell<Mount>>) -> Result<(), JsValue> {
    let w = Rc::downgrade(rc);
    let mut guard = rc.try_borrow_mut().map_err(|_| dom::error("claimlens: busy"))?;
    let m = &mut *guard;
    retain_sheet(&m.doc)?;
    m.sheet = true;
    m.theme_prev = m.el.get_attribute("data-claimlens-theme");
    m.el.set_attribute("data-claimlens-theme", m.opts.theme.as_str())?;
    m.theme_set = true;
    let focusable = m.el.has_attribute("tabindex")
        || m.el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|h| h.tab_index() >= 0 || h.is_content_editable());
    for (k, v, add) in [("tabindex", "0", !focusable), ("aria-keyshortcuts", "Alt+ArrowDown Alt+ArrowUp", true)] {
        if add && !m.el.has_attribute(k) {
            m.el.set_attribute(k, v)?;
            m.added.push(k);
        }
    }
    m.paint()?;
    m.sidebar = Sidebar::new(&m.doc, &m.el, &m.opts.sidebar, m.opts.theme)?;
    m.render_sidebar()?;
    m.tooltip = Some(Tooltip::new(&m.doc, m.opts.theme.as_str())?);

    let wm = w.clone();
    m.listeners.push(Listener::new(m.el.as_ref(), "mousemove", false, move |e: Event| {
        let Some(me) = e.dyn_ref::<MouseEvent>() else { return };
        let (x, y) = (me.client_x() as f64, me.client_y() as f64);
        with_mount(&wm, |m| m.hover(x, y));
    })?);
    let wm = w.clone();
    m.listeners.push(Listener::new(m.el.as_ref(), "mouseleave", false, move |_| {
        with_mount(&wm, |m| m.hide_tooltip());
    })?);
    let wm = w.clone();
    m.listeners.push(Listener::new(m.el.as_ref(), "keydown", false, move |e: Event| {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else { return };
        if !k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key() {
            return;
        }
        let down = match k.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return,
        };
        e.prevent_default();
        with_mount(&wm, |m| {
            let _ = m.step(down);
        });
    })?);
    let wm = w.clone();
    let el = m.el.clone();
    m.listeners.push(Listener::new(m.el.as_ref(), "focusout", false, move |e: Event| {
        let to = dom::get(&e, "relatedTarget").dyn_into::<web_sys::Node>().ok();
        if !el.contains(to.as_ref()) {
            with_mount(&wm, |m| m.hide_tooltip());
        }
    })?);
    let wm = w.clone();
    m.listeners.push(Listener::new(m.doc.as_ref(), "keydown", false, move |e: Event| {
        if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            with_mount(&wm, |m| m.hide_tooltip());
        }
    })?);
    if let Some(sb) = &m.sidebar {
        let root: &web_sys::EventTarget = sb.root.as_ref();
        let wm = w.clone();
        m.listeners.push(Listener::new(root, "click", false, move |e: Event| {
            let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            if let Ok(Some(b)) = t.closest("[data-claimlens-entry]") {
                let id = b.get_attribute("data-claimlens-entry").and_then(|s| s.parse().ok());
                if let Some(id) = id {
                    with_mount(&wm, |m| {
                        let _ = m.activate(id, "");
                    });
                }
            } else if let Ok(Some(b)) = t.closest("button[data-kind]") {
                let name = b.get_attribute("data-kind").unwrap_or_default();
                if let Some(k) = NAMES.iter().position(|n| *n == name) {
                    with_mount(&wm, |m| {
                        let _ = m.toggle(k);
                    });
                }
            }
        })?);
        let wm = w.clone();
        m.listeners.push(Listener::new(root, "focusin", false, move |e: Event| {
            let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let id = t.get_attribute("data-claimlens-entry").and_then(|s| s.parse().ok());
            if let Some(id) = id {
                with_mount(&wm, |m| {
                    let _ = m.preview(id);
                });
            }
        })?);
        let wm = w.clone();
        m.listeners.push(Listener::new(root, "focusout", false, move |_| {
            with_mount(&wm, |m| m.hide_tooltip());
        })?);
    }

    let wm = w.clone();
    let timer_cb = Closure::<dyn FnMut()>::new(move || {
        with_mount(&wm, |m| {
            m.timer = None;
            let _ = m.refresh();
        })
    });
    m.timer_cb = Some(timer_cb);
    let wm = w;
    let observer_cb = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(move |_, _| {
        with_mount(&wm, |m| m.schedule());
    });
    let observer = MutationObserver::new(observer_cb.as_ref().unchecked_ref())?;
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    observer.observe_with_options(&m.el, &init)?;
    m.observer = Some(observer);
    m.observer_cb = Some(observer_cb);
    m.announce(&m.summary());
    Ok(())
}

impl Mount {
    fn paint(&mut self) -> Result<(), JsValue> {
        let r = if self.marks {
            paint::paint_marks(&self.doc, &mut self.model, &self.view, &self.shown, &mut self.painted)
        } else {
            paint::paint_highlights(&self.doc, &self.model, &self.view, &self.shown, &mut self.painted)
        };
        self.forget_own_mutations();
        r
    }

    /// Drops the mutation records our own DOM changes queued, so they never trigger a
    /// re-analysis.
    fn forget_own_mutations(&self) {
        if let Some(o) = &self.observer {
            let _ = o.take_records();
        }
    }

    fn render_sidebar(&self) -> Result<(), JsValue> {
        match &self.sidebar {
            Some(sb) => sb.render(&self.doc, &self.view, &self.opts.kinds, &self.shown),
            None => Ok(()),
        }
    }

    fn summary(&self) -> String {
        let c = self.view.counts();
        let parts: Vec<String> =
            (0..4).filter(|&k| self.opts.kinds[k]).map(|k| format!("{} {}", c[k], LABELS[k].to_ascii_lowercase())).collect();
        format!("claimlens: {}; {} sources.", parts.join(", "), self.view.srcs.len())
    }

    fn announce(&self, msg: &str) {
        if let Some(sb) = &self.sidebar {
            sb.announce(msg);
        }
    }

    fn hide_tooltip(&mut self) {
        if let Some(t) = &mut self.tooltip {
            t.hide();
        }
    }

    /// Shows the tooltip for the highlight under the viewport point, if any.
    fn hover(&mut self, x: f64, y: f64) {
        let hit = caret_at(&self.doc, x, y).and_then(|(node, off)| self.model.offset_of(&node, off));
        if let Some(o) = hit {
            for c in [o, o.saturating_sub(1)] {
                let items = self.view.covering(c, &self.shown);
                if items.is_empty() {
                    continue;
                }
                let Ok(Some(r)) = self.model.range(&self.doc, c, c + 1) else { continue };
                let rect = r.get_bounding_client_rect();
                let inside = x >= rect.left() - 1.0
                    && x <= rect.right() + 1.0
                    && y >= rect.top() - 2.0
                    && y <= rect.bottom() + 2.0;
                if inside {
                    if let Some(t) = &mut self.tooltip {
                        let _ = t.show(&self.doc, &self.view, &items, &rect);
                    }
                    return;
                }
            }
        }
        self.hide_tooltip();
    }

    /// Shows the tooltip for annotation `id` at its place (sidebar entry focused).
    fn preview(&mut self, id: usize) -> Result<(), JsValue> {
        let Some(i) = self.view.anns.iter().position(|a| a.id == id) else { return Ok(()) };
        let (s, e) = (self.view.anns[i].start, self.view.anns[i].end);
        let Some(r) = self.model.range(&self.doc, s, e)? else { return Ok(()) };
        let rect = r.get_bounding_client_rect();
        if let Some(t) = &mut self.tooltip {
            t.show(&self.doc, &self.view, &[i], &rect)?;
        }
        Ok(())
    }

    /// Marks the next (`down`) or previous shown highlight in reading order, wrapping
    /// around (Alt+ArrowDown / Alt+ArrowUp in the article).
    fn step(&mut self, down: bool) -> Result<(), JsValue> {
        let order: Vec<usize> = (0..self.view.anns.len())
            .filter(|&i| {
                let a = &self.view.anns[i];
                a.start < a.end && self.shown.get(a.kind).copied().unwrap_or(false)
            })
            .collect();
        let (Some(&first), Some(&last)) = (order.first(), order.last()) else {
            self.announce("No highlights.");
            return Ok(());
        };
        let cur = self.cursor.and_then(|id| self.view.anns.iter().position(|a| a.id == id));
        let next = match cur {
            None if down => first,
            None => last,
            Some(c) if down => order.iter().copied().find(|&i| i > c).unwrap_or(first),
            Some(c) => order.iter().rev().copied().find(|&i| i < c).unwrap_or(last),
        };
        let n = order.iter().position(|&i| i == next).unwrap_or(0) + 1;
        self.activate(self.view.anns[next].id, &format!(", {n} of {}", order.len()))
    }

    /// Scrolls to annotation `id`, marks it, shows its tooltip and announces it (with `note`).
    fn activate(&mut self, id: usize, note: &str) -> Result<(), JsValue> {
        let Some(i) = self.view.anns.iter().position(|a| a.id == id) else { return Ok(()) };
        let a = &self.view.anns[i];
        let Some(r) = self.model.range(&self.doc, a.start, a.end)? else { return Ok(()) };
        let container = r.start_container()?;
        let target = match container.dyn_ref::<Element>() {
            Some(e) => Some(e.clone()),
            None => container.parent_element(),
        };
        if let Some(t) = target {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            t.scroll_into_view_with_scroll_into_view_options(&o);
        }
        if let Some(win) = self.doc.default_view() {
            let rect = r.get_bounding_client_rect();
            let ih = win.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
            if rect.top() < 0.0 || rect.bottom() > ih {
                win.scroll_by_with_x_and_y(0.0, rect.top() - ih / 3.0);
            }
        }
        self.cursor = Some(id);
        if self.marks {
            self.painted.set_active(Some(id));
        } else {
            self.focus.set(Some(r.clone()));
        }
        let rect = r.get_bounding_client_rect();
        if let Some(t) = &mut self.tooltip {
            t.show(&self.doc, &self.view, &[i], &rect)?;
        }
        let who = self.view.who(a).map(|w| format!(" ({w})")).unwrap_or_default();
        let sub = a.subtype.map(|s| format!(", {}", subtype_label(s))).unwrap_or_default();
        let disputed = if a.disputed_by.is_empty() { "" } else { " Disputed." };
        self.announce(&format!(
            "Marked {}{sub}{who}{note}: {}{disputed}",
            kind_label(a.kind).to_ascii_lowercase(),
            excerpt(&a.text, 80)
        ));
        Ok(())
    }

    /// Shows or hides one kind.
    fn toggle(&mut self, k: usize) -> Result<(), JsValue> {
        let Some(s) = self.shown.get_mut(k) else { return Ok(()) };
        *s = !*s;
        let on = *s;
        if let Some(sb) = &self.sidebar {
            sb.set_pressed(NAMES[k], on);
        }
        self.refresh()?;
        self.announce(&format!("{} {}", LABELS[k], if on { "shown" } else { "hidden" }));
        Ok(())
    }

    /// Re-debounces a re-analysis.
    fn schedule(&mut self) {
        let Some(win) = self.doc.default_view() else { return };
        if let Some(t) = self.timer.take() {
            win.clear_timeout_with_handle(t);
        }
        if let Some(cb) = &self.timer_cb {
            self.timer = win
                .set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), DEBOUNCE_MS)
                .ok();
        }
    }

    /// Undoes the paint, re-reads the article, re-analyses when its text changed, repaints.
    fn refresh(&mut self) -> Result<(), JsValue> {
        self.hide_tooltip();
        self.focus.clear();
        self.painted.undo();
        self.model = TextModel::read(&self.el);
        let changed = self.model.text != self.analysis.text();
        if changed {
            self.analysis = crate::analyze_with_hints(&self.model.text, &self.model.hints);
            self.view = View::new(&self.analysis);
            self.refreshes += 1;
            self.cursor = None;
        }
        let r = self.paint();
        if changed {
            self.render_sidebar()?;
            self.announce(&format!("Article changed. {}", self.summary()));
        }
        r
    }

    fn teardown(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        self.observer_cb = None;
        if let Some(t) = self.timer.take() {
            if let Some(win) = self.doc.default_view() {
                win.clear_timeout_with_handle(t);
            }
        }
        self.timer_cb = None;
        self.listeners.clear();
        self.focus.clear();
        self.painted.undo();
        if let Some(s) = self.sidebar.take() {
            s.remove();
        }
        if let Some(t) = self.tooltip.take() {
            t.remove();
        }
        if self.theme_set {
            self.theme_set = false;
            let _ = match &self.theme_prev {
                Some(v) => self.el.set_attribute("data-claimlens-theme", v),
                None => self.el.remove_attribute("data-claimlens-theme"),
            };
        }
        for k in self.added.drain(..) {
            let _ = self.el.remove_attribute(k);
        }
        if self.sheet {
            self.sheet = false;
            release_sheet(&self.doc);
        }
    }
}

/// Adds the page style sheet to `doc` (once per document, counted).
fn retain_sheet(doc: &Document) -> Result<(), JsValue> {
    SHEETS.with(|s| {
        let mut v = s.borrow_mut();
        if let Some(e) = v.iter_mut().find(|(d, _, _)| d.is_same_node(Some(doc))) {
            e.2 += 1;
            return Ok(());
        }
        let parent: web_sys::Node = match doc.head() {
            Some(h) => h.into(),
            None => doc.document_element().ok_or_else(|| dom::error("claimlens: empty document"))?.into(),
        };
        let a = adopt(doc, doc.as_ref(), &parent, &style::page_css())?;
        v.push((doc.clone(), a, 1));
        Ok(())
    })
}

/// Removes the page style sheet when the last mount of `doc` goes.
fn release_sheet(doc: &Document) {
    SHEETS.with(|s| {
        let mut v = s.borrow_mut();
        let Some(i) = v.iter().position(|(d, _, _)| d.is_same_node(Some(doc))) else { return };
        v[i].2 -= 1;
        if v[i].2 == 0 {
            let (d, a, _) = v.remove(i);
            unadopt(d.as_ref(), &a);
        }
    })
}
