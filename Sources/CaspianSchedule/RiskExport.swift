import CaspianSupport
import Foundation

extension ScheduleExport {
  /// The risk analysis as a JSON document: `iterations`, `seed`, `deterministicFinish`, `p10`,
  /// `p50`, `p80`, `p90`, `mean` (dates), `onTimeProbability`, `deadline`, `asOf`, `sCurve`
  /// (cumulative share finished by each day), `activities[]` (`id`, `criticality`,
  /// `sensitivity`, `p50Finish`, `p80Finish`) and `risks[]` (`id`, `probability`, `p80DaysAdded`).
  public static func json(risk: RiskResult) -> Data {
    var seen = 0
    let curve: [JSONValue] = risk.finishCounts.map { entry in
      seen += entry.count
      return [
        "date": .string(entry.day.description),
        "probability": .number(rounded(Double(seen) / Double(risk.iterations), 4)),
      ]
    }
    let document: JSONValue = [
      "project": .string(risk.project), "plan": .string(risk.planFile),
      "asOf": .string(risk.asOf.description),
      "deadline": .string(risk.deadline.description), "iterations": JSONValue(risk.iterations),
      "seed": .number(Double(risk.seed)),
      "deterministicFinish": .string(risk.deterministicFinish.description),
      "p10": .string(risk.p10.description), "p50": .string(risk.p50.description),
      "p80": .string(risk.p80.description), "p90": .string(risk.p90.description),
      "mean": .string(risk.mean.description),
      "onTimeProbability": .number(rounded(risk.onTimeProbability, 4)),
      "sCurve": .array(curve),
      "activities": .array(
        risk.activities.map { item -> JSONValue in
          [
            "id": .string(item.id), "name": .string(item.name),
            "criticality": .number(rounded(item.criticality, 4)),
            "sensitivity": .number(rounded(item.sensitivity, 4)),
            "p50Finish": .string(item.p50Finish.description),
            "p80Finish": .string(item.p80Finish.description),
          ]
        }),
      "risks": .array(
        risk.risks.map { item -> JSONValue in
          [
            "id": .string(item.id), "name": .string(item.name), "probability": .number(item.probability),
            "p80DaysAdded": JSONValue(item.p80DaysAdded),
          ]
        }),
    ]
    return Data(document.prettyPrinted().utf8)
  }
}
