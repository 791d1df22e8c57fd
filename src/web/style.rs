//! The palette and the style sheets (page-level highlight styles, sidebar, tooltip).
//!
//! Tints derive from the Okabe–Ito colour-blind-safe palette (sky blue, vermillion, orange,
//! reddish purple), mixed toward white (light theme) or near-black (dark theme) so that the
//! text colour set with them keeps a contrast of at least 4.5:1 (checked in
//! `tests/browser.rs` from the computed styles). Colour is never the only cue: each kind has
//! its own underline style (solid, double, wavy, dotted).

use super::ann::{PerKind, KINDS};

/// One kind's colours: background tint and underline colour.
pub(crate) struct Tone {
    pub(crate) bg: &'static str,
    pub(crate) line: &'static str,
}

// Per-kind tables, in `KINDS` order (quote, denial, unverified, reported).
/// Underline style per kind.
const LINE_STYLE: PerKind<&str> = PerKind(["solid", "double", "wavy", "dotted"]);
/// Legend labels.
pub(crate) const LABELS: PerKind<&str> = PerKind(["Quotes", "Denials", "Unverified claims", "Reported speech"]);
/// Highlight priorities (higher paints on top where spans of the same depth overlap; a
/// nested span paints above its container whatever the kinds, see `paint`).
pub(crate) const PRIORITY: PerKind<i32> = PerKind([2, 3, 1, 0]);

const LIGHT_FG: &str = "#1a1a1a";
const DARK_FG: &str = "#f4f4f4";
const LIGHT: PerKind<Tone> = PerKind([
    Tone { bg: "#cce8f8", line: "#0072b2" }, // sky blue 30% on white
    Tone { bg: "#f5d7bf", line: "#c05400" }, // vermillion 25%
    Tone { bg: "#f8e2b3", line: "#9a6a00" }, // orange 30%
    Tone { bg: "#f6e7ef", line: "#a8507f" }, // reddish purple 18% (subtle)
]);
const DARK: PerKind<Tone> = PerKind([
    Tone { bg: "#33586d", line: "#56b4e9" },
    Tone { bg: "#653610", line: "#ff8c3a" },
    Tone { bg: "#6c5010", line: "#f0c040" },
    Tone { bg: "#47323e", line: "#dd99bf" },
]);
/// The marked (clicked) span: Okabe–Ito yellow with black text, in both themes.
const FOCUS_BG: &str = "#f0e442";

/// Custom properties for one theme: `--cl-fg`, `--cl-<kind>` (overridable through the public
/// `--claimlens-<kind>`), `--cl-<kind>-line`.
fn vars(out: &mut String, fg: &str, tones: &PerKind<Tone>) {
    out.push_str("--cl-fg:");
    out.push_str(fg);
    out.push_str(";--cl-focus:");
    out.push_str(FOCUS_BG);
    for k in KINDS {
        let t = &tones[k];
        fill(out, ";--cl-@:var(--claimlens-@,%);--cl-@-line:^", k.as_str(), t.bg, t.line);
    }
}

/// Appends `tpl` with `@` replaced by `n`, `%` by `a` and `^` by `b` (smaller than `format!`).
fn fill(out: &mut String, tpl: &str, n: &str, a: &str, b: &str) {
    for c in tpl.chars() {
        match c {
            '@' => out.push_str(n),
            '%' => out.push_str(a),
            '^' => out.push_str(b),
            c => out.push(c),
        }
    }
}

/// `sel{light} sel-dark{dark} @media dark {sel-auto{dark}}`.
fn themed(out: &mut String, base: &str, dark: &str, auto: &str) {
    out.push_str(base);
    out.push('{');
    vars(out, LIGHT_FG, &LIGHT);
    out.push('}');
    out.push_str(dark);
    out.push('{');
    vars(out, DARK_FG, &DARK);
    out.push_str("}@media (prefers-color-scheme:dark){");
    out.push_str(auto);
    out.push('{');
    vars(out, DARK_FG, &DARK);
    out.push_str("}}");
}

/// The page-level sheet: theme variables on mounted articles, `::highlight()` styles and
/// the `<mark>` fallback styles.
pub(crate) fn page_css() -> String {
    let mut s = String::with_capacity(2048);
    themed(
        &mut s,
        "[data-claimlens-theme]",
        "[data-claimlens-theme=dark]",
        "[data-claimlens-theme=auto]",
    );
    for k in KINDS {
        fill(
            &mut s,
            "::highlight(claimlens-@),::highlight(claimlens-@-1),::highlight(claimlens-@-2),mark[data-claimlens-kind=@]{background-color:var(--cl-@);color:var(--cl-fg);\
             text-decoration:underline % var(--cl-@-line);text-decoration-thickness:2px}",
            k.as_str(),
            LINE_STYLE[k],
            "",
        );
    }
    s.push_str(
        "mark[data-claimlens-kind]{padding:0;border-radius:0;text-decoration-skip-ink:none;text-underline-offset:.18em}\
         mark[data-claimlens-kind] mark[data-claimlens-kind]{text-underline-offset:.42em}\
         ::highlight(claimlens-focus),mark[data-claimlens-kind][data-claimlens-active]{background-color:var(--cl-focus);color:#000}\
         mark[data-claimlens-active]{outline:2px solid #000;outline-offset:1px}",
    );
    s
}

