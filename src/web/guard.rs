//! What a mount adds to the page, each held by a guard that undoes it when dropped: the
//! mutation observer, the debounce timer, the attributes set on the article, the page style
//! sheet (event listeners are [`super::dom::Listener`]s). Unmounting is dropping the mount's
//! state; nothing is undone by hand. A guard's `drop` calls into the DOM, so a mount is only
//! ever dropped after it was taken out of its `RefCell` (see `Live` in `mod.rs`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// A mutation observer on the article, disconnected on drop (with its callback, which may
/// only go after the observer can no longer call it).
pub(crate) struct Observer {
    observer: MutationObserver,
    _cb: Closure<dyn Fn(js_sys::Array, MutationObserver)>,
}

impl Observer {
    /// Observes text and structure changes under `el`, calling `f` for each batch.
    pub(crate) fn new(el: &Element, f: impl Fn() + 'static) -> Result<Observer, JsValue> {
        let cb = Closure::<dyn Fn(js_sys::Array, MutationObserver)>::new(move |_, _| f());
        let observer = MutationObserver::new(cb.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        observer.observe_with_options(el, &init)?;
        Ok(Observer { observer, _cb: cb })
    }

    /// Drops the records queued so far (the mount's own DOM changes).
    pub(crate) fn forget(&self) {
        let _ = self.observer.take_records();
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The window whose timers debounce re-analysis: this one (it serves a document without a
/// window, from `DOMParser`, too, and outlives a removed iframe's).
fn timers() -> web_sys::Window {
    js_sys::global().unchecked_into()
}

/// A re-armable timeout; the pending one is cleared on drop.
pub(crate) struct Timer {
    cb: Closure<dyn Fn()>,
    pending: Option<i32>,
}

impl Timer {
    /// A timer that calls `f` when it fires.
    pub(crate) fn new(f: impl Fn() + 'static) -> Timer {
        Timer { cb: Closure::<dyn Fn()>::new(f), pending: None }
    }

    /// Clears any pending timeout and sets one `ms` from now.
    pub(crate) fn arm(&mut self, ms: i32) {
        self.clear();
        self.pending = timers().set_timeout_with_callback_and_timeout_and_arguments_0(self.cb.as_ref().unchecked_ref(), ms).ok();
    }

    /// Notes that the timeout fired (nothing is pending any more).
    pub(crate) fn fired(&mut self) {
        self.pending = None;
    }

    fn clear(&mut self) {
        if let Some(t) = self.pending.take() {
            timers().clear_timeout_with_handle(t);
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.clear();
    }
}

/// An attribute set on an element; on drop, its earlier value comes back (or it goes, if it
/// was absent).
pub(crate) struct Attr {
    el: Element,
    name: &'static str,
    prev: Option<String>,
}

impl Attr {
    /// Sets `name` to `value` on `el`, remembering what was there.
    pub(crate) fn set(el: &Element, name: &'static str, value: &str) -> Result<Attr, JsValue> {
        let prev = el.get_attribute(name);
        Attr::replace(el, name, value, prev)
    }

    /// Sets `name` to `value` on `el`, where `prev` is what was there (read earlier, before
    /// anything else was added: a page method that throws then leaves nothing behind, since an
    /// exception through wasm runs no guard).
    pub(crate) fn replace(el: &Element, name: &'static str, value: &str, prev: Option<String>) -> Result<Attr, JsValue> {
        el.set_attribute(name, value)?;
        Ok(Attr { el: el.clone(), name, prev })
    }
}

impl Drop for Attr {
    fn drop(&mut self) {
        let _ = match &self.prev {
            Some(v) => self.el.set_attribute(self.name, v),
            None => self.el.remove_attribute(self.name),
        };
    }
}

/// One mount's use of the page style sheet in a root (document or shadow root); the sheet
/// goes when its last user does.
pub(crate) struct Sheet {
    root: JsValue,
}

impl Sheet {
    /// Adds the page style sheet to `root` (a document or shadow root of `doc`), or counts one
    /// more user of it.
    pub(crate) fn retain(doc: &Document, root: JsValue) -> Result<Sheet, JsValue> {
        super::retain_sheet(doc, &root)?;
        Ok(Sheet { root })
    }
}

impl Drop for Sheet {
    fn drop(&mut self) {
        super::release_sheet(&self.root);
    }
}
