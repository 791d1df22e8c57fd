#!/usr/bin/env bash
# Installs what is missing, builds the wasm package and serves the demo page on 127.0.0.1.
#   bash scripts/demo.sh [port=8080]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs www "${1:-8080}"
