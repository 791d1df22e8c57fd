//! The invariants every analysis holds, for any input: shared, through `#[path]`, by the
//! stable-toolchain driver (`examples/fuzz/main.rs`) and the cargo-fuzz target
//! (`fuzz/fuzz_targets/analyze.rs`), so both check exactly the same things.
//!
//! On the [`Analysis`]: every span (annotations, cues, source mentions) is non-empty, in
//! range and on `char` boundaries; annotations are sorted by `(start, end)` and `id` is the
//! position; subtypes belong to their kind; `who` and `via` name listed sources; `denies`
//! goes from a denial to claims and `disputed_by` is exactly its mirror image; source names
//! are non-empty. (Not checked, because it does not hold yet: that names are unique. The same
//! word can be both a named organisation and an anonymous phrase source, e.g. `Residents`
//! in "m\u{2028}Residents said e 4 a\nResidents no", and then `speaker` is ambiguous.)
//!
//! On the JSON: it parses (strictly, as `serde_json` does: no raw control characters), has
//! no raw U+2028/U+2029, and agrees with the analysis: offsets are the UTF-16 code units of
//! the byte offsets (counted here independently of the crate), every `text` and `cue` is
//! exactly the UTF-16 slice `[start, end)` of the input, `speaker`/`source`/`via` are names
//! in `sources`, the links are the same ids.

use claimlens::{analyze, Analysis, Kind};
use serde_json::Value;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)*) => {
        if !$cond {
            return Err(format!($($msg)*));
        }
    };
}

/// Analyses `text` and checks every invariant; `Err` says which one broke. A panic in the
/// analysis propagates to the caller.
pub fn check(text: &str) -> Result<(), String> {
    let a = analyze(text);
    check_analysis(text, &a)?;
    check_json(text, &a, &a.to_json())
}

fn span_ok(text: &str, what: &str, s: claimlens::Span) -> Result<(), String> {
    ensure!(s.start < s.end && s.end <= text.len(), "{what}: span {s:?} empty or out of range (text is {} bytes)", text.len());
    ensure!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what}: span {s:?} not on char boundaries");
    Ok(())
}

/// The invariants of the [`Analysis`] itself.
fn check_analysis(text: &str, a: &Analysis) -> Result<(), String> {
    ensure!(a.text() == text, "the analysis holds a different text");
    let n = a.annotations.len();
    let mut last = (0, 0);
    for (i, x) in a.annotations.iter().enumerate() {
        let at = format!("annotation {i} ({})", x.kind.as_str());
        ensure!(x.id == i, "{at}: id {} is not its position", x.id);
        span_ok(text, &at, x.span)?;
        ensure!((x.span.start, x.span.end) >= last, "{at}: not sorted by (start, end) after {last:?}");
        last = (x.span.start, x.span.end);
        let subtypes: &[&str] = match x.kind {
            Kind::Denial => &["denial", "non_denial", "no_comment"],
            Kind::Unverified => &["reported", "anonymous", "contested", "speculative", "unconfirmed"],
            Kind::Quote | Kind::Reported => &[],
        };
        ensure!(x.subtype.is_none_or(|s| subtypes.contains(&s.as_str()) && s.kind() == x.kind), "{at}: subtype {:?} for this kind", x.subtype);
        ensure!(!x.partial || x.kind == Kind::Quote, "{at}: partial but not a quote");
        if let Some(c) = x.cue {
            span_ok(text, &format!("{at} cue"), c)?;
        }
        ensure!(x.who.is_none_or(|w| w < a.sources.len()), "{at}: who {:?} not a source", x.who);
        ensure!(x.via.iter().all(|&v| v < a.sources.len()), "{at}: via {:?} not sources", x.via);
        ensure!(x.denies.is_empty() || x.kind == Kind::Denial, "{at}: denies {:?} but is not a denial", x.denies);
        ensure!(x.disputed_by.is_empty() || matches!(x.kind, Kind::Unverified | Kind::Reported), "{at}: disputed_by but not a claim");
        for (list, mirror) in [(&x.denies, "disputed_by"), (&x.disputed_by, "denies")] {
            for (k, &d) in list.iter().enumerate() {
                ensure!(d < n && d != i, "{at}: link {d} invalid");
                ensure!(!list[..k].contains(&d), "{at}: link {d} twice");
                let other = &a.annotations[d];
                let back = if mirror == "disputed_by" { &other.disputed_by } else { &other.denies };
                ensure!(back.contains(&i), "{at}: links {d}, whose {mirror} {back:?} lacks {i}");
            }
        }
    }
    for (i, s) in a.sources.iter().enumerate() {
        let at = format!("source {i} {:?}", s.name);
        ensure!(!s.name.is_empty(), "{at}: empty name");
        for &m in &s.mentions {
            span_ok(text, &format!("{at} mention"), m)?;
        }
        ensure!(s.via.iter().all(|&v| v < a.sources.len() && v != i), "{at}: via {:?} invalid", s.via);
    }
    Ok(())
}

/// `byte offset → UTF-16 offset` at every char boundary (`usize::MAX` elsewhere), counted
/// independently of the crate's own table.
fn utf16_table(text: &str) -> Vec<usize> {
    let mut t = vec![usize::MAX; text.len() + 1];
    let mut u = 0;
    for (b, c) in text.char_indices() {
        t[b] = u;
        u += c.len_utf16();
    }
    t[text.len()] = u;
    t
}

