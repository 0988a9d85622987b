import ArgumentParser
import CaspianSchedule
import Foundation

extension CaspianLink.Schedule {
  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract: "Record progress for one activity (appended to the plan's update log).",
      discussion: """
        The plan file is never rewritten: the record is appended to <plan>.updates.jsonl under an \
        exclusive lock, by an atomic replace, after it has been checked against the plan and the \
        whole history. --status done without --actual-finish sets the actual finish to --date; \
        --status in-progress without a known actual start sets it to --date (--status done, --percent and --kp need a known actual start). \
        For the cable lay, --kp KM records the kilometre point reached: percent complete = KP / \
        planned route length, and the forecast finish follows from the lay rate so far.

        Examples:
          caspian-link schedule update LAY --status in-progress --date 2026-06-01
          caspian-link schedule update LAY --kp 123.4 --date 2026-06-20
          caspian-link schedule update VESSEL --forecast-finish 2026-12-15
        """)

    @OptionGroup var plan: PlanOptions
    @Argument(help: "Activity id (see `schedule status`).") var id: String

    @Option(
      name: [.customLong("date"), .customLong("as-of")],
      help: ArgumentHelp("The day these facts are known (YYYY-MM-DD; default today).", valueName: "date"))
    var date: CalendarDate?
    @Option(help: "not-started | in-progress | done.") var status: ActivityState?
    @Option(help: ArgumentHelp("First day of work.", valueName: "date")) var actualStart: CalendarDate?
    @Option(help: ArgumentHelp("Last day of work, inclusive.", valueName: "date")) var actualFinish:
      CalendarDate?
    @Option(name: .customLong("percent"), help: "Percent complete, 0-100.") var percent: Double?
    @Option(help: ArgumentHelp("Expected first day.", valueName: "date")) var forecastStart: CalendarDate?
    @Option(help: ArgumentHelp("Expected last day, inclusive.", valueName: "date")) var forecastFinish:
      CalendarDate?
    @Option(
      help: ArgumentHelp(
        "A finish date someone stated (kept for the trend; does not drive the schedule).", valueName: "date"))
    var statedFinish: CalendarDate?
    @Option(
      help: ArgumentHelp("Kilometre point the lay reached (km along the planned route).", valueName: "km"))
    var kp: Double?
    @Option(help: "Free text.") var note: String?
    @Option(help: "Where the facts come from.") var source: String?
    @Option(name: .customLong("assumed"), help: "What in this record is assumed.") var assumption: String?

    func run() async throws {
      let (plan, history, url) = try plan.load()
      let day = date ?? .today
      let activity = try plan.requireActivity(id)
      for (name, value) in [("--actual-start", actualStart), ("--actual-finish", actualFinish)] {
        if let value, value > day {
          throw ScheduleError(
            file: plan.file,
            "\(id): \(name) \(value) is in the future of the record date \(day) (--date/--as-of)")
        }
      }
      let known = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: day).activity(id)!
      var record = ProgressUpdate(
        recorded: day, id: id, actualStart: actualStart, actualFinish: actualFinish, percentComplete: percent,
        forecastStart: forecastStart, forecastFinish: forecastFinish, statedFinish: statedFinish, kp: kp,
        note: note, source: source, assumption: assumption)
      if status == .inProgress, known.actualStart == nil, record.actualStart == nil, !activity.isMilestone {
        record.actualStart = day
      }
      if status == .done, record.actualFinish == nil, known.state != .done { record.actualFinish = day }
      if let kp, let length = plan.routeLengthKm, kp >= length, known.state != .done,
        record.actualFinish == nil
      {
        record.actualFinish = day  // the lay reached the end of the route
      }
      if status == .notStarted, known.state != .notStarted {
        throw ScheduleError(
          file: plan.file,
          "\(id): already \(known.state.label) as of \(day); records add facts and cannot undo them")
      }
      if status == .inProgress, known.state == .done || record.actualFinish != nil {
        throw ScheduleError(file: plan.file, "\(id): --status in-progress contradicts an actual finish")
      }
      guard !record.isEmpty || status != nil else {
        throw ValidationError(
          "nothing to record: give --status, an actual or forecast date, --percent, --kp or --note")
      }
      let updated = try UpdateLog.append(record, plan: plan, planURL: url)
      let now = try CaspianSchedule.Schedule.status(plan: plan, history: updated, asOf: day).activity(id)!
      print(
        "Recorded \(id) as of \(day): \(now.state.label), \(fixed(now.percentComplete, 1)) %, "
          + (now.state == .done ? "finished \(now.forecastFinish)" : "forecast finish \(now.forecastFinish)")
          + " (slip \(signed(now.slipDays)) days) -> \(UpdateLog.url(forPlan: url).path)")
    }
  }
}

extension ActivityState: ExpressibleByArgument {}
