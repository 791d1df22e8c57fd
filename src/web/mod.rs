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
mod events;
mod guard;
mod model;
mod mount;
mod options;
mod paint;
mod sidebar;
mod style;
mod tooltip;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ann::View;
use dom::{adopt, type_error, unadopt, Adopted};
use model::TextModel;
use mount::Mount;
use options::Options;
use paint::{Focus, Painted};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};


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
    fn put_back(&self, m: Box<Mount>) {
        if self.closed.get() {
            drop(m); // unmounts: the state's guards undo what it added
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
        theme: None,
        sheet: None,
        observer: None,
        timer: None,
        listeners: Vec::new(),
        refreshes: 0,
        cursor: None,
        added: Vec::new(),
    });
    if let Err(e) = events::setup(&mut m, &Rc::downgrade(&live)) {
        drop(m);
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
