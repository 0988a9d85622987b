import Foundation

/// One benchmark case on disk: `grid.npy` (cost per metre, float32, `+inf` = impassable) and
/// `case.json` (this struct), read by both `caspian-bench search` and `Tools/bench_mcp.py`.
struct SearchCase: Codable {
  /// What the grid covers, e.g. "bundled data, 1000 m cells".
  var name: String
  var cellSizeMetres: Double
  var rows: Int
  var cols: Int
  /// Grid moves as (row, col) offsets, given to `MCP_Geometric` as its `offsets`.
  var offsets: [[Int]]
  /// Start and end cells, [row, col].
  var start: [Int]
  var end: [Int]

  static let gridFile = "grid.npy"
  static let caseFile = "case.json"
  static let ourPathFile = "path-ours.npy"
}
