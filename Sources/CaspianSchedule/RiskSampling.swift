import Foundation

/// The random numbers of one iteration: SplitMix64 started from the seed and the iteration
/// number, so iteration k draws the same numbers whichever core runs it and in whichever order
/// (Tools/risk_numpy.py implements the same stream).
struct IterationStream {
  private var state: UInt64

  init(seed: UInt64, iteration: Int) {
    state = Self.mix(seed ^ Self.mix(UInt64(iteration) &+ Self.golden))
  }

  static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  mutating func uniform() -> Double {
    state &+= Self.golden
    return Double(Self.mix(state) >> 11) * 0x1p-53
  }
}

/// The inverse distribution function of a three-point range, in days. A PERT range keeps its
/// Beta quantile function at `tableSize` + 1 evenly spaced probabilities in a table shared by all
/// ranges (`table`, from `tableStart`), so the sampler itself holds no reference and a draw
/// reads two table entries.
struct RangeSampler: Sendable {
  let low: Double
  let mode: Double
  let high: Double
  /// Triangular: the share below the mode, and (high − low)(mode − low), (high − low)(high − mode).
  let split: Double
  let below: Double
  let above: Double
  /// Where this range's table starts in the shared table, or -1 for a triangular range.
  let tableStart: Int

  static let tableSize = 1024

  /// The sampler of `range`, appending its PERT table (if any) to `table` unless `known` (the
  /// start of each table by its Beta parameters) already has it.
  init(_ range: DayRange, table: inout [Double], known: inout [[Double]: Int]) {
    low = range.optimistic
    mode = range.likely
    high = range.pessimistic
    split = high > low ? (mode - low) / (high - low) : 0
    below = (high - low) * (mode - low)
    above = (high - low) * (high - mode)
    guard range.distribution == .pert, high > low else {
      tableStart = -1
      return
    }
    let parameters = [1 + 4 * (mode - low) / (high - low), 1 + 4 * (high - mode) / (high - low)]
    if let start = known[parameters] {
      tableStart = start
    } else {
      tableStart = table.count
      known[parameters] = table.count
      table += Self.betaQuantiles(alpha: parameters[0], beta: parameters[1])
    }
  }

  /// The Beta(alpha, beta) quantiles at k / tableSize, k = 0...tableSize: the distribution
  /// function by the trapezoid rule on as many even steps of x, inverted by linear interpolation.
  static func betaQuantiles(alpha: Double, beta: Double) -> [Double] {
    let n = tableSize
    func density(_ x: Double) -> Double { pow(x, alpha - 1) * pow(1 - x, beta - 1) }
    var cdf = [0.0]
    var sum = 0.0
    var previous = density(0)
    for j in 1...n {
      let next = density(Double(j) / Double(n))
      sum += (previous + next) / 2
      cdf.append(sum)
      previous = next
    }
    cdf = cdf.map { $0 / sum }
    var quantiles: [Double] = []
    var j = 0
    for k in 0...n {
      let u = Double(k) / Double(n)
      while j < n - 1, cdf[j + 1] <= u { j += 1 }
      let step = cdf[j + 1] - cdf[j]
      let fraction = step > 0 ? min(1, max(0, (u - cdf[j]) / step)) : 0
      quantiles.append((Double(j) + fraction) / Double(n))
    }
    return quantiles
  }

  /// The value with cumulative probability `u` (0 ≤ u < 1).
  func value(_ u: Double, table: UnsafeBufferPointer<Double>) -> Double {
    guard high > low else { return low }
    guard tableStart >= 0 else {
      return u < split ? low + (u * below).squareRoot() : high - ((1 - u) * above).squareRoot()
    }
    let t = u * Double(Self.tableSize)
    let k = min(Int(t), Self.tableSize - 1)
    let lower = table[tableStart + k]
    let x = lower + (table[tableStart + k + 1] - lower) * (t - Double(k))
    return low + (high - low) * x
  }
}

