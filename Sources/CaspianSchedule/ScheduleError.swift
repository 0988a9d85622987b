import Foundation

/// Bad plan or update input, or an impossible request. The text is one line naming the file and
/// line (`Geodata/plan.yaml:42: ...`) or the file and the activity id.
public struct ScheduleError: Error, LocalizedError, CustomStringConvertible, Equatable {
  /// The file the problem is in (as given by the caller).
  public let file: String
  /// 1-based line in `file`, when known.
  public let line: Int?
  /// What is wrong.
  public let message: String

  public init(file: String, line: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
  public var errorDescription: String? { description }
}
