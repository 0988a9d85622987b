"""Validates the files of a data set directory; raises CheckError naming the file and the problem."""

import json
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.validation import explain_validity

from . import bathymetry, geo


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
    if np.any(grid.elevation == bathymetry.NODATA):
        _fail(path, "grid has NODATA cells")
    lons = grid.west + grid.step * np.arange(grid.ncols)
    lats = grid.south + grid.step * np.arange(grid.nrows)
    lon2, lat2 = np.meshgrid(lons, lats)
    in_sea = shapely.contains_xy(sea, lon2, lat2)
    depth = water_surface_m - grid.elevation[in_sea]
    wet = depth > 0
    report.append(f"{path.name}: {grid.ncols} x {grid.nrows} nodes, step {grid.step} deg, nodes "
                  f"{grid.west}..{grid.east} E, {grid.south}..{grid.north} N; elevation "
                  f"{grid.elevation.min():.0f}..{grid.elevation.max():.0f} m; {int(in_sea.sum())} nodes in the "
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


def validate(out: Path) -> list:
    report = []
    manifest_path = out / "manifest.json"
    names = json.loads(manifest_path.read_text(encoding="utf-8"))
    for key in ("seaPolygon", "bathymetry", "waterSurfaceM", "landings", "hazards"):
        if key not in names:
            _fail(manifest_path, f"key {key} is missing")
    sea = check_sea(out / names["seaPolygon"], report)
    grid = check_grid(out / names["bathymetry"], sea, names["waterSurfaceM"], report)
    check_landings(out / names["landings"], sea, grid, names["waterSurfaceM"], report)
    return report
