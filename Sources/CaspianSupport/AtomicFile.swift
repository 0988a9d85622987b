import Foundation

/// Writes files so that a reader never sees a half-written file and an interrupted write
/// leaves the previous content in place: the data goes to a temporary file in the destination's
/// directory, is flushed to disk, and is then renamed over the destination (`rename(2)` is
/// atomic within one file system).
///
/// What the destination is decides how it is written:
/// - a regular file is replaced, keeping its permission bits (and owner, where allowed);
/// - a symbolic link is followed: its target is replaced and the link stays a link;
/// - a character device (`/dev/null`, `/dev/stdout`, a terminal) or a FIFO is written through
///   in place, never replaced by a regular file;
/// - a directory, socket or block device is refused.
///
/// `write(_:)` with several files stages every one of them before renaming any, so a command
/// that cannot write one of its outputs leaves none of them behind.
public enum AtomicFile {
  /// Replaces the file at `url` with `data`, atomically.
  /// - Throws: `FileError` naming the file and the system's reason.
  public static func write(_ data: Data, to url: URL) throws {
    try write([(data, url)])
  }

  /// Replaces the file at `url` with the UTF-8 encoding of `text`, atomically.
  public static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }

  /// Writes every file or none: each one is staged (temporary file written and flushed, or the
  /// device opened) before the first is renamed into place.
  /// - Throws: `FileError` for the first file that cannot be written; no destination
  ///   has been changed then, except where a rename itself fails part-way (the error says so).
  public static func write(_ files: [(Data, URL)]) throws {
    var staged: [StagedFile] = []
    defer { for file in staged { file.discard() } }
    for (data, url) in files {
      staged.append(try StagedFile(data: data, destination: url))
    }
    // Devices and FIFOs first: they are the outputs most likely to fail at write time
    // (`/dev/full`), and a failure there must come before any file is replaced.
    for index in staged.indices where staged[index].isWriteThrough {
      try staged[index].commit()
    }
    for index in staged.indices where !staged[index].isWriteThrough {
      do {
        try staged[index].commit()
      } catch let error as FileError where index > 0 {
        let done = staged[..<index].filter { !$0.isWriteThrough }.map(\.path)
        throw FileError(
          file: error.file, problem: error.problem + " (already written: \(done.joined(separator: ", ")))")
      }
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

  /// The path a write to `path` lands on: symbolic links in the last component are followed
  /// (relative targets against the link's directory), even when the final target does not exist.
  /// - Throws: `FileError` for a loop of links.
  static func resolvingLinks(_ path: String) throws -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current =
        target.hasPrefix("/")
        ? target : (current as NSString).deletingLastPathComponent.appending("/" + target)
    }
    throw FileError(file: path, problem: "cannot write: too many levels of symbolic links")
  }
}

/// One output made ready to land: a flushed temporary file beside a regular destination, or
/// the open descriptor of a device or FIFO.
private struct StagedFile {
  /// The destination as the user named it (for messages).
  let path: String
  /// Where the bytes go after following links.
  let target: String
  let data: Data
  /// The temporary file (regular destinations) or nil.
  let temporary: String?
  /// The open device or FIFO (write-through destinations) or -1.
  let descriptor: Int32

  var isWriteThrough: Bool { descriptor >= 0 }

  init(data: Data, destination url: URL) throws {
    path = url.relativePath
    self.data = data
    target = try AtomicFile.resolvingLinks(url.path)
    func failure(_ reason: String) -> FileError {
      FileError(file: url.relativePath, problem: "cannot write: " + reason)
    }
    var info = stat()
    if stat(target, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFCHR, S_IFIFO:
        // O_NONBLOCK so that a FIFO without a reader fails (ENXIO) instead of hanging.
        let fd = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
          throw failure(errno == ENXIO ? "is a FIFO with no reader" : String(cString: strerror(errno)))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        descriptor = fd
        temporary = nil
        return
      case S_IFDIR: throw failure("is a directory")
      default: throw failure("is not a regular file, device or FIFO")
      }
    } else if errno != ENOENT {
      throw failure(String(cString: strerror(errno)))
    }
    let exists = info.st_mode & S_IFMT == S_IFREG
    let targetURL = URL(fileURLWithPath: target)
    let directory = targetURL.deletingLastPathComponent()
    var directoryInfo = stat()
    guard stat(directory.path, &directoryInfo) == 0, directoryInfo.st_mode & S_IFMT == S_IFDIR else {
      throw failure("directory \(url.deletingLastPathComponent().relativePath) does not exist")
    }
    AtomicFile.removeStaleTemporaries(for: targetURL)
    let temporary = directory.appendingPathComponent(
      ".\(targetURL.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp"
    ).path
    // A new file gets 0666 less the umask, as any other program's would.
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
    var reason = Self.writeAll(data, to: fd)
    if reason == nil, exists {
      // Keep the destination's permissions and, where allowed, its owner.
      if fchmod(fd, info.st_mode & 0o7777) != 0 { reason = String(cString: strerror(errno)) }
      _ = fchown(fd, info.st_uid, info.st_gid)
    }
    if reason == nil, fsync(fd) != 0 { reason = String(cString: strerror(errno)) }
    close(fd)
    if let reason {
      unlink(temporary)
      throw failure(reason)
    }
    self.temporary = temporary
    descriptor = -1
  }

  /// Puts the bytes in place: renames the temporary file, or writes to the device.
  func commit() throws {
    if let temporary {
      guard rename(temporary, target) == 0 else {
        throw FileError(file: path, problem: "cannot write: " + (String(cString: strerror(errno))))
      }
    } else if let reason = Self.writeAll(data, to: descriptor) {
      throw FileError(file: path, problem: "cannot write: " + reason)
    }
  }

  /// Removes the temporary file if it was not renamed, and closes the device.
  func discard() {
    if let temporary { unlink(temporary) }
    if descriptor >= 0 { close(descriptor) }
  }

  /// Writes every byte; nil on success, else the system's reason.
  static func writeAll(_ data: Data, to fd: Int32) -> String? {
    data.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += n
      }
      return nil
    }
  }
}
