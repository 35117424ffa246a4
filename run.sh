#!/usr/bin/env bash
# Builds the editor and serves it on http://127.0.0.1:8080 (or $PORT), opened on the bundled
# sample building. Installs the wasm target, trunk and wasm-bindgen-cli first if missing.
#   ./run.sh          optimised build (what users get)
#   ./run.sh --dev    faster, unoptimised build for working on the editor
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
ensure_web_tools

release="--release"
[ "${1:-}" = "--dev" ] && release=""
port=${PORT:-8080}
say "serving the editor on http://127.0.0.1:$port/ (Ctrl-C stops)"
# No auto-reload: its script is written into the page with the server's address filled in
# when served, which the page's policy (no inline script, web/csp.sh) would refuse.
exec trunk serve $release --offline --no-autoreload --address 127.0.0.1 --port "$port"
