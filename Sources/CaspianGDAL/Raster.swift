import CGDAL
import CaspianSupport
import Foundation

/// What a raster file is, as GDAL read it: for `geodata check` and messages.
/// A box in a raster's own CRS (metres or degrees).
public struct RasterExtent: Codable, Sendable, Hashable {
  public let minX: Double
  public let minY: Double
  public let maxX: Double
  public let maxY: Double

  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }
}

public struct RasterDescription: Codable, Sendable, Hashable {
  /// GDAL's short driver name ("GTiff", "netCDF", "AAIGrid", "BAG", "XYZ").
  public let driver: String
  /// The variable or subdataset read, when the file has several (NetCDF's `elevation`).
  public let subdataset: String?
  /// The file's coordinate reference system, e.g. "WGS 84 / UTM zone 39N (EPSG:32639)";
  /// "none (assumed WGS 84 longitude/latitude)" when the file states none.
  public let crs: String
  /// Whether the values were reprojected (warped) to WGS84 longitude/latitude on reading.
  public let warped: Bool
  /// Size in the file's own CRS.
  public let columns: Int
  public let rows: Int
  /// Extent in the file's own CRS: min x, min y, max x, max y (metres or degrees).
  public let extent: RasterExtent
  /// Cell size in the file's own CRS units.
  public let cellWidth: Double
  public let cellHeight: Double
  /// The CRS's linear or angular unit ("metre", "degree").
  public let unit: String
  /// The file's no-data value, if it has one.
  public let noData: Double?

  public init(
    driver: String, subdataset: String? = nil, crs: String, warped: Bool, columns: Int, rows: Int,
    extent: RasterExtent, cellWidth: Double, cellHeight: Double,
    unit: String, noData: Double?
  ) {
    self.driver = driver
    self.subdataset = subdataset
    self.crs = crs
    self.warped = warped
    self.columns = columns
    self.rows = rows
    self.extent = extent
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    self.unit = unit
    self.noData = noData
  }
}

/// A raster's first band on a regular WGS84 longitude/latitude lattice, values row-major from
/// the north-west cell, NaN where the file has no data (or outside the source after warping).
public struct GeographicRaster: Sendable {
  public let columns: Int
  public let rows: Int
  public let westLongitude: Double
  public let northLatitude: Double
  public let cellWidthDegrees: Double
  public let cellHeightDegrees: Double
  /// The band's values with its scale and offset applied (NetCDF `scale_factor`).
  public let values: [Float]
  public let description: RasterDescription
}

