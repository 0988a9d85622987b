import ArgumentParser
import CaspianGeometry
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink {
  struct Progress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "progress",
      abstract: "One screen for the owner: route, cable laid, milestones done/late/at risk, RFS forecast.",
      discussion: """
        The route and its length come from the plan (routeName, routeLengthKm), or, with --route, \
        from the chosen option of a route GeoJSON written by `route plan --geojson` (length on the \
        WGS84 ellipsoid); the cable laid is measured against that length.

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
    var riskDays: Int = 30
    @Option(
      help: ArgumentHelp(
        "The chosen route: a GeoJSON file written by `route plan --geojson`.", valueName: "file"))
    var route: String?
    @Option(help: ArgumentHelp("The option in --route to use.", valueName: "id")) var option = "1"
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      var (plan, history, _) = try plan.load()
      if let route, let chosen = try RouteFile.read(path: route, option: option, landings: []).first {
        plan = try plan.withRoute(
          name: "option \(chosen.option) \(chosen.landingNames.0) - \(chosen.landingNames.1)",
          lengthKm: Geodesic.wgs84.length(of: chosen.points) / 1000,
          source: "\(route) (geodesic length on WGS84)")
      }
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: asOf.resolved)
      let open = status.activities.filter { $0.state != .done }
      let done = status.activities.filter { $0.state == .done }
      let late = open.filter { $0.slipDays > 0 }
      let atRisk = open.filter { $0.slipDays <= 0 && ($0.totalFloatDays ?? 0) < riskDays }
      let doneLate = done.filter { $0.slipDays > 0 }
      let risk = try await RiskReport.run(plan: plan, history: history, asOf: status.asOf)
      switch format {
      case .json:
        var document: [String: JSONValue] = [
          "asOf": .string(status.asOf.description), "project": .string(plan.project),
          "routeName": JSONValue(plan.routeName), "routeLengthKm": JSONValue(plan.routeLengthKm),
          "routeSource": JSONValue(plan.routeSource), "cableLaidKm": JSONValue(status.cableLaidKm),
          "cableLaidPercent": JSONValue(
            status.activities.first { $0.activity.progressByKP }?.percentComplete),
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
          route = "\(plan.routeName ?? "planned route"), \(fixed(length, 1)) km"
        }
        let lay = status.activities.first { $0.activity.progressByKP }
        var rows = [
          ("Route", route),
          (
            "Cable laid",
            status.cableLaidKm.map { km in
              "\(fixed(km, 1)) km of \(fixed(plan.routeLengthKm!, 1)) km (\(fixed(lay!.percentComplete, 1)) %)"
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
        print(lines.joined(separator: "\n"))
      }
    }
  }
}
