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
//!
//! Hostile pages: the element is checked by brand (any document or frame; no fakes); no
//! `RefCell` borrow is held across a call into JavaScript, and a call that page code makes
//! from inside claimlens's own work (re-entrantly) is refused or, for `unmount()`, deferred
//! (see [`Live`]); each document, or the shadow root holding the article, gets its own
//! style sheet, and highlights go to the article's own window; texts over
//! [`MAX_INPUT_BYTES`] are refused with a `RangeError`.

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
use dom::{adopt, caret_at, get, type_error, unadopt, Adopted, HighlightApi, Listener};
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

/// The longest text `analyze()` and `mount()` take: the CLI's default `--max-bytes`, one
/// number for both ([`crate::MAX_INPUT_BYTES`]).
pub(crate) use crate::MAX_INPUT_BYTES;
const _: () = assert!(MAX_INPUT_BYTES == 67_108_864, "the limit is spelled out in too_large()");

/// The `RangeError` for a text over [`MAX_INPUT_BYTES`]; `what` starts the message.
pub(crate) fn too_large(what: &str) -> JsValue {
    let mut s = String::from(what);
    s.push_str(" is over the limit of 67108864 bytes (64 MiB) of UTF-8; analyse it in parts");
    dom::range_error(&s)
}

/// A live mount, listed from `mount()` until `unmount()`.
///
/// No `RefCell` borrow is ever held across a call into JavaScript (a DOM call can run page
/// code: custom element reactions, event listeners, overridden methods; and an exception
/// thrown through wasm never releases a borrow). An operation takes the state out of `state`,
/// works on it with nothing borrowed, and puts it back; a call that arrives meanwhile (a
/// re-entrant one) finds the state gone and is refused, skipped, or, for `unmount()`,
/// deferred to the end of the running operation.
struct Live {
    id: u32,
    el: Element,
    /// `<mark>` tier.
    marks: bool,
    /// `None` while an operation runs (or after one died with an exception: see [`reset`]).
    state: RefCell<Option<Box<Mount>>>,
    /// `unmount()` was called; the state is torn down as soon as it is not in use.
    closed: Cell<bool>,
}

thread_local! {
    static MOUNTS: RefCell<Vec<Rc<Live>>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Page style sheets: root (document or shadow root), sheet, mounts using it.
    static SHEETS: RefCell<Vec<(JsValue, Adopted, usize)>> = const { RefCell::new(Vec::new()) };
    static RESET: Closure<dyn Fn()> = Closure::new(reset);
}

/// The `i`-th live mount, taken out of the list (so nothing stays borrowed while it is used).
fn nth_mount(i: usize) -> Option<Rc<Live>> {
    MOUNTS.with(|m| m.borrow().get(i).cloned())
}

/// Drops mount `id` from the list; with `None`, every mount whose state was lost (see
/// [`reset`]). Dropping an `Rc<Live>` here runs no page code: the caller holds mount `id`,
/// and a lost mount has no state.
fn unlist(id: Option<u32>) {
    MOUNTS.with(|m| {
        m.borrow_mut().retain(|l| match id {
            Some(id) => l.id != id,
            None => l.state.borrow().is_some(),
        })
    });
}

/// Queues [`reset`] for the next microtask (after the current run of synchronous work:
/// microtasks never run while a claimlens call is on the stack).
#[inline(never)]
fn begin() {
    RESET.with(|f| {
        let _ = dom::call(&js_sys::global(), "queueMicrotask", &[f.as_ref()]);
    });
}

/// After a run of synchronous work: a mount whose state is still taken out lost it to an
/// exception thrown through wasm (a page-replaced DOM method that throws). It leaves the
/// list, so the element can be mounted again; what that operation changed stays.
fn reset() {
    unlist(None);
}

impl Live {
    /// Runs `f` on the state, nothing borrowed meanwhile; `None` when unmounted or busy.
    fn run<T>(&self, f: impl FnOnce(&mut Mount) -> T) -> Option<T> {
        let mut m = self.take()?;
        let r = f(&mut m);
        self.put_back(m);
        Some(r)
    }

