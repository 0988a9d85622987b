"""Validates the files of a data set directory; raises CheckError naming the file and the problem."""

import json
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.validation import explain_validity

from . import bathymetry, geo, manifest


class CheckError(RuntimeError):
    pass


def _fail(path: Path, problem: str):
    raise CheckError(f"{path}: {problem}")


def _rings_oriented(polygon) -> bool:
    if not polygon.exterior.is_ccw:
        return False
    return all(not hole.is_ccw for hole in polygon.interiors)


def check_sea(path: Path, report: list):
    features = geo.read_feature_collection(path)
    if len(features) != 1:
        _fail(path, f"expected exactly one feature, found {len(features)}")
    properties, polygon = features[0]
    if polygon.geom_type != "Polygon":
        _fail(path, f"geometry is a {polygon.geom_type}, expected Polygon")
    if not polygon.is_valid:
        _fail(path, f"invalid polygon: {explain_validity(polygon)}")
    if not _rings_oriented(polygon):
        _fail(path, "rings are not oriented RFC 7946 style (exterior counter-clockwise, holes clockwise)")
    for key in ("name", "source"):
        if not properties.get(key):
            _fail(path, f"property {key} is missing")
    vertices = len(polygon.exterior.coords) + sum(len(h.coords) for h in polygon.interiors)
    area_km2 = abs(geo.WGS84.geometry_area_perimeter(polygon)[0]) / 1e6
    report.append(f"{path.name}: valid Polygon, {vertices} vertices "
                  f"({len(polygon.exterior.coords)} exterior), {len(polygon.interiors)} islands (holes), "
                  f"area {area_km2:,.0f} km2, bounds {tuple(round(b, 3) for b in polygon.bounds)}")
    return polygon


def check_grid(path: Path, sea, water_surface_m: float, report: list):
    try:
        grid = bathymetry.read_ascii_grid(path)
    except (ValueError, KeyError) as error:
        _fail(path, f"unreadable grid: {error}")
    west, south, east, north = sea.bounds
    if not (grid.west <= west and grid.south <= south and grid.east >= east and grid.north >= north):
        _fail(path, f"grid nodes {grid.west}..{grid.east} E, {grid.south}..{grid.north} N do not cover "
                    f"the sea polygon bounds {sea.bounds}")
    lons = grid.west + grid.step * np.arange(grid.ncols)
    lats = grid.south + grid.step * np.arange(grid.nrows)
    lon2, lat2 = np.meshgrid(lons, lats)
    in_sea = shapely.contains_xy(sea, lon2, lat2)
    if np.isnan(grid.elevation[in_sea]).any():
        _fail(path, f"{int(np.isnan(grid.elevation[in_sea]).sum())} grid nodes in the sea polygon are NODATA")
    depth = water_surface_m - grid.elevation[in_sea]
    wet = depth > 0
    report.append(f"{path.name}: {grid.ncols} x {grid.nrows} nodes, step {grid.step} deg, nodes "
                  f"{grid.west}..{grid.east} E, {grid.south}..{grid.north} N; elevation "
                  f"{np.nanmin(grid.elevation):.0f}..{np.nanmax(grid.elevation):.0f} m; "
                  f"{int(in_sea.sum())} nodes in the "
                  f"sea polygon, {int(wet.sum())} of them wet, water depth up to {depth.max():.0f} m")
    if wet.sum() < 0.8 * in_sea.sum():
        _fail(path, f"only {int(wet.sum())} of {int(in_sea.sum())} sea nodes are wet at waterSurfaceM "
                    f"{water_surface_m}: elevation sign or datum wrong?")
    return grid


LANDING_KEYS = ("name", "country", "source", "confidence", "note", "originalLonLat", "snappedM")
CONFIDENCES = ("high", "medium", "low")


