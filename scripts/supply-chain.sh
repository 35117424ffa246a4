#!/usr/bin/env bash
# The supply-chain checks (docs/security.md, "Supply chain"), in order:
#   1. lockfiles: every Cargo workspace and npm package of the repository has its lockfile
#      (Cargo.lock, package-lock.json), committed with its manifest and in step with it;
#   2. the repository's scripts install and build from those lockfiles: every cargo command
#      that resolves dependencies has --locked (or --frozen), npm installs with `npm ci`;
#   3. no unsafe code in our crates: the workspace lints forbid it and every crate of the
#      workspace takes them; crates outside the workspace say #![forbid(unsafe_code)];
#   4. cargo deny check licenses bans sources, by deny.toml (the advisories check needs the
#      RustSec database from GitHub: TAILPLAN_ADVISORIES=fetch runs it, =cached runs it on a
#      database fetched before, without the network);
#   5. software bills of materials (CycloneDX JSON) into target/sbom/ ($CARGO_TARGET_DIR/sbom
#      when set): one per crate of the workspace (cargo cyclonedx) and one per npm package
#      (npm sbom), the npm package `tailplan` included when crates/tailplan-wasm/pkg is built.
# Installs cargo-deny and cargo-cyclonedx at the versions below when missing (cargo install
# --locked: about 14 minutes together on 2 cores, once). Fails on the first check that fails.
#   bash scripts/supply-chain.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

CARGO_DENY_VERSION=0.20.2
CARGO_CYCLONEDX_VERSION=0.5.9

repo=$(pwd)
target="${CARGO_TARGET_DIR:-$repo/target}"
case "$target" in /*) ;; *) target="$repo/$target" ;; esac
sbom_dir="$target/sbom"
start=$(date +%s)
elapsed() { echo "$(($(date +%s) - start))s"; }
die() { echo "supply-chain: $*" >&2; exit 1; }
tracked() { git ls-files --error-unmatch -- "$1" >/dev/null 2>&1; }
# The repository's files, committed or not, but not those git ignores (target/, node_modules/).
files() { git ls-files --cached --others --exclude-standard -- "$@" | sort -u; }

ensure_cargo_tool() { # ensure_cargo_tool CRATE VERSION VERSION-COMMAND...
  local crate="$1" version="$2"
  shift 2
  local have
  have=$("$@" 2>/dev/null | head -n1 || true)
  if [[ "$have" != *" $version" ]]; then
    say "installing $crate $version (cargo install --locked, a few minutes, once)"
    cargo install --locked "$crate@$version"
  fi
}

say "supply chain: lockfiles"
workspaces=()
for manifest in $(files 'Cargo.toml' '*/Cargo.toml'); do
  grep -q '^\[workspace\]' "$manifest" || continue
  dir=$(dirname "$manifest")
  lock="$dir/Cargo.lock"
  [ -f "$lock" ] || die "$manifest: no Cargo.lock (cargo generate-lockfile, then commit it)"
  if ! tracked "$lock"; then
    tracked "$manifest" && die "$lock is not committed (git add -f $lock)"
    echo "supply-chain: warning: $lock is not committed (nor is $manifest yet)" >&2
  fi
  cargo metadata --locked --format-version 1 --manifest-path "$manifest" >/dev/null ||
    die "$lock is out of date with $manifest (cargo update --workspace, then commit it)"
  # A crates.io dependency without a version requirement ("*"): deny.toml allows wildcards
  # only for our own path dependencies.
  wild=$(cargo metadata --locked --no-deps --format-version 1 --manifest-path "$manifest" |
    node -e 'const m=JSON.parse(require("fs").readFileSync(0));for(const p of m.packages)for(const d of p.dependencies)if(!d.path&&d.req==="*")console.log(`${p.name} -> ${d.name}`)')
  [ -z "$wild" ] || die "dependencies without a version requirement: $wild"
  workspaces+=("$manifest")
  echo "ok $lock"
