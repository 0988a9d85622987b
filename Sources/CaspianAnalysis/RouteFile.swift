import CaspianGDAL
import CaspianGeodata
import CaspianGeometry
import CaspianSupport
import Foundation

/// A route read back from a route file (GeoJSON, GeoPackage, KML, Shapefile).
public struct RouteInput: Sendable {
  /// The option's id (property "option" or "id", else the feature id, else its position).
  public var option: String
  /// Alter-course points from the first landing to the last.
  public var points: [Coordinate]
  public var landingNames: (String, String)

  public init(option: String, points: [Coordinate], landingNames: (String, String)) {
    self.option = option
    self.points = points
    self.landingNames = landingNames
  }
}

public enum RouteFile {
  /// The LineString features of a route GeoJSON file (as `route plan --geojson` writes them),
  /// optionally only the one whose option id is `option`.
  ///
  /// A line drawn along the geodesic (densified) is read back to its alter-course points: the
  /// file's `featureType: "alterCourse"` points of that option when there are any (by `index`),
  /// else the line's vertices less those within 0.5 m of the geodesic between their neighbours.
  ///
  /// Landing names come from the data set's landing within 2 km of each end, else the
  /// feature's "from"/"to" properties, else the file's landing points (Point features with
  /// "role" "from"/"to", as `route plan --geojson` writes them), else "start"/"end".
  ///
  /// Every command that reads a route file reads it here, so all refuse the same files: two
  /// routes with one option id, a route of fewer than 2 points, and a leg across the
  /// antimeridian (longitudes jump by more than 180°), whichever option is asked for.
  /// The properties a route file's reader looks at (restored from a Shapefile's 10-character names).
  static let routeKeys = ["featureType", "option", "index", "kpKm", "id", "from", "to", "role", "name"]

