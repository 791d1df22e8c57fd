//! libFuzzer target: any bytes (read as UTF-8, invalid sequences replaced) through
//! `claimlens::analyze` and the JSON writer, checked against `examples/fuzz/invariants.rs`, the
//! same invariants as the stable driver `examples/fuzz/main.rs`. A broken invariant panics, which
//! libFuzzer reports as a crash and saves under `fuzz/artifacts/analyze/`.
//!
//! ```sh
//! # new inputs go to fuzz/corpus/analyze (ignored by git); fuzz/seeds is only read
//! cargo +nightly fuzz run analyze fuzz/corpus/analyze fuzz/seeds -- -dict=fuzz/analyze.dict -max_len=4096
//! ```
#![no_main]

#[path = "../../examples/fuzz/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = invariants::check(&text) {
        panic!("invariant broken: {e}");
    }
});