    /// Takes the state out for an operation; `None` when unmounted or busy.
    #[inline(never)]
    fn take(&self) -> Option<Box<Mount>> {
        if self.closed.get() {
            return None;
        }
        let m = self.state.borrow_mut().take();
        if m.is_some() {
            begin();
        }
        m
    }

    /// Stores the state again, or tears it down if `unmount()` came meanwhile.
    #[inline(never)]
    fn put_back(&self, mut m: Box<Mount>) {
        if self.closed.get() {
            m.teardown();
            unlist(Some(self.id));
        } else {
            *self.state.borrow_mut() = Some(m);
        }
    }

    /// `unmount()`: now, or when the running operation ends. The mount stays listed until
    /// torn down, so a `mount()` of the element from inside the teardown is refused.
    fn close(&self) {
        self.closed.set(true);
        let m = self.state.borrow_mut().take();
        if let Some(m) = m {
            begin();
            self.put_back(m);
        }
        // else busy: the running operation tears it down when it ends
    }
}

/// Analyses `text` and returns the object `claimlens analyze --json` prints.
///
/// # Errors
/// A `TypeError` when `text` is not a string; a `RangeError` when it is over 64 MiB of UTF-8
/// (checked on the JavaScript string's length before it is copied into wasm memory).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: JsValue) -> Result<JsValue, JsValue> {
    if !text.is_string() {
        return Err(type_error("claimlens.analyze: expected a string"));
    }
    // UTF-16 units never outnumber UTF-8 bytes: over the limit in units is over it in bytes
    if text.unchecked_ref::<js_sys::JsString>().length() as usize > MAX_INPUT_BYTES {
        return Err(too_large("claimlens.analyze: the text"));
    }
    let t = text.as_string().unwrap_or_default();
    if t.len() > MAX_INPUT_BYTES {
        return Err(too_large("claimlens.analyze: the text"));
    }
    js_sys::JSON::parse(&crate::analyze(&t).to_json())
}

/// Highlights `element` in place and shows the sources sidebar; returns a [`Handle`].
///
/// # Errors
/// A `TypeError` for a non-element (checked by brand, so an element of any document or frame
/// is accepted and an object faking one is not) or bad options; a `RangeError` for a text
/// over 64 MiB; an `Error` when the element is already mounted, is inside or contains a
/// mounted article, is being mounted right now (a re-entrant call, e.g. from a custom element
/// callback that the mount itself triggered), or the DOM refuses a change (then nothing is
/// left behind).
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Handle, JsValue> {
    let el = dom::as_element(&element).ok_or_else(|| type_error("claimlens.mount: expected an Element"))?;
    // options first: reading them may run page code (getters)
    let opts = Options::parse(&options)?;
    let mut i = 0;
    while let Some(l) = nth_mount(i) {
        i += 1;
        // `contains` is inclusive: the element itself, or one inside or around a mounted article
        if l.el.contains(Some(&el)) || el.contains(Some(&l.el)) {
            return Err(dom::error(if l.state.borrow().is_some() {
                "claimlens.mount: this element is already mounted, or is inside or contains a mounted article"
            } else {
                "claimlens.mount: re-entrant call while this element is being mounted or unmounted; call it later"
            }));
        }
    }
    let doc = el.owner_document().ok_or_else(|| type_error("claimlens.mount: the element has no document"))?;
    // no `CSS.highlights` in a document without a window (`DOMParser`): `<mark>` elements
    let hl = if opts.marks { None } else { dom::highlight_api(&doc) };
    let marks = hl.is_none();
    let model = TextModel::read(&el)?;
    let analysis = crate::analyze_with_hints(&model.text, &model.hints);
    let view = View::new(&analysis);
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    // listed, without state, before the first DOM change: a re-entrant mount() of this
    // element finds it busy
    let live = Rc::new(Live { id, el: el.clone(), marks, state: RefCell::new(None), closed: Cell::new(false) });
    MOUNTS.with(|m| m.borrow_mut().push(live.clone()));
    begin();
    let mut m = Box::new(Mount {
        el,
        doc,
        hl,
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
        sheet: None,
        observer: None,
        observer_cb: None,
        timer: None,
        timer_cb: None,
        listeners: Vec::new(),
        refreshes: 0,
        cursor: None,
        added: Vec::new(),
    });
    if let Err(e) = m.setup(&Rc::downgrade(&live)) {
        m.teardown();
        unlist(Some(id));
        return Err(e);
    }
    live.put_back(m);
    Ok(Handle { id })
}

