import CaspianAnalysis
import CaspianGeometry
import CaspianSchedule
import CaspianSupport
import Foundation

/// One position fix of the lay vessel.
public struct LayFix: Sendable, Equatable {
  /// When, as a UTC instant (times without a zone are read as UTC).
  public var time: Date
  public var position: Coordinate
  /// Cable paid out since the start of the lay, km (cumulative), if logged.
  public var payoutKm: Double?
  /// The KP the vessel logged itself, km, if any (kept; the KP used is the projection on the route).
  public var loggedKpKm: Double?
  /// 1-based line (CSV) or feature number (GeoJSON) in the file it came from; 0 when stored.
  public var line: Int
  /// The file gave the time without a zone (read as UTC).
  public var timeWithoutZone: Bool
  /// The update-log record of the `lay import` that brought the fix (`R24`), once stored; nil
  /// for fixes stored before records named their fixes.
  public var record: String?

  public init(
    time: Date, position: Coordinate, payoutKm: Double? = nil, loggedKpKm: Double? = nil, line: Int = 0,
    timeWithoutZone: Bool = false, record: String? = nil
  ) {
    self.time = time
    self.position = position
    self.payoutKm = payoutKm
    self.loggedKpKm = loggedKpKm
    self.line = line
    self.timeWithoutZone = timeWithoutZone
    self.record = record
  }

  /// True if `other` is the same fix (time, position, payout, logged KP), wherever it was read.
  public func isSame(as other: LayFix) -> Bool {
    time == other.time && position == other.position && payoutKm == other.payoutKm
      && loggedKpKm == other.loggedKpKm
  }
}

/// Reading and writing lay vessel position logs.
///
/// CSV: a header naming the columns (any order, case ignored): `time` (or `timestamp`,
/// `datetime`), `lon` (or `longitude`), `lat` (or `latitude`), and optionally `payout_km` (or
/// `payout`, `payoutKm`: cable paid out, km, cumulative) and `kp` (or `kp_km`, `kpKm`). GeoJSON:
/// Point features with the properties `time`, `payoutKm`, `kpKm`. Times are ISO 8601
/// (`2026-06-01T06:00:00+04:00`, `2026-06-01 06:00Z`); without a zone they are UTC.
public enum LayLog {
  /// The fixes in `data`, in file order; `file` names it in errors (its extension chooses the format).
  /// - Throws: `FileError` naming the file and line of the first bad fix, or a time that
  ///   goes backwards, or two different fixes at one time.
  public static func parse(_ data: Data, file: String) throws -> (fixes: [LayFix], duplicates: [Int]) {
    let isGeoJSON = ["geojson", "json"].contains(URL(fileURLWithPath: file).pathExtension.lowercased())
    let fixes = try isGeoJSON ? geoJSONFixes(data, file: file) : csvFixes(data, file: file)
    guard !fixes.isEmpty else { throw FileError(file: file, problem: "no position fixes in the file") }
    var kept: [LayFix] = []
    var duplicates: [Int] = []
    for fix in fixes {
      if let last = kept.last {
        if fix.time < last.time {
          throw FileError(
            file: file,
            problem:
              "line \(fix.line): time \(timestamp(fix.time)) goes backwards (line \(last.line) is \(timestamp(last.time)))"
          )
        }
        if fix.time == last.time {
          guard fix.isSame(as: last) else {
            throw FileError(
              file: file,
              problem:
                "line \(fix.line): a different fix at the same time as line \(last.line) (\(timestamp(fix.time)))"
            )
          }
          duplicates.append(fix.line)
          continue
        }
      }
      kept.append(fix)
    }
    return (kept, duplicates)
  }

