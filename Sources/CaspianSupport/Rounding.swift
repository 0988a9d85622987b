import Foundation

extension Double {
  /// The value rounded to `decimals` places after the point, for figures written to JSON and
  /// GeoJSON (half away from zero, as `rounded()`).
  public func rounded(decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}

/// An amount rounded to a whole number with thousands separated by commas ("1,234,567").
public func groupedThousands(_ value: Double) -> String {
  // Figures come from limited rates; anything beyond 1e18 (or not finite) is not an amount.
  guard value.isFinite, abs(value) < 1e18 else { return String(format: "%.3g", value) }
  let digits = String(Int64(abs(value).rounded()))
  var grouped = ""
  for (offset, digit) in digits.enumerated() {
    if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
    grouped.append(digit)
  }
  return (value < 0 && grouped != "0" ? "-" : "") + grouped
}
