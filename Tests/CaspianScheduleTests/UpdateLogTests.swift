import CaspianSchedule
import Foundation
import Testing

@Suite struct UpdateLogTests {
  struct InjectedFailure: Error {}

  func scratchPlan() throws -> (URL, URL) {
    let directory = try Fixture.scratch(copying: [
      Fixture.url("small.yaml"), Fixture.url("small.updates.jsonl"),
    ])
    let plan = directory.appendingPathComponent("small.yaml")
    return (plan, UpdateLog.url(forPlan: plan))
  }

  @Test func logLivesNextToThePlan() {
    let log = UpdateLog.url(forPlan: URL(fileURLWithPath: "/x/Geodata/plan.yaml"))
    #expect(log.path == "/x/Geodata/plan.updates.jsonl")
  }

  @Test func appendKeepsThePlanCommentsAndEveryEarlierRecord() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let planBefore = try Data(contentsOf: planURL)
    let logBefore = try Data(contentsOf: logURL)
    let plan = try PlanParser.read(from: planURL)
    let record = ProgressUpdate(
      recorded: day("2026-01-07"), id: "A", forecastFinish: day("2026-01-13"), note: "crew, \"delayed\"")
    let history = try UpdateLog.append(record, plan: plan, planURL: planURL)
    #expect(try Data(contentsOf: planURL) == planBefore)
    let logAfter = try Data(contentsOf: logURL)
    #expect(logAfter.prefix(logBefore.count) == logBefore)
    #expect(String(decoding: logAfter.dropFirst(logBefore.count), as: UTF8.self) == record.jsonLine + "\n")
    // Read back: the record round-trips, both forecasts stay in the history, the latest drives.
    let reread = try UpdateLog.read(from: logURL, plan: plan)
    #expect(reread.records.count == 3)
    var expected = record
    expected.line = 4
    #expect(reread.records.last == expected)
    #expect(history.records.map(\.forecastFinish) == [nil, day("2026-01-12"), day("2026-01-13")])
    let status = try Schedule.status(plan: plan, history: reread, asOf: day("2026-01-07"))
    #expect(status.activity("A")!.forecastFinish == day("2026-01-13"))
    let earlier = try Schedule.status(plan: plan, history: reread, asOf: day("2026-01-06"))
    #expect(earlier.activity("A")!.forecastFinish == day("2026-01-12"))
  }

  @Test func rejectedRecordLeavesTheFilesUntouched() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let logBefore = try Data(contentsOf: logURL)
    let plan = try PlanParser.read(from: planURL)
    let bad = ProgressUpdate(recorded: day("2026-01-06"), id: "A", actualFinish: day("2025-12-01"))
    #expect {
      try UpdateLog.append(bad, plan: plan, planURL: planURL)
    } throws: { "\($0)".contains("A: actual finish 2025-12-01 is before the actual start 2026-01-01") }
    #expect(try Data(contentsOf: logURL) == logBefore)
  }

  @Test func interruptedWriteLosesNothing() throws {
    let (planURL, logURL) = try scratchPlan()
    let directory = planURL.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let logBefore = try Data(contentsOf: logURL)
    let plan = try PlanParser.read(from: planURL)
    let record = ProgressUpdate(recorded: day("2026-01-06"), id: "A", percentComplete: 50)
    // A writer that dies half-way: it leaves a partial temporary file (as a killed process would)
    // and never renames it over the log.
    #expect(throws: InjectedFailure.self) {
      try UpdateLog.append(record, plan: plan, planURL: planURL) { data, url in
        let partial = directory.appendingPathComponent(".\(url.lastPathComponent).999.tmp")
        try data.prefix(data.count / 2).write(to: partial)
        throw InjectedFailure()
      }
    }
    #expect(try Data(contentsOf: logURL) == logBefore)
    // The next update still works and the stray temporary file does not matter.
    try UpdateLog.append(record, plan: plan, planURL: planURL)
    #expect(try UpdateLog.read(from: logURL, plan: plan).records.count == 3)
  }

  @Test func concurrentUpdatesAreAllRecorded() async throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let plan = try PlanParser.read(from: planURL)
    let writers = 16
    try await withThrowingTaskGroup(of: Void.self) { group in
      for n in 0..<writers {
        group.addTask {
          let record = ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "writer \(n)")
          try UpdateLog.append(record, plan: plan, planURL: planURL)
        }
      }
      try await group.waitForAll()
    }
    let history = try UpdateLog.read(from: logURL, plan: plan)
    #expect(history.records.count == 2 + writers)
    #expect(Set(history.records.compactMap(\.note)) == Set((0..<writers).map { "writer \($0)" }))
  }

  @Test func appendsAfterALastLineWithoutNewline() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    var text = try String(contentsOf: logURL, encoding: .utf8)
    text.removeLast()  // hand-edited, no final newline
    try text.write(to: logURL, atomically: true, encoding: .utf8)
    let plan = try PlanParser.read(from: planURL)
    try UpdateLog.append(
      ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "x"), plan: plan, planURL: planURL)
    let history = try UpdateLog.read(from: logURL, plan: plan)
    #expect(history.records.map(\.line) == [2, 3, 4])
  }
}
