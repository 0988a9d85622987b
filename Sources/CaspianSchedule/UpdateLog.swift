import CaspianSupport
import Foundation

/// The append-only log of progress records kept next to a plan: `plan.yaml` → `plan.updates.jsonl`,
/// one JSON object per line (blank lines and lines starting with `#` are comments; `\n`, `\r\n`
/// and a lone `\r` all end a line).
///
/// The hand-written plan is never rewritten, and the log is never replaced: an update takes an
/// exclusive `flock` on a sidecar lock file named after the log's real path (symlinks resolved:
/// `<dir>/.plan.updates.jsonl.lock`), so every spelling of the plan (`plan.yaml`, a copy
/// `plan.yml`, a symlinked folder) meets on one lock. Under it the update re-reads the log,
/// checks the new record against the plan and the whole history exactly as a reader will, and
/// appends the record with one `write` on an `O_APPEND` descriptor followed by `fsync`. A
/// symlinked log keeps its link, any log keeps its mode; a new log is created 0644 less the umask.
///
/// A last line without a line ending that is not complete JSON is what a crash mid-write leaves
/// (a *torn* line): readers ignore it and report it (`UpdateHistory.torn`); the next update copies
/// its bytes to `<log>.torn` (appended, never deleted) and truncates the log to its last
/// complete line. Every other unreadable line is an error naming the line.
public enum UpdateLog {
  /// Where the log of the plan at `planURL` lives.
  public static func url(forPlan planURL: URL) -> URL {
    let base = planURL.deletingPathExtension()
    return base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + ".updates.jsonl")
  }

  /// The lock file of the log at `logURL`: `.NAME.lock` next to the log's real path.
  public static func lockURL(forLog logURL: URL) -> URL {
    let real = realURL(logURL)
    return real.deletingLastPathComponent().appendingPathComponent(".\(real.lastPathComponent).lock")
  }

  /// Where a torn last line of the log at `logURL` is set aside: `NAME.torn` next to its real path.
  public static func tornURL(forLog logURL: URL) -> URL {
    let real = realURL(logURL)
    return real.deletingLastPathComponent().appendingPathComponent(real.lastPathComponent + ".torn")
  }

  /// Reads the log (an absent log is an empty history) and checks it against the plan. Waits
  /// while an update is being written.
  public static func read(from url: URL, plan: Plan) throws -> UpdateHistory {
    let history = try withLock(of: url, exclusive: false) {
      let (bytes, _) = try readAll(url, file: url.path, forWriting: false)
      return try parse(Data(bytes), file: url.path)
    }
    try history.validate(against: plan)
    return history
  }

  /// What an append did.
  public struct Appended: Sendable {
    /// The history including the new record (without any torn line).
    public let history: UpdateHistory
    /// A torn last line that was moved to `tornURL(forLog:)` before the record was appended.
    public let setAside: TornLine?
    /// Temporary files an interrupted older version left next to the log, now removed.
    public let removedTemporaries: [String]
  }

  /// Appends `record` under the lock, after checking it against the plan and every earlier record
  /// exactly as a reader will (the record is serialised, parsed back and the whole history
  /// validated). Problems of the new record itself are reported as coming from `source` (the
  /// command line), not from a log line that was never written.
  /// `write` puts the bytes of the new line on the log's `O_APPEND` descriptor (tests inject
  /// failures here).
  /// - Throws: `ScheduleError` for a record that does not fit; the log is then unchanged.
  @discardableResult
  public static func append(
    _ record: ProgressUpdate, plan: Plan, planURL: URL, source: String = "the new record",
    write: ([UInt8], Int32) throws -> Void = { try UpdateLog.writeAll($0, to: $1) }
  ) throws -> Appended {
    let logURL = url(forPlan: planURL)
    let file = logURL.path
    return try withLock(of: logURL, exclusive: true) {
      var removed = AtomicFile.removeStaleTemporaries(for: logURL)
      let real = realURL(logURL)
      if real.path != logURL.standardizedFileURL.path {
        removed += AtomicFile.removeStaleTemporaries(for: real)
      }
      var (bytes, descriptor) = try readAll(logURL, file: file, forWriting: true)
      defer { if descriptor >= 0 { close(descriptor) } }
      let existing = try parse(Data(bytes), file: file)
      let kept = existing.torn?.offset ?? bytes.count
      // The new line, ended like the log's last line; after a hand-edited last line without an
      // ending, the ending first.
      let ending = Array(bytes[..<kept].suffix(2)) == [13, 10] ? [UInt8]([13, 10]) : [10]
      var line: [UInt8] = []
      if kept > 0, bytes[kept - 1] != 10, bytes[kept - 1] != 13 { line += ending }
      line += Array(record.jsonLine.utf8) + ending
      // Read back exactly as a reader will.
      let after: UpdateHistory
      do {
        after = try parse(Data(bytes[..<kept] + line), file: file)
        guard after.torn == nil, after.records.count == existing.records.count + 1,
          after.records.last?.sameFacts(as: record) == true
        else {
          throw ScheduleError(file: source, "\(record.id): the record does not read back as written")
        }
        try after.validate(against: plan)
      } catch let error as ScheduleError {
        let newLine = lineCount(bytes[..<kept]) + 1
        if error.file == file, error.line == newLine { throw ScheduleError(file: source, error.message) }
        if error.file == file { throw ScheduleError(file: source, "contradicts \(error)") }
        throw error
      }
      var setAside: TornLine?
      if let torn = existing.torn {
        try setAsideTorn(Array(bytes[torn.offset...]), of: logURL, descriptor: descriptor, keeping: kept)
        setAside = torn
      }
      if descriptor < 0 {
        descriptor = open(logURL.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw systemError(file, "cannot create the update log") }
      }
      do {
        try write(line, descriptor)
      } catch let error as ScheduleError {
        throw error
      } catch {
        throw ScheduleError(file: file, "cannot append: \(error)")
      }
      guard fsync(descriptor) == 0 else { throw systemError(file, "cannot flush the update log") }
      return Appended(history: after, setAside: setAside, removedTemporaries: removed)
    }
  }

  /// Writes all of `bytes` with one `write` on `descriptor` (opened `O_APPEND`), retrying
  /// after an interruption.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw ScheduleError(file: "update log", "cannot append: \(String(cString: strerror(errno)))")
      }
      offset += n
    }
  }

  /// Copies a torn last line to the `.torn` sidecar (appended, flushed; kept forever), then cuts
  /// the log back to its first `kept` bytes.
  private static func setAsideTorn(_ torn: [UInt8], of logURL: URL, descriptor: Int32, keeping kept: Int)
    throws
  {
    let sidecar = tornURL(forLog: logURL)
    var info = stat()
    let mode = fstat(descriptor, &info) == 0 ? mode_t(info.st_mode & 0o777) : 0o644
    let fd = open(sidecar.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
    guard fd >= 0 else { throw systemError(sidecar.path, "cannot set the torn last line aside") }
    defer { close(fd) }
    do {
      try writeAll(torn + [10], to: fd)
    } catch {
      throw systemError(sidecar.path, "cannot set the torn last line aside")
    }
    guard fsync(fd) == 0 else { throw systemError(sidecar.path, "cannot flush") }
    guard ftruncate(descriptor, off_t(kept)) == 0, fsync(descriptor) == 0 else {
      throw systemError(logURL.path, "cannot cut off the torn last line")
    }
  }

  /// Runs `body` holding the log's lock file: exclusively (created if need be), or shared if the
  /// lock file exists (readers never create files).
  private static func withLock<T>(of logURL: URL, exclusive: Bool, _ body: () throws -> T) throws -> T {
    let lock = lockURL(forLog: logURL)
    let fd =
      exclusive
      ? open(lock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) : open(lock.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if !exclusive { return try body() }
      throw systemError(lock.path, "cannot create the lock file of the update log")
    }
    defer { close(fd) }  // closing releases the lock
    while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
      guard errno == EINTR else { throw systemError(lock.path, "cannot lock") }
    }
    return try body()
  }

  /// The bytes of the log (empty if it does not exist) and, for writing, its descriptor opened
  /// read-write with `O_APPEND` (-1 if it does not exist yet).
  private static func readAll(_ url: URL, file: String, forWriting: Bool) throws -> ([UInt8], Int32) {
    let fd = open(url.path, (forWriting ? O_RDWR | O_APPEND : O_RDONLY) | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return ([], -1) }
      if errno == EISDIR { throw ScheduleError(file: file, "is a directory, not an update log") }
      throw systemError(file, "cannot read the update log")
    }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw ScheduleError(file: file, "is a directory, not an update log")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(bytes.count)) }
      if n < 0, errno == EINTR { continue }
      if n < 0 {
        close(fd)
        throw systemError(file, "cannot read the update log")
      }
      if n == 0 { break }
      bytes += chunk[..<n]
    }
    if !forWriting {
      close(fd)
      return (bytes, -1)
    }
    return (bytes, fd)
  }

  /// Parses the bytes of an update log without checking them against a plan; `file` names the
  /// log in errors. A torn last line is not a record but `UpdateHistory.torn`.
  /// - Throws: `ScheduleError` naming the file and the line of the first unreadable record.
  public static func parse(_ data: Data, file: String) throws -> UpdateHistory {
    let bytes = [UInt8](data)
    var records: [ProgressUpdate] = []
    var torn: TornLine?
    for line in lines(bytes) {
      var content = bytes[line.start..<line.end]
      if line.number == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
      let isLast = line.end == bytes.count
      func tornOr(_ error: ScheduleError) throws {
        guard isLast else { throw error }
        torn = TornLine(
          file: file, line: line.number, offset: line.start, byteCount: bytes.count - line.start)
      }
      guard let text = String(validating: content, as: UTF8.self) else {
        try tornOr(ScheduleError(file: file, line: line.number, "not UTF-8 text"))
        continue
      }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let value: JSONValue
      do {
        value = try JSONValue.parse(Data(content), rejectingDuplicateKeys: true)
      } catch {
        try tornOr(
          ScheduleError(
            file: file, line: line.number,
            "not a JSON object (an interrupted or hand-broken line?): column \(error.column): \(error.problem)"
          ))
        continue
      }
      records.append(try ProgressUpdate.parse(value, file: file, line: line.number))
    }
    return UpdateHistory(file: file, records: records, torn: torn)
  }

  /// The lines of `bytes`: content ranges without their ending, numbered from 1. `\n`, `\r\n`
  /// and a lone `\r` each end a line; the last line may have no ending.
  static func lines(_ bytes: [UInt8]) -> [(number: Int, start: Int, end: Int)] {
    var result: [(Int, Int, Int)] = []
    var start = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] == 10 || bytes[i] == 13 {
        result.append((result.count + 1, start, i))
        i += bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
        start = i
      } else {
        i += 1
      }
    }
    if start < bytes.count { result.append((result.count + 1, start, bytes.count)) }
    return result
  }

  /// How many lines (ended or not) `bytes` has.
  static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int { lines(Array(bytes)).count }

  /// The path after resolving symlinks: of the file, else of its directory (a log that does not
  /// exist yet), else as given.
  static func realURL(_ url: URL) -> URL {
    if let real = realpath(url.path, nil) {
      defer { free(real) }
      return URL(fileURLWithPath: String(cString: real))
    }
    let directory = url.deletingLastPathComponent()
    if let real = realpath(directory.path, nil) {
      defer { free(real) }
      return URL(fileURLWithPath: String(cString: real)).appendingPathComponent(url.lastPathComponent)
    }
    return url.standardizedFileURL
  }

  private static func systemError(_ file: String, _ what: String) -> ScheduleError {
    ScheduleError(file: file, "\(what): \(String(cString: strerror(errno)))")
  }
}

/// A last line without a line ending that is not a complete record: what a crash in the middle
/// of a write leaves. Readers ignore it; the next update sets it aside.
public struct TornLine: Sendable, Equatable {
  /// The log, as named in messages.
  public let file: String
  /// 1-based line number.
  public let line: Int
  /// Byte offset where the line starts.
  public let offset: Int
  public let byteCount: Int

  /// One line for standard error.
  public var warning: String {
    "\(file):\(line): warning: incomplete last line (\(byteCount) bytes, an interrupted update?) ignored;"
      + " the next update moves it to \(URL(fileURLWithPath: file).lastPathComponent).torn"
  }
}