def check_landings(path: Path, sea, grid, water_surface_m: float, report: list):
    features = geo.read_feature_collection(path)
    seen = set()
    landings = []
    for index, (properties, point) in enumerate(features):
        label = f'feature {index} "{properties.get("name")}"'
        missing = [key for key in LANDING_KEYS if key not in properties]
        if missing:
            _fail(path, f"{label}: properties missing: {', '.join(missing)}")
        if point.geom_type != "Point":
            _fail(path, f"{label}: geometry is a {point.geom_type}, expected Point")
        if properties["name"].lower() in seen:
            _fail(path, f"{label}: duplicate name")
        seen.add(properties["name"].lower())
        if properties["confidence"] not in CONFIDENCES:
            _fail(path, f"{label}: confidence {properties['confidence']!r} is not one of {CONFIDENCES}")
        if not sea.contains(point):
            _fail(path, f"{label}: point is not in the sea polygon")
        lon, lat = point.coords[0]
        if not (grid.west <= lon <= grid.east and grid.south <= lat <= grid.north):
            _fail(path, f"{label}: point is outside the grid extent")
        coast_m = geo.LocalFrame(lon, lat).to_metres(sea).boundary.distance(Point(0.0, 0.0))
        if coast_m < 250:
            _fail(path, f"{label}: point is only {coast_m:.0f} m from the coastline (expected ~300 m)")
        depth = water_surface_m - grid.elevation_at(lon, lat)
        if abs(depth - properties.get("gridDepthM", depth)) > 0.01:
            _fail(path, f"{label}: gridDepthM {properties['gridDepthM']} differs from the grid ({depth:.2f})")
        if depth <= 0 and "dry" not in properties["note"]:
            _fail(path, f"{label}: the grid cell is dry but the note does not say so")
        report.append(f"  {properties['name']:<13} {lon:.6f} {lat:.6f}  snapped {properties['snappedM']:>6.1f} m, "
                      f"{coast_m:.0f} m from the coast, grid depth {depth:+.2f} m")
        landings.append((properties, point))
    report.insert(len(report) - len(landings), f"{path.name}: {len(landings)} landing points")
    return landings


HAZARD_KEYS = ("kind", "name", "source", "confidence", "constraint", "schematic")
HAZARD_GEOMETRY = {"field": ("Polygon",), "platform": ("Point",), "pipeline": ("LineString",),
                   "cable": ("LineString",), "port": ("Polygon",), "ferry-lane": ("LineString", "Polygon"),
                   "protected-area": ("Polygon",), "sector-boundary": ("LineString",)}
CONSTRAINTS = ("no-go", "soft", "info")
def check_hazards(path: Path, sea, report: list):
    features = geo.read_feature_collection(path)
    counts = {}
    for index, (properties, geometry) in enumerate(features):
        label = f'feature {index} "{properties.get("name")}"'
        missing = [key for key in HAZARD_KEYS if key not in properties]
        if missing:
            _fail(path, f"{label}: properties missing: {', '.join(missing)}")
        kind, constraint = properties["kind"], properties["constraint"]
        if kind not in HAZARD_GEOMETRY:
            _fail(path, f"{label}: unknown kind {kind!r}")
        if geometry.geom_type not in HAZARD_GEOMETRY[kind]:
            allowed = " or ".join(HAZARD_GEOMETRY[kind])
            _fail(path, f"{label}: a {kind} must be {allowed}, not {geometry.geom_type}")
        if constraint not in CONSTRAINTS or properties["confidence"] not in CONFIDENCES:
            _fail(path, f"{label}: bad constraint {constraint!r} or confidence {properties['confidence']!r}")
        if not isinstance(properties["schematic"], bool):
            _fail(path, f"{label}: schematic must be true or false")
        if kind == "ferry-lane" and geometry.geom_type == "LineString" and not properties.get("widthM"):
            _fail(path, f"{label}: a ferry-lane LineString needs widthM")
        if kind == "platform" and not properties.get("safetyZoneM"):
            _fail(path, f"{label}: a platform needs safetyZoneM")
        if not geometry.is_valid:
            _fail(path, f"{label}: invalid geometry: {explain_validity(geometry)}")
        if geometry.geom_type == "Polygon" and not _rings_oriented(geometry):
            _fail(path, f"{label}: rings are not oriented RFC 7946 style")
        if geometry.geom_type == "LineString" and not sea.covers(geometry):
            where = geometry.difference(sea).representative_point().coords[0]
            _fail(path, f"{label}: line crosses land near {where}")
        if not sea.covers(geometry):
            _fail(path, f"{label}: geometry is not in the sea (it must lie in or on the sea polygon)")
        counts[(kind, constraint)] = counts.get((kind, constraint), 0) + 1
    summary = ", ".join(f"{n} {kind} ({constraint})" for (kind, constraint), n in sorted(counts.items()))
    report.append(f"{path.name}: {len(features)} features: {summary}")
    return features


def no_go_area(hazards):
    """Union of what must never be entered: no-go outlines and platform safety zones (plus bufferM)."""
    parts = []
    for properties, geometry in hazards:
        clearance = float(properties.get("bufferM", 0))
        if properties["kind"] == "platform":
            clearance += float(properties["safetyZoneM"])
        elif properties["constraint"] != "no-go":
            continue
        lon, lat = geometry.representative_point().coords[0]
        frame = geo.LocalFrame(lon, lat)
        local = frame.to_metres(geometry)
        parts.append(frame.to_degrees(local.buffer(clearance, quad_segs=16)) if clearance else geometry)
    return shapely.union_all(parts)


