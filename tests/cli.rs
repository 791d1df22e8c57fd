//! The `claimlens` command line: its JSON is the documented wire format (valid JSON, UTF-16
//! offsets whose slices equal `text`, sorted annotations, speakers named in `sources`), its
//! text output marks the article with the input's control characters made visible, input
//! over `--max-bytes` is refused at once, and bad input gets one clear error line, never a
//! panic.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn analyze_json(args: &[&str], stdin: Option<&[u8]>) -> (Value, String) {
    let mut cmd = bin();
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).expect("valid JSON"), String::from_utf8(out.stdout).unwrap())
}

/// Every offset is in UTF-16 units, and `text` is exactly that slice of the input.
fn check_offsets(v: &Value, text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: usize, e: usize| String::from_utf16(&units[s..e]).expect("span on a UTF-16 boundary");
    let anns = v["annotations"].as_array().expect("annotations");
    let mut last = (0, 0);
    for (i, a) in anns.iter().enumerate() {
        let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
        assert!(s < e && e <= units.len(), "{a}");
        assert_eq!(a["text"].as_str().unwrap(), slice(s, e), "text is the slice");
        assert!((s, e) >= last, "sorted by start, then end");
        last = (s, e);
        assert_eq!(a["id"].as_u64(), Some(i as u64), "ids follow output order");
        if let (Some(cs), Some(ce)) = (a["cue_start"].as_u64(), a["cue_end"].as_u64()) {
            assert_eq!(a["cue"].as_str().unwrap(), slice(cs as usize, ce as usize));
        }
        assert!(["quote", "denial", "unverified", "reported"].contains(&a["kind"].as_str().unwrap()));
    }
    let names: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    for a in anns {
        for who in [&a["speaker"], &a["source"]] {
            if let Some(w) = who.as_str() {
                assert!(names.contains(&w), "{w} is listed in sources {names:?}");
            }
        }
        for d in a["denies"].as_array().into_iter().flatten() {
            let claim = &anns[d.as_u64().unwrap() as usize];
            assert!(claim["disputed_by"].as_array().unwrap().contains(&a["id"]), "links go both ways");
        }
    }
    for s in v["sources"].as_array().unwrap() {
        assert!(["person", "outlet", "organization", "publication", "anonymous"].contains(&s["type"].as_str().unwrap()));
        for m in s["mentions"].as_array().unwrap() {
            let (ms, me) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(ms < me && me <= units.len());
        }
    }
}

#[test]
fn json_offsets_are_utf16_with_crlf_and_emoji() {
    let path = fixture("crlf_emoji.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\r\n") && text.chars().any(|c| c as u32 > 0xFFFF), "the fixture has CRLF and non-BMP characters");
    let (v, _) = analyze_json(&["analyze", "--json", &path], None);
    check_offsets(&v, &text);
    let quotes: Vec<&str> = v["annotations"].as_array().unwrap().iter().filter(|a| a["kind"] == "quote").map(|a| a["text"].as_str().unwrap()).collect();
    assert_eq!(quotes, ["“We had no choice,”", "“The cables failed an inspection 🔧 on Friday.”"]);
    let speakers: Vec<&str> = v["annotations"].as_array().unwrap().iter().filter(|a| a["kind"] == "quote").map(|a| a["speaker"].as_str().unwrap()).collect();
    assert_eq!(speakers, ["Dana Whitfield", "Dana Whitfield"]);
    let subtypes: Vec<&str> = v["annotations"].as_array().unwrap().iter().filter(|a| a["kind"] == "denial").map(|a| a["subtype"].as_str().unwrap()).collect();
    assert_eq!(subtypes, ["no_comment", "non_denial", "denial"]);
}

