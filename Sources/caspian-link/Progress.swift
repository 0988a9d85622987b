import ArgumentParser
import CaspianAnalysis
import CaspianEngineering
import CaspianGeometry
import CaspianRouting
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink {
  struct Progress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "progress",
      abstract: "One screen for the owner: route, cable laid, milestones done/late/at risk, RFS forecast.",
      discussion: """
        The route and its length come from the project's selected route (`route select`), else \
        from the plan (routeName, routeLengthKm, labelled as the fallback), or, with --route, from \
        the chosen option of a route GeoJSON written by `route plan --output` (length on the WGS84 \
        ellipsoid); the cable laid is measured against that length. The numbers are those of \
        `schedule status` and `report` for the same as-of date (one forecast).

        Late: not done and forecast to finish after its baseline. At risk: not done, not late, \
        but with less total float than --risk-days. Done late: finished after its baseline.

        Examples:
          caspian-link progress
          caspian-link progress --as-of 2026-02-24 --format json
          caspian-link progress --route routes.geojson --option 1
        """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("Float (days) below which an open activity is at risk.", valueName: "days"))
    var riskDays: Int = ProgressSummary.defaultRiskDays
    @Option(
      help: ArgumentHelp(
        "The chosen route: a GeoJSON file written by `route plan --geojson`.", valueName: "file"))
    var route: String?
    @Option(help: ArgumentHelp("The option in --route to use.", valueName: "id")) var option = "1"
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table
    @OptionGroup var strictness: StrictOption
    @OptionGroup var engineering: EngineeringOptions
    @OptionGroup var geodata: GeodataOptions

    func run() async throws {
      let loaded = try plan.loadInContext()
      var (plan, history) = (loaded.plan, loaded.history)
      // The chosen route's figures, from the same analysis as `route plan` and `route rpl`.
      // With no --route, the project's selected route (already applied to the plan).
      var chosenRoute: (measures: RouteMeasures, errors: [EngineeringWarning])?
      let selectedFile = loaded.selection.flatMap { _ in loaded.project?.selectedRouteURL.path }
      if let routeFile = route ?? selectedFile {
        let data = try geodata.load()
        let chosen = try RouteFile.read(
          path: routeFile, option: route == nil ? loaded.selection?.option : option, landings: data.landings)[
            0]
        let analyzer = try RouteAnalyzer(
          data: data, engineering: try engineering.parameters(), model: CostModel())
        let analysis = try analyzer.analyse(chosen, from: routeFile)
        chosenRoute = (RouteMeasures(analysis), analysis.intrusions.map(EngineeringWarning.init))
        if let route {
          plan = try plan.withRoute(
            name: "option \(chosen.option) \(chosen.landingNames.0) - \(chosen.landingNames.1)",
            lengthKm: analysis.lengthKm, source: "\(route) (geodesic length on WGS84)")
          history = try UpdateLog.read(from: UpdateLog.url(forPlan: loaded.url), plan: plan)
        }
      }
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: asOf.resolved)
      let summary = ProgressSummary(status, riskDays: riskDays)
      let (done, doneLate, open, late, atRisk) = (
        summary.done, summary.doneLate, summary.open, summary.late, summary.atRisk
      )
      let routeBasis = route != nil ? "file" : loaded.selection != nil ? "selected" : "plan"
      let risk = try await RiskReport.run(plan: plan, history: history, asOf: status.asOf)
      switch format {
      case .json:
        var document: [String: JSONValue] = [
          "asOf": .string(status.asOf.description), "project": .string(plan.project),
          "routeName": JSONValue(plan.routeName), "routeLengthKm": JSONValue(plan.routeLengthKm),
          "routeSource": JSONValue(plan.routeSource), "routeBasis": .string(routeBasis),
          "cableLaidKm": JSONValue(summary.cableLaidKm),
          "cableLaidPercent": JSONValue(summary.cableLaidPercent),
          "percentComplete": .number(status.percentComplete), "spi": JSONValue(status.spi),
          "done": .array(done.map { .string($0.activity.id) }),
          "doneLate": .array(doneLate.map { .string($0.activity.id) }),
          "late": .array(late.map { .string($0.activity.id) }),
          "atRisk": .array(atRisk.map { .string($0.activity.id) }), "open": JSONValue(open.count),
          "deadline": .string(plan.deadline.description),
          "forecastFinish": .string(status.forecastFinish.description),
          "marginDays": JSONValue(status.marginDays),
          "lastRecorded": JSONValue(describing: status.lastRecorded),
        ]
        if let chosenRoute {
          document["route"] = .object(chosenRoute.measures.jsonMembers)
          document["warnings"] = .array(chosenRoute.errors.map(\.jsonValue))
        }
        if let risk {
          document["riskP50"] = .string(risk.p50.description)
          document["riskP80"] = .string(risk.p80.description)
          document["onTimeProbability"] = .number(ScheduleExport.rounded(risk.onTimeProbability, 4))
        }
        StandardOutput.write(Data(JSONValue.object(document).prettyPrinted().utf8))
      case .table:
        func list(_ items: [ActivityStatus], _ detail: (ActivityStatus) -> String) -> String {
          items.isEmpty ? "-" : items.map { "\($0.activity.id) (\(detail($0)))" }.joined(separator: ", ")
        }
        var lines = ["\(plan.project): progress as of \(status.asOf)", ""]
        var route = "-"
        if let length = plan.routeLengthKm {
          route =
            "\(plan.routeName ?? "planned route"), \(Plan.printedKm(length)) km" + routeLabel(routeBasis)
        }
        let lay = summary.lay
        var rows = [
          ("Route", route),
          (
            "Cable laid",
            status.cableLaidKm.map { km in
              "\(Plan.printedKm(km)) km of \(Plan.printedKm(plan.routeLengthKm!)) km (\(fixed(lay!.percentComplete, 1)) %)"
                + (lay!.kpRecorded.map { ", KP recorded \($0)" } ?? "")
            } ?? "-"
          ),
          (
            "Overall",
            "\(fixed(status.percentComplete, 1)) % complete (planned \(fixed(status.plannedPercent, 1)) %"
              + (status.spi.map { ", SPI \(fixed($0, 2)))" } ?? ")")
          ),
          (
            "Milestones",
            "\(done.count) done (\(doneLate.count) finished late), \(open.count) open: \(late.count) late, \(atRisk.count) at risk"
          ),
          ("Late", list(late) { "+\($0.slipDays) d, forecast \($0.forecastFinish)" }),
          ("At risk", list(atRisk) { "float \($0.totalFloatDays ?? 0) d" }),
          (
            "Ready for service",
            "forecast \(status.forecastFinish), deadline \(plan.deadline): \(marginText(status.marginDays))"
          ),
        ]
        if let risk { rows.append(("Schedule risk", RiskReport.line(risk))) }
        rows.append(("Last record", lastRecordedText(status)))
        let width = rows.map(\.0.count).max()!
        lines += rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        if let chosenRoute, !chosenRoute.errors.isEmpty {
          lines.append("")
          lines += chosenRoute.errors.map { "ERROR \($0.kpText) \($0.kind.rawValue): \($0.message)" }
        }
        print(lines.joined(separator: "\n"))
      }
      if let chosenRoute, let routeFile = route ?? selectedFile {
        try strictness.check(
          errors: chosenRoute.errors.map { (route == nil ? loaded.selection?.option ?? option : option, $0) },
          file: routeFile)
      }
    }
  }
}

/// Where the route length came from, for people: "" for a selected route or a route file.
func routeLabel(_ basis: String) -> String {
  basis == "plan" ? " (the plan's routeLengthKm: no route selected)" : ""
}
