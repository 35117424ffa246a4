#!/usr/bin/env bash
# Checks deploy/nginx.conf, the configuration deploy/Dockerfile copies into the stock nginx
# image, with Debian's nginx (Docker is not needed): serves a built editor on a free
# localhost port, as any user, from a temporary folder (prefix, pid, logs, temp paths);
# checks every header with curl on the page, the wasm, the JavaScript, a stylesheet, the
# service worker, a web manifest and a 404; opens the editor in headless Chromium
# (deploy/browser-check.mjs: no console error, no CSP violation); stops nginx.
#   deploy/test.sh [DIST]      (default: $TAILPLAN_DIST, else dist/; build it first with
#                               trunk build --release --offline)
# Installs what is missing: nginx and chromium (apt-get), playwright-core (npm ci in tests/e2e).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:-${TAILPLAN_DIST:-$repo/dist}}" && pwd)"
[ -f "$dist/index.html" ] || { echo "deploy/test.sh: $dist/index.html is missing: trunk build --release --offline" >&2; exit 1; }

say() { printf '\033[1;34m==> %s\033[0m\n' "$*"; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  say "deploy: installing Debian's $1"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  apt_install nginx
  nginx=/usr/sbin/nginx
fi
[ -x /usr/bin/chromium ] || apt_install chromium
e2e="$repo/tests/e2e"
lock_hash=$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$e2e/node_modules/.tailplan-lock-sha256" 2>/dev/null)" != "$lock_hash" ]; then
  say "deploy: npm ci in tests/e2e (playwright-core)"
  (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$e2e/node_modules/.tailplan-lock-sha256"
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"   # nginx's workers run as nobody when this runs as root
stop() {
  if [ -f "$tmp/nginx.pid" ]; then
    kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [ -f "$tmp/nginx.pid" ] || break; sleep 0.1; done
  fi
  rm -rf "$tmp"
}
trap stop EXIT

# The site: the built editor as it is, plus a web manifest when the build has none (to check
# its type).
cp -r "$dist" "$tmp/root"
manifest=$(cd "$tmp/root" && find . -name '*.webmanifest' -printf '%P\n' | head -n1)
if [ -z "$manifest" ]; then
  manifest=deploy-test.webmanifest
  printf '{"name": "tailplan", "start_url": "/"}\n' > "$tmp/root/$manifest"
fi

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
mkdir -p "$tmp/conf" "$tmp/logs" "$tmp/temp"
sh "$repo/deploy/site-conf.sh" "$tmp/root" "127.0.0.1:$port" > "$tmp/conf/tailplan-site.inc"
# The main configuration: what the stock image's /etc/nginx/nginx.conf gives its conf.d/
# files (mime.types, default_type, sendfile), with this run's own pid, log and temp paths.
cat > "$tmp/conf/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $tmp/logs/access.log;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $repo/deploy/nginx.conf;
}
EOF
run_nginx() { "$nginx" -p "$tmp" -c "$tmp/conf/nginx.conf" -e "$tmp/logs/error.log" "$@"; }
run_nginx -t -q || { cat "$tmp/logs/error.log" >&2; exit 1; }
run_nginx
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs -o /dev/null "$base/" && break; sleep 0.1; done
say "deploy: nginx $("$nginx" -v 2>&1 | sed 's|.*/||') serving $dist on $base"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# headers URL [curl options...]: the response headers, names lower-cased, CRs dropped.
headers() { curl -sS -o /dev/null -D - "$@" | tr -d '\r' | sed 's/^\([^:]*\):/\L\1:/'; }
# value HEADERS NAME: the value of one header.
value() { printf '%s\n' "$1" | sed -n "s/^$2: //p" | head -n1; }
expect() { # expect WHAT HEADERS NAME VALUE
  local got
  got=$(value "$2" "$3")
  [ "$got" = "$4" ] || fail "$1: $3 is '$got', not '$4'"
}
expect_match() { # expect_match WHAT HEADERS NAME REGEX
  local got
  got=$(value "$2" "$3")
  [[ "$got" =~ $4 ]] || fail "$1: $3 is '$got', not matching $4"
}
status() { printf '%s\n' "$1" | sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p'; }

# The policy the header must carry: the page's own <meta> policy, directive for directive,
# plus frame-ancestors 'none' (which a <meta> cannot set).
meta=$(sed -n 's/.*<meta http-equiv="Content-Security-Policy" content="\([^"]*\)".*/\1/p' "$dist/index.html")
directives() { tr ';' '\n' | sed 's/^ *//; s/ *$//; s/  */ /g' | grep -v '^$' | LC_ALL=C sort; }
want_csp=$( (printf '%s\n' "$meta" | tr ';' '\n'; echo "frame-ancestors 'none'") | directives)
security_headers() { # security_headers WHAT HEADERS
  local csp
  csp=$(value "$2" content-security-policy)
  [ "$(printf '%s\n' "$csp" | directives)" = "$want_csp" ] ||
    fail "$1: the CSP header differs from the page's <meta> policy + frame-ancestors:
  header: $csp
  meta:   $meta"
  for d in "default-src 'self'" "object-src 'none'" "base-uri 'none'" "frame-ancestors 'none'" "form-action 'none'"; do
    [[ "; $csp;" == *"; $d;"* ]] || fail "$1: the CSP has no $d"
  done
  [[ "$csp" =~ script-src\ \'self\'(\ \'sha256-[A-Za-z0-9+/=]+\')*\ \'wasm-unsafe-eval\'\; ]] ||
    fail "$1: script-src is not 'self', hashes and 'wasm-unsafe-eval' only: $csp"
  [[ "$csp" != *unsafe-inline* && "$csp" != *"'unsafe-eval'"* && "$csp" != *http* && "$csp" != *'*'* ]] ||
    fail "$1: the CSP allows inline code, eval or other origins: $csp"
  expect "$1" "$2" x-content-type-options nosniff
  expect "$1" "$2" referrer-policy no-referrer
  expect_match "$1" "$2" permissions-policy '^accelerometer=\(\), camera=\(\),.* geolocation=\(\),.* microphone=\(\),.* usb=\(\)$'
  expect "$1" "$2" x-frame-options DENY
  expect "$1" "$2" cross-origin-opener-policy same-origin
  expect "$1" "$2" cross-origin-resource-policy same-origin
  expect "$1" "$2" server nginx
}
immutable="public, max-age=31536000, immutable"
check() { # check PATH TYPE CACHE-CONTROL COMPRESSIBLE(yes/no)
  local what="$1" h before=$failures file="$tmp/root${1%/}" gzip=no
  [ "$1" = / ] && file="$tmp/root/index.html"
  # nginx compresses the listed types from gzip_min_length (512 bytes) up.
  [ "$4" = yes ] && [ "$(stat -c %s "$file")" -ge 512 ] && gzip=yes
  h=$(headers -H 'Accept-Encoding: gzip' "$base$1")
  [ "$(status "$h")" = 200 ] || fail "$what: status $(status "$h")"
  expect_match "$what" "$h" content-type "^$2(; charset=utf-8)?\$"
  expect "$what" "$h" cache-control "$3"
  if [ "$gzip" = yes ]; then
    expect "$what" "$h" content-encoding gzip
    expect "$what" "$h" vary Accept-Encoding
    # Compressed on the wire, the same bytes once decompressed.
    curl -sS --compressed "$base$1" | cmp -s - "$file" || fail "$what: the gzipped body is not the file"
  else
    [ -z "$(value "$h" content-encoding)" ] || fail "$what: compressed ($(value "$h" content-encoding))"
  fi
  [ -n "$(value "$h" etag)" ] || fail "$what: no ETag"
  security_headers "$what" "$h"
  [ "$failures" -ne "$before" ] || echo "ok $what: $(value "$h" content-type), $(value "$h" cache-control)${gzip/no/}" | sed 's/yes$/, gzip/'
}

cd "$tmp/root"
one() { find . -maxdepth 1 -name "$1" -printf '%P\n' | LC_ALL=C sort | head -n1; }
wasm=$(one 'tailplan-web-*_bg.wasm'); js=$(one 'tailplan-web-*.js'); css=$(one '*-*.css')
svg=$(one '*-*.svg')
for f in wasm js css; do [ -n "${!f}" ] || fail "no hashed $f file in $dist"; done

check / text/html no-cache yes
check /index.html text/html no-cache yes
check "/$wasm" application/wasm "$immutable" yes
check "/$js" 'application/javascript|text/javascript' "$immutable" yes
check "/$css" text/css "$immutable" yes
[ -z "$svg" ] || check "/$svg" 'image/svg\+xml' "$immutable" yes
# Every file without a hash in its name (the service worker, the workers' loaders, glue and
# wasm, the samples): revalidated on every use.
for f in $(find . -maxdepth 1 -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.json' \) -printf '%P\n' | LC_ALL=C sort); do
  [[ ! "$f" =~ -[0-9a-f]{12,16}(_bg)?\.(js|wasm)$ ]] || continue
  case "$f" in
    *.js) check "/$f" 'application/javascript|text/javascript' no-cache yes ;;
    *.wasm) check "/$f" application/wasm no-cache yes ;;
    *.json) check "/$f" application/json no-cache yes ;;
  esac
done
check "/$manifest" 'application/manifest\+json' no-cache yes

# Revalidation: the page's ETag gives a 304 that still carries the headers.
etag=$(value "$(headers "$base/")" etag)
h=$(headers -H "If-None-Match: $etag" "$base/")
[ "$(status "$h")" = 304 ] || fail "revalidated page: status $(status "$h"), not 304"
expect "revalidated page" "$h" cache-control no-cache
security_headers "revalidated page" "$h"
echo "ok / revalidated: 304"

# Errors: a missing file and a missing "hashed" file (never cached as immutable), a dot file.
for path in /no-such-page /missing-0123456789abcdef.js /.git/config; do
  h=$(headers "$base$path")
  [ "$(status "$h")" = 404 ] || fail "$path: status $(status "$h"), not 404"
  [ -z "$(value "$h" cache-control)" ] || fail "$path: a 404 with Cache-Control $(value "$h" cache-control)"
  security_headers "404 $path" "$h"
  echo "ok $path: 404 with the security headers"
done
cd "$repo"

[ "$failures" -eq 0 ] || { echo "deploy/test.sh: $failures header check(s) failed" >&2; exit 1; }

say "deploy: the editor in headless Chromium"
node "$repo/deploy/browser-check.mjs" "$base/"
if grep -E '\[(emerg|alert|crit|error)\]' "$tmp/logs/error.log"; then
  echo "deploy/test.sh: nginx logged errors" >&2
  exit 1
fi
say "deploy: every header check passed; the editor runs under the header policy"
