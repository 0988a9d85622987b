import ArgumentParser
import CaspianSchedule
import Foundation

extension CaspianLink.Schedule {
  struct Trend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trend",
      abstract: "Milestone trend analysis: how each finish date moved over the recorded history.",
      discussion: """
        For each activity with a recorded forecast, stated or actual finish, or a computed forecast \
        that moved: the baseline, then every record with the date it gave and the move in days, \
        and the forecast computed as of that day (replaying the records in force up to then; blank \
        before the plan starts). Rows of kind "computed" are the schedule's own forecast on every \
        record date (of any activity) where it moved: KP-driven swings of the lay and what they do \
        to its successors show there.

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
          // Recorded dates and the computed forecast where it moved, by date (recorded first on a day).
          var rows: [(CalendarDate, Int, [String])] = item.points.map { point in
            (
              point.recorded, 0,
              [
                point.recorded.description, point.kind.rawValue, point.finish.description,
                point.moveDays.map(signed) ?? "", point.computedFinish?.description ?? "",
                [point.note, point.source].compactMap { $0 }.joined(separator: " | "),
              ]
            )
          }
          rows += item.computed.map { point in
            (
              point.recorded, 1,
              [
                point.recorded.description, point.done ? "computed (done)" : "computed",
                point.finish.description,
                point.moveDays.map(signed) ?? "", point.finish.description, "",
              ]
            )
          }
          for row in rows.enumerated().sorted(by: {
            ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset)
          }) {
            table.append(row.element.2)
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
