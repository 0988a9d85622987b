import ArgumentParser
import CaspianSchedule
import Foundation

extension CaspianLink.Schedule {
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract:
        "Milestones as of a date: actual/forecast dates, slip, float, critical path, SPI, RFS margin.",
      discussion: """
        Dates are inclusive days. Slip = forecast (or actual) finish - baseline finish, in days \
        (positive = late). Float = days an activity can slip before ready-for-service passes the \
        deadline. Critical = on the longest remaining path (lowest float).

        Examples:
          caspian-link schedule status
          caspian-link schedule status --as-of 2025-09-01
          caspian-link schedule status --as-of 2026-02-24 --format json
          caspian-link schedule status --plan my-plan.yaml
        """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      let loaded = try plan.loadInContext()
      let (plan, history) = (loaded.plan, loaded.history)
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: asOf.resolved)
      switch format {
      case .json: StandardOutput.write(ScheduleExport.json(status))
      case .table: print(Self.table(status, routeBasis: loaded.selection != nil ? "selected" : "plan"))
      }
    }

    static func table(_ status: ScheduleStatus, routeBasis: String) -> String {
      var table = TextTable([
        ("ID", .left), ("Activity", .left), ("Status", .left), ("%", .right), ("Basis", .left),
        ("Start", .left),
        ("Baseline", .left),
        ("Actual", .left), ("Forecast", .left), ("Slip", .right), ("Float", .right), ("Crit", .left),
      ])
      for item in status.activities {
        let activity = item.activity
        table.append([
          activity.id, activity.name + (activity.assumption == nil ? "" : " *"), item.state.label,
          fixed(item.percentComplete, 0), item.percentBasis.rawValue, item.forecastStart.description,
          activity.baselineFinish.description,
          item.actualFinish?.description ?? "-", item.state == .done ? "-" : item.forecastFinish.description,
          signed(item.slipDays), item.totalFloatDays.map(String.init) ?? "-", item.critical ? "yes" : "",
        ])
      }
      var lines = [
        "\(status.plan.project): schedule as of \(status.asOf) (plan \(status.plan.file))", "",
        table.render(), "",
        "Basis of %: recorded, kp (KP over the route length), elapsed (`progress: duration`), unreported (nothing reported yet: 0 %), done, not-started.",
        "Start: actual or forecast first day; Baseline, Actual, Forecast: finish dates (inclusive). Slip and float in days. * = dates partly assumed (not on the public record).",
        "Percent complete  \(fixed(status.percentComplete, 1)) % earned vs \(fixed(status.plannedPercent, 1)) % planned"
          + (status.spi.map { ", SPI \(fixed($0, 2))" } ?? ", SPI n/a (nothing planned yet)"),
        "Ready for service forecast \(status.forecastFinish), deadline \(status.plan.deadline): "
          + marginText(status.marginDays),
        "Critical path     "
          + (status.criticalPath.isEmpty ? "-" : status.criticalPath.joined(separator: ", ")),
      ]
      if let length = status.plan.routeLengthKm {
        lines.append(
          "Route             \(status.plan.routeName ?? "planned route"), \(Plan.printedKm(length)) km"
            + routeLabel(routeBasis))
      }
      lines.append("Last record       " + lastRecordedText(status))
      return lines.joined(separator: "\n")
    }
  }
}

/// "31 days of margin" / "12 days late".
func marginText(_ days: Int) -> String {
  days >= 0 ? "\(days) days of margin" : "\(-days) days LATE"
}

/// When progress was last recorded, with a warning if that was long before the as-of date.
func lastRecordedText(_ status: ScheduleStatus) -> String {
  guard let last = status.lastRecorded else {
    return "none: forecasts assume nothing has started"
  }
  let age = status.asOf.days(from: last)
  let warning =
    age > 31
    ? " (\(age) days before the as-of date: work due since then has no record and is forecast from the as-of date)"
    : ""
  return "\(last)\(warning)"
}
