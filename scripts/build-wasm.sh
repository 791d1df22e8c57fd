#!/usr/bin/env bash
# Builds the release WebAssembly package into www/pkg (claimlens.js + claimlens_bg.wasm),
# optimised by wasm-opt from npm binaryen (scripts/setup.sh installs it; Debian's binaryen is
# too old), makes it the npm package `claimlens` (scripts/package.mjs: package.json, README,
# the <claim-lens> element module www/claim-lens.js copied beside the glue), and prints the
# gzip sizes of the module and its JS glue. `npm pack ./www/pkg` then makes the tarball (the
# ./ matters: npm reads `www/pkg` as a GitHub repository).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
command -v wasm-opt >/dev/null || { echo "build-wasm: wasm-opt missing; run bash scripts/setup.sh" >&2; exit 1; }
# opt-level "z" for the wasm build only (the native build keeps the profile's 3); measured:
# "z" is the smallest module, "s" and 3 are faster but over the size budget. WASM_OPT_LEVEL
# overrides it for such measurements.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=${WASM_OPT_LEVEL:-z}
# The standard library is rebuilt with the module (cargo's build-std, from the rust-src
# component scripts/setup.sh adds) so that a panic aborts at once: no panic message
# formatting, no file/line data for every bounds check, and std compiled for size. That is
# 11 KB of the gzip module (150.0 -> 138.7 KB, measured in the README). A panic still ends
# in the same WebAssembly trap as before, and none is expected to happen (see src/web/mod.rs).
# These are unstable compiler options: RUSTC_BOOTSTRAP=1 lets the stable compiler take them,
# for this one build only. WASM_STD=prebuilt builds with the shipped std instead (any
# toolchain, bigger module).
# target-cpu=lime1: WebAssembly's conservative feature set (no reference types), so
# wasm-bindgen keeps JavaScript objects in a JS array instead of an externref table: the
# module is 1.3 KB gzip smaller (its externref shims go), the glue 154 B bigger, the speed the
# same (measured), and it runs in engines that lack reference types.
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-Ctarget-cpu=lime1"
extra=()
if [ "${WASM_STD:-rebuilt}" = rebuilt ]; then
  export RUSTC_BOOTSTRAP=1
  export RUSTFLAGS="$RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
  extra=(. -- -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
fi
wasm-pack --quiet build --release --target web --out-dir www/pkg --out-name claimlens --mode no-install --no-pack "${extra[@]}"
rm -f www/pkg/.gitignore
# one- and two-letter import names (and c0, c1 for the closures' exports) in the module and
# the glue: 3.0 KB gzip less module and 1.8 KB less glue (measured in the README);
# MINIFY_IMPORTS=0 keeps wasm-bindgen's names
[ "${MINIFY_IMPORTS:-1}" = 0 ] || node scripts/minify-imports.mjs www/pkg
node scripts/package.mjs www/pkg
# the product brief's budgets: wasm <= 120 KB gzip, JS glue <= 10 KB gzip, with KB = 1024
# bytes (reported, not enforced; the exact byte counts are printed too)
size() {
  local gz; gz=$(gzip -9c "$1" | wc -c)
  printf '%s: %s bytes, %s bytes gzip = %s KiB (budget %s KiB gzip%s)\n' "$1" "$(wc -c <"$1")" "$gz" \
    "$(awk "BEGIN{printf \"%.1f\", $gz/1024}")" "$2" "$([ "$gz" -le $(($2 * 1024)) ] || echo ', OVER')"
}
size www/pkg/claimlens_bg.wasm 120
size www/pkg/claimlens.js 10
