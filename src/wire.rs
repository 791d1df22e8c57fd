//! The wire format of `claimlens analyze --json` and of `analyze()` in JavaScript
//! (documented in `../shared/eval/FORMAT.md`, the README and the `.d.ts`): serialize-only
//! types borrowed from an [`Analysis`], serialised by `serde_json` in the CLI and by
//! `serde-wasm-bindgen` in the browser, so both front ends print the same record.
//!
//! Offsets are UTF-16 code units (what JavaScript and the DOM count), converted here from the
//! core's byte offsets through the analysis' one precomputed table; every `text` is exactly
//! that slice of the input. Optional fields are left out rather than written as `null`.

use crate::analysis::Analysis;
use serde::Serialize;

/// The whole analysis: `{"annotations": [...], "sources": [...], "blocks": [...]}`.
#[derive(Serialize)]
pub struct Wire<'a> {
    /// Highlighted spans, sorted by `(start, end)`.
    pub annotations: Vec<WireAnnotation<'a>>,
    /// The sources, in order of first mention.
    pub sources: Vec<WireSource<'a>>,
    /// The text's lines with their roles.
    pub blocks: Vec<WireBlock>,
}

/// One annotation. `speaker` is set on quotes, `source` on every other kind.
#[derive(Serialize)]
pub struct WireAnnotation<'a> {
    /// Unique within the analysis, in output order.
    #[serde(serialize_with = "num")]
    pub id: usize,
    /// `quote`, `denial`, `unverified` or `reported`.
    pub kind: &'static str,
    /// Start, in UTF-16 code units.
    #[serde(serialize_with = "num")]
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    #[serde(serialize_with = "num")]
    pub end: usize,
    /// The highlighted text.
    pub text: &'a str,
    /// The subtype, for denials and unverified claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<&'static str>,
    /// Who said a quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a str>,
    /// Who denied, claimed or reported it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The words that triggered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<&'a str>,
    /// Where the cue starts (UTF-16).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_num")]
    pub cue_start: Option<usize>,
    /// Where the cue ends (UTF-16).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_num")]
    pub cue_end: Option<usize>,
    /// For quotes only: a fragment quoted inside the writer's own sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// Names the statement passed through, nearest first.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub via: Vec<&'a str>,
    /// For denials: ids of the claims it disputes.
    #[serde(skip_serializing_if = "<[_]>::is_empty", serialize_with = "nums")]
    pub denies: &'a [usize],
    /// For claims: ids of the denials disputing it.
    #[serde(skip_serializing_if = "<[_]>::is_empty", serialize_with = "nums")]
    pub disputed_by: &'a [usize],
}

/// One source of the sidebar.
#[derive(Serialize)]
pub struct WireSource<'a> {
    /// Its canonical name.
    pub name: &'a str,
    /// `person`, `outlet`, `organization`, `publication` or `anonymous` (see [`crate::SourceType`]).
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// Names its words passed through, nearest first.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub via: Vec<&'a str>,
    /// Where the article names or refers to it.
    pub mentions: Vec<WireSpan>,
}

/// A span in UTF-16 code units.
#[derive(Serialize)]
pub struct WireSpan {
    /// Start.
    #[serde(serialize_with = "num")]
    pub start: usize,
    /// End (exclusive).
    #[serde(serialize_with = "num")]
    pub end: usize,
}

/// One line of the text and its role.
#[derive(Serialize)]
pub struct WireBlock {
    /// Start (UTF-16).
    #[serde(serialize_with = "num")]
    pub start: usize,
    /// End (exclusive, UTF-16).
    #[serde(serialize_with = "num")]
    pub end: usize,
    /// `headline`, `standfirst`, `byline`, `dateline`, `caption`, `credit`, `boilerplate` or `body`.
    pub role: &'static str,
}

/// An offset or id as the wire writes it: a `u32` where `usize` is 32 bits (wasm32, so
/// nothing is lost), a `u64` elsewhere. serde writes a `usize` through `serialize_u64`, whose
/// serde-wasm-bindgen version checks the range and formats an error message, which alone
/// brought `core::fmt` into the module.
struct Num(usize);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if cfg!(target_pointer_width = "32") {
            s.serialize_u32(self.0 as u32)
        } else {
            s.serialize_u64(self.0 as u64)
        }
    }
}

/// A `usize` field written as a [`Num`].
pub(crate) fn num<S: serde::Serializer>(n: &usize, s: S) -> Result<S::Ok, S::Error> {
    Num(*n).serialize(s)
}

/// An optional `usize` field written as a [`Num`].
fn opt_num<S: serde::Serializer>(n: &Option<usize>, s: S) -> Result<S::Ok, S::Error> {
    n.map(Num).serialize(s)
}

/// A list of `usize` written as [`Num`]s.
fn nums<S: serde::Serializer>(v: &&[usize], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|&n| Num(n)))
}

