//! The mount's state ([`Mount`]), the list of live mounts ([`Live`]), and the guards through
//! which a mount owns what it changed on the page; unmounting is dropping the state.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::ann::{PerKind, View};
use super::dom::{self, adopt, unadopt, Adopted, Listener};
use super::events;
use super::model::TextModel;
use super::options::Options;
use super::paint::Paint;
use super::sidebar::Sidebar;
use super::style;
use super::tooltip::Tooltip;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// A live mount, listed from `mount()` until `unmount()`.
///
/// No `RefCell` borrow is ever held across a call into JavaScript (a DOM call can run page
/// code: custom element reactions, event listeners, overridden methods; and an exception
/// thrown through wasm never releases a borrow). An operation takes the state out of `state`,
/// works on it with nothing borrowed, and puts it back; a call that arrives meanwhile (a
/// re-entrant one) finds the state gone and is refused, skipped, or, for `unmount()`,
/// deferred to the end of the running operation.
pub(super) struct Live {
    id: u32,
    el: Element,
    /// `<mark>` tier.
    pub(super) marks: bool,
    /// `None` while an operation runs (or after one died with an exception: see [`reset`]).
    state: RefCell<Option<Box<Mount>>>,
    /// `unmount()` was called; the state is dropped as soon as it is not in use.
    closed: Cell<bool>,
}

thread_local! {
    static MOUNTS: RefCell<Vec<Rc<Live>>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The page style sheets in use, one per root (document or shadow root).
    static SHEETS: RefCell<Vec<Weak<Sheet>>> = const { RefCell::new(Vec::new()) };
    static RESET: Closure<dyn Fn()> = Closure::new(reset);
}

/// The `i`-th live mount, taken out of the list (so nothing stays borrowed while it is used).
fn nth_mount(i: usize) -> Option<Rc<Live>> {
    MOUNTS.with(|m| m.borrow().get(i).cloned())
}

/// The live mount with this id.
pub(super) fn find(id: u32) -> Option<Rc<Live>> {
    MOUNTS.with(|m| m.borrow().iter().find(|l| l.id == id).cloned())
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
    pub(super) fn run<T>(&self, f: impl FnOnce(&mut Mount) -> T) -> Option<T> {
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

    /// Stores the state again, or drops it (undoing the mount) if `unmount()` came meanwhile.
    #[inline(never)]
    fn put_back(&self, m: Box<Mount>) {
        if self.closed.get() {
            // out of the `RefCell`: the guards run page code with nothing borrowed
            drop(m);
            unlist(Some(self.id));
        } else {
            *self.state.borrow_mut() = Some(m);
        }
    }

    /// True until `unmount()`.
    pub(super) fn is_open(&self) -> bool {
        !self.closed.get()
    }

    /// `unmount()`: now, or when the running operation ends. The mount stays listed until its
    /// state is dropped, so a `mount()` of the element from inside the unmount is refused.
    pub(super) fn close(&self) {
        self.closed.set(true);
        let m = self.state.borrow_mut().take();
        if let Some(m) = m {
            begin();
            self.put_back(m);
        }
        // else busy: the running operation drops the state when it ends
    }
}

/// Mounts `el` (see `mount()` in [`super::api`]); returns the mount's id.
pub(super) fn open(el: Element, opts: Options) -> Result<u32, JsValue> {
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
    let doc = el.owner_document().ok_or_else(|| dom::type_error("claimlens.mount: the element has no document"))?;
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
        observer: None,
        timer: None,
        listeners: Vec::new(),
        paint: Paint::new(hl),
        sidebar: None,
        tooltip: None,
        attrs: Vec::new(),
        sheet: None,
        el,
        doc,
        shown: opts.kinds,
        opts,
        marks,
        model,
        view,
        analysis,
        refreshes: 0,
        cursor: None,
    });
    if let Err(e) = m.setup(&Rc::downgrade(&live)) {
        // undoes what the setup did, nothing borrowed
        drop(m);
        unlist(Some(id));
        return Err(e);
    }
    live.put_back(m);
    Ok(id)
}

/// The state of one mount. The guards come first, in the order they are undone when the
/// state is dropped (fields drop in declaration order): first what reacts to the page
/// (observer, timer, listeners), then what is on the page (paint, sidebar, tooltip,
/// attributes, style sheet).
pub(super) struct Mount {
    pub(super) observer: Option<Observer>,
    pub(super) timer: Option<Timer>,
    pub(super) listeners: Vec<Listener>,
    pub(super) paint: Paint,
    pub(super) sidebar: Option<Sidebar>,
    pub(super) tooltip: Option<Tooltip>,
    /// Attributes set on the article, in the order they were set.
    attrs: Vec<Attr>,
    /// The page style sheet of the root (document or shadow root) holding the article.
    sheet: Option<Rc<Sheet>>,
    pub(super) el: Element,
    pub(super) doc: Document,
    pub(super) opts: Options,
    /// Use `<mark>` wrapping (tier 2).
    pub(super) marks: bool,
    /// Kinds toggled on.
    pub(super) shown: PerKind<bool>,
    pub(super) model: TextModel,
    pub(super) view: View,
    pub(super) analysis: crate::Analysis,
    pub(super) refreshes: u32,
    /// Id of the highlight last marked (keyboard stepping starts from it).
    pub(super) cursor: Option<usize>,
}

