/// Text from a file or a flag that will reach a terminal: control characters (C0 except tab and,
/// where allowed, newline; DEL; C1, which includes the 8-bit CSI) and bidirectional overrides and
/// isolates can rewrite or reorder what the user sees (ANSI escape sequences start with ESC), so
/// they are refused where the text is read.
public enum TerminalText {
  /// True for a scalar that must not reach a terminal.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Nil if `text` is safe to print; else "contains a control character (U+001B) at character 4".
  /// Tabs are allowed, newlines only with `allowingNewlines`.
  public static func problem(in text: String, allowingNewlines: Bool = false) -> String? {
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      if scalar == "\t" || (allowingNewlines && scalar == "\n") { continue }
      if isUnsafe(scalar) {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        let kind = scalar.value >= 0x202A ? "a bidirectional formatting character" : "a control character"
        return "contains \(kind) (U+\(padded)) at character \(offset + 1)"
      }
    }
    return nil
  }
}