/// Standard normal distribution function and its inverse (for the Gaussian copula).
enum Normal {
  static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// P. J. Acklam's rational approximation (relative error below 1.2e-9), for 0 < p < 1.
  static func quantile(_ p: Double) -> Double {
    let a = [
      -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716,
      2.506628277459239,
    ]
    let b = [
      -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
    ]
    let c = [
      -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
      4.374664141464968, 2.938163982698783,
    ]
    let d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
    let low = 0.02425
    if p < low {
      let q = (-2 * log(p)).squareRoot()
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - low { return -quantile(1 - p) }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}

/// Counts of whole days (or day counts), growing to the range seen.
struct DayHistogram: Sendable {
  private(set) var first = 0
  private(set) var counts: [Int] = []

  var total: Int { counts.reduce(0, +) }

  mutating func add(_ day: Int, count: Int = 1) {
    if counts.isEmpty {
      first = day
      counts = [0]
    } else if day < first {
      counts.insert(contentsOf: repeatElement(0, count: first - day), at: 0)
      first = day
    } else if day >= first + counts.count {
      counts.append(contentsOf: repeatElement(0, count: day - first - counts.count + 1))
    }
    counts[day - first] += count
  }

  mutating func merge(_ other: DayHistogram) {
    for (offset, count) in other.counts.enumerated() where count > 0 {
      add(other.first + offset, count: count)
    }
  }

  /// The smallest day d with at least `percent` % of the counts at or below d.
  func percentile(_ percent: Int) -> Int {
    let total = self.total
    var seen = 0
    for (offset, count) in counts.enumerated() {
      seen += count
      if seen * 100 >= percent * total, seen > 0 { return first + offset }
    }
    return first + counts.count - 1
  }

  /// Twice the mid-rank of each day (1-based ranks, ties share their mean rank), by offset.
  func doubledMidRanks() -> [Int64] {
    var below: Int64 = 0
    return counts.map { count in
      defer { below += Int64(count) }
      return 2 * below + Int64(count) + 1
    }
  }

  /// Σ (2 × mid-rank)² over all counts.
  func sumOfSquaredDoubledRanks(_ ranks: [Int64]) -> Double {
    zip(counts, ranks).reduce(0.0) { $0 + Double($1.0) * Double($1.1) * Double($1.1) }
  }
}

/// Day histograms of many series in one flat array (one cache miss per count): each series has
/// a window of days that is moved to the end of the storage, twice as wide, when a day falls
/// outside it.
struct HistogramSet: Sendable {
  private var first: [Int]
  private var offset: [Int]
  private var width: [Int]
  private var counts: [Int32] = []

  init(series: Int) {
    first = Array(repeating: 0, count: series)
    offset = Array(repeating: 0, count: series)
    width = Array(repeating: 0, count: series)
  }

  mutating func add(_ series: Int, _ day: Int, count: Int32 = 1) {
    let position = day - first[series]
    if position >= 0, position < width[series] {
      counts[offset[series] + position] += count
    } else {
      grow(series, toHold: day)
      counts[offset[series] + day - first[series]] += count
    }
  }

  private mutating func grow(_ series: Int, toHold day: Int) {
    let oldFirst = first[series]
    let oldWidth = width[series]
    let low = oldWidth == 0 ? day - 16 : min(oldFirst, day) - oldWidth / 2
    let high = oldWidth == 0 ? day + 48 : max(oldFirst + oldWidth, day + 1) + oldWidth / 2
    let start = counts.count
    counts.append(contentsOf: repeatElement(0, count: high - low))
    for position in 0..<oldWidth {
      counts[start + oldFirst - low + position] = counts[offset[series] + position]
    }
    first[series] = low
    offset[series] = start
    width[series] = high - low
  }

  mutating func merge(_ other: HistogramSet) {
    for series in first.indices {
      for position in 0..<other.width[series] where other.counts[other.offset[series] + position] != 0 {
        add(series, other.first[series] + position, count: other.counts[other.offset[series] + position])
      }
    }
  }

  /// One series as a `DayHistogram`.
  func histogram(_ series: Int) -> DayHistogram {
    var result = DayHistogram()
    for position in 0..<width[series] where counts[offset[series] + position] != 0 {
      result.add(first[series] + position, count: Int(counts[offset[series] + position]))
    }
    return result
  }
}
