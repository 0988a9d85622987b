"""Snapping a shore position onto the sea polygon's coastline and moving it seaward."""

from shapely.geometry import Point, box
from shapely.ops import nearest_points

from . import geo

# Half-size of the window of sea polygon worked on around a point, degrees. The window's
# artificial edges stay tens of kilometres away from any point snapped within it.
WINDOW_DEG = 0.6


def snap_seaward(sea, lon: float, lat: float, offset_m: float):
    """((coast lon, lat), (seaward lon, lat)) for a position on or near the shore.

    The coast point is the nearest point of the sea polygon's boundary (mainland or island coast);
    the seaward point is the nearest point, to that coast point, of the sea eroded by `offset_m`,
    so it lies in the water `offset_m` from the nearest coast.
    """
    frame = geo.LocalFrame(lon, lat)
    window = sea.intersection(box(lon - WINDOW_DEG, lat - WINDOW_DEG, lon + WINDOW_DEG, lat + WINDOW_DEG))
    local_sea = frame.to_metres(window)
    origin = Point(0.0, 0.0)
    coast = nearest_points(local_sea.boundary, origin)[0]
    eroded = local_sea.buffer(-offset_m, quad_segs=16)
    seaward = nearest_points(eroded, coast)[0]
    coast_ll = frame.to_degrees(coast).coords[0]
    seaward_ll = frame.to_degrees(seaward).coords[0]
    return coast_ll, seaward_ll
