import CaspianGeometry
import Foundation

/// A route request that cannot be met, or a configuration that cannot be used. The text is one
/// line naming the file or the input at fault and the problem.
public enum RoutingError: Error, LocalizedError, CustomStringConvertible, Equatable {
  /// The cost-model file cannot be used.
  case badConfig(path: String, problem: String)
  /// The cell size gives a cost grid over the memory budget; `source` names where the cell
  /// size came from (`cellSizeM`, a config file, `--cell-size`).
  case overMemoryBudget(source: String, problem: String)
  /// No landing has that name (ignoring case) in the landings file.
  case unknownLanding(path: String, name: String, suggestions: [String], known: [String])
  /// A point given by the user lies on land.
  case pointOnLand(label: String, point: Coordinate, seaPath: String, distanceToWaterKm: Double)
  /// A point given by the user lies inside a no-go zone.
  case pointInNoGo(label: String, point: Coordinate, hazardsPath: String, hazard: String, kind: String)
  /// A point lies outside the bathymetry grid or the cost grid.
  case pointOutsideGrid(label: String, point: Coordinate, path: String)
  /// No route joins the two points; `reason` says which constraint closes the way.
  case noRoute(from: String, to: String, reason: String)
  /// A planned route broke a hard constraint in the final vector check (a defect, reported
  /// rather than printed as a route).
  case constraintViolated(option: Int, leg: Int, problem: String)

  public var description: String {
    switch self {
    case .badConfig(let path, let problem):
      return "\(path): \(problem)"
    case .overMemoryBudget(let source, let problem):
      return "\(source): \(problem)"
    case .unknownLanding(let path, let name, let suggestions, let known):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: " or "))?"
      return "\(path): no landing named \"\(name)\"\(hint) (known: \(known.joined(separator: ", ")))"
    case .pointOnLand(let label, let point, let seaPath, let km):
      return
        "\(label) \(Self.format(point)): point is on land, \(String(format: "%.1f", km)) km from the water (\(seaPath))"
    case .pointInNoGo(let label, let point, let path, let hazard, let kind):
      return "\(label) \(Self.format(point)): point is inside the no-go \(kind) \"\(hazard)\" (\(path))"
    case .pointOutsideGrid(let label, let point, let path):
      return "\(label) \(Self.format(point)): point is outside the bathymetry grid (\(path))"
    case .noRoute(let from, let to, let reason):
      return "no route from \(from) to \(to): \(reason)"
    case .constraintViolated(let option, let leg, let problem):
      return "internal check failed: option \(option) leg \(leg) \(problem); no route was output"
    }
  }

  public var errorDescription: String? { description }

  static func format(_ c: Coordinate) -> String {
    String(format: "%.5f,%.5f", c.longitude, c.latitude)
  }
}
