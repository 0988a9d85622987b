#!/usr/bin/env bash
# Fuzzes the parsers the project owns with libFuzzer (Swift's -sanitize=fuzzer,address).
#
#   Tools/fuzz.sh TARGET SECONDS     TARGET: esri-ascii, geojson, plan, update-log, lay-log, or all
#
# Builds the fuzz executable if needed (CASPIAN_FUZZ=1 declares the targets in Package.swift;
# scratch path .build-fuzz, so the normal build is untouched), copies the seed corpus
# Tests/Fuzz/Corpus/TARGET into a working corpus outside git (FUZZ_WORK, default
# .build-fuzz/work/TARGET/corpus; inputs found there are kept for the next run) and runs the
# fuzzer for SECONDS under nice, one process. A thrown error is a correct answer to bad input;
# crashes, traps, hangs over 10 s, allocations over 1 GB and more than 2 GB resident are
# findings: the script then prints the path of the input that caused it and exits 1.
# FUZZ_NICE (default 10) sets the niceness, FUZZ_SCRATCH the scratch path; extra libFuzzer
# flags can follow SECONDS (e.g. -max_len=4096). libFuzzer runs one process, one job (no
# -jobs/-workers, which would move its output to fuzz-N.log files).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: Tools/fuzz.sh esri-ascii|geojson|plan|update-log|lay-log|all SECONDS [libFuzzer flags...]" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage

product() {
  case $1 in
    esri-ascii) echo FuzzESRIASCII ;;
    geojson) echo FuzzGeoJSON ;;
    plan) echo FuzzPlan ;;
    update-log) echo FuzzUpdateLog ;;
    lay-log) echo FuzzLayLog ;;
    *) return 1 ;;
  esac
}

scratch=${FUZZ_SCRATCH:-.build-fuzz}
work=${FUZZ_WORK:-$scratch/work}
niceness=${FUZZ_NICE:-10}

build() {
  local name=$1 log
  log=$(mktemp)
  # -Xcc instruments the C parts too (Yams' libyaml).
  if ! CASPIAN_FUZZ=1 nice -n "$niceness" swift build --product "$name" --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >"$log" 2>&1; then
    grep -v "Cannot export local symbol" "$log" | tail -40 >&2
    rm -f "$log"
    echo "fuzz: building $name failed" >&2
    exit 1
  fi
  rm -f "$log"
}

run() {
  local name=$1 product corpus artifacts log status
  shift
  product=$(product "$name") || usage
  build "$product"
  corpus=$work/$name/corpus
  artifacts=$work/$name/artifacts
  mkdir -p "$corpus" "$artifacts"
  local seed
  for seed in Tests/Fuzz/Corpus/"$name"/*; do
    [[ -e $corpus/${seed##*/} ]] || cp "$seed" "$corpus"/
  done
  log=$work/$name/last-run.log
  echo "fuzz $name: $seconds s on $(find "$corpus" -type f | wc -l) inputs ($corpus)"
  touch "$work/$name/.start"
  status=0
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} nice -n "$niceness" \
    "$scratch/debug/$product" "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$@" >"$log" 2>&1 || status=$?
  local executions
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if ((status != 0)); then
    grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*error:)|Test unit written to|deadly signal|timeout|out-of-memory" "$log" \
      | head -20 >&2 || true
    local found
    found=$(find "$artifacts" -type f -newer "$work/$name/.start" ! -name 'slow-unit-*')
    echo "fuzz $name: FINDING after ${executions:-?} executions (exit $status); log: $log" >&2
    for f in $found; do echo "fuzz $name: crashing input: $f" >&2; done
    echo "fuzz $name: reproduce with $scratch/debug/$product INPUT" >&2
    return 1
  fi
  echo "fuzz $name: no finding in $seconds s, ${executions:-?} executions, corpus now $(find "$corpus" -type f | wc -l) inputs"
  echo "$(date -u +%FT%TZ) $name ${seconds}s executions=${executions:-?} clean" >>"$work/runs.log"
}

if [[ $target == all ]]; then
  failed=0
  for name in esri-ascii geojson plan update-log lay-log; do run "$name" "$@" || failed=1; done
  exit $failed
fi
product "$target" >/dev/null || usage
run "$target" "$@"
