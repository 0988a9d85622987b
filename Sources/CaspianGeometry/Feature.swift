import CaspianSupport

/// A GeoJSON Feature: a geometry (or none) with its properties kept as they were read.
public struct Feature: Sendable, Hashable {
  public var id: JSONValue?
  public var geometry: Geometry?
  public var properties: [String: JSONValue]

  public init(id: JSONValue? = nil, geometry: Geometry?, properties: [String: JSONValue] = [:]) {
    self.id = id
    self.geometry = geometry
    self.properties = properties
  }
}

/// A GeoJSON FeatureCollection.
public struct FeatureCollection: Sendable, Hashable {
  public var features: [Feature]

  public init(features: [Feature]) {
    self.features = features
  }
}
