//! The state of one mounted article and its behaviour: paint, re-analyse, the tooltip, the
//! sidebar, keyboard stepping. The state owns what it added to the page through guards
//! ([`super::guard`]), so dropping it unmounts.

use super::ann::{excerpt, kind_label, subtype_label, View};
use super::dom::{caret_at, HighlightApi, Listener};
use super::guard::{Attr, Observer, Sheet, Timer};
use super::model::TextModel;
use super::options::Options;
use super::paint::{self, Focus, Painted};
use super::sidebar::Sidebar;
use super::options::{PerKind, KINDS};
use super::style::LABELS;
use crate::Kind;
use super::tooltip::Tooltip;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// How long the article must stay unchanged before it is analysed again, in milliseconds.
const DEBOUNCE_MS: i32 = 150;

pub(super) struct Mount {
    pub(super) el: Element,
    pub(super) doc: Document,
    /// The highlight API of the article's window (tier 1); `None` in the `<mark>` tier.
    pub(super) hl: Option<HighlightApi>,
    pub(super) opts: Options,
    /// Use `<mark>` wrapping (tier 2).
    pub(super) marks: bool,
    /// Kinds toggled on.
    pub(super) shown: PerKind<bool>,
    pub(super) model: TextModel,
    pub(super) view: View,
    pub(super) analysis: crate::Analysis,
    pub(super) painted: Painted,
    pub(super) focus: Focus,
    pub(super) sidebar: Option<Sidebar>,
    pub(super) tooltip: Option<Tooltip>,
    /// `data-claimlens-theme` on the article (its earlier value back on drop).
    pub(super) theme: Option<Attr>,
    /// This mount's use of the page style sheet in the article's document or shadow root.
    pub(super) sheet: Option<Sheet>,
    pub(super) observer: Option<Observer>,
    pub(super) timer: Option<Timer>,
    pub(super) listeners: Vec<Listener>,
    pub(super) refreshes: u32,
    /// Id of the highlight last marked (keyboard stepping starts from it).
    pub(super) cursor: Option<usize>,
    /// Attributes added to the article (absent before), removed on unmount.
    pub(super) added: Vec<Attr>,
}

impl Mount {
    pub(super) fn paint(&mut self) -> Result<(), JsValue> {
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
    pub(super) fn forget_own_mutations(&self) {
        if let Some(o) = &self.observer {
            o.forget();
        }
    }

    pub(super) fn render_sidebar(&self) -> Result<(), JsValue> {
        match &self.sidebar {
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
            s.push_str(&c[k].to_string());
            s.push(' ');
            s.push_str(&LABELS[k].to_ascii_lowercase());
        }
        s.push_str("; ");
        s.push_str(&self.view.srcs.len().to_string());
        s.push_str(" sources.");
        s
    }

    pub(super) fn announce(&self, msg: &str) {
        if let Some(sb) = &self.sidebar {
            sb.announce(msg);
        }
    }

    pub(super) fn hide_tooltip(&mut self) {
        if let Some(t) = &mut self.tooltip {
            t.hide();
        }
    }

    /// Shows the tooltip for the highlight under the viewport point, if any.
    pub(super) fn hover(&mut self, x: f64, y: f64) {
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
    pub(super) fn preview(&mut self, id: usize) -> Result<(), JsValue> {
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
    pub(super) fn step(&mut self, down: bool) -> Result<(), JsValue> {
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
        self.activate(self.view.anns[next].id, &format!(", {n} of {}", order.len()))
    }

    /// Scrolls to annotation `id`, marks it, shows its tooltip and announces it (with `note`).
    pub(super) fn activate(&mut self, id: usize, note: &str) -> Result<(), JsValue> {
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
    pub(super) fn toggle(&mut self, k: Kind) -> Result<(), JsValue> {
        let on = !self.shown[k];
        self.shown[k] = on;
        if let Some(sb) = &self.sidebar {
            sb.set_pressed(k, on);
        }
        self.refresh()?;
        self.announce(&format!("{} {}", LABELS[k], if on { "shown" } else { "hidden" }));
        Ok(())
    }

    /// Re-debounces a re-analysis.
    pub(super) fn schedule(&mut self) {
        if let Some(t) = &mut self.timer {
            t.arm(DEBOUNCE_MS);
        }
    }

    /// Undoes the paint, re-reads the article, re-analyses when its text changed, repaints.
    pub(super) fn refresh(&mut self) -> Result<(), JsValue> {
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
}

impl Drop for Mount {
    /// Unmounting: the observer and timer stop first (no re-analysis during the undo), the
    /// listeners go, the paint is undone; the sidebar, tooltip, attributes and style sheet
    /// undo themselves as their fields drop, in that order.
    fn drop(&mut self) {
        self.observer = None;
        self.timer = None;
        self.listeners.clear();
        self.focus.clear(self.hl.as_ref());
        self.painted.undo(self.hl.as_ref());
        if let Some(s) = self.sidebar.take() {
            s.remove();
        }
        if let Some(t) = self.tooltip.take() {
            t.remove();
        }
        self.theme = None;
        self.added.clear();
        self.sheet = None;
    }
}
