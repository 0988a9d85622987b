import ArgumentParser
import CaspianAnalysis
import CaspianGeometry
import CaspianProject
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink {
  struct Lay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lay",
      abstract: "As-laid tracking: the lay vessel's position log against the selected route.",
      subcommands: [Import.self, Status.self])
  }
}

/// `--project` and `--max-offset`, shared by the lay commands.
struct LayOptions: ParsableArguments {
  @OptionGroup var project: ProjectOption

  @Option(
    name: .customLong("max-offset"), parsing: .unconditional,
    help: ArgumentHelp(
      "Fixes further than this from the route are reported and not used, metres (default 500).",
      valueName: "m"))
  var maxOffsetM: Double = Self.defaultMaxOffsetM

  /// `--max-offset` unless given, m.
  static let defaultMaxOffsetM = 500.0

  /// What the lay commands work on: the project, its selected route as a track, and the plan
  /// (measured against that route) with its update log.
  struct Loaded {
    let project: Project
    let selection: RouteSelection
    let track: RouteTrack
    let plan: Plan
    let history: UpdateHistory
  }

  /// The project, its selected route as a track, and its plan with the update log (a torn last
  /// line reported on standard error, as the schedule commands do).
  func load(command: String) throws -> Loaded {
    try Limits.layMaxOffset.check(maxOffsetM, source: "command line")
    let project = try ProjectLocation.require(flag: project.directory, command: command)
    guard let selection = try project.selection() else {
      throw FileError(
        file: command,
        problem:
          "the project has no selected route: `caspian-link route select --route FILE --option N` first")
    }
    let path = project.selectedRouteURL.path
    let input = try RouteFile.read(path: path, option: selection.option, landings: [])[0]
    let track: RouteTrack
    do {
      track = try RouteTrack(points: input.points)
    } catch {
      throw FileError(file: path, problem: "\(error)")
    }
    let plan = try selection.applied(to: PlanParser.read(from: project.planURL))
    let history = try UpdateLog.read(from: UpdateLog.url(forPlan: project.planURL), plan: plan)
    if let torn = history.torn { warn(torn.warning) }
    return Loaded(project: project, selection: selection, track: track, plan: plan, history: history)
  }
}

