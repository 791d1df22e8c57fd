//! The wire record, field for field: `to_json()` of each `tests/fixtures/*.txt` must parse to
//! exactly the JSON value in the `.json` beside it. The `.json` files were first written by the
//! hand-made JSON writer that `src/wire.rs` (serde) replaced, so this pins the format across
//! that change; when a detector change alters an analysis on purpose, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --test wire` and review the diff.

use serde_json::Value;
use std::path::Path;

#[test]
fn fixtures_match_their_golden_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for txt in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(&txt).unwrap();
        let json = claimlens::analyze(&text).to_json();
        let golden = txt.with_extension("json");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, format!("{json}\n")).unwrap();
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()))).unwrap();
        let got: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(got, want, "{}: the wire record changed", txt.display());
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} fixtures");
}