impl Analysis {
    /// The analysis as its wire record, borrowed from `self`.
    pub fn wire(&self) -> Wire<'_> {
        let names = |v: &[usize]| v.iter().filter_map(|&i| self.sources.get(i)).map(|s| s.name.as_str()).collect();
        let span = |s: crate::Span| WireSpan { start: self.utf16(s.start), end: self.utf16(s.end) };
        Wire {
            annotations: self
                .annotations
                .iter()
                .map(|a| {
                    let quote = a.kind == crate::Kind::Quote;
                    let who = self.who(a);
                    WireAnnotation {
                        id: a.id,
                        kind: a.kind.as_str(),
                        start: self.utf16(a.span.start),
                        end: self.utf16(a.span.end),
                        text: self.text_of(a),
                        subtype: a.subtype.map(|s| s.as_str()),
                        speaker: who.filter(|_| quote),
                        source: who.filter(|_| !quote),
                        cue: a.cue.map(|c| c.of(&self.text)),
                        cue_start: a.cue.map(|c| self.utf16(c.start)),
                        cue_end: a.cue.map(|c| self.utf16(c.end)),
                        partial: quote.then_some(a.partial),
                        via: names(&a.via),
                        denies: &a.denies,
                        disputed_by: &a.disputed_by,
                    }
                })
                .collect(),
            sources: self
                .sources
                .iter()
                .map(|s| WireSource { name: &s.name, ty: s.ty.as_str(), via: names(&s.via), mentions: s.mentions.iter().map(|&m| span(m)).collect() })
                .collect(),
            blocks: self.blocks.iter().map(|b| WireBlock { start: self.utf16(b.span.start), end: self.utf16(b.span.end), role: b.role.as_str() }).collect(),
        }
    }

    /// The analysis as one line of JSON (the format of `claimlens analyze --json`). The page
    /// uses the same record as JavaScript objects instead (no JSON text in between).
    pub fn to_json(&self) -> String {
        written(|out| self.write_json(out))
    }

    /// [`Analysis::to_json`] written to `w` as it is made, never held whole in memory (the
    /// CLI's output for a 10 MB input is about 19 MB of JSON).
    pub fn write_json<W: std::io::Write>(&self, w: W) -> std::io::Result<()> {
        // every string of the record is a slice of the text, a name made of its words, or a
        // fixed word: a text without the two separators needs no look for them in each string
        let escape = has_separators(&self.text);
        self.wire().serialize(&mut serde_json::Serializer::with_formatter(w, Separators { escape })).map_err(std::io::Error::from)
    }
}

/// `value` as one line of JSON written to `w`: serde_json's compact form, with U+2028 and
/// U+2029 written as escapes. That is valid JSON either way, but raw they end a line in
/// JavaScript before ES2019 and in many log and JSON-Lines tools. They can only occur inside
/// strings, which is where the formatter sees them.
pub fn write_json<W: std::io::Write, T: Serialize + ?Sized>(w: W, value: &T) -> std::io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(w, Separators { escape: true })).map_err(std::io::Error::from)
}

/// True when `text` holds U+2028 or U+2029 (E2 80 A8, E2 80 A9).
fn has_separators(text: &str) -> bool {
    // (a char pattern: core's memchr for the last byte, no decoding)
    text.contains('\u{2028}') || text.contains('\u{2029}')
}

/// [`write_json`] into a `String`.
pub fn json_string<T: Serialize + ?Sized>(value: &T) -> String {
    written(|out| write_json(out, value))
}

/// What `write` writes into a `Vec`, as a `String`.
fn written(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // writing to a Vec cannot fail, nor serialising borrowed strings, integers and bools
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's compact formatter, escaping the two line separators inside strings (when
/// `escape`: the caller knows whether any string can hold them).
struct Separators {
    escape: bool,
}

impl serde_json::ser::Formatter for Separators {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8
        let b = fragment.as_bytes();
        if !self.escape {
            return w.write_all(b);
        }
        let mut from = 0;
        let mut i = 0;
        while i + 2 < b.len() {
            if b[i] == 0xE2 && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) {
                w.write_all(&b[from..i])?;
                w.write_all(if b[i + 2] == 0xA8 { b"\\u2028" } else { b"\\u2029" })?;
                i += 3;
                from = i;
            } else {
                i += 1;
            }
        }
        w.write_all(&b[from..])
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn optional_fields_are_left_out() {
        let a = crate::analyze("“We will appeal,” said Jane Doe, the mayor. Officials declined to comment.");
        let v: Value = serde_json::from_str(&a.to_json()).unwrap();
        let anns = v["annotations"].as_array().unwrap();
        let quote = anns.iter().find(|x| x["kind"] == "quote").unwrap();
        assert_eq!(quote["speaker"], "Jane Doe");
        assert_eq!(quote["partial"], false);
        assert!(quote.get("source").is_none() && quote.get("subtype").is_none() && quote.get("denies").is_none());
        let refusal = anns.iter().find(|x| x["kind"] == "denial").unwrap();
        assert_eq!(refusal["subtype"], "no_comment");
        assert!(refusal.get("partial").is_none() && refusal.get("speaker").is_none());
    }

    #[test]
    fn escapes_and_utf16_offsets() {
        let t = "🎬 “A \"b\" \\ c\u{2028},” said Jane Doe.";
        let a = crate::analyze(t);
        let v: Value = serde_json::from_str(&a.to_json()).unwrap();
        let q = &v["annotations"][0];
        let units: Vec<u16> = t.encode_utf16().collect();
        let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), q["text"].as_str().unwrap());
        assert!(q["text"].as_str().unwrap().contains("\\ c\u{2028}"));
        assert!(!a.to_json().contains('\u{2028}') && a.to_json().contains("\\u2028"));
    }

    #[test]
    fn a_text_without_separators_writes_what_the_escaping_writer_does() {
        // `write_json` skips the look for U+2028/U+2029 when the text has neither; the output
        // must be the one the always-escaping writer gives, and with one the escapes must come
        for t in ["“We will appeal,” said Jane Doe. Officials “declined” to comment.", "“A\u{2029}b,” said Jane Doe."] {
            let a = crate::analyze(t);
            assert_eq!(a.to_json(), super::json_string(&a.wire()), "{t:?}");
        }
        assert!(crate::analyze("“A\u{2029}b,” said Jane Doe.").to_json().contains("\\u2029"));
    }
}
