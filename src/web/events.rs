//! Wiring a mount to the page: what it adds on setup, and one dispatch for every event. Each
//! listener, the observer and the timer only build an [`Action`] and hand it to [`dispatch`],
//! which runs it on the mount's state (taken out of its `RefCell` for the duration: see
//! `Live` in `mod.rs`), or skips it when the mount is gone or busy.

use std::rc::Weak;

use super::dom::{self, get, Listener};
use super::guard::{Attr, Observer, Sheet, Timer};
use super::mount::Mount;
use super::sidebar::Sidebar;
use super::tooltip::Tooltip;
use super::options::KINDS;
use super::Live;
use crate::Kind;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, KeyboardEvent, MouseEvent};

/// Everything the page can ask of a mount.
pub(super) enum Action {
    /// The pointer moved over the article (viewport coordinates).
    Hover(f64, f64),
    /// The pointer or focus left, or Escape: hide the tooltip.
    HideTooltip,
    /// Alt+ArrowDown (`true`) or Alt+ArrowUp in the article: the next or previous highlight.
    Step(bool),
    /// A sidebar entry was clicked: mark its highlight.
    Activate(usize),
    /// A sidebar entry got focus: show its tooltip.
    Preview(usize),
    /// A kind's button in the sidebar was pressed.
    Toggle(Kind),
    /// The article changed: re-analyse after a pause.
    Changed,
    /// The pause is over: re-analyse now.
    Refresh,
}

/// Runs `a` on the mount behind `w`, unless it is gone or busy (a re-entrant event).
pub(super) fn dispatch(w: &Weak<Live>, a: Action) {
    let Some(live) = w.upgrade() else { return };
    live.run(|m| {
        // errors from the DOM are the page's business; an event handler has no one to tell
        let _ = match a {
            Action::Hover(x, y) => {
                m.hover(x, y);
                Ok(())
            }
            Action::HideTooltip => {
                m.hide_tooltip();
                Ok(())
            }
            Action::Step(down) => m.step(down),
            Action::Activate(id) => m.activate(id, ""),
            Action::Preview(id) => m.preview(id),
            Action::Toggle(k) => m.toggle(k),
            Action::Changed => {
                m.schedule();
                Ok(())
            }
            Action::Refresh => {
                if let Some(t) = &mut m.timer {
                    t.fired();
                }
                m.refresh()
            }
        };
    });
}

/// The element an event was dispatched to (of any realm).
fn target(e: &Event) -> Option<Element> {
    dom::as_element(&e.target()?.into())
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

/// A listener on `target` that turns its events into actions for the mount behind `w`.
fn on(target: &web_sys::EventTarget, ty: &'static str, w: &Weak<Live>, f: impl Fn(&Event) -> Option<Action> + 'static) -> Result<Listener, JsValue> {
    let w = w.clone();
    Listener::new(target, ty, false, move |e: Event| {
        if let Some(a) = f(&e) {
            dispatch(&w, a);
        }
    })
}

/// Adds the mount to the page: style sheet, theme and keyboard attributes, paint, sidebar,
/// tooltip, listeners, observer and timer. On an error, dropping `m` undoes what was added.
pub(super) fn setup(m: &mut Mount, w: &Weak<Live>) -> Result<(), JsValue> {
    // read before anything is added (see `Attr::replace`)
    let theme_prev = m.el.get_attribute("data-claimlens-theme");
    let root = style_root(&m.el, &m.doc);
    m.sheet = Some(Sheet::retain(&m.doc, root)?);
    m.theme = Some(Attr::replace(&m.el, "data-claimlens-theme", m.opts.theme.as_str(), theme_prev)?);
    // unchecked: an element of another window is not an instance of this one's HTMLElement
    let h: &web_sys::HtmlElement = m.el.unchecked_ref();
    let focusable = m.el.has_attribute("tabindex") || h.tab_index() >= 0 || h.is_content_editable();
    for (k, v, add) in [("tabindex", "0", !focusable), ("aria-keyshortcuts", "Alt+ArrowDown Alt+ArrowUp", true)] {
        if add && !m.el.has_attribute(k) {
            m.added.push(Attr::set(&m.el, k, v)?);
        }
    }
    m.paint()?;
    m.sidebar = Sidebar::new(&m.doc, &m.el, &m.opts.sidebar, m.opts.theme)?;
    m.render_sidebar()?;
    m.tooltip = Some(Tooltip::new(&m.doc, m.opts.theme.as_str())?);

    let el: &web_sys::EventTarget = m.el.as_ref();
    m.listeners.push(on(el, "mousemove", w, |e| {
        // unchecked, not `dyn_ref`: an event of another window is not an instance of this
        // one's MouseEvent (a plain Event reads 0)
        let me: &MouseEvent = e.unchecked_ref();
        Some(Action::Hover(me.client_x() as f64, me.client_y() as f64))
    })?);
    m.listeners.push(on(el, "mouseleave", w, |_| Some(Action::HideTooltip))?);
    m.listeners.push(on(el, "keydown", w, |e| {
        let k: &KeyboardEvent = e.unchecked_ref();
        if !k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key() {
            return None;
        }
        let down = match k.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return None,
        };
        e.prevent_default();
        Some(Action::Step(down))
    })?);
    let article = m.el.clone();
    m.listeners.push(on(el, "focusout", w, move |e| {
        let to = dom::as_node(&get(e, "relatedTarget"));
        (!article.contains(to.as_ref())).then_some(Action::HideTooltip)
    })?);
    m.listeners.push(on(m.doc.as_ref(), "keydown", w, |e| (e.unchecked_ref::<KeyboardEvent>().key() == "Escape").then_some(Action::HideTooltip))?);
    if let Some(sb) = &m.sidebar {
        let root: &web_sys::EventTarget = sb.root.as_ref();
        m.listeners.push(on(root, "click", w, |e| {
            let t = target(e)?;
            if let Ok(Some(b)) = t.closest("[data-claimlens-entry]") {
                return b.get_attribute("data-claimlens-entry").and_then(|s| s.parse().ok()).map(Action::Activate);
            }
            let b = t.closest("button[data-kind]").ok()??;
            let name = b.get_attribute("data-kind").unwrap_or_default();
            KINDS.into_iter().find(|k| k.as_str() == name).map(Action::Toggle)
        })?);
        m.listeners.push(on(root, "focusin", w, |e| {
            target(e)?.get_attribute("data-claimlens-entry").and_then(|s| s.parse().ok()).map(Action::Preview)
        })?);
        m.listeners.push(on(root, "focusout", w, |_| Some(Action::HideTooltip))?);
    }
    let wt = w.clone();
    m.timer = Some(Timer::new(move || dispatch(&wt, Action::Refresh)));
    let wo = w.clone();
    m.observer = Some(Observer::new(&m.el, move || dispatch(&wo, Action::Changed))?);
    m.announce(&m.summary());
    Ok(())
}
