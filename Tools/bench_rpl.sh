#!/usr/bin/env bash
# Benchmark of `route rpl` on long routes: option 1 of `route plan --from Aktau --to Sumgait`
# (bundled data) densified to 10,000 and 100,000 vertices (points spread along its legs in
# proportion to their length, straight in lon/lat), each timed with `/usr/bin/time -v` (wall
# time and peak memory) when present, else with the shell's clock.
#
# Usage: Tools/bench_rpl.sh [BINARY ...]   (default: a release build of this checkout)
# Several binaries (e.g. one built before a change and one after) run on the same routes in
# the same run. VERTICES="1000 10000" overrides the vertex counts (default: 10000 100000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
read -r -a counts <<<"${VERTICES:-10000 100000}"

binaries=("$@")
if [[ ${#binaries[@]} -eq 0 ]]; then
  echo "Building release ..." >&2
  swift build -c release --product caspian-link >&2
  binaries=("$root/.build/release/caspian-link")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${binaries[0]}" route plan --from Aktau --to Sumgait --options 1 --geodata Geodata \
  --geojson "$work/plan.geojson" >/dev/null

for n in "${counts[@]}"; do
  python3 - "$work/plan.geojson" "$n" "$work/route-$n.geojson" <<'PY'
import json, math, sys
plan = json.load(open(sys.argv[1]))
line = next(f for f in plan["features"] if f["geometry"]["type"] == "LineString")
points = line["geometry"]["coordinates"]
n = int(sys.argv[2])
def length(a, b):
    scale = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((b[0] - a[0]) * scale, b[1] - a[1])
legs = [length(a, b) for a, b in zip(points, points[1:])]
total = sum(legs)
out = []
# n - 1 pieces in all, at least one per leg, shared out by length.
pieces = [max(1, round((n - 1) * leg / total)) for leg in legs]
pieces[-1] += (n - 1) - sum(pieces)
for (a, b), k in zip(zip(points, points[1:]), pieces):
    for i in range(k):
        t = i / k
        out.append([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])
out.append(points[-1])
assert len(out) == n, (len(out), n)
feature = {"type": "Feature", "properties": {"option": "1", "from": "Aktau", "to": "Sumgait"},
           "geometry": {"type": "LineString", "coordinates": out}}
json.dump({"type": "FeatureCollection", "features": [feature]}, open(sys.argv[3], "w"))
PY
done

printf '%-10s %-40s %10s %9s %8s\n' vertices binary "wall s" "peak MB" "exit"
for n in "${counts[@]}"; do
  for bin in "${binaries[@]}"; do
    status=0
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -v "$bin" route rpl --route "$work/route-$n.geojson" --geodata Geodata --format json \
        >"$work/out.json" 2>"$work/time.txt" || status=$?
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
    else
      start=$(date +%s.%N)
      "$bin" route rpl --route "$work/route-$n.geojson" --geodata Geodata --format json >"$work/out.json" ||
        status=$?
      wall=$(echo "$(date +%s.%N) - $start" | bc)
      rss=-
    fi
    printf '%-10s %-40s %10s %9s %8s\n' "$n" "$bin" "$wall" "$rss" "$status"
  done
done
