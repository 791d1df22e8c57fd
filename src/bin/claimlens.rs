//! `claimlens analyze [--format text|json|w3c] [--source URL] [--max-bytes N] FILE|-`: the
//! analysis core on files, from the terminal.
//!
//! The text format (the default) prints the article with its highlights marked (in colour
//! where stdout is a terminal; `[Q …]`, `[D …]`, `[U …]`, `[R …]` otherwise) and the lists of
//! findings and sources. `--format json` (or `--json`) prints the wire format of FORMAT.md;
//! `--format w3c` a W3C Web Annotation page, `--source URL` naming the annotated page. Bad input gets one clear error line and exit status 2, and nothing on stdout.
//!
//! Hostile input is contained:
//! - **Terminal output.** In text mode every control character of the input other than
//!   newline and tab (C0, DEL, C1), and the bidi embedding, override and isolate characters
//!   (U+202A–U+202E, U+2066–U+2069, which can make a line display as something else), is
//!   written as a visible escape such as `\u{1b}`, in the article and in the lists. A CR
//!   that ends a CRLF line break is dropped; newlines and tabs in the lists become spaces.
//!   JSON output is escaped by the JSON writer instead.
//! - **Input size.** Input longer than `--max-bytes` (default [`claimlens::MAX_INPUT_BYTES`],
//!   64 MiB) is refused before it is analysed; at most one byte past the limit is read, from
//!   files and standard input alike, so `claimlens analyze /dev/zero` fails at once.

use claimlens::{analyze, Analysis, Kind, MAX_INPUT_BYTES};
use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: claimlens analyze [--format text|json|w3c] [--source URL] [--max-bytes N] FILE   (FILE may be - for standard input)\n       claimlens analyze --jsonl [--max-bytes N] FILE";

const HELP: &str = "\n\nHighlights quotes, denials, unverified claims and reported speech, and lists the sources.
  --format F      text (default): the article with its highlights marked, then the lists;
                  json: the analysis as JSON (UTF-16 offsets); w3c: a W3C Web Annotation
                  AnnotationPage (JSON-LD; quote and code-point position selectors)
  --json          the same as --format json
  --source URL    with --format w3c: the annotated page's URL (each target's source)
  --jsonl         read JSON Lines ({\"id\": ..., \"text\": \"...\"} per line) and write one
                  analysis per line, {\"id\": ..., \"annotations\": ..., \"sources\": ..., \"blocks\": ...},
                  in input order, using every core (RAYON_NUM_THREADS=N to limit); a bad line
                  gives {\"id\": ..., \"error\": \"...\"} and the run goes on; --max-bytes is per text
  --max-bytes N   refuse input longer than N bytes (default 64M); N is a whole number of
                  bytes, or of KiB, MiB or GiB with a K, M or G suffix (at most 4294967295)";

/// One input line of `--jsonl`.
#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

/// One output line of `--jsonl`: the id, then the analysis or an error.
#[derive(serde::Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    analysis: Option<claimlens::Wire<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// `f` over the non-blank lines, in order, on every core (rayon).
#[cfg(not(target_arch = "wasm32"))]
fn par_map(lines: &[String], f: impl Fn(&String) -> String + Sync + Send) -> Vec<String> {
    use rayon::prelude::*;
    lines.par_iter().filter(|l| !l.trim().is_empty()).map(f).collect()
}

/// (The binary is compiled, never run, for wasm32 by `wasm-pack test`: one thread there.)
#[cfg(target_arch = "wasm32")]
fn par_map(lines: &[String], f: impl Fn(&String) -> String) -> Vec<String> {
    lines.iter().filter(|l| !l.trim().is_empty()).map(f).collect()
}

/// Lines analysed per parallel batch (bounds memory; order is kept within and across batches).
const BATCH: usize = 256;

/// `--jsonl`: JSON Lines in, one analysis per line out, in input order, on every core.
fn batch(file: &str, limit: usize) -> Result<(), String> {
    use std::io::BufRead;
    let input: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(file).map_err(|e| format!("{}: {}", line(file), io_reason(&e)))?))
    };
    let mut lines = input.lines();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut n = 0usize;
    loop {
        let mut chunk = Vec::with_capacity(BATCH);
        for l in lines.by_ref().take(BATCH) {
            n += 1;
            chunk.push(l.map_err(|e| format!("{}: line {n}: {e}", line(file)))?);
        }
        if chunk.is_empty() {
            break;
        }
        let out: Vec<String> = par_map(&chunk, |l| {
            let null = serde_json::Value::Null;
            let one = |id: &serde_json::Value, error: String| {
                claimlens::json_string(&Output { id, analysis: None, error: Some(error) })
            };
            match serde_json::from_str::<Record>(l) {
                Err(e) => one(&null, format!("not a JSON object with a \"text\" string: {e}")),
                Ok(r) if r.text.len() > limit => one(&r.id, format!("text is larger than {}; pass --max-bytes N to raise the limit", size(limit))),
                Ok(r) => {
                    let a = analyze(&r.text);
                    // U+2028/U+2029 escaped, as in --json
                    claimlens::json_string(&Output { id: &r.id, analysis: Some(a.wire()), error: None })
                }
            }
        });
        for o in out {
            match writeln!(stdout, "{o}") {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(e) => return Err(format!("cannot write output: {e}")),
            }
        }
    }
    match stdout.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

/// What `--format` prints.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    W3c,
}

impl Format {
    fn parse(s: &str) -> Result<Format, String> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "w3c" => Ok(Format::W3c),
            _ => Err(format!("unknown format {s:?}: use text, json or w3c")),
        }
    }
}