#[test]
fn json_on_a_plain_article() {
    let path = fixture("plain.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let (v, _) = analyze_json(&["analyze", "--json", &path], None);
    check_offsets(&v, &text);
    let sources: Vec<(&str, &str)> =
        v["sources"].as_array().unwrap().iter().map(|s| (s["name"].as_str().unwrap(), s["type"].as_str().unwrap())).collect();
    for want in [("Rosa Delgado", "person"), ("Northgate Partners", "organization"), ("Ian Brooks", "person"), ("Evening Herald", "outlet")] {
        assert!(sources.contains(&want), "{want:?} in {sources:?}");
    }
    assert!(sources.iter().any(|(n, t)| n.contains("familiar with the negotiations") && *t == "anonymous"), "{sources:?}");
}

#[test]
fn stdin_and_file_give_the_same_json() {
    let path = fixture("plain.txt");
    let bytes = std::fs::read(&path).unwrap();
    let (_, from_file) = analyze_json(&["analyze", "--json", &path], None);
    let (_, from_stdin) = analyze_json(&["analyze", "--json", "-"], Some(&bytes));
    assert_eq!(from_file, from_stdin);
}

#[test]
fn text_output_marks_the_article_and_lists_sources() {
    let out = bin().args(["analyze", &fixture("plain.txt")]).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("[Q \"We owe taxpayers a clear answer before we commit a single dollar,\"]"), "{s}");
    assert!(s.contains("[D "), "{s}");
    assert!(s.contains("Sources") && s.contains("Rosa Delgado (person)"), "{s}");
    assert!(!s.contains('\u{1b}'), "no colour when stdout is not a terminal");
}

