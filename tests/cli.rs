//! The `claimlens` command line: its JSON is the documented wire format (valid JSON, UTF-16
//! offsets whose slices equal `text`, sorted annotations, speakers named in `sources`), its
//! text output marks the article, and bad input gets one clear error line, never a panic.
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
