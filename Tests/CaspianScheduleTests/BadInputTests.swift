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
      (#"{"recorded":"2026-01-02","id":"A","note":"\u001b[31mred"}"#, "note contains a control character (U+001B)"),
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
}
