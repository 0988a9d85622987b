import CaspianSupport
import Testing

struct GroupedThousandsTests {
  @Test func groupedThousands() {
    #expect(CaspianSupport.groupedThousands(1_234_567.4) == "1,234,567")
    #expect(CaspianSupport.groupedThousands(999) == "999")
    #expect(CaspianSupport.groupedThousands(-45_000) == "-45,000")
    // Beyond any amount the limits allow: no trap.
    #expect(CaspianSupport.groupedThousands(1e308) == "1e+308")
    #expect(CaspianSupport.groupedThousands(.nan) == "nan")
  }
}
