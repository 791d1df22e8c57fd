//! Events: each listener, the observer and the timer only turn what happened into an
//! [`Action`]; one [`dispatch`] does it on the mount (the behaviour is here too).

use std::rc::Weak;

use super::ann::{excerpt, title, View, KINDS};
use super::dom::{self, caret_at, get, Listener};
use super::model::TextModel;
use super::mount::{Live, Mount, Observer, Timer};
use super::paint;
use super::style::LABELS;
use crate::Kind;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

/// Milliseconds of quiet after a page change before re-analysing.
const DEBOUNCE_MS: i32 = 150;

/// What the reader or the page did, as the mount handles it.
#[derive(Clone, Copy)]
pub(super) enum Action {
    /// The pointer moved over the article, to this viewport point: the tooltip of the
    /// highlight under it, if any.
    Hover(f64, f64),
    /// The pointer or the focus left, or Escape was pressed: hide the tooltip.
    HideTooltip,
    /// Alt+ArrowDown (`true`) or Alt+ArrowUp in the article: mark the next or previous
    /// highlight.
    Step(bool),
    /// A sidebar entry was clicked: mark annotation `id`.
    Activate(usize),
    /// A sidebar entry got focus: show the tooltip of annotation `id`.
    Preview(usize),
    /// A legend button was clicked: show or hide that kind.
    Toggle(Kind),
    /// A source's `<details>` in the sidebar opened: list what it said (`data-list`).
    Open(usize),
    /// The article changed: re-debounce a re-analysis.
    Changed,
    /// The debounce timer fired: re-analyse.
    Refresh,
}

/// Does `a` on the mount behind `w`, unless it is gone or busy (a re-entrant event).
pub(super) fn dispatch(w: &Weak<Live>, a: Action) {
    if let Some(l) = w.upgrade() {
        l.run(|m| m.act(a));
    }
}

/// Reads an event into an action, or none; the article is `el`. It runs page code (event
/// getters, `closest`) before the mount is touched.
type Decode = fn(&Event, &Element) -> Option<Action>;

/// A listener for `ty` events on `target` that dispatches what `decode` reads.
fn listen(target: &EventTarget, ty: &'static str, w: &Weak<Live>, el: &Element, decode: Decode) -> Result<Listener, JsValue> {
    // `toggle` does not bubble: it is heard in the capture phase
    let (w, el) = (w.clone(), el.clone());
    Listener::new(target, ty, ty == "toggle", move |e: Event| {
        if let Some(a) = decode(&e, &el) {
            dispatch(&w, a);
        }
    })
}

/// A callback that dispatches `a` (for the observer and the timer).
fn callback(w: &Weak<Live>, a: Action) -> Closure<dyn Fn()> {
    let w = w.clone();
    Closure::new(move || dispatch(&w, a))
}

/// The element an event was dispatched to (of any realm).
fn target(e: &Event) -> Option<Element> {
    dom::as_element(&e.target()?.into())
}

fn hover(e: &Event, _: &Element) -> Option<Action> {
    // unchecked, not `dyn_ref`: an event of another window is not an instance of this one's
    // MouseEvent (a plain Event reads 0)
    let me: &MouseEvent = e.unchecked_ref();
    Some(Action::Hover(me.client_x() as f64, me.client_y() as f64))
}

fn hide(_: &Event, _: &Element) -> Option<Action> {
    Some(Action::HideTooltip)
}

/// Alt+ArrowDown / Alt+ArrowUp (no other modifier), whose default is then prevented.
fn step_key(e: &Event, _: &Element) -> Option<Action> {
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
}

/// Focus left the article for somewhere outside it.
fn focus_left(e: &Event, el: &Element) -> Option<Action> {
    let to = dom::as_node(&get(e, "relatedTarget"));
    (!el.contains(to.as_ref())).then_some(Action::HideTooltip)
}

fn escape(e: &Event, _: &Element) -> Option<Action> {
    (e.unchecked_ref::<KeyboardEvent>().key() == "Escape").then_some(Action::HideTooltip)
}

/// The id of a sidebar entry (`data-claimlens-entry`).
fn entry_id(b: &Element) -> Option<usize> {
    b.get_attribute("data-claimlens-entry").and_then(|s| s.parse().ok())
}

/// A click in the sidebar: on an entry, or on a legend button.
fn sidebar_click(e: &Event, _: &Element) -> Option<Action> {
    let t = target(e)?;
    if let Ok(Some(b)) = t.closest("[data-claimlens-entry]") {
        entry_id(&b).map(Action::Activate)
    } else if let Ok(Some(b)) = t.closest("button[data-kind]") {
        let name = b.get_attribute("data-kind").unwrap_or_default();
        KINDS.into_iter().find(|k| k.as_str() == name).map(Action::Toggle)
    } else {
        None
    }
}

/// A sidebar `<details>` opened (its `toggle` event, which does not bubble: caught on the way
/// down).
fn sidebar_open(e: &Event, _: &Element) -> Option<Action> {
    let t = target(e)?;
    t.get_attribute("data-list").and_then(|s| s.parse().ok()).map(Action::Open)
}

fn sidebar_focus(e: &Event, _: &Element) -> Option<Action> {
    entry_id(&target(e)?).map(Action::Preview)
}