  /// The features of a route file: GeoJSON as the project reads it; any other GIS format through
  /// GDAL, every layer (GeoPackage, KML), and for a Shapefile `NAME.shp` with its sibling
  /// `NAME_<layer>.shp` files (as `--output NAME.shp` writes them).
  public static func readFeatures(_ url: URL) throws -> FeatureCollection {
    switch GISFormat(path: url.path) {
    case .geoJSON?, nil: return try GeoJSON.readFeatureCollection(from: url)
    case .shapefile?:
      let base = url.deletingPathExtension().lastPathComponent
      let siblings =
        ((try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? [])
        .filter { $0.hasPrefix(base + "_") && $0.lowercased().hasSuffix(".shp") }.sorted()
        .map { url.deletingLastPathComponent().appendingPathComponent($0) }
      let features = try ([url] + siblings).flatMap { try GDALVector.readAllLayers($0).features }
      return FeatureCollection(features: ShapefileFieldNames.restoring(routeKeys, in: features))
    default: return try GDALVector.readAllLayers(url)
    }
  }

  public static func read(path: String, option: String?, landings: [Landing]) throws -> [RouteInput] {
    try read(readFeatures(URL(fileURLWithPath: path)), path: path, option: option, landings: landings)
  }

  /// `read(path:option:landings:)` for a collection already in memory; `path` names it in errors.
  public static func read(_ collection: FeatureCollection, path: String, option: String?, landings: [Landing])
    throws -> [RouteInput]
  {
    func endpointName(role: String) -> String? {
      collection.features.first {
        if case .point? = $0.geometry { return $0.properties["role"]?.stringValue == role }
        return false
      }?.properties["name"].flatMap(text)
    }
    var routes: [RouteInput] = []
    for (index, feature) in collection.features.enumerated() {
      guard case .lineString(let drawn)? = feature.geometry else { continue }
      let id = optionID(of: feature, at: index)
      let points = try alterCoursePoints(of: drawn, option: id, in: collection, path: path)
      routes.append(
        RouteInput(
          option: id, points: points,
          landingNames: (
            landingName(near: points[0], landings: landings) ?? feature.properties["from"].flatMap(text)
              ?? endpointName(role: "from") ?? "start",
            landingName(near: points[points.count - 1], landings: landings)
              ?? feature.properties["to"].flatMap(text) ?? endpointName(role: "to") ?? "end"
          )))
    }
    guard !routes.isEmpty else {
      throw FileError(file: path, problem: "no LineString route in the file")
    }
    var seen: Set<String> = []
    for route in routes {
      guard seen.insert(route.option).inserted else {
        throw FileError(
          file: path, problem: "option \"\(route.option)\" appears more than once (option ids must be unique)"
        )
      }
      guard route.points.count >= 2 else {
        throw FileError(
          file: path,
          problem: "option \(route.option): a route needs at least 2 points, got \(route.points.count)")
      }
      for (leg, (a, b)) in zip(route.points, route.points.dropFirst()).enumerated()
      where abs(b.longitude - a.longitude) > 180 {
        throw FileError(
          file: path,
          problem:
            "option \(route.option): leg \(leg + 1) crosses the antimeridian (longitude \(a.longitude) to \(b.longitude)); routes must not"
        )
      }
    }
    guard let option else { return routes }
    let chosen = routes.filter { $0.option == option }
    guard !chosen.isEmpty else {
      throw FileError(
        file: path,
        problem:
          "no route for option \"\(option)\" (options: \(routes.map(\.option).joined(separator: ", ")))")
    }
    return chosen
  }

  /// The alter-course points of the line `drawn` of option `option`: the file's alter-course
  /// point features for it, else the vertices not on the geodesic between their neighbours.
  private static func alterCoursePoints(
    of drawn: [Coordinate], option: String, in collection: FeatureCollection, path: String
  ) throws -> [Coordinate] {
    var marked: [(index: Double, point: Coordinate)] = []
    for feature in collection.features
    where feature.properties["featureType"]?.stringValue == "alterCourse"
      && feature.properties["option"].flatMap(text) == option
    {
      guard case .point(let point)? = feature.geometry, let index = feature.properties["index"]?.doubleValue
      else {
        throw FileError(
          file: path, problem: "an alter-course feature of option \(option) is not a Point with an \"index\"")
      }
      marked.append((index, point))
    }
    guard !marked.isEmpty else { return Geodesic.wgs84.alterCoursePoints(of: drawn, toleranceMetres: 0.5) }
    let points = marked.sorted { $0.index < $1.index }.map(\.point)
    for (end, name) in [(0, "first"), (drawn.count - 1, "last")] {
      let point = end == 0 ? points[0] : points[points.count - 1]
      guard Geodesic.wgs84.distanceMetres(point, drawn[end]) <= 1 else {
        throw FileError(
          file: path,
          problem: "option \(option): the \(name) alter-course point is not at the \(name) point of its line")
      }
    }
    return points
  }

  static func text(_ value: JSONValue) -> String? {
    switch value {
    case .string(let s): s
    case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
    default: nil
    }
  }

  private static func landingName(near c: Coordinate, landings: [Landing]) -> String? {
    landings.map { ($0.name, Geodesic.wgs84.inverse($0.coordinate, c).distanceMetres) }
      .filter { $0.1 <= 2000 }.min { $0.1 < $1.1 }?.0
  }
}

extension RouteFile {
  /// The features of option `option` in `collection`: its line, its alter-course points and the
  /// landing points (as `route plan --output` writes them).
  public static func features(of option: String, in collection: FeatureCollection) -> [Feature] {
    collection.features.enumerated().filter { index, feature in
      if feature.properties["role"] != nil { return true }
      if feature.properties["featureType"]?.stringValue == "alterCourse" {
        return feature.properties["option"].flatMap(text) == option
      }
      guard case .lineString? = feature.geometry else { return false }
      return optionID(of: feature, at: index) == option
    }.map(\.element)
  }

  /// The option id of the line `feature`, the `index`-th feature of its file: its property
  /// "option" or "id", else the feature id, else its position (from 1).
  static func optionID(of feature: Feature, at index: Int) -> String {
    [feature.properties["option"], feature.properties["id"], feature.id].compactMap { $0.flatMap(text) }.first
      ?? String(index + 1)
  }
}

extension RouteAnalyzer {
  /// The analysis of a route read from `file`.
  /// - Throws: `FileError` naming the file and the option for a geometry that cannot be
  ///   analysed; geometry errors from GEOS.
  public func analyse(_ route: RouteInput, from file: String) throws -> RouteAnalysis {
    do {
      return try analyse(route.points)
    } catch let error as RouteProblem {
      throw FileError(file: file, location: "option \(route.option)", problem: error.problem)
    }
  }
}
