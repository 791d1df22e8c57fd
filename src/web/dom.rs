//! Small DOM helpers: element builders, owned event listeners, reflection on APIs web-sys
//! does not bind (CSS Custom Highlights, `adoptedStyleSheets`, caret hit-testing).
//!
//! Every call that can throw returns `Result`; nothing here unwraps.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget, Node};

/// A `TypeError` for JavaScript callers.
pub(crate) fn type_error(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

/// A plain `Error`.
pub(crate) fn error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// `obj[key]`, `undefined` when absent or when reading throws.
pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls method `name` of `obj` with `args`.
pub(crate) fn call(obj: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, name).dyn_into().map_err(|_| error("claimlens: missing method"))?;
    let a = Array::new();
    for x in args {
        a.push(x);
    }
    Reflect::apply(&f, obj, &a)
}

/// Creates `<tag>` with attributes and optional text (set through `textContent`, never parsed).
pub(crate) fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// Appends `child` to `parent`.
pub(crate) fn add<P: JsCast, C: JsCast>(parent: &P, child: &C) -> Result<(), JsValue> {
    parent.unchecked_ref::<Node>().append_child(child.unchecked_ref()).map(|_| ())
}



/// An event listener that is removed when dropped.
pub(crate) struct Listener {
    target: EventTarget,
    ty: &'static str,
    capture: bool,
    cb: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Adds `f` as a listener for `ty` events on `target`.
    pub(crate) fn new(
        target: &EventTarget,
        ty: &'static str,
        capture: bool,
        f: impl FnMut(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let cb = Closure::<dyn FnMut(Event)>::new(f);
        target.add_event_listener_with_callback_and_bool(ty, cb.as_ref().unchecked_ref(), capture)?;
        Ok(Listener { target: target.clone(), ty, capture, cb })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.ty,
            self.cb.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// The global object (`window` or a worker scope).
pub(crate) fn global() -> JsValue {
    js_sys::global().into()
}

/// `CSS.highlights` and the `Highlight` constructor, where the browser has the CSS Custom
/// Highlight API.
pub(crate) fn highlight_api() -> Option<(JsValue, Function)> {
    let g = global();
    let registry = get(&get(&g, "CSS"), "highlights");
    let ctor = get(&g, "Highlight").dyn_into::<Function>().ok()?;
    if registry.is_undefined() || registry.is_null() {
        return None;
    }
    Some((registry, ctor))
}

/// The text node and offset under a viewport point (`caretPositionFromPoint`, else
/// `caretRangeFromPoint`).
pub(crate) fn caret_at(doc: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    let d: &JsValue = doc.as_ref();
    let (xv, yv) = (JsValue::from_f64(x), JsValue::from_f64(y));
    if get(d, "caretPositionFromPoint").is_function() {
        let pos = call(d, "caretPositionFromPoint", &[&xv, &yv]).ok()?;
        let node = get(&pos, "offsetNode").dyn_into::<Node>().ok()?;
        let off = get(&pos, "offset").as_f64()? as u32;
        return Some((node, off));
    }
    if get(d, "caretRangeFromPoint").is_function() {
        let r = call(d, "caretRangeFromPoint", &[&xv, &yv]).ok()?;
        let node = get(&r, "startContainer").dyn_into::<Node>().ok()?;
        let off = get(&r, "startOffset").as_f64()? as u32;
        return Some((node, off));
    }
    None
}

/// A style sheet attached to a document or shadow root: a constructed sheet in
/// `adoptedStyleSheets` where supported (not subject to `style-src`), else a `<style>`.
pub(crate) enum Adopted {
    Sheet(JsValue),
    Style(Element),
}

/// Attaches `css` to `root` (a `Document` or a `ShadowRoot`); `fallback_parent` receives the
/// `<style>` element when constructed sheets are missing.
pub(crate) fn adopt(doc: &Document, root: &JsValue, fallback_parent: &Node, css: &str) -> Result<Adopted, JsValue> {
    let list = get(root, "adoptedStyleSheets");
    if js_sys::Array::is_array(&list) {
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            sheet.replace_sync(css)?;
            let arr = js_sys::Array::from(&list);
            arr.push(&sheet);
            Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &arr)?;
            return Ok(Adopted::Sheet(sheet.into()));
        }
    }
    let style = el(doc, "style", &[("data-claimlens-ui", "style")], Some(css))?;
    add(fallback_parent, &style)?;
    Ok(Adopted::Style(style))
}

/// Detaches what [`adopt`] attached.
pub(crate) fn unadopt(root: &JsValue, a: &Adopted) {
    match a {
        Adopted::Sheet(sheet) => {
            let list = get(root, "adoptedStyleSheets");
            if js_sys::Array::is_array(&list) {
                let kept: js_sys::Array = js_sys::Array::from(&list).iter().filter(|s| s != sheet).collect();
                let _ = Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &kept);
            }
        }
        Adopted::Style(e) => e.remove(),
    }
}

/// Attaches an open shadow root to `host`.
pub(crate) fn shadow(host: &Element) -> Result<web_sys::ShadowRoot, JsValue> {
    host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
}
