import Foundation

/// What long work is doing, on one line of standard error that is rewritten in place; shown
/// only when standard error is a terminal that can move the cursor (not `TERM=dumb`), so pipes,
/// files, CI logs and dumb terminals stay quiet.
enum StatusLine {
  /// Replaces the status line with `message`.
  static func show(_ message: String) {
    guard Terminal.stderrShowsProgress else { return }
    StandardError.write("\r\u{1B}[2Kcaspian-link: \(message)…")
  }

  /// Removes the status line (call before printing results).
  static func clear() {
    guard Terminal.stderrShowsProgress else { return }
    StandardError.write("\r\u{1B}[2K")
  }
}
