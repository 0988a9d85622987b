import ArgumentParser
import CaspianSchedule
import CaspianSupport
import Foundation

extension CalendarDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

extension CalendarDate {
  /// Today in the user's time zone (only the executable reads the clock).
  static var today: CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}

/// `--plan FILE`, shared by every schedule command.
struct PlanOptions: ParsableArguments {
  @Option(
    name: .customLong("plan"),
    help: ArgumentHelp(
      "The plan (YAML). Default: plan.yaml in the bundled Geodata directory; progress records live next to it in <name>.updates.jsonl.",
      valueName: "file"))
  var path: String?

  /// The plan file's URL.
  func url() throws -> URL {
    if let path { return URL(fileURLWithPath: path) }
    guard let directory = bundledGeodataDirectory() else {
      throw ScheduleError(
        file: "Geodata/plan.yaml",
        "no bundled Geodata directory found (set CASPIAN_GEODATA or pass --plan FILE)")
    }
    return directory.appendingPathComponent("plan.yaml")
  }

  /// Reads and checks the plan and its update log; a torn last line of the log is reported on
  /// standard error.
  func load() throws -> (Plan, UpdateHistory, URL) {
    let url = try url()
    let plan = try PlanParser.read(from: url, name: path ?? url.path)
    let history = try UpdateLog.read(from: UpdateLog.url(forPlan: url), plan: plan)
    if let torn = history.torn { warn(torn.warning) }
    return (plan, history, url)
  }
}

/// Writes "caspian-link: warning: MESSAGE" on standard error.
func warn(_ message: String) {
  FileHandle.standardError.write(Data("caspian-link: warning: \(message)\n".utf8))
}

/// `--as-of DATE` (default today).
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Compute as of the end of this day (YYYY-MM-DD; default today): later records are ignored.",
      valueName: "date"))
  var date: CalendarDate?

  var resolved: CalendarDate { date ?? .today }
}

/// Writes `text` to `--output FILE` (atomically, never onto one of `inputs`) or to standard output.
func emit(_ text: String, output: String?, inputs: [OutputPaths.Input]) throws {
  if output != nil {
    var outputs = Outputs()
    outputs.add("--output", output, text: text)
    try outputs.write(readingFrom: inputs)
  } else {
    StandardOutput.write(Data(text.utf8))
  }
}

/// Formats a number with a fixed number of decimals.
func fixed(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }

/// Days with a sign: "+12", "-96", "0".
func signed(_ days: Int) -> String { days > 0 ? "+\(days)" : "\(days)" }
