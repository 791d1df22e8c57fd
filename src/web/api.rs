//! The JavaScript API: `analyze()`, `mount()` and the [`Handle`] it returns (the
//! `wasm_bindgen` exports; the mount itself is in [`super::mount`]).

use std::rc::Rc;

use super::dom::{self, type_error};
use super::mount::{self, Live, Mount};
use super::options::Options;
use super::{too_large, MAX_INPUT_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Analyses `text` and returns the object `claimlens analyze --json` prints.
///
/// # Errors
/// A `TypeError` when `text` is not a string; a `RangeError` when it is over 64 MiB of UTF-8
/// (checked on the JavaScript string's length before it is copied into wasm memory).
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsValue> {
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
    to_js(&crate::analyze_owned(t))
}

/// The analysis as a plain JavaScript object: the wire record through `serde-wasm-bindgen`
/// (`json_compatible`: maps as objects, absent fields left out, no `undefined`).
fn to_js(a: &crate::Analysis) -> Result<JsValue, JsValue> {
    use serde::Serialize;
    a.wire().serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
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
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>,
) -> Result<Handle, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let el = dom::as_element(&element).ok_or_else(|| type_error("claimlens.mount: expected an Element"))?;
    // options first: reading them may run page code (getters)
    let opts = Options::parse(&options)?;
    mount::open(el, opts).map(|id| Handle { id })
}

/// A mounted article. The mount stays on the page until [`Handle::unmount`], even if the
/// handle itself is dropped.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
}

impl Handle {
    fn live(&self) -> Option<Rc<Live>> {
        mount::find(self.id)
    }

    /// Runs `f` on the mount: `Ok(None)` when unmounted, an `Error` when busy (a re-entrant
    /// call from inside one of its own operations).
    fn with<T>(&self, f: impl FnOnce(&mut Mount) -> T) -> Result<Option<T>, JsValue> {
        let Some(l) = self.live().filter(|l| l.is_open()) else { return Ok(None) };
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
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analysis(&self) -> Result<JsValue, JsValue> {
        self.with(|m| to_js(&m.analysis))?
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
        self.live().is_some_and(|l| l.is_open())
    }

    /// How many times the article was re-analysed after a change.
    #[wasm_bindgen(getter)]
    pub fn refreshes(&self) -> u32 {
        self.with(|m| m.refreshes).ok().flatten().unwrap_or(0)
    }

    /// `"highlights"` (CSS Custom Highlight API) or `"marks"`.
    #[wasm_bindgen(getter, unchecked_return_type = "\"highlights\" | \"marks\" | \"\"")]
    pub fn tier(&self) -> String {
        self.live().map(|l| if l.marks { "marks" } else { "highlights" }.to_owned()).unwrap_or_default()
    }
}

/// The analysis of `text` as a W3C Web Annotation `AnnotationPage` (what
/// `claimlens analyze --format w3c` prints): a quote selector and a code-point position
/// selector per finding; `source` (optional) is the annotated page's URL.
///
/// # Errors
/// As [`analyze_js`]; a `TypeError` when `source` is given and is not a string.
#[wasm_bindgen(js_name = toW3C, unchecked_return_type = "W3cPage")]
pub fn to_w3c_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] source: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    use serde::Serialize;
    if !text.is_string() {
        return Err(type_error("claimlens.toW3C: expected a string"));
    }
    if text.unchecked_ref::<js_sys::JsString>().length() as usize > MAX_INPUT_BYTES {
        return Err(too_large("claimlens.toW3C: the text"));
    }
    let source = match source.filter(|s| !s.is_undefined() && !s.is_null()) {
        Some(s) => Some(s.as_string().ok_or_else(|| type_error("claimlens.toW3C: source must be a string (a URL)"))?),
        None => None,
    };
    let t = text.as_string().unwrap_or_default();
    if t.len() > MAX_INPUT_BYTES {
        return Err(too_large("claimlens.toW3C: the text"));
    }
    crate::analyze_owned(t).w3c(source.as_deref()).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}
