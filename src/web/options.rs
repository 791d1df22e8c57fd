//! `mount(element, options)`: the options object, checked strictly (a `TypeError` names the
//! bad field and what it accepts).

use super::ann::{PerKind, KINDS};
use super::dom::{as_element, get, type_error};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Where the sources sidebar goes.
pub(crate) enum Sidebar {
    /// No sidebar.
    None,
    /// A host element inserted right after the article.
    After,
    /// A host element appended to this element.
    In(Element),
}

/// Colour theme of highlights and widget.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Parsed `mount` options.
pub(crate) struct Options {
    /// Force `<mark>` wrapping instead of the CSS Custom Highlight API.
    pub(crate) marks: bool,
    pub(crate) sidebar: Sidebar,
    /// Which kinds are highlighted.
    pub(crate) kinds: PerKind<bool>,
    pub(crate) theme: Theme,
}

impl Options {
    /// Reads an options object; `undefined` and `null` mean the defaults.
    pub(crate) fn parse(v: &JsValue) -> Result<Options, JsValue> {
        let mut o = Options { marks: false, sidebar: Sidebar::After, kinds: PerKind([true; 4]), theme: Theme::Auto };
        if v.is_undefined() || v.is_null() {
            return Ok(o);
        }
        if !v.is_object() {
            return Err(type_error("claimlens.mount: options must be an object"));
        }
        let h = get(v, "highlight");
        if !h.is_undefined() {
            o.marks = match h.as_string().as_deref() {
                Some("auto") => false,
                Some("marks") => true,
                _ => return Err(type_error("claimlens.mount: options.highlight must be \"auto\" or \"marks\"")),
            };
        }
        let s = get(v, "sidebar");
        o.sidebar = if s.is_undefined() || s.as_bool() == Some(true) {
            Sidebar::After
        } else if s.as_bool() == Some(false) {
            Sidebar::None
        } else if let Some(e) = as_element(&s) {
            Sidebar::In(e)
        } else {
            return Err(type_error("claimlens.mount: options.sidebar must be true, false or an Element"));
        };
        let k = get(v, "kinds");
        if !k.is_undefined() {
            if !js_sys::Array::is_array(&k) {
                return Err(type_error("claimlens.mount: options.kinds must be an array of kind names"));
            }
            o.kinds = PerKind([false; 4]);
            for item in js_sys::Array::from(&k).iter() {
                let name = item.as_string().unwrap_or_default();
                match KINDS.into_iter().find(|k| k.as_str() == name) {
                    Some(k) => o.kinds[k] = true,
                    None => {
                        return Err(type_error(
                            "claimlens.mount: options.kinds may contain only \"quote\", \"denial\", \"unverified\" and \"reported\"",
                        ))
                    }
                }
            }
        }
        let t = get(v, "theme");
        if !t.is_undefined() {
            o.theme = match t.as_string().as_deref() {
                Some("auto") => Theme::Auto,
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => return Err(type_error("claimlens.mount: options.theme must be \"auto\", \"light\" or \"dark\"")),
            };
        }
        Ok(o)
    }
}
