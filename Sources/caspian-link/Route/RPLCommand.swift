import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGDAL
import CaspianGeodata
import CaspianGeometry
import CaspianRouting
import CaspianSupport
import Foundation

extension CaspianLink.Route {
  struct RPL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rpl",
      abstract:
        "Route Position List, cable length, armour, burial, checks and cost of a route read from GeoJSON.",
      discussion: """
        Reads the route's alter-course points from a GeoJSON LineString (as `route plan --output`
        writes them), takes depths and hazards from the data set, and prints the engineering
        figures; `--output` writes the RPL as CSV (.csv) or as GeoJSON points (.geojson). With
        `--sea-level` the figures are worked out at that water level too and compared with
        today's (the data set's).

        Examples:
          caspian-link route rpl --route routes.geojson --option 1
          caspian-link route rpl --route routes.geojson --option 1 --output rpl.csv
          caspian-link route rpl --route routes.geojson --option 1 --output rpl.geojson
          caspian-link route rpl --route routes.geojson --option 2 --sea-level -34
        """)

    @Option(help: ArgumentHelp("Route GeoJSON: LineString features, one per option.", valueName: "file"))
    var route: String

    @Option(
      help: ArgumentHelp(
        "Option to use (feature property \"option\" or \"id\", or the feature id); default: every route in the file.",
        valueName: "id"))
    var option: String?

    @Option(
      name: .customLong("sea-level"), parsing: .unconditional,
      help: ArgumentHelp(
        "Scenario water surface, metres relative to mean ocean level (e.g. -33 for 2050); compared with today's.",
        valueName: "m"))
    var seaLevel: Double?

    @OptionGroup var engineering: EngineeringOptions

    @OptionGroup var geodata: GeodataOptions

    @Option(
      help: ArgumentHelp(
        "Write the RPL to this file (needs a single route): .csv for the table; .geojson, .gpkg, .kml or .shp for"
          + " GIS (a point per row, and the route line; see README).",
        valueName: "file"))
    var output: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @OptionGroup var strictness: StrictOption

    func validate() throws {
      if let output { _ = try RPLOutputFormat(path: output) }
    }

    func run() async throws {
      try EngineeringOptions.check(seaLevel: seaLevel)
      let parameters = try engineering.parameters()
      let data = try geodata.load()
      let routes = try RouteFile.read(path: route, option: option, landings: data.landings)
      if output != nil, routes.count != 1 {
        throw FileError(
          file: route,
          problem:
            "holds \(routes.count) routes (\(routes.map(\.option).joined(separator: ", "))): choose one with --option"
        )
      }
      let engineer = RouteEngineer(parameters: parameters)
      let analyzer = try RouteAnalyzer(data: data, engineering: parameters, model: CostModel())
      let reports = try routes.map {
        try EngineeringReport(
          imported: $0, from: route, analyzer: analyzer, engineer: engineer,
          waterSurfaceM: data.waterSurfaceM,
          seaLevel: seaLevel)
      }
      var outputs = Outputs()
      if let output, let report = reports.first {
        if try RPLOutputFormat(path: output) == .csv {
          outputs.add("--output", output, text: report.primary.rplCSV)
        } else {
          try outputs.addGIS(
            "--output", output,
            report.primary.rplFeatureCollection(route: routes[0].points, option: routes[0].option),
            layers: RouteGISLayers.rpl)
        }
      }
      try outputs.write(
        readingFrom: try geodata.inputs(of: data) + engineering.inputs
          + [.init("the route file", URL(fileURLWithPath: route))])
      switch format {
      case .json:
        print(try EngineeringReport.json(reports))
      case .table:
        print(reports.map { $0.table() }.joined(separator: "\n\n"))
        if let output { print("\nRPL written to \(output)") }
      }
      try strictness.check(reports, file: route)
    }
  }
}

/// The RPL file formats, chosen by the output's extension.
enum RPLOutputFormat {
  /// The RPL table (.csv), or a GIS format (points and the route line).
  case csv, gis

  init(path: String) throws {
    switch GISFormat(path: path) {
    case .csv: self = .csv
    case nil:
      throw ValidationError(
        "--output \(path): unknown format; use .csv (the RPL table) or .geojson, .gpkg, .kml, .shp (GIS points)"
      )
    default: self = .gis
    }
  }
}
