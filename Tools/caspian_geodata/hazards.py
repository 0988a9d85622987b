"""Hazards and seabed users: fields, platforms, pipelines, ports, ferry lanes, protected areas and
the Kazakhstan-Azerbaijan sector boundary.

Positions and sizes are the public estimates gathered in the project's facts ("Seabed users and
hazards"), with a public source named in each feature where one is known. Outlines, pipeline and
lane paths are NOT published: they are drawn schematically (a rectangle of the stated size and
orientation, a disc, or a polyline through open water) and labelled `schematic: true`. Every
polygon is clipped to the sea polygon; every line is checked to stay in the water.
"""

import math

from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.polygon import orient
from shapely.ops import substring

from . import coast, geo, sources

FACTS = "caspian-link project facts (public reporting): position and size estimates"
UNCLOS = "UNCLOS art. 60(5): 500 m safety zone around installations"
BP_ACG = ("https://www.bp.com/en_az/azerbaijan/home/who-we-are/operationsprojects/acg2.html; "
          "platforms: https://report.az/en/energy/acg-production-reaches-3-bln-barrels-of-oil/")
SHAH_DENIZ_SOURCE = "https://www.nsenergybusiness.com/projects/shah-deniz-gas-field-development/"
OIL_ROCKS_SOURCE = "https://en.wikipedia.org/wiki/Neft_Da%C5%9Flar%C4%B1 (40.236 N 50.858 E)"
SD_PIPELINES = ("https://bp.com/en_az/azerbaijan/home/news/press-releases/"
                "shah-deniz-subsea-pipelay-successfully-completed.html (three 90 km lines: 26\" gas, "
                "12\" condensate, 4\" MEG)")
SANGACHAL = (49.481, 40.201)  # terminal, onshore; pipelines end at its landfall
LANDFALL_OFFSET_M = 200.0  # schematic pipelines end this far out from the Sangachal coastline
PORT_OFFSET_M = 500.0  # ferry lanes start this far out from the coast nearest to the port


def rectangle(center, length_km: float, width_km: float, azimuth_deg: float) -> Polygon:
    """A length x width rectangle centred on `center`, long axis along `azimuth_deg` (from north)."""
    frame = geo.LocalFrame(*center)
    a = math.radians(azimuth_deg)
    ux, uy = math.sin(a), math.cos(a)  # along the long axis
    vx, vy = uy, -ux  # across it
    hl, hw = length_km * 500.0, width_km * 500.0
    corners = [(sl * hl * ux + sw * hw * vx, sl * hl * uy + sw * hw * vy)
               for sl, sw in ((1, 1), (1, -1), (-1, -1), (-1, 1))]
    return frame.to_degrees(Polygon(corners))


def disc(center, radius_km: float) -> Polygon:
    frame = geo.LocalFrame(*center)
    return frame.to_degrees(Point(0.0, 0.0).buffer(radius_km * 1000.0, quad_segs=16))


def along_axis(center, azimuth_deg: float, along_km: float, across_km: float = 0.0):
    """A point `along_km` along the axis through `center` and `across_km` to its right."""
    lon, lat = geo.destination(*center, azimuth_deg, along_km * 1000.0)
    if across_km:
        lon, lat = geo.destination(lon, lat, azimuth_deg + 90.0, across_km * 1000.0)
    return lon, lat


# Outlines are clipped to the sea shrunk by this much, so that snapping their vertices to the 1e-6
# degree grid cannot push them over the coastline: every clipped outline is strictly covered by the sea.
COAST_INSET_DEG = 1e-6


def clipped(sea, polygon, name: str) -> Polygon:
    inner_sea = sea.buffer(-COAST_INSET_DEG, join_style="mitre")
    part = geo.largest_polygon(geo.rounded(inner_sea.intersection(polygon)))
    if part.is_empty:
        raise sources.SourceError(f"hazard {name!r}: outline does not reach the sea")
    if not sea.covers(part):
        raise sources.SourceError(f"hazard {name!r}: clipped outline still crosses the coastline")
    return part


def props(kind, name, source, confidence, constraint, schematic, note=None, **extra):
    properties = {"kind": kind, "name": name, "source": source, "confidence": confidence,
                  "constraint": constraint, "schematic": schematic}
    if note:
        properties["note"] = note
    properties.update(extra)
    return properties


# --- oil and gas fields ---------------------------------------------------------------------------
ACG = (51.098, 40.220)
ACG_AZIMUTH = 125.0
SHAH_DENIZ = (50.377, 39.937)
OIL_ROCKS = (50.860, 40.238)

