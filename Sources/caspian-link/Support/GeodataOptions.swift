import ArgumentParser
import CaspianGeodata
import Foundation

/// The data-set options every command that reads the geodata shares (`@OptionGroup`):
/// the data directory and per-file overrides.
struct GeodataOptions: ParsableArguments {
  @Option(
    name: .customLong("geodata"),
    help: ArgumentHelp(
      "Data directory with manifest.json (default: $CASPIAN_GEODATA, else ./Geodata, else the package's Geodata/).",
      valueName: "dir"))
  var directory: String?

  @Option(help: ArgumentHelp("Sea polygon GeoJSON, instead of the data set's.", valueName: "file"))
  var sea: String?

  @Option(
    help: ArgumentHelp("Bathymetry ESRI ASCII grid (.asc), instead of the data set's.", valueName: "file"))
  var grid: String?

  @Option(help: ArgumentHelp("Landing points GeoJSON, instead of the data set's.", valueName: "file"))
  var landings: String?

  @Option(help: ArgumentHelp("Hazards GeoJSON, instead of the data set's.", valueName: "file"))
  var hazards: String?

  @Option(
    name: .customLong("water-surface"), parsing: .unconditional,
    help: ArgumentHelp(
      "Water-surface level, metres relative to mean ocean level (e.g. -29.35), instead of the data set's.",
      valueName: "m"))
  var waterSurfaceM: Double?

  /// The sources these options name; relative paths are relative to the current directory.
  func sources() throws -> GeodataSources {
    func file(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0) } }
    return GeodataSources(
      directory: try directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Self.defaultDirectory(),
      seaPolygon: file(sea), bathymetry: file(grid), landings: file(landings), hazards: file(hazards),
      waterSurfaceM: waterSurfaceM)
  }

  /// Loads and validates the data set.
  func load() throws -> GeodataSet {
    StatusLine.show("loading the data set")
    defer { StatusLine.clear() }
    return try GeodataSet.load(sources())
  }

  /// The project's data directory (`geodata` in the project file), else the bundled one (see
  /// `bundledGeodataDirectory()`).
  static func defaultDirectory() throws -> URL {
    if let directory = try ProjectLocation.find(flag: nil)?.geodataDirectory { return directory }
    guard let directory = bundledGeodataDirectory() else { throw GeodataDirectoryNotFound() }
    return directory
  }
}

/// No data directory was given and none was found.
struct GeodataDirectoryNotFound: Error, CustomStringConvertible {
  var description: String {
    "no data directory: pass --geodata DIR or set CASPIAN_GEODATA"
      + " (looked for ./Geodata and for the package's Geodata/ above the executable)"
  }
}
