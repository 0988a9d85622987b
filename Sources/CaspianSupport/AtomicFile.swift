import Foundation

/// Writes files so that a reader never sees a half-written file and an interrupted write
/// leaves the previous content in place: the data goes to a temporary file in the same
/// directory, is flushed to disk, and is then renamed over the destination (`rename(2)` is
/// atomic within one file system).
public enum AtomicFile {
  /// Replaces the file at `url` with `data`, atomically.
  /// - Throws: `AtomicFileError` naming the file and the system's reason.
  public static func write(_ data: Data, to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw AtomicFileError(path: url.path, reason: "directory \(directory.path) does not exist")
    }
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
      throw AtomicFileError(path: url.path, reason: String(cString: strerror(errno)))
    }
    var failure: String?
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, rename(temporary.path, url.path) != 0 {
      failure = String(cString: strerror(errno))
    }
    if let failure {
      unlink(temporary.path)
      throw AtomicFileError(path: url.path, reason: failure)
    }
  }

  /// Removes the temporary files that an interrupted write to `url` left behind
  /// (`.NAME.<pid>.<uuid>.tmp` in the same directory) whose process is no longer running.
  /// - Returns: the names removed.
  @discardableResult
  public static func removeStaleTemporaries(for url: URL) -> [String] {
    let directory = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
    var removed: [String] = []
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let middle = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
      guard middle.count == 2, let pid = Int32(middle[0]), UUID(uuidString: String(middle[1])) != nil else {
        continue
      }
      // kill(pid, 0) fails with ESRCH when no such process exists.
      if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH,
        unlink(directory.appendingPathComponent(name).path) == 0
      {
        removed.append(name)
      }
    }
    return removed
  }

  /// Replaces the file at `url` with the UTF-8 encoding of `text`, atomically.
  public static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }
}

/// A file could not be written; the destination is unchanged.
public struct AtomicFileError: Error, LocalizedError, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "\(path): cannot write: \(reason)" }
  public var errorDescription: String? { description }
}