/// Adds the mount's listeners, its debounce timer and its observer (each dispatching to the
/// mount behind `w`).
pub(super) fn wire(m: &mut Mount, w: &Weak<Live>) -> Result<(), JsValue> {
    let el = &m.el;
    let on_el: &EventTarget = el.as_ref();
    let ls = &mut m.listeners;
    ls.push(listen(on_el, "mousemove", w, el, hover)?);
    ls.push(listen(on_el, "mouseleave", w, el, hide)?);
    ls.push(listen(on_el, "keydown", w, el, step_key)?);
    ls.push(listen(on_el, "focusout", w, el, focus_left)?);
    ls.push(listen(m.doc.as_ref(), "keydown", w, el, escape)?);
    if let Some(sb) = &m.sidebar {
        let root: &EventTarget = sb.root.as_ref();
        ls.push(listen(root, "click", w, el, sidebar_click)?);
        ls.push(listen(root, "focusin", w, el, sidebar_focus)?);
        ls.push(listen(root, "toggle", w, el, sidebar_open)?);
        ls.push(listen(root, "focusout", w, el, hide)?);
    }
    m.timer = Some(Timer::new(callback(w, Action::Refresh)));
    m.observer = Some(Observer::new(el, callback(w, Action::Changed))?);
    Ok(())
}

impl Mount {
    /// Does one action; errors are dropped (an event has no caller to report them to).
    fn act(&mut self, a: Action) {
        let _ = match a {
            Action::Hover(x, y) => {
                self.hover(x, y);
                Ok(())
            }
            Action::HideTooltip => {
                self.hide_tooltip();
                Ok(())
            }
            Action::Step(down) => self.step(down),
            Action::Activate(id) => self.activate(id, ""),
            Action::Preview(id) => self.preview(id),
            Action::Toggle(k) => self.toggle(k),
            Action::Open(list) => match &mut self.sidebar {
                Some(sb) => sb.fill(&self.doc, &self.view, list),
                None => Ok(()),
            },
            Action::Changed => {
                self.schedule();
                Ok(())
            }
            Action::Refresh => {
                if let Some(t) = &mut self.timer {
                    t.fired();
                }
                self.refresh()
            }
        };
    }

    /// Paints the shown kinds (the paint is undone first by the caller).
    pub(super) fn paint(&mut self) -> Result<(), JsValue> {
        let p = &mut self.paint;
        let r = if self.marks {
            paint::paint_marks(&self.doc, &mut self.model, &self.view, &self.shown, &mut p.done)
        } else if let Some(hl) = &p.hl {
            paint::paint_highlights(hl, &self.doc, &self.model, &self.view, &self.shown, &mut p.done)
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
            o.forget_records();
        }
    }

    pub(super) fn render_sidebar(&mut self) -> Result<(), JsValue> {
        match &mut self.sidebar {
            Some(sb) => sb.render(&self.doc, &self.view, &self.opts.kinds, &self.shown),
            None => Ok(()),
        }
    }

    pub(super) fn summary(&self) -> String {
        let c = self.view.counts();
        let mut s = String::from("claimlens: ");
        for k in KINDS.into_iter().filter(|&k| self.opts.kinds[k]) {
            if s.len() > 11 {
                s.push_str(", ");
            }
            crate::decimal::push(&mut s, c[k] as i64);
            s.push(' ');
            s.push_str(&LABELS[k].to_ascii_lowercase());
        }
        // sources with a statement, as the sidebar counts them
        let n = self.view.statements(&self.opts.kinds).iter().filter(|&&n| n > 0).count();
        s.push_str("; ");
        crate::decimal::push(&mut s, n as i64);
        s.push_str(if n == 1 { " source." } else { " sources." });
        s
    }

    pub(super) fn announce(&self, msg: &str) {
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
                a.start < a.end && self.shown[a.kind]
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
        let mut pos = String::from(", ");
        crate::decimal::push(&mut pos, n as i64);
        pos.push_str(" of ");
        crate::decimal::push(&mut pos, order.len() as i64);
        self.activate(self.view.anns[next].id, &pos)
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
        let p = &mut self.paint;
        match &p.hl {
            Some(hl) => p.focus.set(hl, Some(r.clone())),
            None => p.done.set_active(Some(id)),
        }
        let rect = r.get_bounding_client_rect();
        if let Some(t) = &mut self.tooltip {
            t.show(&self.doc, &self.view, &[i], &rect)?;
        }
        // "Marked quote (Jane Doe), 1 of 3: “…”"
        let mut msg = String::from("Marked ");
        msg.push_str(&title(a).to_ascii_lowercase());
        if let Some(w) = self.view.who(a) {
            msg.push_str(" (");
            msg.push_str(w);
            msg.push(')');
        }
        msg.push_str(note);
        msg.push_str(": ");
        msg.push_str(&excerpt(&a.text, 80));
        if !a.disputed_by.is_empty() {
            msg.push_str(" Disputed.");
        }
        self.announce(&msg);
        Ok(())
    }

    /// Shows or hides one kind.
    fn toggle(&mut self, k: Kind) -> Result<(), JsValue> {
        let on = !self.shown[k];
        self.shown[k] = on;
        if let Some(sb) = &self.sidebar {
            sb.set_pressed(k, on);
        }
        self.refresh()?;
        self.announce(&crate::vocab::join(&[LABELS[k], if on { " shown" } else { " hidden" }], ""));
        Ok(())
    }

    /// Re-debounces a re-analysis.
    fn schedule(&mut self) {
        if let Some(t) = &mut self.timer {
            t.restart(DEBOUNCE_MS);
        }
    }

    /// Undoes the paint, re-reads the article, re-analyses when its text changed, repaints.
    pub(super) fn refresh(&mut self) -> Result<(), JsValue> {
        self.hide_tooltip();
        self.paint.undo();
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
            self.announce(&crate::vocab::join(&["Article changed. ", &self.summary()], ""));
        }
        r
    }
}
