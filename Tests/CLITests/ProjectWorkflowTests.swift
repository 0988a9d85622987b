import CaspianAnalysis
import CaspianGeometry
import Foundation
import Testing

/// The whole project workflow in a temporary folder: init, plan, select, updates with a
/// correction, a lay import, then `schedule status`, `progress` and `report` agreeing.
@Suite(.serialized) struct ProjectWorkflowTests {
  static let geodata = ScheduleCLI.root.appendingPathComponent("Geodata")

  /// Every file under the bundled Geodata/ with its bytes (folders with no bytes).
  static func geodataDigest() throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: geodata.path) {
      let url = geodata.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      files[name] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
    }
    return files
  }

  /// The track of a project's selected route (its alter-course points).
  static func selectedTrack(of project: URL) throws -> RouteTrack {
    let route = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: project.appendingPathComponent("route/selected-route.geojson")))
        as? [String: Any])
    let points = try #require(route["features"] as? [[String: Any]]).compactMap { feature -> Coordinate? in
      guard (feature["properties"] as? [String: Any])?["featureType"] as? String == "alterCourse",
        let xy = (feature["geometry"] as? [String: Any])?["coordinates"] as? [Double]
      else { return nil }
      return Coordinate(longitude: xy[0], latitude: xy[1])
    }
    return try RouteTrack(points: points)
  }

  static func json(_ result: CLI.Result) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func initPlanSelectUpdateCorrectImportThenEveryViewAgrees() throws {
    let before = try Self.geodataDigest()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let project = root.appendingPathComponent("caspian")
    func run(_ arguments: [String], in directory: URL? = nil) throws -> CLI.Result {
      try CLI.run(arguments, removing: ["CASPIAN_GEODATA", "CASPIAN_PROJECT"], in: directory ?? project)
    }
    func succeeds(_ arguments: [String]) throws -> String {
      let result = try run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      return result.stdout
    }

    // Outside a project: read-only commands say so; writes are refused with the init hint.
    let outside = try run(["progress", "--as-of", "2026-02-24"], in: root)
    #expect(outside.status == 0)
    #expect(
      outside.stderr.contains("no project here or above") && outside.stderr.contains("caspian-link init"))
    let refused = try run(
      ["schedule", "update", "LAY", "--status", "in-progress", "--date", "2026-06-01"], in: root)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("caspian-link init"))
    let intoGeodata = try run(
      [
        "schedule", "update", "LAY", "--plan", Self.geodata.appendingPathComponent("plan.yaml").path,
        "--note", "x",
      ],
      in: root)
    #expect(intoGeodata.status == 1)
    #expect(intoGeodata.stderr.contains("inside the bundled Geodata/") && intoGeodata.stderr.contains("init"))

    let started = try run(["init", "caspian"], in: root)
    #expect(started.status == 0, "\(started.stderr)")
    #expect(started.stdout.contains("(20 records)"))
    _ = try succeeds(["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--output", "routes.geojson"])
    let selected = try succeeds(["route", "select", "--route", "routes.geojson", "--option", "1"])
    let selection = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: project.appendingPathComponent("route/selection.json")))
        as? [String: Any])
    let lengthKm = try #require(selection["lengthKm"] as? Double)
    let printed = try #require(selection["printedLengthKm"] as? String)
    #expect(selected.contains("\(printed) km"))

    // A season: start, a wrong KP, its correction, a lay import, the end at the printed length.
    _ = try succeeds(["schedule", "update", "LAY", "--status", "in-progress", "--date", "2026-06-01"])
    let wrong = try succeeds(["schedule", "update", "LAY", "--kp", "200", "--date", "2026-06-10"])
    let wrongID = try #require(wrong.split(separator: " ").last { $0.hasPrefix("R") }.map(String.init))
    #expect(wrongID == "R22")
    _ = try succeeds(["schedule", "update", "--correct", wrongID, "--kp", "80"])
    // The corrected KP 80 is the one in force: KP 120 on 06-15 is not behind it.
    _ = try succeeds(["schedule", "update", "LAY", "--kp", "120", "--date", "2026-06-15"])
    let history = try succeeds(["schedule", "history", "LAY"])
    let wrongLine = try #require(history.split(separator: "\n").first { $0.hasPrefix("R22 ") })
    #expect(wrongLine.hasSuffix("R23"))

    // Fixes every 6 hours from KP 120 to KP 180 along the selected route, 30 m to one side.
    let track = try Self.selectedTrack(of: project)
    var csv = "time,lon,lat,payout_km\n"
    for step in 0...20 {
      let kp = 120 + Double(step) * 3
      let on = track.coordinate(atKpKm: kp)
      let ahead = track.coordinate(atKpKm: kp + 0.01)
      let side = Geodesic.wgs84.direct(
        from: on, azimuthDegrees: Geodesic.wgs84.inverse(on, ahead).azimuth1Degrees + 90, distanceMetres: 30)
      let hour = 6 * step
      csv += String(
        format: "2026-06-%02dT%02d:00:00Z,%.7f,%.7f,%.3f\n", 16 + hour / 24, hour % 24, side.longitude,
        side.latitude, kp * 1.02)
    }
    let log = root.appendingPathComponent("vessel.csv")
    try csv.write(to: log, atomically: true, encoding: .utf8)
    // A missing log: one line naming the file as given, as every other input does.
    let missing = try run(["lay", "import", "no-such-log.csv"])
    #expect(missing.status == 1)
    #expect(
      missing.stderr == "caspian-link: error: no-such-log.csv: cannot read: no such file\n",
      "\(missing.stderr)")
    let imported = try succeeds(["lay", "import", log.path])
    #expect(imported.contains("Imported 21 fix(es)"))
    #expect(!imported.contains("without a zone"), "every time has its zone: \(imported)")
    #expect(try succeeds(["lay", "import", log.path]).contains("all 21 fix(es) were already imported"))
    let lay = try Self.json(try run(["lay", "status", "--format", "json"]))
    #expect(abs(try #require(lay["kpReachedKm"] as? Double) - 180) < 0.01)
    #expect(abs(try #require(lay["crossTrackMaxM"] as? Double) - 30) < 1)
    #expect(abs(try #require(lay["routeLengthKm"] as? Double) - lengthKm) < 1e-9)
    // Up to the end of 06-16 (UTC): the four fixes of that day only, KP 120 to 129.
    let firstDay = try Self.json(try run(["lay", "status", "--as-of", "2026-06-16", "--format", "json"]))
    #expect(abs(try #require(firstDay["kpReachedKm"] as? Double) - 129) < 0.01)

    // Mid-lay (after the import) and after the end: the three views give the same numbers.
    for asOf in ["2026-06-21", "2026-07-20"] {
      if asOf == "2026-07-20" {
        _ = try succeeds(["schedule", "update", "LAY", "--kp", printed, "--date", "2026-07-15"])
      }
      let status = try Self.json(try run(["schedule", "status", "--as-of", asOf, "--format", "json"]))
      let progress = try Self.json(try run(["progress", "--as-of", asOf, "--format", "json"]))
      #expect(status["forecastFinish"] as? String == progress["forecastFinish"] as? String)
      #expect(status["marginDays"] as? Int == progress["marginDays"] as? Int)
      #expect(
        abs((status["percentComplete"] as? Double ?? -1) - (progress["percentComplete"] as? Double ?? -2))
          < 0.01)
      #expect(status["routeLengthKm"] as? Double == lengthKm)
      #expect(progress["routeLengthKm"] as? Double == lengthKm)
      #expect(progress["routeBasis"] as? String == "selected")
      let html = "report-\(asOf).html"
      _ = try succeeds(["report", "--html", html, "--as-of", asOf])
      let page = try String(contentsOf: project.appendingPathComponent(html), encoding: .utf8)
      let margin = try #require(progress["marginDays"] as? Int)
      let finish = try #require(progress["forecastFinish"] as? String)
      #expect(page.contains("forecast \(finish), deadline 2026-12-31: \(margin) days of margin"))
      // The map and the straight line diagram show the lay so far (the imported fixes).
      #expect(page.contains("as laid (vessel fixes)"))
      #expect(page.contains("as laid to KP 180.0"))
      // The milestone trend chart, from the computed forecasts.
      #expect(page.contains("Milestone trend to \(asOf)"))
      let laid = try #require(progress["cableLaidKm"] as? Double)
      #expect(page.contains(String(format: "%.3f km of %@ km", laid, printed)))
      let milestones = try #require(status["milestones"] as? [[String: Any]])
      let layStatus = try #require(milestones.first { $0["id"] as? String == "LAY" })
      if asOf == "2026-06-21" {
        #expect(abs(laid - 180) < 0.01)
        #expect(layStatus["percentBasis"] as? String == "kp")
      } else {
        // The printed length completes the lay.
        #expect(layStatus["status"] as? String == "done")
        #expect(layStatus["percentComplete"] as? Double == 100)
        #expect(laid == lengthKm)
      }
    }
    // The trend has the computed forecast of the lay, which no record stated.
    let trend = try Self.json(
      try run(["schedule", "trend", "--id", "LAY", "--as-of", "2026-07-20", "--format", "json"]))
    let layTrend = try #require((trend["milestones"] as? [[String: Any]])?.first)
    #expect((layTrend["computed"] as? [[String: Any]] ?? []).count >= 3)

    #expect(try Self.geodataDigest() == before)
  }

  /// A project `p` in a new temporary folder, its route planned into r.geojson and option 1
  /// selected (`route plan --select`, which plans and selects in one go); `run` runs a command
  /// in it. The caller removes `root`.
  struct PlannedProject {
    let root: URL
    let project: URL
    let planned: CLI.Result

    init(_ prefix: String) throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      project = root.appendingPathComponent("p")
      #expect(try CLI.run(["init", "p"], removing: ["CASPIAN_PROJECT"], in: root).status == 0)
      planned = try CLI.run(
        ["route", "plan", "--from", "Aktau", "--to", "Sumgait", "--output", "r.geojson", "--select", "1"],
        removing: ["CASPIAN_GEODATA", "CASPIAN_PROJECT"], in: project)
      #expect(planned.status == 0, "\(planned.stderr)")
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
      try CLI.run(arguments, removing: ["CASPIAN_GEODATA", "CASPIAN_PROJECT"], in: project)
    }
  }

  @Test func reselectingAfterKPRecordsNeedsForceAndKeepsTheirRoute() throws {
    let planned = try PlannedProject("reselect")
    defer { try? FileManager.default.removeItem(at: planned.root) }
    let project = planned.project
    let run = planned.run
    #expect(planned.planned.stdout.contains("Selected option 1 Aktau - Sumgait from r.geojson"))
    #expect(
      try run(["schedule", "update", "LAY", "--status", "in-progress", "--date", "2026-06-01"]).status == 0)
    #expect(try run(["schedule", "update", "LAY", "--kp", "50", "--date", "2026-06-05"]).status == 0)
    let refused = try run(["route", "select", "--route", "r.geojson", "--option", "2"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("R22 (LAY KP 50.000 on 2026-06-05, measured on option 1 of r.geojson"))
    #expect(refused.stderr.contains("--force"))
    let forced = try run(["route", "select", "--route", "r.geojson", "--option", "2", "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("Selected option 2"))
    #expect(forced.stdout.contains("kept in the history: R22"))
    let history = try run(["schedule", "history", "LAY"])
    #expect(history.stdout.contains("KP 50.000 on option 1 of r.geojson"))
    let progress = try ScheduleCLI.run(["progress", "--project", project.path, "--as-of", "2026-06-05"])
    #expect(progress.stdout.contains("option 2 Aktau - Sumgait"))
  }

  @Test func aLogBeginningMidRouteNeedsTheLayStartFirst() throws {
    let planned = try PlannedProject("midroute")
    defer { try? FileManager.default.removeItem(at: planned.root) }
    let (root, project, run) = (planned.root, planned.project, planned.run)
    // The log begins at KP 90 (the first fortnight was not logged): KP 90 to 102 in two days,
    // 6 km a day, times without a zone.
    let track = try Self.selectedTrack(of: project)
    var csv = "time,lon,lat\n"
    for step in 0...8 {
      let c = track.coordinate(atKpKm: 90 + Double(step) * 1.5)
      let hour = 6 * step
      csv += String(
        format: "2026-06-%02dT%02d:00:00,%.7f,%.7f\n", 16 + hour / 24, hour % 24, c.longitude, c.latitude)
    }
    let log = root.appendingPathComponent("mid.csv")
    try csv.write(to: log, atomically: true, encoding: .utf8)
    let refused = try run(["lay", "import", log.path])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "mid.csv: the fixes begin at KP 90.000, not at the start of the route, and LAY has no actual start; at the logged 6.0 km/day, KP 0 was passed about 2026-06-01: record it first (caspian-link schedule update LAY --actual-start DATE)"
      ), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("lay/fixes.csv").path))
    #expect(
      try run(["schedule", "update", "LAY", "--actual-start", "2026-06-01", "--date", "2026-06-01"]).status
        == 0)
    let imported = try run(["lay", "import", log.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("9 time(s) without a zone read as UTC"), "\(imported.stdout)")
    // 102 km in 18 days (06-01 to 06-18): the forecast is the rest at that rate, not at
    // 102 km in the three days of the log.
    let rate = 102.0 / 18
    let status = try Self.json(try run(["schedule", "status", "--as-of", "2026-06-18", "--format", "json"]))
    let lay = try #require((status["milestones"] as? [[String: Any]])?.first { $0["id"] as? String == "LAY" })
    let length = try #require(status["routeLengthKm"] as? Double)
    let days = ((length - 102) / rate).rounded(.up)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let lastFixDay = try #require(formatter.date(from: "2026-06-18"))
    let expected = formatter.string(from: lastFixDay.addingTimeInterval(days * 86_400))
    #expect(lay["forecastFinish"] as? String == expected, "\(lay)")

    // Voiding the import's record takes its fixes out of the lay (they stay stored: voiding the
    // void brings them back); importing the log again records them again.
    let importID = try #require(
      imported.stdout.split(separator: " ").first { $0.hasPrefix("R") && $0.hasSuffix(":") }.map {
        String($0.dropLast())
      })
    func fixesInForce() throws -> Double? {
      try Self.json(try run(["lay", "status", "--as-of", "2026-06-18", "--format", "json"]))["kpReachedKm"]
        as? Double
    }
    #expect(abs(try #require(try fixesInForce()) - 102) < 0.01)
    let void = try run(["schedule", "update", "--void", importID])
    #expect(void.status == 0, "\(void.stderr)")
    #expect(try fixesInForce() == nil)
    let stored = try String(contentsOf: project.appendingPathComponent("lay/fixes.csv"), encoding: .utf8)
    #expect(stored.split(separator: "\n").filter { $0.hasSuffix(",\(importID)") }.count == 9, "\(stored)")
    let again = try run(["lay", "import", log.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("Imported 9 fix(es)"), "\(again.stdout)")
    #expect(abs(try #require(try fixesInForce()) - 102) < 0.01)
  }

  @Test func anEmptyProjectAndTheCommandsThatNeedMore() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    func run(_ arguments: [String], in directory: URL) throws -> CLI.Result {
      try CLI.run(arguments, removing: ["CASPIAN_GEODATA", "CASPIAN_PROJECT"], in: directory)
    }
    // Outside a project: route select and lay import refuse with the init hint.
    for arguments in [
      ["route", "select", "--route", "r.geojson", "--option", "1"], ["lay", "import", "x.csv"],
    ] {
      let result = try run(arguments, in: root)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.contains("run `caspian-link init DIR`"), "\(result.stderr)")
    }
    let made = try run(["init", "blank", "--empty", "--name", "Blank test"], in: root)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("plan.yaml (template), plan.updates.jsonl (0 records)"))
    let project = root.appendingPathComponent("blank")
    // The template is a working plan; found from a folder below the project.
    let below = project.appendingPathComponent("route")
    let status = try run(["schedule", "status", "--format", "json"], in: below)
    let object = try Self.json(status)
    #expect(object["project"] as? String == "Blank test")
    #expect(status.stderr.isEmpty, "\(status.stderr)")
    // --project from anywhere; a project without a selected route cannot take a lay log.
    let lay = try run(["lay", "status", "--project", project.path], in: root)
    #expect(lay.status == 1)
    #expect(lay.stderr.contains("the project has no selected route"))
    // A second init there changes nothing.
    let again = try run(["init", "blank"], in: root)
    #expect(again.status == 1)
    #expect(again.stderr.contains("a project is already here"))
  }
}
