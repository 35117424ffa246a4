#!/usr/bin/env bash
# Fuzzes every importer, the antenna pattern, scenario and survey readers and the
# project-file loader for SECONDS each (default 20), on a corpus seeded from
# fuzz/seeds/<target>/, tests/fuzz-regressions/<target>/, the sample drawings in floorplans/
# and the sample antenna patterns in tests/antennas/; fails when any target crashes, runs out of memory (2 GB) or takes over
# 10 s on one input.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      targets: dxf svg geojson imdf project_file raster ifc antenna scenario_file survey_csv
#
# FUZZ_TIMEOUTS=report: a timeout is reported (its input kept in fuzz/artifacts/) and the
# run goes on, instead of failing (crashes and running out of memory still fail).
# FUZZ_SANITIZER=none builds without the address sanitizer (default: address): quicker to
# build and to run, and our crates have no unsafe code, but unsafe code in dependencies is
# then unchecked.
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz when
# it is missing. The corpus grows in fuzz/corpus/<target>/ (not committed); a crashing input
# is left in fuzz/artifacts/<target>/: fix the importer, and commit the input under
# tests/fuzz-regressions/<target>/ (tests/fuzz_regressions.rs imports every file there).
# Longer runs: fuzz/run.sh 900, or `cargo +nightly fuzz run dxf fuzz/corpus/dxf -- -help=1`.
set -euo pipefail

cd "$(dirname "$0")"
secs="${1:-20}"
shift || true
all=(dxf svg geojson imdf project_file raster ifc antenna scenario_file survey_csv)
targets=("$@")
if [ "$#" -eq 0 ]; then targets=("${all[@]}"); fi

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz/run.sh: the nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz/run.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# The fuzz crate's own target folder unless told otherwise (CARGO_TARGET_DIR of the
# workspace would mix sanitizer builds into it).
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target}"
# cargo fuzz has no --locked: check the lockfile is current first, so that the build cannot
# change it.
cargo metadata --locked --format-version 1 >/dev/null
san="${FUZZ_SANITIZER:-address}"
cargo +nightly fuzz build -O -s "$san"

# Seeds: the committed hand-made ones, the inputs of tests/fuzz-regressions/ and the
# project's own samples.
seed() { # target, files...
  local t="$1"
  shift
  mkdir -p "corpus/$t"
  cp -n "seeds/$t"/* "corpus/$t/" 2>/dev/null || true
  # What fuzzing found before, fixed: variations of it are where the next bug hides.
  cp -n "../tests/fuzz-regressions/$t"/* "corpus/$t/" 2>/dev/null || true
  for f in "$@"; do cp -n "$f" "corpus/$t/" 2>/dev/null || true; done
}
seed dxf ../floorplans/*.dxf
seed svg ../floorplans/*.svg
seed geojson
seed imdf
seed project_file ../floorplans/small.tailplan.json
seed raster
seed ifc ../floorplans/*.ifc
seed antenna ../tests/antennas/*
seed scenario_file
seed survey_csv

mode=()
if [ "${FUZZ_TIMEOUTS:-fail}" = report ]; then mode=(-fork=1 -ignore_timeouts=1); fi
mkdir -p logs
failed=()
for t in "${targets[@]}"; do
  echo "== fuzz $t for ${secs}s" >&2
  dict=()
  if [ -f "dicts/$t.dict" ]; then dict=("-dict=dicts/$t.dict"); fi
  mkdir -p "artifacts/$t"
  before=$(find "artifacts/$t" -name 'timeout-*' | wc -l)
  if ! cargo +nightly fuzz run -O -s "$san" "$t" "corpus/$t" -- "${mode[@]}" \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 "${dict[@]}" \
    -print_final_stats=1 2>"logs/$t.log"; then
    tail -n 40 "logs/$t.log" >&2
    failed+=("$t")
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+: .*oom/timeout/crash' "logs/$t.log" | tail -n 1 >&2 || true
  fi
  after=$(find "artifacts/$t" -name 'timeout-*' | wc -l)
  if [ "$after" -gt "$before" ]; then
    echo "fuzz/run.sh: $t: $((after - before)) new timeout(s) in fuzz/artifacts/$t/" >&2
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz/run.sh: failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz/run.sh: ${#targets[@]} target(s), ${secs}s each, no crash" >&2
