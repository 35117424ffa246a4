#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): the steps that finish a build, in order. The service
# worker's list comes last, so that it holds the start-up script csp.sh moves out of the page
# and its version covers the finished page.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/wasm-opt.sh"
bash "$here/csp.sh"
bash "$here/offline.sh"
