import ArgumentParser
import CaspianGeodata
import CaspianSupport
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
    help: ArgumentHelp(
      "Bathymetry grid in any raster format GDAL reads (GeoTIFF, NetCDF, BAG, XYZ, ESRI ASCII; any CRS),"
        + " instead of the data set's; repeat to mosaic several (the finest valid cell wins). Suffixes:"
        + " ,positive-down for depths, ,offset=M for a zero M metres above mean ocean level.",
      valueName: "file[,positive-down][,offset=M]"))
  var grid: [String] = []

  @Option(
    help: ArgumentHelp(
      "Landing points (GeoJSON, Shapefile, GeoPackage, KML/KMZ, CSV), instead of the data set's.",
      valueName: "file"))
  var landings: String?

  @Option(
    help: ArgumentHelp(
      "Hazards (GeoJSON, Shapefile, GeoPackage, KML/KMZ, CSV), instead of the data set's; repeat to merge several.",
      valueName: "file"))
  var hazards: [String] = []

  @Option(
    help: ArgumentHelp(
      "The layer to read from a vector file with several (GeoPackage, KML folders); else the layer named"
        + " after the role (sea, landings, hazards).", valueName: "name"))
  var layer: String?

  @Option(
    name: .customLong("hazard-fields"),
    help: ArgumentHelp(
      "Hazard properties from other fields, e.g. kind=TYPE,name=NAME,no-go=RESTRICTED (a yes/no field for"
        + " the constraint), or a JSON file of the same pairs ({\"kind\": \"TYPE\", …}).",
      valueName: "property=field,...|file.json"))
  var hazardFields: String?

  @Option(
    name: .customLong("water-surface"), parsing: .unconditional,
    help: ArgumentHelp(
      "Water-surface level, metres relative to mean ocean level (e.g. -29.35), instead of the data set's.",
      valueName: "m"))
  var waterSurfaceM: Double?

  /// The sources these options name; relative paths are relative to the current directory.
  func sources() throws -> GeodataSources {
    func file(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0) } }
    let grids = try grid.map { try GridSource.parse($0, relativeTo: nil, source: "--grid") }
    return GeodataSources(
      directory: try directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Self.defaultDirectory(),
      seaPolygon: file(sea), bathymetry: grids.isEmpty ? nil : grids, landings: file(landings),
      hazards: hazards.isEmpty ? nil : hazards.map { URL(fileURLWithPath: $0) }, layer: layer,
      hazardFields: try Self.fieldMapping(hazardFields), waterSurfaceM: waterSurfaceM)
  }

  /// `kind=TYPE,name=NAME` as property → field, or the same pairs from a JSON file (an object of
  /// strings) when `text` names an existing file.
  static func fieldMapping(_ text: String?) throws -> [String: String] {
    guard let text else { return [:] }
    var mapping: [String: String] = [:]
    if FileManager.default.fileExists(atPath: text) {
      let root: JSONValue
      do {
        root = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: text)))
      } catch {
        throw FileError(file: text, problem: "malformed JSON: \(error)")
      }
      guard case .object(let members) = root else {
        throw FileError(file: text, problem: "expected a JSON object of property: field names")
      }
      for (property, value) in members {
        guard let field = value.stringValue, !field.isEmpty else {
          throw FileError(file: text, problem: "\"\(property)\" must name a field (a non-empty string)")
        }
        mapping[property] = field
      }
      return mapping
    }
    for pair in text.split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("--hazard-fields: \"\(pair)\" is not property=field (e.g. kind=TYPE,name=NAME)")
      }
      mapping[parts[0]] = parts[1]
    }
    return mapping
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
