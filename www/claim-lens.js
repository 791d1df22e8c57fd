// <claim-lens for="story" theme="auto" highlight="auto" kinds="quote denial unverified reported">
// Mounts claimlens on the element with that id and shows the sources sidebar inside itself.
// Re-mounts when an attribute changes; unmounts when removed from the page.
//
// This is the npm package's element module (`claimlens/element`): scripts/build-wasm.sh copies
// it unchanged into www/pkg/, beside the wasm-bindgen glue it imports, and the demo page loads
// that copy (pkg/claim-lens.js). Edit it here; `node scripts/package.mjs` refreshes the copy.
import init, { analyze, mount } from "./claimlens.js";

/** Runs `f` when the browser is idle (analysis stays off the critical path). */
export const idle = (f) =>
  "requestIdleCallback" in window ? requestIdleCallback(f, { timeout: 200 }) : setTimeout(f, 0);

/** Resolves once the WebAssembly module is ready (init runs once per page). */
export const ready = init();

/** Resolves once a first analysis has run, in an idle period of its own: it builds the
 *  lexicon index and has V8 compile the module's functions (it compiles each on its first
 *  call), so mounting stays a short task. */
const warm = ready.then(() => new Promise((ok) => idle(() => { analyze("“Yes,” she said. Officials denied it, according to Reuters, a source said."); ok(); })));


export class ClaimLens extends HTMLElement {
  static observedAttributes = ["for", "theme", "highlight", "kinds"];
  #handle = null;
  #pending = false;

  /** The mount handle (`unmount()`, `refresh()`, `analysis()`), or null. */
  get handle() { return this.#handle; }

  connectedCallback() { this.#schedule(); }
  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }
  disconnectedCallback() { this.#handle?.unmount(); this.#handle = null; }

  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    warm.then(() => idle(() => { this.#pending = false; this.remount(); }));
  }

  /** Unmounts and mounts again with the current attributes. */
  remount() {
    this.#handle?.unmount();
    this.#handle = null;
    const target = document.getElementById(this.getAttribute("for") ?? "");
    if (!target || !this.isConnected) return;
    const options = { sidebar: this };
    for (const k of ["theme", "highlight"]) if (this.hasAttribute(k)) options[k] = this.getAttribute(k);
    if (this.hasAttribute("kinds")) options.kinds = this.getAttribute("kinds").split(/[\s,]+/).filter(Boolean);
    const t0 = performance.now();
    this.#handle = mount(target, options);
    this.mountMs = performance.now() - t0;
    this.dispatchEvent(new CustomEvent("claimlens-mounted", { bubbles: true, detail: { ms: this.mountMs } }));
  }
}

if (!customElements.get("claim-lens")) customElements.define("claim-lens", ClaimLens);
