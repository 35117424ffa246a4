#!/usr/bin/env bash
# Runs the browser end-to-end tests against dist/, which the caller builds first:
#   trunk build --release --offline && bash tests/e2e/run.sh
# Installs what is missing: Debian's chromium (apt-get, as root) and the locked npm packages.
set -euo pipefail
cd "$(dirname "$0")"

dist="${TAILPLAN_DIST:-../../dist}"
if [ ! -f "$dist/index.html" ]; then
  echo "e2e: $dist/index.html is missing: build the editor first (trunk build --release --offline)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm ci when node_modules is missing or was installed from another package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.tailplan-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "e2e: npm ci" >&2
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

exec node --test --test-reporter=spec "$@"
