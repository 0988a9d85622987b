import CGDAL
import CaspianSupport
import Foundation

/// GDAL's conversion utilities as functions, with their command-line arguments: `gdalwarp`,
/// `gdal_translate` and `ogr2ogr`. For writing outputs in GIS formats and for building test
/// fixtures from the bundled data.
public enum GDALConvert {
  /// `gdalwarp ARGUMENTS SOURCE DESTINATION`.
  /// - Returns: GDAL's warnings. - Throws: `FileError` naming the source, with GDAL's message.
  @discardableResult
  public static func warp(_ source: URL, to destination: URL, arguments: [String]) throws -> [String] {
    try run(source, flags: GDAL_OF_RASTER) { warp($0, to: destination.path, arguments: arguments) }
  }

  /// `gdal_translate ARGUMENTS SOURCE DESTINATION`.
  @discardableResult
  public static func translate(_ source: URL, to destination: URL, arguments: [String]) throws -> [String] {
    try run(source, flags: GDAL_OF_RASTER) { dataset in
      let options = withStringList(arguments) { GDALTranslateOptionsNew($0, nil) }
      defer { GDALTranslateOptionsFree(options) }
      var usageError: Int32 = 0
      return GDALTranslate(destination.path, dataset, options, &usageError)
    }
  }

  /// `ogr2ogr ARGUMENTS DESTINATION SOURCE` (a new destination).
  @discardableResult
  public static func vectorTranslate(_ source: URL, to destination: URL, arguments: [String]) throws
    -> [String]
  {
    try run(source, flags: GDAL_OF_VECTOR) { vectorTranslate($0, to: destination.path, arguments: arguments) }
  }

  /// `gdalwarp` on an open dataset; nil when GDAL fails (its message is in the session).
  static func warp(_ dataset: GDALDatasetH, to path: String, arguments: [String]) -> GDALDatasetH? {
    let options = withStringList(arguments) { GDALWarpAppOptionsNew($0, nil) }
    defer { GDALWarpAppOptionsFree(options) }
    var sources: [GDALDatasetH?] = [dataset]
    var usageError: Int32 = 0
    return GDALWarp(path, nil, 1, &sources, options, &usageError)
  }

  /// `ogr2ogr` on an open dataset; nil when GDAL fails (its message is in the session).
  static func vectorTranslate(_ dataset: GDALDatasetH, to path: String, arguments: [String]) -> GDALDatasetH?
  {
    let options = withStringList(arguments) { GDALVectorTranslateOptionsNew($0, nil) }
    defer { GDALVectorTranslateOptionsFree(options) }
    var sources: [GDALDatasetH?] = [dataset]
    var usageError: Int32 = 0
    return GDALVectorTranslate(path, nil, 1, &sources, options, &usageError)
  }

  /// Opens `source`, runs one utility on it and closes what it made.
  static func run(
    _ source: URL, flags: Int32, _ body: (GDALDatasetH) -> GDALDatasetH?
  ) throws -> [String] {
    try GDALSession.run { session in
      guard
        let dataset = GDALOpenEx(
          source.path, UInt32(flags | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil)
      else {
        throw FileError(file: source.relativePath, problem: "cannot open\(session.lastError)")
      }
      defer { GDALClose(dataset) }
      guard let made = body(dataset) else {
        throw FileError(file: source.relativePath, problem: "cannot convert\(session.lastError)")
      }
      GDALClose(made)
      guard session.errors.isEmpty else {
        throw FileError(file: source.relativePath, problem: "cannot convert\(session.lastError)")
      }
      return session.warnings
    }
  }
}
