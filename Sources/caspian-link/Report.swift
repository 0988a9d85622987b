import ArgumentParser
import CaspianAnalysis
import CaspianGeodata
import CaspianGeometry
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

    @OptionGroup var engineering: EngineeringOptions

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var geodata: GeodataOptions

    func validate() throws {
      if route != nil {
        guard from == nil, to == nil else {
          throw ValidationError("give either --from/--to or --route, not both")
        }
      } else {
        guard from != nil, to != nil else {
          throw ValidationError("give --from NAME --to NAME (landings to plan between) or --route FILE")
        }
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
      let (schedulePlan, history, _) = try plan.load()
      let status = try CaspianSchedule.Schedule.status(
        plan: schedulePlan, history: history, asOf: asOf.resolved)

      defer { StatusLine.clear() }
      let engineer = RouteEngineer(parameters: parameters)
      let assets = data.hazards.map(EngineeringAsset.init(hazard:))
      func engineered(
        _ name: String, _ points: [Coordinate], _ landings: (String, String), _ option: RouteOption?
      )
        throws -> ReportedRoute
      {
        StatusLine.show("cable engineering of option \(name)")
        return ReportedRoute(
          name: name, points: points, landingNames: landings, planned: option,
          // The same engineering as `route plan` and `route rpl` (sea-masked depths).
          engineering: try EngineeringReport(
            option: name, route: points, landingNames: landings, data: data, assets: assets,
            engineer: engineer, seaLevel: nil
          ).engineering)
      }
      var routes: [ReportedRoute] = []
      var model: CostModel?
      var notes: [String] = []
      var routeFact: String
      if let route {
        for input in try RouteFile.read(path: route, option: nil, landings: data.landings) {
          routes.append(try engineered(input.option, input.points, input.landingNames, nil))
        }
        routeFact = "\(routes.count) route(s) read from \(route)"
      } else {
        StatusLine.show("building the cost grid")
        let planner = try RoutePlanner(data: data)
        let planned = try planner.plan(
          from: try planner.landing(named: from!), to: try planner.landing(named: to!),
          optionCount: options ?? 3
        ) { StatusLine.show("searching for option \($0.option) (\($0.kind.description))") }
        for option in planned.options {
          routes.append(
            try engineered(
              "\(option.id) \(option.kind.rawValue)", option.vertices, (planned.from.name, planned.to.name),
              option))
        }
        model = planned.model
        notes = planned.notes
        routeFact = "\(planned.from.name) → \(planned.to.name), \(routes.count) option(s) planned"
      }

      StatusLine.show("drawing the report")
      let title = "\(schedulePlan.project): route and schedule report"
      let map = try MapFigure(
        layers: ReportInputs.mapLayers(
          data: data, routes: routes, title: "\(data.name): route options and seabed"),
        projectionName: MapFigure.caspianProjectionName
      ).render(projection: try Projection.caspianEquidistant())
      let depth = try SeaMaskedDepth(data: data, nearshoreDepthM: parameters.landing.nearshoreDepthM)
      let diagrams = try routes.enumerated().map { index, route in
        let series = ReportInputs.profile(route, depth: depth)
        return DiagramPart(
          series: series, svg: try StraightLineDiagram(series: series, optionIndex: index).render())
      }
      var schedule = try ReportInputs.schedule(status)
      schedule.risk = try await RiskReport.run(plan: schedulePlan, history: history, asOf: status.asOf).map(
        RiskReport.part)
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
        assumptions: ReportInputs.assumptions(routes: routes, data: data, model: model, notes: notes))
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
            + (route.map { [.init("the route file", URL(fileURLWithPath: $0))] } ?? []))
      } catch {
        // Leave nothing behind: the directory made for the figures goes too (it is empty).
        if let createdDirectory { try? FileManager.default.removeItem(at: createdDirectory) }
        throw error
      }
      StatusLine.clear()
      print("Report written to \(html)" + (svg.map { " (figures as SVG in \($0))" } ?? ""))
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
