import CaspianGDAL
import CaspianGeometry
import CaspianSupport
import Foundation

/// One vector file of a data set as it was read: for `geodata check`.
public struct VectorFileInfo: Codable, Sendable, Hashable {
  /// "sea", "landings" or "hazards".
  public let role: String
  public let file: String
  /// GDAL's driver ("GPKG", "ESRI Shapefile", "KML", "CSV"), or the project's GeoJSON reader.
  public let driver: String
  /// The layer read (nil for GeoJSON, which has one).
  public let layer: String?
  /// The layer's geometry type as GDAL names it, or the GeoJSON types found.
  public let geometryType: String
  public let featureCount: Int
  public let crs: String
}

extension GeodataLoader {
  /// Whether a field says yes: true, a non-zero number, or "true", "yes", "y", "1", "no-go".
  static func isYes(_ value: JSONValue?) -> Bool {
    if let flag = value?.boolValue { return flag }
    if let number = value?.doubleValue { return number != 0 }
    return ["true", "yes", "y", "1", "no-go"].contains(value?.stringValue?.lowercased() ?? "")
  }

  /// The hazard properties the loader reads (and `--hazard-fields` may map).
  static let hazardKeys = [
    "kind", "name", "constraint", "source", "confidence", "schematic", "safetyZoneM", "bufferM", "widthM",
    "note",
  ]

  /// The features of one data-set file: GeoJSON through the project's own reader, any other
  /// vector format (Shapefile, GeoPackage, KML/KMZ, CSV with lon/lat or WKT columns) through
  /// GDAL, reprojected to WGS84 longitude/latitude.
  ///
  /// For a GDAL file, a property the loader reads (`keys`) that no field has by its exact name is
  /// taken from a field with the same name ignoring case (KML's `Name`) or cut to the 10
  /// characters a Shapefile keeps (`safetyZone` for `safetyZoneM`), and a `schematic` flag of
  /// 1/0 or "true"/"false" is read as a boolean. `mapping` (property → field)
  /// takes properties from other fields (`--hazard-fields kind=TYPE`) in any format; its key
  /// `no-go` names a yes/no field that gives the constraint (`no-go`, else `soft`) of a feature
  /// with none.
  /// - Throws: `FileError`, or `FileError`, naming the file.
  mutating func readFeatures(_ url: URL, role: String, keys: [String], mapping: [String: String] = [:]) throws
    -> FeatureCollection
  {
    var collection: FeatureCollection
    let isGeoJSON = ["geojson", "json"].contains(url.pathExtension.lowercased())
    if isGeoJSON {
      collection = try GeoJSON.readFeatureCollection(from: url)
      let types = Set(collection.features.compactMap { $0.geometry?.typeName }).sorted()
      vectorFiles.append(
        VectorFileInfo(
          role: role, file: url.relativePath, driver: "GeoJSON (native reader)", layer: nil,
          geometryType: types.joined(separator: ", "), featureCount: collection.features.count,
          crs: "WGS 84 longitude/latitude (RFC 7946)"))
    } else {
      let read = try GDALVector.readFeatures(url, layers: [layer, role].compactMap { $0 })
      collection = read.collection
      vectorFiles.append(
        VectorFileInfo(
          role: role, file: url.relativePath, driver: read.driver, layer: read.layer.name,
          geometryType: read.layer.geometryType, featureCount: read.layer.featureCount, crs: read.layer.crs))
    }
    let fields = Set(collection.features.flatMap(\.properties.keys))
    for (property, field) in mapping.sorted(by: { $0.key < $1.key }) where !fields.contains(field) {
      throw FileError(
        file: url.relativePath,
        problem:
          "no field \"\(field)\" for \"\(property)\" (fields: \(fields.sorted().joined(separator: ", ")))")
    }
    for i in collection.features.indices {
      var properties = collection.features[i].properties
      if !isGeoJSON {
        for key in keys where properties[key] == nil {
          let short = String(key.prefix(10)).lowercased()
          if let match = properties.keys.sorted().first(where: {
            $0.lowercased() == key.lowercased() || $0.lowercased() == short
          }) {
            properties[key] = properties[match]
          }
        }
        // Formats without list fields hold `originalLonLat` as text: JSON `[51.1, 43.6]` or
        // OGR's `(2:51.1,43.6)`.
        if let text = properties["originalLonLat"]?.stringValue {
          let inner =
            text.hasPrefix("(")
            ? "[" + (text.split(separator: ":", maxSplits: 1).last ?? "").dropLast() + "]" : text
          if let list = try? JSONValue.parse(Data(inner.utf8)), case .array = list {
            properties["originalLonLat"] = list
          }
        }
        // Formats without a boolean type (Shapefile, CSV) hold flags as 1/0 or text.
        if let flag = properties["schematic"], flag.boolValue == nil {
          switch flag.doubleValue ?? (flag.stringValue.flatMap { ["true": 1, "false": 0][$0.lowercased()] }) {
          case 1?: properties["schematic"] = .bool(true)
          case 0?: properties["schematic"] = .bool(false)
          default: break
          }
        }
      }
      for (property, field) in mapping where property != "no-go" { properties[property] = properties[field] }
      // `no-go=FIELD`: a yes/no field gives the constraint (no-go, else soft) where none is given.
      if let field = mapping["no-go"], properties["constraint"] == nil || properties["constraint"] == .null {
        properties["constraint"] = .string(Self.isYes(properties[field]) ? "no-go" : "soft")
      }
      collection.features[i].properties = properties
    }
    return collection
  }
}
