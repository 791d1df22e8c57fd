//! Whole numbers written in decimal without `core::fmt`.
//!
//! `n.to_string()` and `format!` bring the formatting machinery into the WebAssembly module
//! (`Formatter`, padding, `write_fmt`); the few numbers the module writes (counts, ids,
//! pixel offsets) need none of it. Measured in the README with the import renaming.

/// Appends `n` in decimal, with a `-` when it is negative.
pub(crate) fn push(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(d as char);
    }
}

/// `n` in decimal.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the page's ids and counts
pub(crate) fn string(n: usize) -> String {
    let mut s = String::new();
    push(&mut s, n as i64);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_display_writes() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, -987_654, i64::MAX, i64::MIN] {
            let mut s = String::from("x");
            push(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        assert_eq!(string(0), "0");
        assert_eq!(string(4096), "4096");
    }
}
