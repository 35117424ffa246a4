#!/usr/bin/env bash
# Runs the editor's browser-glue tests (web/tests/browser.rs: IndexedDB storage, file
# reading, downloads, fetches, canvas) with wasm-bindgen-test in headless Chromium, through
# chromedriver. check.sh calls it; so can you:
#   bash tests/e2e/wasm-tests.sh
# wasm-bindgen-test-runner comes with wasm-bindgen-cli (scripts/setup.sh installs it at the
# workspace's pin); chromedriver is Debian's chromium-driver, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ]; then
  echo "wasm tests: installing Debian's chromium-driver" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium-driver >/dev/null
fi

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
exec cargo test -p tailplan-web --target wasm32-unknown-unknown --test browser --locked "$@"
