import CaspianGeometry
import CaspianSupport
import Foundation

/// `manifest.json` of a data directory: which file plays which role, and the water level.
/// File names are relative to the directory.
public struct GeodataManifest: Sendable, Hashable {
  public var name: String?
  public var seaPolygon: String
  /// The grids, each `FILE[,positive-down][,offset=M]` (a string or an array in the file).
  public var bathymetry: [String]
  /// Water-surface level the data set assumes, metres relative to mean ocean level.
  public var waterSurfaceM: Double?
  public var landings: String
  /// The hazard files, merged in order (a string or an array in the file); empty when the data
  /// set has none.
  public var hazards: [String]

  public init(
    name: String? = nil, seaPolygon: String, bathymetry: [String], waterSurfaceM: Double?, landings: String,
    hazards: [String]
  ) {
    self.name = name
    self.seaPolygon = seaPolygon
    self.bathymetry = bathymetry
    self.waterSurfaceM = waterSurfaceM
    self.landings = landings
    self.hazards = hazards
  }

  /// The names used when a directory has no manifest.
  public static let defaults = GeodataManifest(
    seaPolygon: "caspian-sea.geojson", bathymetry: ["caspian-etopo1-0.1deg.asc"], waterSurfaceM: nil,
    landings: "landings.geojson", hazards: ["hazards.geojson"])

  static let keys = ["name", "seaPolygon", "bathymetry", "waterSurfaceM", "landings", "hazards"]

  /// Reads `manifest.json`; file keys it does not name keep their defaults, except `hazards`:
  /// without it the data set has no hazards. Unknown keys are
  /// returned as warnings (they may be documentation).
  /// - Throws: `FileError` or `FileError` naming the manifest.
  static func read(from url: URL) throws -> (manifest: GeodataManifest, warnings: [String]) {
    let path = url.relativePath
    let root: JSONValue
    do {
      root = try JSONValue.parse(FileBytes.read(url))
    } catch let error as JSONSyntaxError {
      throw FileError(file: path, problem: "malformed JSON at \(error)")
    }
    guard case .object(let members) = root else {
      throw FileError(file: path, problem: "expected a JSON object, got \(root.jsonTypeName)")
    }
    func string(_ key: String) throws -> String? {
      guard let value = members[key], value != .null else { return nil }
      guard let text = value.stringValue, !text.isEmpty else {
        throw FileError(file: path, problem: "\"\(key)\" must be a file name (a non-empty string)")
      }
      return text
    }
    var manifest = defaults
    manifest.name = try string("name")
    manifest.seaPolygon = try string("seaPolygon") ?? manifest.seaPolygon
    /// A file name or a list of them.
    func files(_ key: String) throws -> [String]? {
      guard case .array(let items)? = members[key] else { return try string(key).map { [$0] } }
      return try items.map { item in
        guard let text = item.stringValue, !text.isEmpty else {
          throw FileError(
            file: path, problem: "\"\(key)\" must be a file name or a list of them (non-empty strings)")
        }
        return text
      }
    }
    manifest.bathymetry = try files("bathymetry") ?? manifest.bathymetry
    guard !manifest.bathymetry.isEmpty else {
      throw FileError(file: path, problem: "\"bathymetry\" lists no grid")
    }
    manifest.landings = try string("landings") ?? manifest.landings
    manifest.hazards = try files("hazards") ?? []
    if let value = members["waterSurfaceM"], value != .null {
      guard let level = value.doubleValue else {
        throw FileError(
          file: path, problem: "\"waterSurfaceM\" must be a number of metres, got \(value.jsonTypeName)")
      }
      manifest.waterSurfaceM = level
    }
    let unknown = members.keys.filter { !keys.contains($0) }.sorted()
    let warnings = unknown.map {
      "\(path): unknown key \"\($0)\" ignored (known: \(keys.joined(separator: ", ")))"
    }
    return (manifest, warnings)
  }
}
