import CYaml
import CaspianSupport
import Foundation
import Yams

/// Reads a plan from YAML. Layout (every date `YYYY-MM-DD`; see Geodata/plan.yaml):
///
/// ```yaml
/// project: Trans-Caspian fibre-optic link
/// deadline: 2026-12-31          # ready for service, inclusive
/// deadlineSource: subtelforum.com/...
/// finish: RFS                   # the milestone whose forecast is the project finish
/// routeName: Aktau - Sumgait    # from `caspian-link route plan`
/// routeLengthKm: 380            # km; KP progress of the lay is measured against it
/// routeSource: ...
/// activities:
///   - id: LAY
///     name: Main lay
///     phase: Installation
///     milestone: false          # true: a 0-day event, give baselineStart = baselineFinish
///     baselineStart: 2026-06-01
///     baselineFinish: 2026-08-31  # inclusive
///     dependsOn: [MANUF, {id: VESSEL, lagDays: 7}, {id: SHORE, type: SS, lagDays: 10}]
///     weight: 20
///     progress: kp              # percent complete from the KP reached
///     responsible: ...
///     source: ...
///     assumed: dates not public  # what is assumed (omit if all of it is on the record)
///     notes: ...
///     duration: {optimistic: 65, likely: 82, pessimistic: 120}  # for `schedule risk`; pert optional
///     calendar: marine          # the range is then in working days
/// risks:                        # optional, like calendars and correlations
///   - {id: STORM, name: ..., probability: 0.3, impactDays: {optimistic: 4, likely: 10, pessimistic: 25}, affects: [LAY]}
/// calendars:
///   marine: {workableShare: {jan: 0.45, ..., dec: 0.45}}   # all twelve months
/// correlations:
///   - {activities: [SHORE-AKT, SHORE-SUM], coefficient: 0.6}
/// ```
public enum PlanParser {
  /// Reads and checks the plan file at `url`; messages name it as `name` (default: its path).
  public static func read(from url: URL, name: String? = nil) throws -> Plan {
    let file = name ?? url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw ScheduleError(file: file, "cannot read the plan: no such file")
    }
    if isDirectory.boolValue { throw ScheduleError(file: file, "is a directory, not a plan file") }
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ScheduleError(file: file, "cannot read the plan: \(error.localizedDescription)")
    }
    return try parse(text, file: file)
  }

  /// Parses and checks plan YAML; `file` names it in messages.
  public static func parse(_ yaml: String, file: String) throws -> Plan {
    try checkAliasExpansion(yaml, file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ScheduleError(
        file: file, line: Self.line(of: error), "not valid YAML: \(Self.problem(of: error))")
    } catch {
      throw ScheduleError(file: file, "not valid YAML: \(error)")
    }
    guard let root, let top = root.mapping else {
      throw ScheduleError(file: file, line: root?.mark?.line, "the plan must be a YAML mapping")
    }
    let reader = NodeReader(file: file)
    try reader.checkKeys(
      top,
      allowed: [
        "project", "deadline", "deadlineSource", "finish", "routeName", "routeLengthKm",
        "routeSource", "activities", "risks", "calendars", "correlations",
      ], context: "the plan")
    guard let list = top["activities"]?.sequence else {
      throw ScheduleError(file: file, line: root.mark?.line, "the plan has no list of activities")
    }
    var activities: [Activity] = []
    for node in list {
      activities.append(try reader.activity(node))
    }
    return try Plan(
      file: file,
      project: try reader.requiredString(top, "project", context: "the plan"),
      deadline: try reader.requiredDate(top, "deadline", context: "the plan"),
      deadlineSource: try reader.string(top, "deadlineSource"),
      finishID: try reader.requiredString(top, "finish", context: "the plan"),
      routeName: try reader.string(top, "routeName"),
      routeLengthKm: try reader.number(top, "routeLengthKm", limit: Limits.routeLengthKm),
      routeSource: try reader.string(top, "routeSource"),
      activities: activities, uncertainty: try reader.uncertainty(top),
      deadlineLine: top["deadline"]?.mark?.line ?? 0)
  }

  /// The most YAML nodes a plan may expand to, counting every use of an alias in full (the
  /// bundled plan has about 1,300; a generated 5,000-activity plan with ranges about 130,000, a
  /// 50,000-activity plan without them about 600,000). Composing, which compares mapping keys in full, then stays
  /// linear: an "alias bomb" (a few lines whose aliases expand exponentially) is refused.
  static let maximumExpandedNodes = 1_000_000

  /// Walks the YAML event stream (linear in the text, aliases not expanded) and refuses a plan
  /// whose aliases expand beyond `maximumExpandedNodes`, in keys and values alike. Syntax errors
  /// are left to the composer, which describes them.
  static func checkAliasExpansion(_ yaml: String, file: String) throws {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(yaml.utf8)
    try bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var sizes: [String: Int] = [:]  // anchor -> expanded node count
      var open: [(anchor: String?, size: Int)] = []  // collections being read
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        var finished: (anchor: String?, size: Int)?
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
          pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        switch event.type {
        case YAML_STREAM_END_EVENT: return
        case YAML_SCALAR_EVENT: finished = (name(event.data.scalar.anchor), 1)
        case YAML_ALIAS_EVENT: finished = (nil, name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1)
        case YAML_SEQUENCE_START_EVENT: open.append((name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT: open.append((name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: finished = open.popLast()
        default: break
        }
        guard let node = finished else { continue }
        if let anchor = node.anchor { sizes[anchor] = node.size }
        if !open.isEmpty { open[open.count - 1].size += node.size }
        if (open.first?.size ?? node.size) > maximumExpandedNodes {
          throw ScheduleError(
            file: file, line: Int(event.start_mark.line) + 1,
            "aliases expand the plan to more than \(maximumExpandedNodes) YAML nodes (an alias bomb?)")
        }
      }
    }
  }

  private static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context):
      return context.mark.line
    default:
      return nil
    }
  }

  private static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return problem
    case .duplicatedKeysInMapping(let duplicates, _):
      return "duplicate key(s) \(duplicates.joined(separator: ", ")) in the mapping that starts on this line"
    default:
      return "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
    }
  }
}

