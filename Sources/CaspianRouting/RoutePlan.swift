import CaspianAnalysis
import CaspianGeometry

/// One end of a route, or a waypoint: a named position in the sea.
public struct RoutePoint: Sendable, Hashable, Codable {
  /// The landing's name, or a label such as "point 51.10000,43.60000".
  public var name: String
  public var coordinate: Coordinate
  /// For a landing whose data give one: the direction the route must leave it (or reach it
  /// from) seaward, degrees true.
  public var approachBearingDegrees: Double?

  public init(name: String, coordinate: Coordinate, approachBearingDegrees: Double? = nil) {
    self.name = name
    self.coordinate = coordinate
    self.approachBearingDegrees = approachBearingDegrees
  }
}

/// What an option optimises.
public enum RouteOptionKind: String, Sendable, Hashable, Codable {
  /// Least cost under the full cost model.
  case leastCost = "least-cost"
  /// Shortest route that respects every hard constraint, soft costs ignored.
  case shortestSafe = "shortest-safe"
  /// Least cost while steered away from a corridor around the earlier options.
  case alternativeCorridor = "alternative-corridor"

  /// In words, e.g. "shortest safe".
  public var description: String {
    switch self {
    case .leastCost: "least-cost"
    case .shortestSafe: "shortest safe"
    case .alternativeCorridor: "alternative-corridor"
    }
  }
}

/// How an option differs from the first option.
public struct OptionComparison: Sendable, Hashable, Codable {
  /// Route length minus option 1's, km.
  public var lengthDeltaKm: Double
  /// Largest distance from this route to option 1's, km.
  public var maxSeparationKm: Double
  /// Where this route lies from option 1 at that largest distance: N, NE, E, SE, S, SW, W, NW.
  public var maxSeparationDirection: String
  /// Share of this route's length within `sharedWithinKm` of option 1, percent.
  public var sharedPercent: Double
  public static let sharedWithinKm = 2.0
}

/// One candidate route between two landings.
public struct RouteOption: Sendable, Hashable {
  /// 1-based.
  public var id: Int
  public var kind: RouteOptionKind
  /// One line: how this option was found and how it differs from the others.
  public var summary: String
  /// Alter-course points: first = the start landing, last = the end landing (waypoints kept).
  public var vertices: [Coordinate]
  /// Cost under the full cost model, in km of open deep seabed.
  public var costKm: Double
  public var measures: RouteMeasures
  /// Compared with option 1; nil for option 1.
  public var comparison: OptionComparison?
  /// Which resolution each stretch was planned at, in KP order, covering the whole route.
  public var stretches: [PlannedStretch] = []

  /// Number of legs between alter-course points.
  public var legs: Int { vertices.count - 1 }
}

/// The options for one route request.
public struct PlannedRoute: Sendable, Hashable {
  public var from: RoutePoint
  public var to: RoutePoint
  public var via: [RoutePoint]
  public var options: [RouteOption]
  /// What the planner noticed, one line each (e.g. that the shortest safe route is option 1).
  public var notes: [String]
  /// The cost model the options were planned with.
  public var model: CostModel
  /// Size of the cost grid searched (rows × cols).
  public var gridRows: Int
  public var gridCols: Int
}
