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
