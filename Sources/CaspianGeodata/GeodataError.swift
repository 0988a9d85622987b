import Foundation

/// A data-set file that cannot be used. The text is one line: the file (path), where in it
/// (e.g. `feature 3 "Aktau"`, `line 12`) and the problem, e.g.
/// `Geodata/landings.geojson: feature 3 "Aktau": point is on land, 1.2 km from the water`.
public struct GeodataError: Error, LocalizedError, CustomStringConvertible, Sendable {
  public let path: String
  public let location: String?
  public let problem: String

  public init(path: String, location: String? = nil, problem: String) {
    self.path = path
    self.location = location
    self.problem = problem
  }

  public var description: String { [path, location, problem].compactMap { $0 }.joined(separator: ": ") }
  public var errorDescription: String? { description }
}
