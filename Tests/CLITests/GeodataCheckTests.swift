import Foundation
import Testing

@Suite struct GeodataCheckTests {
  let small = CLI.geodataFixtures.appendingPathComponent("small").path

  @Test func printsATable() throws {
    let result = try CLI.run(["geodata", "check", "--geodata", small])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Data set  Small test set")
    #expect(lines.contains("Sea       \(small)/sea.geojson: 35876 km² (geodesic), 1 polygon, 1 island"))
    #expect(lines.contains("Grid      \(small)/grid.asc: 30 × 30 cells of 0.1° × 0.1°"))
    #expect(
      lines.contains(
        "          water surface -29.35 m; water depth in the sea 8.1…293.1 m over 384 cells (0 dry)"))
    #expect(lines.contains("  NAME       LON      LAT  COUNTRY    CONFIDENCE  GRID DEPTH"))
    #expect(lines.contains("  Alpha  50.3000  41.7000  Country A  high            45.6 m"))
    #expect(lines.contains("  Gamma  51.5000  41.5000  -          -              175.7 m"))
    #expect(lines.contains("          by constraint: info 1, no-go 2, soft 5"))
    #expect(lines.contains("Repairs   none"))
  }

  @Test func printsJSON() throws {
    let result = try CLI.run([
      "geodata", "check", "--geodata", small, "--format", "json", "--water-surface", "-30",
    ])
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let sea = try #require(json["sea"] as? [String: Any])
    #expect(abs((sea["areaKm2"] as? Double ?? 0) - 35876.1725) < 0.01)
    #expect(sea["islandCount"] as? Int == 1)
    let grid = try #require(json["grid"] as? [String: Any])
    #expect(grid["waterSurfaceM"] as? Double == -30)
    #expect(grid["columns"] as? Int == 30)
    let landings = try #require(json["landings"] as? [[String: Any]])
    #expect(landings.map { $0["name"] as? String } == ["Alpha", "Beta", "Gamma"])
    let hazards = try #require(json["hazards"] as? [String: Any])
    #expect(hazards["count"] as? Int == 8)
  }

  @Test func checkIsTheDefaultSubcommand() throws {
    let result = try CLI.run(["geodata", "--geodata", small, "--format", "json"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"islandCount\" : 1"))
  }

  @Test func findsTheDataThroughTheEnvironment() throws {
    let result = try CLI.run(
      ["geodata", "check"], environment: ["CASPIAN_GEODATA": small],
      in: FileManager.default.temporaryDirectory)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Data set  Small test set\n"))
  }

  /// Without flags or environment, the binary finds the package's `Geodata/` by walking up from
  /// its own location, whatever the current directory.
  @Test func findsTheBundledDataFromAnywhere() throws {
    let packageRoot = CLI.geodataFixtures.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    for directory in [FileManager.default.temporaryDirectory, packageRoot] {
      let result = try CLI.run(["geodata", "check"], removing: ["CASPIAN_GEODATA"], in: directory)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("Data set  Caspian Sea default data set\n"))
      #expect(result.stdout.contains("Sea       Geodata/caspian-sea.geojson: ") == (directory == packageRoot))
    }
  }

  @Test(
    "Bad input: exit 1 and one line on stderr naming the file and the problem",
    arguments: [
      (
        ["--landings", "bad/landings-on-land.geojson"],
        "bad/landings-on-land.geojson: feature 1 \"Inland\": point [49.8, 41] is on land, 16.8 km from the water"
      ),
      (
        ["--grid", "bad/grid-short.asc"],
        "bad/grid-short.asc: the header says 30 rows × 30 columns = 900 values, but the data has 870"
      ),
      (["--sea", "bad/sea-swapped.geojson"], "bad/sea-swapped.geojson: feature 0 \"Test sea\": the sea"),
      (
        ["--hazards", "bad/hazards-kind.geojson"],
        "bad/hazards-kind.geojson: feature 0 \"R\": kind \"rig\" is not one of"
      ),
      (["--hazards", "bad/missing.geojson"], "bad/missing.geojson: cannot read: no such file"),
    ])
  func rejects(arguments: [String], message: String) throws {
    let result = try CLI.run(["geodata", "check", "--geodata", "small"] + arguments, in: CLI.geodataFixtures)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("caspian-link: error: \(message)"), "\(result.stderr)")
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func usageErrorsExitWithTwo() throws {
    let result = try CLI.run(["geodata", "check", "--geodata", small, "--format", "xml"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
  }
}
