import Foundation
import Testing

/// `caspian-link route rpl` on a synthetic V-shaped basin (2 m of water at the landings on
/// 40° N and 41° N, seabed falling 1:50 towards the middle) with one pipeline and one platform.
@Suite struct RouteRPLTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/engineering")

  func run(_ arguments: [String]) throws -> CLI.Result {
    try CLI.run(arguments)
  }

  var common: [String] {
    [
      "route", "rpl", "--route", Self.fixtures.appendingPathComponent("basin-route.geojson").path,
      "--geodata",
      Self.fixtures.appendingPathComponent("basin").path,
    ]
  }

  func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("rpl-\(UUID().uuidString)-\(name)")
  }

  @Test func writesTheCSVAndPrintsTheTable() throws {
    let csv = temporaryFile("a.csv")
    defer { try? FileManager.default.removeItem(at: csv) }
    let result = try run(common + ["--option", "A", "--output", csv.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Option A: West → East"))
    #expect(result.stdout.contains("Route Position List"))
    #expect(result.stdout.contains("ESTIMATE"))
    #expect(result.stdout.contains("crossing pipeline Test oil line at 30°"))
    #expect(result.stdout.contains("platform-clearance"))
    let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\r\n").map(String.init)
    #expect(lines[0].hasPrefix("Index,Point,Latitude (deg),Longitude (deg),Latitude (DDM)"))
    #expect(lines[1].hasPrefix("0,landing,40.000000,50.000000,40°00.000'N,050°00.000'E,0.000,"))
    // The meridian arc 40° N → 41° N on WGS84 is 111.044 km (GeographicLib).
    let last = lines[lines.count - 1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(last[1] == "landing" && last[6] == "111.044")
  }

  @Test func jsonCarriesTheFiguresOfEveryOption() throws {
    let result = try run(common + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let options = try #require(json["options"] as? [[String: Any]])
    #expect(options.map { $0["option"] as? String } == ["A", "B"])
    let a = try #require(options[0]["engineering"] as? [String: Any])
    let route = try #require(a["routeLengthKm"] as? Double)
    let seabed = try #require(a["seabedLengthKm"] as? Double)
    let cable = try #require(a["cableLengthKm"] as? Double)
    #expect(abs(route - 111.044) < 0.001)
    #expect(cable >= seabed && seabed >= route)
    #expect((a["costUSD"] as? Double ?? 0) > 0 && (a["layDays"] as? Double ?? 0) > 0)
    #expect(
      (a["warnings"] as? [[String: Any]])?.contains { $0["kind"] as? String == "crossing-angle" } == true)
  }

  @Test func seaLevelScenarioReportsTheShoreMovingSeaward() throws {
    let result = try run(common + ["--option", "A", "--sea-level", "-34.35", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let option = try #require((json["options"] as? [[String: Any]])?.first)
    let scenario = try #require(option["seaLevelScenario"] as? [String: Any])
    let figures = try #require((scenario["comparison"] as? [String: Any])?["figures"] as? [[String: Any]])
    let dry = try #require(figures.first { $0["figure"] as? String == "dry (land section) at West" })
    // 5 m lower on a 1:50 slope from 2 m of water: the first 150 m dry up.
    #expect(abs((dry["scenario"] as? Double ?? 0) - 0.150) < 0.002)
    #expect(dry["today"] as? Double == 0)
    let table = try run(common + ["--option", "A", "--sea-level", "-34.35"])
    #expect(
      table.stdout.contains("Sea-level scenario: water surface -34.35 m against today's -29.35 m (-5.00 m)"))
  }

  @Test func engineeringOverridesApply() throws {
    let shallow = Self.fixtures.appendingPathComponent("engineering-shallow-burial.json").path
    let json = try run(common + ["--option", "A", "--engineering", shallow, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let a = try #require(((object["options"] as? [[String: Any]])?.first)?["engineering"] as? [String: Any])
    // Burial stops at 200 m of water, (200 − 2) / 2220 m per degree = 0.0892° = 9.904 km from
    // each landing, plus the 1 km crossing zone at 668 m.
    #expect(abs((a["buriedKm"] as? Double ?? 0) - (2 * 9.904 + 1.0)) < 0.01)
  }

  @Test func badInputFailsWithOneLineAndWritesNothing() throws {
    let csv = temporaryFile("never.csv")
    let typo = Self.fixtures.appendingPathComponent("engineering-typo.json").path
    let bad = try run(common + ["--option", "A", "--engineering", typo, "--output", csv.path])
    #expect(bad.status == 1)
    #expect(bad.stderr == "caspian-link: error: \(typo): unknown member \"burial.maxDepth\"\n")
    #expect(!FileManager.default.fileExists(atPath: csv.path))

    // A missing --engineering or --config file: the reason, as for every other input.
    let absent = temporaryFile("absent.json").path
    for flags in [
      common + ["--option", "A", "--engineering", absent],
      ["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--config", absent],
    ] {
      let result = try CLI.run(flags)
      #expect(result.status == 1, "\(flags)")
      #expect(result.stderr == "caspian-link: error: \(absent): cannot read: no such file\n", "\(flags)")
    }

    let missing = try run(common + ["--option", "Z"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no route for option \"Z\" (options: A, B)"))

    let outside = Self.fixtures.appendingPathComponent("outside-route.geojson").path
    let noDepth = try run([
      "route", "rpl", "--route", outside, "--geodata", Self.fixtures.appendingPathComponent("basin").path,
    ])
    #expect(noDepth.status == 1)
    #expect(
      noDepth.stderr == "caspian-link: error: \(outside): option X: no depth data anywhere along the route\n")

    let two = try run(common + ["--output", csv.path])
    #expect(two.status == 1)
    #expect(two.stderr.contains("holds 2 routes"))
    #expect(!FileManager.default.fileExists(atPath: csv.path))
  }
}

/// `route plan` carries the engineering figures of every option and writes option 1's RPL.
@Suite struct RoutePlanEngineeringTests {
  @Test func planAddsEngineeringFiguresAndWritesTheRPL() throws {
    let rpl = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plan-rpl-\(UUID().uuidString).csv")
    let geojson = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plan-\(UUID().uuidString).geojson")
    defer {
      try? FileManager.default.removeItem(at: rpl)
      try? FileManager.default.removeItem(at: geojson)
    }
    let result = try RouteRPLTests().run([
      "route", "plan", "--from", "West", "--to", "East", "--options", "1", "--geodata",
      RouteRPLTests.fixtures.appendingPathComponent("basin").path, "--rpl", rpl.path, "--geojson",
      geojson.path,
      "--sea-level", "-34.35", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let option = try #require((json["options"] as? [[String: Any]])?.first)
    for key in [
      "cableLengthKm", "seabedLengthKm", "cableTypes", "buriedKm", "costUSD", "layDays", "warnings",
    ] {
      #expect(option[key] != nil, "missing \(key)")
    }
    let cable = try #require(option["cableLengthKm"] as? Double)
    let route = try #require(option["routeLengthKm"] as? Double)
    #expect(cable > route)
    #expect(option["seaLevelScenario"] != nil)
    let csv = try String(contentsOf: rpl, encoding: .utf8)
    #expect(csv.hasPrefix("Index,Point,"))
    // The RPL's last KP is the route length route plan measured.
    let lastRow = try #require(csv.split(separator: "\r\n").last).split(
      separator: ",", omittingEmptySubsequences: false)
    #expect(abs(try #require(Double(lastRow[6])) - route) < 0.0015)
    #expect(csv.contains("LAND"))  // 5 m lower, the first 150 m are dry
    let collection = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: geojson)) as? [String: Any])
    let feature = try #require((collection["features"] as? [[String: Any]])?.first)
    let properties = try #require(feature["properties"] as? [String: Any])
    #expect(properties["cableLengthKm"] as? Double == cable)
    #expect(properties["seaLevelM"] as? Double == -34.35)
  }
}

/// A planned route exported to GeoJSON and read back has the same alter-course points and KPs.
@Suite("CLI: route files round-trip")
struct RouteFileRoundTripTests {
  @Test("Export → import keeps the alter-course points and KPs, with or without the point features")
  func densifiedLinesRoundTrip() throws {
    let directory = try RouteCLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let exported = directory.appendingPathComponent("routes.geojson")
    let planned = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--cell-size", "3000", "--format", "json",
      "--geojson", exported.path,
    ])
    try #require(planned.status == 0, "\(planned.stderr)")
    let options = try #require(try RouteCLITests.json(planned.stdout)["options"] as? [[String: Any]])

    // The same file without the alter-course features: the reader drops the densifying points.
    var document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: exported)) as? [String: Any])
    let features = try #require(document["features"] as? [[String: Any]])
    document["features"] = features.filter {
      ($0["properties"] as? [String: Any])?["featureType"] as? String != "alterCourse"
    }
    let bare = directory.appendingPathComponent("bare.geojson")
    try JSONSerialization.data(withJSONObject: document).write(to: bare)

    for file in [exported, bare] {
      for option in options {
        let id = try #require(option["id"] as? Int)
        let rpl = try CLI.run([
          "route", "rpl", "--route", file.path, "--option", "\(id)", "--format", "json",
        ])
        try #require(rpl.status == 0, "\(rpl.stderr)")
        let engineering = try #require(
          (try RouteCLITests.json(rpl.stdout)["options"] as? [[String: Any]])?.first?["engineering"]
            as? [String: Any])
        let rows = try #require(engineering["rows"] as? [[String: Any]])
        let turns = rows.filter { ["landing", "AC"].contains($0["point"] as? String) }
        let plannedKp = try #require(option["vertexKpKm"] as? [Double])
        let geometry = try #require((option["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
        #expect(turns.count == plannedKp.count, "\(file.lastPathComponent) option \(id)")
        for (row, (kp, position)) in zip(turns, zip(plannedKp, geometry)) {
          #expect(abs((row["kpKm"] as? Double ?? -1) - kp) <= 0.001)
          let lon = try #require(row["longitude"] as? Double)
          let lat = try #require(row["latitude"] as? Double)
          // 1e-5 degrees is about a metre.
          #expect(abs(lon - position[0]) < 1e-5 && abs(lat - position[1]) < 1e-5)
        }
      }
    }
  }

  @Test("route rpl --output rpl.geojson writes the route line and a point per RPL row, flat")
  func rplAsGeoJSON() throws {
    let directory = try RouteCLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = directory.appendingPathComponent("routes.geojson")
    let planned = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--cell-size", "3000", "--options", "1",
      "--output", routes.path,
    ])
    try #require(planned.status == 0, "\(planned.stderr)")
    let csv = directory.appendingPathComponent("rpl.csv")
    let geojson = directory.appendingPathComponent("rpl.geojson")
    for file in [csv, geojson] {
      let result = try CLI.run([
        "route", "rpl", "--route", routes.path, "--option", "1", "--output", file.path,
      ])
      try #require(result.status == 0, "\(result.stderr)")
    }
    let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\r\n").dropFirst()
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: geojson)) as? [String: Any])
    let features = try #require(document["features"] as? [[String: Any]])
    let types = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
    #expect(types.first == "LineString")
    #expect(types.dropFirst().allSatisfy { $0 == "Point" })
    #expect(features.count == rows.count + 1)
    for (feature, row) in zip(features.dropFirst(), rows) {
      let properties = try #require(feature["properties"] as? [String: Any])
      #expect(properties.values.allSatisfy { $0 is String || $0 is NSNumber || $0 is NSNull })
      // The CSV's KP column (7th) is the same figure.
      let kp = String(row.split(separator: ",", omittingEmptySubsequences: false)[6])
      #expect(properties["kpKm"] as? Double == Double(kp))
    }
    let unknown = try CLI.run([
      "route", "rpl", "--route", routes.path, "--option", "1", "--output", "rpl.txt",
    ])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown format"))
  }
}