extension CaspianLink.Lay {
  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Read the lay vessel's position log and record the KP reached against the selected route.",
      discussion: """
        FILE is CSV (a header naming time, lon, lat and optionally payout_km, kp) or GeoJSON (Point \
        features with the properties time, payoutKm, kpKm). Times are ISO 8601; a time without a \
        zone is read as UTC. Each fix is projected onto the selected route: its KP and its distance \
        from the route. Fixes further than --max-offset are listed and not used; a time going \
        backwards, or two different fixes at one time, is an error naming the line; a fix repeated \
        exactly is reported and counted once. Fixes already imported add nothing (the count is \
        printed). The fixes are kept in lay/fixes.csv; the KP reached goes to the update log as a \
        record of the cable lay on the day of the last fix (UTC), so its percent and forecast follow.

        Examples:
          caspian-link lay import vessel-2026-06-20.csv
          caspian-link lay import track.geojson --max-offset 250
        """)

    @Argument(help: ArgumentHelp("The position log (.csv or .geojson).", valueName: "file")) var file: String
    @OptionGroup var options: LayOptions

    func run() async throws {
      let loaded = try options.load(command: "lay import")
      let (project, selection, track, plan) = (loaded.project, loaded.selection, loaded.track, loaded.plan)
      var history = loaded.history
      let log = UpdateLog.url(forPlan: project.planURL)
      try refuseWritingIntoInstalledGeodata(project.layFixesURL)
      try refuseWritingIntoInstalledGeodata(log)
      let data = try FileBytes.read(URL(fileURLWithPath: file))
      let (read, duplicates) = try LayLog.parse(data, file: file)
      // A voided import's fixes are not known: importing them again records them again.
      let stored = try project.storedLayFixes()
      let inForce = try project.layFixes(history: history)
      let merge = try LayMerge(known: inForce, new: read, file: file)
      for line in duplicates.prefix(5) {
        warn("\(file): line \(line): the same fix as the line before (counted once)")
      }
      if duplicates.count > 5 { warn("\(file): \(duplicates.count - 5) more repeated fixes (counted once)") }
      guard !merge.added.isEmpty else {
        print("\(file): nothing new: all \(merge.alreadyKnown) fix(es) were already imported")
        return
      }
      let asLaid = AsLaid(fixes: merge.fixes, track: track, maxOffsetM: options.maxOffsetM)
      let newTimes = Set(merge.added.map(\.time))
      let newOff = asLaid.offRoute.filter { newTimes.contains($0.fix.time) }
      for item in newOff.prefix(5) {
        warn(
          "\(file): line \(item.fix.line): \(LayLog.timestamp(item.fix.time)) is \(Int(item.offsetM.rounded())) m off the route (more than \(fixed(options.maxOffsetM, 0)) m): not used"
        )
      }
      if newOff.count > 5 { warn("\(file): \(newOff.count - 5) more fixes off the route: not used") }

      guard let lay = plan.activities.first(where: \.progressByKP) else {
        throw ScheduleError(file: plan.file, "no activity has 'progress: kp' (the cable lay)")
      }
      guard let kp = asLaid.kpReachedKm, let first = asLaid.onRoute.first, let last = asLaid.onRoute.last
      else {
        throw FileError(file: file, problem: "no fix within \(fixed(options.maxOffsetM, 0)) m of the route")
      }
      let day = Self.utcDay(last.fix.time)
      let startDay = Self.utcDay(first.fix.time)
      guard day <= .today else {
        throw FileError(
          file: file, problem: "the last fix (\(LayLog.timestamp(last.fix.time))) is after today")
      }
      let known = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: day).activity(
        lay.id)!
      var record = ProgressUpdate(
        recorded: day, id: lay.id, kp: kp,
        note:
          "lay import: \(merge.added.count) new fix(es), \(merge.alreadyKnown) already known; cross-track max \(asLaid.crossTrackMaxM.map { fixed($0, 1) } ?? "-") m",
        source: file)
      record.route = selection.reference
      if known.actualStart == nil {
        // The start is the first fix's day only when the fixes begin at the start of the route:
        // a log that begins mid-route would make the rate so far (and the forecast) far too fast.
        guard first.kpKm <= Self.startKpToleranceKm else {
          let estimate = asLaid.layRateKmPerDay.map { rate in
            // To the nearest day.
            let start = first.fix.time.addingTimeInterval(-first.kpKm / rate * 86_400 + 43_200)
            return String(
              format: "; at the logged %.1f km/day, KP 0 was passed about %@", rate,
              Self.utcDay(start).description)
          }
          throw FileError(
            file: file,
            problem:
              "the fixes begin at KP \(Plan.printedKm(first.kpKm)), not at the start of the route, and \(lay.id) has no actual start\(estimate ?? ""): record it first (caspian-link schedule update \(lay.id) --actual-start DATE)"
          )
        }
        record.actualStart = startDay
      }
      if plan.snappedKP(kp) >= plan.routeLengthKm!, known.state != .done { record.actualFinish = day }
      let appended = try UpdateLog.append(record, plan: plan, planURL: project.planURL, source: file)
      history = appended.history
      // Each new fix names this import's record; a voided import's fixes stay stored.
      let id = UpdateHistory.recordID(history.records.count - 1)
      let added = merge.added.map { fix in
        var fix = fix
        fix.record = id
        return fix
      }
      let addedTimes = Set(added.map(\.time))
      let inForceTimes = Set(inForce.map(\.time))
      let voided = stored.filter { !inForceTimes.contains($0.time) && !addedTimes.contains($0.time) }
      try project.storeLayFixes((inForce + added + voided).sorted { $0.time < $1.time })
      let now = try CaspianSchedule.Schedule.status(plan: plan, history: history, asOf: day).activity(lay.id)!
      let withoutZone = merge.added.filter(\.timeWithoutZone).count
      print(
        "Imported \(merge.added.count) fix(es) from \(file) (\(merge.alreadyKnown) already known, \(newOff.count) off the route"
          + (withoutZone > 0 ? "; \(withoutZone) time(s) without a zone read as UTC)" : ")"))
      print(
        "Recorded \(lay.id) as of \(day) as \(id): KP \(Plan.printedKm(kp)) of \(Plan.printedKm(asLaid.routeLengthKm)) km, "
          + "\(now.state.label), \(fixed(now.percentComplete, 1)) %, "
          + (now.state == .done ? "finished \(now.forecastFinish)" : "forecast finish \(now.forecastFinish)")
          + " -> \(log.path)")
    }

    /// Fixes that begin within this of KP 0, km, date the lay's start when none is recorded.
    static let startKpToleranceKm = 2.0

    /// The UTC calendar day of an instant.
    static func utcDay(_ time: Date) -> CalendarDate {
      CalendarDate(dayNumber: Int((time.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
  }

  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "The as-laid figures: KP reached, laid, cross-track deviation, lay rate, slack.",
      discussion: """
        From every fix imported so far up to the end of --as-of (UTC), projected onto the selected route. laidKm = KP reached - \
        the KP of the first fix on the route; crossTrackP95M is the 95th percentile (nearest rank) \
        of the distance from the route; layRateKmPerDay = laidKm over the time from the first to \
        the last fix; slackPercent = cable paid out over route laid, less 1 (when payout is logged).

        Examples:
          caspian-link lay status
          caspian-link lay status --format json
          caspian-link lay status --as-of 2026-06-20
        """)

    @OptionGroup var options: LayOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      let loaded = try options.load(command: "lay status")
      let (project, selection) = (loaded.project, loaded.selection)
      let asLaid = AsLaid(
        fixes: try project.layFixes(upTo: asOf.resolved, history: loaded.history), track: loaded.track,
        maxOffsetM: options.maxOffsetM)
      switch format {
      case .json: StandardOutput.write(Data(asLaid.jsonValue.prettyPrinted().utf8))
      case .table:
        func km(_ value: Double?) -> String { value.map { "\(Plan.printedKm($0)) km" } ?? "-" }
        func metres(_ value: Double?) -> String { value.map { "\(fixed($0, 1)) m" } ?? "-" }
        let rows = [
          ("Route", "\(selection.name), \(km(asLaid.routeLengthKm))"),
          (
            "Fixes",
            "\(asLaid.onRoute.count) on the route, \(asLaid.offRoute.count) further than \(fixed(options.maxOffsetM, 0)) m (not used)"
          ),
          ("KP reached", km(asLaid.kpReachedKm)),
          ("Laid", km(asLaid.laidKm)),
          (
            "Cross-track",
            "max \(metres(asLaid.crossTrackMaxM)), 95th percentile \(metres(asLaid.crossTrackP95M))"
          ),
          ("Lay rate", asLaid.layRateKmPerDay.map { "\(fixed($0, 2)) km/day" } ?? "-"),
          ("Slack", asLaid.slackPercent.map { "\(fixed($0, 2)) %" } ?? "- (no payout logged)"),
        ]
        let width = rows.map(\.0.count).max()!
        let lines = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        print((["\(project.name): as laid", ""] + lines).joined(separator: "\n"))
      }
    }
  }
}
