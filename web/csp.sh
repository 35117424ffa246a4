#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): gives the built index.html a Content-Security-Policy
# that forbids every origin but the editor's own.
#
# Trunk writes the code that starts the wasm as an inline <script type="module"> (and, under
# `trunk serve`, an inline live-reload script), so a strict policy cannot be written into
# web/index.html beforehand: this hook hashes each inline script of the finished page and
# allows exactly those ('sha256-...'), nothing else inline. The editor sets no inline
# styles, so styles come from 'self' only; 'wasm-unsafe-eval' lets the page compile its own
# wasm. Needs only bash, perl (Debian's perl-base), sha256sum and base64 (coreutils).
set -euo pipefail

html="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}/index.html"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every inline script's text, byte for byte, one file each.
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
