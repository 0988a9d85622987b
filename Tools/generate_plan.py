#!/usr/bin/env python3
"""Writes a synthetic schedule plan of N activities (random links to up to two of the previous
50 activities, baselines consistent with the links) for benchmarks.

Usage: Tools/generate_plan.py N OUT.yaml [SEED] [--risk]

Without --risk: finish-to-start links only, deadline 2099-12-31, finish A{N-1}.
With --risk (Tools/bench_risk.sh): every activity gets a duration range (every 10th PERT, every
7th in working days under the `sea` calendar), about one link in six is start-to-start and one in
eight finish-to-finish (with lags), 20 risks affect 1-5 activities each, and a finish milestone
FIN follows the last 50 activities, with the deadline 30 days after its baseline.
"""
import datetime
import random
import sys


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--risk"]
    risk = "--risk" in sys.argv[1:]
    count, path = int(args[0]), args[1]
    rng = random.Random(int(args[2]) if len(args) > 2 else 1)
    start = datetime.date(2026, 1, 1)
    day = datetime.timedelta(days=1)
    body = []
    starts: list[datetime.date] = []
    finishes: list[datetime.date] = []
    for i in range(count):
        links = sorted({rng.randrange(max(0, i - 50), i) for _ in range(2)}) if i else []
        kinds = {}
        if risk:
            for j in links:
                roll = rng.random()
                kinds[j] = ("SS", rng.randint(0, 3)) if roll < 1 / 6 else ("FF", rng.randint(0, 2)) if roll < 7 / 24 else ("FS", 0)
        else:
            kinds = {j: ("FS", 0) for j in links}
        first = max([finishes[j] + day * (1 + lag) for j, (k, lag) in kinds.items() if k == "FS"]
                    + [starts[j] + day * lag for j, (k, lag) in kinds.items() if k == "SS"], default=start)
        length = rng.randint(1, 5)
        last = first + day * length
        for j, (k, lag) in kinds.items():
            if k == "FF" and last < finishes[j] + day * lag:
                shift = finishes[j] + day * lag - last
                first, last = first + shift, last + shift
        starts.append(first)
        finishes.append(last)
        body += [f"  - id: A{i}", f"    name: Activity {i}", f"    baselineStart: {first}",
                 f"    baselineFinish: {last}", "    weight: 1"]
        if links:
            items = [f"A{j}" if k == "FS" else f"{{id: A{j}, type: {k}, lagDays: {lag}}}" for j, (k, lag) in kinds.items()]
            body.append("    dependsOn: [" + ", ".join(items) + "]")
        if risk:
            days = length + 1
            low, high = max(1, days - rng.randint(0, 1)), days + rng.randint(1, 2 * days)
            pert = ", distribution: pert" if i % 10 == 3 else ""
            body.append(f"    duration: {{optimistic: {low}, likely: {days}, pessimistic: {high}{pert}}}")
            if i % 7 == 5:
                body.append("    calendar: sea")
    head = ["project: Generated benchmark plan"]
    if risk:
        fin = max(finishes[max(0, count - 50):])
        head += [f"deadline: {fin + day * 30}", "finish: FIN", "calendars:",
                 "  sea: {workableShare: {jan: 0.4, feb: 0.45, mar: 0.55, apr: 0.7, may: 0.85, jun: 0.9, "
                 "jul: 0.9, aug: 0.9, sep: 0.8, oct: 0.65, nov: 0.5, dec: 0.4}}", "risks:"]
        for r in range(20):
            affected = sorted({f"A{rng.randrange(count)}" for _ in range(rng.randint(1, 5))})
            head.append(f"  - {{id: R{r}, name: Risk {r}, probability: {rng.randint(5, 50) / 100}, "
                        f"impactDays: {{optimistic: 1, likely: 3, pessimistic: 10}}, affects: [{', '.join(affected)}]}}")
        body += ["  - id: FIN", "    name: Finish", "    milestone: true", f"    baselineFinish: {fin}",
                 "    dependsOn: [" + ", ".join(f"A{j}" for j in range(max(0, count - 50), count)) + "]"]
    else:
        head += ["deadline: 2099-12-31", f"finish: A{count - 1}"]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(head + ["activities:"] + body) + "\n")


if __name__ == "__main__":
    main()