done
for manifest in $(files 'package.json' '*/package.json'); do
  dir=$(dirname "$manifest")
  lock="$dir/package-lock.json"
  [ -f "$lock" ] || die "$manifest: no package-lock.json (npm install --package-lock-only, then commit it)"
  if ! tracked "$lock"; then
    tracked "$manifest" && die "$lock is not committed"
    echo "supply-chain: warning: $lock is not committed (nor is $manifest yet)" >&2
  fi
  # npm ci refuses a lockfile out of step with package.json; --dry-run installs nothing.
  (cd "$dir" && npm ci --dry-run --offline --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) ||
    die "$lock is out of step with $manifest (npm install --package-lock-only, then commit it)"
  echo "ok $lock"
done

say "supply chain: scripts build from the lockfiles ($(elapsed))"
unlocked() { # the commands of the scripts that resolve dependencies without the lockfile
  local f
  files '*.sh' '.ci/run' | while read -r f; do
    # Each command of each line (continued lines joined; split at ;, &&, ||, |), comments
    # dropped.
    sed -e ':a' -e '/\\$/{N;s/\\\n/ /;ta' -e '}' "$f" | grep -n '' | sed 's/\(^[0-9]*:\)[[:space:]]*#.*/\1/' | sed 's/&&\|||\|;\||/\n&/g' |
      grep -E '^([0-9]+:)?[[:space:]]*(&&|\|\||;|\|)?[[:space:]]*(then |do |exec |\$\(|\()?[[:space:]]*([A-Z_]+=[^ ]* +)*(cargo|npm) ' |
      grep -E '(cargo (build|check|clippy|test|bench|run|doc|install|metadata|tree|fetch)|npm (install|i|add)) ' |
      grep -vE -- '--locked|--frozen|npm (install|i|add) .*--no-save' | sed "s|^|$f: |" || true
  done
}
bad=$(unlocked)
# `cargo install --locked X || cargo install X` (scripts/setup.sh's wasm-bindgen-cli): the
# unlocked install runs only when the locked one fails: a warning, not a failure.
fallback_re='^[^:]+: [|][|] cargo install '
fallback=$(grep -E "$fallback_re" <<<"$bad" || true)
bad=$(grep -vE "$fallback_re" <<<"$bad" || true)
[ -z "$fallback" ] || echo "supply-chain: warning: a fallback without --locked, taken when the locked command fails:
$fallback" >&2
[ -z "$bad" ] || die "these commands do not build from the lockfiles (add --locked; npm ci):
$bad"
echo "ok every cargo command has --locked, every npm install is npm ci (or --no-save of a local package)"

say "supply chain: no unsafe code ($(elapsed))"
grep -Pzq '\[workspace\.lints\.rust\][^\[]*\nunsafe_code = "forbid"' Cargo.toml ||
  die 'Cargo.toml: [workspace.lints.rust] has no unsafe_code = "forbid"'
members=$(cargo metadata --locked --no-deps --format-version 1 |
  node -e 'const m=JSON.parse(require("fs").readFileSync(0));for(const p of m.packages)console.log(p.manifest_path)')
for manifest in $(files 'Cargo.toml' '*/Cargo.toml'); do
  grep -q '^\[package\]' "$manifest" || continue
  if grep -qxF "$repo/$manifest" <<<"$members"; then
    grep -Pzq '\n\[lints\]\nworkspace = true\n' "$manifest" ||
      die "$manifest: no [lints] workspace = true (the workspace lints forbid unsafe code)"
  else
    # Not a workspace member: each of its crate roots forbids unsafe code itself.
    for root in $(cargo metadata --no-deps --offline --format-version 1 --manifest-path "$manifest" |
      node -e 'const m=JSON.parse(require("fs").readFileSync(0));for(const p of m.packages)for(const t of p.targets)console.log(t.src_path)'); do
      if ! grep -qx '#!\[forbid(unsafe_code)\]' "$root"; then
        tracked "$manifest" && die "$root: no #![forbid(unsafe_code)]"
        echo "supply-chain: warning: $root: no #![forbid(unsafe_code)] (nor is $manifest committed yet)" >&2
      fi
    done
  fi
  echo "ok $manifest"
done

