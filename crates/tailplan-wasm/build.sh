#!/usr/bin/env bash
# Builds the npm package `tailplan` into crates/tailplan-wasm/pkg/ (gitignored) and packs it
# (pkg/tailplan-VERSION.tgz), offline:
#
#   bash crates/tailplan-wasm/build.sh
#
# One release build of the crate (the workspace's `web` profile, as the editor's) by wasm-pack
# for the `web` target; the `bundler` and `nodejs` glue is then derived from the same compiled
# module by the wasm-bindgen CLI, as wasm-pack runs it (so cargo builds once, and all three
# come from the same bytes even while the sources change). The three .wasm files wasm-bindgen
# writes are the same bytes (checked below), so the package ships one, optimised once by
# wasm-opt, beside the three sets of JavaScript glue (see npm/assemble.mjs).
#
# Needs: wasm-pack (`cargo install wasm-pack`), wasm-bindgen on PATH at the workspace's pin
# (scripts/setup.sh), wasm-opt on PATH (the npm package binaryen: tests/plugin/run.sh puts
# tests/plugin/node_modules/.bin first; without one the wasm is left unoptimised, with a
# warning) and node. wasm-pack runs with --mode no-install: it never downloads anything.
set -euo pipefail
crate="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$crate/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac
stage="$target/wasm-pack"
pkg="$crate/pkg"

rm -rf "$stage" "$pkg"
mkdir -p "$stage"
echo "build.sh: wasm-pack --target web" >&2
wasm-pack --quiet build "$crate" --mode no-install --no-opt --no-pack --target web \
  --out-dir "$stage/web" --out-name tailplan --profile web
compiled="$target/wasm32-unknown-unknown/web/tailplan_wasm.wasm"
for t in bundler nodejs; do
  echo "build.sh: wasm-bindgen --target $t" >&2
  wasm-bindgen "$compiled" --out-dir "$stage/$t" --typescript --target "$t" --out-name tailplan
done

for t in bundler nodejs; do
  if ! cmp -s "$stage/web/tailplan_bg.wasm" "$stage/$t/tailplan_bg.wasm"; then
    echo "build.sh: the $t glue's wasm differs from the web one's: ship one per target" >&2
    exit 1
  fi
done

wasm="$stage/tailplan_bg.wasm"
# The wasm-opt flags of Cargo.toml's [package.metadata.wasm-pack.profile.custom].
flags=$(sed -n 's/^wasm-opt = \[\(.*\)\]$/\1/p' "$crate/Cargo.toml" | tr -d '",')
if command -v wasm-opt >/dev/null; then
  echo "build.sh: wasm-opt $flags" >&2
  # shellcheck disable=SC2086 # the flags are words
  wasm-opt "$stage/web/tailplan_bg.wasm" -o "$wasm" $flags
else
  echo "build.sh: warning: no wasm-opt on PATH: the wasm is not optimised" >&2
  cp "$stage/web/tailplan_bg.wasm" "$wasm"
fi

node "$crate/npm/assemble.mjs" "$stage" "$pkg"
(cd "$pkg" && npm pack --offline --silent --pack-destination "$pkg" >/dev/null)
echo "build.sh: $(cd "$pkg" && ls tailplan-*.tgz) in $pkg" >&2
