#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): shrinks the release build's wasm files with binaryen's
# wasm-opt -Oz. Trunk's own wasm-opt step would download binaryen, which an offline build
# cannot; this hook uses web/node_modules/.bin/wasm-opt (the npm package `binaryen`, pinned in
# web/package.json; installed here with `npm ci` when missing) or a wasm-opt on PATH. Without
# either the build goes on unoptimised, with a note.
set -euo pipefail

[ "${TRUNK_PROFILE:-debug}" = "release" ] || exit 0
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
web="$(cd "$(dirname "$0")" && pwd)"

opt="$web/node_modules/.bin/wasm-opt"
if [ ! -x "$opt" ] && command -v npm >/dev/null && [ -f "$web/package-lock.json" ]; then
  echo "wasm-opt.sh: npm ci (binaryen) in web/" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >&2) || true
fi
if [ ! -x "$opt" ]; then
  opt=$(command -v wasm-opt || true)
fi
if [ -z "$opt" ]; then
  echo "wasm-opt.sh: no wasm-opt (npm ci in web/ installs it): the wasm stays unoptimised" >&2
  exit 0
fi

# The features rustc emits for wasm32-unknown-unknown (and every browser has).
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types)
for wasm in "$dir"/*.wasm; do
  [ -e "$wasm" ] || continue
  before=$(stat -c %s "$wasm")
  "$opt" -Oz "${features[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "wasm-opt.sh: $(basename "$wasm") $before -> $(stat -c %s "$wasm") bytes" >&2
done
