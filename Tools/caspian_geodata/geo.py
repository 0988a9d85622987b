"""Shared geometry helpers: local metric frames, geodesic distances, deterministic GeoJSON output.

Coordinates are (longitude, latitude) in degrees WGS84 everywhere. Metric work (buffers, offsets,
nearest points) happens in an azimuthal equidistant projection centred on the feature, so
distances near the centre are true to well under 0.1 %. Lengths that are reported are geodesic
on the WGS84 ellipsoid (pyproj.Geod, i.e. Karney's algorithm as in PROJ).
"""

import json

import shapely
import shapely.errors
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import transform

WGS84 = Geod(ellps="WGS84")
DECIMALS = 6


class LocalFrame:
    """Azimuthal equidistant projection centred on (lon, lat), metres."""

    def __init__(self, lon: float, lat: float):
        definition = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
        self._forward = Transformer.from_crs("EPSG:4326", definition, always_xy=True)
        self._inverse = Transformer.from_crs(definition, "EPSG:4326", always_xy=True)

    def to_metres(self, geometry):
        return transform(self._forward.transform, geometry)

    def to_degrees(self, geometry):
        return transform(self._inverse.transform, geometry)


def geodesic_distance_m(a, b) -> float:
    """Geodesic distance in metres between two (lon, lat) pairs."""
    _, _, distance = WGS84.inv(a[0], a[1], b[0], b[1])
    return distance


def destination(lon: float, lat: float, azimuth_deg: float, distance_m: float):
    """The point reached from (lon, lat) along the geodesic with the given azimuth (clockwise from north)."""
    end_lon, end_lat, _ = WGS84.fwd(lon, lat, azimuth_deg, distance_m)
    return end_lon, end_lat


def rounded(geometry):
    """Snaps a geometry to the 1e-6 degree grid used in the files (keeps polygons valid)."""
    return shapely.set_precision(geometry, 10.0 ** -DECIMALS)


def largest_polygon(geometry) -> Polygon:
    """The largest polygonal part of a (Multi)Polygon or collection, or an empty Polygon."""
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if isinstance(g, (Polygon, MultiPolygon))]
    polygons = [p for part in parts for p in getattr(part, "geoms", [part]) if not p.is_empty]
    if not polygons:
        return Polygon()
    return max(polygons, key=lambda p: p.area)


def _number(value: float) -> str:
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _position(coordinate) -> str:
    return f"[{_number(coordinate[0])}, {_number(coordinate[1])}]"


def _ring_text(coordinates, indent: str) -> str:
    return "[\n" + ",\n".join(indent + "  " + _position(c) for c in coordinates) + "\n" + indent + "]"


def geometry_text(geometry) -> str:
    """RFC 7946 geometry: lon/lat, exterior rings counter-clockwise, holes clockwise, 6 decimals."""
    kind = geometry.geom_type
    if kind == "Point":
        return '{"type": "Point", "coordinates": ' + _position(geometry.coords[0]) + "}"
    if kind == "LineString":
        body = _ring_text(geometry.coords, "    ")
        return '{"type": "LineString", "coordinates": ' + body + "}"
    if kind == "Polygon":
        return '{"type": "Polygon", "coordinates": ' + _polygon_text(geometry, "    ") + "}"
    if kind == "MultiPolygon":
        parts = ",\n".join("    " + _polygon_text(p, "    ") for p in geometry.geoms)
        return '{"type": "MultiPolygon", "coordinates": [\n' + parts + "\n  ]}"
    raise ValueError(f"unsupported geometry type {kind}")


def _polygon_text(polygon: Polygon, indent: str) -> str:
    polygon = orient(polygon, sign=1.0)
    rings = [polygon.exterior.coords] + [hole.coords for hole in polygon.interiors]
    return "[\n" + ",\n".join(indent + "  " + _ring_text(r, indent + "  ") for r in rings) + "\n" + indent + "]"


def feature_collection_text(features) -> str:
    """A FeatureCollection of (properties dict, shapely geometry) pairs as deterministic text."""
    parts = []
    for properties, geometry in features:
        props = json.dumps(properties, ensure_ascii=False)
        parts.append('{"type": "Feature",\n  "properties": ' + props + ",\n  "
                     '"geometry": ' + geometry_text(geometry) + "}")
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(parts) + "\n]}\n"


def write_text(path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def read_feature_collection(path):
    """(properties, shapely geometry) pairs from a GeoJSON FeatureCollection file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("type") != "FeatureCollection":
            raise ValueError("not a FeatureCollection")
        return [(f.get("properties") or {}, shapely.geometry.shape(f["geometry"])) for f in data["features"]]
    except (ValueError, KeyError, TypeError, AttributeError, shapely.errors.GEOSException) as error:
        raise ValueError(f"{path}: unreadable GeoJSON: {error}") from None