/// The largest `--max-bytes`: the core keeps UTF-16 offsets in 32 bits.
const MAX_LIMIT: u64 = u32::MAX as u64;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlens: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut format = Format::Text;
    let mut jsonl = false;
    let mut source: Option<String> = None;
    let mut limit = MAX_INPUT_BYTES;
    let mut file = None;
    let mut command = None;
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}{HELP}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("claimlens {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            "--json" => format = Format::Json,
            "--jsonl" => jsonl = true,
            "--format" => format = Format::parse(args.next().ok_or("--format needs a value: text, json or w3c")?)?,
            s if s.starts_with("--format=") => format = Format::parse(&s["--format=".len()..])?,
            "--source" => source = Some(args.next().ok_or("--source needs a URL")?.clone()),
            s if s.starts_with("--source=") => source = Some(s["--source=".len()..].to_string()),
            "--max-bytes" => limit = parse_size(args.next().ok_or("--max-bytes needs a value, such as 64M")?)?,
            s if s.starts_with("--max-bytes=") => limit = parse_size(&s["--max-bytes=".len()..])?,
            "-" => file = Some(a.clone()),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n{USAGE}")),
            s if command.is_none() => command = Some(s.to_string()),
            s if file.is_none() => file = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s:?}\n{USAGE}")),
        }
    }
    match command.as_deref() {
        Some("analyze") => {}
        Some(c) => return Err(format!("unknown command {c:?}\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    if source.is_some() && format != Format::W3c {
        return Err(format!("--source is only read with --format w3c\n{USAGE}"));
    }
    let file = file.ok_or_else(|| format!("no input file\n{USAGE}"))?;
    if jsonl {
        if format != Format::Text || source.is_some() {
            return Err(format!("--jsonl writes JSON; it takes no --format or --source\n{USAGE}"));
        }
        return batch(&file, limit);
    }
    let bytes = read(&file, limit)?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text (invalid byte at offset {})", line(&file), e.utf8_error().valid_up_to()))?;
    let analysis = claimlens::analyze_owned(text);
    // JSON is written as it is made (the output of a large input is twice its size)
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match format {
        Format::Json => analysis.write_json(&mut stdout),
        Format::W3c => analysis.write_w3c_json(&mut stdout, source.as_deref()),
        Format::Text => stdout.write_all(render(&analysis, std::io::stdout().is_terminal()).as_bytes()),
    };
    let newline = |w: &mut dyn Write| if format == Format::Text { Ok(()) } else { w.write_all(b"\n") };
    match written.and_then(|_| newline(&mut stdout)).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// Parses `--max-bytes`: a whole number of bytes, or of KiB, MiB or GiB with a `K`, `M` or
/// `G` suffix (either case), at most [`MAX_LIMIT`].
fn parse_size(s: &str) -> Result<usize, String> {
    let (digits, unit) = match s.as_bytes().last() {
        Some(b'K' | b'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some(b'M' | b'm') => (&s[..s.len() - 1], 1 << 20),
        Some(b'G' | b'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("--max-bytes: invalid value {s:?}; expected a number of bytes, optionally with K, M or G (64M = 67108864)"));
    }
    match digits.parse::<u64>().ok().and_then(|n| n.checked_mul(unit)).filter(|&n| n <= MAX_LIMIT) {
        Some(n) => usize::try_from(n).map_err(|_| format!("--max-bytes: {s:?} is too large for this machine")),
        None => Err(format!("--max-bytes: {s:?} is too large; the most is {MAX_LIMIT} bytes")),
    }
}

/// `64 MiB (67108864 bytes)`, or `1000 bytes`.
fn size(n: usize) -> String {
    for (unit, name) in [(1usize << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if n >= unit && n % unit == 0 {
            return format!("{} {name} ({n} bytes)", n / unit);
        }
    }
    format!("{n} byte{}", if n == 1 { "" } else { "s" })
}

/// Reads the whole input, but never more than one byte past `limit`.
fn read(file: &str, limit: usize) -> Result<Vec<u8>, String> {
    let too_long = |name: &str| format!("{name}: input is larger than {}; pass --max-bytes N to raise the limit", size(limit));
    let cap = limit as u64 + 1;
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        return if bytes.len() > limit { Err(too_long("standard input")) } else { Ok(bytes) };
    }
    let name = line(file);
    let meta = std::fs::metadata(file).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err(format!("{name}: is a directory, not a file"));
    }
    if meta.is_file() && meta.len() > limit as u64 {
        return Err(too_long(&name)); // known before reading a byte
    }
    if meta.is_file() {
        bytes.reserve_exact(meta.len() as usize + 1); // read in place, not grown by doubling
    }
    std::fs::File::open(file)
        .and_then(|f| f.take(cap).read_to_end(&mut bytes))
        .map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    if bytes.len() > limit {
        return Err(too_long(&name)); // a device or pipe, or a file that grew
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Terminal styles per kind: colour plus a text marker, so the output reads without colour.
fn style(kind: Kind) -> (&'static str, &'static str, &'static str) {
    // (ANSI start, plain open marker, plain close marker)
    match kind {
        Kind::Quote => ("\x1b[1;34m", "[Q ", "]"),
        Kind::Denial => ("\x1b[1;31m", "[D ", "]"),
        Kind::Unverified => ("\x1b[4;33m", "[U ", "]"),
        Kind::Reported => ("\x1b[2;36m", "[R ", "]"),
    }
}

/// The article with highlights marked, then the findings and the sources.
fn render(a: &Analysis, color: bool) -> String {
    let text = a.text();
    let mut out = String::with_capacity(text.len() * 2);
    // Marks at every start and end; an inner annotation closes before an outer one.
    let mut events: Vec<(usize, bool, usize)> = Vec::new(); // (pos, is_start, index)
    for (i, x) in a.annotations.iter().enumerate() {
        events.push((x.span.start, true, i));
        events.push((x.span.end, false, i));
    }
    // at one position: ends before starts; the outer span opens first and closes last
    let key = |&(pos, start, i): &(usize, bool, usize)| {
        let s = a.annotations[i].span;
        (pos, start, usize::MAX - if start { s.end } else { s.start })
    };
    events.sort_by_key(key);
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    for (at, start, i) in events {
        push_visible(&mut out, text, pos, at);
        pos = at;
        let kind = a.annotations[i].kind;
        let (ansi, o, c) = style(kind);
        if start {
            open.push(i);
            out.push_str(if color { ansi } else { o });
        } else {
            open.retain(|&j| j != i);
            if color {
                out.push_str("\x1b[0m");
                if let Some(&j) = open.last() {
                    out.push_str(style(a.annotations[j].kind).0);
                }
            } else {
                out.push_str(c);
            }
        }
    }
    push_visible(&mut out, text, pos, text.len());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let bold = |s: &str| if color { format!("\x1b[1m{s}\x1b[0m") } else { s.to_string() };
    out.push_str(&format!("\n{}\n", bold("Findings")));
    for x in &a.annotations {
        let who = a.who(x).map(|w| format!(" — {}", line(w))).unwrap_or_default();
        let sub = x.subtype.map(|s| format!(" ({})", s.as_str())).unwrap_or_default();
        let mut t: String = a.text_of(x).chars().take(90).collect();
        if t.len() < a.text_of(x).len() {
            t.push('…');
        }
        out.push_str(&format!("  {:<10}{sub}{who}: {}\n", x.kind.as_str(), line(&t)));
    }
    out.push_str(&format!("\n{}\n", bold("Sources")));
    for s in &a.sources {
        let said = a.annotations.iter().filter(|x| a.who(x) == Some(s.name.as_str())).count();
        let via = if s.via.is_empty() {
            String::new()
        } else {
            format!(" via {}", s.via.iter().filter_map(|&v| a.sources.get(v)).map(|v| line(&v.name)).collect::<Vec<_>>().join(", "))
        };
        out.push_str(&format!("  {} ({}){via}: {said} statement{}\n", line(&s.name), s.ty.as_str(), if said == 1 { "" } else { "s" }));
    }
    if !color {
        out.push_str("\nMarks: [Q quote] [D denial] [U unverified claim] [R reported speech]\n");
    }
    out
}

/// True for what a terminal must not receive raw from the article: C0 controls other than
/// newline and tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
fn hidden(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// Appends `text[from..to]` of the article for a terminal: [`hidden`] characters as
/// escapes (`\u{1b}`), except that a CR ending a CRLF line break is dropped.
fn push_visible(out: &mut String, text: &str, from: usize, to: usize) {
    let s = text.get(from..to).unwrap_or("");
    if !s.chars().any(hidden) {
        out.push_str(s);
        return;
    }
    for (i, c) in s.char_indices() {
        if c == '\r' && text.as_bytes().get(from + i + 1) == Some(&b'\n') {
            continue;
        }
        if hidden(c) {
            push_escape(out, c);
        } else {
            out.push(c);
        }
    }
}

/// Text for one line of a list (a name, a finding, a file name): line breaks and tabs as
/// spaces, other [`hidden`] characters as escapes.
fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if hidden(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        let rows = [
            ("plain “text” 🎬\tend\n", "plain “text” 🎬\tend\n"),
            ("a\x1b]0;PWNED\x07b", "a\\u{1b}]0;PWNED\\u{7}b"),
            ("del\x7f c1\u{9b}31m \u{85}", "del\\u{7f} c1\\u{9b}31m \\u{85}"),
            ("bidi \u{202e}cod.exe\u{2066}x\u{2069}", "bidi \\u{202e}cod.exe\\u{2066}x\\u{2069}"),
            ("crlf\r\nnext\r\n", "crlf\nnext\n"),
            ("lone\rcr\r", "lone\\u{d}cr\\u{d}"),
            ("nul\0", "nul\\u{0}"),
        ];
        for (input, want) in rows {
            let mut out = String::new();
            push_visible(&mut out, input, 0, input.len());
            assert_eq!(out, want, "{input:?}");
        }
        // a CR at the end of a piece is dropped when the next piece starts with LF
        let mut out = String::new();
        push_visible(&mut out, "a\r\nb", 0, 2);
        assert_eq!(out, "a");
        assert_eq!(line("Jane\x1b[2J\r\nDoe\u{202e}"), "Jane\\u{1b}[2J  Doe\\u{202e}");
    }

    #[test]
    fn sizes() {
        for (s, want) in [("0", Some(0)), ("1000", Some(1000)), ("64M", Some(64 << 20)), ("2k", Some(2048)), ("3G", Some(3 << 30)), ("4294967295", Some(u32::MAX as usize))] {
            assert_eq!(parse_size(s).ok(), want, "{s}");
        }
        for s in ["", "M", "-1", "1.5M", "12 ", " 12", "1e6", "4G", "99999999999999999999", "10MB", "0x10", "+5", "١٢"] {
            assert!(parse_size(s).is_err(), "{s:?}");
        }
        assert_eq!(size(MAX_INPUT_BYTES), "64 MiB (67108864 bytes)");
        assert_eq!(size(1000), "1000 bytes");
        assert_eq!(size(1), "1 byte");
    }
}
