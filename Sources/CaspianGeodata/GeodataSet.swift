import CaspianGeometry
import CaspianSupport
import Foundation

/// Where to load a data set from: a directory (with `manifest.json`, or the default file names)
/// and optional per-file overrides, e.g. from command-line flags.
public struct GeodataSources: Sendable, Hashable {
  public var directory: URL
  public var seaPolygon: URL?
  /// The bathymetry grids (several are mosaicked, the finest valid cell wins).
  public var bathymetry: [GridSource]?
  public var landings: URL?
  /// Hazard files, merged in order (several may be given).
  public var hazards: [URL]?
  /// The layer to read from a vector file with several (GeoPackage, KML with folders).
  public var layer: String?
  /// Hazard properties taken from other fields: property → field (`kind=TYPE,name=NAME`).
  public var hazardFields: [String: String]
  /// Overrides the manifest's water-surface level, metres relative to mean ocean level.
  public var waterSurfaceM: Double?

  public init(
    directory: URL, seaPolygon: URL? = nil, bathymetry: [GridSource]? = nil, landings: URL? = nil,
    hazards: [URL]? = nil, layer: String? = nil, hazardFields: [String: String] = [:],
    waterSurfaceM: Double? = nil
  ) {
    self.directory = directory
    self.seaPolygon = seaPolygon
    self.bathymetry = bathymetry
    self.landings = landings
    self.hazards = hazards
    self.layer = layer
    self.hazardFields = hazardFields
    self.waterSurfaceM = waterSurfaceM
  }
}

/// The files a loaded data set came from.
public struct GeodataFiles: Sendable, Hashable {
  public let seaPolygon: URL
  /// The bathymetry grids, as listed (at least one).
  public let grids: [GridSource]
  public let landings: URL
  /// The hazard files, merged in order; empty when the data set has none.
  public let hazardFiles: [URL]

  public init(seaPolygon: URL, grids: [GridSource], landings: URL, hazards: [URL]) {
    precondition(!grids.isEmpty)
    self.seaPolygon = seaPolygon
    self.grids = grids
    self.landings = landings
    self.hazardFiles = hazards
  }

  /// The first hazard file, for messages; nil when there is none.
  public var hazards: URL? { hazardFiles.first }

  /// The first grid listed, for messages.
  public var bathymetry: URL { grids[0].url }
}

/// A loaded and validated data set: the sea, the seabed relief, landing candidates, hazards.
public struct GeodataSet: Sendable {
  /// The water-surface level assumed when neither the manifest nor the caller gives one:
  /// −29.35 m relative to mean ocean level, the Caspian in 2025 (Kazakh sector).
  public static let defaultWaterSurfaceM = -29.35

  public let name: String
  public let files: GeodataFiles
  public let sea: SeaArea
  /// The bathymetry: one grid, or the mosaic of several (see `ElevationGrid.mosaic(_:)`).
  public let grid: ElevationGrid
  /// Each grid as read, in the order listed (for `geodata check`); empty when built in memory.
  public let grids: [LoadedGrid]
  /// Each vector file as read (sea, landings, hazards); empty when built in memory.
  public let vectorFiles: [VectorFileInfo]
  /// Water-surface level, metres relative to mean ocean level.
  public let waterSurfaceM: Double
  public let landings: [Landing]
  public let hazards: [Hazard]
  /// What was repaired while loading (one line each, naming the file and the feature).
  public let repairs: [String]
  /// What may need attention but did not stop loading (one line each).
  public let warnings: [String]

  public init(
    name: String, files: GeodataFiles, sea: SeaArea, grid: ElevationGrid, waterSurfaceM: Double,
    landings: [Landing], hazards: [Hazard], grids: [LoadedGrid] = [], vectorFiles: [VectorFileInfo] = [],
    repairs: [String] = [],
    warnings: [String] = []
  ) {
    self.name = name
    self.files = files
    self.sea = sea
    self.grid = grid
    self.grids = grids
    self.vectorFiles = vectorFiles
    self.waterSurfaceM = waterSurfaceM
    self.landings = landings
    self.hazards = hazards
    self.repairs = repairs
    self.warnings = warnings
  }

  /// Water depth at `c` in metres (positive down) at this data set's water level; ≤ 0 is dry,
  /// nil outside the grid or where it has no data.
  public func depthMetres(at c: Coordinate) -> Double? {
    grid.depthMetres(at: c, waterSurfaceM: waterSurfaceM)
  }

  /// Loads and validates a data set.
  ///
  /// Checks: every file readable and well-formed; the sea is one Polygon/MultiPolygon feature,
  /// landings are Points, each hazard has the geometry type of its kind; coordinates in range
  /// and not swapped; polygons valid (repaired by GEOS make-valid when that changes the area by
  /// less than 1 %, recorded in `repairs`); the grid's header matches its data; landings lie in
  /// the sea and inside the grid, with unique names (ignoring case); hazard kinds and
  /// constraints are known values.
  /// - Throws: `FileError`, `FileError` or `FileError`: one line naming the file.
  public static func load(_ sources: GeodataSources) throws -> GeodataSet {
    var loader = try GeodataLoader(sources: sources)
    return try loader.load()
  }
}
