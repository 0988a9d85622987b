#!/usr/bin/env bash
# Benchmark of the two grid readers on the same ESRI ASCII files: the native parser (kept for
# .asc without .prj) against GDAL's AAIGrid reader (every other format). Release build of
# `caspian-bench read-grid FILE --reader native|gdal`; each run is a whole process, timed with
# the shell's clock (wall seconds); runs alternate A B A B.
#
# Usage: Tools/bench_grid.sh [RUNS]   (default 5; the grids: the bundled one and a generated
# 2500 × 2400 one, 6 million cells, 29 MB)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-5}
echo "Building release ..." >&2
swift build -c release --product caspian-bench >&2
bench="$root/.build/release/caspian-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/big.asc" <<'PY'
import math, sys
cols, rows = 2500, 2400
with open(sys.argv[1], "w") as f:
    f.write(f"ncols {cols}\nnrows {rows}\nxllcorner 46.0\nyllcorner 36.0\ncellsize {9.5 / cols:.9f}\nNODATA_value -99999\n")
    for r in range(rows):
        f.write(" ".join(str(int(-500 + 400 * math.sin(r * 0.01) + 300 * math.cos(c * 0.013))) for c in range(cols)) + "\n")
PY
seconds() {
  local TIMEFORMAT=%R
  { time "$@" >/dev/null; } 2>&1
}
printf '%-40s %-7s %s\n' GRID READER "SECONDS (each run)"
for grid in Geodata/caspian-etopo1-0.1deg.asc "$work/big.asc"; do
  native=()
  gdal=()
  for ((i = 0; i < runs; i++)); do
    native+=("$(seconds "$bench" read-grid "$grid" --reader native)")
    gdal+=("$(seconds "$bench" read-grid "$grid" --reader gdal)")
  done
  printf '%-40s %-7s %s\n' "$(basename "$grid")" native "${native[*]}" "$(basename "$grid")" gdal "${gdal[*]}"
done
