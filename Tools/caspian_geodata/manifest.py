"""Geodata/manifest.json: names the files of the data set and the water-surface level."""

import json

# Caspian water surface, metres relative to mean ocean level: the 2025 value for the Kazakh sector
# (see Geodata/README.md for the source). Water depth = WATER_SURFACE_M - elevation.
WATER_SURFACE_M = -29.35

MANIFEST = {
    "name": "Caspian Sea default data set",
    "seaPolygon": "caspian-sea.geojson",
    "bathymetry": "caspian-etopo1-0.1deg.asc",
    "waterSurfaceM": WATER_SURFACE_M,
    "landings": "landings.geojson",
    "hazards": "hazards.geojson",
}


def manifest_text() -> str:
    return json.dumps(MANIFEST, indent=2, ensure_ascii=False) + "\n"
