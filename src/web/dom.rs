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



/// An event listener that is removed when dropped. `Fn`, not `FnMut`: an event dispatched
/// synchronously from inside the listener (re-entrantly) runs it again instead of throwing.
pub(crate) struct Listener {
    target: EventTarget,
    ty: &'static str,
    capture: bool,
    cb: Closure<dyn Fn(Event)>,
}

impl Listener {
    /// Adds `f` as a listener for `ty` events on `target`.
    pub(crate) fn new(
        target: &EventTarget,
        ty: &'static str,
        capture: bool,
        f: impl Fn(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let cb = Closure::<dyn Fn(Event)>::new(f);
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

/// A `RangeError`.
pub(crate) fn range_error(msg: &str) -> JsValue {
    js_sys::RangeError::new(msg).into()
}

/// The `nodeType` of a DOM node from any realm (window, iframe, `DOMParser` document), `None`
/// for anything else. A WebIDL brand check: this realm's `Node.prototype.nodeType` getter,
/// applied to `v`, throws a `TypeError` for any value that is not a real node (a plain object
/// faking `nodeType` included), whatever realm the node comes from. Reads no property of `v`.
pub(crate) fn node_type(v: &JsValue) -> Option<u32> {
    if !v.is_object() {
        return None;
    }
    v.unchecked_ref::<BrandNode>().brand_node_type().ok()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// This realm's `Node`.
    #[wasm_bindgen(js_name = Node)]
    type BrandNode;
    /// `final`: the glue calls `Node.prototype`'s own `nodeType` getter on the value (looked
    /// up at call time, so a worker without `Node` gets an error, not a load failure).
    #[wasm_bindgen(catch, final, method, getter, js_class = "Node", js_name = nodeType)]
    fn brand_node_type(this: &BrandNode) -> Result<u32, JsValue>;
}

/// `v` as a DOM element of any realm (see [`node_type`]).
pub(crate) fn as_element(v: &JsValue) -> Option<Element> {
    (node_type(v)? == 1).then(|| v.clone().unchecked_into())
}

/// `v` as a DOM node of any realm.
pub(crate) fn as_node(v: &JsValue) -> Option<Node> {
    node_type(v).map(|_| v.clone().unchecked_into())
}

/// The CSS Custom Highlight API of one window: `CSS.highlights` and `Highlight`.
pub(crate) struct HighlightApi {
    pub(crate) registry: JsValue,
    pub(crate) ctor: Function,
    /// The window's `StaticRange`: what the highlights hold (see `paint_highlights`).
    pub(crate) static_range: Function,
}

/// The highlight API of `doc`'s window (highlights are registered per window, and an
/// iframe's ranges must go to the iframe's registry); `None` when the browser lacks it or
/// the document has no window (`DOMParser`, `createHTMLDocument`).
pub(crate) fn highlight_api(doc: &Document) -> Option<HighlightApi> {
    let g: JsValue = doc.default_view()?.into();
    let registry = get(&get(&g, "CSS"), "highlights");
    let ctor = get(&g, "Highlight").dyn_into::<Function>().ok()?;
    // every engine with highlights has StaticRange (Chromium 60, Firefox 71, Safari 10.1)
    let static_range = get(&g, "StaticRange").dyn_into::<Function>().ok()?;
    if !registry.is_object() {
        return None;
    }
    Some(HighlightApi { registry, ctor, static_range })
}

/// The text node and offset under a viewport point (`caretPositionFromPoint`, else
/// `caretRangeFromPoint`).
pub(crate) fn caret_at(doc: &Document, x: f64, y: f64) -> Option<(Node, u32)> {
    let d: &JsValue = doc.as_ref();
    let (xv, yv) = (JsValue::from_f64(x), JsValue::from_f64(y));
    let [(f, n, o), alt] = [("caretPositionFromPoint", "offsetNode", "offset"), ("caretRangeFromPoint", "startContainer", "startOffset")];
    let (f, n, o) = if get(d, f).is_function() { (f, n, o) } else { alt };
    let pos = call(d, f, &[&xv, &yv]).ok()?;
    Some((as_node(&get(&pos, n))?, get(&pos, o).as_f64()? as u32))
}

/// A style sheet attached to a document or shadow root: a constructed sheet in
/// `adoptedStyleSheets` where supported (not subject to `style-src`), else a `<style>`.
/// Constructed sheets cannot be shared across documents, so each is made with the
/// `CSSStyleSheet` of the document's own window; a document without a window gets a
/// `<style>`.
pub(crate) enum Adopted {
    Sheet(JsValue),
    Style(Element),
}

thread_local! {
    /// Constructed style sheets by document and text: parsed once, shared by every shadow
    /// root of that document (parsing the sidebar's sheet was a tenth of a mount).
    static SHEETS: std::cell::RefCell<Vec<(Document, String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The constructed sheet of `css` in `doc`, when one was made already.
fn cached_sheet(doc: &Document, css: &str) -> Option<JsValue> {
    SHEETS.with(|c| c.borrow().iter().find(|(d, s, _)| s == css && d == doc).map(|(_, _, sheet)| sheet.clone()))
}

/// Attaches `css` to `root` (a `Document` or a `ShadowRoot`); `fallback_parent` receives the
/// `<style>` element when constructed sheets are missing.
pub(crate) fn adopt(doc: &Document, root: &JsValue, fallback_parent: &Node, css: &str) -> Result<Adopted, JsValue> {
    let list = get(root, "adoptedStyleSheets");
    let ctor = doc.default_view().and_then(|w| get(&w, "CSSStyleSheet").dyn_into::<Function>().ok());
    if let (true, Some(ctor)) = (Array::is_array(&list), ctor) {
        let sheet = match cached_sheet(doc, css) {
            Some(sheet) => sheet,
            None => {
                let sheet = Reflect::construct(&ctor, &Array::new())?;
                call(&sheet, "replaceSync", &[&JsValue::from_str(css)])?;
                SHEETS.with(|c| {
                    let mut c = c.borrow_mut();
                    // the sheets of one document at a time (a page with frames rebuilds them)
                    if c.first().is_some_and(|(d, _, _)| d != doc) {
                        c.clear();
                    }
                    c.push((doc.clone(), css.to_owned(), sheet.clone()));
                });
                sheet
            }
        };
        let arr = Array::from(&list);
        arr.push(&sheet);
        Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &arr)?;
        return Ok(Adopted::Sheet(sheet));
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
            if Array::is_array(&list) {
                let kept: Array = Array::from(&list).iter().filter(|s| s != sheet).collect();
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
