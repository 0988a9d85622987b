import CaspianGeometry
import CaspianSupport
import Foundation
import Testing

private let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
  .appendingPathComponent("geojson")

@Suite struct GeoJSONTests {
  @Test(
    "Fixture in → out: sorted keys, 7 decimals, exterior CCW, holes CW, no crs/bbox, properties kept",
    arguments: ["collection", "feature", "bare-geometry", "collection-geometries"])
  func roundTrip(name: String) throws {
    let input = fixtures.appendingPathComponent("\(name).in.geojson")
    let expected = try String(
      contentsOf: fixtures.appendingPathComponent("\(name).out.geojson"), encoding: .utf8)
    let collection = try GeoJSON.readFeatureCollection(from: input)
    let written = String(decoding: GeoJSON.encode(collection), as: UTF8.self)
    #expect(written == expected)
    // Writing what was written reproduces it exactly.
    let again = try GeoJSON.decodeFeatureCollection(Data(written.utf8), source: "out")
    #expect(String(decoding: GeoJSON.encode(again), as: UTF8.self) == expected)
  }

  @Test func keepsPropertiesAndIds() throws {
    let collection = try GeoJSON.readFeatureCollection(
      from: fixtures.appendingPathComponent("collection.in.geojson"))
    #expect(collection.features.count == 3)
    let sea = collection.features[0]
    #expect(sea.id == .number(7))
    #expect(sea.properties["depths"] == .array([.number(1), .number(2.5), .number(-300)]))
    #expect(sea.properties["meta"] == .object(["z": .null, "a": .bool(true)]))
    guard case .polygon(let polygon) = sea.geometry else {
      Issue.record("expected a polygon")
      return
    }
    #expect(polygon.holes.count == 1)
    // Read as given (clockwise); only the writer reorients.
    #expect(polygon.exterior[1] == Coordinate(longitude: 50, latitude: 42))
    let point = collection.features[1]
    #expect(point.id == .string("aktau"))
    #expect(point.geometry == .point(Coordinate(longitude: 51.140000049, latitude: 43.63499999951)))
    #expect(collection.features[2].geometry == nil)
  }

  @Test(
    "Bad documents give one line naming the file, the feature and the problem",
    arguments: [
      ("bad-malformed.geojson", "malformed JSON at line 4, column 25: unexpected '\"', expected ',' or '}'"),
      (
        "bad-swapped.geojson",
        "feature 1 \"Platform X\": Point: position [40.2, 120.5]: latitude 120.5 is outside -90…90; longitude and latitude look swapped"
      ),
      (
        "bad-longitude.geojson",
        "feature 0: LineString position 1: position [500000.5, 4500000]: latitude 4500000 is outside -90…90"
      ),
      ("bad-unclosed.geojson", "feature 0 \"Field\": Polygon ring 0: is not closed"),
      (
        "bad-short-ring.geojson",
        "feature 0: MultiPolygon polygon 1 ring 0: has 3 positions; a ring needs at least 4"
      ),
      ("bad-short-line.geojson", "feature 0 \"Cable\": LineString: has 1 position; a line needs at least 2"),
      ("bad-properties.geojson", "feature 0: \"properties\" must be an object or null, got a string"),
      ("bad-crs.geojson", "crs \"EPSG:3857\" is not supported"),
      ("bad-type.geojson", "feature 0: unknown geometry type \"Polyline\""),
      (
        "bad-position.geojson",
        "feature 0 \"Sumgait\": Point: expected a position [longitude, latitude], got [\"49.67\",\"40.61\"]"
      ),
      ("bad-features.geojson", "a FeatureCollection needs a \"features\" array"),
    ])
  func rejects(file: String, message: String) {
    let url = fixtures.appendingPathComponent(file)
    do {
      _ = try GeoJSON.readFeatureCollection(from: url)
      Issue.record("\(file) was accepted")
    } catch {
      let text = "\(error)"
      #expect(text.hasPrefix(url.path + ": "))
      #expect(text.contains(message), "\(text)")
      #expect(!text.contains("\n"))
    }
  }

  @Test func projectedLongitudeIsNamed() {
    let data = Data(#"{"type":"Point","coordinates":[500000,40]}"#.utf8)
    #expect(throws: FileError.self) { try GeoJSON.decodeFeatureCollection(data, source: "p.geojson") }
    do {
      _ = try GeoJSON.decodeFeatureCollection(data, source: "p.geojson")
    } catch {
      #expect("\(error)".contains("longitude 500000 is outside -180…180 (projected coordinates?"))
    }
  }

  @Test func missingFileNamesTheFile() {
    let url = fixtures.appendingPathComponent("no-such.geojson")
    do {
      _ = try GeoJSON.readFeatureCollection(from: url)
      Issue.record("accepted a missing file")
    } catch {
      #expect("\(error)" == "\(url.path): cannot read: no such file")
    }
  }

  @Test func writesAtomically() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("out.geojson")
    let collection = FeatureCollection(features: [
      Feature(geometry: .lineString([.init(longitude: 1, latitude: 2), .init(longitude: 3, latitude: 4)]))
    ])
    try GeoJSON.write(collection, to: url)
    #expect(try GeoJSON.readFeatureCollection(from: url) == collection)
  }
}
