#!/usr/bin/env python3
"""Writes a synthetic schedule plan of N activities (random finish-to-start links to up to two of
the previous 50 activities, baselines consistent with the links) for benchmarks.

Usage: Tools/generate_plan.py N OUT.yaml [SEED]
"""
import datetime
import random
import sys


def main() -> None:
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    start = datetime.date(2026, 1, 1)
    lines = ["project: Generated benchmark plan", "deadline: 2099-12-31", f"finish: A{count - 1}", "activities:"]
    finishes: list[datetime.date] = []
    for i in range(count):
        links = sorted({rng.randrange(max(0, i - 50), i) for _ in range(2)}) if i else []
        first = max((finishes[j] + datetime.timedelta(days=1) for j in links), default=start)
        last = first + datetime.timedelta(days=rng.randint(1, 5))
        finishes.append(last)
        lines += [f"  - id: A{i}", f"    name: Activity {i}", f"    baselineStart: {first}",
                  f"    baselineFinish: {last}", "    weight: 1"]
        if links:
            lines.append("    dependsOn: [" + ", ".join(f"A{j}" for j in links) + "]")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
