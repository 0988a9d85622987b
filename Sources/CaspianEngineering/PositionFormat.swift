/// Positions written the way cable engineers read them.
public enum PositionFormat {
  /// Degrees and decimal minutes to 0.001′ (about 2 m), e.g. `43°38.100'N`.
  public static func degreesDecimalMinutes(latitude: Double) -> String {
    ddm(latitude, positive: "N", negative: "S", degreeDigits: 2)
  }

  /// Degrees and decimal minutes to 0.001′, e.g. `051°08.400'E`.
  public static func degreesDecimalMinutes(longitude: Double) -> String {
    ddm(longitude, positive: "E", negative: "W", degreeDigits: 3)
  }

  private static func ddm(_ degrees: Double, positive: String, negative: String, degreeDigits: Int)
    -> String
  {
    // Round once, in thousandths of a minute, so 59.9996′ carries into the degrees.
    let thousandths = Int((abs(degrees) * 60_000).rounded())
    let whole = thousandths / 60_000
    let minuteThousandths = thousandths % 60_000
    let hemisphere = degrees < 0 && thousandths > 0 ? negative : positive
    return "\(padded(whole, degreeDigits))°\(padded(minuteThousandths / 1000, 2))."
      + "\(padded(minuteThousandths % 1000, 3))'\(hemisphere)"
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
