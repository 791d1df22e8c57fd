//! The analysis is linear in the text's length on every input shape, adversarial ones
//! included: for each shape, the time at 4n divided by the time at n stays at most
//! [`MAX_RATIO`]. Linear work gives about 4, quadratic work about 16. A ratio, unlike an
//! absolute time, holds on a slow or busy machine; each time is the minimum of [`RUNS`] runs,
//! which drops most of the noise, and a shape over the bound is measured again (twice at most)
//! before it fails. The sizes keep the whole test to a few seconds in a debug
//! build (`CLAIMLENS_COMPLEXITY_BYTES` sets n, in bytes, for a closer look).
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

/// Quadratic growth gives 16; linear growth gives 4, plus noise and a log factor or two.
const MAX_RATIO: f64 = 8.0;
const RUNS: usize = 3;
/// The least time at n that is measured.
const MIN_TIME: Duration = Duration::from_millis(20);

/// The shapes: a name and the piece repeated to build the text (optionally a prefix).
const SHAPES: &[(&str, &str, &str)] = &[
    ("straight quote marks", "", "\""),
    ("alternating curly marks", "", "“”"),
    ("quoted words", "", "\"word\" "),
    ("one sentence full of said", "", "Smith said that Jones said "),
    ("one sentence of attributed quotes", "", "Smith said \"a\" "),
    ("one sentence of unattributed quotes", "", "said \"a\" "),
    ("many short paragraphs", "", "Smith said \"yes.\" He left.\n"),
    ("a long paragraph of names", "", "Anna Berg, Carl Dahl and Eva Falk met. "),
    ("unclosed quote marks", "", "“open "),
    ("quotes inside an unclosed one", "“ ", "a. “b” "),
    ("one sentence of hedges", "", "it could be that it could "),
    ("one sentence of denials", "", "Smith denied it and denied "),
    ("according to, then a quote", "", "According to Smith, \"a\" "),
    ("chained verbs", "", "Smith said and "),
    ("one source named by its role again and again", "Acme Corp announced a plan.\n", "The company said it would grow.\n"),
    ("titles in quote marks", "", "the \"Big Deal\" "),
    ("apostrophes", "", "'"),
    ("one line without spaces", "", "a"),
];

fn build(prefix: &str, piece: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + piece.len() + prefix.len());
    s.push_str(prefix);
    while s.len() < bytes {
        s.push_str(piece);
    }
    s
}

/// The fastest of [`RUNS`] analyses of `text` (JSON included, as the CLI does).
fn time(text: &str) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let json = claimlens::analyze(text).to_json();
            std::hint::black_box(json);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn time_grows_linearly_on_every_shape() {
    let n: usize = std::env::var("CLAIMLENS_COMPLEXITY_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    claimlens::analyze("warm-up");
    let only = std::env::var("CLAIMLENS_COMPLEXITY_SHAPE").unwrap_or_default();
    let mut failures = Vec::new();
    for (name, prefix, piece) in SHAPES.iter().filter(|s| s.0.contains(only.as_str())) {
        // a time of a few milliseconds says little about growth: double n until it is longer
        let mut n = n;
        let mut small = time(&build(prefix, piece, n));
        while small < MIN_TIME && n < 2_000_000 {
            n *= 2;
            small = time(&build(prefix, piece, n));
        }
        let mut large = time(&build(prefix, piece, 4 * n));
        let mut ratio = large.as_secs_f64() / small.as_secs_f64();
        // a burst of load from another process inflates one pair of times; growth that is
        // really superlinear shows again on a fresh pair (up to two more tries)
        for _ in 0..2 {
            if ratio <= MAX_RATIO {
                break;
            }
            let (s, l) = (time(&build(prefix, piece, n)), time(&build(prefix, piece, 4 * n)));
            if l.as_secs_f64() / s.as_secs_f64() < ratio {
                (small, large, ratio) = (s, l, l.as_secs_f64() / s.as_secs_f64());
            }
        }
        println!("{name:<36} n {n:>8} B {small:>9.2?}  4n {large:>9.2?}  ratio {ratio:.2}");
        if ratio > MAX_RATIO {
            failures.push(format!("{name}: {ratio:.1}× from n to 4n ({small:.2?} → {large:.2?})"));
        }
    }
    assert!(failures.is_empty(), "superlinear growth:\n{}", failures.join("\n"));
}