say "supply chain: cargo deny ($(elapsed))"
ensure_cargo_tool cargo-deny "$CARGO_DENY_VERSION" cargo deny --version
checks=(licenses bans sources)
offline=()
case "${TAILPLAN_ADVISORIES:-}" in
  fetch) checks+=(advisories) ;;
  cached) checks+=(advisories); offline=(--offline) ;;
  "") echo "supply-chain: the advisories check is skipped (it needs the RustSec database from GitHub: TAILPLAN_ADVISORIES=fetch)" >&2 ;;
  *) die "TAILPLAN_ADVISORIES is fetch, cached or unset" ;;
esac
# Every Cargo workspace of the repository, with the one deny.toml. Errors only (duplicate
# versions are warnings: cargo deny check bans lists them).
for manifest in "${workspaces[@]}"; do
  if cargo deny --locked "${offline[@]}" --manifest-path "$manifest" --config deny.toml \
    --log-level error check --show-stats "${checks[@]}"; then
    echo "ok cargo deny check ${checks[*]}: $manifest"
  elif tracked "$manifest"; then
    die "cargo deny: $manifest"
  else
    echo "supply-chain: warning: cargo deny fails on $manifest (not committed yet)" >&2
  fi
done

say "supply chain: software bills of materials into $sbom_dir ($(elapsed))"
ensure_cargo_tool cargo-cyclonedx "$CARGO_CYCLONEDX_VERSION" cargo cyclonedx --version
rm -rf "$sbom_dir"
mkdir -p "$sbom_dir/cargo" "$sbom_dir/npm"
# cargo cyclonedx writes NAME.cdx.json beside each crate's Cargo.toml: made under a unique
# name, then moved at once.
tag="tailplan-sbom-$$"
cargo cyclonedx --quiet --format json --spec-version 1.5 --all --target all --override-filename "$tag"
for f in $(find . -path ./target -prune -o -name "$tag.json" -print); do
  name=$(node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(b.metadata.component.name)' "$f")
  mv "$f" "$sbom_dir/cargo/$name.cdx.json"
done
[ -n "$(ls "$sbom_dir/cargo")" ] || die "cargo cyclonedx wrote no SBOM"
# npm sbom names the root component after its folder and needs a version: each package is
# read from a copy in a folder of its name, with the workspace's version when it has none.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
npm_sbom() { # npm_sbom DIR TYPE (a package.json, with its package-lock.json when it has one)
  local dir="$1" type="$2" name copy lock_only=()
  name=$(node -e 'console.log(require(process.argv[1]).name)' "$repo/$dir/package.json")
  copy="$sbom_dir/npm/.work/$name"
  mkdir -p "$copy"
  cp "$dir/package.json" "$copy/"
  if [ -f "$dir/package-lock.json" ]; then
    cp "$dir/package-lock.json" "$copy/"
    lock_only=(--package-lock-only)
  fi
  node -e 'const f=process.argv[1],p=require(f);p.version??=process.argv[2];require("fs").writeFileSync(f,JSON.stringify(p,null,2))' \
    "$copy/package.json" "$version"
  (cd "$copy" && npm sbom --sbom-format cyclonedx --sbom-type "$type" "${lock_only[@]}" --loglevel=error) \
    >"$sbom_dir/npm/$name.cdx.json" || die "npm sbom failed in $dir"
}
for manifest in $(files 'package.json' '*/package.json'); do
  npm_sbom "$(dirname "$manifest")" application   # the build's and tests' tools
done
if [ -f crates/tailplan-wasm/pkg/package.json ]; then
  npm_sbom crates/tailplan-wasm/pkg library        # the npm package (no dependencies)
else
  echo "supply-chain: crates/tailplan-wasm/pkg is not built: no SBOM of the npm package tailplan (its Rust side is in cargo/tailplan-wasm.cdx.json)" >&2
fi
rm -rf "$sbom_dir/npm/.work"
echo "ok $(find "$sbom_dir" -name '*.cdx.json' | wc -l) SBOMs: $(cd "$sbom_dir" && find . -name '*.cdx.json' -printf '%P\n' | sort | tr '\n' ' ')"

say "supply chain: every check passed ($(elapsed))"
