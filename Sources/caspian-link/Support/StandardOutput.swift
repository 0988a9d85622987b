@preconcurrency import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Standard output, written through C's `stdout` and checked once at the end, so a full disk
/// (`>/dev/full`) or a closed descriptor (`>&-`) is an error with exit 1, never a crash or a
/// silent success.
enum StandardOutput {
  /// Call first: a closed standard descriptor (0, 1, 2) is reopened read-only on /dev/null, so
  /// no file the command opens later can take its number (and receive its output), and a write
  /// to a closed standard output fails (EBADF) as it would have, to be reported by `finish()`.
  static func protectDescriptors() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let null = open("/dev/null", O_RDONLY)
      if null >= 0, null != fd {
        dup2(null, fd)
        close(null)
      }
    }
  }

  /// The first error (`errno`) of a write through `write(_:)`, kept for `finish()`.
  nonisolated(unsafe) private static var firstError: Int32 = 0

  /// Writes `data` to standard output (buffered; errors are reported by `finish()`).
  static func write(_ data: Data) {
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      if fwrite(base, 1, buffer.count, cStandardOutput) < buffer.count, firstError == 0 { firstError = errno }
    }
  }

  /// Flushes standard output. Returns nil when everything printed was written, else why not.
  static func finish() -> String? {
    let flushFailed = fflush(cStandardOutput) != 0
    let code = firstError != 0 ? firstError : errno
    guard flushFailed || firstError != 0 || ferror(cStandardOutput) != 0 else { return nil }
    if fcntl(STDOUT_FILENO, F_GETFL) & O_ACCMODE == O_RDONLY {
      return "cannot write to standard output: it is closed"
    }
    return "cannot write to standard output: "
      + (flushFailed || firstError != 0 ? String(cString: strerror(code)) : "a write failed")
  }
}

/// Standard error, written with `write(2)` and never trapping: when it is closed or full there
/// is nowhere left to report to, and the exit code still tells.
enum StandardError {
  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes {
        Foundation.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { return }
      offset += n
    }
  }
}

/// C's `stdout` stream, which `print` also writes to.
private var cStandardOutput: UnsafeMutablePointer<FILE> { stdout }
