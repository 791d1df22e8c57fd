//! The TypeScript declarations of the JavaScript API, added to the generated `claimlens.d.ts`:
//! the wire record of [`crate::Wire`] (`Analysis`, `Annotation`, `Source`, `Block`), the
//! `mount` options and the string unions of kinds, subtypes, source types and roles. The
//! exports in [`super::api`] refer to them through `unchecked_param_type` and
//! `unchecked_return_type`, so `analyze(text: string): Analysis` is what a TypeScript user
//! sees instead of `any`. `tests/typescript/` compiles a consumer against them with
//! `tsc --strict`, and `tests/dts.rs` checks that every union lists exactly the names the
//! Rust enums print.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What an annotation marks. */
export type Kind = "quote" | "denial" | "unverified" | "reported";

/** Denials: `denial`, `non_denial` (would neither confirm nor deny), `no_comment`.
 *  Unverified claims: `reported`, `anonymous`, `contested`, `speculative`, `unconfirmed`. */
export type Subtype =
  | "denial" | "non_denial" | "no_comment"
  | "reported" | "anonymous" | "contested" | "speculative" | "unconfirmed";

/** What a source is. */
export type SourceType = "person" | "outlet" | "organization" | "publication" | "anonymous";

/** The role of one line of the text; furniture (byline, dateline, credit, boilerplate)
 *  yields no annotation and no source. */
export type Role =
  | "headline" | "standfirst" | "byline" | "dateline"
  | "caption" | "credit" | "boilerplate" | "body";

/** One highlighted span. Offsets are UTF-16 code units (JavaScript string indices):
 *  `text === input.slice(start, end)`. */
export interface Annotation {
  /** Unique within the analysis; annotations are numbered in output order. */
  id: number;
  kind: Kind;
  start: number;
  end: number;
  text: string;
  /** Set on denials and unverified claims. */
  subtype?: Subtype;
  /** Who said a quote (quotes only). */
  speaker?: string;
  /** Who denied, claimed or reported it (every kind but quotes). */
  source?: string;
  /** The words that triggered it (`said`, `declined to comment`, `reportedly`). */
  cue?: string;
  cue_start?: number;
  cue_end?: number;
  /** Quotes only: a fragment quoted inside the writer's own sentence. */
  partial?: boolean;
  /** Names the statement passed through, nearest first ("via TASS"). */
  via?: string[];
  /** Denials: ids of the claims it disputes. */
  denies?: number[];
  /** Claims: ids of the denials disputing it. */
  disputed_by?: number[];
}

/** A UTF-16 span. */
export interface Span {
  start: number;
  end: number;
}

/** One source of the sidebar, under its canonical name. */
export interface Source {
  name: string;
  type: SourceType;
  /** Names its words passed through, nearest first. */
  via?: string[];
  /** Where the article names or refers to it. */
  mentions: Span[];
}

/** One line of the text and its role. */
export interface Block extends Span {
  role: Role;
}

/** What `analyze()` and `Handle.analysis()` return (the JSON of `claimlens analyze --json`). */
export interface Analysis {
  /** Sorted by `(start, end)`. */
  annotations: Annotation[];
  /** In order of first mention. */
  sources: Source[];
  blocks: Block[];
}

/** `toW3C()`: a W3C Web Annotation page (JSON-LD). Positions count Unicode code points. */
export interface W3cPage {
  "@context": "http://www.w3.org/ns/anno.jsonld";
  type: "AnnotationPage";
  items: W3cAnnotation[];
}

/** One finding as a Web Annotation. */
export interface W3cAnnotation {
  /** `#claimlens-<id>`, after the source URL when one is given. */
  id: string;
  type: "Annotation";
  motivation: "highlighting";
  /** The kind and subtype (`tagging`), then who (`identifying`). */
  body: { type: "TextualBody"; purpose: "tagging" | "identifying"; value: string }[];
  target: {
    source?: string;
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
}

/** The options of `mount()`; every field is optional. */
export interface MountOptions {
  /** `"auto"` (default): the CSS Custom Highlight API where the browser has it, else
   *  `<mark>` elements; `"marks"` forces `<mark>` elements. */
  highlight?: "auto" | "marks";
  /** `true` (default): the sidebar right after the article; `false`: none; an element: the
   *  sidebar inside it. */
  sidebar?: boolean | Element;
  /** Which kinds to highlight (default: all four). */
  kinds?: Kind[];
  /** Default `"auto"` (follows `prefers-color-scheme`). */
  theme?: "auto" | "light" | "dark";
}
"#;
