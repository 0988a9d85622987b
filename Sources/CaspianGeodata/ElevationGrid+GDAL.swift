import CaspianGDAL
import CaspianSupport
import Foundation

/// One grid as it was read: its values as elevations and what the file was.
public struct LoadedGrid: Sendable {
  public let source: GridSource
  public let grid: ElevationGrid
  public let description: RasterDescription
  /// Share of the grid's cells without a value (0…1).
  public var noDataShare: Double {
    Double(grid.elevations.lazy.filter(\.isNaN).count) / Double(grid.cellCount)
  }
}

extension ElevationGrid {
  /// The values of a raster read by GDAL, as they are (no vertical reference applied).
  public init(_ raster: GeographicRaster) {
    self.init(
      columnCount: raster.columns, rowCount: raster.rows, westLongitude: raster.westLongitude,
      northLatitude: raster.northLatitude, cellWidthDegrees: raster.cellWidthDegrees,
      cellHeightDegrees: raster.cellHeightDegrees, elevations: raster.values)
  }

  /// Reads one grid of a data set and turns its values into elevations relative to mean ocean
  /// level by the source's vertical reference.
  ///
  /// An ESRI ASCII grid (`.asc`) without a `.prj` file beside it is read by the native parser
  /// (`read(from:)`): geographic WGS84 by definition, about twice as fast as GDAL's reader on a
  /// 6-million-cell grid, and stricter (GDAL reads a word such as `abc` as 0). Every other
  /// file, and an `.asc` with a `.prj`, goes through GDAL (any format, any CRS; see
  /// `GDALRaster.read`).
  /// - Throws: `FileError`, `FileError` or `FileError`, naming the file.
  public static func load(_ source: GridSource) throws -> LoadedGrid {
    let path = source.url.relativePath
    let raw: ElevationGrid
    let description: RasterDescription
    if source.url.pathExtension.lowercased() == "asc",
      !FileManager.default.fileExists(
        atPath: source.url.deletingPathExtension().appendingPathExtension("prj").path)
    {
      raw = try read(from: source.url)
      let extent = raw.extent
      description = RasterDescription(
        driver: "AAIGrid (native reader)", crs: "WGS 84 longitude/latitude (an .asc without .prj)",
        warped: false,
        columns: raw.columnCount, rows: raw.rowCount,
        extent: RasterExtent(
          minX: extent.minLongitude, minY: extent.minLatitude, maxX: extent.maxLongitude,
          maxY: extent.maxLatitude),
        cellWidth: raw.cellWidthDegrees, cellHeight: raw.cellHeightDegrees, unit: "degree", noData: nil)
    } else {
      let raster = try GDALRaster.read(
        source.url, maximumCells: Int(Limits.named("gridCells").range.upperBound))
      raw = ElevationGrid(raster)
      description = raster.description
    }
    let sign: Float = source.positiveDown ? -1 : 1
    let offset = Float(source.verticalOffsetM)
    let elevation = Limits.named("elevation")
    var values = raw.elevations
    var hasData = false
    for i in values.indices where !values[i].isNaN {
      let value = sign * values[i] + offset
      guard elevation.range.contains(Double(value)) else {
        throw FileError(
          file: path,
          problem:
            "row \(i / raw.columnCount + 1), column \(i % raw.columnCount + 1): \(elevation.problem(Double(value))!)"
            + (source.positiveDown ? "" : "; if the grid holds depths, mark it positive-down"))
      }
      values[i] = value
      hasData = true
    }
    guard hasData else {
      throw FileError(
        file: path, problem: "every one of the \(values.count) values is no data: the grid has no depths")
    }
    let grid = ElevationGrid(
      columnCount: raw.columnCount, rowCount: raw.rowCount, westLongitude: raw.westLongitude,
      northLatitude: raw.northLatitude, cellWidthDegrees: raw.cellWidthDegrees,
      cellHeightDegrees: raw.cellHeightDegrees, elevations: values)
    return LoadedGrid(source: source, grid: grid, description: description)
  }
}
