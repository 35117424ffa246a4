#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): the steps that finish a build, in order.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/wasm-opt.sh"
bash "$here/offline.sh"
bash "$here/csp.sh"
