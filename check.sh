#!/usr/bin/env bash
# Runs every check CI runs, in the same order; .ci/run calls exactly this.
# Installs what it needs first (see scripts/setup.sh); what is already there is skipped.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-always}
# A clean clone builds everything once: incremental caches would only fill the disk (they were
# 11 of the debug build's 28 GB), and line tables are all the tests' backtraces need (full debug
# info doubles the rest). A CI run ran out of disk with the defaults; each step prints the room left.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
export CARGO_PROFILE_DEV_DEBUG=${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}
start=$(date +%s)
step() { say "$1 ($(( $(date +%s) - start ))s; $(df -h --output=avail . | tail -1 | tr -d ' ') free, target $(du -sh target 2>/dev/null | cut -f1))"; }

step "tools"
ensure_web_tools
ensure_chromium

step "format"
cargo fmt --all --check

step "clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests (native)"
cargo test --workspace --locked

step "core, io and app built for wasm32"
cargo build -p tailplan-core -p tailplan-io -p tailplan-app --target wasm32-unknown-unknown --locked

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "editor (trunk, release)"
trunk build --release --offline

step "browser end-to-end tests"
bash tests/e2e/run.sh

step "hosting: deploy/nginx.conf under Debian's nginx, the headers and the editor in Chromium"
bash deploy/test.sh

step "browser glue tests (wasm-bindgen-test in headless Chromium)"
bash tests/e2e/wasm-tests.sh

step "plugin library (npm package: clippy for wasm32, wasm-pack, Node, TypeScript and Chromium tests)"
bash tests/plugin/run.sh

step "fuzzing: every importer and the project-file loader, 20 s each (fuzz/run.sh; long runs in docs/security.md)"
if rustup run nightly rustc --version >/dev/null 2>&1; then
  FUZZ_TIMEOUTS=report bash fuzz/run.sh 20
else
  say "skipped: cargo fuzz needs the nightly toolchain, which this machine does not have"
fi

step "supply chain (lockfiles, --locked, forbid(unsafe_code), cargo deny, SBOMs into target/sbom)"
bash scripts/supply-chain.sh

step "all checks passed"
