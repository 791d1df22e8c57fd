#!/usr/bin/env bash
# Runs every test of the project, installing what is missing first (scripts/setup.sh):
#   1. native unit, CLI and doc tests (cargo test), then the stable fuzz driver
#      (examples/fuzz/) on 100,000 generated inputs: about 20 s on 2 idle cores (FUZZ_SEED=S
#      repeats a run; the seed changes daily)
#   2. the release wasm build (scripts/build-wasm.sh), then a TypeScript consumer of its
#      declarations compiled with tsc --strict (tests/typescript)
#   3. browser tests in headless Chromium and Firefox (wasm-pack test)
#   4. the end-to-end check of the served demo page in headless Chromium (tests/e2e)
#   5. the npm package in a Vite app: npm pack, install, vite build, served and checked in
#      headless Chromium (tests/bundler)
#   6. where ../shared is present (the team's evaluation corpora): the accuracy gate
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

step() { printf '\n=== %s\n' "$*"; }

step "native tests"
cargo test --quiet 2>&1 | tail -n 40

step "fuzz driver: 100,000 generated inputs, every invariant checked"
# exits 1 (failing this script) on a panic or a broken invariant, saving the input under
# target/fuzz-failures/
cargo run --release --quiet --example fuzz -- --count 100000 --seed "${FUZZ_SEED:-$(date -u +%Y%m%d)}"

step "wasm build"
bash scripts/build-wasm.sh

step "typed API: tsc --noEmit --strict on tests/typescript"
tsc -p tests/typescript/tsconfig.json
echo "the TypeScript consumer compiles"

step "browser tests: Chromium"
wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" --mode no-install
step "browser tests: Firefox"
wasm-pack test --headless --firefox --geckodriver "$(command -v geckodriver)" --mode no-install

step "end-to-end: the demo page in headless Chromium"
node tests/e2e/run.mjs

step "end-to-end: the npm package in a Vite app"
node tests/bundler/run.mjs

if [ -f ../shared/eval/score.py ]; then
  step "accuracy gate on ../shared/corpus"
  bash scripts/score.sh --gate
fi
echo
echo "all tests passed"
