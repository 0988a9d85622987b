/// Suggestions for a name the user got wrong.
///
/// The work is bounded whatever the input: a name longer than `maximumLength` characters is
/// too long to be a typo of anything and gets no suggestions (no comparison at all), and only
/// candidates whose length is within the allowed edit distance are compared, so each comparison
/// fills at most a 65 × 97 table.
public enum CloseMatches {
  /// Names longer than this (in characters) get no suggestions, and messages echo only this much.
  public static let maximumLength = 64

  /// The names in `known` within a small edit distance of `name` (one edit per three letters),
  /// or starting with it, ignoring case; in the order of `known`.
  public static func of(_ name: String, in known: [String]) -> [String] {
    var cells = 0
    return of(name, in: known, cells: &cells)
  }

  /// `of(_:in:)`, counting the edit-distance table cells it fills into `cells` (for tests that
  /// bound the work).
  static func of(_ name: String, in known: [String], cells: inout Int) -> [String] {
    // The byte count first: a huge name is refused without walking its characters.
    guard name.utf8.count <= 4 * maximumLength, name.count <= maximumLength else { return [] }
    let wanted = Array(name.lowercased())
    return known.filter { candidate in
      guard candidate.utf8.count <= 8 * maximumLength else { return false }
      let other = Array(candidate.lowercased())
      if !wanted.isEmpty && other.starts(with: wanted) { return true }
      let allowed = max(1, other.count / 3)
      // Each edit changes the length by at most one.
      guard abs(other.count - wanted.count) <= allowed else { return false }
      cells += (wanted.count + 1) * (other.count + 1)
      return editDistance(wanted, other) <= allowed
    }
  }

  /// " Did you mean A or B?" for the close matches of `name`, or "" when there are none.
  public static func hint(for name: String, in known: [String]) -> String {
    let matches = of(name, in: known)
    guard !matches.isEmpty else { return "" }
    return "; did you mean \(matches.map(echo).joined(separator: " or "))?"
  }

  /// `name` as it may be echoed in a one-line message: control and bidirectional-formatting
  /// characters written as `\u{1B}`, and at most `maximumLength` characters, a longer name
  /// ending in "… (N characters)".
  public static func echo(_ name: String) -> String {
    var shown = ""
    var count = 0
    for character in name {
      count += 1
      guard count <= maximumLength else { continue }
      for scalar in character.unicodeScalars {
        shown +=
          TerminalText.isUnsafe(scalar)
          ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : "\(scalar)"
      }
    }
    return count > maximumLength ? shown + "… (\(count) characters)" : shown
  }

  /// Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`
  /// (optimal string alignment distance).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