impl Mount {
    /// Puts the mount on the page; on an error, dropping the state undoes what was done.
    fn setup(&mut self, w: &Weak<Live>) -> Result<(), JsValue> {
        let m = self;
        let theme_prev = m.el.get_attribute("data-claimlens-theme");
        let root = style_root(&m.el, &m.doc);
        m.sheet = Some(Sheet::retain(&m.doc, root)?);
        m.set_attr("data-claimlens-theme", m.opts.theme.as_str(), theme_prev)?;
        // unchecked: an element of another window is not an instance of this one's HTMLElement
        let h: &web_sys::HtmlElement = m.el.unchecked_ref();
        let focusable = m.el.has_attribute("tabindex") || h.tab_index() >= 0 || h.is_content_editable();
        for (k, v, add) in [("tabindex", "0", !focusable), ("aria-keyshortcuts", "Alt+ArrowDown Alt+ArrowUp", true)] {
            if add && !m.el.has_attribute(k) {
                m.set_attr(k, v, None)?;
            }
        }
        m.paint()?;
        m.sidebar = Sidebar::new(&m.doc, &m.el, &m.opts.sidebar, m.opts.theme)?;
        m.render_sidebar()?;
        m.tooltip = Some(Tooltip::new(&m.doc, m.opts.theme.as_str())?);
        events::wire(m, w)?;
        m.announce(&m.summary());
        Ok(())
    }

    /// Sets attribute `name` of the article; `prev` is its value before (`None`: absent).
    /// The guard is kept first, so it is undone even when setting fails.
    fn set_attr(&mut self, name: &'static str, value: &str, prev: Option<String>) -> Result<(), JsValue> {
        self.attrs.push(Attr { el: self.el.clone(), name, prev });
        self.el.set_attribute(name, value)
    }
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

/// The window whose timers debounce re-analysis: this one (it serves a document without a
/// window, from `DOMParser`, too, and outlives a removed iframe's).
fn timers() -> web_sys::Window {
    js_sys::global().unchecked_into()
}

/// The MutationObserver watching the article; disconnected on drop.
pub(super) struct Observer {
    obs: MutationObserver,
    _cb: Closure<dyn Fn()>,
}

impl Observer {
    /// Calls `cb` after changes to `el`'s subtree (children and text).
    pub(super) fn new(el: &Element, cb: Closure<dyn Fn()>) -> Result<Observer, JsValue> {
        let obs = MutationObserver::new(cb.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        obs.observe_with_options(el, &init)?;
        Ok(Observer { obs, _cb: cb })
    }

    /// Drops the mutation records queued so far (our own DOM changes).
    pub(super) fn forget_records(&self) {
        let _ = self.obs.take_records();
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.obs.disconnect();
    }
}

/// A restartable one-shot timer; a pending timeout is cleared on drop.
pub(super) struct Timer {
    cb: Closure<dyn Fn()>,
    handle: Option<i32>,
}

impl Timer {
    pub(super) fn new(cb: Closure<dyn Fn()>) -> Timer {
        Timer { cb, handle: None }
    }

    /// Calls the callback in `ms` milliseconds, cancelling a pending call.
    pub(super) fn restart(&mut self, ms: i32) {
        let win = timers();
        if let Some(t) = self.handle.take() {
            win.clear_timeout_with_handle(t);
        }
        self.handle = win.set_timeout_with_callback_and_timeout_and_arguments_0(self.cb.as_ref().unchecked_ref(), ms).ok();
    }

    /// The timeout ran: nothing is pending.
    pub(super) fn fired(&mut self) {
        self.handle = None;
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(t) = self.handle.take() {
            timers().clear_timeout_with_handle(t);
        }
    }
}

/// An attribute the mount set on the article: on drop, its old value is put back, or it is
/// removed if it was absent.
struct Attr {
    el: Element,
    name: &'static str,
    prev: Option<String>,
}

impl Drop for Attr {
    fn drop(&mut self) {
        let _ = match &self.prev {
            Some(v) => self.el.set_attribute(self.name, v),
            None => self.el.remove_attribute(self.name),
        };
    }
}

/// The page style sheet of one root (a document or shadow root), shared by the mounts there
/// through `Rc`s: detached from the root when the last of them drops it.
struct Sheet {
    root: JsValue,
    adopted: Adopted,
}

impl Sheet {
    /// The sheet of `root`, a document or shadow root of `doc`; attached if it is not yet.
    fn retain(doc: &Document, root: JsValue) -> Result<Rc<Sheet>, JsValue> {
        // `==` is JavaScript's `===`, and a sheet found alive is held by a mount, so dropping
        // the other upgrades drops no last `Rc`: no page code runs inside the borrow
        let known = SHEETS.with(|s| s.borrow().iter().find_map(|w| w.upgrade().filter(|x| x.root == root)));
        if let Some(s) = known {
            return Ok(s);
        }
        let parent: web_sys::Node = if root.unchecked_ref::<web_sys::Node>().node_type() == 11 {
            root.clone().unchecked_into()
        } else {
            match doc.head() {
                Some(h) => h.into(),
                None => doc.document_element().ok_or_else(|| dom::error("claimlens: empty document"))?.into(),
            }
        };
        let adopted = adopt(doc, &root, &parent, &style::page_css())?;
        let s = Rc::new(Sheet { root, adopted });
        SHEETS.with(|v| {
            let mut v = v.borrow_mut();
            v.retain(|w| w.strong_count() > 0);
            v.push(Rc::downgrade(&s));
        });
        Ok(s)
    }
}

impl Drop for Sheet {
    fn drop(&mut self) {
        unadopt(&self.root, &self.adopted);
    }
}
