#!/usr/bin/env bash
# Benchmark of `schedule risk` against a vectorised numpy implementation of the same semantics
# (Tools/risk_numpy.py), side by side in one run: a generated plan (default 5,000 activities with
# ranges, SS/FF links, a calendar and 20 risks; Tools/generate_plan.py --risk) at 10,000
# iterations, and 100,000 iterations of the bundled plan (as of 2026-02-24). Prints wall seconds
# and peak RSS (/usr/bin/time -v) of each, the speed-up, and whether the two agree.
# Usage: Tools/bench_risk.sh [ACTIVITIES] [ITERATIONS]
# Needs python3 with numpy and PyYAML (Tools/requirements-bench.txt; a virtual environment under
# Tools/.cache is set up when the system python lacks them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
activities=${1:-5000}
iterations=${2:-10000}

python=python3
if ! python3 -c "import numpy, yaml" 2>/dev/null; then
  venv="$root/Tools/.cache/bench-venv"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import numpy, yaml" 2>/dev/null; then
    echo "Setting up $venv ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r Tools/requirements-bench.txt
  fi
  python="$venv/bin/python"
fi

echo "Building release ..." >&2
swift build -c release --product caspian-link >&2
bin="$root/.build/release/caspian-link"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run KEY LABEL cmd...: wall seconds, CPU seconds and peak RSS of one command; output in KEY.json.
run() {
  local key=$1 label=$2
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/$key.time" "$@" >"$work/$key.json"
  read -r seconds user system rss <"$work/$key.time"
  printf '%-42s %7s s wall %7s s CPU %6s MB peak RSS\n' "$label" "$seconds" \
    "$(python3 -c "print(f'{$user + $system:.2f}')")" "$((rss / 1024))"
  echo "$seconds" >"$work/$key.seconds"
}

"$python" Tools/generate_plan.py "$activities" "$work/plan.yaml" 1 --risk
echo "Generated plan: $activities activities, $iterations iterations (cores: $(nproc))"
run swift "caspian-link schedule risk" \
  "$bin" schedule risk --plan "$work/plan.yaml" --as-of 2025-12-31 --iterations "$iterations" --format json
run numpy "numpy (Tools/risk_numpy.py)" \
  "$python" Tools/risk_numpy.py "$work/plan.yaml" "$iterations" 2026
"$python" - "$work/swift.json" "$work/numpy.json" "$work" <<'PY'
import json, sys
swift, numpy = (json.load(open(p)) for p in sys.argv[1:3])
work = sys.argv[3]
keys = ["p10", "p50", "p80", "p90", "mean", "onTimeProbability"]
same = all(swift[k] == numpy[k] for k in keys)
by_id = {a["id"]: a for a in numpy["activities"]}
worst = {k: max(abs(a[k] - by_id[a["id"]][k]) for a in swift["activities"]) for k in ["criticality", "sensitivity"]}
dates = sum(a[k] != by_id[a["id"]][k] for a in swift["activities"] for k in ["p50Finish", "p80Finish"])
risks = sum(a["p80DaysAdded"] != b["p80DaysAdded"] for a, b in zip(swift["risks"], numpy["risks"]))
s, n = (float(open(f"{work}/{name}.seconds").read()) for name in ["swift", "numpy"])
print(f"speed-up {n / s:.1f}x (numpy: parse {numpy['seconds']['parse']} s, simulate {numpy['seconds']['simulate']} s)")
print(f"agree: finish percentiles/mean/probability {'identical' if same else 'DIFFER'} "
      f"(P50 {swift['p50']}, P80 {swift['p80']}); max |diff| criticality {worst['criticality']}, "
      f"sensitivity {worst['sensitivity']}; per-activity P50/P80 dates differing: {dates}; risk P80 effects differing: {risks}")
PY

echo "Bundled plan, 100,000 iterations, as of 2026-02-24"
run bundled "caspian-link schedule risk (bundled plan)" \
  "$bin" schedule risk --as-of 2026-02-24 --iterations 100000 --format json
