//! # claimlens
//!
//! Reads a news article and finds what a critical reader wants to see:
//!
//! - **quotes** (direct quotations) and who said them,
//! - **denials**: denials, non-denials and refusals to comment,
//! - **unverified claims**: reported, anonymous-sourced, contested, speculative or unconfirmed,
//! - **reported speech**: what a source said, without quote marks,
//!
//! and lists the **sources** the article relies on, each under one canonical name, with what
//! it passed through ("via TASS").
//!
//! Everything runs locally: the same core runs natively (the `claimlens` CLI, tests, benches)
//! and in the browser as WebAssembly (`src/web/`, compiled for `wasm32` only).
//!
//! ```
//! let analysis = claimlens::analyze("“We will appeal,” said Jane Doe, the mayor.");
//! let quote = &analysis.annotations[0];
//! assert_eq!(quote.kind, claimlens::Kind::Quote);
//! assert_eq!(analysis.who(quote), Some("Jane Doe"));
//! println!("{}", analysis.to_json());
//! ```
//!
//! Data flows one way: text → [`Document`] (paragraphs, sentences, tokens, paired quote marks,
//! lexicon cues) → detectors → findings → sources → [`Analysis`] → its [`Wire`] record (JSON,
//! JavaScript objects) or the DOM.
//! Offsets are byte offsets inside the core; [`Analysis::wire`] converts them to the UTF-16
//! code units JavaScript and the DOM use, from one precomputed table ([`Utf16Index`]).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analysis;
mod chars;
mod decimal;
mod detect;
mod document;
mod fxhash;
mod lexicon;
mod links;
mod offsets;
mod sources;
mod span;
mod swar;
mod vocab;
mod w3c;
mod wire;

#[cfg(target_arch = "wasm32")]
mod web;

pub use analysis::{analyze, analyze_owned, analyze_with_hints, Analysis, Annotation};
pub use sources::Source;
pub use vocab::{Kind, SourceType, Subtype};
pub use document::{Block, Document, Role};

/// The largest input the `claimlens` CLI reads by default: 64 MiB (67,108,864 bytes).
///
/// [`analyze`] itself accepts any text; this is the front ends' guard against unbounded
/// input (`claimlens analyze /dev/zero`). The CLI refuses longer input with a clear error
/// unless `--max-bytes N` raises the limit; the JavaScript side is meant to use the same
/// number. At 15–20 MiB/s natively, an input this long takes a few seconds to analyse.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
pub use offsets::Utf16Index;
pub use span::Span;
pub use w3c::{PositionSelector, QuoteSelector, W3cAnnotation, W3cBody, W3cPage, W3cTarget};
pub use wire::{json_string, write_json, Wire, WireAnnotation, WireBlock, WireSource, WireSpan};