/// A mounted article. The mount stays on the page until [`Handle::unmount`], even if the
/// handle itself is dropped.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
}

impl Handle {
    fn live(&self) -> Option<Rc<Live>> {
        MOUNTS.with(|m| m.borrow().iter().find(|l| l.id == self.id).cloned())
    }

    /// Runs `f` on the mount: `Ok(None)` when unmounted, an `Error` when busy (a re-entrant
    /// call from inside one of its own operations).
    fn with<T>(&self, f: impl FnOnce(&mut Mount) -> T) -> Result<Option<T>, JsValue> {
        let Some(l) = self.live().filter(|l| !l.closed.get()) else { return Ok(None) };
        l.run(f).map(Some).ok_or_else(|| dom::error("claimlens: re-entrant call while this mount is busy; call it later"))
    }
}

#[wasm_bindgen]
impl Handle {
    /// Removes every trace of the mount: highlights, marks (restoring the split text
    /// nodes), sidebar, tooltip, styles, listeners, observer. Idempotent. Called from inside
    /// the mount's own work (re-entrantly), it takes effect when that work ends.
    pub fn unmount(&self) {
        if let Some(l) = self.live() {
            l.close();
        }
    }

    /// Re-reads the article now (it also happens by itself, debounced, when it changes).
    ///
    /// # Errors
    /// When the DOM refuses a change, the text is over 64 MiB (a `RangeError`; nothing is
    /// highlighted until it is back under), or when called re-entrantly.
    pub fn refresh(&self) -> Result<(), JsValue> {
        self.with(|m| m.refresh())?.unwrap_or(Ok(()))
    }

    /// The current analysis, in the format of `analyze()`.
    ///
    /// # Errors
    /// When unmounted.
    pub fn analysis(&self) -> Result<JsValue, JsValue> {
        self.with(|m| js_sys::JSON::parse(&m.analysis.to_json()))?
            .unwrap_or_else(|| Err(dom::error("claimlens: not mounted")))
    }

    /// The text the article was read as (block boundaries as `"\n"`).
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.with(|m| m.model.text.clone()).ok().flatten().unwrap_or_default()
    }

    /// True until [`Handle::unmount`].
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.live().is_some_and(|l| !l.closed.get())
    }

    /// How many times the article was re-analysed after a change.
    #[wasm_bindgen(getter)]
    pub fn refreshes(&self) -> u32 {
        self.with(|m| m.refreshes).ok().flatten().unwrap_or(0)
    }

    /// `"highlights"` (CSS Custom Highlight API) or `"marks"`.
    #[wasm_bindgen(getter)]
    pub fn tier(&self) -> String {
        self.live().map(|l| if l.marks { "marks" } else { "highlights" }.to_owned()).unwrap_or_default()
    }
}

struct Mount {
    el: Element,
    doc: Document,
    /// The highlight API of the article's window (tier 1); `None` in the `<mark>` tier.
    hl: Option<HighlightApi>,
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
    /// The root (document or shadow root) holding the page style sheet for this mount.
    sheet: Option<JsValue>,
    observer: Option<MutationObserver>,
    observer_cb: Option<Closure<dyn Fn(js_sys::Array, MutationObserver)>>,
    timer: Option<i32>,
    timer_cb: Option<Closure<dyn Fn()>>,
    listeners: Vec<Listener>,
    refreshes: u32,
    /// Id of the highlight last marked (keyboard stepping starts from it).
    cursor: Option<usize>,
    /// Attributes added to the article (absent before), removed on unmount.
    added: Vec<&'static str>,
}

