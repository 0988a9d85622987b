import CaspianGeometry
import Foundation
import Testing

/// Issue 10: one route geometry gives the same numbers in every command, imported routes get
/// every check planned ones get, and exported lines follow the geodesic.
@Suite(.serialized) struct OneAnalysisTests {
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "one-analysis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The report's JSON data block.
  static func reportData(_ page: String) throws -> [String: Any] {
    let open = try #require(page.range(of: "<script type=\"application/json\" id=\"report-data\">"))
    let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
    return try json(String(page[open.upperBound..<close.lowerBound]))
  }

  /// (name, KP) of each crossing in a list of crossing objects.
  static func kps(_ value: Any?) -> [(String, Double)] {
    ((value as? [[String: Any]]) ?? []).map {
      ($0["assetName"] as? String ?? "?", $0["kpKm"] as? Double ?? .nan)
    }
  }

  static func expectSame(_ a: [(String, Double)], _ b: [(String, Double)], _ what: String) {
    #expect(a.map(\.0) == b.map(\.0), "\(what)")
    for (x, y) in zip(a, b) { #expect(abs(x.1 - y.1) <= 0.001, "\(what): \(x) vs \(y)") }
  }

  @Test func optionTwoHasTheSameFiguresInEveryCommand() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = directory.appendingPathComponent("routes.geojson").path
    let planned = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--output", routes, "--format", "json",
    ])
    #expect(planned.status == 0, "\(planned.stderr)")
    let options = try #require(try Self.json(planned.stdout)["options"] as? [[String: Any]])
    let plan = options[1]

    let rpl = try CLI.run(["route", "rpl", "--route", routes, "--option", "2", "--format", "json"])
    #expect(rpl.status == 0, "\(rpl.stderr)")
    let rplOption = try #require((try Self.json(rpl.stdout)["options"] as? [[String: Any]])?.first)
    let rplRoute = try #require(rplOption["route"] as? [String: Any])
    let engineering = try #require(rplOption["engineering"] as? [String: Any])

    let progress = try CLI.run([
      "progress", "--route", routes, "--option", "2", "--as-of", "2026-02-24", "--format", "json",
    ])
    #expect(progress.status == 0, "\(progress.stderr)")
    let progressDocument = try Self.json(progress.stdout)
    let progressRoute = try #require(progressDocument["route"] as? [String: Any])

    let html = directory.appendingPathComponent("report.html")
    let report = try CLI.run(["report", "--html", html.path, "--route", routes, "--as-of", "2026-02-24"])
    #expect(report.status == 0, "\(report.stderr)")
    let reportRoutes = try #require(
      try Self.reportData(String(contentsOf: html, encoding: .utf8))["routes"] as? [[String: Any]])
    let reportRoute = try #require(reportRoutes.first { $0["name"] as? String == "2" })

    let length = try #require(plan["routeLengthKm"] as? Double)
    let depth = try #require(plan["maxDepthM"] as? Double)
    for (name, figures) in [("route rpl", rplRoute), ("progress", progressRoute), ("report", reportRoute)] {
      #expect(abs((figures["routeLengthKm"] as? Double ?? .nan) - length) <= 0.001, "\(name)")
      #expect(abs((figures["maxDepthM"] as? Double ?? .nan) - depth) <= 0.1, "\(name)")
      Self.expectSame(Self.kps(plan["crossings"]), Self.kps(figures["crossings"]), "\(name) crossings")
      Self.expectSame(
        Self.kps(plan["boundaryCrossings"]), Self.kps(figures["boundaryCrossings"]), "\(name) boundaries")
    }
    #expect(abs((progressDocument["routeLengthKm"] as? Double ?? .nan) - length) <= 0.001)
    // The engineering's own figures are the analysis's.
    #expect(abs((engineering["routeLengthKm"] as? Double ?? .nan) - length) <= 0.001)
    Self.expectSame(
      Self.kps(plan["crossings"]) + Self.kps(plan["boundaryCrossings"]),
      Self.kps(engineering["crossings"]).sorted { $0.1 < $1.1 }, "engineering crossings")
    #expect(!Self.kps(plan["boundaryCrossings"]).isEmpty, "option 2 crosses the median line")
  }

  @Test func aProjectsSelectedRouteHasTheSameFiguresInProgressAndReport() throws {
    let root = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let project = root.appendingPathComponent("p")
    func run(_ arguments: [String]) throws -> CLI.Result {
      let result = try CLI.run(arguments, removing: ["CASPIAN_GEODATA", "CASPIAN_PROJECT"], in: project)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result
    }
    #expect(try CLI.run(["init", "p"], removing: ["CASPIAN_PROJECT"], in: root).status == 0)
    let planned = try run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--output", "r.geojson", "--select", "2",
      "--format",
      "json",
    ])
    let option = try #require((try Self.json(planned.stdout)["options"] as? [[String: Any]])?[1])
    // The selection counts crossings as route plan does.
    let selection = try Self.json(
      String(contentsOf: project.appendingPathComponent("route/selection.json"), encoding: .utf8))
    #expect(selection["crossings"] as? Double == option["crossingCount"] as? Double)
    let progress = try Self.json(try run(["progress", "--as-of", "2026-02-24", "--format", "json"]).stdout)
    let route = try #require(progress["route"] as? [String: Any])
    _ = try run(["report", "--html", "r.html", "--as-of", "2026-02-24"])
    let reported = try #require(
      (try Self.reportData(String(contentsOf: project.appendingPathComponent("r.html"), encoding: .utf8))[
        "routes"]
        as? [[String: Any]])?.first)
    for figures in [route, reported] {
      #expect(
        abs((figures["routeLengthKm"] as? Double ?? .nan) - (option["routeLengthKm"] as? Double ?? 0))
          <= 0.001)
      #expect(abs((figures["maxDepthM"] as? Double ?? .nan) - (option["maxDepthM"] as? Double ?? 0)) <= 0.1)
      Self.expectSame(
        Self.kps(option["boundaryCrossings"]), Self.kps(figures["boundaryCrossings"]), "boundaries")
    }
    #expect(
      abs((progress["routeLengthKm"] as? Double ?? .nan) - (option["routeLengthKm"] as? Double ?? 0)) <= 0.001
    )
  }

  /// A route through the ACG field and one across the Absheron peninsula, drawn by hand.
  static func handDrawnRoutes(in directory: URL) throws -> String {
    let aktau = [51.14040, 43.63521]
    let sumgait = [49.67076, 40.61066]
    let text = """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"option": "field"}, "geometry": {"type": "LineString",
         "coordinates": [\(aktau), [51.6, 41.0], [51.1, 40.2], [50.3, 40.9], \(sumgait)]}},
        {"type": "Feature", "properties": {"option": "peninsula"}, "geometry": {"type": "LineString",
         "coordinates": [\(aktau), [51.2, 41.0], [50.2, 40.2], [49.9, 40.25], \(sumgait)]}}
      ]}
      """
    let url = directory.appendingPathComponent("hand-drawn.geojson")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func importedRoutesThroughANoGoZoneOrOverLandAreErrors() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = try Self.handDrawnRoutes(in: directory)

    let rpl = try CLI.run(["route", "rpl", "--route", routes, "--format", "json"])
    #expect(rpl.status == 0, "\(rpl.stderr)")
    let options = try #require(try Self.json(rpl.stdout)["options"] as? [[String: Any]])
    func errors(_ option: [String: Any]) -> [[String: Any]] {
      ((option["engineering"] as? [String: Any])?["warnings"] as? [[String: Any]] ?? []).filter {
        $0["severity"] as? String == "error"
      }
    }
    let field = errors(options[0])
    #expect(
      field.contains {
        $0["kind"] as? String == "no-go" && $0["name"] as? String == "Azeri-Chirag-Deepwater Gunashli (ACG)"
      })
    let land = errors(options[1])
    #expect(land.contains { $0["kind"] as? String == "land" && $0["name"] as? String == "land" })
    for finding in field + land {
      let from = try #require(finding["fromKpKm"] as? Double)
      let to = try #require(finding["toKpKm"] as? Double)
      #expect(0 < from && from < to)
    }
    // The same stretches in the route figures, and said on standard error.
    #expect(((options[0]["route"] as? [String: Any])?["intrusions"] as? [Any])?.count == field.count)
    #expect(rpl.stderr.contains("error: \(routes): option field: KP"))
    #expect(rpl.stderr.contains("no-go zone Azeri-Chirag-Deepwater Gunashli (ACG)"))

    let table = try CLI.run(["route", "rpl", "--route", routes, "--option", "peninsula"])
    #expect(table.stdout.contains("ERROR KP") && table.stdout.contains("land: crosses land"))

    // --strict: any error-level finding fails the command, in every command that reads a route.
    let html = directory.appendingPathComponent("r.html").path
    for arguments in [
      ["route", "rpl", "--route", routes], ["progress", "--route", routes, "--option", "peninsula"],
      ["report", "--html", html, "--route", routes],
    ] {
      let plain = try CLI.run(arguments)
      #expect(plain.status == 0, "\(arguments) \(plain.stderr)")
      #expect(plain.stderr.contains("error: \(routes): option"), "\(arguments)")
      let strict = try CLI.run(arguments + ["--strict"])
      #expect(strict.status == 1, "\(arguments) --strict")
    }
    let progress = try Self.json(
      try CLI.run(["progress", "--route", routes, "--option", "field", "--format", "json"]).stdout)
    let warnings = try #require(progress["warnings"] as? [[String: Any]])
    #expect(warnings.contains { $0["severity"] as? String == "error" && $0["kind"] as? String == "no-go" })
  }

  @Test func plannedRoutesHaveNoErrorLevelFindings() throws {
    let planned = try CLI.run([
      "route", "plan", "--from", "Aktau", "--to", "Sumgait", "--format", "json", "--strict",
    ])
    #expect(planned.status == 0, "\(planned.stderr)")
    for option in try #require(try Self.json(planned.stdout)["options"] as? [[String: Any]]) {
      #expect((option["intrusions"] as? [Any])?.isEmpty == true)
      let warnings = option["warnings"] as? [[String: Any]] ?? []
      #expect(!warnings.contains { $0["severity"] as? String == "error" })
    }
  }

  /// Every straight lon/lat segment of every exported line, measured against the geodesic
  /// between its ends independently of the densifying code: points along the segment, and the
  /// nearest point of the geodesic to each found by golden-section search on PROJ's distances.
  @Test func everyExportedSegmentIsWithinTenMetresOfTheGeodesic() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let routes = directory.appendingPathComponent("routes.geojson").path
    #expect(
      try CLI.run(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--output", routes]).status == 0)
    let rpl = directory.appendingPathComponent("rpl.geojson").path
    #expect(try CLI.run(["route", "rpl", "--route", routes, "--option", "1", "--output", rpl]).status == 0)
    let geodesic = Geodesic.wgs84
    var segments = 0
    for file in [routes, rpl] {
      let document = try Self.json(try String(contentsOfFile: file, encoding: .utf8))
      for feature in document["features"] as? [[String: Any]] ?? [] {
        let geometry = feature["geometry"] as? [String: Any]
        guard geometry?["type"] as? String == "LineString" else { continue }
        let line = (geometry?["coordinates"] as? [[Double]] ?? []).map {
          Coordinate(longitude: $0[0], latitude: $0[1])
        }
        for (p, q) in zip(line, line.dropFirst()) {
          segments += 1
          let leg = geodesic.inverse(p, q)
          for t in stride(from: 0.1, through: 0.9, by: 0.1) {
            let x = Coordinate(
              longitude: p.longitude + t * (q.longitude - p.longitude),
              latitude: p.latitude + t * (q.latitude - p.latitude))
            func gap(_ s: Double) -> Double {
              geodesic.distanceMetres(
                x, geodesic.direct(from: p, azimuthDegrees: leg.azimuth1Degrees, distanceMetres: s))
            }
            var (low, high) = (0.0, leg.distanceMetres)
            for _ in 0..<60 {
              let a = low + (high - low) * 0.382
              let b = low + (high - low) * 0.618
              if gap(a) < gap(b) { high = b } else { low = a }
            }
            #expect(gap((low + high) / 2) <= 10, "\(file): segment \(p) → \(q) at t=\(t)")
          }
        }
      }
    }
    #expect(segments > 50)
  }
}
