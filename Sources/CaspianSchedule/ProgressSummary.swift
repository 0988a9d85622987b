/// The owner's view of a schedule status, shared by `progress`, `report` and `schedule status`
/// so that all three give the same numbers for the same as-of date.
///
/// Late: not done and forecast to finish after its baseline. At risk: not done, not late, with
/// less total float than `riskDays`. Done late: finished after its baseline.
public struct ProgressSummary: Sendable {
  /// The float (days) below which an open activity is at risk, unless told otherwise.
  public static let defaultRiskDays = 30

  public let status: ScheduleStatus
  public let riskDays: Int
  public let done: [ActivityStatus]
  public let doneLate: [ActivityStatus]
  public let open: [ActivityStatus]
  public let late: [ActivityStatus]
  public let atRisk: [ActivityStatus]
  /// The KP-measured activity (the cable lay), if the plan has one.
  public let lay: ActivityStatus?

  public init(_ status: ScheduleStatus, riskDays: Int = defaultRiskDays) {
    self.status = status
    self.riskDays = riskDays
    done = status.activities.filter { $0.state == .done }
    doneLate = done.filter { $0.slipDays > 0 }
    open = status.activities.filter { $0.state != .done }
    late = open.filter { $0.slipDays > 0 }
    atRisk = open.filter { $0.slipDays <= 0 && ($0.totalFloatDays ?? 0) < riskDays }
    lay = status.activities.first { $0.activity.progressByKP }
  }

  /// Route length the lay is measured against, km (the selected route's, else the plan's).
  public var routeLengthKm: Double? { status.plan.routeLengthKm }
  /// Cable laid, km.
  public var cableLaidKm: Double? { status.cableLaidKm }
  /// The cable lay's percent complete.
  public var cableLaidPercent: Double? { lay?.percentComplete }
}