# name, centre, length km, width km, azimuth, constraint, confidence, note[, source]
FIELDS = [
    ("Azeri-Chirag-Deepwater Gunashli (ACG)", ACG, 50, 10, ACG_AZIMUTH, "no-go", "medium",
     "producing (bp-operated); ~50 x 10 km, NW-SE; outline drawn as a rectangle", BP_ACG),
    ("Shah Deniz", SHAH_DENIZ, 20, 7, 120, "no-go", "medium",
     "producing gas-condensate field (bp-operated); ~20 x 7 km; outline drawn as a rectangle",
     SHAH_DENIZ_SOURCE),
    ("Neft Dashlari (Oil Rocks)", OIL_ROCKS, 10, 4, ACG_AZIMUTH, "no-go", "low",
     "producing since 1949, settlement of platforms on trestles; extent schematic", OIL_ROCKS_SOURCE),
    ("Absheron", (50.65, 40.00), 12, 6, 135, "no-go", "low",
     "producing gas-condensate field (early production 2023); extent schematic"),
    ("Umid", (50.00, 39.80), 10, 6, 135, "no-go", "low", "producing gas field; extent schematic"),
    ("Karabakh", (51.10, 40.40), 8, 5, ACG_AZIMUTH, "no-go", "low",
     "field under development; production status not confirmed, treated as no-go; extent schematic"),
    ("Ashrafi-Dan Ulduzu-Aypara", (50.65, 41.00), 30, 12, 135, "soft", "low",
     "exploration / appraisal area (~30 km); extent schematic"),
    ("Block D230", (51.00, 41.27), 57, 25, 135, "soft", "low",
     "exploration block (~57 km); extent schematic"),
    ("Tsentralnoye", (49.35, 43.20), 20, 10, 135, "soft", "low",
     "Russia-Kazakhstan exploration structure; extent schematic"),
    ("Turkmen Block 1", (52.30, 39.55), 25, 15, 135, "no-go", "low",
     "producing gas-condensate fields (Petronas); extent schematic"),
    ("Cheleken contract area", (52.80, 39.40), 25, 12, 160, "no-go", "low",
     "producing fields (Dragon Oil); extent schematic"),
]
PIRALLAHI = ("Pirallahi shallow fields", (50.35, 40.45), 6.0, "no-go", "low",
             "old producing shallow-water fields around Pirallahi island; drawn as a 6 km disc around "
             "the island")


def fields(sea):
    out = []
    for name, center, length, width, azimuth, constraint, confidence, note, *cited in FIELDS:
        outline = clipped(sea, rectangle(center, length, width, azimuth), name)
        source = "; ".join(cited + [FACTS])
        out.append((props("field", name, source, confidence, constraint, True, note,
                          centreLonLat=list(center)), outline))
    name, center, radius, constraint, confidence, note = PIRALLAHI
    out.append((props("field", name, FACTS, confidence, constraint, True, note, centreLonLat=list(center)),
                clipped(sea, disc(center, radius), name)))
    return out


# --- platforms ------------------------------------------------------------------------------------
# name, (along km, across km) on the ACG axis from its centre, or an explicit position
ACG_PLATFORMS = [
    ("Deepwater Gunashli platform", (-19.0, 0.0)),
    ("West Chirag platform", (-12.0, 2.5)),
    ("Chirag-1 platform", (-9.0, 0.0)),
    ("West Azeri platform", (-1.0, 0.0)),
    ("Central Azeri platform", (5.0, 0.0)),
    ("Azeri Central East platform", (10.0, -1.5)),
    ("East Azeri platform", (15.0, 0.0)),
]
SHAH_DENIZ_PLATFORMS = [("Shah Deniz Alpha platform", (-3.0, 0.0)), ("Shah Deniz Bravo platform", (2.0, 0.0))]
SAFETY_ZONE_M = 500


def platform_positions():
    """name -> ((lon, lat), source); only Neft Dashlari has a published position."""
    positions = {"Neft Dashlari (Oil Rocks) central platform": (OIL_ROCKS, OIL_ROCKS_SOURCE)}
    for name, (along, across) in ACG_PLATFORMS:
        positions[name] = (along_axis(ACG, ACG_AZIMUTH, along, across), BP_ACG)
    for name, (along, across) in SHAH_DENIZ_PLATFORMS:
        positions[name] = (along_axis(SHAH_DENIZ, 120.0, along, across), SHAH_DENIZ_SOURCE)
    return positions


def platforms(positions):
    out = []
    for name, (position, source) in positions.items():
        public = position == OIL_ROCKS
        note = ("position of the Oil Rocks settlement as published" if public else
                "platform exists; its published position is not available here, so it is placed "
                "schematically inside the field outline")
        out.append((props("platform", name, f"{source}; {UNCLOS}", "medium" if public else "low", "no-go",
                          not public, note, safetyZoneM=SAFETY_ZONE_M),
                    Point(round(position[0], 6), round(position[1], 6))))
    return out