  /// The stored form of `fixes` (the CSV this reader reads, times in UTC, with the record of
  /// the import that brought each fix).
  public static func csvText(_ fixes: [LayFix]) -> String {
    var text = "time,lon,lat,payout_km,kp_km,record\n"
    for fix in fixes {
      text +=
        [
          timestamp(fix.time), JSONValue.numberText(fix.position.longitude),
          JSONValue.numberText(fix.position.latitude),
          fix.payoutKm.map(JSONValue.numberText) ?? "", fix.loggedKpKm.map(JSONValue.numberText) ?? "",
          fix.record ?? "",
        ].joined(separator: ",") + "\n"
    }
    return text
  }

  /// An instant as ISO 8601 in UTC, to the second ("2026-06-01T02:00:00Z").
  public static func timestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let (days, second) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
    return "\(CalendarDate(dayNumber: days))T"
      + String(format: "%02d:%02d:%02dZ", second / 3600, second / 60 % 60, second % 60)
  }

  /// An ISO 8601 time ("2026-06-01T06:00:00+04:00", "2026-06-01 06:00Z", seconds and their
  /// fraction optional); without a zone, UTC (`zoned` false). Nil if it is not one.
  static func time(_ text: String) -> (date: Date, zoned: Bool)? {
    let value = Array(text.trimmingCharacters(in: .whitespaces).utf8)
    guard value.count >= 16, value[10] == UInt8(ascii: "T") || value[10] == UInt8(ascii: " "),
      let day = CalendarDate(String(decoding: value[0..<10], as: UTF8.self))
    else { return nil }
    var index = 11
    func digits(_ count: Int) -> Int? {
      guard index + count <= value.count else { return nil }
      var number = 0
      for byte in value[index..<index + count] {
        guard (48...57).contains(byte) else { return nil }
        number = number * 10 + Int(byte - 48)
      }
      index += count
      return number
    }
    func skip(_ character: Character) -> Bool {
      guard index < value.count, value[index] == character.asciiValue! else { return false }
      index += 1
      return true
    }
    guard let hour = digits(2), hour < 24, skip(":"), let minute = digits(2), minute < 60 else { return nil }
    var second = 0.0
    if skip(":") {
      guard let whole = digits(2), whole < 60 else { return nil }
      second = Double(whole)
      if skip(".") {
        let start = index
        while index < value.count, (48...57).contains(value[index]) { index += 1 }
        guard index > start,
          let fraction = Double("0." + String(decoding: value[start..<index], as: UTF8.self))
        else { return nil }
        second += fraction
      }
    }
    var offset = 0
    var zoned = true
    if skip("Z") {
    } else if index < value.count, value[index] == UInt8(ascii: "+") || value[index] == UInt8(ascii: "-") {
      let sign = value[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      guard let hours = digits(2), hours < 24 else { return nil }
      _ = skip(":")
      guard let minutes = digits(2), minutes < 60 else { return nil }
      offset = sign * (hours * 3600 + minutes * 60)
    } else {
      zoned = false
    }
    guard index == value.count else { return nil }
    let seconds = Double(day.dayNumber * 86_400 + hour * 3600 + minute * 60 - offset) + second
    return (Date(timeIntervalSince1970: seconds), zoned)
  }

  private static func csvFixes(_ data: Data, file: String) throws -> [LayFix] {
    guard let text = String(data: data, encoding: .utf8) else {
      throw FileError(file: file, problem: "not UTF-8 text")
    }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard let header = lines.first else { throw FileError(file: file, problem: "empty file") }
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "\u{FEFF}", with: "")
    }
    func column(_ aliases: [String]) -> Int? { names.firstIndex { aliases.contains($0) } }
    guard let timeColumn = column(["time", "timestamp", "datetime"]),
      let lonColumn = column(["lon", "longitude"]), let latColumn = column(["lat", "latitude"])
    else {
      throw FileError(
        file: file,
        problem:
          "line 1: the header must name time, lon and lat columns (got \(names.joined(separator: ",")))")
    }
    let payoutColumn = column(["payout_km", "payout", "payoutkm"])
    let kpColumn = column(["kp", "kp_km", "kpkm"])
    let recordColumn = column(["record"])
    var fixes: [LayFix] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let lineNumber = offset + 1
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      func fail(_ message: String) -> FileError {
        FileError(file: file, problem: "line \(lineNumber): \(message)")
      }
      guard fields.count == names.count else {
        throw fail("\(fields.count) fields, the header has \(names.count)")
      }
      func number(_ index: Int?, _ name: String) throws -> Double? {
        guard let index, !fields[index].isEmpty else { return nil }
        guard let value = Double(fields[index]), value.isFinite else {
          throw fail("\(name) '\(CloseMatches.echo(fields[index]))' is not a number")
        }
        return value
      }
      guard let time = time(fields[timeColumn]) else {
        throw fail("time '\(CloseMatches.echo(fields[timeColumn]))' is not an ISO 8601 time")
      }
      guard let lon = try number(lonColumn, "lon"), let lat = try number(latColumn, "lat") else {
        throw fail("a fix needs lon and lat")
      }
      var fix = try fix(
        time: time, lon: lon, lat: lat, payout: try number(payoutColumn, "payout_km"),
        kp: try number(kpColumn, "kp"), line: lineNumber, fail: fail)
      if let recordColumn, !fields[recordColumn].isEmpty { fix.record = fields[recordColumn] }
      fixes.append(fix)
    }
    return fixes
  }

  private static func geoJSONFixes(_ data: Data, file: String) throws -> [LayFix] {
    let collection = try GeoJSON.decodeFeatureCollection(data, source: file)
    var fixes: [LayFix] = []
    for (index, feature) in collection.features.enumerated() {
      guard case .point(let point)? = feature.geometry else { continue }
      func fail(_ message: String) -> FileError {
        FileError(file: file, problem: "feature \(index + 1): \(message)")
      }
      guard let text = feature.properties["time"]?.stringValue, let time = time(text) else {
        throw fail("a fix needs a 'time' property with an ISO 8601 time")
      }
      fixes.append(
        try fix(
          time: time, lon: point.longitude, lat: point.latitude,
          payout: feature.properties["payoutKm"]?.doubleValue,
          kp: feature.properties["kpKm"]?.doubleValue, line: index + 1, fail: fail))
    }
    return fixes
  }

  private static func fix(
    time: (date: Date, zoned: Bool), lon: Double, lat: Double, payout: Double?, kp: Double?, line: Int,
    fail: (String) -> FileError
  ) throws -> LayFix {
    let position = Coordinate(longitude: lon, latitude: lat)
    guard position.isInRange else { throw fail("position \(lon), \(lat) is out of range") }
    if let payout, let problem = Limits.named("payout_km").problem(payout) { throw fail(problem) }
    if let kp, let problem = Limits.kp.problem(kp) { throw fail(problem) }
    return LayFix(
      time: time.date, position: position, payoutKm: payout, loggedKpKm: kp, line: line,
      timeWithoutZone: !time.zoned)
  }
}

