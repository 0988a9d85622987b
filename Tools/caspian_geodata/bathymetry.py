"""Seabed relief of the Caspian from ETOPO1 (bedrock) resampled to 0.1 degrees.

The netCDF4 file in pybacktrack 1.5.0 (`ETOPO1_0.1.grd`, GMT grdsample -I0.1 of ETOPO1_Bed_g)
holds elevations in metres relative to mean ocean level on grid LINES (lon 0..360, lat -90..90,
step 0.1 degrees). The window is cut out unchanged (values are whole metres; float noise of 1e-12
is rounded away) and written as an ESRI ASCII grid with xllcenter/yllcenter, because each value
belongs to a grid node.
"""

import io
from dataclasses import dataclass

import numpy as np

from . import sources

STEP_DEG = 0.1
# Window, degrees: the Caspian (lon 46.68..54.77, lat 36.58..47.12) plus a margin of at least 0.38.
WEST, EAST, SOUTH, NORTH = 46.0, 55.5, 36.0, 47.5
NODATA = -99999


@dataclass(frozen=True)
class Grid:
    west: float  # longitude of the first column's nodes, degrees
    south: float  # latitude of the last (southernmost) row's nodes, degrees
    step: float  # node spacing, degrees
    elevation: np.ndarray  # metres, shape (nrows, ncols), row 0 = SOUTH (ascending latitude)

    @property
    def nrows(self) -> int:
        return self.elevation.shape[0]

    @property
    def ncols(self) -> int:
        return self.elevation.shape[1]

    @property
    def east(self) -> float:
        return round(self.west + (self.ncols - 1) * self.step, 6)

    @property
    def north(self) -> float:
        return round(self.south + (self.nrows - 1) * self.step, 6)

    def node_index(self, lon: float, lat: float):
        """(row, column) of the node nearest to (lon, lat), i.e. the cell the point falls in."""
        return round((lat - self.south) / self.step), round((lon - self.west) / self.step)

    def elevation_at(self, lon: float, lat: float) -> float:
        row, col = self.node_index(lon, lat)
        return float(self.elevation[row, col])

    def node_lonlat(self, row: int, col: int):
        return round(self.west + col * self.step, 6), round(self.south + row * self.step, 6)


def _index(axis: np.ndarray, value: float) -> int:
    index = int(np.argmin(np.abs(axis - value)))
    if abs(axis[index] - value) > 1e-6:
        raise sources.SourceError(f"{sources.ETOPO_GRID}: no grid line at {value}")
    return index


def caspian_grid(etopo_wheel) -> Grid:
    import netCDF4

    data = sources.read_member(etopo_wheel, sources.ETOPO_GRID)
    with netCDF4.Dataset("ETOPO1_0.1.grd", mode="r", memory=data) as dataset:
        lon = np.asarray(dataset["lon"][:], dtype=float)
        lat = np.asarray(dataset["lat"][:], dtype=float)
        if not np.allclose(np.diff(lon), STEP_DEG) or not np.allclose(np.diff(lat), STEP_DEG):
            raise sources.SourceError(f"{sources.ETOPO_GRID}: spacing is not {STEP_DEG} degrees")
        i0, i1 = _index(lon, WEST), _index(lon, EAST)
        j0, j1 = _index(lat, SOUTH), _index(lat, NORTH)
        window = np.ma.filled(dataset["z"][j0 : j1 + 1, i0 : i1 + 1], np.nan).astype(float)
    if np.isnan(window).any():
        raise sources.SourceError(f"{sources.ETOPO_GRID}: missing values in the Caspian window")
    # The values are whole metres apart from float noise (one node holds -2.7e-12 for 0).
    if np.abs(window - np.round(window)).max() > 1e-3:
        raise sources.SourceError(f"{sources.ETOPO_GRID}: expected whole metres in the Caspian window")
    return Grid(west=WEST, south=SOUTH, step=STEP_DEG, elevation=np.round(window) + 0.0)


def ascii_grid_text(grid: Grid) -> str:
    """ESRI ASCII grid, rows north to south, whole metres."""
    out = io.StringIO()
    out.write(f"ncols {grid.ncols}\n")
    out.write(f"nrows {grid.nrows}\n")
    out.write(f"xllcenter {grid.west:.1f}\n")
    out.write(f"yllcenter {grid.south:.1f}\n")
    out.write(f"cellsize {grid.step:.1f}\n")
    out.write(f"NODATA_value {NODATA}\n")
    for row in grid.elevation[::-1]:
        out.write(" ".join(str(int(v)) for v in row) + "\n")
    return out.getvalue()


def read_ascii_grid(path) -> Grid:
    """Reads an ESRI ASCII grid (xll/yll corner or center, cellsize or equal dx/dy) for the output check.

    NODATA cells become NaN. Raises ValueError if the header and the data disagree.
    """
    lines = path.read_text(encoding="ascii").splitlines()
    header = {}
    while lines and lines[0].split() and lines[0].split()[0][0].isalpha():
        key, value = lines.pop(0).split()
        header[key.lower()] = float(value)
    step = header.get("cellsize", header.get("dx"))
    if step is None or header.get("dy", step) != step:
        raise ValueError("grid cells are not square (cellsize, or equal dx and dy, required)")
    half = step / 2 if "xllcorner" in header else 0.0
    west = header["xllcorner"] + half if "xllcorner" in header else header["xllcenter"]
    south = header["yllcorner"] + half if "yllcorner" in header else header["yllcenter"]
    rows = np.array([[float(v) for v in line.split()] for line in lines if line.strip()])
    if rows.shape != (int(header["nrows"]), int(header["ncols"])):
        raise ValueError(f"data shape {rows.shape} does not match the header "
                         f"({int(header['nrows'])} x {int(header['ncols'])})")
    if "nodata_value" in header:
        rows[rows == header["nodata_value"]] = np.nan
    return Grid(west=west, south=south, step=step, elevation=rows[::-1])
