import ArgumentParser
import CaspianSchedule
import Foundation

extension CaspianLink.Schedule {
  struct Trend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trend",
      abstract: "Milestone trend analysis: how each finish date moved over the recorded history.",
      discussion: """
        For each activity with a recorded forecast, stated or actual finish: the baseline, then \
        every record with the date it gave and the move in days, and the forecast computed as of \
        that day (replaying the records made up to then; blank before the plan starts).

        Examples:
          caspian-link schedule trend
          caspian-link schedule trend --id RFS --format json
        """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "Only this activity.") var id: String?
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      let (plan, history, _) = try plan.load()
      if let id { _ = try plan.requireActivity(id) }
      let day = asOf.resolved
      let trend = try CaspianSchedule.Schedule.trend(plan: plan, history: history, asOf: day)
        .filter { id == nil || $0.activity.id == id }
      switch format {
      case .json: StandardOutput.write(ScheduleExport.json(trend: trend, asOf: day))
      case .table:
        var blocks = ["\(plan.project): milestone trend as of \(day)"]
        for item in trend {
          var table = TextTable([
            ("Recorded", .left), ("Kind", .left), ("Finish", .left), ("Move", .right), ("Computed", .left),
            ("Note / source", .left),
          ])
          for point in item.points {
            table.append([
              point.recorded.description, point.kind.rawValue, point.finish.description,
              point.moveDays.map(signed) ?? "", point.computedFinish?.description ?? "",
              [point.note, point.source].compactMap { $0 }.joined(separator: " | "),
            ])
          }
          blocks.append(
            "\(item.activity.id)  \(item.activity.name): now \(item.currentFinish) (baseline \(item.activity.baselineFinish))\n"
              + table.render())
        }
        if trend.isEmpty { blocks.append("No forecasts or finishes recorded up to \(day).") }
        print(blocks.joined(separator: "\n\n"))
      }
    }
  }
}
