import ArgumentParser
import CaspianProject
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

/// `--plan FILE` and `--project DIR`, shared by every schedule command.
///
/// Where the plan comes from: `--plan FILE` (its log next to it, as always); else the project
/// (`--project DIR`, else `$CASPIAN_PROJECT`, else the nearest `caspian-project.json` in the
/// current folder or above), with its selected route; else the bundled plan, read-only (one
/// line on stderr says so).
struct PlanOptions: ParsableArguments {
  @Option(
    name: .customLong("plan"),
    help: ArgumentHelp(
      "The plan (YAML); progress records live next to it in <name>.updates.jsonl. Default: the project's plan, else the bundled one (read-only).",
      valueName: "file"))
  var path: String?

  @OptionGroup var projectOption: ProjectOption
  var project: String? { projectOption.directory }

  /// The project these options name or find, if any (never with `--plan`).
  func resolvedProject() throws -> Project? {
    if path != nil { return nil }
    return try ProjectLocation.find(flag: project)
  }

  /// The plan file's URL.
  func url() throws -> URL {
    if let path { return URL(fileURLWithPath: path) }
    if let project = try resolvedProject() { return project.planURL }
    guard let directory = bundledGeodataDirectory() else {
      throw ScheduleError(
        file: "Geodata/plan.yaml",
        "no project and no bundled Geodata directory found (run `caspian-link init DIR`, or pass --plan FILE)"
      )
    }
    return directory.appendingPathComponent("plan.yaml")
  }

  /// Reads and checks the plan and its update log; a torn last line of the log is reported on
  /// standard error. In a project with a selected route, the lay is measured against that route.
  func load() throws -> (Plan, UpdateHistory, URL) {
    let loaded = try loadInContext()
    return (loaded.plan, loaded.history, loaded.url)
  }

  /// `load()` with the project and its selected route.
  func loadInContext() throws -> LoadedPlan {
    let project = try resolvedProject()
    let url = try url()
    if path == nil, project == nil {
      Notes.add(
        "no project here or above (\(Project.fileName)): using the bundled plan \(url.path), read-only; `caspian-link init DIR` starts a project"
      )
    }
    var plan = try PlanParser.read(from: url, name: path ?? url.path)
    let selection = try project?.selection()
    if let selection { plan = try selection.applied(to: plan) }
    let history = try UpdateLog.read(from: UpdateLog.url(forPlan: url), plan: plan)
    if let torn = history.torn { warn(torn.warning) }
    return LoadedPlan(plan: plan, history: history, url: url, project: project, selection: selection)
  }

  /// `loadInContext()` for a command that writes the log: refused outside a project without
  /// `--plan`, and for a log whose real path is inside the installed `Geodata/`.
  func loadForWriting(command: String) throws -> LoadedPlan {
    if path == nil, try resolvedProject() == nil {
      throw ScheduleError(
        file: command,
        "no project here or above (\(Project.fileName)), and the bundled plan is read-only: run `caspian-link init DIR` and work there (or pass --project DIR or --plan FILE)"
      )
    }
    let url = try url()
    try refuseWritingIntoInstalledGeodata(UpdateLog.url(forPlan: url))
    return try loadInContext()
  }
}

/// `--project DIR`, shared by every command that works in a project.
struct ProjectOption: ParsableArguments {
  @Option(
    name: .customLong("project"),
    help: ArgumentHelp(
      "The project folder (made by `caspian-link init`). Default: $CASPIAN_PROJECT, else the nearest caspian-project.json in the current folder or above.",
      valueName: "dir"))
  var directory: String?
}

/// A plan read with its log, in its project (if any).
struct LoadedPlan {
  let plan: Plan
  let history: UpdateHistory
  let url: URL
  let project: Project?
  let selection: RouteSelection?
}

/// Finding the project folder.
enum ProjectLocation {
  /// The project named by `flag`, else by `$CASPIAN_PROJECT`, else the nearest above the
  /// current folder; nil if there is none.
  static func find(flag: String?) throws -> Project? {
    if let flag { return try Project.read(directory: URL(fileURLWithPath: flag, isDirectory: true)) }
    if let variable = ProcessInfo.processInfo.environment[Project.environmentVariable], !variable.isEmpty {
      return try Project.read(directory: URL(fileURLWithPath: variable, isDirectory: true))
    }
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    return try Project.find(startingAt: here).map(Project.read(directory:))
  }

  /// The project, or an error with the `init` hint for `command`.
  static func require(flag: String?, command: String) throws -> Project {
    guard let project = try find(flag: flag) else {
      throw FileError(
        file: command,
        problem:
          "no project here or above (\(Project.fileName)): run `caspian-link init DIR` and work there (or pass --project DIR)"
      )
    }
    return project
  }
}

/// Notes for standard error, written once the command has succeeded (a failing command prints
/// only its one-line error).
enum Notes {
  nonisolated(unsafe) private static var pending: [String] = []

  static func add(_ message: String) { pending.append(message) }

  /// Writes "caspian-link: note: MESSAGE" lines on standard error.
  static func flush() {
    for message in pending { StandardError.write("caspian-link: note: \(message)\n") }
    pending = []
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
