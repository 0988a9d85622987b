import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
import CaspianSupport
import Foundation
import Testing

/// The one reader of route files: landing names, alter-course points, and the files it refuses.
@Suite struct RouteFileTests {
  static func file(_ features: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "route-\(UUID().uuidString).geojson")
    try #"{"type": "FeatureCollection", "features": [\#(features)]}"#.write(
      to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func line(_ option: String, _ coordinates: String, properties: String = "") -> String {
    #"{"type": "Feature", "properties": {"option": "\#(option)"\#(properties)}, "geometry": {"type": "LineString", "coordinates": \#(coordinates)}}"#
  }

  static let west = Landing(name: "West Bay", coordinate: Coordinate(longitude: 50, latitude: 40))

  @Test func endsTakeTheNameOfALandingWithinTwoKilometresElseTheFeaturesOwn() throws {
    // 0.01° of latitude is about 1.1 km from West Bay; the other end is far from any landing.
    let path = try Self.file(
      Self.line("1", "[[50, 40.01], [50.5, 40.5]]", properties: #", "to": "Far Point""#))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let route = try #require(try RouteFile.read(path: path, option: nil, landings: [Self.west]).first)
    #expect(route.landingNames == ("West Bay", "Far Point"))
    // 0.03° (3.3 km) is too far: the feature names nothing, so "start".
    let far = try Self.file(Self.line("1", "[[50, 40.03], [50.5, 40.5]]"))
    defer { try? FileManager.default.removeItem(atPath: far) }
    #expect(
      try RouteFile.read(path: far, option: nil, landings: [Self.west])[0].landingNames == ("start", "end"))
  }

  @Test func aDensifiedLineComesBackToItsAlterCoursePoints() throws {
    let corners = [
      Coordinate(longitude: 50, latitude: 40), Coordinate(longitude: 51, latitude: 41),
      Coordinate(longitude: 52, latitude: 40.5),
    ]
    let drawn = Geodesic.wgs84.densifiedForDrawing(corners, toleranceMetres: 10).points
    #expect(drawn.count > 10)
    let coordinates = "[" + drawn.map { "[\($0.longitude), \($0.latitude)]" }.joined(separator: ", ") + "]"
    let path = try Self.file(Self.line("A", coordinates))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let points = try RouteFile.read(path: path, option: "A", landings: [])[0].points
    #expect(points.count == 3)
    for (p, q) in zip(points, corners) { #expect(Geodesic.wgs84.distanceMetres(p, q) < 1) }
  }

  @Test(arguments: [
    (
      line("1", "[[50, 40], [51, 41]]") + ", " + line("1", "[[50, 40], [52, 41]]"),
      #"option "1" appears more than once (option ids must be unique)"#
    ),
    (line("1", "[[179.5, 40], [-179.5, 40]]"), "crosses the antimeridian"),
    (
      #"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [50, 40]}}"#,
      "no LineString route in the file"
    ),
  ])
  func refusedFilesNameTheFileAndTheProblem(features: String, problem: String) throws {
    let path = try Self.file(features)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = try #require(throws: FileError.self) {
      try RouteFile.read(path: path, option: nil, landings: [])
    }
    #expect(error.file == path)
    #expect(error.problem.contains(problem), "\(error.problem)")
  }

  @Test func anOptionNotInTheFileListsTheOnesThatAre() throws {
    let path = try Self.file(
      Self.line("1", "[[50, 40], [51, 41]]") + ", " + Self.line("2", "[[50, 40], [51, 40]]"))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = try #require(throws: FileError.self) {
      try RouteFile.read(path: path, option: "3", landings: [])
    }
    #expect(error.problem == #"no route for option "3" (options: 1, 2)"#)
  }
}
