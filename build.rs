//! Compiles the lexicon `.txt` files (the reviewed source of truth) into one sorted table at
//! build time, so the program carries no comments, no parser and no automaton builder, and
//! pays nothing at start-up. See `src/lexicon/mod.rs` for the format it writes.

use std::fmt::Write as _;

/// The lists in the order of `lexicon::List` (a list's number is its index here).
const FILES: &[&str] = &[
    "speech_verbs.txt",
    "titles.txt",
    "outlets.txt",
    "organizations.txt",
    "org_suffixes.txt",
    "outlet_suffixes.txt",
    "generic_sources.txt",
    "anonymous_sources.txt",
    "title_cues.txt",
    "denial_cues.txt",
    "refusal_cues.txt",
    "unverified_cues.txt",
    "claim_nouns.txt",
    "furniture.txt",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut tags: Vec<String> = vec![String::new()];
    // (normalised phrase, list, line order): sorted so equal phrases sit together in list
    // then file order, which is the order `scan` reports cues of one span in.
    let mut entries: Vec<(Vec<u8>, u8, usize, u8)> = Vec::new();
    for (list, name) in FILES.iter().enumerate() {
        let path = format!("src/lexicon/{name}");
        println!("cargo:rerun-if-changed={path}");
        let full = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(&path);
        let file = std::fs::read_to_string(full).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (n, line) in file.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (phrase, tag) = match line.split_once('|') {
                Some((p, t)) => (p.trim(), t.trim()),
                None => (line, ""),
            };
            let tag_id = match tags.iter().position(|t| t == tag) {
                Some(i) => i,
                None => {
                    tags.push(tag.to_string());
                    tags.len() - 1
                }
            };
            assert!(tag_id < 256, "{path}: more than 255 distinct tags");
            // one space between words, ASCII lower case, and ’ written as '
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase().replace('\u{2019}', "'");
            assert!(!phrase.is_empty(), "{path}:{}: empty phrase", n + 1);
            assert!(phrase.matches('\'').count() <= 1, "{path}:{}: at most one apostrophe per phrase", n + 1);
            assert!(phrase.bytes().all(|b| b >= 0x20), "{path}:{}: control character", n + 1);
            entries.push((phrase.into_bytes(), list as u8, entries.len(), tag_id as u8));
        }
    }
    entries.sort();
    let mut table = Vec::new();
    for (phrase, list, _, tag) in &entries {
        table.extend_from_slice(phrase);
        table.push(*list); // < 0x20: ends the phrase
        table.push(*tag);
    }
    let mut out = String::new();
    writeln!(out, "/// Tag words; a cue's tag number indexes this.").unwrap();
    writeln!(out, "const TAGS: [&str; {}] = {:?};", tags.len(), tags).unwrap();
    let notice = tags.iter().position(|t| t == "notice").expect("furniture.txt has notice phrases");
    writeln!(out, "/// The tag of the furniture phrases `scan` reports (`| notice`).").unwrap();
    writeln!(out, "const NOTICE_TAG: u16 = {notice};").unwrap();
    writeln!(out, "/// Number of entries in [`TABLE`].").unwrap();
    writeln!(out, "const ENTRIES: usize = {};", entries.len()).unwrap();
    writeln!(out, "/// Entries sorted by phrase: phrase bytes, list byte, tag byte.").unwrap();
    out.push_str("const TABLE: &[u8] = b\"");
    for b in table {
        out.extend(std::ascii::escape_default(b).map(char::from));
    }
    out.push_str("\";\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon.rs");
    std::fs::write(dest, out).unwrap();
}
