import CaspianGDAL
import CaspianGeometry

/// What `geodata check` reports about a loaded data set, for people (a table) and programs (JSON).
public struct GeodataSummary: Codable, Sendable, Hashable {
  public struct Sea: Codable, Sendable, Hashable {
    public let file: String
    public let name: String?
    /// Geodesic area on WGS84, islands excluded, km².
    public let areaKm2: Double
    public let polygonCount: Int
    public let islandCount: Int
  }

  /// A lon/lat box, degrees.
  public struct Extent: Codable, Sendable, Hashable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double
  }

  public struct Grid: Codable, Sendable, Hashable {
    public let file: String
    public let columns: Int
    public let rows: Int
    public let cellWidthDegrees: Double
    public let cellHeightDegrees: Double
    public let extent: Extent
    /// Water-surface level, metres relative to mean ocean level.
    public let waterSurfaceM: Double
    /// Cells whose centre lies in the sea (with data).
    public let seaCellCount: Int
    /// Of those, cells whose seabed is at or above the water surface.
    public let drySeaCellCount: Int
    /// Shallowest water depth over the sea's cells, metres (positive down; ≤ 0 is dry).
    public let minDepthM: Double?
    /// Deepest water depth over the sea's cells, metres.
    public let maxDepthM: Double?
  }

  /// One grid file as read: what `geodata check` reports of each grid of a mosaic.
  public struct GridFile: Codable, Sendable, Hashable {
    public let file: String
    /// Driver, CRS, size, extent and cell size in the file's own CRS and unit.
    public let raster: RasterDescription
    /// Share of cells without a value, percent (of the grid as used, after any reprojection).
    public let noDataPercent: Double
    /// How the values relate to mean ocean level.
    public let positiveDown: Bool
    public let verticalOffsetM: Double
  }

  public struct LandingRow: Codable, Sendable, Hashable {
    public let name: String
    public let longitude: Double
    public let latitude: Double
    public let country: String?
    public let confidence: Confidence?
    /// Water depth from the grid at the landing point, metres (positive down), if known.
    public let gridDepthM: Double?
  }

  public struct Hazards: Codable, Sendable, Hashable {
    public let file: String?
    public let count: Int
    /// Number of features per kind (`field`, `platform`, …).
    public let byKind: [String: Int]
    /// Number of features per constraint (`no-go`, `soft`, `info`).
    public let byConstraint: [String: Int]
  }

  public let name: String
  public let sea: Sea
  public let grid: Grid
  public let landings: [LandingRow]
  public let hazards: Hazards
  /// Each grid file, in the order given (several are mosaicked).
  public let gridFiles: [GridFile]
  /// Each vector file: driver, layer, geometry type, feature count, CRS.
  public let vectorFiles: [VectorFileInfo]
  public let repairs: [String]
  public let warnings: [String]

  /// Summarises `set`: measures the sea on the ellipsoid and the depths of the grid cells in it.
  public init(_ set: GeodataSet) {
    name = set.name
    sea = Sea(
      file: set.files.seaPolygon.relativePath, name: set.sea.name,
      areaKm2: Geodesic.wgs84.area(of: set.sea.geometry) / 1_000_000, polygonCount: set.sea.polygons.count,
      islandCount: set.sea.islandCount)

    let grid = set.grid
    let inSea = grid.mask(inside: set.sea.polygons)
    var count = 0
    var dry = 0
    var shallowest = Double.infinity
    var deepest = -Double.infinity
    for (i, elevation) in grid.elevations.enumerated() where inSea[i] && !elevation.isNaN {
      let depth = set.waterSurfaceM - Double(elevation)
      count += 1
      if depth <= 0 { dry += 1 }
      shallowest = min(shallowest, depth)
      deepest = max(deepest, depth)
    }
    let extent = grid.extent
    self.grid = Grid(
      // In a mosaic, the lattice summarised is the coarsest grid's.
      file: set.grids.first {
        $0.grid.cellWidthDegrees == grid.cellWidthDegrees
          && $0.grid.cellHeightDegrees == grid.cellHeightDegrees
          && $0.grid.westLongitude == grid.westLongitude && $0.grid.northLatitude == grid.northLatitude
      }?.source.url.relativePath ?? set.files.bathymetry.relativePath,
      columns: grid.columnCount, rows: grid.rowCount,
      cellWidthDegrees: grid.cellWidthDegrees, cellHeightDegrees: grid.cellHeightDegrees,
      extent: Extent(
        west: extent.minLongitude, south: extent.minLatitude, east: extent.maxLongitude,
        north: extent.maxLatitude),
      waterSurfaceM: set.waterSurfaceM, seaCellCount: count, drySeaCellCount: dry,
      minDepthM: count > 0 ? shallowest : nil, maxDepthM: count > 0 ? deepest : nil)

    landings = set.landings.map {
      LandingRow(
        name: $0.name, longitude: $0.coordinate.longitude, latitude: $0.coordinate.latitude,
        country: $0.country,
        confidence: $0.confidence, gridDepthM: set.depthMetres(at: $0.coordinate))
    }
    hazards = Hazards(
      file: set.files.hazardFiles.isEmpty
        ? nil : set.files.hazardFiles.map(\.relativePath).joined(separator: ", "),
      count: set.hazards.count,
      byKind: Dictionary(grouping: set.hazards, by: \.kind.rawValue).mapValues(\.count),
      byConstraint: Dictionary(grouping: set.hazards, by: \.constraint.rawValue).mapValues(\.count))
    gridFiles = set.grids.map {
      GridFile(
        file: $0.source.url.relativePath, raster: $0.description, noDataPercent: $0.noDataShare * 100,
        positiveDown: $0.source.positiveDown, verticalOffsetM: $0.source.verticalOffsetM)
    }
    vectorFiles = set.vectorFiles
    repairs = set.repairs
    warnings = set.warnings
  }
}
