#!/usr/bin/env bash
# The plugin library's checks (issue 8), as check.sh runs them:
#   1. clippy on the wasm crate for its real target (wasm32-unknown-unknown);
#   2. the npm package `tailplan`: wasm-pack for web, bundler and nodejs, one release build
#      (crates/tailplan-wasm/build.sh), then `npm pack`;
#   3. the package installed from its .tgz, as a host installs it;
#   4. node --test: the nodejs build against the CLI on the sample buildings, number for
#      number (plugin.test.mjs); the TypeScript types (types.test.mjs); the host demo in
#      headless Chromium (demo.test.mjs).
#
#   bash tests/plugin/run.sh            everything
#   bash tests/plugin/run.sh --no-build the tests only, on the package built last time
#
# Installs what is missing: wasm-pack (cargo install, about 3 minutes, once), wasm-bindgen-cli
# at the workspace's pin and the wasm target (scripts/setup.sh), Debian's chromium, and the
# locked npm packages of this folder (binaryen for wasm-opt, playwright-core, typescript).
# Nothing is downloaded during the build itself (wasm-pack --mode no-install).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
source scripts/setup.sh

WASM_PACK_VERSION=0.15.1
build=1
[ "${1:-}" = "--no-build" ] && build=0

ensure_wasm_target
ensure_wasm_bindgen
ensure_chromium
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install --locked "wasm-pack@$WASM_PACK_VERSION"
fi

cd "$here"
# npm ci when node_modules is missing or was installed from another package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.tailplan-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "plugin: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
export PATH="$here/node_modules/.bin:$PATH"
cd "$root"

target="${CARGO_TARGET_DIR:-$root/target}"
if [ "$build" = 1 ]; then
  say "plugin: clippy for wasm32"
  cargo clippy -p tailplan-wasm --target wasm32-unknown-unknown --locked -- -D warnings

  say "plugin: the npm package (wasm-pack, release)"
  t0=$(date +%s)
  bash crates/tailplan-wasm/build.sh
  say "plugin: built in $(( $(date +%s) - t0 ))s"
fi
tgz=$(ls crates/tailplan-wasm/pkg/tailplan-*.tgz)
wasm=crates/tailplan-wasm/pkg/tailplan_bg.wasm
say "plugin: $(basename "$tgz"): wasm $(( $(stat -c %s "$wasm") / 1024 )) KB, $(( $(gzip -9 -c "$wasm" | wc -c) / 1024 )) KB gzipped; package $(( $(stat -c %s "$tgz") / 1024 )) KB"

# The CLI the Node tests compare with: the debug build `cargo test --workspace` made already
# (`cargo build -p tailplan-cli` resolves features for the CLI alone and compiled core and io a
# second time: on CI the disk ran out right there).
cargo test --workspace --locked --quiet --no-run
export TAILPLAN_CLI="$target/debug/tailplan"

say "plugin: npm install $(basename "$tgz") (offline)"
cd "$here"
npm install --no-save --offline --no-audit --no-fund --loglevel=error "$root/$tgz"

say "plugin: node --test"
exec node --test --test-reporter=spec plugin.test.mjs types.test.mjs demo.test.mjs
