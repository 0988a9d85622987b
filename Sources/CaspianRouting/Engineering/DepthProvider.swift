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
public struct SeaLevelShiftedDepth<Base: DepthProvider>: DepthProvider {
  public let base: Base
  /// New water surface minus the base's water surface, metres (negative: the sea falls).
  public let surfaceChangeM: Double

  public init(base: Base, surfaceChangeM: Double) {
    self.base = base
    self.surfaceChangeM = surfaceChangeM
  }

  public func depthMetres(at coordinate: Coordinate) -> Double? {
    base.depthMetres(at: coordinate).map { $0 + surfaceChangeM }
  }
}

/// A loaded data set gives depths from its grid at its water-surface level.
extension GeodataSet: DepthProvider {}
