//! The analysis as a W3C Web Annotation `AnnotationPage` (JSON-LD,
//! <https://www.w3.org/TR/annotation-model/>), what annotation tools such as Hypothesis
//! import and re-anchor: `claimlens analyze --format w3c` and `toW3C()` in JavaScript.
//!
//! Each annotation becomes an `Annotation` with `motivation` `highlighting` (claimlens marks
//! a span for the reader; it adds no comment of its own). Its `body` is a list of
//! `TextualBody`s: the kind and the subtype with `purpose` `tagging` and, where known, who
//! said, denied or claimed it with `purpose` `identifying`. Its `target` holds a
//! `TextQuoteSelector` (`exact`, up to [`CONTEXT`] code points of `prefix` and `suffix`) and
//! a `TextPositionSelector` (`start`, `end`), counted in Unicode code points as the model
//! specifies, plus `source` when a URL is given. Ids are `#claimlens-<id>` fragments,
//! appended to the source URL when there is one.
//!
//! Code-point offsets come from one pass over the text for all annotations (their byte
//! offsets sorted once), so the export stays linear in the text's length.

use crate::analysis::Analysis;
use serde::Serialize;

/// Code points of context kept on each side in a `TextQuoteSelector`.
pub const CONTEXT: usize = 32;

/// `{"@context": …, "type": "AnnotationPage", "items": [...]}`.
#[derive(Serialize)]
pub struct W3cPage<'a> {
    /// The Web Annotation JSON-LD context.
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// `AnnotationPage`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// One annotation per finding, in the analysis' order.
    pub items: Vec<W3cAnnotation<'a>>,
}

/// One `Annotation`.
#[derive(Serialize)]
pub struct W3cAnnotation<'a> {
    /// `#claimlens-<id>`, after the source URL when there is one.
    pub id: String,
    /// `Annotation`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// `highlighting`.
    pub motivation: &'static str,
    /// Kind, subtype and speaker or source.
    pub body: Vec<W3cBody<'a>>,
    /// Where the span is.
    pub target: W3cTarget<'a>,
}

/// A `TextualBody`.
#[derive(Serialize)]
pub struct W3cBody<'a> {
    /// `TextualBody`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// `tagging` (kind, subtype) or `identifying` (who).
    pub purpose: &'static str,
    /// The tag or the name.
    pub value: &'a str,
}

/// The annotated text and its selectors.
#[derive(Serialize)]
pub struct W3cTarget<'a> {
    /// The page's URL, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// A `TextQuoteSelector` then a `TextPositionSelector`.
    pub selector: (QuoteSelector<'a>, PositionSelector),
}

/// `TextQuoteSelector`: the words and their context.
#[derive(Serialize)]
pub struct QuoteSelector<'a> {
    /// `TextQuoteSelector`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The annotated text.
    pub exact: &'a str,
    /// Up to [`CONTEXT`] code points before it.
    pub prefix: &'a str,
    /// Up to [`CONTEXT`] code points after it.
    pub suffix: &'a str,
}

/// `TextPositionSelector`: code-point offsets into the text.
#[derive(Serialize)]
pub struct PositionSelector {
    /// `TextPositionSelector`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// First code point.
    #[serde(serialize_with = "crate::wire::num")]
    pub start: usize,
    /// One past the last code point.
    #[serde(serialize_with = "crate::wire::num")]
    pub end: usize,
}

/// Code-point offsets of the byte offsets `at` (each a char boundary), in one pass.
fn code_points(text: &str, at: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..at.len()).collect();
    crate::vocab::sort_indices(&mut order, &|a, b| at[a].cmp(&at[b]));
    let mut out = vec![0; at.len()];
    let (mut byte, mut cp) = (0, 0);
    for i in order {
        let target = at[i].min(text.len());
        if target > byte {
            cp += text.get(byte..target).map_or(0, |s| s.chars().count());
            byte = target;
        }
        out[i] = cp;
    }
    out
}

/// The `n` code points of `s` at its end (`back`) or start.
fn context(s: &str, n: usize, back: bool) -> &str {
    if back {
        let cut = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
        if s.chars().count() <= n { s } else { &s[cut..] }
    } else {
        let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        &s[..cut]
    }
}

