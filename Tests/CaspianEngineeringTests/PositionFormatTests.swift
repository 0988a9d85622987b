import Testing

@testable import CaspianEngineering

@Suite struct PositionFormatTests {
  @Test(arguments: [
    (43.635, "43°38.100'N"),
    (40.61, "40°36.600'N"),
    (-0.5, "00°30.000'S"),
    (43.99999999, "44°00.000'N"),
    (-12.0000001, "12°00.000'S"),
  ])
  func latitude(_ value: Double, _ expected: String) {
    #expect(PositionFormat.degreesDecimalMinutes(latitude: value) == expected)
  }

  @Test(arguments: [
    (51.14, "051°08.400'E"),
    (49.67, "049°40.200'E"),
    (-3.25, "003°15.000'W"),
  ])
  func longitude(_ value: Double, _ expected: String) {
    #expect(PositionFormat.degreesDecimalMinutes(longitude: value) == expected)
  }
}
