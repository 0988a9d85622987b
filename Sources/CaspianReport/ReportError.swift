import Foundation

/// The report cannot be drawn from its inputs: one line naming the part and the problem.
public struct ReportError: Error, LocalizedError, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
  public var errorDescription: String? { message }
}
