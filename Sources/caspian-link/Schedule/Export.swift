import ArgumentParser
import CaspianSchedule
import Foundation

extension CaspianLink.Schedule {
  struct Export: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case mermaid, ics, json, csv
    }

    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the schedule as of a date: Mermaid gantt, iCalendar, JSON or CSV.",
      discussion: """
        mermaid: a gantt chart (forecast/actual dates, critical activities tagged crit). \
        ics: one all-day event per activity (DTEND exclusive, as RFC 5545 requires). \
        json: the same document as `schedule status --format json`. csv: one row per activity.

        Examples:
          caspian-link schedule export --format mermaid
          caspian-link schedule export --format ics --output caspian.ics
          caspian-link schedule export --format csv --output status.csv
        """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "mermaid | ics | json | csv.") var format: Format
    @Option(
      help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
      let (plan, history, _) = try plan.load()
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: asOf.resolved)
      let text: String
      switch format {
      case .mermaid: text = ScheduleExport.mermaid(status)
      case .ics: text = ScheduleExport.icalendar(status)
      case .csv: text = ScheduleExport.csv(status)
      case .json: text = String(decoding: ScheduleExport.json(status), as: UTF8.self)
      }
      try emit(text, output: output, inputs: try self.plan.inputs())
    }
  }
}
