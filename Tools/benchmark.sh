#!/usr/bin/env bash
# Benchmark of the route planner's least-cost search against scikit-image's MCP_Geometric on
# the same cost grids (bundled data at 1000 m cells and a fine grid over the whole sea), and
# the time of a default `route plan` (3 options). Usage: Tools/benchmark.sh [CELL_SIZE_M ...]
# (default: 1000 250). Needs python3 with Tools/requirements-bench.txt (installed into a
# virtual environment under Tools/.cache on first use).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cell_sizes=("${@:-1000}")
[[ $# -gt 0 ]] || cell_sizes=(1000 250)

venv="$root/Tools/.cache/bench-venv"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import skimage" 2>/dev/null; then
  echo "Setting up $venv (scikit-image, numpy) ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r Tools/requirements-bench.txt
fi
python="$venv/bin/python"

echo "Building release ..." >&2
swift build -c release --product caspian-link >&2
swift build -c release --product caspian-bench >&2
bin="$root/.build/release"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peak RSS of a command in kB and its output, via /usr/bin/time -v when present (else the
# process reports its own getrusage figure, which both tools print).
measure() { # measure OUTFILE cmd...
  local out=$1
  shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v "$@" >"$out" 2>"$out.time"
    awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time"
  else
    "$@" >"$out"
    echo ""
  fi
}

args=()
for s in "${cell_sizes[@]}"; do args+=(--cell-size "$s"); done
"$bin/caspian-bench" prepare --geodata Geodata --out "$work" "${args[@]}" >"$work/cases.txt"

results="$work/results.jsonl"
: >"$results"
while read -r case_dir; do
  for run in "a-star 8" "dijkstra 8" "a-star 16"; do
    read -r strategy connectivity <<<"$run"
    rss=$(measure "$work/out.json" "$bin/caspian-bench" search "$case_dir" --strategy "$strategy" \
      --connectivity "$connectivity")
    "$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); r["case"]=sys.argv[2]; r["rssKB"]=int(sys.argv[3] or r["peakRSSkB"]); print(json.dumps(r))' \
      "$work/out.json" "$(basename "$case_dir")" "$rss" >>"$results"
  done
  rss=$(measure "$work/out.json" "$python" Tools/bench_mcp.py "$case_dir")
  "$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); r["case"]=sys.argv[2]; r["rssKB"]=int(sys.argv[3] or r["peakRSSkB"]); r["rows"], r["cols"] = (lambda c: (c["rows"], c["cols"]))(json.load(open(sys.argv[4]))); print(json.dumps(r))' \
    "$work/out.json" "$(basename "$case_dir")" "$rss" "$case_dir/case.json" >>"$results"
done <"$work/cases.txt"

plan_start=$(date +%s.%N)
"$bin/caspian-link" route plan --from Aktau --to Sumgait --geodata Geodata >"$work/plan.txt"
plan_end=$(date +%s.%N)

"$python" - "$results" "$plan_start" "$plan_end" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
cases = []
for r in rows:
    if r["case"] not in cases:
        cases.append(r["case"])
print(f"{'case':<8} {'grid':>13} {'tool':<28} {'moves':>5} {'search s':>9} {'vs MCP':>7} {'peak MB':>8} {'path cost':>14}")
for case in cases:
    group = [r for r in rows if r["case"] == case]
    mcp = next(r for r in group if r["tool"].startswith("scikit-image"))
    grid = f"{mcp['cols']}x{mcp['rows']}"
    for r in group:
        cost = r.get("pathCost", r["cost"])
        if not r["tool"].startswith("scikit-image"):
            cost = r["cost"]
        ratio = mcp["seconds"] / r["seconds"]
        moves = r.get("connectivity", 8)
        print(f"{case:<8} {grid:>13} {r['tool']:<28} {moves:>5} {r['seconds']:>9.3f} {ratio:>6.1f}x {r['rssKB']/1024:>8.0f} {cost:>14.1f}")
    if "oursPathCost" in mcp:
        print(f"{'':<8} 8-neighbour path costs recomputed in float64 by the Python script: ours {mcp['oursPathCost']:.1f}, MCP {mcp['pathCost']:.1f}")
print(f"route plan Aktau->Sumgait (3 options, default 1000 m cells), whole command: {float(sys.argv[3]) - float(sys.argv[2]):.2f} s")
PY