impl Analysis {
    /// The analysis as a Web Annotation page; `source` is the annotated page's URL.
    pub fn w3c<'a>(&'a self, source: Option<&'a str>) -> W3cPage<'a> {
        let text = self.text();
        let at: Vec<usize> = self.annotations.iter().flat_map(|a| [a.span.start, a.span.end]).collect();
        let cps = code_points(text, &at);
        let items = self
            .annotations
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let mut body = vec![W3cBody { ty: "TextualBody", purpose: "tagging", value: a.kind.as_str() }];
                if let Some(s) = a.subtype {
                    body.push(W3cBody { ty: "TextualBody", purpose: "tagging", value: s.as_str() });
                }
                if let Some(who) = self.who(a) {
                    body.push(W3cBody { ty: "TextualBody", purpose: "identifying", value: who });
                }
                // a window of CONTEXT code points each side (at most 4 bytes each), cut at
                // char boundaries
                let mut lo = a.span.start.saturating_sub(CONTEXT * 4);
                while !text.is_char_boundary(lo) {
                    lo += 1;
                }
                let mut hi = (a.span.end + CONTEXT * 4).min(text.len());
                while !text.is_char_boundary(hi) {
                    hi -= 1;
                }
                let before = text.get(lo..a.span.start).unwrap_or("");
                let after = text.get(a.span.end..hi).unwrap_or("");
                W3cAnnotation {
                    id: {
                        let mut id = crate::vocab::join(&[source.unwrap_or(""), "#claimlens-"], "");
                        crate::decimal::push(&mut id, a.id as i64);
                        id
                    },
                    ty: "Annotation",
                    motivation: "highlighting",
                    body,
                    target: W3cTarget {
                        source,
                        selector: (
                            QuoteSelector { ty: "TextQuoteSelector", exact: self.text_of(a), prefix: context(before, CONTEXT, true), suffix: context(after, CONTEXT, false) },
                            PositionSelector { ty: "TextPositionSelector", start: cps[2 * k], end: cps[2 * k + 1] },
                        ),
                    },
                }
            })
            .collect();
        W3cPage { context: "http://www.w3.org/ns/anno.jsonld", ty: "AnnotationPage", items }
    }

    /// [`Analysis::w3c`] as one line of JSON (`claimlens analyze --format w3c`).
    pub fn to_w3c_json(&self, source: Option<&str>) -> String {
        crate::wire::json_string(&self.w3c(source))
    }

    /// [`Analysis::to_w3c_json`] written to `w` as it is made.
    pub fn write_w3c_json<W: std::io::Write>(&self, w: W, source: Option<&str>) -> std::io::Result<()> {
        crate::wire::write_json(w, &self.w3c(source))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn page(text: &str) -> Value {
        serde_json::from_str(&crate::analyze(text).to_w3c_json(Some("https://example.org/a"))).unwrap()
    }

    /// The code points `[start, end)` of `text`.
    fn slice(text: &str, start: u64, end: u64) -> String {
        text.chars().skip(start as usize).take((end - start) as usize).collect()
    }

    /// Finds a quote selector's span in `text` by its words and context (code points).
    fn anchor(text: &str, sel: &Value) -> Option<(usize, usize)> {
        let (exact, prefix, suffix) = (sel["exact"].as_str()?, sel["prefix"].as_str()?, sel["suffix"].as_str()?);
        let whole = format!("{prefix}{exact}{suffix}");
        let at = text.find(&whole).map(|i| i + prefix.len()).or_else(|| text.find(exact))?;
        let start = text[..at].chars().count();
        Some((start, start + exact.chars().count()))
    }

    const TEXT: &str = "“We will appeal,” said Jane Doe 🎬, the mayor.\r\nThe ministry denied the report. Officials declined to comment.\nThe café said prices could rise, according to Reuters. “Never,” she said";

    #[test]
    fn every_exact_is_its_position_in_code_points() {
        let v = page(TEXT);
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationPage");
        let items = v["items"].as_array().unwrap();
        assert!(items.len() >= 4, "{items:?}");
        for it in items {
            let (q, p) = (&it["target"]["selector"][0], &it["target"]["selector"][1]);
            assert_eq!((q["type"].as_str(), p["type"].as_str()), (Some("TextQuoteSelector"), Some("TextPositionSelector")));
            let got = slice(TEXT, p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            assert_eq!(got, q["exact"].as_str().unwrap());
            assert!(q["prefix"].as_str().unwrap().chars().count() <= super::CONTEXT);
            assert!(TEXT.contains(&format!("{}{}{}", q["prefix"].as_str().unwrap(), q["exact"].as_str().unwrap(), q["suffix"].as_str().unwrap())));
            assert_eq!(it["target"]["source"], "https://example.org/a");
            assert_eq!(it["motivation"], "highlighting");
            assert!(it["id"].as_str().unwrap().starts_with("https://example.org/a#claimlens-"));
        }
        // a quote at the very start and one at the very end have no prefix / suffix
        assert_eq!(items[0]["target"]["selector"][0]["prefix"], "");
        let last = items.iter().find(|i| i["target"]["selector"][0]["exact"] == "“Never,”").unwrap();
        assert_eq!(last["body"][0]["value"], "quote");
        let first = &items[0]["body"];
        assert_eq!((first[0]["value"].as_str(), first.as_array().unwrap().last().unwrap()["value"].as_str()), (Some("quote"), Some("Jane Doe")));
    }

    #[test]
    fn the_quote_selector_re_anchors_after_the_text_shifts() {
        let v = page(TEXT);
        let shifted = format!("Update 🚨: this story was corrected.\n\n{TEXT}");
        let shift = "Update 🚨: this story was corrected.\n\n".chars().count();
        let mut moved = 0;
        for it in v["items"].as_array().unwrap() {
            let (q, p) = (&it["target"]["selector"][0], &it["target"]["selector"][1]);
            let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            let (s, e) = anchor(&shifted, q).expect("re-anchored");
            assert_eq!((s, e), (start as usize + shift, end as usize + shift));
            assert_eq!(slice(&shifted, s as u64, e as u64), q["exact"].as_str().unwrap());
            // the old position alone now points elsewhere
            moved += usize::from(slice(&shifted, start, end) != q["exact"].as_str().unwrap());
        }
        assert!(moved > 0);
    }

    #[test]
    fn without_a_source_ids_are_fragments() {
        let a = crate::analyze("“Yes,” she said.");
        let v: Value = serde_json::from_str(&a.to_w3c_json(None)).unwrap();
        assert_eq!(v["items"][0]["id"], "#claimlens-0");
        assert!(v["items"][0]["target"].get("source").is_none());
    }
}