fn num(v: &Value, at: &str, k: &str) -> Result<usize, String> {
    v[k].as_u64().map(|n| n as usize).ok_or_else(|| format!("{at}: no number {k:?}"))
}

/// The JSON `json` of `a` is valid and agrees with it and with `text` (after
/// [`check_analysis`]: it indexes by the analysis's spans).
fn check_json(text: &str, a: &Analysis, json: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    ensure!(!json.contains(['\u{2028}', '\u{2029}']), "raw U+2028/U+2029 in the JSON");
    let units: Vec<u16> = text.encode_utf16().collect();
    let to16 = utf16_table(text);
    let slice = |s: usize, e: usize| -> Result<String, String> {
        ensure!(s <= e && e <= units.len(), "UTF-16 range {s}..{e} out of 0..{}", units.len());
        String::from_utf16(&units[s..e]).map_err(|_| format!("UTF-16 range {s}..{e} splits a surrogate pair"))
    };
    let (anns, sources) = match (v["annotations"].as_array(), v["sources"].as_array()) {
        (Some(x), Some(s)) => (x, s),
        _ => return Err("no annotations or sources array".into()),
    };
    ensure!(anns.len() == a.annotations.len() && sources.len() == a.sources.len(), "JSON and analysis differ in length");
    let names: Vec<&str> = sources.iter().filter_map(|s| s["name"].as_str()).collect();
    ensure!(names.len() == sources.len(), "a source without a name");
    let mut last = (0, 0);
    for (i, (j, x)) in anns.iter().zip(&a.annotations).enumerate() {
        let at = format!("JSON annotation {i}");
        ensure!(j["id"].as_u64() == Some(i as u64), "{at}: id {} out of order", j["id"]);
        ensure!(j["kind"].as_str() == Some(x.kind.as_str()), "{at}: kind {}", j["kind"]);
        let (s, e) = (num(j, &at, "start")?, num(j, &at, "end")?);
        ensure!((s, e) == (to16[x.span.start], to16[x.span.end]), "{at}: {s}..{e} is not the UTF-16 of bytes {:?}", x.span);
        ensure!((s, e) >= last, "{at}: not sorted by (start, end)");
        last = (s, e);
        let t = slice(s, e)?;
        ensure!(j["text"].as_str() == Some(t.as_str()), "{at}: text {} is not the slice {t:?}", j["text"]);
        match x.cue {
            Some(c) => {
                let (cs, ce) = (num(j, &at, "cue_start")?, num(j, &at, "cue_end")?);
                ensure!((cs, ce) == (to16[c.start], to16[c.end]), "{at}: cue offsets");
                ensure!(j["cue"].as_str() == Some(slice(cs, ce)?.as_str()), "{at}: cue {} is not its slice", j["cue"]);
            }
            None => ensure!(j.get("cue").is_none() && j.get("cue_start").is_none(), "{at}: a cue without one"),
        }
        ensure!(j["subtype"].as_str() == x.subtype.map(|s| s.as_str()), "{at}: subtype {}", j["subtype"]);
        let (key, other) = if x.kind == Kind::Quote { ("speaker", "source") } else { ("source", "speaker") };
        ensure!(j[key].as_str() == a.who(x) && j.get(other).is_none(), "{at}: {key} {} is not {:?}", j[key], a.who(x));
        ensure!(j[key].as_str().is_none_or(|w| names.contains(&w)), "{at}: {key} {} not in sources", j[key]);
        ensure!(j["partial"].as_bool() == (x.kind == Kind::Quote).then_some(x.partial), "{at}: partial {}", j["partial"]);
        let via: Vec<&str> = x.via.iter().map(|&k| a.sources[k].name.as_str()).collect();
        ensure!(strs(&j["via"]) == via, "{at}: via {}", j["via"]);
        ensure!(ids(&j["denies"]) == x.denies && ids(&j["disputed_by"]) == x.disputed_by, "{at}: links differ");
    }
    for (i, (j, s)) in sources.iter().zip(&a.sources).enumerate() {
        let at = format!("JSON source {i}");
        ensure!(j["name"].as_str() == Some(s.name.as_str()) && j["type"].as_str() == Some(s.ty.as_str()), "{at}: name or type");
        let via: Vec<&str> = s.via.iter().map(|&k| a.sources[k].name.as_str()).collect();
        ensure!(strs(&j["via"]) == via && via.iter().all(|w| names.contains(w)), "{at}: via {}", j["via"]);
        let mentions = j["mentions"].as_array().ok_or(format!("{at}: no mentions"))?;
        ensure!(mentions.len() == s.mentions.len(), "{at}: mention count");
        for (m, span) in mentions.iter().zip(&s.mentions) {
            let (ms, me) = (num(m, &at, "start")?, num(m, &at, "end")?);
            ensure!((ms, me) == (to16[span.start], to16[span.end]), "{at}: mention {ms}..{me} is not bytes {span:?}");
            slice(ms, me)?;
        }
    }
    Ok(())
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

fn ids(v: &Value) -> Vec<usize> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_u64().map(|n| n as usize)).collect()).unwrap_or_default()
}