# --- lines through the water --------------------------------------------------------------------
def water_line(sea, points, name: str) -> LineString:
    line = LineString([(round(x, 6), round(y, 6)) for x, y in points])
    if not sea.covers(line):
        outside = line.difference(sea)
        raise sources.SourceError(f"line {name!r} leaves the water near "
                                  f"{outside.representative_point().coords[0]}")
    return line


def seaward(sea, position, offset_m):
    return coast.snap_seaward(sea, position[0], position[1], offset_m)[1]


def pipelines(sea, positions):
    landfall = seaward(sea, SANGACHAL, LANDFALL_OFFSET_M)
    bahar = (50.10, 40.17)
    at = {name: position for name, (position, _) in positions.items()}
    specs = [
        ("ACG-Sangachal export pipelines (two 30\" oil, one 28\" gas)",
         [at["Central Azeri platform"], (50.60, 40.16), (50.10, 40.13), (49.75, 40.15), landfall],
         "ACG export lines to the Sangachal terminal (49.481 E 40.201 N); path not published, drawn "
         "through open water south of the Absheron peninsula to the landfall", BP_ACG),
        ("Shah Deniz-Sangachal pipelines",
         [at["Shah Deniz Alpha platform"], (50.00, 40.02), (49.75, 40.10), landfall],
         "Shah Deniz gas and condensate lines to Sangachal (~90 km); path not published", SD_PIPELINES),
        ("Chirag-Oil Rocks 16\" pipeline",
         [at["Chirag-1 platform"], OIL_ROCKS],
         "published length 48 km; the real path is not public, drawn as a straight line", FACTS),
        ("Oil Rocks-Bahar pipeline",
         [OIL_ROCKS, (50.55, 40.20), bahar],
         "published length 67 km; Bahar field position (50.10, 40.17) is an estimate", FACTS),
    ]
    return [(props("pipeline", name, source if source == FACTS else f"{source}; {FACTS}", "low", "soft",
                   True, note), water_line(sea, points, name))
            for name, points, note, source in specs]


PORTS = [
    ("Aktau port approach", (51.218, 43.595)),
    ("Kuryk port approach", (51.72, 43.08)),
    ("Bautino port approach", (50.25, 44.55)),
    ("Alat (Port of Baku) approach", (49.42, 39.94)),
    ("Turkmenbashi port approach", (53.03, 40.00)),
]
PORT_RADIUS_KM = 4.0


def ports(sea):
    out = []
    for name, position in PORTS:
        note = f"anchorage / approach drawn as the water within {PORT_RADIUS_KM:.0f} km of the port position"
        out.append((props("port", name, FACTS, "low", "soft", True, note, portLonLat=list(position)),
                    clipped(sea, disc(position, PORT_RADIUS_KM), name)))
    return out


FERRY_WIDTH_M = 2000
# Waypoints in open water: round the Absheron peninsula east of Pirallahi and west of Chilov island.
ABSHERON_ROUNDING = [(50.55, 40.60), (50.48, 40.32), (50.45, 40.17), (50.20, 40.10), (49.75, 40.02)]


def ferry_lanes(sea):
    port = {name.split(" ")[0]: seaward(sea, position, PORT_OFFSET_M) for name, position in PORTS}
    alat_ferries = "https://www.railwaypro.com/wp/azerbaijan-and-kazakhstan-to-launch-new-rail-ferries/"
    specs = [
        ("Aktau-Alat ferry lane", [port["Aktau"], (50.90, 42.50)] + ABSHERON_ROUNDING + [port["Alat"]],
         alat_ferries),
        ("Kuryk-Alat ferry lane", [port["Kuryk"], (51.00, 42.20)] + ABSHERON_ROUNDING + [port["Alat"]],
         alat_ferries),
        ("Turkmenbashi-Alat ferry lane",
         [port["Turkmenbashi"], (53.06, 39.90), (53.08, 39.71), (52.80, 39.68), (51.50, 39.80), (50.40, 39.82),
          (49.75, 39.92), port["Alat"]],
         "https://www.newscentralasia.net/2023/06/19/in-january-may-2023-the-turkmenbashi-port-received-"
         "over-200-ships-from-azerbaijan/"),
    ]
    note = "Middle Corridor ferry service; track not published, drawn schematically through open water"
    return [(props("ferry-lane", name, f"{source}; {FACTS}", "low", "soft", True, note, widthM=FERRY_WIDTH_M),
             water_line(sea, points, name)) for name, points, source in specs]


