import CaspianGDAL
import CaspianGeometry
import CaspianSupport
import Foundation

/// The layers of the route outputs in GIS formats (`--output` with .gpkg, .kml, .shp, .csv),
/// made from the same features as the GeoJSON output, so that every format carries the same
/// figures.
///
/// `route plan`: `routes` (one line per option), `alter_course_points`, `endpoints`.
/// `route rpl`: `rpl_points` (one point per RPL row), `route` (the line with its totals).
/// KML placemarks are named ("Option 1 (least-cost): 356.7 km"; points by index and KP), the
/// route lines styled (a colour per option), with the figures in their description.
public enum RouteGISLayers {
  /// Properties written as Integer fields (ids, indexes, counts); every other number is Real.
  public static let integerFields: Set<String> = [
    "id", "option", "index", "legs", "alterCoursePoints", "crossingCount", "warningCount",
  ]

  /// Line colours by option (1, 2, 3, …), as in the report's map.
  static let colours = [
    "#D62728", "#1F77B4", "#2CA02C", "#FF7F0E", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
  ]

  static func colour(_ option: JSONValue?) -> String {
    let number = option?.doubleValue ?? option?.stringValue.flatMap(Double.init) ?? 1
    return colours[(max(Int(number), 1) - 1) % colours.count]
  }

  /// "routeLengthKm: 356.715" lines, sorted by key.
  static func figures(_ feature: Feature) -> String {
    feature.properties.sorted { $0.key < $1.key }.map {
      "\($0.key): \($0.value.stringValue ?? $0.value.serialized())"
    }
    .joined(separator: "\n")
  }

  static func number(_ value: JSONValue?, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value?.doubleValue ?? .nan)
  }

  /// The layers of `route plan --output` from its feature collection.
  public static func plan(_ collection: FeatureCollection) -> [GISLayer] {
    let routes = collection.features.filter { $0.geometry?.typeName == "LineString" }
    let turns = collection.features.filter { $0.properties["featureType"]?.stringValue == "alterCourse" }
    let ends = collection.features.filter { $0.properties["role"] != nil }
    return [
      GISLayer(
        name: "routes", features: routes,
        labels: routes.map {
          "Option \(number($0.properties["id"], 0)) (\($0.properties["kind"]?.stringValue ?? "route")):"
            + " \(number($0.properties["routeLengthKm"], 1)) km"
        }, descriptions: routes.map(figures),
        styles: routes.map { "PEN(c:\(colour($0.properties["id"])),w:4px)" }),
      GISLayer(
        name: "alter_course_points", features: turns,
        labels: turns.map {
          "AC \(number($0.properties["index"], 0)) (option \(number($0.properties["option"], 0))),"
            + " KP \(number($0.properties["kpKm"], 3))"
        }, descriptions: turns.map(figures)),
      GISLayer(
        name: "endpoints", features: ends, labels: ends.map { $0.properties["name"]?.stringValue ?? "" },
        descriptions: ends.map(figures)),
    ]
  }

  /// The layers of `route rpl --output` from its feature collection.
  public static func rpl(_ collection: FeatureCollection) -> [GISLayer] {
    let points = collection.features.filter { $0.properties["featureType"]?.stringValue == "rpl" }
    let lines = collection.features.filter { $0.geometry?.typeName == "LineString" }
    return [
      GISLayer(
        name: "rpl_points", features: points,
        labels: points.map {
          "\(number($0.properties["index"], 0)) \($0.properties["point"]?.stringValue ?? ""),"
            + " KP \(number($0.properties["kpKm"], 3))"
        }, descriptions: points.map(figures)),
      GISLayer(
        name: "route", features: lines,
        labels: lines.map {
          "Option \($0.properties["option"]?.stringValue ?? "1"): \(number($0.properties["routeLengthKm"], 1)) km"
        }, descriptions: lines.map(figures),
        styles: lines.map { "PEN(c:\(colour($0.properties["option"])),w:4px)" }),
    ]
  }
}
