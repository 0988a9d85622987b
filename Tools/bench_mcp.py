#!/usr/bin/env python3
"""Runs scikit-image's MCP_Geometric on a cost grid written by `caspian-bench prepare`.

Usage: bench_mcp.py CASE_DIR [RUNS]

CASE_DIR holds `grid.npy` (float32 cost per metre, rows x cols, inf = impassable) and
`case.json` (cell size in metres, move offsets, start and end cells). The same moves are
given to MCP_Geometric as `offsets`; its step cost is length x mean of the two end cells,
like ours (MCP_Geometric accepts only offsets of -1, 0 and 1, i.e. 8 neighbours).
Prints one JSON line: the fastest of RUNS (default 3) search times in seconds, path cost (cost units: cost per metre x
metres), path cells, peak RSS of this process (kB), and writes the path to path-mcp.npy.
"""
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
from skimage.graph import MCP_Geometric


def path_cost(costs: np.ndarray, path: np.ndarray, cell_size: float) -> float:
    """Step costs recomputed in float64: length x mean of the two end cells."""
    a = path[:-1]
    b = path[1:]
    lengths = np.sqrt(((b - a) ** 2).sum(axis=1)) * cell_size
    ca = costs[a[:, 0], a[:, 1]].astype(np.float64)
    cb = costs[b[:, 0], b[:, 1]].astype(np.float64)
    return float((lengths * (ca + cb) / 2).sum())


def main() -> None:
    case_dir = Path(sys.argv[1])
    case = json.loads((case_dir / "case.json").read_text())
    costs = np.load(case_dir / "grid.npy")
    offsets = np.array(case["offsets"], dtype=np.intp)
    start = tuple(case["start"])
    end = tuple(case["end"])
    cell_size = float(case["cellSizeMetres"])

    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    seconds = float("inf")
    for _ in range(max(1, runs)):
        began = time.perf_counter()
        mcp = MCP_Geometric(costs, offsets=offsets, fully_connected=True)
        cumulative, _ = mcp.find_costs([start], [end], find_all_ends=True)
        path = np.array(mcp.traceback(end), dtype=np.int64)
        seconds = min(seconds, time.perf_counter() - began)

    np.save(case_dir / "path-mcp.npy", path.astype(np.int32))
    result = {
        "tool": "scikit-image MCP_Geometric",
        "seconds": seconds,
        "cost": float(cumulative[end]) * cell_size,
        "pathCost": path_cost(costs, path, cell_size),
        "pathCells": int(len(path)),
        "peakRSSkB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    ours = case_dir / "path-ours.npy"
    if ours.exists():
        result["oursPathCost"] = path_cost(costs, np.load(ours).astype(np.int64), cell_size)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