# Landing pairs that must stay connected through water outside every no-go zone (checked where both
# landings exist, so a user data set with other landings is checked for the pairs it has).
ROUTES = [("Aktau", "Sumgait"), ("Kuryk", "Buzovna"), ("Aktau", "Siyazan"), ("Siyazan", "Turkmenbashi"),
          ("Sumgait", "Turkmenbashi"), ("Aktau North", "Sumgait")]
RASTER_STEP_DEG = 0.01
LANDING_REACH_CELLS = 2


def check_routability(path: Path, sea, landings, hazards, report: list):
    """Each landing outside the no-go area, and each route pair joined by free water (4-connected
    raster of RASTER_STEP_DEG cells: a cell is free if its centre is in the sea and not in a no-go zone)."""
    no_go = no_go_area(hazards)
    position = {}
    for properties, point in landings:
        if no_go.intersects(point):
            _fail(path, f'landing "{properties["name"]}" lies in a no-go zone or platform safety zone')
        position[properties["name"]] = point.coords[0]
    west, south, east, north = sea.bounds
    lons = np.arange(west, east + RASTER_STEP_DEG, RASTER_STEP_DEG)
    lats = np.arange(south, north + RASTER_STEP_DEG, RASTER_STEP_DEG)
    lon2, lat2 = np.meshgrid(lons, lats)
    free = shapely.contains_xy(sea, lon2, lat2) & ~shapely.contains_xy(no_go, lon2, lat2)
    labels = _components(free)
    routes = [(a, b) for a, b in ROUTES if a in position and b in position]
    for a, b in routes:
        la, lb = (_landing_label(labels, lons, lats, position[name]) for name in (a, b))
        if la is None or lb is None or la != lb:
            _fail(path, f"no water path from {a} to {b} avoids the no-go zones (raster {RASTER_STEP_DEG} deg)")
    pairs = ", ".join(f"{a}-{b}" for a, b in routes) or "no default route pair"
    report.append(f"routability: {pairs} joined by water outside the "
                  f"no-go zones ({int(free.sum())} free cells of {RASTER_STEP_DEG} deg); no landing in a no-go "
                  f"or safety zone")


def _components(free):
    from collections import deque

    rows, cols = free.shape
    labels = np.full(free.shape, -1, dtype=np.int64)
    flat_free, flat_labels = free.ravel(), labels.ravel()
    label = 0
    for start in np.flatnonzero(flat_free):
        if flat_labels[start] >= 0:
            continue
        flat_labels[start] = label
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            r, c = divmod(int(cell), cols)
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols:
                    n = nr * cols + nc
                    if flat_free[n] and flat_labels[n] < 0:
                        flat_labels[n] = label
                        queue.append(n)
        label += 1
    return labels


def _landing_label(labels, lons, lats, lonlat):
    """Component of the free cell nearest to the landing, within LANDING_REACH_CELLS cells."""
    r0, c0 = int(np.argmin(np.abs(lats - lonlat[1]))), int(np.argmin(np.abs(lons - lonlat[0])))
    best = None
    for r in range(r0 - LANDING_REACH_CELLS, r0 + LANDING_REACH_CELLS + 1):
        for c in range(c0 - LANDING_REACH_CELLS, c0 + LANDING_REACH_CELLS + 1):
            if 0 <= r < labels.shape[0] and 0 <= c < labels.shape[1] and labels[r, c] >= 0:
                distance = (r - r0) ** 2 + (c - c0) ** 2
                if best is None or distance < best[0]:
                    best = (distance, int(labels[r, c]))
    return None if best is None else best[1]


def validate(out: Path) -> list:
    report = []
    manifest_path = out / "manifest.json"
    names = dict(manifest.MANIFEST)  # the default names apply where there is no manifest
    if manifest_path.exists():
        names = json.loads(manifest_path.read_text(encoding="utf-8"))
    for key in ("seaPolygon", "bathymetry", "waterSurfaceM", "landings", "hazards"):
        if key not in names:
            _fail(manifest_path, f"key {key} is missing")
    sea = check_sea(out / names["seaPolygon"], report)
    grid = check_grid(out / names["bathymetry"], sea, names["waterSurfaceM"], report)
    landings = check_landings(out / names["landings"], sea, grid, names["waterSurfaceM"], report)
    hazards = check_hazards(out / names["hazards"], sea, report)
    check_routability(out / names["hazards"], sea, landings, hazards, report)
    return report