/// What came of merging newly read fixes with the project's known ones.
public struct LayMerge: Sendable {
  /// Every fix now known, in time order.
  public let fixes: [LayFix]
  /// Fixes of the file that are new.
  public let added: [LayFix]
  /// Fixes of the file already known from an earlier import.
  public let alreadyKnown: Int

  /// Merges `new` (from `file`) into `known`: a fix already known adds nothing; a new fix must be
  /// later than the last known one.
  /// - Throws: `FileError` for a fix at a known time with other values, or a new fix before the
  ///   last known one.
  public init(known: [LayFix], new: [LayFix], file: String) throws {
    var byTime: [Date: LayFix] = [:]
    for fix in known { byTime[fix.time] = fix }
    var added: [LayFix] = []
    var alreadyKnown = 0
    let last = known.last?.time
    for fix in new {
      if let old = byTime[fix.time] {
        guard old.isSame(as: fix) else {
          throw FileError(
            file: file,
            problem:
              "line \(fix.line): a fix at \(LayLog.timestamp(fix.time)) is already known with other values")
        }
        alreadyKnown += 1
        continue
      }
      if let last, fix.time < last {
        throw FileError(
          file: file,
          problem:
            "line \(fix.line): \(LayLog.timestamp(fix.time)) is before the last imported fix (\(LayLog.timestamp(last))) and not one of the known fixes"
        )
      }
      added.append(fix)
    }
    self.fixes = known + added
    self.added = added
    self.alreadyKnown = alreadyKnown
  }
}

