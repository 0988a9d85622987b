import CaspianGeometry

/// PROJ projections draw the map (the report uses `Projection.caspianEquidistant()`).
extension Projection: PlanarProjection {}

extension MapFigure {
  /// What the map says about its projection when drawn with `Projection.caspianEquidistant()`.
  public static let caspianProjectionName =
    "azimuthal equidistant centred at 42°N 50.5°E on WGS84 (+proj=aeqd +lat_0=42 +lon_0=50.5):"
    + " distances and directions from the centre are true"
}