#[test]
fn bad_input_is_one_clear_error_line() {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let invalid = dir.join("invalid.txt");
    std::fs::write(&invalid, b"ok \xff\xfe bad").unwrap();
    let rows: &[(&[&str], &str)] = &[
        (&["analyze", "/no/such/file.txt"], "no such file"),
        (&["analyze", dir.to_str().unwrap()], "is a directory"),
        (&["analyze", invalid.to_str().unwrap()], "not UTF-8"),
        (&["analyze"], "no input file"),
        (&["frobnicate", "x"], "unknown command"),
        (&["analyze", "--bogus", "x"], "unknown option"),
        (&[], "usage"),
    ];
    for (args, want) in rows {
        let out = bin().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("claimlens: ") && err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn empty_input_is_an_empty_analysis() {
    let (v, _) = analyze_json(&["analyze", "--json", "-"], Some(b""));
    assert_eq!(v["annotations"].as_array().unwrap().len(), 0);
    assert_eq!(v["sources"].as_array().unwrap().len(), 0);
}

/// Runs the binary with `stdin` piped in; returns (exit code, stdout, stderr).
fn run_with(args: &[&str], stdin: &[u8]) -> (Option<i32>, Vec<u8>, String) {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // the binary may stop reading early (the input limit): a broken pipe here is expected
    let _ = pipe.write_all(stdin);
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    (out.status.code(), out.stdout, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn terminal_escapes_in_the_article_are_made_visible() {
    // the example: window title, screen clear, clipboard write (OSC 52)
    let hostile = "“Hi \x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZWNobw==\x07,” said Jane Doe.";
    let (code, out, err) = run_with(&["analyze", "-"], hostile.as_bytes());
    assert_eq!(code, Some(0), "{err}");
    let s = String::from_utf8(out).unwrap();
    assert!(!s.contains('\x1b') && !s.contains('\x07'), "no raw ESC or BEL: {s:?}");
    assert!(s.contains("\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"), "visible escapes in the article: {s}");
    let findings = s.split("Findings").nth(1).unwrap();
    assert!(findings.contains("Jane Doe: “Hi \\u{1b}]0;PWNED"), "and in the findings: {findings}");
    // JSON mode escapes them as JSON
    let (v, raw) = analyze_json(&["analyze", "--json", "-"], Some(hostile.as_bytes()));
    assert!(!raw.contains('\x1b') && raw.contains("\\u001b]0;PWNED\\u0007"), "{raw}");
    check_offsets(&v, hostile);
}

#[test]
fn every_control_and_bidi_override_is_escaped_in_every_list() {
    // controls in a speaker's name, a source's name and a cue's text; CRLF line breaks
    let mut hostile = String::from("“Fine,” said Jane\u{9b}31m Doe.\r\nThe Acme\u{202e}Corp\u{7f} company declined\x08 to comment.\r\n");
    for c in (0u32..0x20).chain(0x7f..0xa0).chain(0x202a..0x202f).chain(0x2066..0x206a) {
        hostile.push(char::from_u32(c).unwrap());
    }
    hostile.push_str(" “Quoted\x1b[31m,” said Jane Doe.\r\n");
    let (code, out, _) = run_with(&["analyze", "-"], hostile.as_bytes());
    assert_eq!(code, Some(0));
    let s = String::from_utf8(out).unwrap();
    for c in s.chars() {
        let bad = matches!(c as u32, 0..=8 | 0xb..=0x1f | 0x7f..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069);
        assert!(!bad, "raw U+{:04X} in {s:?}", c as u32);
    }
    for esc in ["\\u{0}", "\\u{1b}", "\\u{7f}", "\\u{85}", "\\u{9b}", "\\u{202e}", "\\u{2066}", "\\u{d}"] {
        assert!(s.contains(esc), "{esc} in {s}");
    }
    assert!(!s.contains("\\u{d}\n"), "a CRLF line break is shown as a line break: {s:?}");
    let (v, _) = analyze_json(&["analyze", "--json", "-"], Some(hostile.as_bytes()));
    check_offsets(&v, &hostile);
}

#[test]
fn crlf_articles_display_without_escapes() {
    let out = bin().args(["analyze", &fixture("crlf_emoji.txt")]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success() && s.contains("[Q “We had no choice,”] said Dana Whitfield"), "{s}");
    assert!(!s.contains('\r') && !s.contains("\\u{"), "{s:?}");
}

#[test]
fn dev_zero_fails_fast_at_the_default_limit() {
    let started = std::time::Instant::now();
    let out = bin().args(["analyze", "--json", "/dev/zero"]).output().unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing half-written");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "claimlens: /dev/zero: input is larger than 64 MiB (67108864 bytes); pass --max-bytes N to raise the limit\n");
    assert!(took < std::time::Duration::from_secs(10), "it reads 64 MiB and stops: {took:?}");
    assert_eq!(claimlens::MAX_INPUT_BYTES, 64 << 20, "the message names the core's constant");
}

#[test]
fn max_bytes_is_the_largest_accepted_input() {
    let dir = std::env::temp_dir().join(format!("claimlens-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "“Fine,” said Jane Doe.\n";
    let n = text.len();
    let at = dir.join("at.txt");
    let over = dir.join("over.txt");
    std::fs::write(&at, text).unwrap();
    std::fs::write(&over, format!("{text} ")).unwrap();
    let limit = n.to_string();
    for flag in [vec!["--max-bytes", limit.as_str()], vec![]] {
        let mut args = vec!["analyze", "--json"];
        args.extend(&flag);
        // exactly at the limit passes, from a file and from standard input
        let (v, _) = analyze_json(&[&args[..], &[at.to_str().unwrap()]].concat(), None);
        assert_eq!(v["annotations"][0]["speaker"], "Jane Doe");
        analyze_json(&[&args[..], &["-"]].concat(), Some(text.as_bytes()));
    }
    let (v, _) = analyze_json(&["analyze", &format!("--max-bytes={n}"), "--json", "-"], Some(text.as_bytes()));
    assert_eq!(v["annotations"].as_array().unwrap().len(), 1);
    // one byte over fails, from a file and from standard input
    let want = format!("input is larger than {n} bytes; pass --max-bytes N to raise the limit\n");
    let out = bin().args(["analyze", "--json", "--max-bytes", &limit, over.to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty() && err == format!("claimlens: {}: {want}", over.display()), "{err}");
    let (code, stdout, err) = run_with(&["analyze", "--max-bytes", &limit, "-"], format!("{text} ").as_bytes());
    assert_eq!((code, stdout.is_empty(), err), (Some(2), true, format!("claimlens: standard input: {want}")));
    // suffixes are binary multiples
    let (code, _, err) = run_with(&["analyze", "--max-bytes", "1K", "-"], &[b'a'; 1025]);
    assert_eq!(code, Some(2));
    assert!(err.contains("larger than 1 KiB (1024 bytes)"), "{err}");
    let (code, _, _) = run_with(&["analyze", "--max-bytes", "1k", "-"], &[b'a'; 1024]);
    assert_eq!(code, Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_max_bytes_values_are_clear_errors() {
    let fix = fixture("plain.txt");
    for bad in ["", "abc", "-1", "1.5M", "10MB", "0x10", " 5", "1e6", "4G", "99999999999999999999999"] {
        let out = bin().args(["analyze", "--max-bytes", bad, &fix]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("claimlens: --max-bytes: ") && err.lines().count() == 1, "{bad:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = bin().args(["analyze", &fix, "--max-bytes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--max-bytes needs a value"));
}

#[test]
fn w3c_format_is_an_annotation_page_of_every_finding() {
    let f = fixture("wire_story.txt");
    let (json, json_bytes) = analyze_json(&["analyze", "--json", &f], None);
    let (_, format_json) = analyze_json(&["analyze", "--format", "json", &f], None);
    assert_eq!(json_bytes, format_json, "--json is --format json");
    let (page, _) = analyze_json(&["analyze", "--format", "w3c", "--source", "https://example.org/a", &f], None);
    assert_eq!(page["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(page["type"], "AnnotationPage");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), json["annotations"].as_array().unwrap().len());
    assert!(items.iter().all(|i| i["target"]["source"] == "https://example.org/a" && i["type"] == "Annotation"));
    // kinds carried as tags, in the same order
    for (i, a) in items.iter().zip(json["annotations"].as_array().unwrap()) {
        assert_eq!(i["body"][0]["value"], a["kind"]);
        assert_eq!(i["target"]["selector"][0]["exact"], a["text"]);
    }
}

#[test]
fn bad_format_and_misplaced_source_are_errors() {
    for args in [&["analyze", "--format", "nope", "-"][..], &["analyze", "--format"], &["analyze", "--source", "https://x", "-"]] {
        let (code, out, err) = run_with(args, b"Hello.");
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(out.is_empty() && err.starts_with("claimlens: "), "{args:?}: {err}");
    }
}

#[test]
fn text_format_marks_reported_speech_inline() {
    let (code, out, _) = run_with(&["analyze", "-"], b"The minister said the port would be sold.\n");
    assert_eq!(code, Some(0));
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("[R The minister said the port would be sold]."), "{out}");
    assert!(out.contains("[R reported speech]"), "{out}");
}

#[test]
fn jsonl_batch_keeps_input_order_and_reports_bad_lines() {
    let mut input = String::new();
    for i in 0..600 {
        let text = if i % 3 == 0 { format!("“Case {i},” said Jane Doe.") } else { format!("Officials declined to comment on case {i}.") };
        input.push_str(&serde_json::json!({ "id": i, "text": text }).to_string());
        input.push('\n');
    }
    input.push_str("not json\n\n{\"text\": \"no id\"}\n");
    let (code, out, err) = run_with(&["analyze", "--jsonl", "-"], input.as_bytes());
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<Value> = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).expect("JSON per line")).collect();
    assert_eq!(lines.len(), 602, "one line per non-empty input line");
    for (i, l) in lines[..600].iter().enumerate() {
        assert_eq!(l["id"], i, "input order across batches");
        let want = if i % 3 == 0 { "quote" } else { "denial" };
        assert_eq!(l["annotations"][0]["kind"], want, "{l}");
    }
    assert!(lines[600]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[601]["id"], Value::Null);
    assert!(lines[601]["annotations"].is_array());
    // the same record as --json gives, the id aside
    let one = analyze_json(&["analyze", "--json", "-"], Some("“Case 0,” said Jane Doe.".as_bytes())).0;
    let mut first = lines[0].clone();
    first.as_object_mut().unwrap().remove("id");
    assert_eq!(first, one);
    let (code, _, err) = run_with(&["analyze", "--jsonl", "--format", "w3c", "-"], b"");
    assert_eq!(code, Some(2), "{err}");
}