/// Runs `f` on the mount behind `w`, unless it is gone or busy (a re-entrant event).
fn with_mount(w: &Weak<Live>, f: impl FnOnce(&mut Mount)) {
    if let Some(l) = w.upgrade() {
        l.run(f);
    }
}

/// The element an event was dispatched to (of any realm).
fn target(e: &Event) -> Option<Element> {
    dom::as_element(&e.target()?.into())
}

/// The window whose timers debounce re-analysis: this one (it serves a document without a
/// window, from `DOMParser`, too, and outlives a removed iframe's).
fn timers() -> web_sys::Window {
    js_sys::global().unchecked_into()
}

/// Where the page style sheet goes: the article's shadow root if it is in one (or the
/// fragment holding it, which gets a `<style>`), else its document.
fn style_root(el: &Element, doc: &Document) -> JsValue {
    let r = el.get_root_node();
    if r.node_type() == 11 {
        r.into()
    } else {
        doc.clone().into()
    }
}

impl Mount {
    fn setup(&mut self, w: &Weak<Live>) -> Result<(), JsValue> {
        let m = self;
        m.theme_prev = m.el.get_attribute("data-claimlens-theme");
        let root = style_root(&m.el, &m.doc);
        retain_sheet(&m.doc, &root)?;
        m.sheet = Some(root);
        m.theme_set = true;
        m.el.set_attribute("data-claimlens-theme", m.opts.theme.as_str())?;
        // unchecked: an element of another window is not an instance of this one's HTMLElement
        let h: &web_sys::HtmlElement = m.el.unchecked_ref();
        let focusable = m.el.has_attribute("tabindex") || h.tab_index() >= 0 || h.is_content_editable();
        for (k, v, add) in [("tabindex", "0", !focusable), ("aria-keyshortcuts", "Alt+ArrowDown Alt+ArrowUp", true)] {
            if add && !m.el.has_attribute(k) {
                m.added.push(k);
                m.el.set_attribute(k, v)?;
            }
        }
        m.paint()?;
        m.sidebar = Sidebar::new(&m.doc, &m.el, &m.opts.sidebar, m.opts.theme)?;
        m.render_sidebar()?;
        m.tooltip = Some(Tooltip::new(&m.doc, m.opts.theme.as_str())?);

        let wm = w.clone();
        m.listeners.push(Listener::new(m.el.as_ref(), "mousemove", false, move |e: Event| {
            // unchecked, not `dyn_ref`: an event of another window is not an instance of this
            // one's MouseEvent (a plain Event reads 0)
            let me: &MouseEvent = e.unchecked_ref();
            let (x, y) = (me.client_x() as f64, me.client_y() as f64);
            with_mount(&wm, |m| m.hover(x, y));
        })?);
        let wm = w.clone();
        m.listeners.push(Listener::new(m.el.as_ref(), "mouseleave", false, move |_| {
            with_mount(&wm, |m| m.hide_tooltip());
        })?);
        let wm = w.clone();
        m.listeners.push(Listener::new(m.el.as_ref(), "keydown", false, move |e: Event| {
            let k: &KeyboardEvent = e.unchecked_ref();
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
            let to = dom::as_node(&get(&e, "relatedTarget"));
            if !el.contains(to.as_ref()) {
                with_mount(&wm, |m| m.hide_tooltip());
            }
        })?);
        let wm = w.clone();
        m.listeners.push(Listener::new(m.doc.as_ref(), "keydown", false, move |e: Event| {
            if e.unchecked_ref::<KeyboardEvent>().key() == "Escape" {
                with_mount(&wm, |m| m.hide_tooltip());
            }
        })?);
        if let Some(sb) = &m.sidebar {
            let root: &web_sys::EventTarget = sb.root.as_ref();
            let wm = w.clone();
            m.listeners.push(Listener::new(root, "click", false, move |e: Event| {
                let Some(t) = target(&e) else { return };
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
                let Some(t) = target(&e) else { return };
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
        let timer_cb = Closure::<dyn Fn()>::new(move || {
            with_mount(&wm, |m| {
                m.timer = None;
                let _ = m.refresh();
            })
        });
        m.timer_cb = Some(timer_cb);
        let wm = w.clone();
        let observer_cb = Closure::<dyn Fn(js_sys::Array, MutationObserver)>::new(move |_, _| {
            with_mount(&wm, |m| m.schedule());
        });
        let observer = MutationObserver::new(observer_cb.as_ref().unchecked_ref())?;
        m.observer_cb = Some(observer_cb);
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        observer.observe_with_options(&m.el, &init)?;
        m.observer = Some(observer);
        m.announce(&m.summary());
        Ok(())
    }

    fn paint(&mut self) -> Result<(), JsValue> {
        let r = if self.marks {
            paint::paint_marks(&self.doc, &mut self.model, &self.view, &self.shown, &mut self.painted)
        } else if let Some(hl) = &self.hl {
            paint::paint_highlights(hl, &self.doc, &self.model, &self.view, &self.shown, &mut self.painted)
        } else {
            Ok(())
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
        let mut s = String::from("claimlens: ");
        for k in (0..4).filter(|&k| self.opts.kinds[k]) {
            if s.len() > 11 {
                s.push_str(", ");
            }
            s.push_str(&c[k].to_string());
            s.push(' ');
            s.push_str(&LABELS[k].to_ascii_lowercase());
        }
        s.push_str("; ");
        s.push_str(&self.view.srcs.len().to_string());
        s.push_str(" sources.");
        s
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
        let target = match container.node_type() {
            1 => Some(container.unchecked_into()),
            _ => container.parent_element(),
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
        match &self.hl {
            Some(hl) => self.focus.set(hl, Some(r.clone())),
            None => self.painted.set_active(Some(id)),
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
        let win = timers();
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
        self.focus.clear(self.hl.as_ref());
        self.painted.undo(self.hl.as_ref());
        self.model = match TextModel::read(&self.el) {
            Ok(m) => m,
            Err(e) => {
                // over the limit: nothing is highlighted until the text is back under it (the
                // sidebar keeps the last analysis)
                self.model = TextModel::empty();
                return Err(e);
            }
        };
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
            timers().clear_timeout_with_handle(t);
        }
        self.timer_cb = None;
        self.listeners.clear();
        self.focus.clear(self.hl.as_ref());
        self.painted.undo(self.hl.as_ref());
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
        if let Some(root) = self.sheet.take() {
            release_sheet(&root);
        }
    }
}

/// Adds the page style sheet to `root`, a document or shadow root of `doc` (once per root,
/// counted).
fn retain_sheet(doc: &Document, root: &JsValue) -> Result<(), JsValue> {
    // `==` is JavaScript's `===`: no page code runs inside the borrow
    let known = SHEETS.with(|s| match s.borrow_mut().iter_mut().find(|(r, _, _)| r == root) {
        Some(e) => {
            e.2 += 1;
            true
        }
        None => false,
    });
    if known {
        return Ok(());
    }
    let parent: web_sys::Node = if root.unchecked_ref::<web_sys::Node>().node_type() == 11 {
        root.clone().unchecked_into()
    } else {
        match doc.head() {
            Some(h) => h.into(),
            None => doc.document_element().ok_or_else(|| dom::error("claimlens: empty document"))?.into(),
        }
    };
    let a = adopt(doc, root, &parent, &style::page_css())?;
    SHEETS.with(|s| s.borrow_mut().push((root.clone(), a, 1)));
    Ok(())
}

/// Removes the page style sheet from `root` when its last mount goes.
fn release_sheet(root: &JsValue) {
    let gone = SHEETS.with(|s| {
        let mut v = s.borrow_mut();
        let i = v.iter().position(|(r, _, _)| r == root)?;
        v[i].2 -= 1;
        (v[i].2 == 0).then(|| v.remove(i))
    });
    if let Some((r, a, _)) = gone {
        unadopt(&r, &a);
    }
}
