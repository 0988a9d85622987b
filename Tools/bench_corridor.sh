#!/usr/bin/env bash
# Benchmark of coarse-to-fine planning (README, section "Survey-resolution planning").
# Makes a synthetic 50 m survey grid over a 40 km corridor along Aktau→Sumgait
# (Tools/make_corridor_grid.py, about 6 M cells with data), mosaics it over the bundled grid, and
# times with /usr/bin/time -v (wall seconds, peak resident memory), each case RUNS times in turn
# (A B C A B C …, so that the figures are paired runs on the same machine at the same time):
#   coarse-to-fine  the default three-option `route plan` (1000 m pass, corridors at 50 m)
#   single-50m      one resolution over the whole sea instead: `--cell-size 50 --coarse-only`,
#                   one option. The whole sea at 50 m is 310 M cells; the planner's estimate
#                   (16.7 GB) is over the default memory budget (half of physical memory), so
#                   this case raises it with --memory-budget SINGLE_BUDGET_GB (default 20; it
#                   needs about 10 GB of real memory)
#   single-100m     the same at 100 m (77 M cells), within the default budget
#                   (both skipped with SINGLE=0)
#   corridor-M      the three-option plan with the corridors at M m (--refine-cell-size M),
#                   for M in CORRIDOR_CELLS (default 200 100 50)
#   whole-sea-15s   the default three-option plan with a synthetic whole-sea grid the size of a
#                   GEBCO 2024 15" subset (2304 x 2784 cells over the bundled grid's extent)
#                   mosaicked over the bundled grid instead of the survey
# Usage: Tools/bench_corridor.sh [RUNS]   (default 3). Needs python3 with numpy.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-3}
cells=(${CORRIDOR_CELLS:-200 100 50})

echo "Building release ..." >&2
swift build -c release --product caspian-link >&2
bin="$root/.build/release/caspian-link"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tools/make_corridor_grid.py "$work/survey50" --cell 50 --half-width-km 20 >&2
python3 Tools/make_corridor_grid.py "$work/gebco15" --arcsec 15 >&2
base=(--grid Geodata/caspian-etopo1-0.1deg.asc)
plan=("$bin" route plan --from Aktau --to Sumgait "${base[@]}" --grid "$work/survey50.bil")

names=(coarse-to-fine)
commands=("${plan[*]}")
if [[ ${SINGLE:-1} != 0 ]]; then
  names+=(single-50m single-100m)
  commands+=("${plan[*]} --cell-size 50 --coarse-only --options 1 --memory-budget ${SINGLE_BUDGET_GB:-20}")
  commands+=("${plan[*]} --cell-size 100 --coarse-only --options 1")
fi
for m in "${cells[@]}"; do
  names+=("corridor-${m}m")
  commands+=("${plan[*]} --refine-cell-size $m")
done
names+=(whole-sea-15s)
commands+=("$bin route plan --from Aktau --to Sumgait ${base[*]} --grid $work/gebco15.bil")

results="$work/results.txt"
: >"$results"
for ((run = 1; run <= runs; run++)); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v ${commands[$i]} >"$work/out.txt" 2>"$work/time.txt" || {
      echo "${names[$i]} failed:" >&2
      tail -3 "$work/time.txt" >&2
      exit 1
    }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "${names[$i]} $wall $rss" >>"$results"
    if [[ $run == 1 ]]; then
      echo "--- ${names[$i]}: how each option was planned" >&2
      grep -E "^Cost grid|planned:|^Note" "$work/out.txt" >&2 || true
    fi
  done
done

printf '\n%-16s %6s %12s %12s %12s\n' "case" "runs" "wall s min" "wall s med" "peak MB med"
for name in "${names[@]}"; do
  awk -v n="$name" '$1 == n {print $2, $3}' "$results" | sort -n | awk -v n="$name" '
    {w[NR] = $1; r[NR] = $2}
    END {
      m = int((NR + 1) / 2)
      # Peak memory: the median of the runs, sorted on their own.
      for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (r[j] < r[i]) {t = r[i]; r[i] = r[j]; r[j] = t}
      printf "%-16s %6d %12.2f %12.2f %12.0f\n", n, NR, w[1], w[m], r[m] / 1024
    }'
done
