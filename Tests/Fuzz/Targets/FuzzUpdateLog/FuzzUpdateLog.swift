// libFuzzer entry for the update-log reader (build and run with Tools/fuzz.sh): parses the
// bytes as a log and replays the history against a fixed plan with the ids of Geodata/plan.yaml
// (milestones, a lag, KP progress), so the replay checks are fuzzed too. A thrown error is a
// correct answer to bad input; only crashes, traps, hangs and huge allocations are findings.
import CaspianSchedule
import Foundation
import FuzzDriver

let planYAML = """
  project: Fuzz plan
  deadline: 2026-12-31
  finish: RFS
  routeLengthKm: 380
  activities:
    - {id: CONTRACT, name: Contract, milestone: true, weight: 0, baselineFinish: 2025-03-04}
    - {id: DESK, name: Desk study, baselineStart: 2025-03-05, baselineFinish: 2025-05-23, weight: 2, dependsOn: [CONTRACT]}
    - {id: SURVEY, name: Survey, baselineStart: 2025-08-06, baselineFinish: 2025-09-02, weight: 3, dependsOn: [DESK]}
    - {id: RTE, name: Route, baselineStart: 2025-09-03, baselineFinish: 2025-10-31, weight: 2, dependsOn: [SURVEY]}
    - {id: HEARING, name: Hearing, milestone: true, weight: 0, baselineFinish: 2025-12-24, dependsOn: [RTE]}
    - {id: PERMIT, name: Permit, milestone: true, weight: 0, baselineFinish: 2026-03-31, dependsOn: [HEARING]}
    - {id: MANUF, name: Manufacture, baselineStart: 2025-11-01, baselineFinish: 2026-05-31, weight: 20, dependsOn: [RTE]}
    - {id: CHARTER, name: Charter, milestone: true, weight: 0, baselineFinish: 2025-12-31, dependsOn: [CONTRACT]}
    - {id: VESSEL, name: Vessel, baselineStart: 2026-01-01, baselineFinish: 2026-03-31, weight: 5, dependsOn: [CHARTER]}
    - id: LAY
      name: Main lay
      baselineStart: 2026-06-01
      baselineFinish: 2026-08-31
      dependsOn: [MANUF, {id: VESSEL, lagDays: 7}, PERMIT]
      weight: 30
      progress: kp
    - {id: RFS, name: Ready for service, milestone: true, weight: 0, baselineFinish: 2026-11-30, dependsOn: [LAY]}
  """

// Parsed once; a failure here is a broken fuzz target, not a finding.
let plan = try! PlanParser.parse(planYAML, file: "fuzz-plan.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = fuzzInput(start, count)
  guard let history = try? UpdateLog.parse(data, file: "fuzz.updates.jsonl") else { return 0 }
  _ = try? history.validate(against: plan)
  return 0
}

/// Runs libFuzzer's driver on `fuzz`.
@main
enum FuzzMain {
  static func main() { runFuzzer(fuzz) }
}
