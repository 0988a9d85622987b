import CaspianSupport
import Foundation

/// Reading and writing GeoJSON (RFC 7946) with feature properties and ids kept.
///
/// Reading accepts a FeatureCollection, a single Feature or a bare geometry (the latter two come
/// back as a collection of one feature). Positions are `[longitude, latitude]` with an optional
/// altitude, which is dropped. A `crs` member (GeoJSON 2008) is accepted only when it names WGS84
/// longitude/latitude (CRS84, EPSG:4326). `bbox` and foreign members are ignored.
///
/// Writing is reproducible: object keys sorted, coordinates rounded to 7 decimals (about 1 cm),
/// exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6), no `crs` or `bbox`,
/// one feature per line.
public enum GeoJSON {
  /// Decimal places kept for coordinates on output (1e-7 degrees is about 1.1 cm).
  public static let coordinateDecimals = 7

  /// Reads the GeoJSON file at `url`.
  /// - Throws: `FileError` or `FileError`, naming the file.
  public static func readFeatureCollection(from url: URL) throws -> FeatureCollection {
    try decodeFeatureCollection(FileBytes.read(url), source: url.relativePath)
  }

  /// Decodes a GeoJSON document; `source` names it in errors (usually the file path).
  /// - Throws: `FileError`.
  public static func decodeFeatureCollection(_ data: Data, source: String) throws -> FeatureCollection {
    let root: JSONValue
    do {
      root = try JSONValue.parse(data)
    } catch {
      throw FileError(file: source, problem: "malformed JSON at \(error)")
    }
    var decoder = GeoJSONDecoder(source: source)
    return try decoder.document(root)
  }

  /// The document text of `collection` (UTF-8), ending with a newline.
  public static func encode(_ collection: FeatureCollection) -> Data {
    var out = "{\"features\":["
    for (i, feature) in collection.features.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      jsonValue(feature).write(to: &out)
    }
    out += collection.features.isEmpty ? "" : "\n"
    out += "],\"type\":\"FeatureCollection\"}\n"
    return Data(out.utf8)
  }

  /// The compact GeoJSON text of one geometry (UTF-8).
  public static func encode(_ geometry: Geometry) -> Data {
    Data(jsonValue(geometry).serialized().utf8)
  }

  /// Writes `collection` to `url` atomically (see `AtomicFile`).
  public static func write(_ collection: FeatureCollection, to url: URL) throws {
    try AtomicFile.write(encode(collection), to: url)
  }

  /// The GeoJSON object of a feature, as written by `encode`.
  public static func jsonValue(_ feature: Feature) -> JSONValue {
    var members: [String: JSONValue] = [
      "type": .string("Feature"),
      "geometry": feature.geometry.map(jsonValue) ?? .null,
      "properties": .object(feature.properties),
    ]
    if let id = feature.id { members["id"] = id }
    return .object(members)
  }

  /// The GeoJSON object of a geometry, as written by `encode`: rounded and with rings oriented.
  public static func jsonValue(_ geometry: Geometry) -> JSONValue {
    func position(_ c: Coordinate) -> JSONValue {
      .array([.number(rounded(c.longitude)), .number(rounded(c.latitude))])
    }
    func path(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(position)) }
    func polygon(_ p: Polygon) -> JSONValue {
      let oriented = p.orientedForGeoJSON()
      return .array([path(oriented.exterior)] + oriented.holes.map(path))
    }
    let type = JSONValue.string(geometry.typeName)
    switch geometry {
    case .point(let c): return .object(["type": type, "coordinates": position(c)])
    case .multiPoint(let cs), .lineString(let cs): return .object(["type": type, "coordinates": path(cs)])
    case .multiLineString(let paths): return .object(["type": type, "coordinates": .array(paths.map(path))])
    case .polygon(let p): return .object(["type": type, "coordinates": polygon(p)])
    case .multiPolygon(let ps): return .object(["type": type, "coordinates": .array(ps.map(polygon))])
    case .geometryCollection(let gs):
      return .object(["type": type, "geometries": .array(gs.map(jsonValue))])
    }
  }

  private static func rounded(_ degrees: Double) -> Double {
    let scale = 10_000_000.0
    return (degrees * scale).rounded() / scale
  }
}

