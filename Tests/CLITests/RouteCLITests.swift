import Foundation
import Testing

/// `caspian-link route plan`, run as a user would. Most runs use 3 km cells to keep the suite
/// fast; one uses the defaults.
@Suite("CLI: route plan")
struct RouteCLITests {
  /// The routing tests' "strait" fixture (an island, a no-go field, a pipeline).
  static let strait = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CaspianRoutingTests/Fixtures/strait", isDirectory: true)

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("route-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("Default run: a table with three options, and nothing written to disk")
  func defaultTable() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CLI.run(["route", "plan", "--from", "aktau", "--to", "SUMGAIT"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("Route options Aktau → Sumgait: baseline"))
    #expect(result.stdout.contains("#  OPTION"))
    for id in 1...3 { #expect(result.stdout.contains("Option \(id): ")) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test("JSON: from, to and options with their figures and geometry")
  func jsonDocument() throws {
    let result = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--cell-size", "3000", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let doc = try Self.json(result.stdout)
    #expect((doc["from"] as? [String: Any])?["name"] as? String == "Aktau")
    #expect((doc["to"] as? [String: Any])?["name"] as? String == "Sumgait")
    let options = try #require(doc["options"] as? [[String: Any]])
    #expect(options.count == 3)
    for option in options {
      for key in [
        "id", "routeLengthKm", "baselineKm", "maxDepthM", "crossings", "minClearanceKm", "legs", "geometry",
      ] {
        #expect(option[key] != nil, "missing \(key)")
      }
      let geometry = try #require(option["geometry"] as? [String: Any])
      #expect(geometry["type"] as? String == "LineString")
      let coordinates = try #require(geometry["coordinates"] as? [[Double]])
      #expect(coordinates.count == (option["legs"] as? Int ?? -1) + 1)
    }
  }

  @Test("--geojson writes an RFC 7946 FeatureCollection, the same bytes every run")
  func geojsonFile() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var outputs: [Data] = []
    for name in ["a.geojson", "b.geojson"] {
      let file = directory.appendingPathComponent(name)
      let result = try CLI.run([
        "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--cell-size", "3000", "--geojson", file.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(try Data(contentsOf: file))
    }
    #expect(outputs[0] == outputs[1])
    let doc = try #require(try JSONSerialization.jsonObject(with: outputs[0]) as? [String: Any])
    #expect(doc["type"] as? String == "FeatureCollection")
    #expect(doc["crs"] == nil)
    let features = try #require(doc["features"] as? [[String: Any]])
    let kinds = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
    // The options, the two landings, then each option's alter-course points.
    #expect(Array(kinds.prefix(5)) == ["LineString", "LineString", "LineString", "Point", "Point"])
    let alterCourse = features.dropFirst(5).compactMap { $0["properties"] as? [String: Any] }
    #expect(alterCourse.count == kinds.count - 5)
    #expect(alterCourse.allSatisfy { $0["featureType"] as? String == "alterCourse" && $0["kpKm"] is Double })
    // Flat properties only (numbers and strings, as GIS layers need).
    for feature in features {
      let properties = try #require(feature["properties"] as? [String: Any])
      #expect(
        properties.values.allSatisfy { $0 is String || $0 is NSNumber || $0 is NSNull }, "\(properties)")
    }
    let first = try #require(features.first?["properties"] as? [String: Any])
    #expect(first["routeLengthKm"] is Double)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "a.geojson", "b.geojson",
      ])
  }

  @Test("A waypoint is honoured")
  func waypoint() throws {
    let result = try CLI.run([
      "route", "plan", "--geodata", Self.strait.path, "--from", "West", "--to", "East", "--via",
      "50.45,42.55",
      "--options", "1", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let option = try #require((try Self.json(result.stdout)["options"] as? [[String: Any]])?.first)
    let coordinates = try #require((option["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
    #expect(coordinates.contains([50.45, 42.55]))
  }

  @Test(
    "Bad input: one line on stderr, exit 1, no output file",
    arguments: [
      (["--from", "Aktua", "--to", "Sumgait"], #"no landing named "Aktua"; did you mean Aktau?"#),
      (
        ["--from-point", "51.30,43.90", "--to", "Sumgait"], "--from-point 51.30000,43.90000: point is on land"
      ),
      (
        ["--from", "Aktau", "--to", "Sumgait", "--via", "51.098,40.22"],
        #"inside the no-go field "Azeri-Chirag"#
      ),
      (["--from", "Aktau", "--to-point", "60,60"], "point is on land"),
    ])
  func badInput(arguments: [String], message: String) throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("out.geojson")
    let result = try CLI.run(["route", "plan", "--cell-size", "3000", "--geojson", file.path] + arguments)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("caspian-link: error: "))
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test("No route possible: the message names the no-go zones that close the way")
  func noRoute() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try Self.json(
      String(
        decoding: try Data(contentsOf: Self.strait.appendingPathComponent("hazards.geojson")), as: UTF8.self))
    var features = try #require(original["features"] as? [[String: Any]])
    features.append([
      "type": "Feature",
      "properties": [
        "kind": "protected-area", "name": "North Reserve", "constraint": "no-go", "source": "test",
        "schematic": true,
      ],
      "geometry": [
        "type": "Polygon",
        "coordinates": [
          [[50.40, 42.40], [50.50, 42.40], [50.50, 42.65], [50.40, 42.65], [50.40, 42.40]]
        ],
      ],
    ])
    let hazards = directory.appendingPathComponent("hazards.geojson")
    try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features]).write(
      to: hazards)
    let file = directory.appendingPathComponent("out.geojson")
    let result = try CLI.run([
      "route", "plan", "--geodata", Self.strait.path, "--hazards", hazards.path, "--from", "West", "--to",
      "East",
      "--geojson", file.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no route from West to East: the no-go zones"), "\(result.stderr)")
    #expect(result.stderr.contains("North Reserve") && result.stderr.contains("South Field"))
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test("Cost model from --config; a bad config is one line naming the file")
  func config() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("model.json")
    try Data(#"{"crossingCostKm": 12, "cellSizeM": 3000}"#.utf8).write(to: good)
    let ok = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--config", good.path, "--format", "json",
    ])
    #expect(ok.status == 0, "\(ok.stderr)")
    let model = try #require(try Self.json(ok.stdout)["costModel"] as? [String: Any])
    #expect(model["crossingCostKm"] as? Double == 12 && model["cellSizeM"] as? Double == 3000)
    let bad = directory.appendingPathComponent("bad.json")
    try Data(#"{"crossingCost": 12}"#.utf8).write(to: bad)
    let failed = try CLI.run(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--config", bad.path])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("\(bad.path): unknown key \"crossingCost\""))
  }

  @Test("Usage errors exit 2")
  func usage() throws {
    let both = try CLI.run(["route", "plan", "--from", "Aktau", "--from-point", "51,43", "--to", "Sumgait"])
    #expect(both.status == 2)
    let badPoint = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to-point", "east", "--cell-size", "3000",
    ])
    #expect(badPoint.status == 2)
  }
}
