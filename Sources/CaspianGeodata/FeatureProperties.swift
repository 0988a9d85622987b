import CaspianGeometry
import CaspianSupport

/// Typed access to one feature's properties, with errors naming the file and the feature.
struct FeatureProperties {
  let feature: Feature
  let path: String
  /// `feature 3 "Aktau"` (index in the `features` array, from 0).
  let location: String

  init(_ feature: Feature, index: Int, path: String) {
    self.feature = feature
    self.path = path
    if let name = feature.properties["name"]?.stringValue {
      location = "feature \(index) \"\(name)\""
    } else {
      location = "feature \(index)"
    }
  }

  func fail(_ problem: String) -> FileError {
    FileError(file: path, location: location, problem: problem)
  }

  /// The value of `key`, treating null as absent.
  func value(_ key: String) -> JSONValue? {
    guard let value = feature.properties[key], value != .null else { return nil }
    return value
  }

  func string(_ key: String) throws -> String? {
    guard let value = value(key) else { return nil }
    guard let text = value.stringValue else {
      throw fail("property \"\(key)\" must be a string, got \(value.jsonTypeName)")
    }
    return text
  }

  func requiredString(_ key: String) throws -> String {
    guard let text = try string(key), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw fail("property \"\(key)\" is missing (a non-empty string is required)")
    }
    return text
  }

  /// A number of metres within the `Limits` range of `key` (`bufferM`, `safetyZoneM`, …), or nil
  /// when absent.
  func metres(_ key: String, unit: String = "metres") throws -> Double? {
    guard let value = value(key) else { return nil }
    guard let number = value.doubleValue else {
      throw fail("property \"\(key)\" must be a number of \(unit), got \(value.jsonTypeName)")
    }
    if let problem = Limits.named(key).problem(number) { throw fail("property \(problem)") }
    return number
  }

  func bool(_ key: String) throws -> Bool? {
    guard let value = value(key) else { return nil }
    guard let flag = value.boolValue else {
      throw fail("property \"\(key)\" must be true or false, got \(value.serialized())")
    }
    return flag
  }

  /// A value from a fixed list (the raw values of `T`), or nil when absent.
  func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T?
  where T.RawValue == String {
    guard let text = try string(key) else { return nil }
    guard let choice = T(rawValue: text) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("\(key) \"\(text)\" is not one of: \(allowed)")
    }
    return choice
  }

  func requiredChoice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T
  where T.RawValue == String {
    guard let choice = try choice(key, type) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("property \"\(key)\" is missing (one of: \(allowed))")
    }
    return choice
  }

  /// The feature's geometry, which must be one of `allowed` (GeoJSON type names).
  func geometry(allowed: [String], role: String) throws -> Geometry {
    guard let geometry = feature.geometry, allowed.contains(geometry.typeName) else {
      throw wrongGeometry(allowed: allowed, role: role)
    }
    return geometry
  }

  /// The feature's position; its geometry must be a Point.
  func point(role: String) throws -> Coordinate {
    guard case .point(let c)? = feature.geometry else { throw wrongGeometry(allowed: ["Point"], role: role) }
    return c
  }

  /// The bounding box of the feature's geometry, which must have coordinates.
  func envelope(of geometry: Geometry) throws -> Envelope {
    guard let envelope = geometry.envelope else { throw fail("the \(geometry.typeName) has no coordinates") }
    return envelope
  }

  func wrongGeometry(allowed: [String], role: String) -> FileError {
    guard let geometry = feature.geometry else {
      return fail("has no geometry; \(role) must be \(Self.list(allowed))")
    }
    return fail("geometry is a \(geometry.typeName); \(role) must be \(Self.list(allowed))")
  }

  /// "a Point", "a Polygon or MultiPolygon", "a LineString, MultiLineString, Polygon or MultiPolygon".
  static func list(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    let head = names.dropLast().joined(separator: ", ")
    return "a " + (head.isEmpty ? last : "\(head) or \(last)")
  }
}
