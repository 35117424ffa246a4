#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): gives the built index.html a Content-Security-Policy
# that forbids every origin but the editor's own, and no inline script at all.
#
# Trunk writes the code that starts the wasm as an inline <script type="module"> (and, under
# `trunk serve`, an inline live-reload script). This hook moves each inline script's text,
# byte for byte, into a file of its own named by its hash (start-HASH.js, cached like every
# fingerprinted file) and loads it with src=, so the policy's script-src is 'self' and
# 'wasm-unsafe-eval' (the page compiles its own wasm) and nothing inline. Should an inline
# script remain, it is allowed by its hash ('sha256-...'), never by 'unsafe-inline'. The
# editor sets no inline styles, so styles come from 'self' only. Needs only bash, perl
# (Debian's perl-base), sha256sum and base64 (coreutils).
set -euo pipefail

dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
html="$dir/index.html"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every inline script into a file of its own: <script ATTRS>TEXT</script> becomes
# <script ATTRS src="/start-HASH.js"></script> with TEXT, byte for byte, in start-HASH.js.
perl -0777 -ne '
  my $n = 0;
  while (/<script(?![^>]*\bsrc=)[^>]*>(.*?)<\/script>/gs) {
    open(my $f, ">", "'"$work"'/" . $n++) or die; binmode $f; print $f $1; close $f;
  }' "$html"
names=""
for f in $(ls "$work" | sort -n); do
  name="start-$(sha256sum "$work/$f" | cut -c1-16).js"
  cp "$work/$f" "$dir/$name"
  names="$names $name"
  rm "$work/$f"
done
NAMES="$names" perl -0777 -pi -e '
  my @names = split " ", $ENV{NAMES};
  s{<script((?![^>]*\bsrc=)[^>]*)>.*?</script>}{"<script$1 src=\"/" . shift(@names) . "\"></script>"}gse;' "$html"

# Any inline script left (none, unless the step above is changed) would be allowed by its
# hash, never by 'unsafe-inline'.
perl -0777 -ne '
  my $n = 0;
  while (/<script(?![^>]*\bsrc=)[^>]*>(.*?)<\/script>/gs) {
    open(my $f, ">", "'"$work"'/" . $n++) or die; binmode $f; print $f $1; close $f;
  }' "$html"

hashes=""
for f in "$work"/*; do
  [ -e "$f" ] || continue
  hex=$(sha256sum "$f" | cut -c1-64)
  b64=$(printf "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)
  hashes="$hashes 'sha256-$b64'"
done

policy="default-src 'self'; script-src 'self'$hashes 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'self' blob:"

POLICY="$policy" perl -0777 -pi -e '
  s{(<meta charset="utf-8"\s*/?>)}{$1\n    <meta http-equiv="Content-Security-Policy" content="$ENV{POLICY}" />}
    or die "no <meta charset> to put the policy after\n";' "$html"
