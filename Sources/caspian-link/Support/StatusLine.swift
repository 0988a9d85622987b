import Foundation

/// What long work is doing, on one line of standard error that is rewritten in place; shown
/// only when standard error is a terminal, so pipes, files and CI logs stay quiet.
enum StatusLine {
  /// Replaces the status line with `message`.
  static func show(_ message: String) {
    guard Terminal.stderrIsTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2Kcaspian-link: \(message)…".utf8))
  }

  /// Removes the status line (call before printing results).
  static func clear() {
    guard Terminal.stderrIsTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
