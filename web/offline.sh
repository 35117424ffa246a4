#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): writes the service worker (web/sw.js, see
# web/src/browser/offline.rs) into the build with the list of the editor's files and a
# version made from their contents, so that a new build replaces the cached copies.
# Needs only bash, find, sort and sha256sum.
set -euo pipefail

dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
src="$(cd "$(dirname "$0")" && pwd)/sw.js"
cd "$dir"

files=$(find . -type f ! -name sw.js ! -name '*.map' -printf '%P\n' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list='["./"'
for f in $files; do
  list="$list, \"./$f\""
done
list="$list]"

LIST="$list" VERSION="$version" perl -0777 -pe \
  's/__VERSION__/$ENV{VERSION}/g; s/__FILES__/$ENV{LIST}/g' "$src" > sw.js
