import CaspianSupport
import Foundation
import Testing

/// Issue 9, numbers, geodata and routing: each bad input exits 1 with exactly one line on stderr
/// naming the file (or flag) and the key, line or feature, and leaves its input unchanged.
@Suite struct BadNumbersTests {
  static let basin = RouteRPLTests.fixtures.appendingPathComponent("basin")
  static let route = RouteRPLTests.fixtures.appendingPathComponent("basin-route.geojson")

  /// A fresh temporary directory holding `name` with `contents`.
  func file(_ name: String, _ contents: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url
  }

  /// Runs the command and checks exit 1, one stderr line holding every one of `expected`, and
  /// the input byte for byte unchanged.
  func expectRefused(_ arguments: [String], input: URL?, _ expected: [String]) throws {
    let before = try input.map { try Data(contentsOf: $0) }
    let result = try CLI.run(arguments)
    #expect(result.status == 1, "\(arguments): \(result.stderr)")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 1, "\(result.stderr)")
    for text in expected { #expect(result.stderr.contains(text), "\(result.stderr)") }
    if let input { #expect(try Data(contentsOf: input) == before) }
  }

  var rpl: [String] {
    ["route", "rpl", "--route", Self.route.path, "--option", "A", "--geodata", Self.basin.path]
  }

  @Test(
    arguments: [
      (
        #"{"cost": {"vesselSpreadUSDPerDay": 1e308}}"#,
        "cost.vesselSpreadUSDPerDay must be between 0 and 10000000 USD/day"
      ),
      (#"{"lay": {"ploughKmPerDay": 1e-300}}"#, "lay.ploughKmPerDay must be between 0.1 and 500 km/day"),
      (
        #"{"landing": {"shoreEndAllowanceM": 1e12}}"#,
        "landing.shoreEndAllowanceM must be between 0 and 20000 m"
      ),
      (#"{"slack": {"buriedPercent": 1000}}"#, "slack.buriedPercent must be between 0 and 50 %"),
      (#"{"slack": {"buriedPercent": 1}, "slack": {"loopRiskPercent": 9}}"#, #"duplicate key "slack""#),
    ])
  func engineeringFileNumbers(json: String, message: String) throws {
    let url = try file("engineering.json", json)
    try expectRefused(rpl + ["--engineering", url.path], input: url, [url.path + ": ", message])
  }

  @Test(
    arguments: [
      (
        #"{"cellSizeM": 1}"#,
        ["cellSizeM 1 m gives a cost grid of", "cells", "the smallest cell size that fits is"]
      ),
      (#"{"profileSpacingM": 500}"#, [#"unknown key "profileSpacingM""#]),
      (#"{"fieldPenalty": 1e308}"#, ["fieldPenalty must be between 0 and 1000"]),
      (#"{"portPenalty": 1, "portPenalty": 2}"#, [#"duplicate key "portPenalty""#]),
    ])
  func costModelNumbers(json: String, messages: [String]) throws {
    let url = try file("cost.json", json)
    try expectRefused(
      ["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--config", url.path], input: url,
      [url.path + ": "] + messages)
  }

  @Test func flagsGoThroughTheSameLimits() throws {
    let plan = ["route", "plan", "--from", "Aktau", "--to", "Sumgait"]
    try expectRefused(
      plan + ["--cell-size", "0.5"], input: nil, ["--cell-size: cellSizeM must be between 1 and 20000 m"])
    try expectRefused(
      plan + ["--cell-size", "20", "--memory-budget", "1"], input: nil,
      [
        "--cell-size: cellSizeM 20 m gives a cost grid of",
        "over the memory budget of 1.0 GB (--memory-budget",
        "the smallest cell size that fits is",
      ])
    try expectRefused(
      rpl + ["--sea-level", "1e9"], input: nil, ["--sea-level must be between -500 and 500 m"])
  }

  @Test(
    arguments: [
      (
        "ncols 2\nnrows 1\nxllcorner 49.5\nyllcorner 39.5\ncellsize 1\n-100 -100\n",
        "line 2: nrows must be between 2"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 49.5\nyllcorner 39.5\ncellsize 1\nNODATA_value -9999\n-9999 -9999\n-9999 -9999\n",
        "is NODATA"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 49.5\nyllcorner 39.5\ncellsize 1\n100 100\n100 100\n",
        "no cell is below the water surface"
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 49.5\nyllcorner 39.5\ncellsize 1\nnan 1\n1 1\n",
        #"line 6: row 1, column 1: value "nan" is not a number"#
      ),
      (
        "ncols 2\nnrows 2\nxllcorner 49.5\nyllcorner 39.5\ncellsize 1\n-3e38 1\n1 1\n",
        "elevation must be between -12000 and 9000 m"
      ),
    ])
  func grids(text: String, message: String) throws {
    let url = try file("grid.asc", text)
    try expectRefused(
      ["geodata", "check", "--geodata", Self.basin.path, "--grid", url.path], input: url,
      [url.path + ": ", message])
  }

  @Test func hazardBufferOutOfRange() throws {
    let original = try String(
      contentsOf: Self.basin.appendingPathComponent("hazards.geojson"), encoding: .utf8)
    let url = try file(
      "hazards.geojson",
      original.replacingOccurrences(of: #""schematic": true,"#, with: #""schematic": true, "bufferM": 1e7,"#))
    try expectRefused(
      ["geodata", "check", "--geodata", Self.basin.path, "--hazards", url.path], input: url,
      [url.path + ": feature 1 \"Rig 1\"", "property bufferM must be between 0 and 50000 m"])
  }

  @Test func progressRefusesTheRouteFilesRplRefuses() throws {
    let antimeridian = try file(
      "am.geojson",
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"option":"1"},"geometry":{"type":"LineString","coordinates":[[179.5,40],[-179.5,40.2]]}}]}"#
    )
    let twice = try file(
      "dup.geojson",
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"option":"1"},"geometry":{"type":"LineString","coordinates":[[50,40],[50,40.5]]}},{"type":"Feature","properties":{"option":"1"},"geometry":{"type":"LineString","coordinates":[[50,40],[50,41]]}}]}"#
    )
    for (url, message) in [
      (antimeridian, "crosses the antimeridian"), (twice, #"option "1" appears more than once"#),
    ] {
      try expectRefused(["progress", "--route", url.path], input: url, [url.path + ": ", message])
      try expectRefused(
        ["route", "rpl", "--route", url.path, "--geodata", Self.basin.path], input: url,
        [url.path + ": ", message])
    }
  }

  /// Fails until the README's Limits table (the lead's) lists every limit by name.
  @Test func readmeListsEveryLimit() throws {
    let readme = try String(
      contentsOf: RouteRPLTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for limit in Limits.all {
      #expect(readme.contains("`\(limit.name)`"), "README does not list \(limit.name)")
    }
  }
}
