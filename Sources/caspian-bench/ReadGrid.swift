import ArgumentParser
import CaspianGDAL
import CaspianGeodata
import CaspianSupport
import Foundation

extension CaspianBench {
  /// Reads one grid with either reader, for the paired timing in `Tools/bench_grid.sh`.
  struct ReadGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "read-grid",
      abstract:
        "Read a bathymetry grid with the GDAL reader or the native ESRI ASCII parser; print its cell count.")

    @Argument(help: "The grid file.")
    var file: String

    @Option(help: "gdal (any format) or native (the ESRI ASCII parser kept for comparison).")
    var reader: String = "gdal"

    func run() throws {
      let url = URL(fileURLWithPath: file)
      let grid: ElevationGrid
      switch reader {
      case "gdal":
        // GDAL's reader itself (`ElevationGrid.load` would send an .asc without .prj to the native one).
        let raster = try GDALRaster.read(url, maximumCells: Int(Limits.named("gridCells").range.upperBound))
        grid = ElevationGrid(raster)
      case "native": grid = try ElevationGrid.read(from: url)
      default: throw ValidationError("--reader must be gdal or native")
      }
      print(
        "\(grid.columnCount) × \(grid.rowCount) cells, \(grid.elevations.lazy.filter { !$0.isNaN }.count) with data"
      )
    }
  }
}
