import ArgumentParser
import CaspianSchedule
import CaspianSupport
import Foundation

extension CaspianLink.Schedule {
  struct Risk: AsyncParsableCommand {
    /// The seed used without `--seed` (fixed, so two runs are identical).
    static let defaultSeed: UInt64 = 2026
    static let defaultIterations = 10_000

    static let configuration = CommandConfiguration(
      commandName: "risk",
      abstract:
        "Monte Carlo schedule risk: the probability of ready-for-service by the deadline, and what drives it.",
      discussion: """
        Draws each activity's duration from its range (plan key `duration`, triangular or pert; \
        working days stretched by its `calendar`), fires each plan risk with its probability, and \
        runs the same forward/backward pass as `schedule status` per iteration; work done by \
        --as-of keeps its actual dates. Prints the P10/P50/P80/P90 finish, the probability of \
        finishing on or before the deadline, an S-curve, the top drivers (rank correlation of \
        duration with the finish; criticality = share of iterations on the critical path) and \
        the days each risk adds to P80.

        The default seed is \(defaultSeed): two runs with the same plan, records, --as-of, \
        --iterations and --seed print the same bytes, on any number of cores.

        Examples:
          caspian-link schedule risk --as-of 2026-02-24
          caspian-link schedule risk --iterations 100000 --seed 7 --format json
        """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("Iterations to draw.", valueName: "n"))
    var iterations: Int = defaultIterations
    @Option(help: ArgumentHelp("Random seed (fixed default, so runs repeat).", valueName: "s"))
    var seed: UInt64 = defaultSeed
    @Option(help: "table (for people) or json (for programs).") var format: OutputFormat = .table

    func run() async throws {
      try Limits.iterations.check(Double(iterations), source: "command line")
      try Limits.seed.check(Double(seed), source: "command line")
      let (plan, history, _) = try plan.load()
      let result = try await RiskAnalysis.run(
        plan: plan, history: history, asOf: asOf.resolved, iterations: iterations, seed: seed)
      switch format {
      case .json: StandardOutput.write(ScheduleExport.json(risk: result))
      case .table:
        if !plan.hasUncertainty {
          warn("\(plan.file) has no duration ranges or risks: every iteration is the deterministic schedule")
        }
        print(Self.table(result))
      }
    }

    static func percent(_ share: Double) -> String { fixed(100 * share, 1) + " %" }

    static func table(_ risk: RiskResult) -> String {
      var lines = [
        "\(risk.project): schedule risk as of \(risk.asOf) (plan \(risk.planFile))",
        "\(risk.iterations) iterations, seed \(risk.seed)", "",
        "Ready for service  deterministic \(risk.deterministicFinish), deadline \(risk.deadline)",
        "  P10 \(risk.p10)   P50 \(risk.p50)   P80 \(risk.p80)   P90 \(risk.p90)   mean \(risk.mean)",
        "  Probability of ready for service by \(risk.deadline): \(percent(risk.onTimeProbability))", "",
        "S-curve (share of iterations finished by each date)",
      ]
      lines += sCurve(risk)
      var drivers = TextTable([
        ("ID", .left), ("Activity", .left), ("Sensitivity", .right), ("Criticality", .right),
        ("P50 finish", .left),
        ("P80 finish", .left),
      ])
      let ranked = risk.activities.filter { $0.sensitivity != 0 }
        .sorted { (abs($0.sensitivity), $0.criticality) > (abs($1.sensitivity), $1.criticality) }
      for item in ranked.prefix(8) {
        drivers.append([
          item.id, item.name, fixed(item.sensitivity, 2), percent(item.criticality),
          item.p50Finish.description,
          item.p80Finish.description,
        ])
      }
      lines += [
        "", "Top drivers (sensitivity: rank correlation of duration with the finish)", drivers.render(),
      ]
      if !risk.risks.isEmpty {
        var risks = TextTable([
          ("Risk", .left), ("Name", .left), ("Probability", .right), ("Adds to P80", .right),
        ])
        for item in risk.risks {
          risks.append([item.id, item.name, percent(item.probability), "\(item.p80DaysAdded) days"])
        }
        lines += ["", risks.render()]
      }
      return lines.joined(separator: "\n")
    }

    /// About 15 rows from the first to the last finish, plus the deadline's row.
    static func sCurve(_ risk: RiskResult) -> [String] {
      guard let first = risk.finishCounts.first?.day, let last = risk.finishCounts.last?.day else {
        return []
      }
      let span = last.days(from: first)
      let step = max(1, (span + 13) / 14)
      var days = stride(from: 0, through: span + step - 1, by: step).map { first.adding(days: min($0, span)) }
      if risk.deadline > first, risk.deadline < last, !days.contains(risk.deadline) {
        days.append(risk.deadline)
        days.sort()
      }
      let width = 40
      return days.map { day in
        let share = risk.probability(onOrBefore: day)
        let bar = String(repeating: "#", count: Int((share * Double(width)).rounded()))
        let mark = day == risk.deadline ? "  <- deadline" : ""
        return
          "  \(day)  \(bar.padding(toLength: width, withPad: ".", startingAt: 0))  \(fixed(100 * share, 1).leftPad(5)) %\(mark)"
      }
    }
  }
}

extension String {
  /// Right-aligned in `width` characters.
  fileprivate func leftPad(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
