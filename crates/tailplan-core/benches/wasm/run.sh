#!/usr/bin/env bash
# Builds the wasm coverage harness and times it: all APs' best-server map of the office's
# biggest floor at 0.25 m, the 1 m coarse step, one moved AP with a warm engine.
#   crates/tailplan-core/benches/wasm/run.sh [FLOOR]            under Node (V8, CPU time)
#   crates/tailplan-core/benches/wasm/run.sh --browser [FLOOR]  in headless Chromium (CPU time
#                                                               of the page's thread)
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
browser=0
if [ "${1:-}" = "--browser" ]; then browser=1; shift; fi
cargo build --release --target wasm32-unknown-unknown --locked
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wasmbench.wasm"
if [ "$browser" = 1 ]; then
  wasm-bindgen --target web --out-dir pkg-web "$wasm"
  node run-browser.mjs "${1:-3}"
else
  wasm-bindgen --target nodejs --out-dir pkg "$wasm"
  node run.mjs "${1:-3}"
fi