def protected_areas(sea):
    specs = [
        ("Absheron National Park (marine part)", disc((50.359, 40.284), 5.0), "soft", "medium",
         "Caspian seals in the park's waters mostly in May-August: avoid works then; water within 5 km "
         "of the park", "http://eco.gov.az/en/626-abseron-milli-parki"),
        ("Karakiya-Karakol reserve (coastal waters)", disc((51.29, 43.52), 10.0), "soft", "low",
         "bird reserve on the coast south of Aktau; water within 10 km of the reserve centre", FACTS),
        ("Tyuleniy (Seal) islands", disc((50.2, 44.8), 15.0), "no-go", "low",
         "Caspian seal rookeries; water within 15 km of the archipelago centre", FACTS),
        ("Turkmenbashy Bay Ramsar site", disc((53.35, 39.77), 20.0), "soft", "low",
         "Ramsar site no. 1855 (2,671 km2 of shallow bays, spits and islands, within the Khazar reserve); "
         "drawn as the water within 20 km of the site centre",
         "https://rsis.ramsar.org/ris/1855 (39 46 N 53 21 E)"),
        ("North Caspian reserve zone", box(46.0, 44.5, 55.5, 48.0), "soft", "low",
         "state reserve zone of the shallow North Caspian; drawn as all water north of 44.5 N", FACTS),
    ]
    return [(props("protected-area", name, source if source == FACTS else f"{source}; {FACTS}", confidence,
                   constraint, True, note), clipped(sea, outline, name))
            for name, outline, constraint, confidence, note, source in specs]


# --- sector boundary ------------------------------------------------------------------------------
TRIJUNCTION_RU_KZ_AZ = (49.888, 42.56)
# Where Natural Earth land boundaries meet the Caspian coast (ne_10m_admin_0_boundary_lines_land
# endpoints on the sea polygon), used to cut the coastline into national coasts.
COAST_BORDERS = {"KZ-TM": (52.438, 41.749), "RU-KZ": (49.227, 46.328), "RU-AZ": (48.579, 41.845),
                 "AZ-IR": (48.874, 38.434), "IR-TM": (53.914, 37.343)}


def national_coasts(sea, frame):
    ring = orient(sea, sign=1.0).exterior  # counter-clockwise: KZ-TM, RU-KZ, RU-AZ, AZ-IR, IR-TM
    at = {key: ring.project(Point(*value), normalized=True) for key, value in COAST_BORDERS.items()}

    def cut(start, end):
        if at[start] < at[end]:
            return frame.to_metres(substring(ring, at[start], at[end], normalized=True))
        return frame.to_metres(substring(ring, at[start], 1.0, normalized=True)).union(
            frame.to_metres(substring(ring, 0.0, at[end], normalized=True)))

    return {"KZ": cut("KZ-TM", "RU-KZ"), "AZ": cut("RU-AZ", "AZ-IR"), "TM": cut("IR-TM", "KZ-TM")}


def median_line_kz_az(sea):
    """Equidistance line between the Kazakh and Azerbaijani mainland coasts, from the RU-KZ-AZ
    tri-junction south to where the Turkmen coast is as near (the AZ-KZ-TM tri-point)."""
    frame = geo.LocalFrame(50.5, 42.0)
    coasts = national_coasts(sea, frame)

    def gap(lon, lat):
        p = frame.to_metres(Point(lon, lat))
        return coasts["AZ"].distance(p) - coasts["KZ"].distance(p), p

    points = [TRIJUNCTION_RU_KZ_AZ]
    lat = TRIJUNCTION_RU_KZ_AZ[1]
    while True:
        lat = round(lat - 0.05, 6)
        west, east = 48.5, 53.0
        for _ in range(40):  # bisection: AZ distance minus KZ distance grows towards the east
            mid = (west + east) / 2
            if gap(mid, lat)[0] > 0:
                east = mid
            else:
                west = mid
        lon = (west + east) / 2
        p = gap(lon, lat)[1]
        if coasts["TM"].distance(p) <= coasts["KZ"].distance(p):
            break
        points.append((lon, lat))
    return LineString(points)


def sector_boundary(sea):
    line = water_line(sea, median_line_kz_az(sea).coords, "KZ-AZ median line")
    note = ("Kazakhstan-Azerbaijan seabed sector boundary drawn as the equidistance line between the "
            "Natural Earth mainland coasts (islands ignored), from the RU-KZ-AZ tri-junction at 49.888 E "
            "42.56 N south to the approximate AZ-KZ-TM tri-point; the treaty coordinates (2003 agreement) "
            "are not used. A cable crossing it needs the consent of both states (2018 Caspian Convention)")
    source = ("Convention on the Legal Status of the Caspian Sea (Aktau, 2018-08-12), art. 14; tri-junction: "
              f"{FACTS}; coasts: Natural Earth 10m ne_10m_ocean and ne_10m_admin_0_boundary_lines_land")
    return [(props("sector-boundary", "Kazakhstan-Azerbaijan median line", source, "low", "info", True, note),
             line)]


def build(sea):
    positions = platform_positions()
    return (fields(sea) + platforms(positions) + pipelines(sea, positions) + ports(sea)
            + ferry_lanes(sea) + protected_areas(sea) + sector_boundary(sea))
