import Foundation

/// The one error shape of every bad input and unwritable output: the file (or where the value
/// came from: a flag, "command line", an environment variable), where in it (a line, a feature,
/// an option; nil for the whole file) and the problem. Printed as one line,
/// "FILE: WHERE: PROBLEM".
public struct FileError: Error, LocalizedError, CustomStringConvertible, Equatable, Sendable {
  public let file: String
  public let location: String?
  public let problem: String

  public init(file: String, location: String? = nil, problem: String) {
    self.file = file
    self.location = location
    self.problem = problem
  }

  public var description: String { [file, location, problem].compactMap { $0 }.joined(separator: ": ") }
  public var errorDescription: String? { description }
}
