import CGDAL
import CaspianGeometry
import CaspianSupport
import Foundation

/// The GIS formats an output can be written in, chosen by the file's extension.
public enum GISFormat: String, Sendable, CaseIterable {
  case geoJSON = "GeoJSON"
  case geoPackage = "GeoPackage"
  case kml = "KML"
  case shapefile = "Shapefile"
  case csv = "CSV"

  /// The format of `path` by its extension (`.geojson`/`.json`, `.gpkg`, `.kml`, `.shp`, `.csv`).
  public init?(path: String) {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "geojson", "json": self = .geoJSON
    case "gpkg": self = .geoPackage
    case "kml": self = .kml
    case "shp": self = .shapefile
    case "csv": self = .csv
    default: return nil
    }
  }

  /// ".geojson, .gpkg, .kml, .shp or .csv", for messages.
  public static let extensionsText = ".geojson, .gpkg, .kml, .shp or .csv"

  var driver: String {
    switch self {
    case .geoJSON: "GeoJSON"
    case .geoPackage: "GPKG"
    case .kml: "KML"
    case .shapefile: "ESRI Shapefile"
    case .csv: "CSV"
    }
  }
}

/// One layer to write: features of one geometry type (points, lines), with a KML placemark
/// name, description and OGR style string per feature where given.
public struct GISLayer: Sendable {
  public var name: String
  public var features: [Feature]
  /// KML placemark names (one per feature), e.g. "Option 1 (least-cost), 356.7 km".
  public var labels: [String]?
  /// KML placemark descriptions (one per feature): the figures as text.
  public var descriptions: [String]?
  /// OGR style strings (one per feature), e.g. `PEN(c:#D62728,w:3px)`; KML writes them as styles.
  public var styles: [String]?

  public init(
    name: String, features: [Feature], labels: [String]? = nil, descriptions: [String]? = nil,
    styles: [String]? = nil
  ) {
    self.name = name
    self.features = features
    self.labels = labels
    self.descriptions = descriptions
    self.styles = styles
  }
}

