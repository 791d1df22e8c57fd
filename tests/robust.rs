//! No input makes the analysis panic, hang or emit a span that is not a slice of the text:
//! random texts built from the pieces news copy is made of (every kind of quote mark,
//! apostrophes, speech verbs, names, CRLF, emoji, combining marks, no-break spaces) and
//! pathological ones (thousands of unclosed marks, one huge paragraph, no spaces at all).
#![cfg(not(target_arch = "wasm32"))]

use claimlens::{analyze, Analysis};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "“", "”", "\"", "‘", "’", "'", "''", "«", "»", "„", "‚", "‹", "›", "`", " ", " ", " ", " ", "\n", "\r\n", "\n\n", ".", ",", ":", ";",
    "?", "!", "—", "(", ")", "…", "said", "told", "according to", "denied", "declined to comment", "reportedly", "allegedly",
    "could", "may", "May", "he", "she", "they", "it", "I", "the", "a", "spokesman", "Mr.", "Ms", "Dr.", "U.S.", "Jane Doe",
    "Peskov", "TASS", "Reuters", "the Kremlin", "Granite Ridge Resources", "company’s", "Supporters'", "don't", "5'10\"",
    "🎬", "📺", "e\u{301}", "\u{a0}", "\u{200b}", "\u{2028}", "Ä", "日本語", "ﬁ", "ß", "İ", "\t", "0", "42", "1.5", "—", "who",
    "that", "and", "said:", "people familiar with the matter", "would neither confirm nor deny", "was denied entry",
];

fn check(a: &Analysis) {
    let text = a.text();
    let mut last = (0, 0);
    for x in &a.annotations {
        assert!(x.span.start < x.span.end && x.span.end <= text.len(), "{x:?}");
        assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end), "{x:?}");
        assert!((x.span.start, x.span.end) >= last);
        last = (x.span.start, x.span.end);
        if let Some(w) = x.who {
            assert!(w < a.sources.len());
        }
        for &d in x.denies.iter().chain(&x.disputed_by) {
            assert!(d < a.annotations.len());
        }
    }
    for s in &a.sources {
        assert!(!s.name.is_empty());
        for m in &s.mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.end <= text.len());
        }
    }
    // the JSON is produced and its offsets count UTF-16 units
    let json = a.to_json();
    assert!(json.starts_with("{\"annotations\":["));
    for x in &a.annotations {
        assert_eq!(a.utf16(x.span.end), text[..x.span.end].encode_utf16().count());
    }
}

#[test]
fn random_texts_never_break_the_analysis() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        let n = rng.below(120);
        let mut t = String::new();
        for _ in 0..n {
            t.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                t.push(' ');
            }
        }
        check(&analyze(&t));
    }
}

#[test]
fn pathological_texts() {
    let cases = [
        "“".repeat(20_000),
        "\"".repeat(20_001),
        "'".repeat(20_000),
        "“a ".repeat(10_000),
        format!("“{}", "word ".repeat(50_000)),
        "x".repeat(200_000),
        "said ".repeat(20_000),
        "Mr. ".repeat(10_000),
        "He said. ".repeat(10_000),
        "A B C D E F G H I J K ".repeat(2_000),
        "\n".repeat(50_000),
        "\r\n\r\n".repeat(10_000),
        "🎬".repeat(10_000),
        "“Quoted,” said Jane Doe. ".repeat(5_000),
        "'s ".repeat(10_000),
        "The company, which, said, that, ".repeat(3_000),
    ];
    for t in &cases {
        check(&analyze(t));
    }
}

#[test]
fn analysis_is_deterministic() {
    let t = "“We will appeal,” said Jane Doe. The ministry declined to comment. It reportedly agreed.";
    assert_eq!(analyze(t).to_json(), analyze(t).to_json());
}