extension Polygon {
  /// The polygon with its exterior ring counter-clockwise and its holes clockwise (RFC 7946).
  public func orientedForGeoJSON() -> Polygon {
    func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
      (Polygon.signedPlanarArea(ring) >= 0) == counterClockwise ? ring : ring.reversed()
    }
    return Polygon(
      exterior: oriented(exterior, counterClockwise: true),
      holes: holes.map { oriented($0, counterClockwise: false) })
  }

  /// Twice the shoelace area of a ring in the lon/lat plane (square degrees): positive when the
  /// ring runs counter-clockwise. Used only for its sign.
  static func signedPlanarArea(_ ring: [Coordinate]) -> Double {
    guard ring.count >= 3 else { return 0 }
    var sum = 0.0
    let origin = ring[0]
    for i in 1..<(ring.count - 1) {
      let a = ring[i]
      let b = ring[i + 1]
      sum +=
        (a.longitude - origin.longitude) * (b.latitude - origin.latitude)
        - (b.longitude - origin.longitude) * (a.latitude - origin.latitude)
    }
    return sum
  }
}

/// Turns a parsed JSON tree into GeoJSON values, with a precise error for anything wrong.
private struct GeoJSONDecoder {
  let source: String
  /// Where the decoder is, e.g. `feature 3 "Aktau"`.
  var location: String?

  init(source: String) {
    self.source = source
  }

  func fail(_ problem: String) -> FileError {
    FileError(file: source, location: location, problem: problem)
  }

  static let geometryTypes: Set<String> = [
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
  ]

  mutating func document(_ root: JSONValue) throws -> FeatureCollection {
    guard case .object(let members) = root else {
      throw fail("expected a GeoJSON object at the top level, got \(root.jsonTypeName)")
    }
    try checkCRS(members["crs"])
    let type = try typeName(members, what: "the top-level object")
    switch type {
    case "FeatureCollection":
      guard case .array(let items) = members["features"] else {
        throw fail("a FeatureCollection needs a \"features\" array")
      }
      var features: [Feature] = []
      features.reserveCapacity(items.count)
      for (index, item) in items.enumerated() {
        features.append(try feature(item, index: index))
      }
      return FeatureCollection(features: features)
    case "Feature":
      return FeatureCollection(features: [try feature(root, index: 0)])
    case _ where Self.geometryTypes.contains(type):
      return FeatureCollection(features: [Feature(geometry: try geometry(root))])
    default:
      throw fail("unknown GeoJSON type \"\(type)\"")
    }
  }

  /// GeoJSON 2008 documents may name a CRS; RFC 7946 removed it. Anything but WGS84 lon/lat is an error.
  func checkCRS(_ crs: JSONValue?) throws {
    guard let crs, crs != .null else { return }
    guard case .object(let members) = crs, case .object(let properties) = members["properties"],
      let name = properties["name"]?.stringValue
    else { throw fail("unsupported \"crs\" member: GeoJSON coordinates must be WGS84 longitude/latitude") }
    let accepted = [
      "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326",
      "urn:ogc:def:crs:EPSG::4326",
    ]
    guard accepted.contains(name) else {
      throw fail(
        "crs \"\(name)\" is not supported: GeoJSON coordinates must be WGS84 longitude/latitude (RFC 7946)")
    }
  }

  func typeName(_ members: [String: JSONValue], what: String) throws -> String {
    guard let value = members["type"] else { throw fail("\(what) has no \"type\" member") }
    guard let type = value.stringValue else {
      throw fail("\"type\" of \(what) must be a string, got \(value.jsonTypeName)")
    }
    return type
  }

  mutating func feature(_ value: JSONValue, index: Int) throws -> Feature {
    location = "feature \(index)"
    guard case .object(let members) = value else {
      throw fail("expected a Feature object, got \(value.jsonTypeName)")
    }
    var properties: [String: JSONValue] = [:]
    switch members["properties"] {
    case .object(let p)?: properties = p
    case .null?, nil: break
    case let other?: throw fail("\"properties\" must be an object or null, got \(other.jsonTypeName)")
    }
    if let name = properties["name"]?.stringValue { location = "feature \(index) \"\(name)\"" }
    let type = try typeName(members, what: "the feature")
    guard type == "Feature" else { throw fail("expected type \"Feature\", got \"\(type)\"") }
    let id: JSONValue?
    switch members["id"] {
    case nil, .null?: id = nil
    case .string?, .number?: id = members["id"]
    case let other?: throw fail("\"id\" must be a string or a number, got \(other.jsonTypeName)")
    }
    let geometryValue: Geometry?
    switch members["geometry"] {
    case nil: throw fail("the feature has no \"geometry\" member (use null for none)")
    case .null?: geometryValue = nil
    case let g?: geometryValue = try geometry(g)
    }
    return Feature(id: id, geometry: geometryValue, properties: properties)
  }

