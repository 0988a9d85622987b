import CaspianGDAL
import CaspianGeodata
import CaspianGeometry
import CaspianRouting
import CaspianSchedule
import CaspianSupport
import Foundation

/// The files a command writes, checked against the files it reads and written all or none.
struct Outputs {
  private var files: [(flag: String, path: String, data: Data)] = []

  /// Adds `data` for the file named by `flag` (nothing when `path` is nil).
  mutating func add(_ flag: String, _ path: String?, _ data: @autoclosure () throws -> Data) rethrows {
    guard let path else { return }
    files.append((flag, path, try data()))
  }

  /// Adds UTF-8 `text` for the file named by `flag` (nothing when `path` is nil).
  mutating func add(_ flag: String, _ path: String?, text: @autoclosure () throws -> String) rethrows {
    guard let path else { return }
    files.append((flag, path, Data(try text().utf8)))
  }

  /// Adds `features` for the file named by `flag` in `format`, else the GIS format of its
  /// extension (checked by the command's `validate`): GeoJSON as the project writes it, any other
  /// format through `GISWriter` with the layers `layers` makes (a Shapefile gives several files,
  /// all added).
  mutating func addGIS(
    _ flag: String, _ path: String?, _ features: FeatureCollection, format: GISFormat? = nil,
    layers: (FeatureCollection) -> [GISLayer]
  ) throws {
    guard let path, let format = format ?? GISFormat(path: path) else { return }
    if format == .geoJSON {
      add(flag, path, GeoJSON.encode(features))
      return
    }
    for file in try GISWriter.encode(
      layers(features), as: format, to: URL(fileURLWithPath: path),
      integerFields: RouteGISLayers.integerFields)
    {
      files.append((flag, file.url.relativePath, file.data))
    }
  }

  /// Refuses an output onto one of `inputs`, then writes every file or none (`AtomicFile`).
  func write(readingFrom inputs: [OutputPaths.Input]) throws {
    try OutputPaths.check(files.map { OutputPaths.Output(flag: $0.flag, path: $0.path) }, against: inputs)
    try AtomicFile.write(files.map { ($0.data, URL(fileURLWithPath: $0.path)) })
  }
}

extension GeodataOptions {
  /// Every file the data set `data` (loaded with these options) was read from.
  func inputs(of data: GeodataSet) throws -> [OutputPaths.Input] {
    let manifest = try sources().directory.appendingPathComponent("manifest.json")
    return [
      .init("the data set's manifest", manifest), .init("the sea polygon", data.files.seaPolygon),
      .init("the landings", data.files.landings),
    ] + data.files.grids.map { .init("the grid", $0.url) }
      + data.files.hazardFiles.map { .init("the hazards", $0) }
  }
}

extension PlanOptions {
  /// The plan and its update log (which counts even before it exists).
  func inputs() throws -> [OutputPaths.Input] {
    let url = try url()
    return [.init("the plan", url), .init("the plan's update log", UpdateLog.url(forPlan: url))]
  }
}

extension EngineeringOptions {
  /// The engineering file, if one is given (or the project names one).
  var inputs: [OutputPaths.Input] {
    get throws { try effectiveFile.map { [.init("the engineering file", URL(fileURLWithPath: $0))] } ?? [] }
  }
}
