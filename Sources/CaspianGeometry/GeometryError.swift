import Foundation

/// A failure in the geometry core: a GEOS or PROJ call that failed (with the library's own
/// message), or input that the operation cannot use.
///
/// The text is one line, e.g. `GEOS GEOSBuffer_r: IllegalArgumentException: …`. Callers that
/// know which file the geometry came from wrap it with the file's path.
public enum GeometryError: Error, LocalizedError, CustomStringConvertible, Equatable {
  /// A GEOS function failed; `message` is what GEOS reported through its error handler.
  case geos(function: String, message: String)
  /// A PROJ function failed; `message` is what PROJ logged, or the text of its error code.
  case proj(function: String, message: String)
  /// The input cannot be used by the operation (e.g. an empty geometry where a point is needed).
  case invalidInput(operation: String, problem: String)

  public var description: String {
    let text =
      switch self {
      case .geos(let function, let message): "GEOS \(function): \(message)"
      case .proj(let function, let message): "PROJ \(function): \(message)"
      case .invalidInput(let operation, let problem): "\(operation): \(problem)"
      }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  public var errorDescription: String? { description }
}
