import CaspianSchedule
import Foundation
import Testing

@Suite struct BadInputTests {
  /// Reads a fixture plan and returns the one-line message it fails with.
  func message(_ name: String) throws -> String {
    let url = Fixture.url(name)
    do {
      _ = try Fixture.load(url)
    } catch let error as ScheduleError {
      let text = "\(error)"
      #expect(!text.contains("\n"))
      return text
    }
    Issue.record("\(name) was accepted")
    return ""
  }

  @Test func cycleIsNamed() throws {
    let text = try message("cycle.yaml")
    #expect(text.hasSuffix("cycle.yaml:5: dependency cycle: A -> B -> C -> A"))
  }

  @Test func unknownDependencyNamesIDAndLine() throws {
    #expect(
      try message("unknown-dependency.yaml").hasSuffix(
        "unknown-dependency.yaml:14: activity B depends on unknown id VESSEL"))
  }

  @Test func finishBeforeStart() throws {
    #expect(
      try message("finish-before-start.yaml").hasSuffix(
        "finish-before-start.yaml:5: activity A: baseline finish 2026-02-01 is before its start 2026-03-01"))
  }

  @Test func duplicateID() throws {
    #expect(
      try message("duplicate-id.yaml").hasSuffix(
        "duplicate-id.yaml:10: duplicate activity id A (first at line 5)"))
  }

  @Test func unparseableDate() throws {
    #expect(
      try message("bad-date.yaml").hasSuffix(
        "bad-date.yaml:7: baselineStart: '2026-02-30' is not a calendar date (YYYY-MM-DD)"))
  }

  @Test func actualInTheFutureOfItsRecord() throws {
    #expect(
      try message("future-actual/plan.yaml").hasSuffix(
        "future-actual/plan.updates.jsonl:2: A: actual finish 2026-01-09 is in the future of the date it was recorded (2026-01-03)"
      ))
  }

  @Test func baselineThatBreaksItsOwnLogic() {
    #expect(throws: ScheduleError.self) {
      try PlanParser.parse(
        """
        project: P
        deadline: 2026-12-31
        finish: B
        activities:
          - {id: A, name: A, baselineStart: 2026-01-01, baselineFinish: 2026-01-10, weight: 1}
          - {id: B, name: B, baselineStart: 2026-01-10, baselineFinish: 2026-01-12, dependsOn: [A]}
        """, file: "p.yaml")
    }
  }

  @Test func unknownKeyAndBrokenYAMLNameTheLine() {
    #expect {
      try PlanParser.parse("project: P\ndeadline: 2026-12-31\nfinish: A\nactivites: []\n", file: "p.yaml")
    } throws: { "\($0)" == "p.yaml:4: unknown key 'activites' in the plan" }
    #expect {
      try PlanParser.parse("project: P\ndeadline: [2026\n", file: "p.yaml")
    } throws: { "\($0)".hasPrefix("p.yaml:") && "\($0)".contains("not valid YAML") }
  }

  @Test func badLogLines() throws {
    let plan = try PlanParser.read(from: Fixture.url("small.yaml"))
    let cases: [(String, String)] = [
      (#"{"recorded":"2026-01-02","id":"Z","note":"x"}"#, "log.jsonl:1: unknown activity id Z"),
      (
        #"{"recorded":"2026-01-02","id":"A","percentComplete":140}"#,
        "percentComplete must be between 0 and 100 %, got 140"
      ),
      (#"{"recorded":"2026-01-02","id":"A","percentComplete":"40"}"#, "percentComplete must be a number"),
      (#"{"recorded":"2026-01-32","id":"A"}"#, "recorded: '2026-01-32' is not a calendar date"),
      (#"{"recorded":"2026-01-02","id":"A","actualFinish":"2026-01-02"}"#, "without an actual start"),
      (
        #"{"recorded":"2026-01-02","id":"A","kp":3}"#,
        "KP is recorded only for the activity with 'progress: kp'"
      ),
      (#"{"recorded":"2026-01-02","id":"A","colour":"red"}"#, "unknown field 'colour'"),
      (#"{"recorded":"2026-01-02","id":"A""#, "log.jsonl:1: not a JSON object"),
      (#"{"recorded":"2026-01-02","id":"A","note":"a","note":"b"}"#, "duplicate"),
      (
        #"{"recorded":"2026-01-02","id":"A","note":"\u001b[31mred"}"#,
        "note contains a control character (U+001B)"
      ),
      (#"{"recorded":"2026-01-02","id":"A","kp":-1}"#, "kp must be at least 0 km, got -1"),
      ("[1, 2]", "not a JSON object but an array"),
    ]
    for (line, expected) in cases {
      let directory = try Fixture.scratch()
      defer { try? FileManager.default.removeItem(at: directory) }
      let log = directory.appendingPathComponent("log.jsonl")
      try (line + "\n").write(to: log, atomically: true, encoding: .utf8)
      #expect {
        try UpdateLog.read(from: log, plan: plan)
      } throws: { error in
        "\(error)".contains(expected) && "\(error)".hasPrefix(log.path + ":1: ")
      }
    }
  }

  /// The bundled plan with `original` replaced by `replacement`; the message it fails with and the
  /// line (1-based) where the replacement starts.
  func bundledPlanFailing(replacing original: String, with replacement: String) throws -> (String, Int) {
    let text = try String(contentsOf: Fixture.bundledPlan, encoding: .utf8)
    let range = try #require(text.range(of: original))
    let changed = text.replacingCharacters(in: range, with: replacement)
    let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    do {
      _ = try PlanParser.parse(changed, file: "plan.yaml")
    } catch let error as ScheduleError {
      #expect(!"\(error)".contains("\n"))
      return ("\(error)", line)
    }
    Issue.record("accepted: \(replacement)")
    return ("", line)
  }

  @Test(arguments: ["-1e9", "-9223372036854775808", "9223372036854775807", "1e300"])
  func lagDaysOutOfRange(_ lag: String) throws {
    let (text, line) = try bundledPlanFailing(replacing: "lagDays: 7", with: "lagDays: \(lag)")
    #expect(text.hasPrefix("plan.yaml:\(line): lagDays must be between -3650 and 3650 days, got "))
  }

  @Test func lagDaysBuiltInCodeAreCheckedToo() {
    #expect {
      try Plan(
        file: "p", project: "P", deadline: day("2026-12-31"), finishID: "B",
        activities: [
          Activity(
            id: "A", name: "A", baselineStart: day("2026-01-01"), baselineFinish: day("2026-01-02"), weight: 1
          ),
          Activity(
            id: "B", name: "B", baselineStart: day("2026-02-01"), baselineFinish: day("2026-02-02"),
            dependsOn: [Dependency(id: "A", lagDays: .min, line: 9)]),
        ])
    } throws: { "\($0)".hasPrefix("p:9: activity B: lagDays must be between -3650 and 3650 days, got -9") }
  }

  @Test func deadlineBeforeTheFirstActivity() throws {
    let (text, line) = try bundledPlanFailing(replacing: "deadline: 2026-12-31", with: "deadline: 2020-01-01")
    #expect(
      text
        == "plan.yaml:\(line): deadline 2020-01-01 is before the first activity starts (CONTRACT, 2025-03-04)"
    )
  }

  @Test func twoActivitiesMeasuredByKP() throws {
    let (text, line) = try bundledPlanFailing(
      replacing: "    weight: 6\n", with: "    weight: 6\n    progress: kp\n")
    #expect(
      text.hasSuffix("has 'progress: kp' but LAY (line 151) already has: one activity is the cable lay"))
    #expect(text.hasPrefix("plan.yaml:\(line - 6): activity BURIAL"))
  }

  @Test(arguments: [
    (
      "name: Main cable lay", "name: \"Main \\e[31mcable\\e[0m lay\"",
      "name contains a control character (U+001B) at character 6"
    ),
    (
      "name: Main cable lay", "name: \"Main \\u202Ecable\"",
      "name contains a bidirectional formatting character (U+202E)"
    ),
    (
      "    weight: 20\n", "    weight: 20\n    notes: \"a\\rb\"\n",
      "notes contains a control character (U+000D)"
    ),
    (
      "dependsOn: [PERMIT]", "dependsOn: [\"PER\\e[2JMIT\"]",
      "dependency id 'PER\\u{1B}[2JMIT' may only contain"
    ),
  ])
  func controlCharactersAreRefusedWithTheirLine(_ original: String, _ replacement: String, _ expected: String)
    throws
  {
    let (text, line) = try bundledPlanFailing(replacing: original, with: replacement)
    let lineShift = original.hasPrefix("    weight") ? 1 : 0
    #expect(text.hasPrefix("plan.yaml:\(line + lineShift): "), "\(text)")
    #expect(text.contains(expected), "\(text)")
    #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
  }

  @Test func weightOutOfRange() throws {
    let (text, line) = try bundledPlanFailing(replacing: "weight: 20", with: "weight: 1e308")
    #expect(text == "plan.yaml:\(line): weight must be between 0 and 1000000, got 1e+308")
  }

  @Test func aliasBombUsedAsAMappingKeyIsRefusedBeforeComposing() {
    // Nine levels of ten aliases: 10^9 nodes if expanded. As a key, composing compares keys in
    // full (over 60 s before); the event stream is refused at once.
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
          + "]")
    }
    let bomb = lines.joined(separator: "\n") + "\n? *a9\n: value\n"
    #expect {
      try PlanParser.parse(bomb, file: "bomb.yaml")
    } throws: { error in
      "\(error)".hasPrefix("bomb.yaml:")
        && "\(error)".hasSuffix("aliases expand the plan to more than 1000000 YAML nodes (an alias bomb?)")
    }
    // A few ordinary anchors and aliases are fine.
    let ordinary = """
      project: P
      deadline: 2026-12-31
      finish: B
      activities:
        - {id: A, name: &name Work, baselineStart: 2026-01-01, baselineFinish: 2026-01-02, weight: 1}
        - {id: B, name: *name, milestone: true, baselineFinish: 2026-01-03, dependsOn: [A]}
      """
    #expect(throws: Never.self) { try PlanParser.parse(ordinary, file: "p.yaml") }
  }

  @Test func aDirectoryGivenAsThePlanSaysSo() throws {
    let directory = try Fixture.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect {
      try PlanParser.read(from: directory, name: "plans")
    } throws: { "\($0)" == "plans: is a directory, not a plan file" }
    // A directory where the log should be.
    let plan = directory.appendingPathComponent("small.yaml")
    try FileManager.default.copyItem(at: Fixture.url("small.yaml"), to: plan)
    try FileManager.default.createDirectory(
      at: UpdateLog.url(forPlan: plan), withIntermediateDirectories: true)
    #expect {
      try Fixture.load(plan)
    } throws: { "\($0)".hasSuffix("small.updates.jsonl: is a directory, not an update log") }
  }
}
