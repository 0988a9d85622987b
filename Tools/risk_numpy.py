#!/usr/bin/env python3
"""A vectorised numpy implementation of `caspian-link schedule risk` for the benchmark
(Tools/bench_risk.sh), with the same semantics for a plan with no progress records (every
activity not started, as of a day before the plan starts): FS/SS/FF links with lags, baseline
starts as start-no-earlier-than, triangular and PERT ranges rounded half up (at least 1 day),
monthly workable-share calendars, risks firing once per iteration, and the same per-iteration
SplitMix64 streams, so the figures agree with the Swift run. Correlations are not implemented
(the generated plan has none). Arrays are iterations x activities, as numpy code would hold them.

Usage: Tools/risk_numpy.py PLAN.yaml ITERATIONS SEED   (prints JSON like --format json)
"""
import datetime
import json
import sys
import time

import numpy as np
import yaml

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
EPOCH = datetime.date(1970, 1, 1)
TABLE = 1024


def mix(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


class Streams:
    """One SplitMix64 stream per iteration, all advanced together."""

    def __init__(self, seed, n):
        with np.errstate(over="ignore"):
            self.state = mix(np.uint64(seed) ^ mix(np.arange(n, dtype=np.uint64) + GOLDEN))

    def uniform(self):
        with np.errstate(over="ignore"):
            self.state = self.state + GOLDEN
            return (mix(self.state) >> np.uint64(11)).astype(np.float64) * 2.0**-53


def day_number(value):
    return (value - EPOCH).days if isinstance(value, datetime.date) else (datetime.date.fromisoformat(str(value)) - EPOCH).days


def iso(day):
    return (EPOCH + datetime.timedelta(days=int(day))).isoformat()


def beta_quantiles(alpha, beta):
    x = np.arange(TABLE + 1) / TABLE
    density = x ** (alpha - 1) * (1 - x) ** (beta - 1)
    cdf = np.concatenate([[0.0], np.cumsum((density[:-1] + density[1:]) / 2)])
    cdf /= cdf[-1]
    return np.interp(np.arange(TABLE + 1) / TABLE, cdf, x)


class Sampler:
    def __init__(self, r):
        self.low, self.mode, self.high = float(r["optimistic"]), float(r["likely"]), float(r["pessimistic"])
        self.split = (self.mode - self.low) / (self.high - self.low) if self.high > self.low else 0.0
        self.below = (self.high - self.low) * (self.mode - self.low)
        self.above = (self.high - self.low) * (self.high - self.mode)
        pert = r.get("distribution") == "pert" and self.high > self.low
        self.table = beta_quantiles(1 + 4 * (self.mode - self.low) / (self.high - self.low),
                                    1 + 4 * (self.high - self.mode) / (self.high - self.low)) if pert else None

    def value(self, u):
        if self.high <= self.low:
            return np.full(u.shape, self.low)
        if self.table is None:
            return np.where(u < self.split, self.low + np.sqrt(u * self.below),
                            self.high - np.sqrt((1 - u) * self.above))
        t = u * TABLE
        k = np.minimum(t.astype(np.int64), TABLE - 1)
        lower = self.table[k]
        return self.low + (self.high - self.low) * (lower + (self.table[k + 1] - lower) * (t - k))


def civil(days):
    """Year, month, day of day numbers (H. Hinnant), vectorised."""
    z = days + 719468
    era = np.where(z >= 0, z, z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (month <= 2), month, day


def month_days(year, month):
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return np.where(month == 2, np.where(leap, 29, 28), np.where(np.isin(month, [4, 6, 9, 11]), 30, 31))


def calendar_days(start, work, shares):
    """Calendar days from `start` until `work` working days are done (the month loop of Swift)."""
    remaining = work.astype(np.float64)
    year, month, dom = civil(start)
    days = np.zeros_like(start)
    result = np.zeros_like(start)
    open_ = np.ones(start.shape, dtype=bool)
    while open_.any():
        left = month_days(year, month) - dom + 1
        share = shares[month - 1]
        done = open_ & (share > 0) & (share * left >= remaining - 1e-9)
        safe = np.where(share > 0, share, 1.0)
        result = np.where(done, days + np.maximum(1, np.ceil(remaining / safe - 1e-9).astype(np.int64)), result)
        open_ &= ~done
        remaining = remaining - share * left
        days = days + left
        dom = np.ones_like(dom)
        year = year + (month == 12)
        month = np.where(month == 12, 1, month + 1)
    return result


def main():
    path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    clock = time.perf_counter()
    plan = yaml.load(open(path, encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    parsed = time.perf_counter()
    acts = plan["activities"]
    m = len(acts)
    index = {a["id"]: i for i, a in enumerate(acts)}
    assert all(index[str(d if isinstance(d, str) else d["id"])] < i for i, a in enumerate(acts)
               for d in a.get("dependsOn", [])), "activities must be in dependency order"
    milestone = np.array([bool(a.get("milestone", False)) for a in acts])
    finish_day = np.array([day_number(a["baselineFinish"]) for a in acts])
    start_day = np.array([day_number(a.get("baselineStart", a["baselineFinish"])) for a in acts])
    earliest = np.where(milestone, finish_day + 1, start_day)
    base_length = np.where(milestone, 0, finish_day - start_day + 1)
    links = [[(index[d] if isinstance(d, str) else index[d["id"]],
               "FS" if isinstance(d, str) else d.get("type", "FS"),
               0 if isinstance(d, str) else int(d.get("lagDays", 0))) for d in a.get("dependsOn", [])] for a in acts]
    succ = [[] for _ in range(m)]
    for i, ls in enumerate(links):
        for p, kind, lag in ls:
            succ[p].append((i, kind, lag))
    calendars = {name: np.array([c["workableShare"][k] for k in
                                 ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]], dtype=float)
                 for name, c in (plan.get("calendars") or {}).items()}
    ranged = [i for i, a in enumerate(acts) if "duration" in a]
    samplers = {i: Sampler(dict(acts[i]["duration"], **({"distribution": acts[i]["distribution"]} if "distribution" in acts[i] else {}))) for i in ranged}
    risks = plan.get("risks") or []
    impact_samplers = [Sampler(r["impactDays"]) for r in risks]
    fin = index[plan["finish"]]
    deadline = day_number(plan["deadline"])

    # Draws: one uniform per ranged activity in plan order, then two per risk.
    streams = Streams(seed, n)
    work = np.tile(base_length, (n, 1)).T.copy()  # activities x iterations
    for i in ranged:
        work[i] = np.maximum(1, np.floor(samplers[i].value(streams.uniform()) + 0.5)).astype(np.int64)
    extra = np.zeros((m, n), dtype=np.int64)
    impacts = []
    for r, risk in enumerate(risks):
        fires = streams.uniform() < float(risk["probability"])
        impact = np.floor(impact_samplers[r].value(streams.uniform()) + 0.5).astype(np.int64)
        impact = np.where(fires, impact, 0)
        impacts.append(impact)
        for a in risk["affects"]:
            extra[index[a]] += impact

    def forward(work, extra, cols):
        k = len(cols) if cols is not None else n
        start = np.empty((m, k), dtype=np.int64)
        finish = np.empty((m, k), dtype=np.int64)
        for i in range(m):
            first = np.full(k, earliest[i])
            for p, kind, lag in links[i]:
                if kind == "FS":
                    first = np.maximum(first, finish[p] + lag)
                elif kind == "SS":
                    first = np.maximum(first, start[p] + lag)
            w = work[i] if cols is None else work[i, cols]
            e = extra[i] if cols is None else extra[i, cols]
            cal = acts[i].get("calendar")
            length = calendar_days(first, w, calendars[cal]) if cal and not milestone[i] else w
            last = first + length + e
            for p, kind, lag in links[i]:
                if kind == "FF":
                    shift = np.maximum(0, finish[p] + lag - last)
                    first, last = first + shift, last + shift
            start[i], finish[i] = first, last
        return start, finish

    start, finish = forward(work, extra, None)
    target = finish[fin]
    late = np.empty((m, n), dtype=np.int64)
    for i in reversed(range(m)):
        value = target.copy()
        for j, kind, lag in succ[i]:
            if kind == "FS":
                value = np.minimum(value, late[j] - (finish[j] - start[j]) - lag)
            elif kind == "SS":
                value = np.minimum(value, late[j] - (finish[j] - start[j]) - lag + finish[i] - start[i])
            else:
                value = np.minimum(value, late[j] - lag)
        late[i] = value
    critical = (late == finish).mean(axis=1)
    days = finish - 1
    result_finish = days[fin]

    def pct(values, p, axis=None):
        return np.percentile(values, p, axis=axis, method="inverted_cdf")

    p80 = int(pct(result_finish, 80))
    risk_out = []
    for r, risk in enumerate(risks):
        cols = np.nonzero(impacts[r])[0]
        without = result_finish.copy()
        if len(cols):
            reduced = extra.copy()
            for a in risk["affects"]:
                reduced[index[a], cols] -= impacts[r][cols]
            _, f = forward(work, reduced, cols)
            without[cols] = f[fin] - 1
        risk_out.append({"id": risk["id"], "p80DaysAdded": p80 - int(pct(without, 80))})

    def doubled_midranks(values):
        low = values.min()
        counts = np.bincount(values - low)
        below = np.cumsum(counts) - counts
        return (2 * below + counts + 1)[values - low]

    ry = doubled_midranks(result_finish).astype(np.float64)
    centre = n * (n + 1) ** 2
    spread_y = (ry * ry).sum() - centre
    drawn = work + extra
    sens = np.zeros(m)
    variable = set(ranged) | {index[a] for r in risks for a in r["affects"]}
    for i in variable:
        rx = doubled_midranks(drawn[i]).astype(np.float64)
        spread_x = (rx * rx).sum() - centre
        if spread_x > 0 and spread_y > 0:
            sens[i] = ((rx * ry).sum() - centre) / np.sqrt(spread_x * spread_y)
    p50s, p80s = pct(days, 50, axis=1), pct(days, 80, axis=1)
    out = {
        "iterations": n, "seed": seed,
        "p10": iso(pct(result_finish, 10)), "p50": iso(pct(result_finish, 50)), "p80": iso(p80),
        "p90": iso(pct(result_finish, 90)), "mean": iso(np.floor(result_finish.mean() + 0.5)),
        "onTimeProbability": round(float((result_finish <= deadline).mean()), 4),
        "activities": [{"id": a["id"], "criticality": round(float(critical[i]), 4),
                        "sensitivity": round(float(sens[i]), 4), "p50Finish": iso(p50s[i]), "p80Finish": iso(p80s[i])}
                       for i, a in enumerate(acts)],
        "risks": risk_out,
        "seconds": {"parse": round(parsed - clock, 3), "simulate": round(time.perf_counter() - parsed, 3)},
    }
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
