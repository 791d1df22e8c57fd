#!/usr/bin/env bash
# Installs what building and testing claimlens needs, and nothing that is already there.
# Idempotent: a re-run on a machine that has everything takes a few seconds.
#
#   wasm32 target and rust-src (rustup), wasm-pack, wasm-bindgen-cli (exactly the Cargo.lock version),
#   geckodriver (crates.io), chromium + chromium-driver + firefox-esr (Debian apt),
#   wasm-opt (npm binaryen; Debian's binaryen is too old for current rustc output),
#   node test tools (playwright-core, axe-core, vite for the bundler test, typescript for
#   the typed-API check, compromise as the peer of the browser bench page) in
#   tools/node/node_modules.
#
# Prints `export` lines nothing; source scripts/env.sh to get PATH right afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. scripts/env.sh

log() { printf '[setup] %s\n' "$*" >&2; }

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132.0.0

wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$wb_version" ] || { echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# the wasm build rebuilds std for size (scripts/build-wasm.sh): it needs std's sources
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || need_apt+=(firefox-esr)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from apt"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# cargo-installed tools go to $CLAIMLENS_TOOLS/cargo/bin, so they never clash with a user's own.
cargo_tool() { # name version binary [--locked]
  local name=$1 version=$2 bin=$3 locked=${4:-}
  if [ -x "$CLAIMLENS_TOOLS/cargo/bin/$bin" ] && "$CLAIMLENS_TOOLS/cargo/bin/$bin" --version 2>/dev/null | grep -q " $version\b"; then
    return
  fi
  log "cargo install $name $version (takes minutes once)"
  cargo install --quiet --root "$CLAIMLENS_TOOLS/cargo" "$name" --version "=$version" $locked --force
}
cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
# no --locked: its lockfile pins a crate version the registry no longer serves
cargo_tool wasm-bindgen-cli "$wb_version" wasm-bindgen
cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked

if [ ! -x "$CLAIMLENS_TOOLS/node/node_modules/.bin/wasm-opt" ] || \
   [ ! -d "$CLAIMLENS_TOOLS/node/node_modules/playwright-core" ] || \
   [ ! -d "$CLAIMLENS_TOOLS/node/node_modules/axe-core" ] || \
   [ ! -f "$CLAIMLENS_TOOLS/node/node_modules/vite/bin/vite.js" ] || \
   [ ! -x "$CLAIMLENS_TOOLS/node/node_modules/.bin/tsc" ] || \
   [ ! -f "$CLAIMLENS_TOOLS/node/node_modules/compromise/builds/compromise.js" ]; then
  log "installing wasm-opt (binaryen@$BINARYEN_VERSION), playwright-core, axe-core, vite, typescript and compromise from npm"
  mkdir -p "$CLAIMLENS_TOOLS/node"
  (cd "$CLAIMLENS_TOOLS/node" && { [ -f package.json ] || echo '{"private":true}' > package.json; } && \
    npm install --silent --no-audit --no-fund "binaryen@$BINARYEN_VERSION" playwright-core@1 axe-core@4 vite@7 typescript@5 compromise@14 >/dev/null)
fi
log "tools ready in $CLAIMLENS_TOOLS"