  func geometry(_ value: JSONValue, path: String = "") throws -> Geometry {
    guard case .object(let members) = value else {
      throw fail("\(path)expected a geometry object, got \(value.jsonTypeName)")
    }
    let type = try typeName(members, what: "the geometry")
    if type == "GeometryCollection" {
      guard case .array(let items) = members["geometries"] else {
        throw fail("\(path)a GeometryCollection needs a \"geometries\" array")
      }
      return .geometryCollection(
        try items.enumerated().map { try geometry($1, path: "\(path)geometry \($0): ") })
    }
    guard Self.geometryTypes.contains(type) else { throw fail("\(path)unknown geometry type \"\(type)\"") }
    guard let coordinates = members["coordinates"] else {
      throw fail("\(path)the \(type) has no \"coordinates\" member")
    }
    let p = path + type
    switch type {
    case "Point": return .point(try position(coordinates, p))
    case "MultiPoint": return .multiPoint(try positions(coordinates, p))
    case "LineString": return .lineString(try lineString(coordinates, p))
    case "MultiLineString":
      return .multiLineString(
        try array(coordinates, p, of: "line strings").enumerated().map {
          try lineString($1, "\(p) line \($0)")
        })
    case "Polygon": return .polygon(try polygon(coordinates, p))
    default:
      return .multiPolygon(
        try array(coordinates, p, of: "polygons").enumerated().map { try polygon($1, "\(p) polygon \($0)") })
    }
  }

  func array(_ value: JSONValue, _ path: String, of what: String) throws -> [JSONValue] {
    guard case .array(let items) = value else {
      throw fail("\(path): coordinates must be an array of \(what), got \(value.jsonTypeName)")
    }
    return items
  }

  func position(_ value: JSONValue, _ path: String) throws -> Coordinate {
    guard case .array(let items) = value, (2...3).contains(items.count),
      items.allSatisfy({ $0.doubleValue != nil })
    else {
      throw fail("\(path): expected a position [longitude, latitude], got \(Self.shortText(value))")
    }
    let lon = items[0].doubleValue!
    let lat = items[1].doubleValue!
    let text = "[\(JSONValue.numberText(lon)), \(JSONValue.numberText(lat))]"
    if abs(lat) > 90 {
      let hint =
        abs(lon) <= 90
        ? "; longitude and latitude look swapped (GeoJSON order is [longitude, latitude])" : ""
      throw fail("\(path): position \(text): latitude \(JSONValue.numberText(lat)) is outside -90…90\(hint)")
    }
    guard abs(lon) <= 180 else {
      throw fail(
        "\(path): position \(text): longitude \(JSONValue.numberText(lon)) is outside -180…180"
          + " (projected coordinates? GeoJSON must be WGS84 degrees)")
    }
    return Coordinate(longitude: lon, latitude: lat)
  }

  func positions(_ value: JSONValue, _ path: String) throws -> [Coordinate] {
    try array(value, path, of: "positions").enumerated().map { try position($1, "\(path) position \($0)") }
  }

  func lineString(_ value: JSONValue, _ path: String) throws -> [Coordinate] {
    let line = try positions(value, path)
    guard line.count >= 2 else {
      throw fail("\(path): has \(line.count) position\(line.count == 1 ? "" : "s"); a line needs at least 2")
    }
    return line
  }

  func polygon(_ value: JSONValue, _ path: String) throws -> Polygon {
    let rings = try array(value, path, of: "rings").enumerated().map { index, ring in
      let ringPath = "\(path) ring \(index)"
      let positions = try positions(ring, ringPath)
      guard positions.count >= 4 else {
        throw fail("\(ringPath): has \(positions.count) positions; a ring needs at least 4 (first = last)")
      }
      guard positions.first == positions.last else {
        throw fail(
          "\(ringPath): is not closed: the first position \(positions.first!) differs from the last"
            + " \(positions.last!)")
      }
      return positions
    }
    guard let exterior = rings.first else { throw fail("\(path): has no rings") }
    return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
  }

  /// A value for an error message, cut to a readable length.
  static func shortText(_ value: JSONValue) -> String {
    let text = value.serialized()
    return text.count <= 40 ? text : String(text.prefix(37)) + "…"
  }
}
