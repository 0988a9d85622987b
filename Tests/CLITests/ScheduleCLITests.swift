import Foundation
import Testing

/// Runs the built `caspian-link` binary on the schedule commands.
enum ScheduleCLI {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let bundledPlan = root.appendingPathComponent("Geodata/plan.yaml")

  static func run(_ arguments: [String], in directory: URL? = nil, geodata: URL? = nil) throws -> CLI.Result {
    try CLI.run(
      arguments, environment: geodata.map { ["CASPIAN_GEODATA": $0.path] } ?? [:],
      removing: geodata == nil ? ["CASPIAN_GEODATA"] : [],
      in: directory ?? FileManager.default.temporaryDirectory)
  }

  /// A temporary directory holding a copy of the bundled plan and its log.
  static func scratchCopy() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schedule-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in ["plan.yaml", "plan.updates.jsonl"] {
      try FileManager.default.copyItem(
        at: root.appendingPathComponent("Geodata/\(name)"), to: directory.appendingPathComponent(name))
    }
    return directory
  }
}

@Suite(.serialized) struct ScheduleCLITests {
  @Test func statusReplaysThePublicRecordFromTheBundledPlan() throws {
    // No --plan: found by walking up from the binary to the repository's Geodata/.
    let result = try ScheduleCLI.run(["schedule", "status", "--as-of", "2025-09-01", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["asOf"] as? String == "2025-09-01")
    #expect(object["deadline"] as? String == "2026-12-31")
    let milestones = try #require(object["milestones"] as? [[String: Any]])
    let survey = try #require(milestones.first { $0["id"] as? String == "SURVEY" })
    #expect(survey["status"] as? String == "in-progress")

    let table = try ScheduleCLI.run(["schedule", "status", "--as-of", "2026-02-24"])
    #expect(table.status == 0)
    let manufacturing = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("MANUF ") })
    #expect(manufacturing.contains("done"))
    #expect(manufacturing.contains("-96"))
    #expect(
      table.stdout.contains("Ready for service forecast 2026-11-30, deadline 2026-12-31: 31 days of margin"))
  }

  @Test func bundledDirectoryComesFromTheEnvironmentThenTheWorkingDirectory() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml")
    var text = try String(contentsOf: plan, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "project: Trans-Caspian", with: "project: Scratch copy of Trans-Caspian")
    try text.write(to: plan, atomically: true, encoding: .utf8)
    let viaEnvironment = try ScheduleCLI.run(["progress", "--as-of", "2026-02-24"], geodata: directory)
    #expect(viaEnvironment.stdout.hasPrefix("Scratch copy of Trans-Caspian"))
    let parent = directory.deletingLastPathComponent().appendingPathComponent("cwd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: parent) }
    try FileManager.default.createSymbolicLink(
      at: parent.appendingPathComponent("Geodata"), withDestinationURL: directory)
    let viaWorkingDirectory = try ScheduleCLI.run(["progress", "--as-of", "2026-02-24"], in: parent)
    #expect(viaWorkingDirectory.stdout.hasPrefix("Scratch copy of Trans-Caspian"))
  }

  @Test func updateRecordsKPAndProgressShowsIt() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let planBefore = try Data(contentsOf: URL(fileURLWithPath: plan))
    var result = try ScheduleCLI.run([
      "schedule", "update", "LAY", "--plan", plan, "--status", "in-progress", "--date", "2026-06-01",
      "--assumed", "test data",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    result = try ScheduleCLI.run([
      "schedule", "update", "LAY", "--plan", plan, "--kp", "95", "--date", "2026-06-19",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // 95 km in 19 days = 5 km/day; 285 km left = 57 days after 06-19 = 2026-08-15.
    #expect(result.stdout.contains("forecast finish 2026-08-15"))
    result = try ScheduleCLI.run(["progress", "--plan", plan, "--as-of", "2026-06-19"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("95.000 km of 380.000 km (25.0 %)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == planBefore)
    let json = try ScheduleCLI.run(["progress", "--plan", plan, "--as-of", "2026-06-19", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["cableLaidKm"] as? Double == 95)
  }

  @Test func progressMeasuresTheCableLaidAgainstAChosenRouteFile() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    for arguments in [
      ["--status", "in-progress", "--date", "2026-06-01"], ["--kp", "100", "--date", "2026-06-19"],
    ] {
      let result = try ScheduleCLI.run(["schedule", "update", "LAY", "--plan", plan] + arguments)
      #expect(result.status == 0, "\(result.stderr)")
    }
    // Two degrees of longitude along the equator: 2 × 2π × 6378137 m / 360 = 222.639 km on WGS84.
    let route = directory.appendingPathComponent("route.geojson")
    try Data(
      """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "LineString", "coordinates": [[50, 0], [52, 0]]}},
        {"type": "Feature", "properties": {"id": 2}, "geometry": {"type": "LineString", "coordinates": [[50, 0], [51, 1], [52, 0]]}},
        {"type": "Feature", "properties": {"role": "from", "name": "West"}, "geometry": {"type": "Point", "coordinates": [50, 0]}},
        {"type": "Feature", "properties": {"role": "to", "name": "East"}, "geometry": {"type": "Point", "coordinates": [52, 0]}}
      ]}
      """.utf8
    ).write(to: route)
    let table = try ScheduleCLI.run([
      "progress", "--plan", plan, "--as-of", "2026-06-19", "--route", route.path,
    ])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("option 1 West - East, 222.6"))
    #expect(table.stdout.contains("100.000 km of 222.6"))
    let json = try ScheduleCLI.run([
      "progress", "--plan", plan, "--as-of", "2026-06-19", "--route", route.path, "--option", "1", "--format",
      "json",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let length = try #require(object["routeLengthKm"] as? Double)
    #expect(abs(length - 2 * 2 * Double.pi * 6_378_137 / 360 / 1000) < 1e-6)
    let missing = try ScheduleCLI.run(["progress", "--plan", plan, "--route", route.path, "--option", "9"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no route for option \"9\" (options: 1, 2)"))
  }

  @Test func badInputIsOneLineOnStderrExitOneAndNothingWritten() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml")
    let log = directory.appendingPathComponent("plan.updates.jsonl")
    let logBefore = try Data(contentsOf: log)
    let cases: [([String], String)] = [
      (
        ["schedule", "update", "LAY", "--actual-start", "2026-12-01", "--date", "2026-11-28"], "in the future"
      ),
      (["schedule", "update", "NOPE", "--note", "x"], "unknown activity id NOPE"),
      (["schedule", "update", "MANUF", "--status", "not-started", "--date", "2026-03-01"], "cannot undo"),
      (["schedule", "update", "LAY", "--kp", "10", "--date", "2026-03-01"], "without an actual start"),
      (["schedule", "update", "LAY", "--status", "done", "--date", "2026-03-01"], "without an actual start"),
    ]
    for (arguments, expected) in cases {
      let result = try ScheduleCLI.run(arguments + ["--plan", plan.path])
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.hasPrefix("caspian-link: error: "), "\(result.stderr)")
      #expect(result.stderr.contains(expected), "\(result.stderr)")
      #expect(result.stderr.filter { $0 == "\n" }.count == 1)
      #expect(result.stdout.isEmpty)
    }
    #expect(try Data(contentsOf: log) == logBefore)
    // A broken plan: the error names the file and line; the plan is left as it was.
    var text = try String(contentsOf: plan, encoding: .utf8)
    text = text.replacingOccurrences(of: "dependsOn: [TEST]", with: "dependsOn: [TEST, RFS]")
    try text.write(to: plan, atomically: true, encoding: .utf8)
    let result = try ScheduleCLI.run(["schedule", "status", "--plan", plan.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("plan.yaml:"))
    #expect(result.stderr.contains("dependency cycle: "))
    #expect(try String(contentsOf: plan, encoding: .utf8) == text)
  }

  @Test func concurrentUpdatesFromTwoProcessesAreBothRecorded() async throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let before = try String(
      contentsOf: directory.appendingPathComponent("plan.updates.jsonl"), encoding: .utf8)
    async let first = Task.detached {
      try ScheduleCLI.run([
        "schedule", "update", "VESSEL", "--plan", plan, "--note", "first", "--date", "2026-02-25",
      ])
    }.value
    async let second = Task.detached {
      try ScheduleCLI.run([
        "schedule", "update", "VESSEL", "--plan", plan, "--note", "second", "--date", "2026-02-25",
      ])
    }.value
    let results = try await [first, second]
    #expect(results.allSatisfy { $0.status == 0 })
    let after = try String(
      contentsOf: directory.appendingPathComponent("plan.updates.jsonl"), encoding: .utf8)
    #expect(after.hasPrefix(before))
    let added = after.dropFirst(before.count).split(separator: "\n")
    #expect(added.count == 2)
    #expect(Set(added.map { $0.contains("\"first\"") ? "first" : "second" }) == ["first", "second"])
  }

  @Test func exportWritesFilesAtomically() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    for format in ["mermaid", "ics", "json", "csv"] {
      let output = directory.appendingPathComponent("schedule.\(format)")
      let result = try ScheduleCLI.run([
        "schedule", "export", "--format", format, "--as-of", "2026-02-24", "--output", output.path,
        "--plan", directory.appendingPathComponent("plan.yaml").path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let text = try String(contentsOf: output, encoding: .utf8)
      #expect(!text.isEmpty)
      let stdout = try ScheduleCLI.run([
        "schedule", "export", "--format", format, "--as-of", "2026-02-24", "--plan",
        directory.appendingPathComponent("plan.yaml").path,
      ]).stdout
      #expect(stdout == text)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(!files.contains { $0.hasSuffix(".tmp") })
    // A missing output directory: error, nothing written.
    let result = try ScheduleCLI.run([
      "schedule", "export", "--format", "ics", "--output", "/nonexistent-dir/x.ics", "--plan",
      directory.appendingPathComponent("plan.yaml").path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("caspian-link: error: /nonexistent-dir/x.ics"))
  }

  @Test func trendShowsTheRFSForecastMovement() throws {
    let result = try ScheduleCLI.run([
      "schedule", "trend", "--id", "RFS", "--as-of", "2026-02-24", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let milestones = try #require(object["milestones"] as? [[String: Any]])
    #expect(milestones.count == 1)
    let points = try #require(milestones[0]["points"] as? [[String: Any]])
    #expect(
      points.compactMap { $0["finish"] as? String } == [
        "2021-12-31", "2024-12-31", "2025-12-31", "2026-12-31", "2026-12-31", "2026-09-30", "2026-12-31",
      ])
  }
}

@Suite struct ScheduleRiskCLITests {
  @Test func riskRepeatsByteForByteAndProgressShowsIt() throws {
    let arguments = ["schedule", "risk", "--plan", ScheduleCLI.bundledPlan.path, "--as-of", "2026-02-24"]
    let first = try ScheduleCLI.run(arguments + ["--iterations", "2000"])
    #expect(first.status == 0)
    #expect(first.stdout.contains("2000 iterations, seed 2026"))
    #expect(first.stdout.contains("Probability of ready for service by 2026-12-31:"))
    #expect(first.stdout.contains("<- deadline"))
    #expect(try ScheduleCLI.run(arguments + ["--iterations", "2000"]).stdout == first.stdout)
    let json = try ScheduleCLI.run(arguments + ["--iterations", "2000", "--seed", "7", "--format", "json"])
    for key in [
      "\"onTimeProbability\"", "\"deterministicFinish\": \"2026-11-30\"", "\"p80DaysAdded\"", "\"seed\": 7",
    ] {
      #expect(json.stdout.contains(key), "\(key)")
    }
    let bad = try ScheduleCLI.run(arguments + ["--iterations", "0"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("--iterations must be between 1 and 1000000 iterations, got 0"))
    let progress = try ScheduleCLI.run([
      "progress", "--plan", ScheduleCLI.bundledPlan.path, "--as-of", "2026-02-24",
    ])
    #expect(progress.stdout.contains("Schedule risk      P50 "))
  }
}
