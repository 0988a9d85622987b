"""Landing candidates: public shore estimates, snapped to the coastline and moved 300 m seaward.

Positions are the shore estimates gathered in the project's public facts ("Landing candidates");
the exact landing stations of the Trans-Caspian link are not public.
"""

import numpy as np
from shapely.geometry import Point

from . import coast, geo

SEAWARD_OFFSET_M = 300.0

# name, country, (lon, lat) estimate on the shore, confidence, source, note
CANDIDATES = [
    ("Aktau", "KZ", (51.140, 43.635), "medium",
     "subtelforum.com/caspian-undersea-cable-agreement-reached/ (Sumgait-Aktau, 2025-03-04); "
     "position: Aktau city shore north-west of the port, estimate",
     "Aktau end of the 2025 Sumgait-Aktau contract; landing station not public"),
    ("Aktau North", "KZ", (51.10, 43.68), "low",
     "timesca.com/kazakhstan-azerbaijan-launch-construction-of-fiber-optic-line-on-caspian-seabed; "
     "position: Aktau north coast, estimate",
     "alternative Aktau landing on the coast north of the city"),
    ("Kuryk", "KZ", (51.665, 43.18), "low",
     "project facts: Kuryk-Buzovna backup route (~330 km); position: Kuryk village shore, estimate",
     "backup route end"),
    ("Sumgait", "AZ", (49.67, 40.61), "medium",
     "subtelforum.com/caspian-undersea-cable-agreement-reached/ (Sumgait-Aktau, 2025-03-04); "
     "position: Sumgait seafront, estimate",
     "Azerbaijani end of the 2025 contract; landing station not public"),
    ("Siyazan", "AZ", (49.20, 41.06), "medium",
     "timesca.com/kazakhstan-azerbaijan-launch-construction-of-fiber-optic-line-on-caspian-seabed "
     "(2019 Aktau-Siyazan plan); position: Siyazan coast, estimate",
     "2019 plan (Aktau-Siyazan) and the 2019 Azerbaijan-Turkmenistan plan (Siyazan-Turkmenbashi)"),
    ("Buzovna", "AZ", (50.110, 40.527), "low",
     "project facts: Kuryk-Buzovna backup route (~330 km); position: Buzovna shore, estimate",
     "backup route end on the north coast of the Absheron peninsula"),
    ("Turkmenbashi", "TM", (52.75, 40.03), "low",
     "project facts: Azerbaijan-Turkmenistan cable Siyazan-Turkmenbashi (~300 km, 2019 agreement); "
     "position: open coast west of Turkmenbashi bay, estimate",
     "Turkmen end of the 2019 Siyazan-Turkmenbashi plan"),
]


def nearest_wet_node(grid, point_ll, water_surface_m: float):
    """((lon, lat), km) of the grid node nearest to `point_ll` whose water depth is positive."""
    rows, cols = np.nonzero(water_surface_m - grid.elevation > 0)
    lons, lats = grid.west + grid.step * cols, grid.south + grid.step * rows
    _, _, distances = geo.WGS84.inv(np.full(lons.shape, point_ll[0]), np.full(lats.shape, point_ll[1]), lons, lats)
    best = int(np.argmin(distances))
    return grid.node_lonlat(rows[best], cols[best]), distances[best] / 1000.0


def build(sea, grid, water_surface_m: float):
    features = []
    for name, country, (lon, lat), confidence, source, note in CANDIDATES:
        coast_ll, point_ll = coast.snap_seaward(sea, lon, lat, SEAWARD_OFFSET_M)
        point_ll = (round(point_ll[0], geo.DECIMALS), round(point_ll[1], geo.DECIMALS))
        snapped_m = geo.geodesic_distance_m((lon, lat), point_ll)
        elevation = grid.elevation_at(*point_ll)
        depth = round(water_surface_m - elevation, 2)
        full_note = (f"{note}. Snapped to the Natural Earth coastline at "
                     f"{coast_ll[0]:.5f}, {coast_ll[1]:.5f}, then moved {SEAWARD_OFFSET_M:.0f} m seaward")
        if depth <= 0:
            node = grid.node_lonlat(*grid.node_index(*point_ll))
            wet_node, wet_km = nearest_wet_node(grid, point_ll, water_surface_m)
            full_note += (f". The coarse 0.1 deg grid is dry at this cell (node {node[0]}, {node[1]}: "
                          f"elevation {elevation:.0f} m, above the water surface); the nearest wet node is "
                          f"{wet_node[0]}, {wet_node[1]}, {wet_km:.1f} km away. A survey grid is needed for "
                          f"the shore approach")
        properties = {
            "name": name,
            "country": country,
            "source": source,
            "confidence": confidence,
            "note": full_note,
            "originalLonLat": [lon, lat],
            "snappedM": round(snapped_m, 1),
            "gridDepthM": depth,
        }
        features.append((properties, Point(point_ll)))
    return features
