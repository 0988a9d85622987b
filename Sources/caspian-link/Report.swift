import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGeodata
import CaspianGeometry
import CaspianProject
import CaspianReport
import CaspianRouting
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink {
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract:
        "Write the project report: map, straight line diagrams, Gantt chart, figures (one HTML file).",
      discussion: """
        Plans the route options between two landings (or reads them from a route GeoJSON), works \
        out their engineering, computes the schedule status as of a date, and writes one \
        self-contained HTML page (inline SVG and CSS; no scripts, nothing fetched from the \
        network) with four parts: a map of the Caspian in the Caspian azimuthal equidistant \
        projection, a straight line diagram per option, the schedule as a Gantt chart with the \
        progress summary, and the figures of the options with their assumptions. Files are \
        written only after everything has been computed.

        Examples:
          caspian-link report --html report.html --from Aktau --to Sumgait \\
              --as-of 2026-02-24
          caspian-link report --html report.html --svg figures --route routes.geojson
          caspian-link report --html report.html --from Aktau --to Sumgait --via 50.6,42.3 --cell-size 2000
          caspian-link report --html report.html     # in a project: its selected route
        """)

    @Option(help: ArgumentHelp("Write the report to this HTML file.", valueName: "file"))
    var html: String

    @Option(
      help: ArgumentHelp(
        "Also write each figure as a standalone SVG file into this directory (created if needed).",
        valueName: "dir"))
    var svg: String?

    @Option(help: ArgumentHelp("Start landing, by name (ignoring case).", valueName: "name"))
    var from: String?

    @Option(help: ArgumentHelp("End landing, by name (ignoring case).", valueName: "name"))
    var to: String?

    @Option(help: ArgumentHelp("Number of route options to plan (default 3).", valueName: "n"))
    var options: Int?

    @Option(
      help: ArgumentHelp(
        "Route GeoJSON (LineString features, as `route plan --geojson` writes them) instead of planning.",
        valueName: "file"))
    var route: String?

    @Option(help: ArgumentHelp("Only this option of --route.", valueName: "id"))
    var option: String?

    @Option(
      parsing: .unconditionalSingleValue,
      help: ArgumentHelp(
        "Waypoint the planned routes must pass, degrees (repeat for several, in order), as in `route plan`.",
        valueName: "lon,lat"))
    var via: [String] = []

    @Option(
      help: ArgumentHelp(
        "Cost-model JSON for planning (as `route plan --config`; default: the project's).", valueName: "file")
    )
    var config: String?

    @Option(
      name: .customLong("cell-size"),
      help: ArgumentHelp(
        "Cost-grid cell size for planning, metres (as `route plan --cell-size`).", valueName: "m"))
    var cellSize: Double?

    @OptionGroup var engineering: EngineeringOptions
    @OptionGroup var strictness: StrictOption

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var geodata: GeodataOptions

    func validate() throws {
      if route != nil {
        guard from == nil, to == nil else {
          throw ValidationError("give either --from/--to or --route, not both")
        }
      } else if (from == nil) != (to == nil) {
        throw ValidationError("give --from NAME --to NAME (landings to plan between) or --route FILE")
      }
      if from == nil, !via.isEmpty || config != nil || cellSize != nil {
        throw ValidationError("--via, --config and --cell-size apply to planning (--from/--to)")
      }
      for text in via where CaspianLink.Route.Plan.coordinate(text) == nil {
        throw ValidationError("\"\(text)\" is not LON,LAT in decimal degrees")
      }
      if option != nil, from != nil {
        throw ValidationError("--option picks a route of --route (or of the selected route), not of planning")
      }
      if let options {
        guard route == nil else {
          throw ValidationError("--options applies to planning (--from/--to), not to --route")
        }
        guard (1...10).contains(options) else { throw ValidationError("--options must be between 1 and 10") }
      }
    }

    func run() async throws {
      let data = try geodata.load()
      let parameters = try engineering.parameters()
      let loaded = try plan.loadInContext()
      let schedulePlan = loaded.plan
      let status = try CaspianSchedule.Schedule.status(
        plan: schedulePlan, history: loaded.history, asOf: asOf.resolved)
      // The project's cost model unless --config names one (planning only).
      let config = from == nil ? nil : try self.config ?? loaded.project?.costModel?.path
      // Without --from/--to or --route: the project's selected route.
      var route = self.route
      var option = self.option
      if route == nil, from == nil {
        guard let project = loaded.project, let selection = loaded.selection else {
          throw ValidationError(
            "give --from NAME --to NAME (landings to plan between) or --route FILE, or select the project's route (`route select`)"
          )
        }
        route = project.selectedRouteURL.path
        option = option ?? selection.option
      }

      defer { StatusLine.clear() }
      var routes: [ReportedRoute] = []
      let engineer = RouteEngineer(parameters: parameters)
      let analyzer = try RouteAnalyzer(data: data, engineering: parameters, model: CostModel())
      var reports: [EngineeringReport] = []
      func add(_ report: EngineeringReport, name: String, points: [Coordinate], howFound: String) {
        reports.append(report)
        routes.append(
          ReportedRoute(
            name: name, points: points, landingNames: (report.landings[0], report.landings[1]),
            howFound: howFound, measures: report.route, engineering: report.engineering))
      }
      var model: CostModel?
      var notes: [String] = []
      var routeFact: String
      if let route {
        for input in try RouteFile.read(path: route, option: option, landings: data.landings) {
          StatusLine.show("cable engineering of option \(input.option)")
          add(
            try EngineeringReport(
              imported: input, from: route, analyzer: analyzer, engineer: engineer,
              waterSurfaceM: data.waterSurfaceM, seaLevel: nil),
            name: input.option, points: input.points, howFound: "read from \(route)")
        }
        routeFact =
          route == loaded.project?.selectedRouteURL.path
          ? "the project's selected route (\(loaded.selection!.name), chosen \(loaded.selection!.selectedAt) from \(loaded.selection!.source))"
          : "\(routes.count) route(s) read from \(route)"
      } else {
        StatusLine.show("building the cost grid")
        if let cellSize { try Limits.named("cellSizeM").check(cellSize, source: "--cell-size") }
        var costModel = try config.map { try CostModel.load(from: URL(fileURLWithPath: $0)) } ?? CostModel()
        if let cellSize { costModel.cellSizeM = cellSize }
        let planner = try RoutePlanner(
          data: data, model: costModel,
          analyzer: try RouteAnalyzer(data: data, engineering: parameters, model: costModel),
          memoryBudget: try CaspianLink.Route.Plan.memoryBudget(flag: nil))
        let waypoints = try via.map {
          try planner.point(CaspianLink.Route.Plan.coordinate($0)!, name: "via \($0)", label: "--via")
        }
        let planned = try planner.plan(
          from: try planner.landing(named: from!), to: try planner.landing(named: to!), via: waypoints,
          optionCount: options ?? 3
        ) { StatusLine.show("searching for option \($0.option) (\($0.kind.description))") }
        for option in planned.options {
          StatusLine.show("cable engineering of option \(option.id)")
          add(
            try EngineeringReport(
              option: "\(option.id)", route: option.vertices,
              landingNames: (planned.from.name, planned.to.name),
              analyzer: planner.analyzer, engineer: engineer, waterSurfaceM: data.waterSurfaceM, seaLevel: nil
            ),
            name: "\(option.id) \(option.kind.rawValue)", points: option.vertices, howFound: option.summary)
        }
        model = planned.model
        notes = planned.notes
        routeFact = "\(planned.from.name) → \(planned.to.name), \(routes.count) option(s) planned"
      }

      StatusLine.show("drawing the report")
      let title = "\(schedulePlan.project): route and schedule report"
      var layers = ReportInputs.mapLayers(
        data: data, routes: routes, title: "\(data.name): route options and seabed")
      // The lay so far, over the planned route (fixes near it; `lay import`).
      if let project = loaded.project, loaded.selection != nil {
        layers.asLaid = try project.layFixes(upTo: status.asOf, history: loaded.history).map(\.position)
      }
      let map = try MapFigure(
        layers: layers,
        projectionName: MapFigure.caspianProjectionName
      ).render(projection: try Projection.caspianEquidistant())
      let asLaid = try ReportInputs.asLaid(loaded, route: route, routes: routes, asOf: status.asOf)
      let diagrams = try routes.enumerated().map { index, route in
        var series = ReportInputs.profile(route)
        series.asLaidKm = index == 0 ? asLaid : nil
        return DiagramPart(
          series: series, svg: try StraightLineDiagram(series: series, optionIndex: index).render())
      }
      var schedule = try ReportInputs.schedule(
        ProgressSummary(status), routeBasis: loaded.selection != nil ? "selected" : "plan",
        trend: try CaspianSchedule.Schedule.trend(
          plan: schedulePlan, history: loaded.history, asOf: status.asOf))
      schedule.risk = try await RiskReport.run(plan: schedulePlan, history: loaded.history, asOf: status.asOf)
        .map(RiskReport.part)
      let document = ReportDocument(
        title: title,
        facts: [
          SummaryItem("Routes", routeFact),
          SummaryItem("Data set", "\(data.name) (\(data.files.bathymetry.lastPathComponent))"),
          SummaryItem(
            "Schedule", "\(URL(fileURLWithPath: schedulePlan.file).lastPathComponent), as of \(status.asOf)"),
        ],
        map: map,
        mapCaption:
          "Sea polygon with islands, seabed relief shaded by water depth from the grid, landings, hazards by kind"
          + " and the route options with KP ticks every 50 km.",
        diagrams: diagrams, schedule: schedule, figures: ReportInputs.figures(routes),
        assumptions: ReportInputs.assumptions(routes: routes, data: data, model: model, notes: notes),
        data: ReportInputs.data(routes))
      let page = document.html

      // Everything is rendered: now write, every file or none.
      var outputs = Outputs()
      var createdDirectory: URL?
      if let svg {
        let directory = URL(fileURLWithPath: svg, isDirectory: true)
        if !FileManager.default.fileExists(atPath: directory.path) {
          do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
          } catch {
            throw ReportError("\(svg): cannot create the directory: \(error.localizedDescription)")
          }
          createdDirectory = directory
        }
        var files = [("map.svg", map), ("gantt.svg", schedule.gantt)]
        if let trend = schedule.trend { files.append(("trend.svg", trend)) }
        if let risk = schedule.risk {
          files += [("s-curve.svg", risk.sCurve), ("tornado.svg", risk.tornado)]
        }
        files += diagrams.map { ("sld-\(Self.fileName($0.series.name)).svg", $0.svg) }
        for (name, figure) in files {
          outputs.add("--svg", directory.appendingPathComponent(name).path, text: figure.document)
        }
      }
      outputs.add("--html", html, text: page)
      do {
        try outputs.write(
          readingFrom: try geodata.inputs(of: data) + plan.inputs() + engineering.inputs
            + (route.map { [.init("the route file", URL(fileURLWithPath: $0))] } ?? [])
            + (config.map { [.init("the cost-model config", URL(fileURLWithPath: $0))] } ?? []))
      } catch {
        // Leave nothing behind: the directory made for the figures goes too (it is empty).
        if let createdDirectory { try? FileManager.default.removeItem(at: createdDirectory) }
        throw error
      }
      StatusLine.clear()
      print("Report written to \(html)" + (svg.map { " (figures as SVG in \($0))" } ?? ""))
      if let route { try strictness.check(reports, file: route) }
    }

    /// A name safe in a file name: letters, digits and '-' kept, anything else as '-'.
    static func fileName(_ name: String) -> String {
      String(
        name.unicodeScalars.map {
          $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-"
        })
    }
  }
}