/// Writing layers of features in GIS formats through OGR, as bytes: the caller writes them
/// (all files or none) and checks the paths against its inputs.
///
/// Numbers are Real fields, except those named in `integerFields` whose values are all whole
/// (ids, counts), so a figure that happens to be 0 is still typed Real. Every format but
/// GeoPackage and KML holds one layer per file: a Shapefile's first layer goes to `NAME.shp`
/// (with its `.shx`, `.dbf`, `.prj`, `.cpg`), each further layer to `NAME_<layer>.shp`;
/// a CSV holds the first layer (geometry as a `WKT` column, the field types in `NAME.csvt`).
/// Shapefile field names are cut to 10 characters by `ShapefileFieldNames`.
public enum GISWriter {
  /// The files for `layers` in `format`, named after `url` (the main file first).
  /// - Throws: `FileError` naming `url`, with GDAL's message, for a failure or a warning (an
  ///   output that GIS software would open with a warning is not written).
  public static func encode(
    _ layers: [GISLayer], as format: GISFormat, to url: URL, integerFields: Set<String>
  )
    throws -> [(data: Data, url: URL)]
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "caspian-gis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = url.deletingPathExtension().lastPathComponent
    let written =
      format == .shapefile || format == .csv ? (format == .csv ? Array(layers.prefix(1)) : layers) : layers
    var files: [(data: Data, url: URL)] = []
    if format == .geoPackage || format == .kml || format == .geoJSON {
      let temporary = folder.appendingPathComponent(url.lastPathComponent)
      try write(written, format: format, to: temporary, integerFields: integerFields, reportAs: url)
      files.append((try Data(contentsOf: temporary), url))
    } else {
      for (i, layer) in written.enumerated() {
        let name = i == 0 ? base : "\(base)_\(layer.name)"
        let temporary = folder.appendingPathComponent("\(name).\(url.pathExtension)")
        try write([layer], format: format, to: temporary, integerFields: integerFields, reportAs: url)
        let made = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
          .filter { $0.deletingPathExtension().lastPathComponent == name }
          .sorted {
            ($0.pathExtension != url.pathExtension ? 1 : 0, $0.lastPathComponent) < (
              $1.pathExtension != url.pathExtension ? 1 : 0, $1.lastPathComponent
            )
          }
        for file in made {
          files.append(
            (
              try Data(contentsOf: file),
              url.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent)
            ))
        }
      }
    }
    return files
  }

  static func write(
    _ layers: [GISLayer], format: GISFormat, to path: URL, integerFields: Set<String>, reportAs url: URL
  ) throws {
    try GDALSession.run { session in
      func fail(_ problem: String) -> FileError {
        FileError(
          file: url.relativePath, problem: "cannot write \(format.rawValue): \(problem)\(session.lastError)")
      }
      guard let driver = GDALGetDriverByName(format.driver) else {
        throw fail("GDAL has no \(format.driver) driver")
      }
      guard let dataset = GDALCreate(driver, path.path, 0, 0, 0, GDT_Unknown, nil) else {
        throw fail("cannot create")
      }
      var closed = false
      defer { if !closed { GDALClose(dataset) } }
      let srs = OSRNewSpatialReference(nil)
      defer { OSRDestroySpatialReference(srs) }
      OSRImportFromEPSG(srs, 4326)
      OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
      for layer in layers {
        try add(layer, to: dataset, srs: srs, format: format, integerFields: integerFields, fail: fail)
      }
      GDALClose(dataset)
      closed = true
      if let warning = session.warnings.first { throw fail(warning) }
      if !session.errors.isEmpty { throw fail("") }
    }
  }

  enum FieldKind { case integer, real, string }

  static func add(
    _ layer: GISLayer, to dataset: GDALDatasetH, srs: OGRSpatialReferenceH?, format: GISFormat,
    integerFields: Set<String>, fail: (String) -> FileError
  ) throws {
    let types = Set(layer.features.compactMap { $0.geometry.map(geometryType) })
    let layerType = types.count == 1 ? types.first! : wkbUnknown
    // A CSV gets its `.csvt` sidecar, so GIS software reads numbers as numbers, not text.
    let options =
      format == .csv
      ? ["GEOMETRY=AS_WKT", "CREATE_CSVT=YES"] : format == .shapefile ? ["ENCODING=UTF-8"] : []
    let created = withStringList(options) { GDALDatasetCreateLayer(dataset, layer.name, srs, layerType, $0) }
    guard let handle = created else { throw fail("cannot create layer \(layer.name)") }
    // Fields: every property, in sorted order, typed by its values.
    var keys = Array(Set(layer.features.flatMap(\.properties.keys))).sorted()
    if format == .kml {
      keys.removeAll { $0 == "Name" || $0 == "Description" }
    }
    var kinds: [String: FieldKind] = [:]
    for key in keys {
      let values = layer.features.compactMap { $0.properties[key] }.filter { $0 != .null }
      if values.contains(where: { $0.doubleValue == nil }) {
        kinds[key] = .string
      } else if integerFields.contains(key),
        values.allSatisfy({ $0.doubleValue! == $0.doubleValue!.rounded() })
      {
        kinds[key] = .integer
      } else {
        kinds[key] = .real
      }
    }
    let names =
      format == .shapefile
      ? ShapefileFieldNames.names(for: keys) : Dictionary(uniqueKeysWithValues: keys.map { ($0, $0) })
    var fields: [(key: String, kind: FieldKind)] = []
    if format == .kml, layer.labels != nil || layer.descriptions != nil {
      for extra in ["Name", "Description"] {
        let field = OGR_Fld_Create(extra, OFTString)
        defer { OGR_Fld_Destroy(field) }
        OGR_L_CreateField(handle, field, 1)
      }
    }
    for key in keys {
      let kind = kinds[key]!
      let field = OGR_Fld_Create(
        names[key]!, kind == .integer ? OFTInteger : kind == .real ? OFTReal : OFTString)
      defer { OGR_Fld_Destroy(field) }
      if kind == .string, format == .shapefile {
        let longest = layer.features.compactMap { $0.properties[key]?.stringValue?.utf8.count }.max() ?? 1
        OGR_Fld_SetWidth(field, Int32(min(max(longest, 1), 254)))
      }
      guard OGR_L_CreateField(handle, field, 1) == OGRERR_NONE else {
        throw fail("cannot create field \(key)")
      }
      fields.append((key, kind))
    }
    let definition = OGR_L_GetLayerDefn(handle)
    for (i, feature) in layer.features.enumerated() {
      let f = OGR_F_Create(definition)
      defer { OGR_F_Destroy(f) }
      if format == .kml {
        if let label = layer.labels?[i] { OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "Name"), label) }
        if let text = layer.descriptions?[i] {
          OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "Description"), text)
        }
      }
      for (key, kind) in fields {
        guard let value = feature.properties[key], value != .null else { continue }
        let index = OGR_F_GetFieldIndex(f, names[key]!)
        switch kind {
        case .integer: OGR_F_SetFieldInteger(f, index, Int32(clamping: Int(value.doubleValue!)))
        case .real: OGR_F_SetFieldDouble(f, index, value.doubleValue!)
        case .string:
          let text = value.stringValue ?? value.serialized()
          OGR_F_SetFieldString(f, index, format == .shapefile ? String(text.utf8.prefix(254)) ?? text : text)
        }
      }
      if let geometry = feature.geometry {
        guard let g = ogrGeometry(geometry) else { throw fail("a \(geometry.typeName) cannot be written") }
        OGR_F_SetGeometryDirectly(f, g)
      }
      if let style = layer.styles?[i] { OGR_F_SetStyleString(f, style) }
      guard OGR_L_CreateFeature(handle, f) == OGRERR_NONE else {
        throw fail("cannot write feature \(i) of \(layer.name)")
      }
    }
  }

  static func geometryType(_ geometry: Geometry) -> OGRwkbGeometryType {
    switch geometry {
    case .point: wkbPoint
    case .multiPoint: wkbMultiPoint
    case .lineString: wkbLineString
    case .multiLineString: wkbMultiLineString
    case .polygon: wkbPolygon
    case .multiPolygon: wkbMultiPolygon
    case .geometryCollection: wkbGeometryCollection
    }
  }

  /// An OGR geometry for points and lines (what outputs hold); nil for other types.
  static func ogrGeometry(_ geometry: Geometry) -> OGRGeometryH? {
    func line(_ coordinates: [Coordinate]) -> OGRGeometryH? {
      let g = OGR_G_CreateGeometry(wkbLineString)
      for c in coordinates { OGR_G_AddPoint_2D(g, c.longitude, c.latitude) }
      return g
    }
    switch geometry {
    case .point(let c):
      let g = OGR_G_CreateGeometry(wkbPoint)
      OGR_G_SetPoint_2D(g, 0, c.longitude, c.latitude)
      return g
    case .lineString(let coordinates): return line(coordinates)
    case .multiLineString(let lines):
      let g = OGR_G_CreateGeometry(wkbMultiLineString)
      for part in lines { OGR_G_AddGeometryDirectly(g, line(part)) }
      return g
    default: return nil
    }
  }
}

