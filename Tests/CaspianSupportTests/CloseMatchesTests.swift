import CaspianSupport
import Testing

@Suite struct CloseMatchesTests {
  let landings = ["Aktau", "Aktau North", "Kuryk", "Sumgait", "Siyazan", "Buzovna", "Turkmenbashi"]

  @Test func typosAndPrefixesMatchIgnoringCase() {
    #expect(CloseMatches.of("aktua", in: landings) == ["Aktau"])  // two letters swapped
    #expect(CloseMatches.of("SUMGAYIT", in: landings) == ["Sumgait"])  // one substitution, one insertion
    #expect(CloseMatches.of("akt", in: landings) == ["Aktau", "Aktau North"])  // prefix
    #expect(CloseMatches.of("Baku", in: landings).isEmpty)
  }

  @Test func hintReadsAsASentenceTail() {
    #expect(CloseMatches.hint(for: "RSF", in: ["RFS", "LAY"]) == "; did you mean RFS?")
    #expect(CloseMatches.hint(for: "XYZ", in: ["RFS", "LAY"]) == "")
  }
}
