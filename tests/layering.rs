//! The crate's top-level modules depend on each other one way, in pipeline order: no module
//! names a module (or a crate-root re-export of one) that comes later in [`ORDER`]. Test code
//! (from a file's first `#[cfg(test)]` on) may use anything.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The top-level modules, leaves first, in the order data flows through them.
const ORDER: &[&str] = &["span", "swar", "offsets", "fxhash", "decimal", "chars", "vocab", "lexicon", "document", "detect", "links", "sources", "analysis", "wire", "w3c", "web"];

/// Items `lib.rs` re-exports at the crate root, and the module each comes from.
const ROOT: &[(&str, &str)] = &[
    ("Span", "span"),
    ("Utf16Index", "offsets"),
    ("Kind", "vocab"),
    ("SourceType", "vocab"),
    ("Subtype", "vocab"),
    ("Document", "document"),
    ("Block", "document"),
    ("Role", "document"),
    ("Source", "sources"),
    ("analyze", "analysis"),
    ("analyze_with_hints", "analysis"),
    ("Analysis", "analysis"),
    ("Annotation", "analysis"),
];

/// The Rust files of module `m` (`src/m.rs`, or everything under `src/m/`).
fn files(m: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let single = root.join(format!("{m}.rs"));
    if single.exists() {
        return vec![single];
    }
    let mut out = Vec::new();
    let mut stack = vec![root.join(m)];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The modules a piece of code names through `crate::…`, including `use crate::{a, b::c}`.
fn named(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            // the first path segment of each item of the group
            let end = group.find('}').unwrap_or(group.len());
            group[..end].split(',').map(|p| p.trim().split("::").next().unwrap_or("").trim()).collect()
        } else {
            vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("")]
        };
        for n in names {
            let module = ROOT.iter().find(|r| r.0 == n).map_or(n, |r| r.1);
            out.push(module.to_string());
        }
    }
    out
}

#[test]
fn modules_depend_only_on_earlier_ones() {
    let mut wrong = Vec::new();
    for (rank, m) in ORDER.iter().enumerate() {
        for f in files(m) {
            let text = std::fs::read_to_string(&f).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            // comments and docs may mention any module
            let code: String = code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            for n in named(&code) {
                if let Some(r) = ORDER.iter().position(|o| *o == n) {
                    if r > rank {
                        wrong.push(format!("{} ({m}) uses {n}", f.display()));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the pipeline order:\n{}", wrong.join("\n"));
}

#[test]
fn every_top_level_module_is_in_the_order() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(m) = line.trim().strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            assert!(ORDER.contains(&m), "src/lib.rs declares `mod {m}`, which ORDER does not place");
        }
    }
}

#[test]
fn the_checker_sees_grouped_and_root_imports() {
    assert_eq!(named("use crate::{span::Span, vocab::Kind};"), ["span", "vocab"]);
    assert_eq!(named("let k = crate::Kind::Quote; crate::analysis::x()"), ["vocab", "analysis"]);
}
