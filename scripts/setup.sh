# Sourced by run.sh and check.sh: installs what the build needs when it is missing, and
# nothing else. Safe to run again: everything already there is skipped.
#   - the wasm32-unknown-unknown target (rustup)
#   - trunk, at the version below (cargo install, about 5 minutes the first time)
#   - wasm-bindgen-cli, at exactly the version the workspace pins (Cargo.toml)
#   - Debian's chromium, for the browser tests (apt-get; check.sh only)

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;34m==> %s\033[0m\n' "$*"; }

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

pinned_wasm_bindgen() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$(repo_root)/Cargo.toml"
}

ensure_wasm_bindgen() {
  local want
  want=$(pinned_wasm_bindgen)
  if [ -z "$want" ]; then
    echo "setup: no exact wasm-bindgen pin (wasm-bindgen = \"=X\") in Cargo.toml" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (the workspace's pin)"
    cargo install --locked "wasm-bindgen-cli@$want" || cargo install "wasm-bindgen-cli@$want"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# binaryen's wasm-opt for the release build's post-build hook (web/wasm-opt.sh), from the npm
# package pinned in web/package.json. web/node_modules must exist either way: Trunk.toml's
# [watch] ignores it, and `trunk serve` refuses to start on an ignore path that is missing.
ensure_wasm_opt() {
  local web
  web="$(repo_root)/web"
  if [ ! -x "$web/node_modules/.bin/wasm-opt" ] && command -v npm >/dev/null; then
    say "installing binaryen's wasm-opt (npm ci in web/)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) ||
      say "npm ci in web/ failed: release builds stay unoptimised"
  fi
  mkdir -p "$web/node_modules"
}

ensure_web_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}
