#!/usr/bin/env bash
# Builds the wasm coverage harness and times it under Node: all APs' best-server map of the
# office's biggest floor at 0.25 m, the 1 m coarse step, one moved AP with a warm engine.
#   crates/tailplan-core/benches/wasm/run.sh [FLOOR]
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir pkg "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wasmbench.wasm"
node run.mjs "${1:-3}"
