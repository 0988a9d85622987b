import CaspianSchedule
import Testing

@Suite struct CalendarDateTests {
  @Test func dayNumbersMatchKnownValues() {
    #expect(day("1970-01-01").dayNumber == 0)
    #expect(day("2000-03-01").dayNumber == 11_017)
    #expect(day("1969-12-31").dayNumber == -1)
    #expect(day("2026-12-31").dayNumber == 20_818)
  }

  @Test func arithmeticCrossesMonthsAndLeapDays() {
    #expect(day("2024-02-28").adding(days: 2) == day("2024-03-01"))
    #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
    #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
    #expect(day("2026-05-31").days(from: day("2026-02-24")) == 96)
  }

  @Test func roundTripsEveryDayOverFourCenturies() {
    var date = day("1900-01-01")
    var mismatches: [CalendarDate] = []
    var previous = date.dayNumber - 1
    while date < day("2300-01-01") {
      if CalendarDate(date.description) != date || date.dayNumber != previous + 1 { mismatches.append(date) }
      previous = date.dayNumber
      date = date.adding(days: 1)
    }
    #expect(mismatches.isEmpty)
  }

  @Test(arguments: [
    "2025-02-30", "2025-13-01", "2025-2-3", "25-02-03", "2025-02-03T00:00", "", "2025/02/03", "2100-02-29",
  ])
  func rejectsWhatIsNotADate(_ text: String) {
    #expect(CalendarDate(text) == nil)
  }

  @Test func formatsForICalendar() {
    #expect(day("2026-03-04").basicFormat == "20260304")
    #expect(day("2024-02-29").description == "2024-02-29")
  }
}
