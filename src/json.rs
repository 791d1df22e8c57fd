//! The JSON wire format of `claimlens analyze --json` and of `analyze()` in JavaScript:
//! documented in `../shared/eval/FORMAT.md` and the README. Offsets are UTF-16 code units
//! and every `text` is exactly that slice of the input.
//!
//! Written by hand (no serde): the format is small and fixed, and this keeps the WebAssembly
//! module small.

use crate::analysis::Analysis;
use std::fmt::Write;

/// Appends `s` as a JSON string literal.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    // most text needs no escape: copy it in runs
    let plain = |c: char| !(c == '"' || c == '\\' || (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}');
    if s.chars().all(plain) {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn num(out: &mut String, n: usize) {
    // decimal digits without the formatting machinery
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

fn key(out: &mut String, k: &str) {
    out.push(',');
    string(out, k);
    out.push(':');
}

fn ids(out: &mut String, k: &str, v: &[usize]) {
    if v.is_empty() {
        return;
    }
    key(out, k);
    out.push('[');
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        num(out, *x);
    }
    out.push(']');
}

fn names(out: &mut String, k: &str, a: &Analysis, v: &[usize]) {
    if v.is_empty() {
        return;
    }
    key(out, k);
    out.push('[');
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, &a.sources[*x].name);
    }
    out.push(']');
}

impl Analysis {
    /// The analysis as one JSON object (the format of `claimlens analyze --json`).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + self.annotations.len() * 200);
        out.push_str("{\"annotations\":[");
        for (i, a) in self.annotations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            num(&mut out, a.id);
            key(&mut out, "kind");
            string(&mut out, a.kind.as_str());
            key(&mut out, "start");
            num(&mut out, self.utf16(a.span.start));
            key(&mut out, "end");
            num(&mut out, self.utf16(a.span.end));
            key(&mut out, "text");
            string(&mut out, self.text_of(a));
            if let Some(s) = a.subtype {
                key(&mut out, "subtype");
                string(&mut out, s.as_str());
            }
            if let Some(who) = self.who(a) {
                key(&mut out, if a.kind == crate::Kind::Quote { "speaker" } else { "source" });
                string(&mut out, who);
            }
            if let Some(c) = a.cue {
                key(&mut out, "cue");
                string(&mut out, c.of(&self.text));
                key(&mut out, "cue_start");
                num(&mut out, self.utf16(c.start));
                key(&mut out, "cue_end");
                num(&mut out, self.utf16(c.end));
            }
            if a.kind == crate::Kind::Quote {
                key(&mut out, "partial");
                out.push_str(if a.partial { "true" } else { "false" });
            }
            names(&mut out, "via", self, &a.via);
            ids(&mut out, "denies", &a.denies);
            ids(&mut out, "disputed_by", &a.disputed_by);
            out.push('}');
        }
        out.push_str("],\"sources\":[");
        for (i, s) in self.sources.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"name\":");
            string(&mut out, &s.name);
            key(&mut out, "type");
            string(&mut out, s.ty.as_str());
            names(&mut out, "via", self, &s.via);
            key(&mut out, "mentions");
            out.push('[');
            for (j, m) in s.mentions.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str("{\"start\":");
                num(&mut out, self.utf16(m.start));
                out.push_str(",\"end\":");
                num(&mut out, self.utf16(m.end));
                out.push('}');
            }
            out.push_str("]}");
        }
        out.push_str("],\"blocks\":[");
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"start\":");
            num(&mut out, self.utf16(b.span.start));
            out.push_str(",\"end\":");
            num(&mut out, self.utf16(b.span.end));
            key(&mut out, "role");
            string(&mut out, b.role.as_str());
            out.push('}');
        }
        out.push_str("]}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for n in [0usize, 7, 10, 99, 12345, usize::MAX] {
            let mut s = String::new();
            num(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    fn plain_text_passes_through() {
        let mut s = String::new();
        string(&mut s, "“Plain” text — 🎬 é");
        assert_eq!(s, "\"“Plain” text — 🎬 é\"");
    }

    #[test]
    fn escapes() {
        let mut s = String::new();
        string(&mut s, "a\"b\\c\nd\u{1}e\u{2028}🎬");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001e\\u2028🎬\"");
    }
}