/// Typed access to YAML nodes with errors that name the file and line.
private struct NodeReader {
  let file: String

  func fail(_ node: Node?, _ message: String) -> ScheduleError {
    ScheduleError(file: file, line: node?.mark?.line, message)
  }

  func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, context: String) throws {
    for (key, _) in mapping {
      guard let name = key.string, allowed.contains(name) else {
        throw fail(key, "unknown key '\(key.string ?? "?")' in \(context)")
      }
    }
  }

  func string(_ mapping: Node.Mapping, _ key: String) throws -> String? {
    guard let node = mapping[key] else { return nil }
    guard let scalar = node.scalar else { throw fail(node, "\(key) must be text") }
    if let problem = TerminalText.problem(in: scalar.string, allowingNewlines: key == "notes") {
      throw fail(node, "\(key) \(problem)")
    }
    return scalar.string
  }

  func requiredString(_ mapping: Node.Mapping, _ key: String, context: String) throws -> String {
    guard let value = try string(mapping, key), !value.isEmpty else {
      throw fail(mapping[key] ?? Node.mapping(mapping), "\(context) has no \(key)")
    }
    return value
  }

  /// The number at `key`, in `limit`'s range when one is given.
  func number(_ mapping: Node.Mapping, _ key: String, limit: Limit? = nil) throws -> Double? {
    guard let node = mapping[key] else { return nil }
    guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
      throw fail(node, "\(key): '\(CloseMatches.echo(node.scalar?.string ?? "?"))' is not a number")
    }
    if let problem = limit?.problem(value) { throw fail(node, problem) }
    return value
  }

  func bool(_ mapping: Node.Mapping, _ key: String) throws -> Bool? {
    guard let node = mapping[key] else { return nil }
    switch node.scalar?.string.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default: throw fail(node, "\(key): '\(node.scalar?.string ?? "?")' is not true or false")
    }
  }

  func date(_ mapping: Node.Mapping, _ key: String) throws -> CalendarDate? {
    guard let node = mapping[key] else { return nil }
    guard let text = node.scalar?.string, let date = CalendarDate(text) else {
      throw fail(node, "\(key): '\(node.scalar?.string ?? "?")' is not a calendar date (YYYY-MM-DD)")
    }
    return date
  }

  func requiredDate(_ mapping: Node.Mapping, _ key: String, context: String) throws -> CalendarDate {
    guard let value = try date(mapping, key) else {
      throw fail(Node.mapping(mapping), "\(context) has no \(key)")
    }
    return value
  }

  /// Ids are letters, digits, '-', '_' and '.' (the message echoes the id safely).
  func checkID(_ id: String, _ node: Node?, what: String) throws {
    guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
      throw fail(
        node, "\(what) '\(CloseMatches.echo(id))' may only contain letters, digits, '-', '_' and '.'")
    }
  }

  func activity(_ node: Node) throws -> Activity {
    guard let mapping = node.mapping else { throw fail(node, "an activity must be a mapping") }
    let idNode = mapping["id"]
    guard let id = idNode?.scalar?.string, !id.isEmpty else { throw fail(node, "activity without an id") }
    try checkID(id, idNode, what: "activity id")
    let context = "activity \(id)"
    try checkKeys(
      mapping,
      allowed: [
        "id", "name", "phase", "milestone", "baselineStart", "baselineFinish", "dependsOn", "weight",
        "responsible", "notes", "source", "assumed", "progress", "duration", "distribution", "calendar",
      ], context: context)
    let isMilestone = try bool(mapping, "milestone") ?? false
    let finish = try requiredDate(mapping, "baselineFinish", context: context)
    let start = try date(mapping, "baselineStart") ?? (isMilestone ? finish : nil)
    guard let start else { throw fail(node, "\(context) has no baselineStart") }
    var progress = ProgressMeasure.reported
    if let text = try string(mapping, "progress") {
      guard let measure = ProgressMeasure(rawValue: text) else {
        let names = ProgressMeasure.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        throw fail(mapping["progress"], "\(context): progress must be one of \(names)")
      }
      progress = measure
    }
    return Activity(
      id: id, name: try requiredString(mapping, "name", context: context),
      phase: try string(mapping, "phase") ?? "", isMilestone: isMilestone,
      baselineStart: start, baselineFinish: finish,
      dependsOn: try dependencies(mapping["dependsOn"], context: context),
      weight: try number(mapping, "weight", limit: Limits.weight) ?? 0,
      responsible: try string(mapping, "responsible"), notes: try string(mapping, "notes"),
      source: try string(mapping, "source"), assumption: try string(mapping, "assumed"),
      progress: progress,
      durationRange: try mapping["duration"].map {
        try range(
          $0, key: "duration", context: context, distribution: try distribution(mapping, context: context))
      },
      calendar: try string(mapping, "calendar"), line: node.mark?.line ?? 0)
  }

  /// `distribution: triangular | pert` (default triangular).
  func distribution(_ mapping: Node.Mapping, context: String) throws -> RangeDistribution? {
    guard let text = try string(mapping, "distribution") else { return nil }
    guard let value = RangeDistribution(rawValue: text) else {
      throw fail(
        mapping["distribution"],
        "\(context): distribution must be triangular or pert, got '\(CloseMatches.echo(text))'")
    }
    return value
  }

  /// `{optimistic: 75, likely: 92, pessimistic: 140, distribution: pert}` (days; order and
  /// bounds are checked with the plan).
  func range(_ node: Node, key: String, context: String, distribution: RangeDistribution? = nil) throws
    -> DayRange
  {
    guard let mapping = node.mapping else {
      throw fail(node, "\(context): \(key) must be {optimistic, likely, pessimistic} (days)")
    }
    try checkKeys(
      mapping, allowed: ["optimistic", "likely", "pessimistic", "distribution"],
      context: "\(key) of \(context)")
    func point(_ name: String) throws -> Double {
      guard let value = try number(mapping, name) else {
        throw fail(node, "\(context): \(key) has no \(name)")
      }
      return value
    }
    return DayRange(
      optimistic: try point("optimistic"), likely: try point("likely"), pessimistic: try point("pessimistic"),
      distribution: try self.distribution(mapping, context: context) ?? distribution ?? .triangular,
      line: node.mark?.line ?? 0)
  }

  /// The `risks`, `calendars` and `correlations` sections (all optional).
  func uncertainty(_ top: Node.Mapping) throws -> PlanUncertainty {
    var result = PlanUncertainty()
    if let node = top["calendars"] {
      guard let mapping = node.mapping else {
        throw fail(node, "calendars must be a mapping of name: {workableShare}")
      }
      for (key, value) in mapping {
        guard let name = key.string, !name.isEmpty else { throw fail(key, "a calendar needs a name") }
        try checkID(name, key, what: "calendar name")
        let context = "calendar \(name)"
        guard let body = value.mapping else {
          throw fail(value, "\(context) must be {workableShare: {jan: ..., ...}}")
        }
        try checkKeys(body, allowed: ["workableShare", "source", "assumed", "notes"], context: context)
        for text in ["source", "assumed", "notes"] { _ = try string(body, text) }
        guard let shares = body["workableShare"]?.mapping else {
          throw fail(value, "\(context) has no workableShare mapping (jan ... dec)")
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        try checkKeys(shares, allowed: Set(months), context: "workableShare of \(context)")
        let values = try months.map { month in
          guard let share = try number(shares, month, limit: Limits.workableShare) else {
            throw fail(
              body["workableShare"], "\(context): workableShare has no \(month) (give all 12 months)")
          }
          return share
        }
        result.calendars.append(WorkCalendar(name: name, workableShare: values, line: key.mark?.line ?? 0))
      }
    }
    if let node = top["risks"] {
      guard let list = node.sequence else { throw fail(node, "risks must be a list") }
      for item in list {
        guard let mapping = item.mapping else { throw fail(item, "a risk must be a mapping") }
        guard let id = try string(mapping, "id"), !id.isEmpty else { throw fail(item, "risk without an id") }
        try checkID(id, mapping["id"], what: "risk id")
        let context = "risk \(id)"
        try checkKeys(
          mapping,
          allowed: ["id", "name", "probability", "impactDays", "affects", "source", "assumed", "notes"],
          context: context)
        _ = try string(mapping, "notes")
        guard let probability = try number(mapping, "probability", limit: Limits.probability) else {
          throw fail(item, "\(context) has no probability")
        }
        guard let impact = mapping["impactDays"] else { throw fail(item, "\(context) has no impactDays") }
        let affectsNode = mapping["affects"]
        let affects = try (affectsNode?.sequence.map(Array.init) ?? affectsNode.map { [$0] } ?? []).map {
          node in
          guard let id = node.scalar?.string, !id.isEmpty else {
            throw fail(node, "\(context): affects lists activity ids")
          }
          try checkID(id, node, what: "activity id")
          return id
        }
        result.risks.append(
          ScheduleRisk(
            id: id, name: try requiredString(mapping, "name", context: context), probability: probability,
            impactDays: try range(impact, key: "impactDays", context: context), affects: affects,
            source: try string(mapping, "source"), assumption: try string(mapping, "assumed"),
            line: item.mark?.line ?? 0))
      }
    }
    if let node = top["correlations"] {
      guard let list = node.sequence else { throw fail(node, "correlations must be a list") }
      for item in list {
        guard let mapping = item.mapping else {
          throw fail(item, "a correlation must be {activities: [A, B], coefficient: C}")
        }
        try checkKeys(mapping, allowed: ["activities", "coefficient"], context: "a correlation")
        guard let ids = mapping["activities"]?.sequence.map(Array.init), ids.count == 2,
          let first = ids[0].scalar?.string, let second = ids[1].scalar?.string
        else { throw fail(item, "a correlation names exactly two activities: activities: [A, B]") }
        guard let coefficient = try number(mapping, "coefficient", limit: Limits.correlation) else {
          throw fail(item, "a correlation has no coefficient")
        }
        result.correlations.append(
          DurationCorrelation(
            first: first, second: second, coefficient: coefficient, line: item.mark?.line ?? 0))
      }
    }
    return result
  }

  /// `dependsOn: [A, {id: B, lagDays: 5}, {id: C, type: SS, lagDays: 10}]` (a single id is
  /// accepted too; `type` is FS, SS or FF, default FS).
  func dependencies(_ node: Node?, context: String) throws -> [Dependency] {
    guard let node else { return [] }
    let items = node.sequence.map(Array.init) ?? [node]
    return try items.map { item in
      if let id = item.scalar?.string, !id.isEmpty {
        try checkID(id, item, what: "dependency id")
        return Dependency(id: id, line: item.mark?.line ?? 0)
      }
      guard let mapping = item.mapping else {
        throw fail(item, "\(context): a dependency is an id or {id, type, lagDays}")
      }
      try checkKeys(mapping, allowed: ["id", "type", "lagDays"], context: "a dependency of \(context)")
      var kind = LinkKind.finishToStart
      if let typeNode = mapping["type"] {
        guard let text = typeNode.scalar?.string, let value = LinkKind(rawValue: text.uppercased()) else {
          throw fail(
            typeNode,
            "\(context): dependency type '\(CloseMatches.echo(typeNode.scalar?.string ?? "?"))' is not FS, SS or FF"
          )
        }
        kind = value
      }
      let id = try requiredString(mapping, "id", context: "a dependency of \(context)")
      try checkID(id, mapping["id"], what: "dependency id")
      var lag = 0
      if let lagNode = mapping["lagDays"] {
        guard let value = try number(mapping, "lagDays", limit: Limits.lagDays), value == value.rounded()
        else {
          throw fail(lagNode, "\(context): lagDays must be a whole number of days")
        }
        lag = Int(value)
      }
      return Dependency(id: id, lagDays: lag, kind: kind, line: item.mark?.line ?? 0)
    }
  }
}
