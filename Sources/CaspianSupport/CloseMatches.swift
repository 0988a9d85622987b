/// Suggestions for a name the user got wrong.
public enum CloseMatches {
  /// The names in `known` within a small edit distance of `name` (one edit per three letters),
  /// or starting with it, ignoring case; in the order of `known`.
  public static func of(_ name: String, in known: [String]) -> [String] {
    let wanted = Array(name.lowercased())
    return known.filter { candidate in
      let other = Array(candidate.lowercased())
      if !wanted.isEmpty && other.starts(with: wanted) { return true }
      return editDistance(wanted, other) <= max(1, other.count / 3)
    }
  }

  /// " Did you mean A or B?" for the close matches of `name`, or "" when there are none.
  public static func hint(for name: String, in known: [String]) -> String {
    let matches = of(name, in: known)
    guard !matches.isEmpty else { return "" }
    return "; did you mean \(matches.joined(separator: " or "))?"
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
