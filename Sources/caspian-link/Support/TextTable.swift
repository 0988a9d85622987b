/// A plain-text table for people: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
  enum Alignment { case left, right }

  let headers: [String]
  let alignments: [Alignment]
  var rows: [[String]] = []

  init(_ columns: [(header: String, alignment: Alignment)]) {
    headers = columns.map(\.header)
    alignments = columns.map(\.alignment)
  }

  mutating func append(_ row: [String]) {
    precondition(row.count == headers.count)
    rows.append(row)
  }

  /// The table as lines, each prefixed with `indent`, without trailing spaces; the header
  /// row is bold when standard output is a colour terminal.
  func render(indent: String = "") -> String {
    let all = [headers] + rows
    let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.enumerated().map { number, row in
      let cells = row.indices.map { column -> String in
        let padding = String(repeating: " ", count: widths[column] - row[column].count)
        return alignments[column] == .right ? padding + row[column] : row[column] + padding
      }
      var line = indent + cells.joined(separator: "  ")
      while line.hasSuffix(" ") { line.removeLast() }
      return number == 0 ? Terminal.bold(line) : line
    }.joined(separator: "\n")
  }
}
