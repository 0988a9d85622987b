import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGDAL
import CaspianGeometry
import CaspianRouting
import CaspianSupport
import Foundation

extension CaspianLink.Route {
  struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "plan",
      abstract: "Plan cable route options between two landings.",
      discussion: """
        Searches a cost grid (Caspian equidistant projection) for N different options: \
        1 least cost, 2 shortest safe (soft costs ignored), 3+ alternative corridors. Each route \
        is straightened into legs between alter-course points, checked against the sea polygon \
        and every no-go zone, and measured on the WGS84 ellipsoid. Writes nothing to disk unless \
        --output (or --geojson) or --rpl is given. Every option also gets its cable engineering (cable length, \
        armour, burial, checks, cost and lay-time estimate; see `route rpl`).

        Examples:
          caspian-link route plan --from Aktau --to Sumgait
          caspian-link route plan --from kuryk --to buzovna --format json
          caspian-link route plan --from Aktau --to Sumgait --output routes.geojson
          caspian-link route plan --from Aktau --to Sumgait --via 50.6,42.3
          caspian-link route plan --from-point 51.2,43.5 --to Siyazan --sea-level -33
          caspian-link route plan --from Aktau --to Sumgait --output routes.geojson --select 1
          caspian-link route plan --from Aktau --to Sumgait --grid Geodata/caspian-etopo1-0.1deg.asc --grid survey.tif

        With a grid finer than --cell-size, each option is re-planned in a corridor \
        (--refine-half-width, default 10 km either side) at that grid's resolution \
        (or --refine-cell-size); each option lists the resolution of each stretch ("planned:"). \
        The first and last 5 km (the shore approaches) are always re-planned at 25 m, or finer \
        where a grid is (cost-model keys shoreApproachKm, shoreApproachCellSizeM); --coarse-only \
        turns every re-plan off.
        """)

    @Option(help: ArgumentHelp("Start landing, by name (ignoring case).", valueName: "name"))
    var from: String?

    @Option(help: ArgumentHelp("End landing, by name (ignoring case).", valueName: "name"))
    var to: String?

    @Option(
      name: .customLong("from-point"), parsing: .unconditional,
      help: ArgumentHelp("Start position instead of a landing, degrees.", valueName: "lon,lat"))
    var fromPoint: String?

    @Option(
      name: .customLong("to-point"), parsing: .unconditional,
      help: ArgumentHelp("End position instead of a landing, degrees.", valueName: "lon,lat"))
    var toPoint: String?

    @Option(
      parsing: .unconditionalSingleValue,
      help: ArgumentHelp(
        "Waypoint the route must pass, degrees (repeat for several, in order).", valueName: "lon,lat"))
    var via: [String] = []

    @Option(help: "Number of route options.")
    var options: Int = 3

    @OptionGroup var geodata: GeodataOptions

    @Option(
      name: .customLong("cell-size"),
      help: ArgumentHelp(
        "Cost-grid cell size, metres (default 1000, or the config's cellSizeM); bounded by --memory-budget.",
        valueName: "m"))
    var cellSize: Double?

    /// The corridor re-plan (README, "Survey-resolution planning"): its cell size and width,
    /// or none.
    @Option(
      name: .customLong("refine-cell-size"), help: "Corridor re-plan cell size, m (0: each grid's own).")
    var refineCellSize: Double?
    @Option(
      name: .customLong("refine-half-width"), help: "Corridor half-width, km (default 10, widened as needed)."
    )
    var refineHalfWidth: Double?
    @Flag(
      name: .customLong("coarse-only"),
      help: "The whole-sea pass at --cell-size only: no corridors, no shore-approach pass.")
    var coarseOnly = false

    @Option(
      name: .customLong("memory-budget"),
      help: ArgumentHelp(
        "Memory the cost grid may take, GB (default: $CASPIAN_MEMORY_BUDGET, else 50 % of physical memory).",
        valueName: "GB"))
    var memoryBudget: Double?

    @Option(help: ArgumentHelp("Cost-model JSON with the weights to change (see README).", valueName: "file"))
    var config: String?

    @Option(help: "Output format: table for people, json for programs.")
    var format: OutputFormat = .table

    @Option(
      help: ArgumentHelp(
        "Also write the options to this file, the format by its extension: .geojson, .gpkg, .kml, .shp or .csv"
          + " (lines drawn along the geodesic, and their alter-course points; see README).",
        valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The same as --output FILE.geojson (kept for scripts).", valueName: "file"))
    var geojson: String?

    @Option(
      help: ArgumentHelp("Also write the Route Position List of option 1 as CSV.", valueName: "file.csv"))
    var rpl: String?

    @Option(
      name: .customLong("sea-level"), parsing: .unconditional,
      help: ArgumentHelp(
        "Scenario water surface for the engineering figures, metres relative to mean ocean level.",
        valueName: "m"))
    var seaLevel: Double?

    @OptionGroup var strictness: StrictOption
    @OptionGroup var engineering: EngineeringOptions

    @Option(
      help: ArgumentHelp(
        "Also choose option N as the project's route (as `route select` does).", valueName: "n"))
    var select: Int?

    func validate() throws {
      guard (from == nil) != (fromPoint == nil) else {
        throw ValidationError("give exactly one of --from NAME and --from-point LON,LAT")
      }
      guard (to == nil) != (toPoint == nil) else {
        throw ValidationError("give exactly one of --to NAME and --to-point LON,LAT")
      }
      for text in [fromPoint, toPoint].compactMap({ $0 }) + via where Self.coordinate(text) == nil {
        throw ValidationError("\"\(text)\" is not LON,LAT in decimal degrees")
      }
      if output != nil, geojson != nil { throw ValidationError("give --output or --geojson, not both") }
      // A usage error, told with this command's usage before any work.
      if let select, select < 1 || select > options {
        throw ValidationError("--select \(select): there are \(options) option(s) (--options)")
      }
      if let output, GISFormat(path: output) == nil {
        throw ValidationError("--output \(output): unknown format; use \(GISFormat.extensionsText)")
      }
    }

    func run() async throws {
      // Numbers from flags go through the same limits as the files' keys, before any work.
      try Limits.named("--options").check(Double(options), source: "command line")
      if let cellSize { try Limits.named("cellSizeM").check(cellSize, source: "--cell-size") }
      if let refineCellSize {
        try Limits.named("refineCellSizeM").check(refineCellSize, source: "--refine-cell-size")
      }
      if let refineHalfWidth {
        try Limits.named("refineHalfWidthKm").check(refineHalfWidth, source: "--refine-half-width")
      }
      try EngineeringOptions.check(seaLevel: seaLevel)
      let budget = try Self.memoryBudget(flag: memoryBudget)
      let project = try select.map { _ in
        try ProjectLocation.require(flag: nil, command: "route plan --select")
      }
      // The project's cost model unless --config names one.
      let config = try self.config ?? ProjectLocation.find(flag: nil)?.costModel?.path
      var model = try config.map { try CostModel.load(from: URL(fileURLWithPath: $0)) } ?? CostModel()
      if let cellSize { model.cellSizeM = cellSize }
      if let refineCellSize { model.refineCellSizeM = refineCellSize }
      if let refineHalfWidth { model.refineHalfWidthKm = refineHalfWidth }
      let data = try geodata.load()
      StatusLine.show("building the cost grid (\(Int(model.cellSizeM)) m cells)")
      defer { StatusLine.clear() }
      let parameters = try engineering.parameters()
      let planner: RoutePlanner
      do {
        planner = try RoutePlanner(
          data: data, model: model,
          analyzer: try RouteAnalyzer(data: data, engineering: parameters, model: model), memoryBudget: budget
        )
      } catch RoutingError.overMemoryBudget(_, let problem) {
        // Name where the cell size came from.
        throw RoutingError.overMemoryBudget(
          source: cellSize != nil ? "--cell-size" : config ?? "cost model (default cellSizeM)",
          problem: problem)
      }
      func endpoint(_ name: String?, _ point: String?, flag: String) throws -> RoutePoint {
        if let name { return try planner.landing(named: name) }
        let c = Self.coordinate(point!)!
        return try planner.point(c, name: "point \(point!)", label: flag)
      }
      let start = try endpoint(from, fromPoint, flag: "--from-point")
      let end = try endpoint(to, toPoint, flag: "--to-point")
      let waypoints = try via.map {
        try planner.point(Self.coordinate($0)!, name: "via \($0)", label: "--via")
      }
      let plan = try planner.plan(
        from: start, to: end, via: waypoints, optionCount: options, refine: !coarseOnly
      ) {
        StatusLine.show("searching for option \($0.option) (\($0.kind.description))")
      }
      StatusLine.show("cable engineering")
      let engineer = RouteEngineer(parameters: parameters)
      let reports = try plan.options.map {
        try EngineeringReport(
          option: "\($0.id)", route: $0.vertices, landingNames: (plan.from.name, plan.to.name),
          analyzer: planner.analyzer, engineer: engineer, waterSurfaceM: data.waterSurfaceM,
          seaLevel: seaLevel)
      }

      let printed: String
      switch format {
      case .table: printed = Self.table(plan) + "\n\n" + EngineeringReport.summaryTable(reports)
      case .json: printed = EngineeringReport.adding(reports, toPlan: plan.jsonValue).serialized()
      }
      var outputs = Outputs()
      let features = EngineeringReport.adding(reports, toFeatures: plan.featureCollection())
      try outputs.addGIS(
        geojson != nil ? "--geojson" : "--output", output ?? geojson, features,
        format: geojson != nil ? .geoJSON : nil, layers: RouteGISLayers.plan)
      outputs.add("--rpl", reports.isEmpty ? nil : rpl, text: reports[0].primary.rplCSV)
      // The selection first: if the project's records do not fit the route, nothing is written.
      let selected = try select.map { option in
        try RouteSelector.select(
          option: "\(option)", of: features,
          source: output ?? geojson ?? "route plan \(plan.from.name) -> \(plan.to.name)", project: project!,
          data: data, parameters: try engineering.parameters(), force: false)
      }
      try outputs.write(
        readingFrom: try geodata.inputs(of: data) + engineering.inputs
          + (config.map { [.init("the cost-model config", URL(fileURLWithPath: $0))] } ?? []))
      print(printed)
      // The JSON on standard output stays one document: the selection is told on standard error.
      if let selected {
        if format == .json { StandardError.write(selected + "\n") } else { print("\n" + selected) }
      }
      try strictness.check(reports, file: "planned route")
    }

    /// The cost grid's memory budget: `--memory-budget`, else `CASPIAN_MEMORY_BUDGET`, else
    /// `MemoryBudget.default`; both in GB, within the `--memory-budget` limit.
    static func memoryBudget(
      flag: Double?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
      throws -> MemoryBudget
    {
      let limit = Limits.named("--memory-budget")
      if let flag {
        return MemoryBudget(
          gigabytes: try limit.check(flag, source: "command line"), origin: "--memory-budget")
      }
      let variable = "CASPIAN_MEMORY_BUDGET"
      if let text = environment[variable], !text.isEmpty {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
          throw RoutingError.badConfig(
            path: variable, problem: "\(limit.name) must be a number of GB, got \"\(text.prefix(40))\"")
        }
        return MemoryBudget(gigabytes: try limit.check(value, source: variable), origin: variable)
      }
      return .default
    }

    /// "51.1,43.6" as a coordinate, or nil.
    static func coordinate(_ text: String) -> Coordinate? {
      let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count == 2, let lon = parts[0], let lat = parts[1] else { return nil }
      let c = Coordinate(longitude: lon, latitude: lat)
      return c.isInRange ? c : nil
    }

    static func table(_ plan: PlannedRoute) -> String {
      let baseline = plan.options.first?.measures.baselineKm ?? 0
      var lines = [
        "Route options \(plan.from.name) → \(plan.to.name)"
          + (plan.via.isEmpty ? "" : " via \(plan.via.count) waypoint(s)")
          + ": baseline \(fixed(baseline, 1)) km (geodesic, WGS84)",
        "Cost grid \(plan.gridCols) × \(plan.gridRows) cells of \(fixed(plan.model.cellSizeM, 0)) m, \(plan.model.connectivity)-connected, Caspian equidistant projection",
        "",
      ]
      var table = TextTable([
        ("#", .right), ("OPTION", .left), ("LENGTH km", .right), ("DETOUR", .right), ("LEGS", .right),
        ("MAX DEPTH m", .right), ("MEAN DEPTH m", .right), ("MAX SLOPE °", .right), ("CROSSINGS", .right),
        ("COST km", .right),
      ])
      for o in plan.options {
        let m = o.measures
        table.append([
          "\(o.id)", o.kind.rawValue, fixed(m.routeLengthKm, 1), fixed(m.detourRatio, 3), "\(o.legs)",
          m.maxDepthM.map { fixed($0, 0) } ?? "-", m.meanDepthM.map { fixed($0, 0) } ?? "-",
          m.maxSlopeDeg.map { fixed($0, 2) } ?? "-", "\(m.crossings.count)", fixed(o.costKm, 1),
        ])
      }
      lines.append(table.render())
      for note in plan.notes { lines.append("Note: \(note)") }
      for o in plan.options {
        let m = o.measures
        lines.append("")
        lines.append("Option \(o.id): \(o.summary)")
        let bands = m.depthBands.map { band in
          band.toM.map { "\(fixed(band.fromM, 0))–\(fixed($0, 0)) m \(fixed(band.lengthKm, 1))" }
            ?? "≥\(fixed(band.fromM, 0)) m \(fixed(band.lengthKm, 1))"
        }
        lines.append(
          "  depth bands (km): " + bands.joined(separator: ", ")
            + (m.unknownDepthKm > 0 ? ", no data \(fixed(m.unknownDepthKm, 1))" : ""))
        if m.crossings.isEmpty {
          lines.append("  crossings: none")
        } else {
          for c in m.crossings {
            let flag =
              c.isBelowMinimumAngle ? " (below the \(fixed(c.minimumAngleDegrees ?? 0, 0))° minimum)" : ""
            lines.append(
              "  crossing KP \(fixed(c.kpKm, 1)): \(c.assetName) (\(c.assetKind)) at \(fixed(c.angleDegrees, 0))°\(flag)"
            )
          }
        }
        lines.append("  planned: " + o.stretches.map(\.text).joined(separator: "; "))
        for b in m.boundaryCrossings {
          lines.append("  boundary KP \(fixed(b.kpKm, 1)): \(b.assetName)")
        }
        if !m.clearances.isEmpty {
          lines.append(
            "  nearest: "
              + m.clearances.map { "\($0.kind) \(fixed($0.km, 1)) km (\($0.hazard))" }.joined(separator: "; ")
          )
        }
      }
      return lines.joined(separator: "\n")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
      String(format: "%.\(decimals)f", value)
    }
  }
}
