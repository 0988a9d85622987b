import CaspianSupport
import Foundation

/// One bathymetry grid of a data set and how its values relate to mean ocean level.
///
/// Bundled ETOPO/GEBCO grids hold elevations relative to mean ocean level, positive up. A survey
/// grid often holds depths (positive down) below a local chart datum. The elevation used is
/// `(positiveDown ? −value : value) + verticalOffsetM`, where `verticalOffsetM` is the height of
/// the grid's zero above mean ocean level (e.g. −28 for depths below a datum 28 m under ocean
/// level), so that grids on different references mosaic correctly.
public struct GridSource: Sendable, Hashable {
  public var url: URL
  /// The file stores depth, positive down, instead of elevation.
  public var positiveDown: Bool
  /// Height of the grid's zero above mean ocean level, metres.
  public var verticalOffsetM: Double

  public init(url: URL, positiveDown: Bool = false, verticalOffsetM: Double = 0) {
    self.url = url
    self.positiveDown = positiveDown
    self.verticalOffsetM = verticalOffsetM
  }

  /// "elevation, offset 0 m" or "depth positive down, offset −28 m": for `geodata check`.
  public var verticalReference: String {
    let values = positiveDown ? "depth (positive down)" : "elevation (positive up)"
    return "\(values) relative to a zero \(String(format: "%g", verticalOffsetM)) m above mean ocean level"
  }

  /// The suffixes a grid argument may carry after commas.
  public static let suffixHelp = "FILE[,positive-down][,offset=M]"

  /// Parses `FILE[,positive-down][,offset=M]` (the `--grid` argument and manifest strings).
  /// Only trailing parts that are one of the two suffixes count, so a file name with a comma
  /// still works. `relativeTo` resolves a relative file name.
  /// - Throws: `FileError` naming `source` for an offset that is not a number in range.
  public static func parse(_ text: String, relativeTo directory: URL?, source: String) throws -> GridSource {
    var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var positiveDown = false
    var offset: Double?
    while parts.count > 1, let last = parts.last {
      let word = last.trimmingCharacters(in: .whitespaces)
      if word == "positive-down" {
        positiveDown = true
      } else if word.hasPrefix("offset=") {
        let number = String(word.dropFirst("offset=".count))
        guard let value = Double(number) else {
          throw FileError(
            file: source, problem: "grid \"\(text)\": offset \"\(number)\" is not a number of metres")
        }
        if let problem = Limits.named("verticalOffsetM").problem(value) {
          throw FileError(file: source, problem: "grid \"\(text)\": \(problem)")
        }
        offset = value
      } else {
        break
      }
      parts.removeLast()
    }
    let file = parts.joined(separator: ",")
    let url =
      directory.map { file.hasPrefix("/") ? URL(fileURLWithPath: file) : $0.appendingPathComponent(file) }
      ?? URL(fileURLWithPath: file)
    return GridSource(url: url, positiveDown: positiveDown, verticalOffsetM: offset ?? 0)
  }
}
