#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and/or ThreadSanitizer.
#
#   Tools/sanitize.sh [address|thread|all]     (default: all)
#
# Each sanitizer builds in its own scratch path (.build-asan, .build-tsan), so the normal
# .build is not invalidated; the first run is a full rebuild. Leak detection is off: the Swift
# runtime and Foundation keep caches alive until exit. A sanitizer report fails the run (the
# test process exits non-zero). FUZZ_NICE-style niceness: SANITIZE_NICE (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
niceness=${SANITIZE_NICE:-10}
case $which in
  address | thread | all) ;;
  *)
    echo "usage: Tools/sanitize.sh [address|thread|all]" >&2
    exit 2
    ;;
esac

# The Swift backtracer would handle the signals the sanitizers report through.
export SWIFT_BACKTRACE=enable=no

run() {
  local sanitizer=$1 scratch=$2 start status=0
  start=$(date +%s)
  echo "sanitize: swift test --sanitize=$sanitizer --scratch-path $scratch"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} nice -n "$niceness" \
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 || status=$?
  echo "sanitize: $sanitizer: $( ((status == 0)) && echo passed || echo "FAILED (exit $status)") in $(($(date +%s) - start)) s"
  return $status
}

failed=0
if [[ $which == address || $which == all ]]; then run address .build-asan || failed=1; fi
if [[ $which == thread || $which == all ]]; then run thread .build-tsan || failed=1; fi
exit $failed
