#!/usr/bin/env bash
# Times `schedule status` as a table and as JSON on generated plans (default 5000 and 50000
# activities), so the JSON output can be compared with the table it must stay within 2x of.
# Usage: Tools/bench_schedule.sh [ACTIVITIES ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("${@:-5000}")
[[ $# -gt 0 ]] || sizes=(5000 50000)
swift build -c release --product caspian-link >&2
bin="$root/.build/release/caspian-link"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() { # wall seconds of a command, output discarded
  python3 -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(f"{time.perf_counter() - t:.3f}")' "$@"
}
printf '%-10s %10s %10s %8s\n' activities table_s json_s json/table
for n in "${sizes[@]}"; do
  python3 Tools/generate_plan.py "$n" "$work/plan-$n.yaml"
  table=$(seconds "$bin" schedule status --plan "$work/plan-$n.yaml" --as-of 2026-01-01)
  json=$(seconds "$bin" schedule status --plan "$work/plan-$n.yaml" --as-of 2026-01-01 --format json)
  printf '%-10s %10s %10s %8s\n' "$n" "$table" "$json" "$(python3 -c "print(f'{$json / $table:.2f}')")"
done
