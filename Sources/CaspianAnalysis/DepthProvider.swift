import CaspianGeodata
import CaspianGeometry

/// Water depth at a position, metres, positive down (negative: above the water surface, dry).
///
/// A bathymetry grid conforms through its elevation and the data set's water-surface level:
/// depth = waterSurfaceM − elevation. `nil` where the source has no value (outside the grid,
/// NODATA).
public protocol DepthProvider {
  /// Water depth at `coordinate`, metres, positive down; `nil` where unknown.
  func depthMetres(at coordinate: Coordinate) -> Double?
}

/// A depth provider seen at another water-surface level: every depth changes by the difference.
///
/// A sea-level fall of 5 m (`surfaceChangeM` = −5) makes every depth 5 m shallower and turns
/// seabed shallower than 5 m into shore.
public struct SeaLevelShiftedDepth: DepthProvider {
  public let base: any DepthProvider
  /// New water surface minus the base's water surface, metres (negative: the sea falls).
  public let surfaceChangeM: Double

  public init(base: any DepthProvider, surfaceChangeM: Double) {
    self.base = base
    self.surfaceChangeM = surfaceChangeM
  }

  public func depthMetres(at coordinate: Coordinate) -> Double? {
    base.depthMetres(at: coordinate).map { $0 + surfaceChangeM }
  }
}

/// A loaded data set gives depths from its grid at its water-surface level.
extension GeodataSet: DepthProvider {}

/// A data set's depths with its sea polygon trusted over its grid at the coast.
///
/// A coarse grid (0.1° ≈ 10 km for the bundled ETOPO1) averages the shore into its cells, so
/// points the sea polygon puts in the water, such as landing points ~300 m off the beach, can
/// come out dry or implausibly shallow. Inside the sea polygon the depth is therefore at least
/// `nearshoreDepthM` (`EngineeringParameters.landing.nearshoreDepthM`); elsewhere, and wherever
/// the grid is deeper, the grid's depth is used.
public final class SeaMaskedDepth: DepthProvider {
  private let data: GeodataSet
  private let sea: PreparedGeometry
  private let nearshoreDepthM: Double

  /// - Throws: a geometry error if the sea polygon cannot be prepared.
  public init(data: GeodataSet, nearshoreDepthM: Double) throws {
    self.data = data
    self.sea = try GeometryEngine().prepare(data.sea.geometry)
    self.nearshoreDepthM = nearshoreDepthM
  }

  public func depthMetres(at coordinate: Coordinate) -> Double? {
    guard let depth = data.depthMetres(at: coordinate) else { return nil }
    guard depth < nearshoreDepthM, (try? sea.contains(coordinate)) == true else { return depth }
    return nearshoreDepthM
  }
}
