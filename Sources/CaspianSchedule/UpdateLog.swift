import CaspianSupport
import Foundation

/// The append-only log of progress records kept next to a plan: `plan.yaml` → `plan.updates.jsonl`,
/// one JSON object per line (blank lines and lines starting with `#` are comments).
///
/// The hand-written plan is never rewritten. An update takes an exclusive lock (`flock`) on the
/// plan file, re-reads the log, checks the new record against the plan and the whole history,
/// and replaces the log by its old bytes plus one line through `AtomicFile` (temporary file,
/// fsync, rename). A concurrent update waits for the lock and then sees this one; an interrupted
/// update leaves the previous log intact.
public enum UpdateLog {
  /// Where the log of the plan at `planURL` lives.
  public static func url(forPlan planURL: URL) -> URL {
    let base = planURL.deletingPathExtension()
    return base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + ".updates.jsonl")
  }

  /// Reads the log (an absent log is an empty history) and checks it against the plan.
  public static func read(from url: URL, plan: Plan) throws -> UpdateHistory {
    let (history, _) = try load(url)
    try history.validate(against: plan)
    return history
  }

  /// Appends `record` under the lock, after checking it against the plan and every earlier record.
  /// `write` replaces the log's content (tests inject failures here).
  /// - Returns: the history including the new record.
  /// - Throws: `ScheduleError` for a record that does not fit; the log is then unchanged.
  @discardableResult
  public static func append(
    _ record: ProgressUpdate, plan: Plan, planURL: URL,
    write: (Data, URL) throws -> Void = { try AtomicFile.write($0, to: $1) }
  ) throws -> UpdateHistory {
    let logURL = url(forPlan: planURL)
    let lock = open(planURL.path, O_RDONLY)
    guard lock >= 0 else {
      throw ScheduleError(file: planURL.path, "cannot open to lock: \(String(cString: strerror(errno)))")
    }
    defer { close(lock) }  // closing releases the lock
    while flock(lock, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw ScheduleError(file: planURL.path, "cannot lock: \(String(cString: strerror(errno)))")
      }
    }
    let (existing, bytes) = try load(logURL)
    var line = record
    line.line =
      bytes.isEmpty ? 1 : bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
    if bytes.last != nil, bytes.last != UInt8(ascii: "\n") { line.line += 1 }
    let history = UpdateHistory(file: existing.file, records: existing.records + [line])
    try history.validate(against: plan)
    var data = bytes
    if let last = data.last, last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
    data.append(contentsOf: Array((record.jsonLine + "\n").utf8))
    try write(data, logURL)
    return history
  }

  /// Reads and parses the log without checking it against a plan; returns its raw bytes too.
  static func load(_ url: URL) throws -> (UpdateHistory, Data) {
    let data: Data
    if FileManager.default.fileExists(atPath: url.path) {
      do {
        data = try Data(contentsOf: url)
      } catch {
        throw ScheduleError(file: url.path, "cannot read the update log: \(error.localizedDescription)")
      }
    } else {
      data = Data()
    }
    return (try parse(data, file: url.path), data)
  }

  /// Parses the bytes of an update log without checking them against a plan; `file` names the
  /// log in errors.
  /// - Throws: `ScheduleError` naming the file and the line of the first unreadable record.
  public static func parse(_ data: Data, file: String) throws -> UpdateHistory {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScheduleError(file: file, "the update log is not UTF-8 text")
    }
    var records: [ProgressUpdate] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      records.append(try ProgressUpdate.parse(jsonLine: line, file: file, line: index + 1))
    }
    return UpdateHistory(file: file, records: records)
  }
}
