#!/bin/sh
# Writes tailplan-site.inc, the part of deploy/nginx.conf's server block that differs between
# places: where it listens, the built editor's folder, and the hashes of the built page's
# inline start-up script for the Content-Security-Policy header (taken from the page's own
# <meta> policy, which web/csp.sh wrote at build time).
#   deploy/site-conf.sh ROOT LISTEN > tailplan-site.inc
#   e.g. deploy/site-conf.sh /usr/share/nginx/html 8080   (the Dockerfile)
#        deploy/site-conf.sh /tmp/x/root 127.0.0.1:41234  (deploy/test.sh)
# POSIX sh, grep and sed only: it runs in the stock nginx image as well as here.
set -eu

root=${1:?usage: site-conf.sh ROOT LISTEN}
listen=${2:?usage: site-conf.sh ROOT LISTEN}
page="$root/index.html"

if [ ! -f "$page" ]; then
  echo "site-conf.sh: $page is missing: build the editor first (trunk build --release --offline)" >&2
  exit 1
fi
policy=$(sed -n 's/.*<meta http-equiv="Content-Security-Policy" content="\([^"]*\)".*/\1/p' "$page")
if [ -z "$policy" ]; then
  echo "site-conf.sh: $page has no Content-Security-Policy <meta> (web/csp.sh writes it)" >&2
  exit 1
fi
script_src=$(printf '%s\n' "$policy" | tr ';' '\n' | sed -n 's/^ *script-src //p')
# Each with a space before it (none at all when the page has no inline script, as web/csp.sh
# builds it), to go straight after 'self'.
hashes=$(printf '%s\n' "$script_src" | tr ' ' '\n' | { grep "^'sha256-[A-Za-z0-9+/=]*'\$" || true; } | sed 's/^/ /' | tr -d '\n')
case "$root$listen" in
  *[\"\;\ ]*)
    echo "site-conf.sh: ROOT and LISTEN may hold no quote, semicolon or space" >&2
    exit 1 ;;
esac

cat <<EOF
# Written by deploy/site-conf.sh from $page: do not edit.
listen $listen;
root $root;
set \$tailplan_script_hashes "$hashes";
EOF