/// The as-laid cable against the selected route: each fix projected onto the route.
public struct AsLaid: Sendable {
  /// A fix with where it falls on the route.
  public struct Placed: Sendable {
    public let fix: LayFix
    /// KP of the nearest point of the route, km.
    public let kpKm: Double
    /// Distance from the route, m.
    public let offsetM: Double
  }

  public let routeLengthKm: Double
  /// The fixes within `maxOffsetM` of the route.
  public let onRoute: [Placed]
  /// The fixes further off (reported, not used for the KP or the statistics).
  public let offRoute: [Placed]
  public let maxOffsetM: Double

  /// Projects every fix onto `track`.
  public init(fixes: [LayFix], track: RouteTrack, maxOffsetM: Double) {
    let samples = track.kpsKm(everyMetres: Self.sampleSpacingM).map { ($0, track.coordinate(atKpKm: $0)) }
    var onRoute: [Placed] = []
    var offRoute: [Placed] = []
    for fix in fixes {
      let (kp, offset) = Self.project(fix.position, on: track, samples: samples)
      let placed = Placed(fix: fix, kpKm: kp, offsetM: offset)
      if offset > maxOffsetM { offRoute.append(placed) } else { onRoute.append(placed) }
    }
    self.routeLengthKm = track.lengthKm
    self.onRoute = onRoute
    self.offRoute = offRoute
    self.maxOffsetM = maxOffsetM
  }

  /// Spacing of the route samples the search for the nearest point starts from, m.
  static let sampleSpacingM = 1000.0

  /// The KP of the route point nearest to `point` and the distance to it: the nearest sample
  /// (found on a local equirectangular approximation, which only has to rank samples 1 km apart),
  /// then a golden-section search on the geodesic distance between its neighbours (distance along
  /// a geodesic leg has one minimum there).
  static func project(_ point: Coordinate, on track: RouteTrack, samples: [(Double, Coordinate)]) -> (
    Double, Double
  ) {
    let geodesic = Geodesic.wgs84
    let scale = cos(point.latitude * .pi / 180)
    var best = 0
    var bestRank = Double.infinity
    for (index, sample) in samples.enumerated() {
      let dx = (sample.1.longitude - point.longitude) * scale
      let dy = sample.1.latitude - point.latitude
      let rank = dx * dx + dy * dy
      if rank < bestRank {
        best = index
        bestRank = rank
      }
    }
    let bestDistance = geodesic.distanceMetres(point, samples[best].1)
    var low = samples[max(0, best - 1)].0
    var high = samples[min(samples.count - 1, best + 1)].0
    func distance(_ kp: Double) -> Double { geodesic.distanceMetres(point, track.coordinate(atKpKm: kp)) }
    let ratio = (sqrt(5.0) - 1) / 2
    var a = high - ratio * (high - low)
    var b = low + ratio * (high - low)
    var fa = distance(a)
    var fb = distance(b)
    while high - low > 1e-5 {  // 1 cm
      if fa < fb {
        high = b
        b = a
        fb = fa
        a = high - ratio * (high - low)
        fa = distance(a)
      } else {
        low = a
        a = b
        fa = fb
        b = low + ratio * (high - low)
        fb = distance(b)
      }
    }
    let kp = (low + high) / 2
    let found = distance(kp)
    return found < bestDistance ? (kp, found) : (samples[best].0, bestDistance)
  }

