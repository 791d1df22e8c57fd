//! `claimlens analyze [--json] FILE|-`: the analysis core on files, from the terminal.
//!
//! Without `--json` it prints the article with its highlights marked (in colour where
//! stdout is a terminal) and the list of sources. With `--json` it prints the wire format of
//! FORMAT.md. Bad input gets one clear error line and exit status 2.

use claimlens::{analyze, Analysis, Kind};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: claimlens analyze [--json] FILE   (FILE may be - for standard input)";

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
    let mut json = false;
    let mut file = None;
    let mut command = None;
    for a in args {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}\n\nHighlights quotes, denials, unverified claims and reported speech, and lists the sources.\n  --json   print the analysis as JSON (UTF-16 offsets)");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("claimlens {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            "--json" => json = true,
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
    let file = file.ok_or_else(|| format!("no input file\n{USAGE}"))?;
    let bytes = read(&file)?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{file}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
    let analysis = analyze(&text);
    let out = if json { analysis.to_json() + "\n" } else { render(&analysis, std::io::stdout().is_terminal()) };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    let meta = std::fs::metadata(file).map_err(|e| format!("{file}: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err(format!("{file}: is a directory, not a file"));
    }
    std::fs::File::open(file)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("{file}: {}", io_reason(&e)))?;
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
        if x.kind == Kind::Reported {
            continue; // reported speech often spans whole sentences; listed below instead
        }
        events.push((x.span.start, true, i));
        events.push((x.span.end, false, i));
    }
    events.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.cmp(&q.1)));
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    for (at, start, i) in events {
        out.push_str(&text[pos..at]);
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
    out.push_str(&text[pos..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let bold = |s: &str| if color { format!("\x1b[1m{s}\x1b[0m") } else { s.to_string() };
    out.push_str(&format!("\n{}\n", bold("Findings")));
    for x in &a.annotations {
        let who = a.who(x).map(|w| format!(" — {w}")).unwrap_or_default();
        let sub = x.subtype.map(|s| format!(" ({s})")).unwrap_or_default();
        let mut t: String = a.text_of(x).chars().take(90).collect();
        if t.len() < a.text_of(x).len() {
            t.push('…');
        }
        out.push_str(&format!("  {:<10}{sub}{who}: {}\n", x.kind.as_str(), t.replace(['\n', '\r'], " ")));
    }
    out.push_str(&format!("\n{}\n", bold("Sources")));
    for s in &a.sources {
        let said = a.annotations.iter().filter(|x| x.who.is_some_and(|w| a.sources[w].name == s.name)).count();
        let via = if s.via.is_empty() {
            String::new()
        } else {
            format!(" via {}", s.via.iter().map(|&v| a.sources[v].name.as_str()).collect::<Vec<_>>().join(", "))
        };
        out.push_str(&format!("  {} ({}){via}: {said} statement{}\n", s.name, s.ty.as_str(), if said == 1 { "" } else { "s" }));
    }
    if !color {
        out.push_str("\nMarks: [Q quote] [D denial] [U unverified claim]\n");
    }
    out
}
