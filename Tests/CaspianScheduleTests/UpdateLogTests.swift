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
    let history = try UpdateLog.append(record, plan: plan, planURL: planURL).history
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

  @Test func interruptedWriteLeavesATornLineTheNextUpdateSetsAside() throws {
    let (planURL, logURL) = try scratchPlan()
    let directory = planURL.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let logBefore = try Data(contentsOf: logURL)
    let plan = try PlanParser.read(from: planURL)
    let record = ProgressUpdate(recorded: day("2026-01-06"), id: "A", percentComplete: 50)
    // A writer that dies half-way through its line (as a crash of the machine could leave it).
    var written: [UInt8] = []
    #expect {
      try UpdateLog.append(record, plan: plan, planURL: planURL) { bytes, descriptor in
        written = Array(bytes.prefix(bytes.count / 2))
        try UpdateLog.writeAll(written, to: descriptor)
        throw InjectedFailure()
      }
    } throws: { "\($0)" == "\(logURL.path): cannot append: InjectedFailure()" }
    #expect(try Data(contentsOf: logURL) == logBefore + written)
    // Readers keep every complete record and report the torn line.
    let read = try UpdateLog.read(from: logURL, plan: plan)
    #expect(read.records.count == 2)
    #expect(read.torn?.line == 4)
    #expect(read.torn?.byteCount == written.count)
    #expect(read.torn!.warning.hasPrefix(logURL.path + ":4: warning: incomplete last line"))
    // The next update moves the torn bytes to the sidecar and appends after the last good line.
    let appended = try UpdateLog.append(record, plan: plan, planURL: planURL)
    #expect(appended.setAside?.line == 4)
    #expect(try Data(contentsOf: logURL) == logBefore + Data((record.jsonLine + "\n").utf8))
    #expect(try Data(contentsOf: UpdateLog.tornURL(forLog: logURL)) == Data(written + [10]))
    let after = try UpdateLog.read(from: logURL, plan: plan)
    #expect(after.torn == nil)
    #expect(after.records.count == 3)
  }

  @Test func anUnreadableLineThatIsNotTheLastIsAnError() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let plan = try PlanParser.read(from: planURL)
    var text = try String(contentsOf: logURL, encoding: .utf8)
    text += #"{"recorded":"2026-01-06","id":"#  // broken, and then a good line after it
    text += "\n" + #"{"recorded":"2026-01-06","id":"B","note":"x"}"# + "\n"
    try text.write(to: logURL, atomically: true, encoding: .utf8)
    #expect {
      try UpdateLog.read(from: logURL, plan: plan)
    } throws: { "\($0)".hasPrefix(logURL.path + ":4: not a JSON object") }
    // A last line without a newline that parses is a record, not a torn line.
    try (text + #"{"recorded":"2026-01-06","id":"B","note":"y"}"#).write(
      to: logURL, atomically: true, encoding: .utf8)
    #expect(throws: ScheduleError.self) { try UpdateLog.read(from: logURL, plan: plan) }
  }

  @Test func windowsAndOldMacLineEndingsReadAsLF() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let plan = try PlanParser.read(from: planURL)
    let lf = try UpdateLog.read(from: logURL, plan: plan)
    let text = try String(contentsOf: logURL, encoding: .utf8)
    #expect(lf.records.count == 2)
    for ending in ["\r\n", "\r"] {
      try text.replacingOccurrences(of: "\n", with: ending).write(
        to: logURL, atomically: true, encoding: .utf8)
      let read = try UpdateLog.read(from: logURL, plan: plan)
      #expect(read.records == lf.records)
      #expect(read.torn == nil)
    }
    // An update appends in the log's own line ending.
    try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: logURL, atomically: true, encoding: .utf8)
    let record = ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "crlf")
    try UpdateLog.append(record, plan: plan, planURL: planURL)
    #expect(try String(contentsOf: logURL, encoding: .utf8).hasSuffix(record.jsonLine + "\r\n"))
    #expect(try UpdateLog.read(from: logURL, plan: plan).records.count == 3)
  }

  @Test func aSymlinkedOrPrivateLogKeepsItsLinkAndMode() throws {
    let (planURL, logURL) = try scratchPlan()
    let directory = planURL.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = try PlanParser.read(from: planURL)
    let elsewhere = directory.appendingPathComponent("elsewhere", isDirectory: true)
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let target = elsewhere.appendingPathComponent("real.jsonl")
    try FileManager.default.moveItem(at: logURL, to: target)
    try FileManager.default.createSymbolicLink(at: logURL, withDestinationURL: target)
    #expect(chmod(target.path, 0o600) == 0)
    try UpdateLog.append(
      ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "via link"), plan: plan, planURL: planURL)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: logURL.path) == target.path)
    var info = stat()
    #expect(stat(target.path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try UpdateLog.read(from: target, plan: plan).records.last?.note == "via link")
    // The lock is next to the real file, whatever the spelling.
    #expect(
      UpdateLog.lockURL(forLog: logURL).path == elsewhere.appendingPathComponent(".real.jsonl.lock").path)
  }

  @Test func aNewLogIsCreatedWithTheUsualMode() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: logURL)
    let plan = try PlanParser.read(from: planURL)
    try UpdateLog.append(
      ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "first"), plan: plan, planURL: planURL)
    let mask = umask(0)
    umask(mask)
    var info = stat()
    #expect(stat(logURL.path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o644 & ~mask)
    #expect(try UpdateLog.read(from: logURL, plan: plan).records.map(\.line) == [1])
  }

  @Test func everySpellingOfThePlanMeetsOnOneLock() throws {
    let (planURL, logURL) = try scratchPlan()
    let directory = planURL.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("small.yml")
    try FileManager.default.copyItem(at: planURL, to: copy)
    let linkedFolder = directory.deletingLastPathComponent().appendingPathComponent(
      "link-\(UUID().uuidString)")
    try FileManager.default.createSymbolicLink(at: linkedFolder, withDestinationURL: directory)
    defer { try? FileManager.default.removeItem(at: linkedFolder) }
    let viaLink = linkedFolder.appendingPathComponent("small.yaml")
    let locks = Set(
      [planURL, copy, viaLink].map { UpdateLog.lockURL(forLog: UpdateLog.url(forPlan: $0)).path })
    #expect(locks.count == 1)
    #expect(UpdateLog.url(forPlan: copy) == logURL)
  }

  @Test func theNextUpdateRemovesStaleTemporaryFiles() throws {
    let (planURL, logURL) = try scratchPlan()
    let directory = planURL.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A process id that is not running (kill(pid, 0) fails with ESRCH).
    var pid: Int32 = 4_000_000
    while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
    let stale = directory.appendingPathComponent(
      ".\(logURL.lastPathComponent).\(pid).\(UUID().uuidString).tmp")
    try Data("half a log".utf8).write(to: stale)
    let plan = try PlanParser.read(from: planURL)
    let appended = try UpdateLog.append(
      ProgressUpdate(recorded: day("2026-01-06"), id: "B", note: "x"), plan: plan, planURL: planURL)
    #expect(appended.removedTemporaries == [stale.lastPathComponent])
    #expect(!FileManager.default.fileExists(atPath: stale.path))
  }

  @Test func aRecordTheReaderWouldRefuseIsNeverAppended() throws {
    let (planURL, logURL) = try scratchPlan()
    defer { try? FileManager.default.removeItem(at: planURL.deletingLastPathComponent()) }
    let text = try String(contentsOf: Fixture.url("lay.yaml"), encoding: .utf8)
    try text.write(to: planURL, atomically: true, encoding: .utf8)
    try "".write(to: logURL, atomically: true, encoding: .utf8)
    let plan = try PlanParser.read(from: planURL)
    let lay = try #require(plan.activity("LAY"))
    let start = lay.baselineStart
    try UpdateLog.append(
      ProgressUpdate(recorded: start, id: lay.id, actualStart: start), plan: plan, planURL: planURL)
    let before = try Data(contentsOf: logURL)
    // 1e-16 km in ten days: at that rate the lay ends billions of years on (it used to trap).
    let tiny = ProgressUpdate(recorded: start.adding(days: 9), id: lay.id, kp: 1e-16)
    #expect {
      try UpdateLog.append(tiny, plan: plan, planURL: planURL, source: "command line")
    } throws: { "\($0)".hasPrefix("command line: \(lay.id): KP 1e-16 km reached in 10 days") }
    #expect(try Data(contentsOf: logURL) == before)
    // The same line written by hand: the reader names it instead of crashing.
    try (before + Data((tiny.jsonLine + "\n").utf8)).write(to: logURL)
    #expect {
      try Schedule.status(
        plan: plan, history: UpdateLog.read(from: logURL, plan: plan), asOf: start.adding(days: 20))
    } throws: { "\($0)".hasPrefix(logURL.path + ":2: \(lay.id): KP 1e-16 km") }
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
