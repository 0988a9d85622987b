import ArgumentParser
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink.Schedule {
  struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "List the progress records with their ids and what superseded them.",
      discussion: """
        Every record of the log in log order, with its id (R1, R2, ...: the record's place in the \
        append-only log), the activity, the date it applies to, its facts, and the record that \
        corrects or voids it. Nothing is ever deleted: `schedule update --correct RECORD` and \
        `--void RECORD` append a record that supersedes an earlier one.

        Examples:
          caspian-link schedule history
          caspian-link schedule history LAY
          caspian-link schedule history R23 --format json
        """)

    @OptionGroup var plan: PlanOptions
    @Argument(help: "Only this activity, or this record and those that supersede it.") var id: String?
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      let (plan, history, url) = try plan.load()
      let superseded = try history.supersededBy()
      var chosen = Array(history.records.indices)
      if let id {
        if let index = UpdateHistory.recordIndex(id) {
          guard index < history.records.count else {
            throw ScheduleError(file: "command line", "no record \(id) (R1 to R\(history.records.count))")
          }
          chosen = [index]
          while let next = superseded[chosen.last!] { chosen.append(next) }
        } else {
          _ = try plan.requireActivity(id)
          chosen = chosen.filter { history.records[$0].id == id }
        }
      }
      let log = UpdateLog.url(forPlan: url).path
      switch format {
      case .json:
        let items: [JSONValue] = chosen.map { index in
          let record = history.records[index]
          return [
            "record": .string(UpdateHistory.recordID(index)), "line": .number(Double(record.line)),
            "facts": (try? JSONValue.parse(Data(record.jsonLine.utf8))) ?? .null,
            "supersededBy": JSONValue(superseded[index].map(UpdateHistory.recordID)),
            "inForce": .bool(superseded[index] == nil && record.voids == nil),
          ]
        }
        let document: JSONValue = ["log": .string(log), "records": .array(items)]
        StandardOutput.write(Data(document.prettyPrinted().utf8))
      case .table:
        var table = TextTable([
          ("Record", .left), ("Recorded", .left), ("ID", .left), ("Facts", .left), ("Superseded by", .left),
        ])
        for index in chosen {
          let record = history.records[index]
          table.append([
            UpdateHistory.recordID(index), record.recorded.description, record.id, Self.facts(record),
            superseded[index].map(UpdateHistory.recordID) ?? "",
          ])
        }
        print(
          "\(plan.project): \(chosen.count) of \(history.records.count) record(s) in \(log)\n\n"
            + table.render())
      }
    }

    /// The record's facts in a few words.
    static func facts(_ record: ProgressUpdate) -> String {
      var parts: [String] = []
      if let reference = record.corrects { parts.append("corrects \(reference)") }
      if let reference = record.voids { parts.append("voids \(reference)") }
      let dates: [(String, CalendarDate?)] = [
        ("start", record.actualStart), ("finish", record.actualFinish),
        ("forecast start", record.forecastStart),
        ("forecast finish", record.forecastFinish), ("stated finish", record.statedFinish),
      ]
      parts += dates.compactMap { name, date in date.map { "\(name) \($0)" } }
      if let percent = record.percentComplete { parts.append("\(fixed(percent, 1)) %") }
      if let kp = record.kp {
        // The route's option and file (the whole reference is in --format json).
        let route = record.route.map { " on " + ($0.components(separatedBy: ", ").first ?? $0) }
        parts.append("KP \(Plan.printedKm(kp))" + (route ?? ""))
      }
      if let entered = record.entered { parts.append("entered \(entered)") }
      if let note = record.note {
        parts.append("\"\(note.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(60))\"")
      }
      return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }
  }
}
