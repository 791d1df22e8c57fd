//! The stable-toolchain fuzz driver: generated and mutated inputs through [`claimlens::analyze`]
//! and the JSON writer, each checked against the invariants of `invariants.rs` beside it (the same
//! checks as the cargo-fuzz target in `fuzz/`).
//!
//! ```sh
//! cargo run --release --example fuzz -- --count 2000000 --seed 42
//! cargo run --release --example fuzz -- --replay target/fuzz-failures/seed-42-case-17.txt
//! ```
//!
//! Inputs: quote-mark soup (“”‘’"'«»„‚‹›), speech-verb soup (said, told, according to,
//! denied, declined to comment, reportedly, …), mutations and splices of the articles in
//! `tests/fixtures/` and `fuzz/seeds/`, non-BMP characters, combining marks, controls, bidi
//! characters, CR/LF/U+2028/U+2029/NEL line ends, no-break spaces, arbitrary bytes read as
//! UTF-8, and now and then a very long line. Case `i` of seed `S` is generated from `(S, i)`
//! alone, so a failure reproduces; the failing input is saved to `--out` (default
//! `target/fuzz-failures/`) and printed. Exit status 1 when an invariant breaks or the
//! analysis panics, 2 on bad arguments.
//!
//! Options: `--count N` (default 100000), `--seed S` (default: the clock; always printed),
//! `--keep-going` (report every failure, not only the first), `--out DIR`, `--replay FILE`.

