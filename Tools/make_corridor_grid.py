#!/usr/bin/env python3
"""Synthetic survey grid for the corridor benchmark.

Writes OUT.bil + OUT.hdr (ESRI BIL, float32, longitude/latitude WGS84 by its extent in degrees):
cells of about CELL metres covering every point within HALF_WIDTH_KM of the straight line between
two positions (default the Aktau and Sumgait landings), no data elsewhere. Each value is the
bundled ETOPO1 grid's elevation there (bilinear) plus a ripple of a few metres, so that the
seabed looks like a survey and every cell differs from its neighbours, and at least 1 m below the
Caspian's surface (-29.35 m): the 0.1 deg grid is dry near some landings where the sea is not,
and a synthetic survey should not invent dry land (a survey grid outranks the sea polygon).

With --arcsec S it writes instead a whole-sea grid the size of a GEBCO subset: cells of S arc
seconds (15 for GEBCO 2024) both ways over the bundled grid's whole extent, no corridor, the same
values (GEBCO itself is NetCDF int16; this is float32 BIL, which GDAL reads the same way).

Usage: make_corridor_grid.py OUT [--cell 50] [--half-width-km 20] [--grid Geodata/...asc]
       [--from 51.137379,43.63363] [--to 49.673117,40.612676]
       make_corridor_grid.py OUT --arcsec 15
Needs numpy.
"""

import argparse
import math
from pathlib import Path

import numpy as np

M_PER_DEG = 111_320.0
WATER_SURFACE_M = -29.35


def read_asc(path):
    header = {}
    with open(path) as f:
        for _ in range(6):
            key, value = f.readline().split()
            header[key.lower()] = float(value)
        data = np.loadtxt(f, dtype=np.float64)
    data[data == header["nodata_value"]] = np.nan
    west = header.get("xllcenter", header.get("xllcorner", 0) + header["cellsize"] / 2)
    south = header.get("yllcenter", header.get("yllcorner", 0) + header["cellsize"] / 2)
    return data, west, south, header["cellsize"]


def bilinear(data, west, south, cell, lon, lat):
    rows = data.shape[0]
    x = (lon - west) / cell
    y = (rows - 1) - (lat - south) / cell
    x0 = np.clip(np.floor(x).astype(int), 0, data.shape[1] - 2)
    y0 = np.clip(np.floor(y).astype(int), 0, rows - 2)
    tx = np.clip(x - x0, 0, 1)
    ty = np.clip(y - y0, 0, 1)
    return (
        data[y0, x0] * (1 - tx) * (1 - ty)
        + data[y0, x0 + 1] * tx * (1 - ty)
        + data[y0 + 1, x0] * (1 - tx) * ty
        + data[y0 + 1, x0 + 1] * tx * ty
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--cell", type=float, default=50.0)
    parser.add_argument("--half-width-km", type=float, default=20.0)
    parser.add_argument("--grid", default="Geodata/caspian-etopo1-0.1deg.asc")
    parser.add_argument("--from", dest="start", default="51.137379,43.63363")
    parser.add_argument("--to", dest="end", default="49.673117,40.612676")
    parser.add_argument("--arcsec", type=float, help="whole-sea grid of cells this many arc seconds")
    args = parser.parse_args()
    lon0, lat0 = map(float, args.start.split(","))
    lon1, lat1 = map(float, args.end.split(","))
    mid = math.radians((lat0 + lat1) / 2)
    data, gwest, gsouth, gcell = read_asc(args.grid)
    if args.arcsec:
        dlat = dlon = args.arcsec / 3600
        margin = math.inf
        # The bundled grid's coverage (its cell centres are gwest, gsouth, ...).
        west = gwest - gcell / 2
        east = gwest + (data.shape[1] - 0.5) * gcell
        south = gsouth - gcell / 2
        north = gsouth + (data.shape[0] - 0.5) * gcell
    else:
        dlat = args.cell / M_PER_DEG
        dlon = args.cell / (M_PER_DEG * math.cos(mid))
        margin = args.half_width_km * 1000
        west = min(lon0, lon1) - margin / (M_PER_DEG * math.cos(mid))
        east = max(lon0, lon1) + margin / (M_PER_DEG * math.cos(mid))
        south = min(lat0, lat1) - margin / M_PER_DEG
        north = max(lat0, lat1) + margin / M_PER_DEG
    cols = int(math.ceil((east - west) / dlon - 1e-9))
    rows = int(math.ceil((north - south) / dlat - 1e-9))

    # Local metres (equirectangular at the middle latitude) for the distance to the line.
    ax, ay = 0.0, 0.0
    bx = (lon1 - lon0) * M_PER_DEG * math.cos(mid)
    by = (lat1 - lat0) * M_PER_DEG
    length2 = bx * bx + by * by
    out = np.full((rows, cols), np.nan, dtype=np.float32)
    lons = west + (np.arange(cols) + 0.5) * dlon
    for r0 in range(0, rows, 512):
        r1 = min(rows, r0 + 512)
        lats = north - (np.arange(r0, r1) + 0.5) * dlat
        lon, lat = np.meshgrid(lons, lats)
        px = (lon - lon0) * M_PER_DEG * math.cos(mid)
        py = (lat - lat0) * M_PER_DEG
        t = np.clip(((px - ax) * bx + (py - ay) * by) / length2, 0, 1)
        dist = np.hypot(px - t * bx, py - t * by)
        inside = dist <= margin
        base = bilinear(data, gwest, gsouth, gcell, lon, lat)
        ripple = 3.0 * np.sin(2 * math.pi * px / 400.0) * np.cos(2 * math.pi * py / 650.0)
        block = np.where(inside, np.minimum(base + ripple, WATER_SURFACE_M - 1), np.nan).astype(np.float32)
        out[r0:r1] = block
    out_path = Path(args.out)
    nodata = -99999.0
    np.nan_to_num(out, nan=nodata).astype("<f4").tofile(out_path.with_suffix(".bil"))
    out_path.with_suffix(".hdr").write_text(
        "\n".join(
            [
                "BYTEORDER I",
                "LAYOUT BIL",
                f"NROWS {rows}",
                f"NCOLS {cols}",
                "NBANDS 1",
                "NBITS 32",
                "PIXELTYPE FLOAT",
                f"ULXMAP {west + dlon / 2!r}",
                f"ULYMAP {north - dlat / 2!r}",
                f"XDIM {dlon!r}",
                f"YDIM {dlat!r}",
                f"NODATA {nodata}",
                "",
            ]
        )
    )
    valid = int(np.count_nonzero(~np.isnan(out)))
    size = f'{args.arcsec:g}"' if args.arcsec else f"{args.cell:g} m"
    print(f"{out_path.with_suffix('.bil')}: {cols} x {rows} cells of {size}, {valid} with data")


if __name__ == "__main__":
    main()
