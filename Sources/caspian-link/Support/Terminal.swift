import Foundation

/// What the terminal on standard output and standard error can show.
enum Terminal {
  /// Colour on standard output only when it is a terminal, `NO_COLOR` is unset or empty
  /// (https://no-color.org) and `TERM` is not `dumb`.
  static let stdoutUsesColour = usesColour(fileDescriptor: STDOUT_FILENO)

  /// Whether standard error is a terminal that rewrites lines in place (`\r`, erase line):
  /// progress is shown there only then, never with `TERM=dumb`.
  static let stderrShowsProgress =
    isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

  private static func usesColour(fileDescriptor: Int32) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    guard isatty(fileDescriptor) != 0 else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// `text` in bold when standard output uses colour.
  static func bold(_ text: String) -> String {
    stdoutUsesColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  /// `text` in yellow (warnings) when standard output uses colour.
  static func warning(_ text: String) -> String {
    stdoutUsesColour ? "\u{1B}[33m\(text)\u{1B}[0m" : text
  }
}