/// Shapefile (dBASE) field names hold at most 10 characters. Longer property names are
/// shortened by fixed word abbreviations, then cut to 10 characters, with a digit replacing the
/// last character if two would clash. The README lists the names of the route outputs.
public enum ShapefileFieldNames {
  /// Word abbreviations, applied in order.
  static let abbreviations: [(String, String)] = [
    ("minClearance", "clr"), ("alterCourse", "ac"), ("ProtectedArea", "Prot"), ("FerryLane", "Ferry"),
    ("SectorBoundary", "Sector"), ("Platform", "Platf"), ("Pipeline", "Pipe"), ("Separation", "Sep"),
    ("Direction", "Dir"), ("Length", "Len"), ("length", "len"), ("Section", "Sec"), ("Percent", "Pct"),
    ("Count", "N"),
    ("Points", "Pts"), ("unknown", "unkn"), ("Depth", "Dep"), ("Delta", "Dlt"), ("Ratio", "Rt"),
    ("Slope", "Slp"), ("cumulative", "cum"), ("bearing", "brg"), ("Degrees", "Deg"), ("burial", "bur"),
    ("latitude", "lat"), ("longitude", "lon"), ("seabed", "sbd"), ("Cable", "Cbl"), ("slack", "slk"),
  ]

  /// The 10-character name of each key (unique among `keys`).
  public static func names(for keys: [String]) -> [String: String] {
    var used: Set<String> = []
    var out: [String: String] = [:]
    for key in keys {
      var name = key
      if name.count > 10 {
        for (word, short) in abbreviations where name.count > 10 {
          name = name.replacingOccurrences(of: word, with: short)
        }
      }
      name = String(name.prefix(10))
      var digit = 1
      while used.contains(name.lowercased()) {
        name = String(name.prefix(9)) + "\(digit)"
        digit += 1
      }
      used.insert(name.lowercased())
      out[key] = name
    }
    return out
  }

  /// `features` with the shortened names of `keys` (as `names(for:)` gives them) renamed back.
  public static func restoring(_ keys: [String], in features: [Feature]) -> [Feature] {
    let short = names(for: keys)
    return features.map { feature in
      var feature = feature
      for key in keys where feature.properties[key] == nil {
        if let name = short[key], let value = feature.properties.removeValue(forKey: name) {
          feature.properties[key] = value
        }
      }
      return feature
    }
  }
}