/// The sidebar's shadow-root sheet.
pub(crate) fn sidebar_css() -> String {
    let mut s = String::with_capacity(4096);
    themed(&mut s, ":host", ":host([data-theme=dark])", ":host([data-theme=auto])");
    s.push_str(
        ":host{display:block;--bg:#fff;--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--hover:#f1f1f1;--ring:#0b57d0;\
           font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink)}\
         :host([data-theme=dark]){--bg:#1e1e1e;--ink:#ececec;--muted:#b5b5b5;--rule:#444;--hover:#2a2a2a;--ring:#8ab4f8}\
         @media (prefers-color-scheme:dark){:host([data-theme=auto]){--bg:#1e1e1e;--ink:#ececec;--muted:#b5b5b5;--rule:#444;--hover:#2a2a2a;--ring:#8ab4f8}}\
         .panel{background:var(--bg);border:1px solid var(--rule);border-radius:8px;padding:12px 14px}\
         h2{font-size:1.05em;margin:0 0 4px}h3{font-size:.8em;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 0 4px}\
         p.sum{margin:0 0 10px;color:var(--muted);font-size:.9em}\
         ul{list-style:none;margin:0;padding:0}\
         .legend{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 6px}\
         button{font:inherit;color:inherit;background:none;border:1px solid var(--rule);border-radius:6px;cursor:pointer;text-align:start}\
         button:focus-visible,summary:focus-visible{outline:3px solid var(--ring);outline-offset:2px}\
         .legend button{display:inline-flex;align-items:center;gap:6px;padding:3px 8px;font-size:.88em}\
         .legend button[aria-pressed=false]{opacity:.75;text-decoration:line-through}\
         .legend button[aria-pressed=false] .sw{background:none}\
         .sw{display:inline-block;padding:0 4px;border-radius:2px;color:var(--cl-fg);text-decoration-thickness:2px}",
    );
    for k in KINDS {
        fill(&mut s, ".sw-@{background:var(--cl-@);text-decoration:underline % var(--cl-@-line)}", k.as_str(), LINE_STYLE[k], "");
    }
    // A source off screen is not laid out or painted (`content-visibility:auto`; it keeps its
    // place at about a summary's height, and stays in find-in-page and the accessibility
    // tree): the sidebar of a long article was a third of the frame after `mount()`. Its
    // containment clips what overflows a source, so focus rings inside go inward.
    s.push_str(
        "details{border-top:1px solid var(--rule);content-visibility:auto;contain-intrinsic-size:auto 2.3em}details :focus-visible{outline-offset:-3px}summary{cursor:pointer;padding:6px 5px;display:flex;gap:8px;align-items:baseline}\
         summary .name{flex:1;min-width:0;overflow-wrap:anywhere;font-weight:600}.badge{flex-shrink:0;white-space:nowrap;font-size:.8em;color:var(--muted)}\
         .entries li{margin:0 0 6px}.entries button{display:block;width:100%;border:0;border-left:4px solid var(--rule);border-radius:0;padding:4px 8px;font-size:.9em}\
         .entries button:hover{background:var(--hover)}\
         .entries button.k-quote{border-left-color:var(--cl-quote-line)}.entries button.k-denial{border-left-color:var(--cl-denial-line);border-left-style:double}\
         .entries button.k-unverified{border-left-color:var(--cl-unverified-line);border-left-style:dashed}.entries button.k-reported{border-left-color:var(--cl-reported-line);border-left-style:dotted}\
         .verb{font-weight:600;margin-inline-end:4px}.none{color:var(--muted);font-size:.9em;margin:0 0 6px}\
         .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    );
    s
}

/// The tooltip's shadow-root sheet.
pub(crate) fn tooltip_css() -> String {
    let mut s = String::with_capacity(2048);
    themed(&mut s, ":host", ":host([data-theme=dark])", ":host([data-theme=auto])");
    s.push_str(
        ".tip{max-width:22rem;background:#1f1f1f;color:#f4f4f4;border-radius:6px;padding:8px 10px;\
           font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.3)}\
         :host([data-theme=dark]) .tip{background:#f4f4f4;color:#1a1a1a}\
         @media (prefers-color-scheme:dark){:host([data-theme=auto]) .tip{background:#f4f4f4;color:#1a1a1a}}\
         .item+.item{border-top:1px solid #777;margin-top:6px;padding-top:6px}\
         .head{font-weight:700}.sw{display:inline-block;width:.9em;height:.9em;margin-inline-end:6px;vertical-align:-.1em;border:1px solid #888}\
         dl{margin:2px 0 0;display:grid;grid-template-columns:auto 1fr;gap:0 8px}dt{opacity:.85}dd{margin:0}",
    );
    for k in KINDS {
        fill(&mut s, ".sw-@{background:var(--cl-@)}", k.as_str(), "", "");
    }
    s
}
