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
//! marked, scrolled to, explained in the tooltip and announced. Every DOM call returns
//! `Result`; callbacks never unwrap, and skip their work when the mount is busy, so no panic
//! reaches the page.
//!
//! Layout: [`api`] holds the `wasm_bindgen` exports; [`mount`] the mount's state, which owns
//! everything it put on the page through guards that undo themselves on drop (unmounting is
//! dropping the state); [`events`] the [`events::Action`]s that listeners, observer and timer
//! produce, and the one dispatch that does them.
//!
//! Hostile pages: the element is checked by brand (any document or frame; no fakes); no
//! `RefCell` borrow is held across a call into JavaScript, and a call that page code makes
//! from inside claimlens's own work (re-entrantly) is refused or, for `unmount()`, deferred
//! (see [`mount::Live`]); each document, or the shadow root holding the article, gets its own
//! style sheet, and highlights go to the article's own window; texts over
//! [`MAX_INPUT_BYTES`] are refused with a `RangeError`.

/// The module's allocator: talc instead of the standard library's dlmalloc (a smaller module
/// and faster allocation; measured in the README). Single-threaded wasm, growing memory as
/// needed.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod ann;
mod api;
mod dom;
mod events;
mod model;
mod mount;
mod options;
mod paint;
mod sidebar;
mod style;
mod types;
mod tooltip;

use wasm_bindgen::JsValue;

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