/// Reading any raster GDAL knows (GeoTIFF, NetCDF, BAG, XYZ, ESRI ASCII, …).
public enum GDALRaster {
  /// Reads the first band of the raster at `url` onto WGS84 longitude/latitude: as it is when the
  /// file is geographic on WGS84 (or states no CRS and its extent is in degrees), otherwise warped
  /// by GDAL (bilinear, no data kept as no data). A file with several variables (NetCDF) is read
  /// from its `elevation` (GEBCO), `z` or `Band1` variable, or from its only one.
  ///
  /// - Parameter maximumCells: the largest lattice accepted (before any value is read).
  /// - Throws: `FileError` naming the file, with GDAL's message.
  public static func read(_ url: URL, maximumCells: Int) throws -> GeographicRaster {
    let path = url.relativePath
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw FileError(file: path, problem: "cannot read: no such file")
    }
    return try GDALSession.run { session in
      guard
        var dataset = GDALOpenEx(
          url.path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil)
      else {
        throw FileError(file: path, problem: "cannot open as a raster\(session.lastError)")
      }
      defer { GDALClose(dataset) }
      var subdataset: String?
      if GDALGetRasterCount(dataset) == 0 {
        let (name, opened) = try openSubdataset(of: dataset, path: path, session: session)
        GDALClose(dataset)
        dataset = opened
        subdataset = name
      }
      guard GDALGetRasterCount(dataset) >= 1 else {
        throw FileError(file: path, problem: "the file has no raster band")
      }
      let driver = GDALGetDatasetDriver(dataset).flatMap { GDALGetDriverShortName($0) }.map {
        String(cString: $0)
      }
      var transform = [Double](repeating: 0, count: 6)
      guard GDALGetGeoTransform(dataset, &transform) == CE_None else {
        throw FileError(file: path, problem: "the raster is not georeferenced (it has no geotransform)")
      }
      let columns = Int(GDALGetRasterXSize(dataset))
      let rows = Int(GDALGetRasterYSize(dataset))
      let band = GDALGetRasterBand(dataset, 1)
      var hasNoData: Int32 = 0
      let noData = GDALGetRasterNoDataValue(band, &hasNoData)
      // A local (engineering) CRS, as GDAL gives a copy of a file that stated none, counts as none.
      let srs = GDALGetSpatialRef(dataset).flatMap {
        OSRIsGeographic($0) != 0 || OSRIsProjected($0) != 0 ? $0 : nil
      }
      let minX = transform[0]
      let maxX = transform[0] + Double(columns) * transform[1]
      let yEdges = [transform[3], transform[3] + Double(rows) * transform[5]]
      let extent = RasterExtent(
        minX: min(minX, maxX), minY: yEdges.min()!, maxX: max(minX, maxX), maxY: yEdges.max()!)
      let inDegrees =
        extent.minX >= -180 - 1e-9 && extent.maxX <= 180 + 1e-9 && extent.minY >= -90 - 1e-9
        && extent.maxY <= 90 + 1e-9
      if srs == nil, !inDegrees {
        throw FileError(
          file: path,
          problem: "the raster states no coordinate reference system and its extent is not in degrees;"
            + " add one (e.g. a .prj file, or gdal_edit.py -a_srs EPSG:32639)")
      }
      var unitName: UnsafeMutablePointer<CChar>? = nil
      if let srs {
        if OSRIsProjected(srs) != 0 {
          _ = OSRGetLinearUnits(srs, &unitName)
        } else {
          _ = OSRGetAngularUnits(srs, &unitName)
        }
      }
      let rotated = transform[2] != 0 || transform[4] != 0
      let warp = rotated || srs.map { !isWGS84Geographic($0) } ?? false
      let description = RasterDescription(
        driver: driver ?? "unknown", subdataset: subdataset,
        crs: srs == nil ? "none (assumed WGS 84 longitude/latitude)" : crsDescription(srs), warped: warp,
        columns: columns, rows: rows, extent: extent, cellWidth: abs(transform[1]),
        cellHeight: abs(transform[5]),
        unit: unitName.map { String(cString: $0) } ?? "degree", noData: hasNoData != 0 ? noData : nil)
      if warp {
        let warped = try warpToGeographic(
          dataset, path: path, noData: hasNoData != 0 ? noData : nil, session: session)
        defer { GDALClose(warped) }
        return try readBand(of: warped, description: description, path: path, maximumCells: maximumCells)
      }
      return try readBand(of: dataset, description: description, path: path, maximumCells: maximumCells)
    }
  }

  /// Variable names tried, in order, in a file with several (GEBCO's NetCDF names it `elevation`).
  static let preferredVariables = ["elevation", "z", "Band1", "depth"]

  static func openSubdataset(of dataset: GDALDatasetH, path: String, session: GDALSession) throws -> (
    String, GDALDatasetH
  ) {
    let names = strings(of: GDALGetMetadata(dataset, "SUBDATASETS"))
      .compactMap { item -> String? in
        guard let equals = item.firstIndex(of: "="), item[..<equals].hasSuffix("_NAME") else { return nil }
        return String(item[item.index(after: equals)...])
      }
    func variable(_ name: String) -> String { String(name.split(separator: ":").last ?? Substring(name)) }
    let chosen =
      names.count == 1
      ? names.first : preferredVariables.lazy.compactMap { v in names.first { variable($0) == v } }.first
    guard let chosen else {
      let list = names.map(variable).joined(separator: ", ")
      throw FileError(
        file: path,
        problem: names.isEmpty
          ? "the file has no raster band"
          : "the file has several variables (\(list)) and none is named \(preferredVariables.joined(separator: ", "))"
      )
    }
    guard let opened = GDALOpenEx(chosen, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
      throw FileError(file: path, problem: "cannot open its variable \(variable(chosen))\(session.lastError)")
    }
    return (variable(chosen), opened)
  }

  /// The dataset warped to WGS84 longitude/latitude in memory (GDAL picks the cell size that keeps
  /// about as many cells as the source).
  static func warpToGeographic(_ dataset: GDALDatasetH, path: String, noData: Double?, session: GDALSession)
    throws -> GDALDatasetH
  {
    var arguments = [
      "-of", "MEM", "-t_srs", "EPSG:4326", "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan",
    ]
    if let noData { arguments += ["-srcnodata", "\(noData)"] }
    guard let warped = GDALConvert.warp(dataset, to: "", arguments: arguments) else {
      throw FileError(
        file: path, problem: "cannot reproject to WGS 84 longitude/latitude\(session.lastError)")
    }
    return warped
  }

  static func readBand(
    of dataset: GDALDatasetH, description: RasterDescription, path: String, maximumCells: Int
  )
    throws -> GeographicRaster
  {
    var transform = [Double](repeating: 0, count: 6)
    _ = GDALGetGeoTransform(dataset, &transform)
    let columns = Int(GDALGetRasterXSize(dataset))
    let rows = Int(GDALGetRasterYSize(dataset))
    guard columns >= 2, rows >= 2 else {
      throw FileError(
        file: path, problem: "the raster has \(columns) × \(rows) cells; a route needs at least 2 × 2")
    }
    guard columns.multipliedReportingOverflow(by: rows).partialValue <= maximumCells,
      !columns.multipliedReportingOverflow(by: rows).overflow
    else {
      throw FileError(
        file: path,
        problem:
          "the raster has \(columns) × \(rows) cells\(description.warped ? " after reprojection" : ""),"
          + " more than the \(maximumCells) allowed (gridCells)")
    }
    let band = GDALGetRasterBand(dataset, 1)
    var values = [Float](repeating: .nan, count: columns * rows)
    let status = values.withUnsafeMutableBytes {
      GDALRasterIO(
        band, GF_Read, 0, 0, Int32(columns), Int32(rows), $0.baseAddress, Int32(columns), Int32(rows),
        GDT_Float32, 0, 0)
    }
    guard status == CE_None else {
      throw FileError(
        file: path, problem: "cannot read the raster's values: \(String(cString: CPLGetLastErrorMsg()))")
    }
    var hasNoData: Int32 = 0
    let noData = Float(GDALGetRasterNoDataValue(band, &hasNoData))
    var hasScale: Int32 = 0
    var hasOffset: Int32 = 0
    let scale = Float(GDALGetRasterScale(band, &hasScale))
    let offset = Float(GDALGetRasterOffset(band, &hasOffset))
    let rescale = (hasScale != 0 && scale != 1) || (hasOffset != 0 && offset != 0)
    for i in values.indices {
      let value = values[i]
      if (hasNoData != 0 && value == noData) || !value.isFinite {
        values[i] = .nan
      } else if rescale {
        values[i] = value * (hasScale != 0 ? scale : 1) + (hasOffset != 0 ? offset : 0)
      }
    }
    // A south-up lattice (some NetCDF files) is turned north-up.
    if transform[5] > 0 {
      for row in 0..<(rows / 2) {
        for column in 0..<columns {
          values.swapAt(row * columns + column, (rows - 1 - row) * columns + column)
        }
      }
    }
    let north = transform[5] > 0 ? transform[3] + Double(rows) * transform[5] : transform[3]
    return GeographicRaster(
      columns: columns, rows: rows, westLongitude: transform[0], northLatitude: north,
      cellWidthDegrees: transform[1], cellHeightDegrees: abs(transform[5]), values: values,
      description: description)
  }
}