  /// The furthest KP reached by a fix on the route, km.
  public var kpReachedKm: Double? { onRoute.map(\.kpKm).max() }
  /// Route laid since the first fix on the route: KP reached − the first fix's KP, km.
  public var laidKm: Double? { kpReachedKm.map { $0 - onRoute[0].kpKm } }
  public var crossTrackMaxM: Double? { onRoute.map(\.offsetM).max() }
  /// 95th percentile of the distance from the route (nearest rank), m.
  public var crossTrackP95M: Double? {
    let sorted = onRoute.map(\.offsetM).sorted()
    guard !sorted.isEmpty else { return nil }
    return sorted[min(sorted.count - 1, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)]
  }
  /// Route laid per day between the first and the last fix on the route.
  public var layRateKmPerDay: Double? {
    guard let first = onRoute.first, let last = onRoute.last, let laid = laidKm else { return nil }
    let days = last.fix.time.timeIntervalSince(first.fix.time) / 86_400
    return days > 0 ? laid / days : nil
  }
  /// Cable paid out over route laid, less 1, in percent, between the first and the last fix on
  /// the route that log a payout; nil without two of them or without progress.
  public var slackPercent: Double? {
    let logged = onRoute.filter { $0.fix.payoutKm != nil }
    guard let first = logged.first, let last = logged.last else { return nil }
    let route = last.kpKm - first.kpKm
    guard route > 0 else { return nil }
    return 100 * ((last.fix.payoutKm! - first.fix.payoutKm!) / route - 1)
  }

  /// The figures as `lay status --format json` prints them.
  public var jsonValue: JSONValue {
    [
      "kpReachedKm": JSONValue(kpReachedKm), "laidKm": JSONValue(laidKm),
      "routeLengthKm": .number(routeLengthKm),
      "crossTrackMaxM": JSONValue(crossTrackMaxM), "crossTrackP95M": JSONValue(crossTrackP95M),
      "layRateKmPerDay": JSONValue(layRateKmPerDay), "slackPercent": JSONValue(slackPercent),
      "fixes": .number(Double(onRoute.count + offRoute.count)),
      "offRouteFixes": .number(Double(offRoute.count)),
      "maxOffsetM": .number(maxOffsetM),
      "firstFix": JSONValue(onRoute.first.map { LayLog.timestamp($0.fix.time) }),
      "lastFix": JSONValue(onRoute.last.map { LayLog.timestamp($0.fix.time) }),
    ]
  }
}

extension Project {
  /// The lay vessel's fixes imported so far (`lay import`), in time order.
  public var layFixesURL: URL {
    directory.appendingPathComponent("lay", isDirectory: true).appendingPathComponent("fixes.csv")
  }

  /// Every fix stored so far (none before the first import), voided imports' too.
  public func storedLayFixes() throws -> [LayFix] {
    guard let data = FileManager.default.contents(atPath: layFixesURL.path) else { return [] }
    return try LayLog.parse(data, file: layFixesURL.path).fixes
  }

  /// The fixes imported so far, less those of an import whose record `history` voids (they stay
  /// in `lay/fixes.csv`: voiding the void brings them back).
  public func layFixes(history: UpdateHistory) throws -> [LayFix] {
    let voided = try history.voidedRecordIDs()
    return try storedLayFixes().filter { fix in fix.record.map { !voided.contains($0) } ?? true }
  }

  /// The fixes in force made up to the end of `day` (UTC).
  public func layFixes(upTo day: CalendarDate, history: UpdateHistory) throws -> [LayFix] {
    let end = Date(timeIntervalSince1970: Double(day.dayNumber + 1) * 86_400)
    return try layFixes(history: history).filter { $0.time < end }
  }

  /// Stores every known fix (the file is replaced atomically).
  public func storeLayFixes(_ fixes: [LayFix]) throws {
    try FileManager.default.createDirectory(
      at: layFixesURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(LayLog.csvText(fixes), to: layFixesURL)
  }
}

extension Int {
  /// Division rounding towards minus infinity.
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  /// The remainder of `floorDivided(by:)`, from 0 to `divisor` - 1.
  fileprivate func floorModulo(_ divisor: Int) -> Int { self - floorDivided(by: divisor) * divisor }
}
