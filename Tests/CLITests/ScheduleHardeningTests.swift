import Foundation
import Testing

/// Issue 9, schedule side: the update log survives concurrent writers, kills and hostile input.
@Suite(.serialized) struct ScheduleHardeningTests {
  /// The plan and log of a scratch folder, byte for byte.
  static func inputs(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in ["plan.yaml", "plan.updates.jsonl"] {
      result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return result
  }

  /// Starts `caspian-link` with `arguments`, output discarded.
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// The records of the log: every line that is not blank or a comment must be a JSON object.
  static func records(_ log: URL) throws -> [[String: Any]] {
    try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
    }
  }

  @Test func thirtyTwoConcurrentUpdatesThroughTwoSpellingsAllLandOnce() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A copy of the plan under another name shares the log plan.updates.jsonl.
    try FileManager.default.copyItem(
      at: directory.appendingPathComponent("plan.yaml"), to: directory.appendingPathComponent("plan.yml"))
    let log = directory.appendingPathComponent("plan.updates.jsonl")
    let before = try Self.records(log).count
    let writers = 32
    let processes = try (0..<writers).map { n in
      try Self.start([
        "schedule", "update", "VESSEL", "--plan",
        directory.appendingPathComponent(n % 2 == 0 ? "plan.yaml" : "plan.yml").path,
        "--note", "writer \(n)", "--date", "2026-02-25",
      ])
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let records = try Self.records(log)
    #expect(records.count == before + writers)
    let notes = records.dropFirst(before).compactMap { $0["note"] as? String }
    #expect(notes.count == writers)
    #expect(Set(notes) == Set((0..<writers).map { "writer \($0)" }))
  }

  @Test func killingUpdatesAtAnyMomentLeavesAValidLogAndNoTemporaryFile() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let log = directory.appendingPathComponent("plan.updates.jsonl")
    let before = try Data(contentsOf: log)
    func update(_ note: String) -> [String] {
      ["schedule", "update", "VESSEL", "--plan", plan, "--note", note, "--date", "2026-02-25"]
    }
    // How long one update takes here: kills are spread over that time.
    let clock = ContinuousClock()
    let duration = try clock.measure { try Self.start(update("timing")).waitUntilExit() }
    let span = max(
      20_000,
      Int(duration.components.attoseconds / 1_000_000_000_000 + duration.components.seconds * 1_000_000))
    var random = SystemRandomNumberGenerator()
    var survivors = 1
    // 200 kills, eight processes at a time (they also compete for the lock).
    for batch in 0..<25 {
      let delays = (0..<8).map { _ in Int.random(in: 0...span, using: &random) }
      let processes = try (0..<8).map { try Self.start(update("kill \(batch * 8 + $0)")) }
      var elapsed = 0
      for (process, delay) in zip(processes, delays).sorted(by: { $0.1 < $1.1 }) {
        usleep(useconds_t(max(0, delay - elapsed)))
        elapsed = max(elapsed, delay)
        kill(process.processIdentifier, SIGKILL)
      }
      for process in processes {
        process.waitUntilExit()
        if process.terminationReason == .exit { survivors += 1 }
      }
    }
    // A temporary file an older version left when it was killed.
    var pid: Int32 = 4_000_000
    while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
    let stale = directory.appendingPathComponent(".plan.updates.jsonl.\(pid).\(UUID().uuidString).tmp")
    try Data("{\"recorded\":".utf8).write(to: stale)