mod invariants;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*), seeded through splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, case: u64) -> Rng {
        let mut z = seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

const MARKS: &[&str] = &["“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "‹", "›", "''", "``", "`", "« ", " »", "\"'", "'\"", "”“", "’s", "s’"];
const WORDS: &[&str] = &[
    "said", "says", "told", "tells", "according to", "denied", "denies", "declined to comment", "did not respond to requests for comment",
    "would neither confirm nor deny", "rejected claims that", "reportedly", "allegedly", "claimed", "could", "may", "might", "is said to",
    "sources said", "people familiar with the matter", "a spokesman", "a spokeswoman for", "officials", "he", "she", "they", "it", "I", "we",
    "the", "a", "that", "and", "who", "which", "was", "not", "no", "false", "fabricated", "called them", "the report", "the claims",
    "Mr.", "Ms", "Dr.", "Sen.", "U.S.", "Jane Doe", "John Smith", "Dmitry Peskov", "Peskov", "TASS", "Reuters", "the Kremlin",
    "The Washington Post", "Northgate Partners", "the ministry", "the company's", "Supporters'", "don't", "5'10\"", "’90s", "May", "via",
    "unconfirmed", "could not be verified", "in a statement", "added", "asked", "wrote", "insisted", "warned", "of", "for", "in",
];
const PUNCT: &[&str] = &[" ", " ", " ", " ", ", ", ". ", ": ", "; ", "? ", "! ", " — ", " – ", "(", ")", "…", "\n", "\n\n", "\r\n", "\t", "-"];
const WEIRD: &[&str] = &[
    "🎬", "📺", "👩‍👩‍👧", "🇺🇸", "𝔘", "\u{10FFFF}", "e\u{301}", "\u{301}", "\u{20DD}", "\u{a0}", "\u{202f}", "\u{2009}", "\u{200b}",
    "\u{200d}", "\u{feff}", "\u{2028}", "\u{2029}", "\u{85}", "\r", "\n", "\r\n", "\x0b", "\x0c", "\0", "\x1b[2J", "\x1b]0;x\x07",
    "\x7f", "\u{9b}", "\u{202e}", "\u{2066}", "\u{2069}", "\u{fffd}", "Ä", "ß", "İ", "ı", "ﬁ", "日本語", "العربية", "\u{1F600}",
];

/// The articles to mutate: `tests/fixtures/*.txt` and `fuzz/seeds/*.txt`, in name order.
fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = ["tests/fixtures", "fuzz/seeds"]
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        vec!["“We will appeal,” said Jane Doe. The ministry declined to comment.".to_string()]
    } else {
        texts
    }
}

/// A char boundary of `s`, at random.
fn boundary(s: &str, rng: &mut Rng) -> usize {
    let mut i = rng.below(s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A random range `a..b` of `s` on char boundaries, at most about `max` bytes long.
fn range(s: &str, rng: &mut Rng, max: usize) -> (usize, usize) {
    let a = boundary(s, rng);
    let mut b = (a + rng.below(max + 1)).min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    (a, b)
}

fn soup(rng: &mut Rng, pieces: &[&[&str]], n: usize) -> String {
    let mut t = String::new();
    for _ in 0..n {
        let set = pieces[rng.below(pieces.len())];
        t.push_str(rng.pick(set));
        if rng.one_in(3) {
            t.push(' ');
        }
    }
    t
}

/// One edit of `t`, on char boundaries.
fn mutate(t: &mut String, rng: &mut Rng, articles: &[String]) {
    let all: [&[&str]; 4] = [MARKS, WORDS, PUNCT, WEIRD];
    match rng.below(11) {
        0..=2 => {
            let at = boundary(t, rng);
            let set = all[rng.below(all.len())];
            t.insert_str(at, rng.pick(set));
        }
        3 => {
            let (a, b) = range(t, rng, 40);
            t.replace_range(a..b, "");
        }
        4 => {
            let (a, b) = range(t, rng, 200);
            let piece = t[a..b].to_string();
            let at = boundary(t, rng);
            t.insert_str(at, &piece);
        }
        5 => {
            let (a, b) = range(t, rng, 8);
            let w = rng.pick(WEIRD);
            t.replace_range(a..b, w);
        }
        6 => {
            let (from, to) = (rng.pick(MARKS), rng.pick(MARKS));
            *t = t.replace(from.trim(), to);
        }
        7 => {
            let (a, b) = range(t, rng, 300);
            let s = if rng.one_in(2) { t[a..b].to_uppercase() } else { t[a..b].to_lowercase() };
            t.replace_range(a..b, &s);
        }
        8 => {
            let to = rng.pick(&["\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\n\n\n", " ", ""]);
            *t = t.replace('\n', to);
        }
        9 => {
            let to = rng.pick(&["\u{a0}", "\t", "  ", "", "\u{3000}", "\n"]);
            *t = t.replace(' ', to);
        }
        _ => {
            // splice in a piece of another article
            let other = &articles[rng.below(articles.len())];
            let (a, b) = range(other, rng, 400);
            let at = boundary(t, rng);
            t.insert_str(at, &other[a..b]);
        }
    }
}

/// Case `rng` of the stream: one generated input.
fn generate(rng: &mut Rng, articles: &[String]) -> String {
    match rng.below(100) {
        0..=14 => {
            let n = rng.below(80);
            soup(rng, &[MARKS, MARKS, WORDS, PUNCT], n)
        }
        15..=34 => {
            let n = rng.below(120);
            soup(rng, &[WORDS, WORDS, WORDS, MARKS, PUNCT, PUNCT], n)
        }
        35..=44 => {
            let n = rng.below(60);
            soup(rng, &[WORDS, MARKS, PUNCT, WEIRD, WEIRD], n)
        }
        45..=89 => {
            let mut t = articles[rng.below(articles.len())].clone();
            for _ in 0..1 + rng.below(8) {
                mutate(&mut t, rng, articles);
            }
            t
        }
        90..=95 => {
            // arbitrary bytes, read as UTF-8 (invalid sequences become U+FFFD)
            let n = rng.below(200);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        96..=97 => {
            // one very long line: an article without line breaks, repeated
            let a = articles[rng.below(articles.len())].replace(['\n', '\r'], " ");
            a.repeat(5 + rng.below(40))
        }
        _ => {
            // one piece, many times
            let set = [MARKS, WORDS, PUNCT, WEIRD][rng.below(4)];
            let p = rng.pick(set);
            p.repeat(500 + rng.below(5000))
        }
    }
}

static PANIC: Mutex<String> = Mutex::new(String::new());

/// Runs the checks on `text`; a panic becomes an `Err` with its message.
fn run_one(text: &str) -> Result<(), String> {
    match panic::catch_unwind(AssertUnwindSafe(|| invariants::check(text))) {
        Ok(r) => r,
        Err(_) => Err(format!("panic: {}", PANIC.lock().map(|m| m.clone()).unwrap_or_default())),
    }
}

fn fail(out: &Path, seed: u64, case: u64, text: &str, why: &str) {
    let path = out.join(format!("seed-{seed}-case-{case}.txt"));
    let saved = std::fs::create_dir_all(out).and_then(|_| std::fs::write(&path, text));
    eprintln!("FAIL seed {seed} case {case}: {why}");
    match saved {
        Ok(()) => eprintln!("  input ({} bytes) saved to {}; rerun with --replay {}", text.len(), path.display(), path.display()),
        Err(e) => eprintln!("  cannot save the input to {}: {e}", path.display()),
    }
    let shown: String = text.chars().take(2000).collect();
    eprintln!("  input: {shown:?}{}", if shown.len() < text.len() { " …" } else { "" });
}

struct Args {
    count: u64,
    seed: u64,
    keep_going: bool,
    out: PathBuf,
    replay: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
    let mut a = Args { count: 100_000, seed: clock, keep_going: false, out: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures"), replay: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--count" => a.count = value()?.parse().map_err(|_| "--count: not a number")?,
            "--seed" => a.seed = value()?.parse().map_err(|_| "--seed: not a number")?,
            "--out" => a.out = value()?.into(),
            "--replay" => a.replay = Some(value()?.into()),
            "--keep-going" => a.keep_going = true,
            _ => return Err(format!("unknown argument {flag:?}; see the docs at the top of examples/fuzz/main.rs")),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    panic::set_hook(Box::new(|info| {
        if let Ok(mut m) = PANIC.lock() {
            *m = info.to_string();
        }
    }));
    if let Some(path) = a.replay {
        let text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            _ => {
                eprintln!("fuzz: cannot read {} as UTF-8 text", path.display());
                return ExitCode::from(2);
            }
        };
        return match run_one(&text) {
            Ok(()) => {
                println!("fuzz: {}: every invariant holds", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("FAIL {}: {e}", path.display());
                ExitCode::from(1)
            }
        };
    }
    let articles = articles();
    println!("fuzz: seed {}, {} inputs, {} articles to mutate", a.seed, a.count, articles.len());
    let started = Instant::now();
    let (mut failures, mut bytes) = (0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0u64, 0usize);
    let mut slowest_text = String::new();
    let mut done = 0;
    for case in 0..a.count {
        let text = generate(&mut Rng::new(a.seed, case), &articles);
        bytes += text.len() as u64;
        let t0 = Instant::now();
        let result = run_one(&text);
        let took = t0.elapsed();
        if took > slowest.0 {
            slowest = (took, case, text.len());
            slowest_text = text.clone();
        }
        done += 1;
        if let Err(why) = result {
            failures += 1;
            fail(&a.out, a.seed, case, &text, &why);
            if !a.keep_going || failures >= 100 {
                break;
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz: {done} inputs ({:.1} MiB) in {secs:.1} s: {:.0} inputs/s, {:.1} MiB/s; seed {}; {failures} failures",
        bytes as f64 / 1048576.0,
        done as f64 / secs.max(1e-9),
        bytes as f64 / 1048576.0 / secs.max(1e-9),
        a.seed
    );
    // the slowest input is kept too: a hint of superlinear work
    let path = a.out.join(format!("slowest-seed-{}-case-{}.txt", a.seed, slowest.1));
    let saved = std::fs::create_dir_all(&a.out).and_then(|_| std::fs::write(&path, &slowest_text)).map_or(String::new(), |_| format!(", saved to {}", path.display()));
    println!("fuzz: slowest case {} ({} bytes): {:.1} ms{saved}", slowest.1, slowest.2, slowest.0.as_secs_f64() * 1e3);
    if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
