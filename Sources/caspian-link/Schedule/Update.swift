import ArgumentParser
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink.Schedule {
  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "update",
      abstract: "Record progress for one activity (appended to the plan's update log).",
      discussion: """
        The plan file is never rewritten: the record is appended to <plan>.updates.jsonl under an \
        exclusive lock (one O_APPEND write, then fsync), after it has been checked against the plan and the \
        whole history. --status done without --actual-finish sets the actual finish to --date; \
        --status in-progress without a known actual start sets it to --date (--status done, --percent and --kp need a known actual start). \
        For the cable lay, --kp KM records the kilometre point reached: percent complete = KP / the \
        selected route's length (else the plan's routeLengthKm), and the forecast finish follows from the lay rate so far. \
        Every record gets an id (R1, R2, ...; see `schedule history`): --correct RECORD appends a \
        record of the same activity and date that takes its place, --void RECORD one that cancels \
        it. Outside a project (`caspian-link init`) an update needs --plan FILE; the bundled \
        Geodata/ is never written.

        Examples:
          caspian-link schedule update LAY --status in-progress --date 2026-06-01
          caspian-link schedule update LAY --kp 123.4 --date 2026-06-20
          caspian-link schedule update VESSEL --forecast-finish 2026-12-15
          caspian-link schedule update --correct R22 --kp 80 --note "typo"
          caspian-link schedule update --void R22
        """)

    @OptionGroup var plan: PlanOptions
    @Argument(help: "Activity id (see `schedule status`; may be left out with --correct or --void).")
    var activityID: String?

    @Option(
      help: ArgumentHelp(
        "Replace record RECORD (its id from `schedule history`) by this one: same activity and date, the facts given here.",
        valueName: "record"))
    var correct: String?
    @Option(
      help: ArgumentHelp(
        "Cancel record RECORD (kept in the history, no longer counted).", valueName: "record"))
    var void: String?

    @Option(
      name: [.customLong("date"), .customLong("as-of")],
      help: ArgumentHelp("The day these facts are known (YYYY-MM-DD; default today).", valueName: "date"))
    var date: CalendarDate?
    @Option(help: "not-started | in-progress | done.") var status: ActivityState?
    @Option(help: ArgumentHelp("First day of work.", valueName: "date")) var actualStart: CalendarDate?
    @Option(help: ArgumentHelp("Last day of work, inclusive.", valueName: "date")) var actualFinish:
      CalendarDate?
    // `.unconditional`: "-5" is a value (and then a range error), not taken for a flag.
    @Option(name: .customLong("percent"), parsing: .unconditional, help: "Percent complete, 0-100.")
    var percent: Double?
    @Option(help: ArgumentHelp("Expected first day.", valueName: "date")) var forecastStart: CalendarDate?
    @Option(help: ArgumentHelp("Expected last day, inclusive.", valueName: "date")) var forecastFinish:
      CalendarDate?
    @Option(
      help: ArgumentHelp(
        "A finish date someone stated (kept for the trend; does not drive the schedule).", valueName: "date"))
    var statedFinish: CalendarDate?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Kilometre point the lay reached (km along the planned route, 0 to its length).", valueName: "km"))
    var kp: Double?
    @Option(help: "Free text.") var note: String?
    @Option(help: "Where the facts come from.") var source: String?
    @Option(name: .customLong("assumed"), help: "What in this record is assumed.") var assumption: String?

    func validate() throws {
      if correct != nil, void != nil { throw ValidationError("give --correct or --void, not both") }
      if activityID == nil, correct == nil, void == nil {
        throw ValidationError("give the activity id (or --correct RECORD / --void RECORD)")
      }
      if void != nil,
        status != nil || actualStart != nil || actualFinish != nil || percent != nil
          || forecastStart != nil || forecastFinish != nil || statedFinish != nil || kp != nil || date != nil
      {
        throw ValidationError("--void records no facts: give only --note, --source or --assumed with it")
      }
    }

    func run() async throws {
      let loaded = try plan.loadForWriting(command: "schedule update")
      let (plan, history, url) = (loaded.plan, loaded.history, loaded.url)
      let today = CalendarDate.today
      if let reference = correct ?? void {
        try supersede(
          reference, plan: plan, history: history, url: url, today: today, route: loaded.selection?.reference)
        return
      }
      let id = activityID!
      let day = date ?? today
      try checkFlags(plan: plan, day: day, today: today, id: id)
      let activity = try plan.requireActivity(id)
      if status == .inProgress, activity.isMilestone {
        throw ScheduleError(
          file: "command line",
          "--status in-progress: \(id) is a milestone, reached on one day (record it with --status done)")
      }
      let known = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: day).activity(id)!
      var record = ProgressUpdate(
        recorded: day, id: id, actualStart: actualStart, actualFinish: actualFinish, percentComplete: percent,
        forecastStart: forecastStart, forecastFinish: forecastFinish, statedFinish: statedFinish, kp: kp,
        note: note, source: source, assumption: assumption)
      if kp != nil { record.route = loaded.selection?.reference }
      if status == .inProgress, known.actualStart == nil, record.actualStart == nil {
        record.actualStart = day
      }
      if status == .done, record.actualFinish == nil, known.state != .done { record.actualFinish = day }
      if let kp, let length = plan.routeLengthKm, plan.snappedKP(kp) >= length, known.state != .done,
        record.actualFinish == nil
      {
        record.actualFinish = day  // the lay reached the end of the route
      }
      if status == .notStarted, known.state != .notStarted {
        throw ScheduleError(
          file: "command line",
          "--status not-started: \(id) is already \(known.state.label) as of \(day); records add facts and cannot undo them (a wrong record: --correct or --void it, see `schedule history \(id)`)"
        )
      }
      if status == .inProgress, known.state == .done || record.actualFinish != nil {
        throw ScheduleError(file: "command line", "--status in-progress: \(id) contradicts an actual finish")
      }
      guard !record.isEmpty || status != nil else {
        throw ValidationError(
          "nothing to record: give --status, an actual or forecast date, --percent, --kp or --note")
      }
      let appended = try append(record, plan: plan, url: url)
      let log = UpdateLog.url(forPlan: url)
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: appended.history, asOf: day)
      let now = status.activity(id)!
      if let start = record.actualStart {
        CaspianSchedule.Schedule.earlyStartWarnings(status, id: id, start: start).forEach(warn)
      }
      let summary =
        "\(now.state.label), \(fixed(now.percentComplete, 1)) %, "
        + (now.state == .done ? "finished \(now.forecastFinish)" : "forecast finish \(now.forecastFinish)")
        + " (slip \(signed(now.slipDays)) days)"
      let recordID = UpdateHistory.recordID(appended.history.records.count - 1)
      if now.hasSameProgress(as: known) {
        print(
          "\(id) as of \(day): no change: recorded as a confirmation (\(summary)) as \(recordID) -> \(log.path)"
        )
      } else {
        print("Recorded \(id) as of \(day): \(summary) as \(recordID) -> \(log.path)")
      }
    }

    /// Appends `record`, reporting what the append set aside or cleaned up.
    private func append(_ record: ProgressUpdate, plan: Plan, url: URL) throws -> UpdateLog.Appended {
      let appended = try UpdateLog.append(record, plan: plan, planURL: url, source: "command line")
      let log = UpdateLog.url(forPlan: url)
      if let torn = appended.setAside {
        warn(
          "\(torn.file):\(torn.line): an incomplete last line (\(torn.byteCount) bytes) was moved to \(UpdateLog.tornURL(forLog: log).path)"
        )
      }
      for name in appended.removedTemporaries {
        warn("removed \(name), left next to \(log.lastPathComponent) by an interrupted update")
      }
      return appended
    }

    /// `--correct RECORD` / `--void RECORD`: a record with the same activity and date that
    /// supersedes it (checked against the whole history as any record).
    private func supersede(
      _ reference: String, plan: Plan, history: UpdateHistory, url: URL, today: CalendarDate, route: String?
    ) throws {
      let flag = correct != nil ? "--correct" : "--void"
      guard let index = UpdateHistory.recordIndex(reference), index < history.records.count else {
        throw ScheduleError(
          file: "command line",
          "\(flag) \(CloseMatches.echo(reference)): no such record (R1 to R\(history.records.count); see `schedule history`)"
        )
      }
      let original = history.records[index]
      if let activityID, activityID != original.id {
        throw ScheduleError(
          file: "command line", "\(flag) \(reference) is a record of \(original.id), not of \(activityID)")
      }
      let id = original.id
      try checkFlags(plan: plan, day: original.recorded, today: today, id: id)
      let activity = try plan.requireActivity(id)
      var record = ProgressUpdate(
        recorded: original.recorded, id: id, note: note, source: source, assumption: assumption,
        entered: today)
      if correct != nil {
        record.actualStart = actualStart
        record.actualFinish = actualFinish
        record.percentComplete = percent
        record.forecastStart = forecastStart
        record.forecastFinish = forecastFinish
        record.statedFinish = statedFinish
        record.kp = kp
        if kp != nil { record.route = route }
        if status == .done, record.actualFinish == nil { record.actualFinish = original.recorded }
        if status == .inProgress, activity.isMilestone {
          throw ScheduleError(file: "command line", "--status in-progress: \(id) is a milestone")
        }
        if status == .inProgress, record.actualStart == nil { record.actualStart = original.recorded }
        guard !record.isEmpty else {
          throw ValidationError("--correct: give the facts the record should have said (or --void it)")
        }
        record.corrects = reference
      } else {
        record.voids = reference
      }
      let appended = try append(record, plan: plan, url: url)
      let recordID = UpdateHistory.recordID(appended.history.records.count - 1)
      let day = original.recorded
      let status = try CaspianSchedule.Schedule.status(plan: plan, history: appended.history, asOf: day)
      let now = status.activity(id)!
      print(
        "Recorded \(recordID): \(correct != nil ? "corrects" : "voids") \(reference) (\(id), recorded \(original.recorded)); "
          + "\(id) as of \(day): \(now.state.label), \(fixed(now.percentComplete, 1)) %, "
          + (now.state == .done ? "finished \(now.forecastFinish)" : "forecast finish \(now.forecastFinish)")
          + " -> \(UpdateLog.url(forPlan: url).path)")
    }

    /// Flag values in their documented ranges (`Limits`), record dates not after today, text that
    /// is safe on a terminal.
    private func checkFlags(plan: Plan, day: CalendarDate, today: CalendarDate, id: String) throws {
      let source = "command line"
      if day > today {
        throw ScheduleError(
          file: source, "--date \(day) is after today (\(today)): record facts once they are known")
      }
      for (name, value) in [("--actual-start", actualStart), ("--actual-finish", actualFinish)] {
        if let value, value > day {
          throw ScheduleError(
            file: source,
            "\(id): \(name) \(value) is in the future of the record date \(day) (--date/--as-of)")
        }
      }
      if let percent { try Limits.percentFlag.check(percent, source: source) }
      if let kp {
        let limit = Limits.kpFlag
        let length = plan.routeLengthKm ?? limit.range.upperBound
        let snapped = plan.snappedKP(kp)
        // The length as printed is accepted (half the printed precision either way), and a KP
        // beyond it is refused naming the length as printed (to the metre), not all its digits.
        if Limit(limit.name, limit.range.lowerBound...length, unit: limit.unit).problem(snapped) != nil {
          let printed = length < limit.range.upperBound ? (length * 1000).rounded() / 1000 : length
          try Limit(limit.name, limit.range.lowerBound...printed, unit: limit.unit).check(
            snapped, source: source)
        }
      }
      for (flag, text) in [("--note", note), ("--source", self.source), ("--assumed", assumption)] {
        if let text, let problem = TerminalText.problem(in: text, allowingNewlines: flag == "--note") {
          throw ScheduleError(file: source, "\(flag) \(problem)")
        }
      }
    }
  }
}

extension ActivityState: ExpressibleByArgument {}