    let next = try ScheduleCLI.run(update("after the kills"))
    #expect(next.status == 0, "\(next.stderr)")
    let after = try Data(contentsOf: log)
    #expect(after.prefix(before.count) == before)
    let records = try Self.records(log)
    let notes = records.compactMap { $0["note"] as? String }
    let killed = notes.filter { $0.hasPrefix("kill ") }
    #expect(Set(killed).count == killed.count)  // none twice
    #expect(killed.count + 1 >= survivors - 1)  // every update that finished is there
    #expect(notes.last == "after the kills")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files)")
    let status = try ScheduleCLI.run(["schedule", "status", "--plan", plan, "--as-of", "2026-02-25"])
    #expect(status.status == 0)
    #expect(status.stderr.isEmpty, "\(status.stderr)")
  }

  @Test func aTornLastLineIsReportedThenSetAsideByTheNextUpdate() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let log = directory.appendingPathComponent("plan.updates.jsonl")
    let good = try Data(contentsOf: log)
    let torn = Data(#"{"recorded":"2026-02-25","id":"VES"#.utf8)
    try (good + torn).write(to: log)
    let lines = good.filter { $0 == 10 }.count
    let status = try ScheduleCLI.run(["schedule", "status", "--plan", plan, "--as-of", "2026-02-25"])
    #expect(status.status == 0)
    #expect(
      status.stderr
        == "caspian-link: warning: \(log.path):\(lines + 1): warning: incomplete last line (\(torn.count) bytes, an interrupted update?) ignored; the next update moves it to plan.updates.jsonl.torn\n"
    )
    let update = try ScheduleCLI.run([
      "schedule", "update", "VESSEL", "--plan", plan, "--note", "next", "--date", "2026-02-25",
    ])
    #expect(update.status == 0)
    #expect(
      update.stderr.contains(
        "was moved to \(directory.appendingPathComponent("plan.updates.jsonl.torn").path)"))
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("plan.updates.jsonl.torn")) == torn + Data([10]))
    let after = try Data(contentsOf: log)
    #expect(after.prefix(good.count) == good)
    #expect(try Self.records(log).last?["note"] as? String == "next")
  }

  @Test func aRecordThatChangesNothingIsKeptAsAConfirmation() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let log = directory.appendingPathComponent("plan.updates.jsonl")
    let before = try Self.records(log).count
    let result = try ScheduleCLI.run([
      "schedule", "update", "MANUF", "--plan", plan, "--status", "done", "--date", "2026-02-25",
      "--note", "reviewed: still done",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("MANUF as of 2026-02-25: no change: recorded as a confirmation"))
    let records = try Self.records(log)
    #expect(records.count == before + 1)
    #expect(records.last?["note"] as? String == "reviewed: still done")
    // A record that does change something says "Recorded".
    let change = try ScheduleCLI.run([
      "schedule", "update", "VESSEL", "--plan", plan, "--forecast-finish", "2026-06-30", "--date",
      "2026-02-25",
    ])
    #expect(change.stdout.hasPrefix("Recorded VESSEL as of 2026-02-25"))
  }

  @Test func anActualStartBeforeAPredecessorFinishedIsAcceptedWithAWarning() throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.yaml").path
    let result = try ScheduleCLI.run([
      "schedule", "update", "LAY", "--plan", plan, "--status", "in-progress", "--date", "2026-02-25",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let warnings = result.stderr.split(separator: "\n")
    #expect(!warnings.isEmpty)
    #expect(warnings.allSatisfy { $0.hasPrefix("caspian-link: warning: LAY: actual start 2026-02-25 but ") })
    #expect(
      warnings.contains {
        $0.contains("VESSEL has not finished as of 2026-02-25") && $0.contains("lag 7 days")
      })
    #expect(result.stdout.hasPrefix("Recorded LAY as of 2026-02-25: in progress"))
  }

  /// One bad input: what to run in a scratch copy, and what the one line on stderr must contain.
  struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    /// Changes the scratch copy (plan text, log text) and returns the arguments.
    let arguments: @Sendable (URL) throws -> [String]
    /// Text the error must contain; `{dir}` stands for the scratch folder.
    let expected: String
    var testDescription: String { name }
  }

  /// Replaces `original` in the scratch plan; returns the 1-based line where it was.
  @discardableResult
  static func editPlan(_ directory: URL, _ original: String, _ replacement: String) throws -> Int {
    let url = directory.appendingPathComponent("plan.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let range = try #require(text.range(of: original))
    try text.replacingCharacters(in: range, with: replacement).write(
      to: url, atomically: true, encoding: .utf8)
    return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
  }

  /// Appends lines to the scratch log; returns the line number of the last one.
  @discardableResult
  static func appendToLog(_ directory: URL, _ lines: [String]) throws -> Int {
    let url = directory.appendingPathComponent("plan.updates.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8) + lines.map { $0 + "\n" }.joined()
    try text.write(to: url, atomically: true, encoding: .utf8)
    return text.filter { $0 == "\n" }.count
  }

  static func status(_ directory: URL) -> [String] {
    [
      "schedule", "status", "--as-of", "2026-02-25", "--plan",
      directory.appendingPathComponent("plan.yaml").path,
    ]
  }

  static func update(_ directory: URL, _ id: String, _ flags: [String]) -> [String] {
    ["schedule", "update", id, "--plan", directory.appendingPathComponent("plan.yaml").path] + flags
  }

  /// The line of the bundled plan's LAY activity (the one measured by KP).
  static let layLine: Int = {
    let text = (try? String(contentsOf: ScheduleCLI.bundledPlan, encoding: .utf8)) ?? ""
    return (text.range(of: "  - id: LAY\n").map { text[..<$0.lowerBound].filter { $0 == "\n" }.count } ?? 0)
      + 1
  }()

  static let badInputs: [BadInput] = [
    BadInput(
      name: "lagDays -1e9",
      arguments: { d in
        let line = try editPlan(d, "{id: VESSEL, lagDays: 7}", "{id: VESSEL, lagDays: -1e9}")
        return status(d) + ["--expect-line", "\(line)"]
      }, expected: "plan.yaml:{line}: lagDays must be between -3650 and 3650 days, got -1000000000"),
    BadInput(
      name: "lagDays at the Int64 limit",
      arguments: { d in
        let line = try editPlan(d, "{id: VESSEL, lagDays: 7}", "{id: VESSEL, lagDays: 9223372036854775807}")
        return status(d) + ["--expect-line", "\(line)"]
      }, expected: "plan.yaml:{line}: lagDays must be between -3650 and 3650 days"),
    BadInput(
      name: "deadline before the first activity",
      arguments: { d in
        let line = try editPlan(d, "deadline: 2026-12-31", "deadline: 2020-01-01")
        return status(d) + ["--expect-line", "\(line)"]
      },
      expected:
        "plan.yaml:{line}: deadline 2020-01-01 is before the first activity starts (CONTRACT, 2025-03-04)"),
    BadInput(
      name: "two progress: kp activities",
      arguments: { d in
        let line = try editPlan(d, "  - id: BURIAL\n", "  - id: BURIAL\n    progress: kp\n")
        return status(d) + ["--expect-line", "\(line)"]
      },
      expected: "plan.yaml:{line}: activity BURIAL has 'progress: kp' but LAY (line \(layLine)) already has"),
    BadInput(
      name: "ANSI escape in a name",
      arguments: { d in
        let line = try editPlan(d, "name: Main cable lay", #"name: "Main \e[2J\e[31mcable lay""#)
        return status(d) + ["--expect-line", "\(line)"]
      }, expected: "plan.yaml:{line}: name contains a control character (U+001B) at character 6"),
    BadInput(
      name: "weight 1e308",
      arguments: { d in
        let line = try editPlan(d, "weight: 20", "weight: 1e308")
        return status(d) + ["--expect-line", "\(line)"]
      }, expected: "plan.yaml:{line}: weight must be between 0 and 1000000, got 1e+308"),
    BadInput(
      name: "alias bomb as a mapping key",
      arguments: { d in
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
          lines.append(
            "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
              + "]")
        }
        let text = try String(contentsOf: d.appendingPathComponent("plan.yaml"), encoding: .utf8)
        try (lines.joined(separator: "\n") + "\n? *a9\n: bomb\n" + text).write(
          to: d.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        return status(d)
      }, expected: "plan.yaml:6: aliases expand the plan to more than 1000000 YAML nodes (an alias bomb?)"),
    BadInput(
      name: "a directory as --plan",
      arguments: { d in ["schedule", "status", "--plan", d.path] },
      expected: "{dir}: is a directory, not a plan file"),
    BadInput(
      name: "a missing --plan",
      arguments: { d in ["schedule", "status", "--plan", d.appendingPathComponent("none.yaml").path] },
      expected: "{dir}/none.yaml: cannot read the plan: no such file"),
    BadInput(
      name: "duplicate key in a log line",
      arguments: { d in
        let line = try appendToLog(d, [#"{"recorded":"2026-02-25","id":"VESSEL","note":"a","note":"b"}"#])
        return status(d) + ["--expect-line", "\(line)"]
      },
      expected:
        "plan.updates.jsonl:{line}: not a JSON object (an interrupted or hand-broken line?): column 51: duplicate key \"note\" in one object"
    ),
    BadInput(
      name: "broken line that is not the last",
      arguments: { d in
        let line = try appendToLog(
          d, [#"{"recorded":"2026-02-25","id":"VES"#, #"{"recorded":"2026-02-25","id":"VESSEL"}"#])
        return status(d) + ["--expect-line", "\(line - 1)"]
      }, expected: "plan.updates.jsonl:{line}: not a JSON object"),
    BadInput(
      name: "percentComplete 140 in the log",
      arguments: { d in
        let line = try appendToLog(d, [#"{"recorded":"2026-02-25","id":"VESSEL","percentComplete":140}"#])
        return status(d) + ["--expect-line", "\(line)"]
      }, expected: "plan.updates.jsonl:{line}: percentComplete must be between 0 and 100 %, got 140"),
    BadInput(
      name: "KP 1e-16 written into the log by hand",
      arguments: { d in
        let line = try appendToLog(
          d,
          [
            #"{"recorded":"2026-02-20","id":"LAY","actualStart":"2026-02-10"}"#,
            #"{"recorded":"2026-02-21","id":"LAY","kp":1e-16}"#,
          ])
        return status(d) + ["--expect-line", "\(line)"]
      },
      expected:
        "plan.updates.jsonl:{line}: LAY: KP 1e-16 km reached in 12 days: at that rate the lay would finish after 9999-12-31"
    ),
    BadInput(
      name: "--kp 1e-16",
      arguments: { d in
        try appendToLog(d, [#"{"recorded":"2026-02-20","id":"LAY","actualStart":"2026-02-10"}"#])
        return update(d, "LAY", ["--kp", "1e-16", "--date", "2026-02-21"])
      }, expected: "command line: LAY: KP 1e-16 km reached in 12 days"),
    BadInput(
      name: "--percent -5",
      arguments: { d in update(d, "VESSEL", ["--percent", "-5", "--date", "2026-02-25"]) },
      expected: "command line: --percent must be between 0 and 100 %, got -5"),
    BadInput(
      name: "--percent 101",
      arguments: { d in update(d, "VESSEL", ["--percent", "101", "--date", "2026-02-25"]) },
      expected: "command line: --percent must be between 0 and 100 %, got 101"),
    BadInput(
      name: "--kp -1", arguments: { d in update(d, "LAY", ["--kp", "-1", "--date", "2026-02-25"]) },
      expected: "command line: --kp must be between 0 and 380 km, got -1"),
    BadInput(
      name: "--kp beyond the route",
      arguments: { d in update(d, "LAY", ["--kp", "380.5", "--date", "2026-02-25"]) },
      expected: "command line: --kp must be between 0 and 380 km, got 380.5"),
    BadInput(
      name: "--kp beyond a route length with many digits",
      arguments: { d in
        let plan = d.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
          .replacingOccurrences(of: "\nrouteLengthKm: 380\n", with: "\nrouteLengthKm: 356.7147184198625\n")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        return update(d, "LAY", ["--kp", "400", "--date", "2026-02-25"])
      }, expected: "command line: --kp must be between 0 and 356.715 km, got 400"),
    BadInput(
      name: "--date in the future",
      arguments: { d in update(d, "VESSEL", ["--note", "x", "--date", "2999-01-01"]) },
      expected: "command line: --date 2999-01-01 is after today"),
    BadInput(
      name: "a milestone set in progress",
      arguments: { d in update(d, "RFS", ["--status", "in-progress", "--date", "2026-02-25"]) },
      expected: "command line: --status in-progress: RFS is a milestone"),
    BadInput(
      name: "ANSI escape in --note",
      arguments: { d in update(d, "VESSEL", ["--note", "\u{1B}[31mred", "--date", "2026-02-25"]) },
      expected: "command line: --note contains a control character (U+001B) at character 1"),
    BadInput(
      name: "escape sequence in the id", arguments: { d in update(d, "\u{1B}[2JVESSEL", ["--note", "x"]) },
      expected: "plan.yaml: unknown activity id \\u{1B}[2JVESSEL"),
    BadInput(
      name: "10,000-character id",
      arguments: { d in update(d, String(repeating: "V", count: 10_000), ["--note", "x"]) },
      expected: "plan.yaml: unknown activity id " + String(repeating: "V", count: 64) + "… (10000 characters)"
    ),
  ]

  @Test(arguments: badInputs)
  func badInputIsOneLineExitOneAndChangesNothing(_ input: BadInput) throws {
    let directory = try ScheduleCLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    var arguments = try input.arguments(directory)
    var expected = input.expected.replacingOccurrences(of: "{dir}", with: directory.path)
    if let at = arguments.firstIndex(of: "--expect-line") {
      expected = expected.replacingOccurrences(of: "{line}", with: arguments[at + 1])
      arguments.removeSubrange(at...(at + 1))
    }
    let before = try Self.inputs(directory)
    let result = try ScheduleCLI.run(arguments)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("caspian-link: error: "), "\(result.stderr)")
    #expect(result.stderr.contains(expected), "\(result.stderr)")
    #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    #expect(result.stderr.count < 400)
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(result.stdout.isEmpty)
    #expect(try Self.inputs(directory) == before)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(!files.contains { $0.hasSuffix(".tmp") || $0.hasSuffix(".torn") })
  }
}
